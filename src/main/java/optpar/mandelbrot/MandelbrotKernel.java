package optpar.mandelbrot;

import optpar.Variant;

/**
 * One way to compute the Mandelbrot counts. Every variant of the course implements this, and
 * every variant must give exactly the counts of {@link ScalarMandelbrot}.
 *
 * <pre>{@code
 * MandelbrotKernel k = new ScalarMandelbrot();
 * int[] counts = k.compute(MandelbrotProblem.LECTURE, 1);   // row-major, height*width
 * }</pre>
 */
public interface MandelbrotKernel extends Variant {
    /**
     * Computes the counts of every pixel, row-major ({@code counts[r * width + c]}).
     *
     * @param threads how many threads to use (ignored when {@link #parallel()} is false); at least 1
     * @throws IllegalArgumentException when {@code threads < 1}
     */
    int[] compute(MandelbrotProblem problem, int threads);

    /**
     * {@link Variant#requireThreads}: every variant calls this first, parallel or not.
     * <pre>{@code
     * int t = MandelbrotKernel.requireThreads(threads);
     * }</pre>
     */
    static int requireThreads(int threads) {
        return Variant.requireThreads(threads);
    }
}
