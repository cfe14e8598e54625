package optpar.batch;

import optpar.TestSeed;
import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.time.Duration;
import optpar.process.ChildProcess;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("integration")   // one real JVM per job, and a job-array task
class LocalBatchTest {
    @TempDir
    Path dir;

    /** Every reduced file of {@code a} has a byte-identical twin in {@code b}, and nothing more. */
    static void assertSameOutputs(Path a, Path b) throws Exception {
        List<String> names;
        try (var s = Files.list(a)) {
            names = s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".csv")).sorted().toList();
        }
        try (var s = Files.list(b)) {
            assertEquals(names, s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".csv")).sorted().toList());
        }
        assertFalse(names.isEmpty());
        for (String n : names) assertEquals(Files.readString(a.resolve(n)), Files.readString(b.resolve(n)), n);
    }

    @Test
    void processPoolGivesTheSingleProcessOutputs() throws Exception {
        List<Path> raw = RawData.generate(dir.resolve("raw"), 4, 300, TestSeed.random().nextInt(1000), -1);
        BatchReport ref = SingleProcess.run(ReduceJob.forFiles(raw, dir.resolve("serial"), 20));
        BatchReport pool = new ProcessPerJob(2, 60).run(ReduceJob.forFiles(raw, dir.resolve("pool"), 20));
        assertSameOutputs(dir.resolve("serial"), dir.resolve("pool"));
        assertEquals(ref.results().stream().map(JobResult::reduced).toList(), pool.results().stream().map(JobResult::reduced).toList());
        assertEquals(4, pool.jobsPerWorker().size(), "one process per job");
        assertEquals(List.of(1, 1, 1, 1), List.copyOf(pool.jobsPerWorker().values()));
        assertTrue(BatchCharts.jobsPerWorker("pool", pool).getWidth() > 100);
        assertEquals(2, BatchReport.table(List.of(ref, pool)).rowCount());
    }

    @Test
    void aFailingJobInThePoolIsNamed() throws Exception {
        List<Path> raw = RawData.generate(dir.resolve("raw"), 2, 30, 1, 1);
        var e = assertThrows(IllegalStateException.class, () -> new ProcessPerJob(2, 60).run(ReduceJob.forFiles(raw, dir.resolve("out"), 5)));
        assertTrue(e.getMessage().contains("job 1 failed with exit 2") && e.getMessage().contains("raw-0001.csv line"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new ProcessPerJob(0, 60));
    }

    @Test
    void theSlurmArrayTaskRunsTheSameJob() throws Exception {
        String script = SlurmScript.jobArray(100, "data", 20);
        assertTrue(script.contains("#SBATCH --array=0-99\n"), script);
        assertTrue(script.contains("./course jobs reduce \"data/raw/raw-$i.csv\" \"data/reduced/raw-$i.csv\" --work 20"), script);
        assertThrows(IllegalArgumentException.class, () -> SlurmScript.jobArray(0, "data", 20));
        assertThrows(IllegalArgumentException.class, () -> SlurmScript.jobArray(10, "my data; rm -rf", 20));

        // Run array task 3 as Slurm would (its environment variables), with a stand-in launcher.
        Path top = TestLauncher.write(dir.resolve("top"));
        List<Path> raw = RawData.generate(top.resolve("data/raw"), 5, 200, 7, -1);
        Path sh = SlurmScript.write(top.resolve("reduce-array.sh"), 5, "data", 20);
        ChildProcess.of("bash", sh.toString()).directory(dir).env("SLURM_ARRAY_TASK_ID", "3")
                .env("SLURM_SUBMIT_DIR", top.toString()).timeout(Duration.ofSeconds(60)).run().requireSuccess();
        Reduced expected = Reduction.reduceRaw(raw.get(3), 20, false);
        assertEquals(List.of(expected), Reduction.read(top.resolve("data/reduced/raw-0003.csv")));
    }
}
