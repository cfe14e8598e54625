package optpar;

/**
 * What every variant of a course problem says about itself, whatever it computes: its name (the
 * CLI's {@code --impl}, the tables' rows), what it teaches, whether a thread count means anything to
 * it, and whether it can run here. {@code optpar.mandelbrot.MandelbrotKernel} and
 * {@code optpar.heat.HeatSolver} add the computation.
 *
 * <pre>{@code
 * for (Variant v : MandelbrotVariants.all()) {
 *     System.out.println(v.name() + (v.available() ? "" : " (" + v.unavailableReason() + ")"));
 * }
 * }</pre>
 */
public interface Variant {
    /** A short name for tables and the CLI's {@code --impl}, e.g. "scalar", "naive", "vector". */
    String name();

    /** One line on what this variant teaches. */
    String description();

    /** Whether {@code threads} means anything to this variant (false: it always runs on one thread). */
    boolean parallel();

    /** Whether this variant can run here (the native variants need their C library). */
    default boolean available() {
        return true;
    }

    /** Why this variant cannot run here (what is missing), or "" when it can: tests and the CLI name it. */
    default String unavailableReason() {
        return available() ? "" : name() + " cannot run here";
    }

    /**
     * Checks a thread count: returns it when it is at least 1, otherwise throws the course's
     * one-line error. Every variant calls this first, parallel or not.
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
