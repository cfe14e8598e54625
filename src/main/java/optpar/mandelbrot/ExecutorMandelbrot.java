package optpar.mandelbrot;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A thread pool from {@link Executors#newFixedThreadPool(int)} and one small task per chunk of rows.
 *
 * <p>Many more tasks than threads is what balances the load: a thread that finishes a cheap chunk
 * simply takes the next one from the pool's queue, so the expensive middle rows are spread over all
 * threads without any planning (dynamic scheduling). The price is one queue hand-off per task, which
 * is why a task is a few rows and not a single pixel.
 *
 * <p>The pool is created per call and closed in a try-with-resources block
 * ({@code ExecutorService} is {@link AutoCloseable} since Java 19), so no thread outlives the call.
 *
 * <pre>{@code
 * int[] counts = new ExecutorMandelbrot().compute(MandelbrotProblem.HEAVY, 2);
 * }</pre>
 */
public final class ExecutorMandelbrot implements MandelbrotKernel {

    /** Rows per task: small enough for balance, big enough that the queue costs nothing. */
    static final int ROWS_PER_TASK = 4;

    @Override public String name() { return "executor"; }

    @Override public String description() { return "ExecutorService (fixed pool), one task per " + ROWS_PER_TASK + " rows"; }

    @Override public boolean parallel() { return true; }

    @Override
    public int[] compute(MandelbrotProblem p, int threads) {
        MandelbrotKernel.requireThreads(threads);
        int[] counts = new int[p.pixels()];
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            List<Callable<Void>> tasks = new ArrayList<>();
            for (int from = 0; from < p.height(); from += ROWS_PER_TASK) {
                int start = from, end = Math.min(p.height(), from + ROWS_PER_TASK);
                tasks.add(() -> {
                    for (int r = start; r < end; r++) ScalarMandelbrot.row(p, r, counts);
                    return null;
                });
            }
            for (Future<Void> f : pool.invokeAll(tasks)) f.get(); // get() rethrows a task's failure
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while computing the image", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a task failed: " + e.getCause(), e.getCause());
        }
        return counts;
    }
}
