package optpar.heat;

/**
 * The bands of {@link BandsHeat}, each row updated with the Vector API: as many points per instruction
 * as a vector register holds doubles (see {@code HeatRows.vector}). The west and east neighbours are the same row loaded one
 * element to the left and right.
 *
 * <p>The same operations in the same order as {@link NaiveHeat}, lane by lane: bit-identical. On a
 * large grid this variant is limited by memory bandwidth, not arithmetic: SIMD makes the arithmetic
 * cheaper, but each step still streams the whole grid from and to memory (see {@link BlockedHeat}).
 *
 * <pre>{@code
 * double[] u = new VectorHeat().solve(new HeatProblem(1024, 200), 1);
 * }</pre>
 */
public final class VectorHeat implements HeatSolver {

    @Override public String name() { return "vector"; }

    @Override public String description() { return "Vector API rows (" + HeatRows.SPECIES.length() + " lanes), bands over threads: bit-identical"; }

    @Override public boolean parallel() { return true; }

    @Override
    public double[] solve(HeatProblem p, int threads) {
        // The same bands, barrier and buffer swap as BandsHeat: only the row update differs.
        return BandsHeat.solveInBands(p, threads, HeatRows::vector);
    }
}
