package optpar.mandelbrot;

/**
 * The course's standard Mandelbrot image (the Numba documentation example the lecture shows):
 * {@code height} rows by {@code width} columns over x in [-2, 1], y in [-1, 1].
 *
 * <p>Pixel (row r, column c) has the point {@code cx = -2 + c * 3/width}, {@code cy = -1 + r * 2/height}.
 * Its count is the first i in [0, maxIter) at which, after {@code z = z*z + c} (z starting at 0),
 * {@code |z|^2 >= 4}; or maxIter if that never happens.
 *
 * <pre>{@code
 * var p = new MandelbrotProblem(1500, 1000, 20);   // the lecture's image
 * int[] counts = new ScalarMandelbrot().compute(p, 1);
 * long sum = MandelbrotProblem.checksum(counts);
 * }</pre>
 *
 * @param width   columns, at least 1
 * @param height  rows, at least 1
 * @param maxIter iteration limit, at least 1
 */
public record MandelbrotProblem(int width, int height, int maxIter) {
    /** The lecture's image: 1500 x 1000, 20 iterations. */
    public static final MandelbrotProblem LECTURE = new MandelbrotProblem(1500, 1000, 20);
    /** The heavy setting used for the speed targets: 1500 x 1000, 1000 iterations. */
    public static final MandelbrotProblem HEAVY = new MandelbrotProblem(1500, 1000, 1000);

    public MandelbrotProblem {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("image size " + width + "x" + height
                    + " is not allowed: width and height must be at least 1");
        }
        if (maxIter < 1) {
            throw new IllegalArgumentException("maxIter " + maxIter + " is not allowed: it must be at least 1");
        }
        if ((long) width * height > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("image size " + width + "x" + height
                    + " is too large: width*height must fit in one Java array");
        }
    }

    /** The real part of column {@code c}: {@code -2 + c * 3/width}. */
    public double x(int c) {
        return -2.0 + c * (3.0 / width);
    }

    /** The imaginary part of row {@code r}: {@code -1 + r * 2/height}. */
    public double y(int r) {
        return -1.0 + r * (2.0 / height);
    }

    /** The number of pixels. */
    public int pixels() {
        return width * height;
    }

    /** The sum of all counts, as a long: the number to compare across implementations. */
    public static long checksum(int[] counts) {
        long sum = 0;
        for (int c : counts) sum += c;
        return sum;
    }
}
