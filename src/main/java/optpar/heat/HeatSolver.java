package optpar.heat;

/**
 * One way to solve the course's heat problem. Every variant implements this and is tested
 * against {@link NaiveHeat}: equal within a relative 1e-12, or bit-identical where the order of
 * operations is kept.
 *
 * <pre>{@code
 * HeatSolver s = new NaiveHeat();
 * double[] u = s.solve(new HeatProblem(512, 100), 1);   // the final grid, row-major n*n
 * }</pre>
 */
public interface HeatSolver {
    /** A short name for tables and the CLI's {@code --impl}, e.g. "naive", "flat", "bands", "vector". */
    String name();

    /** One line on what this variant teaches. */
    String description();

    /** Whether {@code threads} means anything to this variant. */
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
     * Runs {@code problem.steps()} steps from {@link HeatProblem#initial()} and returns the final
     * grid, flat and row-major ({@code u[i * n + j]}).
     *
     * @param threads how many threads to use (ignored when {@link #parallel()} is false); at least 1
     * @throws IllegalArgumentException when {@code threads < 1}
     */
    double[] solve(HeatProblem problem, int threads);

    /**
     * Checks a thread count: returns it when it is at least 1, otherwise throws the course's
     * one-line error. Every variant calls this first, parallel or not.
     *
     * <pre>{@code
     * int t = HeatSolver.requireThreads(threads);
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
