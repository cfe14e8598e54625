package optpar.cli;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import optpar.heat.HeatProblem;
import optpar.measure.Sweep;
import optpar.measure.Timing;
import optpar.mpi.DeepHaloBlock;
import optpar.mpi.MpiHeatLauncher;
import optpar.mpi.MpiScaling;
import optpar.mpi.RowBlocks;

/**
 * The bench CLI's {@code --impl mpi}: the heat problem on MPI ranks, one {@code mpirun} per rank count.
 *
 * <pre>{@code
 * ./course bench heat --impl mpi --ranks 1,2,4 --n 2048 --steps 100 --scaling strong --halo both
 * ./course bench heat --impl vector,mpi --threads 1 --ranks 1,2 --n 2048 --steps 100
 * }</pre>
 * Each row's {@code threads} is the rank count, its {@code size} the grid it ran ({@code --scaling weak}:
 * {@code n * sqrt(ranks)}), its checksum that of the grid gathered on rank 0, and its {@code speedup} is
 * over the {@code vector} variant on one thread on the same grid (measured here first), not over one
 * rank. With {@code --halo both} each rank count runs blocking (rows named {@code mpi-blocking}) and
 * overlapped ({@code mpi}), in one run. The notes ({@code #} lines on stderr) split each run's time per step into compute, halo
 * exchange and all-reduce. {@code --repeat K} becomes K timed runs inside one mpirun (each from the
 * initial field), {@code --warmup K} K untimed runs before them; without {@code --ranks} the
 * {@code --threads} counts are used.
 */
public final class MpiHeatVariant {
    /** The most one mpirun may take: a stuck run is ended with all its processes. */
    static final Duration TIME_BOUND = Duration.ofMinutes(10);

    private final java.util.function.Supplier<MpiHeatLauncher> launchers;

    /** The CLI's variant: a plain launcher with the bench's time bound. */
    public MpiHeatVariant() {
        this(() -> new MpiHeatLauncher().timeout(TIME_BOUND));
    }

    /** With launchers made by {@code launchers} (tests use it to make a rank fail). */
    MpiHeatVariant(java.util.function.Supplier<MpiHeatLauncher> launchers) {
        this.launchers = launchers;
    }

    public String name() { return "mpi"; }

    public String description() {
        return "row blocks on MPI ranks (mpirun, Open MPI through FFM), halo rows exchanged each step (--halo overlap|blocking|both, "
                + "--halo-depth H: H rows every H steps, --scaling strong|weak)";
    }

    public boolean available() {
        return MpiHeatLauncher.available();
    }

    /** Every rank count must leave each rank at least one interior row; the warm-up must fit an int. */
    public void check(BenchOptions o) {
        MpiScaling.Kind kind = MpiScaling.Kind.of(o.scaling());
        for (int k : rankCounts(o)) {
            int n = kind.n(o.n(), k);
            mpiDepthAllowed(o.haloDepth(), n, k);
            new HeatProblem(n, o.steps());   // a weak-scaling grid must still fit
        }
        if ((long) o.warmup() * o.steps() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("--warmup " + o.warmup() + " x --steps " + o.steps()
                    + " is too many warm-up steps for mpi: use fewer warm-up runs");
        }
    }

    private static void mpiDepthAllowed(int depth, int n, int ranks) {
        DeepHaloBlock.requireDepth(depth, new RowBlocks(n, ranks));   // also: at least one interior row per rank
    }

    private static int[] rankCounts(BenchOptions o) {
        return MpiScaling.counts(o.ranks() != null ? o.ranks() : o.threads());
    }

    /** A weak-scaling row ran on its own grid: its CSV line says which. */
    public BenchOptions optionsOf(BenchOptions o, Sweep.Measurement row) {
        return o.withN(MpiScaling.Kind.of(o.scaling()).n(o.n(), row.threads()));
    }

    public List<Sweep.Measurement> run(BenchOptions o, Consumer<String> notes) {
        check(o);
        int[] ranks = rankCounts(o);
        if (o.ranks() == null) notes.accept("mpi: no --ranks given, using the --threads counts " + Arrays.toString(ranks) + " as rank counts");
        int warmupSteps = o.warmup() * o.steps();   // --warmup K: K whole untimed runs (check() bounds it)
        notes.accept("mpi: " + o.scaling() + " scaling, " + o.halo() + " halo exchange, halos " + o.haloDepth() + " row(s) deep; speed-up over vector on one thread on each grid");
        List<Sweep.Measurement> rows = new ArrayList<>();
        List<Boolean> ways = switch (o.halo()) {
            case "both" -> List.of(false, true);
            case "blocking" -> List.of(false);
            default -> List.of(true);
        };
        for (boolean overlap : ways) {
            // "mpi" is the overlapped exchange; "mpi-blocking" the MPI_Sendrecv one.
            // With deep halos: "mpi-halo16", "mpi-blocking-halo16".
            String impl = (overlap ? name() : name() + "-blocking") + (o.haloDepth() > 1 ? "-halo" + o.haloDepth() : "");
            var launcher = launchers.get().warmup(warmupSteps).overlap(overlap).haloDepth(o.haloDepth());
            var points = MpiScaling.run(launcher, MpiScaling.Kind.of(o.scaling()), new HeatProblem(o.n(), o.steps()), ranks,
                    o.repeat(), line -> notes.accept(impl + " " + line));
            for (var p : points) {
                var r = p.mpi();
                var timing = new Timing.Result<Void>(impl + " x" + r.ranks(), List.of(), r.runs(), null);
                rows.add(new Sweep.Measurement(impl, r.ranks(), timing, r.checksum(), p.speedup(), p.efficiency()));
            }
        }
        return rows;
    }
}
