package optpar.mandelbrot;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RecursiveTask;

/**
 * Divide and conquer with a {@link RecursiveTask}: split the rows in half until a range is small,
 * compute small ranges directly, and add up the counts on the way back (the checksum).
 *
 * <p>The fork-join pool balances by <em>work stealing</em>: each thread keeps its own deque of forked
 * halves, and an idle thread steals the biggest pending half from a busy one. The pool is
 * {@code new ForkJoinPool(threads)}, so the thread count is the one given, not the common pool's
 * (which is sized by the core count); it is closed after the call.
 *
 * <pre>{@code
 * int[] counts = new ForkJoinMandelbrot().compute(MandelbrotProblem.HEAVY, 2);
 * }</pre>
 */
public final class ForkJoinMandelbrot implements MandelbrotKernel {

    /** Ranges of at most this many rows are computed directly. */
    static final int THRESHOLD = 4;

    @Override public String name() { return "forkjoin"; }

    @Override public String description() { return "ForkJoinPool and a RecursiveTask that splits row ranges in half"; }

    @Override public boolean parallel() { return true; }

    @Override
    public int[] compute(MandelbrotProblem p, int threads) {
        MandelbrotKernel.requireThreads(threads);
        int[] counts = new int[p.pixels()];
        try (ForkJoinPool pool = new ForkJoinPool(threads)) {
            long sum = pool.invoke(new Rows(p, counts, 0, p.height()));
            assert sum == MandelbrotProblem.checksum(counts);
        }
        return counts;
    }

    /** The rows [from, to): returns the sum of their counts. */
    static final class Rows extends RecursiveTask<Long> {
        private final MandelbrotProblem p;
        private final int[] counts;
        private final int from, to;

        Rows(MandelbrotProblem p, int[] counts, int from, int to) {
            this.p = p;
            this.counts = counts;
            this.from = from;
            this.to = to;
        }

        @Override
        protected Long compute() {
            if (to - from <= THRESHOLD) {
                long sum = 0;
                for (int r = from; r < to; r++) {
                    ScalarMandelbrot.row(p, r, counts);
                    for (int c = 0; c < p.width(); c++) sum += counts[r * p.width() + c];
                }
                return sum;
            }
            int mid = (from + to) >>> 1;
            Rows left = new Rows(p, counts, from, mid);
            left.fork();                                   // let another thread steal it
            long right = new Rows(p, counts, mid, to).compute(); // do the other half ourselves
            return right + left.join();
        }
    }
}
