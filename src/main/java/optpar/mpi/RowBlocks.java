package optpar.mpi;

/**
 * How an n x n grid's interior rows are split over ranks: contiguous blocks whose sizes differ by at
 * most one row. Rows 0 and n-1 are the fixed boundary and belong to nobody; every rank needs at least
 * one interior row, so at most {@code n - 2} ranks are allowed.
 *
 * <pre>{@code
 * var blocks = new RowBlocks(10, 3);   // 8 interior rows over 3 ranks: 3 + 3 + 2
 * blocks.first(0);  // 1     blocks.count(0);  // 3   (rows 1..3)
 * blocks.first(2);  // 7     blocks.count(2);  // 2   (rows 7..8)
 * }</pre>
 *
 * @param n     grid points per side (rows 0 .. n-1)
 * @param ranks how many blocks
 */
public record RowBlocks(int n, int ranks) {

    public RowBlocks {
        if (n < 3) {
            throw new IllegalArgumentException("grid size n=" + n + " is too small: it must be at least 3 (one interior row)");
        }
        if (ranks < 1) {
            throw new IllegalArgumentException("rank count " + ranks + " is not allowed: it must be at least 1");
        }
        if (ranks > n - 2) {
            throw new IllegalArgumentException("grid size n=" + n + " has " + (n - 2) + " interior rows, too few for "
                    + ranks + " ranks: each rank needs at least one interior row, so use at most " + (n - 2)
                    + " ranks (or n >= " + (ranks + 2) + ")");
        }
    }

    /** The number of interior rows, {@code n - 2}. */
    public int interiorRows() {
        return n - 2;
    }

    /** How many interior rows {@code rank} owns: the first {@code (n-2) % ranks} ranks get one extra. */
    public int count(int rank) {
        checkRank(rank);
        int base = interiorRows() / ranks, extra = interiorRows() % ranks;
        return base + (rank < extra ? 1 : 0);
    }

    /** The global index of {@code rank}'s first row (row 1 for rank 0). */
    public int first(int rank) {
        checkRank(rank);
        int base = interiorRows() / ranks, extra = interiorRows() % ranks;
        return 1 + rank * base + Math.min(rank, extra);
    }

    /** The rank above (owning smaller row indices), or {@link Mpi#PROC_NULL} for rank 0. */
    public int up(int rank) {
        checkRank(rank);
        return rank == 0 ? Mpi.PROC_NULL : rank - 1;
    }

    /** The rank below (owning larger row indices), or {@link Mpi#PROC_NULL} for the last rank. */
    public int down(int rank) {
        checkRank(rank);
        return rank == ranks - 1 ? Mpi.PROC_NULL : rank + 1;
    }

    private void checkRank(int rank) {
        if (rank < 0 || rank >= ranks) {
            throw new IllegalArgumentException("rank " + rank + " is out of range: 0.." + (ranks - 1));
        }
    }
}
