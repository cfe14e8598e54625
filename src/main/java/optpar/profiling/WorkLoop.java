package optpar.profiling;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;


/**
 * Runs the work to be profiled again and again on a thread of its own, for at least a minimum wall
 * time: a sampling profiler needs many samples (hundreds) before its picture means something, and
 * one quick call gives a handful. The thread has a short unique name, so the profile can keep only
 * its stacks (async-profiler sees every thread of the JVM), and every stack has
 * {@link #repeat} in it, below the work: the flame graph is cut there.
 *
 * <p>Also counts, exactly, the bytes the work allocated ({@code ThreadMXBean}), to set beside the
 * profiler's sampled estimate.
 */
final class WorkLoop {
    private static final AtomicInteger COUNTER = new AtomicInteger();

    /** What one run of the loop did. */
    record Result(int calls, double seconds, long allocatedBytes) {
        double secondsPerCall() { return seconds / calls; }
        long allocatedBytesPerCall() { return allocatedBytes < 0 ? -1 : allocatedBytes / calls; }
    }

    final String threadName = "profiled-" + COUNTER.incrementAndGet();   // <= 15 chars: Linux keeps 15
    private final Runnable work;
    private volatile boolean stop;

    WorkLoop(Runnable work) {
        this.work = work;
    }

    /** The marker frame: the flame graph shows what is above it. */
    static boolean isLoopFrame(String frame) {
        return FrameKind.plainName(frame).startsWith(WorkLoop.class.getName() + ".");
    }

    /** Whether to go on past the minimum time, given the work thread's CPU time and allocated bytes so far. */
    interface WantMore {
        boolean test(long cpuNanos, long allocatedBytes);
    }

    /**
     * Runs the work at least once and until {@code minTime} has passed, then on while
     * {@code wantMore} says so, up to {@code maxTime}. Waits for the thread (it cannot be stopped in
     * the middle of a call of the work: the bound is checked between calls).
     */
    Result run(Duration minTime, Duration maxTime, WantMore wantMore) {
        Result[] out = new Result[1];
        Throwable[] failure = new Throwable[1];
        Thread t = Thread.ofPlatform().name(threadName).unstarted(() -> {
            try {
                out[0] = repeat(minTime.toNanos(), maxTime.toNanos(), wantMore);
            } catch (Throwable e) {
                failure[0] = e;
            }
        });
        t.setContextClassLoader(Thread.currentThread().getContextClassLoader());   // a cell's classes
        t.start();
        try {
            t.join();
        } catch (InterruptedException e) {
            stop = true;                                   // no further calls; the current one finishes
            Thread.currentThread().interrupt();
            try { t.join(); } catch (InterruptedException again) { /* give up waiting */ }
            throw new IllegalStateException("profiling interrupted after the current call of the work");
        }
        if (failure[0] instanceof RuntimeException re) throw re;
        if (failure[0] instanceof Error err) throw err;
        if (failure[0] != null) throw new IllegalStateException("the profiled work failed: " + failure[0], failure[0]);
        return out[0];
    }

    private Result repeat(long minNanos, long maxNanos, WantMore wantMore) {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long bytes0 = threads.getCurrentThreadAllocatedBytes();
        long cpu0 = threads.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        int calls = 0;
        long elapsed;
        do {
            work.run();
            calls++;
            elapsed = System.nanoTime() - t0;
        } while (!stop && (elapsed < minNanos || (elapsed < maxNanos
                && wantMore.test(threads.getCurrentThreadCpuTime() - cpu0, threads.getCurrentThreadAllocatedBytes() - bytes0))));
        long bytes = threads.getCurrentThreadAllocatedBytes();
        return new Result(calls, elapsed / 1e9, bytes0 < 0 || bytes < 0 ? -1 : bytes - bytes0);
    }
}
