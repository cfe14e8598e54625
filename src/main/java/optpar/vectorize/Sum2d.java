package optpar.vectorize;

/**
 * The lecture's first Numba example, {@code sum2d}, in Java, and what Numba's type signatures are
 * in Java terms.
 *
 * <p>Numba infers the argument types at the first call and compiles one machine-code version per
 * type signature it meets ({@code float64(float64[:,:])}, {@code int64(int64[:,:])}, ...); writing
 * the signature in the decorator ({@code @jit("float64(float64[:,:])")}) compiles it ahead of the
 * first call. Java is typed ahead of time: the signature is the method's declaration, javac checks
 * it before anything runs, and each element type is its own method (an overload) with its own
 * machine code. A generic {@code sum(List<? extends Number>)} is Numba's object mode: one version for
 * every type, paid for with boxes.
 *
 * <pre>{@code
 * Sum2d.sum2d(new double[][] {{0, 1, 2}, {3, 4, 5}, {6, 7, 8}});   // 36.0, like sum2d(arange(9).reshape(3,3))
 * }</pre>
 */
public final class Sum2d {
    private Sum2d() {}

    /** {@code float64(float64[:,:])}: rows may differ in length (a Java 2-D array is an array of rows). */
    public static double sum2d(double[][] arr) {
        double result = 0.0;
        for (double[] row : arr) {
            for (double v : row) result += v;
        }
        return result;
    }

    /** {@code int64(int64[:,:])}: the same source for another element type is another method in Java. */
    public static long sum2d(long[][] arr) {
        long result = 0;
        for (long[] row : arr) {
            for (long v : row) result += v;
        }
        return result;
    }

    /**
     * A NumPy-style 2-D array: one flat {@code double[]} of {@code rows * columns} values, row after
     * row (C order), the layout {@code arr[i, j]} has in NumPy.
     */
    public static double sum2d(double[] flat, int rows, int columns) {
        if (rows < 0 || columns < 0 || (long) rows * columns != flat.length) {
            throw new IllegalArgumentException("sum2d: " + rows + " x " + columns + " does not match " + flat.length + " values");
        }
        double result = 0.0;
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < columns; j++) result += flat[i * columns + j];
        }
        return result;
    }

    /** Object mode, in Java terms: any numbers, each one a box behind a pointer. */
    public static double sumBoxed(java.util.List<? extends java.util.List<? extends Number>> arr) {
        double result = 0.0;
        for (var row : arr) {
            for (Number v : row) result += v.doubleValue();
        }
        return result;
    }
}
