package optpar.heat;

/**
 * Domain decomposition: the interior rows are cut into one contiguous band per thread, and each
 * thread updates its own band every step.
 *
 * <p>Within a step the bands are independent (each point reads only the old grid), but step s+1 reads
 * the rows that neighbouring bands wrote in step s, so all threads meet at a barrier after each step
 * (see {@link StepTeam}). The threads are started once and reused for every step. Same arithmetic and
 * order as {@link NaiveHeat}: bit-identical, whatever the thread count.
 *
 * <pre>{@code
 * double[] u = new BandsHeat().solve(new HeatProblem(2048, 100), 2);
 * }</pre>
 */
public final class BandsHeat implements HeatSolver {

    @Override public String name() { return "bands"; }

    @Override public String description() { return "one band of rows per thread, a barrier after every step: bit-identical"; }

    @Override public boolean parallel() { return true; }

    @Override
    public double[] solve(HeatProblem p, int threads) {
        HeatSolver.requireThreads(threads);
        int n = p.n();
        double f = p.factor();
        double[] a = p.initial();
        double[] b = a.clone();
        StepTeam.run(threads, p.steps(), (w, step) -> {
            double[] src = step % 2 == 0 ? a : b, dst = step % 2 == 0 ? b : a;
            int to = StepTeam.bandStart(n, threads, w + 1);
            for (int i = StepTeam.bandStart(n, threads, w); i < to; i++) HeatRows.scalar(src, dst, n, i, f);
        });
        return p.steps() % 2 == 0 ? a : b;
    }
}
