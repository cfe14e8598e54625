package optpar.heat;

/**
 * The same loops on one flat {@code double[]}, row-major: point (i, j) lives at {@code u[i * n + j]}.
 *
 * <p>A {@code double[][]} is an array of separate row objects, each reached through a pointer, with
 * its own bounds check; a flat array is one block of memory that the hardware prefetcher streams and
 * the JIT can vectorize. Same arithmetic in the same order as {@link NaiveHeat}: bit-identical results.
 *
 * <pre>{@code
 * double[] u = new FlatHeat().solve(new HeatProblem(1024, 200), 1);
 * }</pre>
 */
public final class FlatHeat implements HeatSolver {

    @Override public String name() { return "flat"; }

    @Override public String description() { return "one flat double[] (row-major), same loops: bit-identical"; }

    @Override public boolean parallel() { return false; }

    @Override
    public double[] solve(HeatProblem p, int threads) {
        HeatSolver.requireThreads(threads);
        int n = p.n();
        double f = p.factor();
        double[] u = p.initial();
        double[] next = u.clone(); // the boundary is copied once and never written again
        for (int s = 0; s < p.steps(); s++) {
            for (int i = 1; i < n - 1; i++) HeatRows.scalar(u, next, n, i, f);
            double[] t = u; u = next; next = t;
        }
        return u;
    }
}
