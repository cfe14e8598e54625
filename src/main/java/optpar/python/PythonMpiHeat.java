package optpar.python;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import optpar.Course;
import optpar.heat.HeatProblem;
import optpar.mpi.MpiHeatLauncher;
import optpar.process.ChildProcess;

/**
 * The lecture's mpi4py heat ({@code optpar/python/mpi_heat.py}) on K ranks: {@code mpirun -np K
 * python3 mpi_heat.py --n N --steps S}, with the same mpirun options as the Java ranks of
 * {@link MpiHeatLauncher} (oversubscribe only past the cores, no binding, allowed as root).
 *
 * <pre>{@code
 * Map<String, String> r = PythonMpiHeat.run(2, new HeatProblem(400, 100), Duration.ofMinutes(2));
 * double seconds = Python.number(r, "seconds"), checksum = Python.number(r, "checksum");
 * }</pre>
 */
public final class PythonMpiHeat {
    private PythonMpiHeat() {}

    /** "" when mpirun, numpy and mpi4py are here, else why not. */
    public static String unavailableReason() {
        if (MpiHeatLauncher.mpirun().isEmpty()) return "unavailable here (install openmpi-bin)";
        String numpy = Python.missing("numpy");
        return numpy.isEmpty() ? Python.missing("mpi4py") : numpy;
    }

    /** Runs it on {@code ranks} ranks and returns rank 0's fields: ranks, seconds (the steps only), checksum. */
    public static Map<String, String> run(int ranks, HeatProblem p, Duration bound) {
        if (ranks < 1 || ranks > p.n() - 2) {
            throw new IllegalArgumentException("ranks " + ranks + " is not allowed for n=" + p.n() + ": use 1 to " + (p.n() - 2));
        }
        String why = unavailableReason();
        if (!why.isEmpty()) throw new IllegalStateException("mpi4py heat " + why);
        List<String> cmd = new ArrayList<>(List.of(MpiHeatLauncher.mpirun().orElseThrow().toString(), "-np", "" + ranks));
        if (ranks > Course.cores()) cmd.add("--oversubscribe");
        cmd.addAll(List.of("--bind-to", "none"));
        cmd.addAll(Python.command("mpi_heat.py", "--n", "" + p.n(), "--steps", "" + p.steps()));
        ChildProcess c = Python.process(cmd, bound);
        if ("root".equals(System.getProperty("user.name"))) {
            c = c.env("OMPI_ALLOW_RUN_AS_ROOT", "1").env("OMPI_ALLOW_RUN_AS_ROOT_CONFIRM", "1");
        }
        return Python.fields(c.run());
    }
}
