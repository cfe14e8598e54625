package optpar.heat;

/**
 * The reference: a {@code double[][]} grid, two nested loops, a fresh buffer swap each step.
 * This is how the lecture's first heat solver looks, written in Java.
 */
public final class NaiveHeat implements HeatSolver {

    @Override public String name() { return "naive"; }

    @Override public String description() { return "the reference: double[][] and two nested loops"; }

    @Override public boolean parallel() { return false; }

    @Override
    public double[] solve(HeatProblem p, int threads) {
        HeatSolver.requireThreads(threads);
        int n = p.n();
        double f = p.factor();
        double[] flat = p.initial();
        double[][] u = new double[n][n];
        for (int i = 0; i < n; i++) System.arraycopy(flat, i * n, u[i], 0, n);
        double[][] next = new double[n][];
        for (int i = 0; i < n; i++) next[i] = u[i].clone(); // boundary rows and columns stay as they are
        for (int s = 0; s < p.steps(); s++) {
            for (int i = 1; i < n - 1; i++) {
                for (int j = 1; j < n - 1; j++) {
                    next[i][j] = HeatProblem.update(u[i][j], u[i - 1][j], u[i + 1][j], u[i][j - 1], u[i][j + 1], f);
                }
            }
            double[][] t = u; u = next; next = t;
        }
        double[] out = new double[n * n];
        for (int i = 0; i < n; i++) System.arraycopy(u[i], 0, out, i * n, n);
        return out;
    }
}
