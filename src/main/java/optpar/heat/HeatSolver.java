package optpar.heat;

import optpar.Variant;

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
public interface HeatSolver extends Variant {
    /**
     * Runs {@code problem.steps()} steps from {@link HeatProblem#initial()} and returns the final
     * grid, flat and row-major ({@code u[i * n + j]}).
     *
     * @param threads how many threads to use (ignored when {@link #parallel()} is false); at least 1
     * @throws IllegalArgumentException when {@code threads < 1}
     */
    double[] solve(HeatProblem problem, int threads);

    /**
     * {@link Variant#requireThreads}: every variant calls this first, parallel or not.
     * <pre>{@code
     * int t = HeatSolver.requireThreads(threads);
     * }</pre>
     */
    static int requireThreads(int threads) {
        return Variant.requireThreads(threads);
    }
}
