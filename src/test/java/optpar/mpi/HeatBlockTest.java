package optpar.mpi;

import optpar.TestSeed;
import optpar.heat.HeatProblem;
import optpar.heat.NaiveHeat;
import org.junit.jupiter.api.RepeatedTest;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.Random;

import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

/**
 * The decomposition without MPI: K blocks in one JVM, halos copied by hand exactly where MPI_Sendrecv
 * would move them. The gathered grid must equal the serial reference bit for bit.
 */
class HeatBlockTest {

    @RepeatedTest(10)
    void blocksWithHandCopiedHalosEqualTheSerialReference() {
        Random rnd = TestSeed.random();
        int n = 3 + rnd.nextInt(60);
        int ranks = 1 + rnd.nextInt(Math.min(5, n - 2));
        var problem = new HeatProblem(n, rnd.nextInt(40));
        var rowBlocks = new RowBlocks(n, ranks);
        try (Arena arena = Arena.ofConfined()) {
            HeatBlock[] blocks = new HeatBlock[ranks];
            for (int r = 0; r < ranks; r++) blocks[r] = new HeatBlock(problem, rowBlocks, r, arena);
            for (int s = 0; s < problem.steps(); s++) {
                for (int r = 0; r + 1 < ranks; r++) {      // what the two Sendrecv calls do between ranks r and r+1
                    blocks[r].haloBelow().copyFrom(blocks[r + 1].firstOwnRow());
                    blocks[r + 1].haloAbove().copyFrom(blocks[r].lastOwnRow());
                }
                for (HeatBlock b : blocks) b.step();
            }
            double[] grid = problem.initial();
            for (HeatBlock b : blocks) {
                MemorySegment.copy(b.ownRows(), JAVA_DOUBLE, 0, grid, b.first() * n, b.rows() * n);
            }
            assertArrayEquals(new NaiveHeat().solve(problem, 1), grid,
                    "n=" + n + " steps=" + problem.steps() + " ranks=" + ranks);
        }
    }
}
