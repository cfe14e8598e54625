package optpar.mpi;

import optpar.Available;
import optpar.TestSeed;
import optpar.batch.BatchReport;
import optpar.batch.RawData;
import optpar.batch.ReduceJob;
import optpar.batch.SingleProcess;
import optpar.batch.Summary;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** The master/worker pool over real MPI ranks gives the single process's results, every job once. */
@Tag("integration")
class MpiPoolTest {

    @BeforeAll
    static void needsMpirun() {
        Available.require(MpiHeatLauncher.available(), "mpirun is not installed here: the MPI tests need a real Open MPI");
    }

    @Test
    void everyJobRunsOnceOnSomeWorkerWithTheSingleProcessResult(@TempDir Path dir) {
        long seed = TestSeed.seed();
        List<Path> raw = RawData.generate(dir.resolve("raw"), 9, 500, seed, -1);
        SingleProcess.run(ReduceJob.forFiles(raw, dir.resolve("serial"), 20));
        BatchReport r = new MpiPool(3).timeout(Duration.ofSeconds(120)).run(ReduceJob.forFiles(raw, dir.resolve("mpi"), 20));
        assertEquals(9, r.results().size(), "seed=" + seed + ": " + r);
        assertEquals(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8), r.results().stream().map(j -> j.job()).sorted().toList(), "each job once");
        assertTrue(r.jobsPerWorker().keySet().stream().allMatch(w -> w.equals("rank 1") || w.equals("rank 2")),
                "only workers run jobs, the master hands them out: " + r.jobsPerWorker());
        assertEquals(Summary.merge(List.of(dir.resolve("serial"))), Summary.merge(List.of(dir.resolve("mpi"))), "seed=" + seed);
        assertTrue(r.seconds() > 0 && r.seconds() < 120, r.toString());
    }

    @Test
    void aPoolNeedsAWorker() {
        var e = assertThrows(IllegalArgumentException.class, () -> new MpiPool(1));
        assertTrue(e.getMessage().contains("at least 2 ranks"), e.getMessage());
    }
}
