package optpar.vectorize;

import java.util.function.DoubleUnaryOperator;
import java.util.stream.IntStream;

/**
 * NumPy's whole-array habits in Java: {@code np.linspace}, a function applied to every element
 * (a NumPy "ufunc", what Numba's {@code @vectorize} makes), and Numba's {@code @guvectorize}
 * example {@code move_mean}: a kernel written for one row and applied to every row of a 2-D array.
 *
 * <pre>{@code
 * double[] x = Ufuncs.linspace(0, 10, 100);          // x = np.linspace(0, 10, 100)
 * double[] y = Ufuncs.apply(v -> v * v, x);          // y = f(x)
 * double[][] m = Ufuncs.moveMeanRows(rows, 3);       // move_mean(arr, 3) on every row
 * }</pre>
 */
public final class Ufuncs {
    private Ufuncs() {}

    /**
     * {@code num} evenly spaced numbers from {@code start} to {@code stop}, both included, as
     * {@code np.linspace(start, stop, num)}: {@code start + i * (stop - start) / (num - 1)}, and the
     * last one is exactly {@code stop}.
     */
    public static double[] linspace(double start, double stop, int num) {
        if (num < 1) throw new IllegalArgumentException("linspace: num = " + num + " is not allowed; give at least 1");
        if (!Double.isFinite(start) || !Double.isFinite(stop)) {
            throw new IllegalArgumentException("linspace: start and stop must be finite numbers, got " + start + " and " + stop);
        }
        double[] x = new double[num];
        if (num == 1) {
            x[0] = start;
            return x;
        }
        double step = (stop - start) / (num - 1);
        for (int i = 0; i < num; i++) x[i] = start + i * step;
        x[num - 1] = stop;
        return x;
    }

    /** {@code f} applied to every element, into a new array: what a ufunc does. */
    public static double[] apply(DoubleUnaryOperator f, double[] x) {
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) y[i] = f.applyAsDouble(x[i]);
        return y;
    }

    /**
     * The lecture's "bad" loop, in Java: compute each x from its index and call f on it, one
     * element at a time ({@code for ii in range(n): x = ii*step; y[ii] = f(x)}). In Python every
     * turn of this loop runs in the interpreter; in Java the JIT compiles and inlines it.
     */
    public static double[] loopOverIndices(DoubleUnaryOperator f, double start, double stop, int num) {
        if (num < 2) throw new IllegalArgumentException("loopOverIndices: num = " + num + " is not allowed; give at least 2");
        double[] y = new double[num];
        double step = (stop - start) / (num - 1);
        for (int i = 0; i < num - 1; i++) y[i] = f.applyAsDouble(start + i * step);
        y[num - 1] = f.applyAsDouble(stop);
        return y;
    }

    /**
     * The one-row kernel of Numba's {@code guvectorize} example, signature {@code (n),()->(n)}: the
     * running mean of {@code a} over a window of {@code window} values, written into {@code out}.
     * The first {@code window} outputs average the values so far; after that a running sum adds the
     * new value and drops the oldest (the lecture's code, line by line).
     */
    public static void moveMean(double[] a, int window, double[] out) {
        if (window < 1) throw new IllegalArgumentException("moveMean: window = " + window + " is not allowed; give at least 1");
        if (out.length != a.length) throw new IllegalArgumentException("moveMean: out has " + out.length + " values, a has " + a.length);
        double asum = 0;
        int count = 0;
        int first = Math.min(window, a.length);
        for (int i = 0; i < first; i++) {
            asum += a[i];
            count++;
            out[i] = asum / count;
        }
        for (int i = first; i < a.length; i++) {
            asum += a[i] - a[i - window];
            out[i] = asum / count;
        }
    }

    /** The kernel applied to every row, one after the other: guvectorize's broadcasting. */
    public static double[][] moveMeanRows(double[][] rows, int window) {
        double[][] out = new double[rows.length][];
        for (int r = 0; r < rows.length; r++) {
            out[r] = new double[rows[r].length];
            moveMean(rows[r], window, out[r]);
        }
        return out;
    }

    /**
     * The same, with the rows spread over threads by a parallel stream (in the pool that runs the
     * call: wrap it in {@code optpar.loops.Pools.inPool(t, ...)} to choose the threads). Rows are
     * independent and each writes only its own output row, so there is nothing to lock.
     */
    public static double[][] moveMeanRowsParallel(double[][] rows, int window) {
        if (window < 1) throw new IllegalArgumentException("moveMean: window = " + window + " is not allowed; give at least 1");
        double[][] out = new double[rows.length][];
        IntStream.range(0, rows.length).parallel().forEach(r -> {
            out[r] = new double[rows[r].length];
            moveMean(rows[r], window, out[r]);
        });
        return out;
    }

    /**
     * The plain reference for tests: each output averages its window directly (no running sum),
     * {@code mean(a[max(0, i - window + 1) .. i])}.
     */
    public static double[] moveMeanReference(double[] a, int window) {
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            int from = Math.max(0, i - window + 1);
            double s = 0;
            for (int k = from; k <= i; k++) s += a[k];
            out[i] = s / (i - from + 1);
        }
        return out;
    }

    /** Rows of random values in [-1, 1), reproducible from the seed. */
    public static double[][] randomRows(int rows, int columns, long seed) {
        var random = new java.util.SplittableRandom(seed);
        double[][] m = new double[rows][columns];
        for (double[] row : m) for (int j = 0; j < columns; j++) row[j] = random.nextDouble(-1, 1);
        return m;
    }
}
