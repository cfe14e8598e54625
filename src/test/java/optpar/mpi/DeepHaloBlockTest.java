package optpar.mpi;

import optpar.TestSeed;
import optpar.heat.HeatProblem;
import optpar.heat.NaiveHeat;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.Random;

import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Deep halos without MPI: K blocks in one JVM, their halos copied by hand where the messages would
 * move them, every few steps. The gathered grid must equal the serial reference bit for bit, for any
 * depth the blocks allow, blocking and overlapped, on a seeded random field.
 */
class DeepHaloBlockTest {

    private record Case(HeatProblem problem, int ranks, int depth) {}

    private static Case randomCase(Random rnd) {
        int n = 4 + rnd.nextInt(90);
        var problem = new HeatProblem(n, rnd.nextInt(60)).withRandomField(1 + rnd.nextInt(Integer.MAX_VALUE - 1));
        int ranks = 1 + rnd.nextInt(Math.min(5, n - 2));
        int depth = 1 + rnd.nextInt(DeepHaloBlock.maxDepth(new RowBlocks(n, ranks)));
        return new Case(problem, ranks, depth);
    }

    @RepeatedTest(25)
    void blockingExchangesEveryDepthStepsGiveTheSerialGrid() {
        var c = randomCase(TestSeed.random());
        assertArrayEquals(new NaiveHeat().solve(c.problem(), 1), solveInBlocks(c, false), c.toString());
    }

    @RepeatedTest(25)
    void overlappedTheInteriorIsSweptBeforeTheHalosArrive() {
        var c = randomCase(TestSeed.random());
        assertArrayEquals(new NaiveHeat().solve(c.problem(), 1), solveInBlocks(c, true), c.toString());
    }

    @Test
    void theDeepestHaloOfTheSmallestBlocksStillGivesTheSerialGrid() {
        Random rnd = TestSeed.random();
        var problem = new HeatProblem(42, 37).withRandomField(1 + rnd.nextInt(1000));   // 40 rows: 10 per rank
        int depth = DeepHaloBlock.maxDepth(new RowBlocks(42, 4));
        assertEquals(5, depth);
        for (boolean overlap : new boolean[] {false, true}) {
            assertArrayEquals(new NaiveHeat().solve(problem, 1), solveInBlocks(new Case(problem, 4, depth), overlap), "overlap " + overlap);
        }
    }

    /**
     * Overlapped, the halos still hold rows of an older step while the interior is swept, and the rows
     * sent are the copies taken before it: a sweep that read a halo too early, or a message taken from
     * the rows the sweep overwrites, gives other bits.
     */
    private static double[] solveInBlocks(Case c, boolean overlap) {
        var problem = c.problem();
        int n = problem.n();
        var rowBlocks = new RowBlocks(n, c.ranks());
        try (Arena arena = Arena.ofConfined()) {
            DeepHaloBlock[] blocks = new DeepHaloBlock[c.ranks()];
            for (int r = 0; r < c.ranks(); r++) blocks[r] = new DeepHaloBlock(problem, rowBlocks, r, c.depth(), arena);
            for (int s = 0; s < problem.steps(); s += c.depth()) {
                int d = Math.min(c.depth(), problem.steps() - s);
                for (DeepHaloBlock b : blocks) b.copyEdgeRows();          // the edge rows into the send buffers
                if (overlap) {
                    for (DeepHaloBlock b : blocks) b.advanceInterior(d);  // before the messages "arrive"
                    deliver(blocks);                                      // MPI_Waitall
                    for (DeepHaloBlock b : blocks) b.advanceEdges(d);
                } else {
                    deliver(blocks);                                      // the two MPI_Sendrecv
                    for (DeepHaloBlock b : blocks) b.advance(d);
                }
            }
            double[] grid = problem.initial();
            for (DeepHaloBlock b : blocks) {
                assertEquals(problem.steps(), b.steps());
                MemorySegment.copy(b.ownRows(), JAVA_DOUBLE, 0, grid, b.first() * n, b.rows() * n);
            }
            return grid;
        }
    }

