package optpar.mpi;

import optpar.heat.BlockedHeat;
import optpar.heat.HeatProblem;
import optpar.heat.VectorHeat;
import optpar.measure.Timing;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.numbers.NumberColumnFormatter;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * One grid, five ways, measured one after the other: the serial {@code vector} and {@code blocked}
 * variants on one thread in this JVM, one MPI rank with one-row halos (the serial {@code vector} row
 * code in a rank process), and K MPI ranks with one-row halos and with deep halos ({@link DeepHaloBlock}). The question it answers: on a grid beyond the caches, does exchanging
 * {@code depth} rows every {@code depth} steps let the ranks sweep from cache, and how do they then
 * compare with the best serial code, which can block in time as well?
 *
 * <pre>{@code
 * var launcher = new MpiHeatLauncher().overlap(true).output(line -> {});
 * var c = DeepHaloComparison.run(launcher, new HeatProblem(2048, 100).withRandomField(1), 2, 16, 5);
 * c.table();               // variant, seconds, speed-up over vector on one thread
 * c.deepOverOneRow();      // how much the deep halos gained on the same ranks
 * }</pre>
 *
 * @param problem        the grid and steps
 * @param ranks          the MPI ranks of both MPI runs
 * @param depth          the deep halos' rows
 * @param serialChecksum {@code HeatProblem.checksum} of {@code vector}'s grid: both MPI runs must give it bit for bit
 * @param vectorSeconds  {@code vector} on one thread, best of the repeats
 * @param blockedSeconds {@code blocked} on one thread, best of the repeats
 * @param oneRank        one rank with one-row halos: {@code vector}'s rows in an MPI process
 * @param oneRowHalos    the ranks with {@link HeatBlock}'s one-row halos, exchanged every step
 * @param deepHalos      the ranks with halos {@code depth} rows deep
 */
public record DeepHaloComparison(HeatProblem problem, int ranks, int depth, double serialChecksum, double vectorSeconds,
                                 double blockedSeconds, MpiHeatResult oneRank, MpiHeatResult oneRowHalos, MpiHeatResult deepHalos) {

    /**
     * Measures the five. The launcher's other settings (overlap, time bound, output) are used for both MPI
     * runs; its repeat count and halo depth are set here (and left so).
     *
     * @throws IllegalArgumentException when {@code depth} is deeper than {@code ranks} blocks of this grid allow
     */
    public static DeepHaloComparison run(MpiHeatLauncher launcher, HeatProblem problem, int ranks, int depth, int repeats) {
        DeepHaloBlock.requireDepth(depth, new RowBlocks(problem.n(), ranks));
        var vector = new VectorHeat();
        double checksum = HeatProblem.checksum(vector.solve(problem, 1));   // also the warm-up of the timing below
        double vectorSeconds = Timing.measure("vector x1", 1, repeats, () -> vector.solve(problem, 1)).best();
        var blocked = new BlockedHeat();
        double blockedSeconds = Timing.measure("blocked x1", 1, repeats, () -> blocked.solve(problem, 1)).best();
        MpiHeatResult one = MpiScaling.runQuietly(launcher.repeat(repeats).haloDepth(1), 1, problem);
        MpiHeatResult oneRow = MpiScaling.runQuietly(launcher, ranks, problem);
        MpiHeatResult deep = MpiScaling.runQuietly(launcher.haloDepth(depth), ranks, problem);
        return new DeepHaloComparison(problem, ranks, depth, checksum, vectorSeconds, blockedSeconds, one, oneRow, deep);
    }

    /** {@code vector} on one thread over one MPI rank running the same rows: 1 when the rank process costs nothing. */
    public double vectorOverOneRank() {
        return vectorSeconds / oneRank.seconds();
    }

    /** One-row halos' time over deep halos' on the same ranks: above 1 when the deep halos pay. */
    public double deepOverOneRow() {
        return oneRowHalos.seconds() / deepHalos.seconds();
    }

    /** {@code vector} on one thread over the deep-halo ranks: the speed-up over the serial code the ranks run row by row. */
    public double deepOverVector() {
        return vectorSeconds / deepHalos.seconds();
    }

    /** {@code blocked} on one thread over the deep-halo ranks: the speed-up over the best serial code. */
    public double deepOverBlocked() {
        return blockedSeconds / deepHalos.seconds();
    }

    /** The five times with their speed-up over {@code vector} on one thread. */
    public Table table() {
        StringColumn variant = StringColumn.create("variant", "vector, 1 thread", "blocked, 1 thread", "1 rank, halos 1 row deep",
                ranks + " ranks, halos 1 row deep", ranks + " ranks, halos " + depth + " rows deep");
        DoubleColumn seconds = DoubleColumn.create("seconds", vectorSeconds, blockedSeconds, oneRank.seconds(), oneRowHalos.seconds(),
                deepHalos.seconds());
        DoubleColumn speedup = DoubleColumn.create("speedup_over_vector", seconds.asDoubleArray());
        for (int i = 0; i < speedup.size(); i++) speedup.set(i, vectorSeconds / seconds.get(i));
        var symbols = DecimalFormatSymbols.getInstance(Locale.ROOT);
        seconds.setPrintFormatter(new NumberColumnFormatter(new DecimalFormat("0.000", symbols)));
        speedup.setPrintFormatter(new NumberColumnFormatter(new DecimalFormat("0.00", symbols)));
        return Table.create("heat N=" + problem.n() + ", " + problem.steps() + " steps", variant, seconds, speedup);
    }
}
