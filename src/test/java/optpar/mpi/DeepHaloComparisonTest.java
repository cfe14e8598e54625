package optpar.mpi;

import optpar.Available;
import optpar.TestSeed;
import optpar.heat.HeatProblem;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The four-way comparison on a small random grid: both MPI runs give vector's bits, the table has the five rows. */
@Tag("integration")
class DeepHaloComparisonTest {

    @Test
    void bothMpiRunsGiveTheSerialChecksumAndTheTableNamesTheFiveWays() {
        Available.require(MpiHeatLauncher.available(), "mpirun is not installed here (Debian: openmpi-bin, libopenmpi-dev)");
        Random rnd = TestSeed.random();
        var problem = new HeatProblem(40 + rnd.nextInt(40), 20 + rnd.nextInt(20)).withRandomField(1 + rnd.nextInt(1_000_000));
        int depth = 2 + rnd.nextInt(DeepHaloBlock.maxDepth(new RowBlocks(problem.n(), 2)) - 1);
        var launcher = new MpiHeatLauncher().timeout(Duration.ofSeconds(90)).warmup(2).overlap(rnd.nextBoolean());

        var c = DeepHaloComparison.run(launcher, problem, 2, depth, 1);

        String what = "n=" + problem.n() + " steps=" + problem.steps() + " seed=" + problem.seed() + " depth=" + depth;
        assertEquals(c.serialChecksum(), c.oneRank().checksum(), 0.0, "one rank, " + what);
        assertEquals(1, c.oneRank().ranks());
        assertEquals(c.serialChecksum(), c.oneRowHalos().checksum(), 0.0, "one-row halos, " + what);
        assertEquals(c.serialChecksum(), c.deepHalos().checksum(), 0.0, "deep halos, " + what);
        assertEquals(1, c.oneRowHalos().haloDepth());
        assertEquals(depth, c.deepHalos().haloDepth());
        var t = c.table();
        assertEquals(5, t.rowCount());
        assertEquals(1.0, t.doubleColumn("speedup_over_vector").get(0), 1e-12, "vector against itself");
        assertEquals(c.deepOverVector(), t.doubleColumn("speedup_over_vector").get(4), 1e-12);
        assertEquals(c.vectorOverOneRank(), t.doubleColumn("speedup_over_vector").get(2), 1e-12);
        assertTrue(c.vectorSeconds() > 0 && c.blockedSeconds() > 0, c.toString());
    }

    @Test
    void aDepthTheBlocksCannotHoldIsRefusedBeforeAnythingRuns() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> DeepHaloComparison.run(new MpiHeatLauncher(), new HeatProblem(30, 5), 2, 20, 1));
        assertTrue(e.getMessage().contains("use 1 to 7"), e.getMessage());
    }
}
