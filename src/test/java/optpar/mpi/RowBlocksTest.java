package optpar.mpi;

import optpar.TestSeed;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

class RowBlocksTest {

    @RepeatedTest(20)
    void blocksCoverEveryInteriorRowOnceAndDifferByAtMostOneRow() {
        Random rnd = TestSeed.random();
        int n = 3 + rnd.nextInt(200);
        int ranks = 1 + rnd.nextInt(n - 2);
        var blocks = new RowBlocks(n, ranks);
        int next = 1, min = Integer.MAX_VALUE, max = 0;
        for (int r = 0; r < ranks; r++) {
            assertEquals(next, blocks.first(r), "rank " + r + " must start where rank " + (r - 1) + " ended (n=" + n + ", ranks=" + ranks + ")");
            assertTrue(blocks.count(r) >= 1, "every rank owns a row");
            next += blocks.count(r);
            min = Math.min(min, blocks.count(r));
            max = Math.max(max, blocks.count(r));
        }
        assertEquals(n - 1, next, "the blocks end at the last interior row n-2");
        assertTrue(max - min <= 1, "sizes differ by at most one row: " + min + ".." + max);
    }

    @Test
    void neighboursAreProcNullAtTheEdges() {
        var blocks = new RowBlocks(10, 3);
        assertEquals(Mpi.PROC_NULL, blocks.up(0));
        assertEquals(1, blocks.down(0));
        assertEquals(1, blocks.up(2));
        assertEquals(Mpi.PROC_NULL, blocks.down(2));
        assertEquals(-2, Mpi.PROC_NULL, "Open MPI's MPI_PROC_NULL");
    }

    @Test
    void tooManyRanksForTheGridIsRefusedSayingWhatIsAllowed() {
        var e = assertThrows(IllegalArgumentException.class, () -> new RowBlocks(5, 4));
        assertEquals("grid size n=5 has 3 interior rows, too few for 4 ranks: each rank needs at least one interior row,"
                + " so use at most 3 ranks (or n >= 6)", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new RowBlocks(5, 0));
        assertThrows(IllegalArgumentException.class, () -> new RowBlocks(2, 1));
        assertDoesNotThrow(() -> new RowBlocks(5, 3));
    }
}
