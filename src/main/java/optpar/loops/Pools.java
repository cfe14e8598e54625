package optpar.loops;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Supplier;

/**
 * Runs a parallel stream on a chosen number of threads. A parallel stream normally runs on the
 * JVM-wide common pool, sized once at start; started from inside another {@link ForkJoinPool}, it
 * runs on that pool's workers instead. (This is how the JDK's streams behave, not a promise of
 * their specification; it is widely relied on, and the notebooks check the thread count they get.)
 *
 * <pre>{@code
 * long s = Pools.inPool(2, () -> IntStream.range(0, 1_000).parallel().asLongStream().sum());
 * }</pre>
 */
public final class Pools {
    private Pools() {}

    /**
     * Runs {@code body} on a fresh fork-join pool of {@code threads} workers and returns its result.
     *
     * @throws IllegalArgumentException when threads is not in [1, 1024]
     */
    public static <T> T inPool(int threads, Supplier<T> body) {
        if (threads < 1 || threads > 1024) throw new IllegalArgumentException("threads=" + threads + " is not allowed: use 1 to 1024");
        // The body's own exception is kept and rethrown as it was (the pool would wrap a copy of it).
        RuntimeException[] failure = new RuntimeException[1];
        T result;
        try (ForkJoinPool pool = new ForkJoinPool(threads)) {
            result = pool.submit(() -> {
                try {
                    return body.get();
                } catch (RuntimeException e) {
                    failure[0] = e;
                    return null;
                }
            }).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the pool ran", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Error err) throw err;
            throw new IllegalStateException(e.getCause());
        }
        if (failure[0] != null) throw failure[0];
        return result;
    }

    /** How many different threads a parallel stream of {@code n} tiny steps used inside {@link #inPool}. */
    public static int threadsUsed(int threads, int n) {
        var seen = java.util.concurrent.ConcurrentHashMap.<Thread>newKeySet();
        inPool(threads, () -> java.util.stream.IntStream.range(0, n).parallel().map(i -> {
            seen.add(Thread.currentThread());
            double x = i;
            for (int k = 0; k < 2000; k++) x = Math.sqrt(x + k);   // a little work, so several threads join in
            return (int) x;
        }).sum());
        return seen.size();
    }
}
