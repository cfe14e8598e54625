package optpar.heat;

/**
 * Temporal blocking ("time skewing"): take several time steps on a few rows while they are still in
 * cache, instead of streaming the whole grid through memory once per step.
 *
 * <p>On a large grid a plain step reads and writes every point once and does only ~10 flops per
 * point, so it runs at the speed of memory, not of the cores. But the new value of row i at step
 * t+1 needs only rows i-1, i, i+1 at step t. So one sweep down the rows can advance {@code depth}
 * steps at once, with a wavefront: when row w of step 1 is done, row w-1 of step 2, row w-2 of step 3,
 * ... can be computed, all from rows that were just touched and are still in cache. Each row then
 * travels from memory once per {@code depth} steps. Only the two buffers of the plain scheme are
 * needed: row i of step t+1 overwrites row i of step t-1, which by then nobody needs any more.
 *
 * <p>With several threads each band of rows is swept like this as a <em>trapezoid</em>: at each
 * step its range shrinks by one row at every edge it shares with another band, because the rows beyond
 * belong to the neighbour's older steps. Afterwards (barrier) the missing <em>triangles</em> around each
 * edge between bands are filled in. Then the next {@code depth} steps (barrier).
 *
 * <p>Every point is computed once, with the same operations in the same order as {@link NaiveHeat}
 * (Vector API rows): the result is bit-identical to the reference for every depth and thread count.
 *
 * <pre>{@code
 * double[] u = new BlockedHeat().solve(new HeatProblem(4096, 100), 2);
 * double[] v = new BlockedHeat(16).solve(new HeatProblem(4096, 100), 2);   // 16 steps per sweep
 * }</pre>
 */
public final class BlockedHeat implements HeatSolver {

    /**
     * Steps per sweep. The rows a sweep keeps hot are about {@code 2 * (depth + 2)} rows of
     * {@code 8 n} bytes: for n = 1024 and depth 32 that is 544 KiB, about the size of a core's L2 on many
     * current CPUs; for n = 4096 it is 2.1 MiB, which fits in a typical L3 (see {@code Machine.here().l2Bytes()}).
     */
    public static final int DEFAULT_DEPTH = 32;

    private final int depth;

    /** {@link #DEFAULT_DEPTH} steps per sweep. */
    public BlockedHeat() {
        this(DEFAULT_DEPTH);
    }

    /**
     * @param depth steps per sweep, at least 1 (1 is the plain bands scheme)
     * @throws IllegalArgumentException when {@code depth < 1}
     */
    public BlockedHeat(int depth) {
        if (depth < 1) throw new IllegalArgumentException("depth " + depth + " is not allowed: steps per sweep must be at least 1");
        this.depth = depth;
    }

    /** Steps per sweep. */
    public int depth() {
        return depth;
    }

    @Override public String name() { return "blocked"; }

    @Override public String description() { return "temporal blocking: " + depth + " steps per sweep over rows in cache, bands over threads: bit-identical"; }

    @Override public boolean parallel() { return true; }

    @Override
    public double[] solve(HeatProblem p, int threads) {
        HeatSolver.requireThreads(threads);
        int n = p.n();
        int steps = p.steps();
        double f = p.factor();
        double[][] grid = {p.initial(), null};
        grid[1] = grid[0].clone();
        int bands = Math.min(threads, n - 2);                 // no empty bands
        int minBand = (n - 2) / bands;
        // Neighbouring triangles must not overlap: a band must be at least 2*depth rows high.
        int d = bands == 1 ? depth : Math.max(1, Math.min(depth, minBand / 2));
        int sweeps = (steps + d - 1) / d;
        StepTeam.run(bands, 2 * sweeps, (w, round) -> {
            int s0 = (round / 2) * d;                        // first step of this sweep
            int stepsHere = Math.min(d, steps - s0);
            int r0 = StepTeam.bandStart(n, bands, w), r1 = StepTeam.bandStart(n, bands, w + 1);
            if (round % 2 == 0) {
                trapezoid(grid, n, f, s0, stepsHere, r0, r1, r0 == 1, r1 == n - 1);
            } else if (w > 0) {
                triangle(grid, n, f, s0, stepsHere, r0);
            }
        });
        return grid[steps % 2];
    }

    /**
     * Steps s0+1 .. s0+d on rows [r0, r1) as a wavefront ({@link Wavefront#sweep}). Step s0+t+1 covers
     * the rows [r0+t, r1-t), shrunk at each edge that is not the grid's boundary (an edge shared with
     * another band shrinks, because beyond it the rows of step s0+t are not known yet).
     */
    static void trapezoid(double[][] grid, int n, double f, int s0, int d, int r0, int r1, boolean lowFixed, boolean highFixed) {
        Wavefront.sweep((i, s) -> HeatRows.vector(grid[s & 1], grid[(s + 1) & 1], n, i, f), s0, d, r0, !lowFixed, r1, !highFixed);
    }

    /** Fills in, step by step, the rows [x-t, x+t) of step s0+t+1 around the edge x between two bands. */
    static void triangle(double[][] grid, int n, double f, int s0, int d, int x) {
        for (int t = 1; t < d; t++) {
            for (int i = x - t; i < x + t; i++) HeatRows.vector(grid[(s0 + t) & 1], grid[(s0 + t + 1) & 1], n, i, f);
        }
    }
}
