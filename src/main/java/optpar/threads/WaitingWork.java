package optpar.threads;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Work that mostly waits (a web request, a database, a file on a network disk), simulated by
 * {@code Thread.sleep}: where Python uses {@code async/await}, Java uses virtual threads. Code stays
 * plain and blocking; a blocked virtual thread gives its OS thread back, so ten thousand can wait
 * at once on a handful of OS threads.
 *
 * <pre>{@code
 * double pool    = WaitingWork.onPlatformPool(8, 1000, 20);   // 1000 tasks of 20 ms on 8 threads: ~2.5 s
 * double virtual = WaitingWork.onVirtualThreads(1000, 20);    // one virtual thread per task: ~0.03 s
 * }</pre>
 */
public final class WaitingWork {
    private WaitingWork() {}

    /** Seconds for {@code tasks} tasks that each sleep {@code millis}, on a fixed pool of {@code poolSize} platform threads. */
    public static double onPlatformPool(int poolSize, int tasks, int millis) {
        if (poolSize < 1 || poolSize > 10_000) throw new IllegalArgumentException("poolSize=" + poolSize + " is not allowed: use 1 to 10000");
        try (ExecutorService pool = Executors.newFixedThreadPool(poolSize)) {
            return run(pool, tasks, millis);
        }
    }

    /** Seconds for {@code tasks} tasks that each sleep {@code millis}, one virtual thread each. */
    public static double onVirtualThreads(int tasks, int millis) {
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            return run(pool, tasks, millis);
        }
    }

    private static double run(ExecutorService pool, int tasks, int millis) {
        if (tasks < 1 || tasks > 1_000_000) throw new IllegalArgumentException("tasks=" + tasks + " is not allowed: use 1 to 1000000");
        if (millis < 0 || millis > 10_000) throw new IllegalArgumentException("millis=" + millis + " is not allowed: use 0 to 10000");
        long start = System.nanoTime();
        List<Future<Integer>> futures = new ArrayList<>(tasks);
        for (int i = 0; i < tasks; i++) {
            int id = i;
            futures.add(pool.submit(() -> {
                Thread.sleep(millis);   // the "waiting": blocks this thread, not (for a virtual thread) the OS thread
                return id;
            }));
        }
        try {
            for (Future<Integer> f : futures) f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a waiting task failed: " + e.getCause(), e.getCause());
        }
        return (System.nanoTime() - start) / 1e9;
    }
}
