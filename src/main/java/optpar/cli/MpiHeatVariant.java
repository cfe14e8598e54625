package optpar.cli;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import optpar.heat.HeatProblem;
import optpar.measure.Sweep;
import optpar.measure.Timing;
import optpar.mpi.MpiHeatLauncher;
import optpar.mpi.MpiHeatResult;
import optpar.mpi.RowBlocks;

/**
 * The bench CLI's {@code --impl mpi}: the heat problem on MPI ranks, one {@code mpirun} per rank count.
 *
 * <pre>{@code
 * ./course bench heat --impl mpi --ranks 1,2,3 --n 400 --steps 200
 * }</pre>
 * Each row's {@code threads} is the rank count and its checksum that of the grid gathered on rank 0.
 * {@code --repeat K} becomes K timed runs inside one mpirun (each from the initial field), {@code --warmup K}
 * K untimed runs before them; without {@code --ranks} the {@code --threads} counts are used.
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
        return "row blocks on MPI ranks (mpirun, Open MPI through FFM), halo rows exchanged each step";
    }

    public boolean available() {
        return MpiHeatLauncher.available();
    }

    /** Every rank count must leave each rank at least one interior row; the warm-up must fit an int. */
    public void check(BenchOptions o) {
        for (int k : rankCounts(o)) new RowBlocks(o.n(), k);
        if ((long) o.warmup() * o.steps() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("--warmup " + o.warmup() + " x --steps " + o.steps()
                    + " is too many warm-up steps for mpi: use fewer warm-up runs");
        }
    }

    private static int[] rankCounts(BenchOptions o) {
        return Arrays.stream(o.ranks() != null ? o.ranks() : o.threads()).distinct().sorted().toArray();
    }

    public List<Sweep.Measurement> run(BenchOptions o, Consumer<String> notes) {
        check(o);
        int[] ranks = rankCounts(o);
        if (o.ranks() == null) notes.accept("mpi: no --ranks given, using the --threads counts " + Arrays.toString(ranks) + " as rank counts");
        var problem = new HeatProblem(o.n(), o.steps());
        int warmupSteps = o.warmup() * o.steps();   // --warmup K: K whole untimed runs (check() bounds it)
        var launcher = launchers.get().warmup(warmupSteps).repeat(o.repeat());
        List<Sweep.Measurement> rows = new ArrayList<>();
        MpiHeatResult first = null;
        for (int k : ranks) {
            MpiHeatResult r = launcher.run(k, problem);
            if (first == null) first = r;
            notes.accept(String.format(java.util.Locale.ROOT, "mpi: %d rank(s), whole mpirun %.2f s", k, r.wallSeconds()));
            var timing = new Timing.Result<Void>("mpi x" + k, List.of(), r.runs(), null);
            double speedup = first.seconds() / r.seconds();
            rows.add(new Sweep.Measurement(name(), k, timing, r.checksum(), speedup, speedup * first.ranks() / k));
        }
        return rows;
    }
}
