package optpar.mpi;

import optpar.TestSeed;
import optpar.heat.HeatProblem;
import optpar.heat.NaiveHeat;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.management.ManagementFactory;
import java.util.Random;

import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The decomposition without MPI: K blocks in one JVM, halos copied by hand exactly where the MPI calls
 * would move them, in the blocking order and in the overlapped one. The gathered grid must equal the
 * serial reference bit for bit, on a seeded random field (a stencil that slips by a row or a column
 * still looks right on the smooth field, not on noise).
 */
class HeatBlockTest {

    private static HeatProblem randomProblem(Random rnd, long seed) {
        int n = 3 + rnd.nextInt(70);
        return new HeatProblem(n, rnd.nextInt(40)).withRandomField(seed);
    }

    @RepeatedTest(10)
    void blockingStepsWithHandCopiedHalosEqualTheSerialReference() {
        Random rnd = TestSeed.random();
        var problem = randomProblem(rnd, 1 + rnd.nextInt(Integer.MAX_VALUE - 1));
        int ranks = 1 + rnd.nextInt(Math.min(5, problem.n() - 2));
        double[] grid = solveInBlocks(problem, ranks, false);
        assertArrayEquals(new NaiveHeat().solve(problem, 1), grid,
                "n=" + problem.n() + " steps=" + problem.steps() + " ranks=" + ranks);
    }

    @RepeatedTest(10)
    void overlappedStepsUpdateTheInteriorBeforeTheHalosArrive() {
        Random rnd = TestSeed.random();
        var problem = randomProblem(rnd, 1 + rnd.nextInt(Integer.MAX_VALUE - 1));
        int ranks = 1 + rnd.nextInt(Math.min(5, problem.n() - 2));
        double[] grid = solveInBlocks(problem, ranks, true);
        assertArrayEquals(new NaiveHeat().solve(problem, 1), grid,
                "n=" + problem.n() + " steps=" + problem.steps() + " ranks=" + ranks);
    }

    /**
     * Overlapped: the interior rows are updated while the halos still hold the previous step's rows
     * (here: stale on purpose), so a wrong interior (one that read a halo) would give other bits.
     */
    private static double[] solveInBlocks(HeatProblem problem, int ranks, boolean overlap) {
        int n = problem.n();
        var rowBlocks = new RowBlocks(n, ranks);
        try (Arena arena = Arena.ofConfined()) {
            HeatBlock[] blocks = new HeatBlock[ranks];
            for (int r = 0; r < ranks; r++) blocks[r] = new HeatBlock(problem, rowBlocks, r, arena);
            for (int s = 0; s < problem.steps(); s++) {
                if (overlap) {
                    for (HeatBlock b : blocks) b.updateInterior();   // before the messages "arrive"
                    copyHalos(blocks);                              // MPI_Waitall
                    for (HeatBlock b : blocks) {
                        b.updateEdges();
                        b.swap();
                    }
                } else {
                    copyHalos(blocks);                              // the two MPI_Sendrecv
                    for (HeatBlock b : blocks) b.step();
                }
            }
            double[] grid = problem.initial();
            for (HeatBlock b : blocks) {
                MemorySegment.copy(b.ownRows(), JAVA_DOUBLE, 0, grid, b.first() * n, b.rows() * n);
            }
            return grid;
        }
    }

    /** What the messages do between ranks r and r+1. */
    private static void copyHalos(HeatBlock[] blocks) {
        for (int r = 0; r + 1 < blocks.length; r++) {
            blocks[r].haloBelow().copyFrom(blocks[r + 1].firstOwnRow());
            blocks[r + 1].haloAbove().copyFrom(blocks[r].lastOwnRow());
        }
    }

    @Test
    void aBlockHoldsOnlyItsRowsAndHalosSoItsMemoryFallsWithTheRankCount() {
        int n = 1024;
        var problem = new HeatProblem(n, 1).withRandomField(7);
        long previous = Long.MAX_VALUE;
        for (int ranks : new int[] {1, 2, 4, 8}) {
            var blocks = new RowBlocks(n, ranks);
            long largest = 0;
            for (int r = 0; r < ranks; r++) {
                try (Arena arena = Arena.ofConfined()) {
                    long heapBefore = allocatedHeapBytes();
                    var block = new HeatBlock(problem, blocks, r, arena);
                    long heap = allocatedHeapBytes() - heapBefore;
                    long expected = 2L * (blocks.count(r) + 2) * n * Double.BYTES;
                    assertEquals(expected, block.offHeapBytes() - 4 * java.lang.foreign.ValueLayout.ADDRESS.byteSize(),
                            "off-heap: two buffers of own rows + 2 halos, ranks=" + ranks + " rank=" + r);
                    // The initial field is made row by row: a few rows of heap, never the n*n grid (8 MiB here).
                    assertTrue(heap < 64L * n * Double.BYTES, "rank " + r + " of " + ranks + " allocated " + heap
                            + " heap bytes building its block; the whole grid would be " + (long) n * n * Double.BYTES);
                    largest = Math.max(largest, block.offHeapBytes());
                }
            }
            assertTrue(largest < previous, ranks + " ranks: largest block " + largest + " bytes, not less than " + previous);
            long ideal = 2L * n * n * Double.BYTES / ranks;
            assertTrue(largest < ideal * 1.1, ranks + " ranks: largest block " + largest + " bytes, ~N^2/P would be " + ideal);
            previous = largest;
        }
    }

    @Test
    void theRandomFieldIsTheSameRowByRowAsWhole() {
        long seed = 1 + TestSeed.random().nextInt(Integer.MAX_VALUE - 1);
        var problem = new HeatProblem(37, 0).withRandomField(seed);
        double[] whole = problem.initial(), row = new double[37];
        for (int i = 0; i < 37; i++) {
            problem.initialRow(i, row);
            for (int j = 0; j < 37; j++) {
                boolean boundary = i == 0 || j == 0 || i == 36 || j == 36;
                assertTrue(boundary ? row[j] == 0 : row[j] >= 0 && row[j] < 1, "seed=" + seed + " (" + i + "," + j + ")");
                assertEquals(whole[i * 37 + j], row[j], "seed=" + seed + " (" + i + "," + j + ")");
            }
        }
        assertArrayEquals(whole, new HeatProblem(37, 0).withRandomField(seed).initial(), "the same seed gives the same field");
        assertTrue(!java.util.Arrays.equals(whole, new HeatProblem(37, 0).withRandomField(seed + 1).initial()), "another seed, another field");
    }

    private static long allocatedHeapBytes() {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        return threads.getCurrentThreadAllocatedBytes();
    }
}
