package optpar.mandelbrot;

/**
 * One way to compute the Mandelbrot counts. Every variant of the course implements this, and
 * every variant must give exactly the counts of {@link ScalarMandelbrot}.
 *
 * <pre>{@code
 * MandelbrotKernel k = new ScalarMandelbrot();
 * int[] counts = k.compute(MandelbrotProblem.LECTURE, 1);   // row-major, height*width
 * }</pre>
 */
public interface MandelbrotKernel {
    /** A short name for tables and the CLI's {@code --impl}, e.g. "scalar", "threads", "vector". */
    String name();

    /** One line on what this variant teaches. */
    String description();

    /** Whether {@code threads} means anything to this variant (false: it always runs on one thread). */
    boolean parallel();

    /** Whether this variant can run here (the native variant needs its C library). */
    default boolean available() {
        return true;
    }

    /** Why this variant cannot run here (what is missing), or "" when it can: tests and the CLI name it. */
    default String unavailableReason() {
        return available() ? "" : name() + " cannot run here";
    }

    /**
     * Computes the counts of every pixel, row-major ({@code counts[r * width + c]}).
     *
     * @param threads how many threads to use (ignored when {@link #parallel()} is false); at least 1
     * @throws IllegalArgumentException when {@code threads < 1}
     */
    int[] compute(MandelbrotProblem problem, int threads);

    /**
     * Checks a thread count: returns it when it is at least 1, otherwise throws the course's
     * one-line error. Every variant calls this first, parallel or not.
     *
     * <pre>{@code
     * int t = MandelbrotKernel.requireThreads(threads);
     * }</pre>
     *
     * @throws IllegalArgumentException when {@code threads < 1}
     */
    static int requireThreads(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads " + threads + " is not allowed: it must be at least 1");
        }
        return threads;
    }
}
