package optpar.forkjoin;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RecursiveTask;
import java.util.concurrent.atomic.LongAdder;

/**
 * The lecture's {@code solve(problem)} pseudo-code, line by line, as a {@link RecursiveTask}: the sum
 * of {@link #work(long)} over an array. {@code work} is a little integer arithmetic per element (a hash),
 * so the sum is bound by the cores rather than by memory bandwidth, and, being integer, it is the same
 * in every order of additions.
 * <pre>
 * solve(problem):
 *     if problem is small enough:            if (hi - lo &lt;= threshold)
 *         solve problem directly                 return sequential sum of data[lo, hi)
 *     else:
 *         for part in subdivide(problem)         left = [lo, mid), right = [mid, hi)
 *             fork subtask to solve(part)        left.fork()        (right: done by this thread)
 *         join all subtasks spawned              left.join()
 *     return combined results                return left + right
 * </pre>
 * The {@code threshold} is the granularity: too small and the cost of making tasks beats the work
 * in them; too large and there are too few tasks to keep every thread busy.
 *
 * <pre>{@code
 * long[] data = ForkJoinSum.randomData(1_000_000, 42);
 * ForkJoinSum.Result r = ForkJoinSum.sum(data, 10_000, 4);   // threshold 10000, 4 worker threads
 * r.sum() == ForkJoinSum.sequential(data);                     // true: integer sums are the same in any order
 * r.tasks();                                                   // 255 tasks made
 * }</pre>
 */
public final class ForkJoinSum extends RecursiveTask<Long> {
    private final long[] data;
    private final int lo, hi, threshold;
    private final LongAdder tasks;   // counts the tasks made, to show what the threshold does

    private ForkJoinSum(long[] data, int lo, int hi, int threshold, LongAdder tasks) {
        this.data = data;
        this.lo = lo;
        this.hi = hi;
        this.threshold = threshold;
        this.tasks = tasks;
        tasks.increment();
    }

    @Override
    protected Long compute() {
        if (hi - lo <= threshold) {                 // small enough: solve directly
            return sequential(data, lo, hi);
        }
        int mid = (lo + hi) >>> 1;                  // subdivide into two parts
        ForkJoinSum left = new ForkJoinSum(data, lo, mid, threshold, tasks);
        ForkJoinSum right = new ForkJoinSum(data, mid, hi, threshold, tasks);
        left.fork();                                // fork: an idle worker may steal it
        long rightSum = right.compute();            // meanwhile do the other part ourselves
        return left.join() + rightSum;              // join, and combine
    }

    /**
     * What one fork-join sum gave.
     *
     * @param sum    the sum
     * @param tasks  how many tasks were made
     * @param steals how many tasks idle workers took from busy ones (work stealing)
     */
    public record Result(long sum, long tasks, long steals) {}

    /**
     * The sum of {@code data} by fork-join on a pool of {@code threads} workers.
     *
     * @throws IllegalArgumentException when threshold or threads is below 1, or threads above 1024
     */
    public static Result sum(long[] data, int threshold, int threads) {
        if (threshold < 1) throw new IllegalArgumentException("threshold=" + threshold + " is not allowed: it must be at least 1");
        if (threads < 1 || threads > 1024) throw new IllegalArgumentException("threads=" + threads + " is not allowed: use 1 to 1024");
        LongAdder tasks = new LongAdder();
        try (ForkJoinPool pool = new ForkJoinPool(threads)) {
            long sum = pool.invoke(new ForkJoinSum(data, 0, data.length, threshold, tasks));
            return new Result(sum, tasks.sum(), pool.getStealCount());
        }
    }

    /** The plain loop: the reference, and what each small-enough task runs. */
    public static long sequential(long[] data) {
        return sequential(data, 0, data.length);
    }

    private static long sequential(long[] data, int lo, int hi) {
        long s = 0;
        for (int i = lo; i < hi; i++) s += work(data[i]);
        return s;
    }

    /**
     * The work per element: a few multiply-xorshift rounds (the finaliser of SplitMix64), keeping
     * 10 bits. A few nanoseconds of arithmetic, so a task of 16 elements is cheaper than making the task.
     */
    public static long work(long x) {
        long z = x + 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z = z ^ (z >>> 31);
        return z & 1023;
    }

    /** {@code n} random numbers in [0, 1000), reproducible from {@code seed}. */
    public static long[] randomData(int n, long seed) {
        if (n < 0) throw new IllegalArgumentException("n=" + n + " is not allowed: it must be 0 or more");
        return new java.util.SplittableRandom(seed).longs(n, 0, 1000).toArray();
    }
}
