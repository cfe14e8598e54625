package optpar.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import optpar.heat.HeatProblem;
import optpar.heat.HeatSolver;
import optpar.heat.HeatVariants;
import optpar.measure.BandwidthProbe;
import optpar.measure.Sweep;
import optpar.python.PythonVariant;

/**
 * {@code bench heat}: the Java and C variants ({@link HeatVariants}), the lecture's Python
 * ({@link PythonVariant#heat()}) and the MPI ranks ({@link MpiHeatVariant}, {@code --ranks});
 * size = N, param = steps, gbps = 16 bytes per point per step (STREAM's count).
 */
final class HeatBench extends BenchProblem {
    private final MpiHeatVariant mpi = new MpiHeatVariant();

    @Override public String name() { return "heat"; }

    @Override public List<String> options() { return List.of("--n", "--steps", "--ranks", "--scaling", "--halo", "--halo-depth"); }

    /** An MPI row under weak scaling ran on its own grid: its CSV line says which. */
    @Override
    public BenchOptions optionsOf(BenchOptions o, Sweep.Measurement row) {
        return row.impl().startsWith(mpi.name()) ? mpi.optionsOf(o, row) : o;
    }

    @Override
    public List<Variant> variants() {
        List<Variant> vs = new ArrayList<>();
        for (HeatSolver s : HeatVariants.all()) vs.add(new Variant(s.name(), s.description(), s.parallel(), s.available(), "not available here"));
        for (PythonVariant v : PythonVariant.heat()) vs.add(new Variant(v.name(), v.description(), v.parallel(), v.available(), v.unavailableReason()));
        vs.add(new Variant(mpi.name(), mpi.description(), true, mpi.available(), "not available here (install openmpi-bin)"));
        return vs;
    }

    @Override
    public List<String> names() {
        List<String> n = new ArrayList<>(HeatVariants.all().stream().map(HeatSolver::name).toList());
        n.addAll(PythonVariant.heat().stream().map(PythonVariant::name).toList());
        n.add(mpi.name());
        return n;
    }

    static HeatProblem problem(BenchOptions o) {
        return new HeatProblem(o.n(), o.steps());
    }

    @Override public String size(BenchOptions o) { return Integer.toString(o.n()); }

    @Override public String param(BenchOptions o, Sweep.Measurement m) { return Integer.toString(o.steps()); }

    @Override public String gbps(BenchOptions o, Sweep.Measurement m) { return num(BandwidthProbe.heatGBs(problem(o), m.seconds())); }

    /** The grid, its double buffer and the result. */
    @Override public double bytesNeeded(BenchOptions o) { return 4.0 * Double.BYTES * o.n() * (double) o.n(); }

    @Override public String title(BenchOptions o) { return Sweep.heat(problem(o)).title(); }

    @Override
    public void check(BenchOptions o, List<String> chosen) {
        if (chosen.contains(mpi.name())) {
            if (mpi.available()) mpi.check(o);
        } else if (o.ranks() != null) {
            throw new IllegalArgumentException("--ranks applies only to the mpi variant (--impl mpi)");
        }
    }

    @Override
    public void measure(BenchOptions o, List<String> chosen, Consumer<String> notes, Consumer<Sweep.Measurement> onRow) {
        problem(o);
        sweep(Sweep.heat(problem(o)), o, chosen, notes, onRow);
        if (!chosen.contains(mpi.name())) return;
        if (!mpi.available()) {
            notes.accept("skipping mpi: not available here (install openmpi-bin)");
            return;
        }
        try {
            mpi.run(o, notes).forEach(onRow);
        } catch (IllegalArgumentException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new IllegalStateException("mpi failed: " + e.getMessage(), e);
        }
    }
}