    /** What the messages do between ranks r and r+1: send buffers into the neighbours' receive buffers, then into the halos. */
    private static void deliver(DeepHaloBlock[] blocks) {
        for (int r = 0; r + 1 < blocks.length; r++) {
            blocks[r].haloBelow().copyFrom(blocks[r + 1].rowsToSendUp());
            blocks[r + 1].haloAbove().copyFrom(blocks[r].rowsToSendDown());
        }
        for (DeepHaloBlock b : blocks) b.halosArrived();
    }

    @Test
    void theOwnSumIsTheBlocksTotalHeat() {
        Random rnd = TestSeed.random();
        int n = 30 + rnd.nextInt(100);
        var problem = new HeatProblem(n, 0).withRandomField(1 + rnd.nextInt(1000));
        var blocks = new RowBlocks(n, 3);
        double[] u = problem.initial();
        try (Arena arena = Arena.ofConfined()) {
            for (int r = 0; r < 3; r++) {
                var block = new DeepHaloBlock(problem, blocks, r, 1 + rnd.nextInt(DeepHaloBlock.maxDepth(blocks)), arena);
                double plain = 0;
                for (int k = blocks.first(r) * n; k < (blocks.first(r) + blocks.count(r)) * n; k++) plain += u[k];
                assertEquals(plain, block.ownSum(), 1e-12 * Math.abs(plain) + 1e-12, "rank " + r);
            }
        }
    }

    @Test
    void aResetBlockStartsAgainFromTheInitialField() {
        Random rnd = TestSeed.random();
        var problem = new HeatProblem(20 + rnd.nextInt(60), 10).withRandomField(1 + rnd.nextInt(1000));
        var blocks = new RowBlocks(problem.n(), 2);
        int depth = 1 + rnd.nextInt(DeepHaloBlock.maxDepth(blocks));
        try (Arena arena = Arena.ofConfined()) {
            var fresh = new DeepHaloBlock(problem, blocks, 1, depth, arena);
            var used = new DeepHaloBlock(problem, blocks, 1, depth, arena);
            used.advance(depth);
            assertTrue(!java.util.Arrays.equals(fresh.ownRows().toArray(JAVA_DOUBLE), used.ownRows().toArray(JAVA_DOUBLE)), "the steps changed the rows");
            used.reset();
            assertEquals(0, used.steps());
            assertArrayEquals(fresh.ownRows().toArray(JAVA_DOUBLE), used.ownRows().toArray(JAVA_DOUBLE), "depth " + depth);
            var one = new HeatBlock(problem, blocks, 0, arena);
            var initial = one.ownRows().toArray(JAVA_DOUBLE);
            one.step();
            one.step();
            one.reset();
            assertArrayEquals(initial, one.ownRows().toArray(JAVA_DOUBLE), "a one-row-halo block resets too");
        }
    }

    @Test
    void aHaloDeeperThanTheBlocksAllowIsRefusedInOneLine() {
        var problem = new HeatProblem(42, 10);
        var blocks = new RowBlocks(42, 4);
        try (Arena arena = Arena.ofConfined()) {
            var e = assertThrows(IllegalArgumentException.class, () -> new DeepHaloBlock(problem, blocks, 0, 6, arena));
            assertTrue(e.getMessage().contains("use 1 to 5"), e.getMessage());
            assertThrows(IllegalArgumentException.class, () -> new DeepHaloBlock(problem, blocks, 0, 0, arena));
            var block = new DeepHaloBlock(problem, blocks, 1, 3, arena);
            var tooMany = assertThrows(IllegalArgumentException.class, () -> block.advance(4));
            assertTrue(tooMany.getMessage().contains("use 1 to 3"), tooMany.getMessage());
        }
    }
}
