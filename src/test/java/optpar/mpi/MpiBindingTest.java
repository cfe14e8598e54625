package optpar.mpi;

import optpar.TestSeed;
import optpar.Available;
import optpar.Course;
import optpar.process.ChildProcess;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** Each call of the binding, on real Open MPI with three ranks (see {@link MpiBindingProbe}). */
@Tag("integration")   // real mpirun and rank JVMs
class MpiBindingTest {

    @Test
    void everyCallDoesWhatTheStandardSaysAndErrorsComeBackAsMessages() throws Exception {
        Available.require(MpiHeatLauncher.available(),
                "mpirun is not installed here (Debian: openmpi-bin, libopenmpi-dev): the MPI tests need a real Open MPI");
        long seed = TestSeed.nextLong();
        List<String> cmd = new ArrayList<>(List.of(MpiHeatLauncher.mpirun().orElseThrow().toString(), "-np", "3",
                "--oversubscribe", "--bind-to", "none", "--mca", "mpi_yield_when_idle", "1"));
        cmd.addAll(Course.javaCommand(List.of("-XX:+UseSerialGC"), MpiBindingProbe.class.getName(), Long.toString(seed)));
        ChildProcess probe = ChildProcess.of(cmd).timeout(Duration.ofSeconds(90));
        if (MpiHeatLauncher.runningAsRoot()) {
            probe.env("OMPI_ALLOW_RUN_AS_ROOT", "1").env("OMPI_ALLOW_RUN_AS_ROOT_CONFIRM", "1");
        }
        String out = String.join("\n", probe.run().requireSuccess().allLines());

        assertEquals("3", value(out, "size"));
        String[] sum = value(out, "sum").split(" expected ");
        assertEquals(Double.parseDouble(sum[1]), Double.parseDouble(sum[0]), 1e-15, "allreduce sum");
        String[] max = value(out, "max").split(" expected ");
        assertEquals(max[1], max[0], "allreduce max is exact");
        assertEquals("true", value(out, "ring"), "sendrecv around a ring");
        assertEquals("011222", value(out, "gathered"), "gatherv with counts 1, 2, 3");
        assertEquals("-1.0", value(out, "procnull"), "a receive from PROC_NULL leaves the buffer alone");
        assertEquals("true", value(out, "wtime"));
        assertTrue(value(out, "error").matches("MPI_Sendrecv failed on rank 0 with error \\d+: .*rank.*"),
                "an invalid rank is an MpiException with MPI's own text: " + value(out, "error"));
    }

    private static String value(String out, String key) {
        for (String line : out.split("\n")) {
            if (line.startsWith("PROBE " + key + " ")) return line.substring(("PROBE " + key + " ").length()).trim();
        }
        return fail("no PROBE " + key + " line in:\n" + out);
    }
}
