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
        Path top = TestLauncher.write(dir.resolve("top"));
        Path data = dir.resolve("data");
        String script = SlurmScript.reduceArray(top.resolve("course"), data, 100, 2, 20);
        assertTrue(script.contains("#SBATCH --array=0-99%2\n"), script);
        assertTrue(script.contains("#SBATCH --chdir=" + data + "\n"), script);
        assertTrue(script.contains("\"$course\" jobs reduce \"raw/raw-$i.csv\" \"$out/raw-$i.csv\" --work 20"), script);
        assertThrows(IllegalArgumentException.class, () -> SlurmScript.reduceArray(top.resolve("course"), data, 0, 2, 20));
        assertThrows(IllegalArgumentException.class, () -> SlurmScript.reduceArray(top.resolve("course"), data, 10, 0, 20));
        assertThrows(IllegalArgumentException.class, () -> SlurmScript.reduceArray(top.resolve("course"), dir.resolve("my data; rm -rf"), 10, 2, 20));

        // Run array task 3 as Slurm would (its environment variable, in the --chdir folder), with a stand-in launcher.
        List<Path> raw = RawData.generate(data.resolve("raw"), 5, 200, 7, -1);
        Path sh = SlurmScript.write(data.resolve("reduce-array.sh"), top.resolve("course"), data, 5, 2, 20);
        assertTrue(Files.isDirectory(data.resolve("logs")), "the log folder exists before submission");
        ChildProcess.of("bash", sh.toString(), "reduced-by-hand").directory(data).env("SLURM_ARRAY_TASK_ID", "3")
                .timeout(Duration.ofSeconds(60)).run().requireSuccess();
        Reduced expected = Reduction.reduceRaw(raw.get(3), 20, false);
        assertEquals(List.of(expected), Reduction.read(data.resolve("reduced-by-hand/raw-0003.csv")));
    }

    @Test
    void sacctLinesAreParsed() {
        ArrayTask t = ArrayTask.parse("27_3|FAILED|00:01:02|vm|2:0|2026-12-01T21:35:29|2026-12-01T21:35:31");
        assertEquals(new ArrayTask(27, 3, "FAILED", 62, "vm", 2, 0, 2), t);
        ArrayTask pending = ArrayTask.parse("27_[4-9%2]|PENDING|00:00:00|None assigned|0:0|2026-12-01T21:35:29|Unknown");
        assertEquals(-1, pending.task());
        assertEquals(-1, pending.waited());
        assertTrue(!pending.isFinal() && t.isFinal());
        assertEquals(90061, ArrayTask.seconds("1-01:01:01"));
        assertEquals(java.util.Set.of(3), ArrayTask.notCompleted(List.of(t, pending)));
        assertEquals("3,17", Slurm.arrayList(List.of(17, 3)));
        assertEquals("0-99%2", Slurm.arrayRange(100, 2));
        assertEquals(java.util.Set.of(0, 1, 2, 3), Slurm.arrayIds("0-3%2"));
        assertEquals(java.util.Set.of(3, 17, 20, 22), Slurm.arrayIds("3,17,20-22:2"));
        assertThrows(IllegalArgumentException.class, () -> Slurm.arrayIds("x"));
    }
}
