package optpar.mpi;

import optpar.Course;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Each call of the binding, on real Open MPI with three ranks (see {@link MpiBindingProbe}). */
class MpiBindingTest {

    @Test
    void everyCallDoesWhatTheStandardSaysAndErrorsComeBackAsMessages() throws Exception {
        assumeTrue(MpiHeatLauncher.available(),
                "mpirun is not installed here (Debian: openmpi-bin, libopenmpi-dev): the MPI tests need a real Open MPI");
        long seed = new Random().nextLong();
        List<String> cmd = new ArrayList<>(List.of(MpiHeatLauncher.mpirun().orElseThrow().toString(), "-np", "3",
                "--oversubscribe", "--bind-to", "none", "--mca", "mpi_yield_when_idle", "1"));
        cmd.addAll(Course.javaCommand(List.of("-XX:+UseSerialGC"), MpiBindingProbe.class.getName(), Long.toString(seed)));
        // Output to a file: a bounded waitFor, and no pipe to fill up while we wait.
        java.nio.file.Path log = java.nio.file.Files.createTempFile("mpi-probe-", ".log");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        if (MpiHeatLauncher.runningAsRoot()) {
            pb.environment().put("OMPI_ALLOW_RUN_AS_ROOT", "1");
            pb.environment().put("OMPI_ALLOW_RUN_AS_ROOT_CONFIRM", "1");
        }
        Process p = pb.start();
        String out;
        try {
            assertTrue(p.waitFor(90, TimeUnit.SECONDS), "the probe did not finish within 90 s");
        } finally {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            out = java.nio.file.Files.readString(log, StandardCharsets.UTF_8);
            java.nio.file.Files.deleteIfExists(log);
        }
        assertEquals(0, p.exitValue(), out);

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
