package optpar.mandelbrot;

import optpar.NativeLibrary;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;

/**
 * The same loop in C ({@code src/main/c/mandelbrot.c}, gcc -O3 -march=native -ffp-contract=off),
 * called through the Foreign Function &amp; Memory API: what Cython or ctypes are to Python.
 *
 * <p>Three steps, each one line of FFM: look the function up in {@code liboptpar.so} and describe its
 * C signature ({@link NativeLibrary#downcall}); allocate the image in native memory with an
 * {@link Arena} (freed when the arena closes); call the method handle like a Java method. Threads are
 * honoured: Java threads take rows from a shared counter and each calls C for its rows (the arena is
 * shared so every thread may pass the segment).
 *
 * <p>When the library was not built, {@link #available()} is false and {@link #unavailableReason()}
 * says why; {@link #compute} then throws {@link IllegalStateException} with that reason.
 *
 * <pre>{@code
 * var k = new NativeMandelbrot();
 * if (k.available()) System.out.println(MandelbrotProblem.checksum(k.compute(MandelbrotProblem.HEAVY, 2)));
 * else System.out.println(k.unavailableReason());
 * }</pre>
 */
public final class NativeMandelbrot implements MandelbrotKernel {

    static final String SYMBOL = "optpar_mandelbrot_rows";

    /** Rows per call into C: few calls, still enough pieces to balance the threads. */
    static final int ROWS_PER_CALL = 4;

    /** void optpar_mandelbrot_rows(int width, int height, int maxIter, int rowFrom, int rowTo, int *counts) */
    private static final FunctionDescriptor SIGNATURE =
            FunctionDescriptor.ofVoid(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS);

    /** Found once, on first use (holder idiom): loading this class never fails. */
    private static final class Handle {
        static final MethodHandle ROWS = NativeLibrary.has(SYMBOL) ? NativeLibrary.downcall(SYMBOL, SIGNATURE) : null;
    }

    @Override public String name() { return "native"; }

    @Override public String description() { return "the same loop in C (gcc -O3), called through FFM; rows over Java threads"; }

    @Override public boolean parallel() { return true; }

    @Override public boolean available() { return NativeLibrary.has(SYMBOL); }

    /** Why this variant cannot run here, or "" when it can. */
    public String unavailableReason() {
        if (!NativeLibrary.available()) return NativeLibrary.unavailableReason();
        return available() ? "" : "the native library has no function " + SYMBOL + " (rebuild it: mvn package)";
    }

    @Override
    public int[] compute(MandelbrotProblem p, int threads) {
        MandelbrotKernel.requireThreads(threads);
        if (!available()) throw new IllegalStateException("native Mandelbrot unavailable: " + unavailableReason());
        MethodHandle rows = Handle.ROWS;
        try (Arena arena = Arena.ofShared()) {
            MemorySegment image = arena.allocate(JAVA_INT, p.pixels());
            AtomicInteger nextRow = new AtomicInteger();
            AtomicReference<Throwable> failure = new AtomicReference<>();
            Runnable work = () -> {
                try {
                    for (int r = nextRow.getAndAdd(ROWS_PER_CALL); r < p.height(); r = nextRow.getAndAdd(ROWS_PER_CALL)) {
                        rows.invokeExact(p.width(), p.height(), p.maxIter(), r, Math.min(p.height(), r + ROWS_PER_CALL), image);
                    }
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                }
            };
            if (threads == 1) {
                work.run();
            } else {
                List<Thread> started = new ArrayList<>();
                for (int k = 0; k < threads; k++) {
                    Thread t = new Thread(work, "mandelbrot-native-" + k);
                    started.add(t);
                    t.start();
                }
                ThreadsMandelbrot.joinAll(started);
            }
            if (failure.get() != null) throw new IllegalStateException("native call failed: " + failure.get(), failure.get());
            return image.toArray(ValueLayout.JAVA_INT);
        }
    }
}
