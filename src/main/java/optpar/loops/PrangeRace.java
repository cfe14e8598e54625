package optpar.loops;

import java.util.stream.IntStream;

/**
 * The lecture's {@code prange_wrong_result}, in Java: every iteration of a parallel loop adds into
 * the same small array. Numba's {@code prange} and Java's parallel streams both run iterations on
 * several threads with no locking, so the additions race and some are lost.
 * <pre>
 * # the lecture (Numba)                      // here
 * y = np.zeros(4)                            double[] y = new double[4];
 * for i in prange(n):                        IntStream.range(0, n).parallel().forEach(i -&gt; {
 *     y[:] += x[i]                               for (int k = 0; k &lt; 4; k++) y[k] += x[i];   // RACE
 *                                            });
 * </pre>
 * The fix is a <em>reduction</em>: each thread adds into an array of its own, and the arrays are added
 * together at the end ({@link #reduction}). Numba does the same when it recognises {@code s += x[i]}
 * on a scalar.
 *
 * <pre>{@code
 * double[] x = PrangeRace.wholeNumbers(1_000_000, 7);
 * double[] wrong = PrangeRace.wrongResult(x, 2);   // usually less than the true sums
 * double[] right = PrangeRace.reduction(x, 2);     // equal to sequential(x)
 * }</pre>
 */
public final class PrangeRace {
    private PrangeRace() {}

    /** The width of {@code y}, as in the lecture. */
    public static final int WIDTH = 4;

    /** The plain loop: the reference. */
    public static double[] sequential(double[] x) {
        double[] y = new double[WIDTH];
        for (double v : x) {
            for (int k = 0; k < WIDTH; k++) y[k] += v;
        }
        return y;
    }

    /** WRONG: a parallel loop in which every iteration adds into the one shared {@code y}. */
    public static double[] wrongResult(double[] x, int threads) {
        double[] y = new double[WIDTH];   // shared by all threads
        Pools.inPool(threads, () -> {
            IntStream.range(0, x.length).parallel().forEach(i -> {
                for (int k = 0; k < WIDTH; k++) y[k] += x[i];   // read, add, write: other threads' adds get lost
            });
            return null;
        });
        return y;
    }

    /**
     * RIGHT: a reduction. {@code collect} gives every piece of the split range its own {@code y}
     * (supplier), adds into it (accumulator), then adds the pieces pairwise (combiner). No memory is
     * written by two threads.
     */
    public static double[] reduction(double[] x, int threads) {
        return Pools.inPool(threads, () -> IntStream.range(0, x.length).parallel().collect(
                () -> new double[WIDTH],                                       // each piece's own y
                (y, i) -> { for (int k = 0; k < WIDTH; k++) y[k] += x[i]; },   // add into it
                (a, b) -> { for (int k = 0; k < WIDTH; k++) a[k] += b[k]; })); // combine two pieces
    }

    /**
     * {@code n} random whole numbers in [0, 1000) as doubles. Their sums are exact in any order (below
     * 2^53), so the reduction equals the sequential loop bit for bit. With arbitrary doubles a
     * reduction's different order of additions changes the last bits, and only "close" is fair.
     */
    public static double[] wholeNumbers(int n, long seed) {
        if (n < 0) throw new IllegalArgumentException("n=" + n + " is not allowed: it must be 0 or more");
        return new java.util.SplittableRandom(seed).ints(n, 0, 1000).asDoubleStream().toArray();
    }

    /** How much of the true total each entry of {@code y} lost: {@code (truth - y) / truth}, 0 when exact. */
    public static double lostFraction(double[] y, double[] truth) {
        double worst = 0;
        for (int k = 0; k < WIDTH; k++) {
            if (truth[k] != 0) worst = Math.max(worst, (truth[k] - y[k]) / truth[k]);
        }
        return worst;
    }
}
