package optpar.measure;

import java.lang.management.ManagementFactory;
import java.util.function.Supplier;

/**
 * How many bytes a piece of code allocates on the heap, counted by the JVM itself for the
 * current thread ({@code com.sun.management.ThreadMXBean#getCurrentThreadAllocatedBytes}).
 *
 * <p>This is the Java counterpart of asking "how much temporary memory did that NumPy expression
 * need?". The count is exact for the calling thread and includes garbage: every temporary array
 * counts, even when it dies at once.
 * <pre>{@code
 * long bytes = AllocationCounter.bytes(() -> new double[1000]);   // about 8016
 * }</pre>
 */
public final class AllocationCounter {
    private AllocationCounter() {}

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    /** Keeps results reachable so the JIT cannot drop the allocation we want to count. */
    private static volatile Object sink;

    /** Bytes allocated by the current thread while {@code work} runs (its result is kept alive). */
    public static long bytes(Supplier<?> work) {
        if (!THREADS.isThreadAllocatedMemorySupported()) {
            throw new IllegalStateException("this JVM cannot count allocated bytes per thread");
        }
        long before = THREADS.getCurrentThreadAllocatedBytes();
        Object result = work.get();
        long after = THREADS.getCurrentThreadAllocatedBytes();
        sink = result;
        sink = null;
        return after - before;
    }

    /** Bytes allocated by the current thread while {@code work} runs. */
    public static long bytes(Runnable work) {
        return bytes(() -> {
            work.run();
            return null;
        });
    }
}
