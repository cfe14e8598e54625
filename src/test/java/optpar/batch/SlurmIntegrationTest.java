package optpar.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import optpar.Available;
import optpar.TestSeed;
import optpar.heat.HeatProblem;
import optpar.heat.NaiveHeat;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Against a real Slurm (the course's own: {@code ./course slurm start}; {@code ./course test} starts it):
 * a 3-task array whose task 1 fails on purpose, sacct's states, the resubmission of the failed id,
 * and MPI under the queue. Skipped, saying why, when no Slurm answers.
 */
@Tag("integration")
class SlurmIntegrationTest {
    static Slurm slurm;

    @TempDir
    Path dir;

    @BeforeAll
    static void connect() {
        String why = null;
        try {
            slurm = Slurm.connect();
        } catch (IllegalStateException e) {
            why = e.getMessage();
        }
        String reason = why;
        Available.require(slurm != null, () -> "a Slurm that answers (./course slurm start): " + reason);
    }

    @Test
    void aThreeTaskArrayRunsAndItsFailedTaskIsResubmitted() throws Exception {
        // Task 1's raw file has a line that is not a number: its reduce job exits 2.
        long seed = TestSeed.nextLong();
        List<Path> raw = RawData.generate(dir.resolve("raw"), 3, 200, seed, 1);
        Path top = TestLauncher.write(dir.resolve("bin"));
        Path script = SlurmScript.write(dir.resolve("reduce-array.sh"), top.resolve("course"), dir, 3, 2, 20);

        SlurmRun first = SlurmRun.submit(slurm, script, Slurm.arrayRange(3, 2), "reduced", 3, Duration.ofMinutes(3));
        Map<Integer, String> states = new TreeMap<>();
        for (ArrayTask t : first.tasks()) states.put(t.task(), t.state() + " " + t.exitCode());
        assertEquals(Map.of(0, "COMPLETED 0", 1, "FAILED 2", 2, "COMPLETED 0"), states, first.tasks().toString());
        assertEquals(java.util.Set.of(1), first.notCompleted());
        assertTrue(Files.readString(dir.resolve("logs/reduce-" + first.jobId() + "_1.out")).contains("raw-0001.csv line"),
                "the failed task's log names the bad line");

        RawData.generate(dir.resolve("raw"), 3, 200, seed, -1);   // the file fixed
        SlurmRun again = SlurmRun.submit(slurm, script, Slurm.arrayList(first.notCompleted()), "reduced", 1, Duration.ofMinutes(3));
        assertEquals(1, again.tasks().size());
        assertEquals("COMPLETED", again.tasks().getFirst().state());
        assertEquals(1, again.tasks().getFirst().task());

        List<Reduced> expected = raw.stream().map(f -> Reduction.reduceRaw(f, 20, false)).toList();
        assertEquals(expected, Summary.merge(List.of(dir.resolve("reduced"))));
    }

    @Test
    void badInputGetsOneLine() {
        var zero = assertThrows(IllegalArgumentException.class, () -> Slurm.arrayRange(0, 2));
        assertTrue(zero.getMessage().contains("0 tasks"), zero.getMessage());
        var none = assertThrows(IllegalArgumentException.class, () -> Slurm.arrayRange(5, 0));
        assertTrue(none.getMessage().contains("%0"), none.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Slurm.arrayList(List.of()));
        var missing = assertThrows(IllegalArgumentException.class,
                () -> slurm.submit(dir.resolve("nope.sh"), "0-1", List.of()));
        assertTrue(missing.getMessage().contains("does not exist"), missing.getMessage());
        var down = assertThrows(IllegalStateException.class, () -> Slurm.at(dir.resolve("no-such/slurm.conf")));
        assertTrue(down.getMessage().contains("does not answer"), down.getMessage());
    }

    @Test
    void mpiUnderTheQueueGivesTheSerialChecksum() throws Exception {
        Available.require(optpar.mpi.MpiHeatLauncher.available(), "Open MPI's mpirun (Debian: openmpi-bin)");
        HeatProblem p = new HeatProblem(64, 20);
        Path sh = MpiUnderSlurm.write(dir.resolve("mpi-heat.sh"), 2, p);
        MpiUnderSlurm.Job job = MpiUnderSlurm.run(slurm, sh, Duration.ofMinutes(3));
        assertEquals("COMPLETED", job.task().state(), String.join("\n", job.output()));
        assertEquals(HeatProblem.checksum(new NaiveHeat().solve(p, 1)), job.checksum());
    }
}
