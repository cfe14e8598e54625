package optpar.mpi;

import optpar.OffHeapGrids;
import optpar.heat.HeatProblem;
import optpar.heat.HeatRows;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;

/**
 * One rank's share of the heat grid: a block of whole rows plus one <em>halo</em> row above and one
 * below, copies of the neighbours' edge rows. With them the block can take a step on its own: the
 * 5-point update of its first row needs the row above it, which another rank owns.
 *
 * <pre>
 *   local row 0          halo above   (a copy of the last row of the rank above, or the fixed boundary)
 *   local rows 1..rows   own rows     (global rows first .. first+rows-1)
 *   local row rows+1     halo below   (a copy of the first row of the rank below, or the fixed boundary)
 * </pre>
 *
 * <b>Memory ~ N²/P.</b> The block allocates only its own rows and halos, twice (double-buffered), and
 * evaluates the initial field for those rows alone ({@link HeatProblem#initialRow}): no rank ever holds
 * the whole grid, which is what lets an MPI code outgrow one machine. {@link #offHeapBytes} says how much.
 *
 * <p>The block lives in off-heap memory ({@link MemorySegment}s of an {@link Arena}), so MPI reads the
 * edge rows and writes the halos in place, with no copying between the Java heap and C. Each row is
 * updated by {@link HeatRows#vector(MemorySegment, MemorySegment, int, int, double)}, the serial vector
 * variant's own code, so the rows equal the serial result bit for bit.
 *
 * <p>Two ways to take a step:
 * <pre>{@code
 * // 1. blocking: exchange, then compute (the ranks wait while the rows travel)
 * block.exchangeHalos(mpi);
 * block.step();
 *
 * // 2. overlapped: start the exchange, compute what does not need the halos, then the rest
 * block.startHaloExchange(mpi);   // MPI_Irecv x2, MPI_Isend x2: returns at once
 * block.updateInterior();         // rows 2..rows-1 read only own rows
 * block.finishHaloExchange(mpi);  // MPI_Waitall: the halos have arrived
 * block.updateEdges();            // rows 1 and rows, which read the halos
 * block.swap();
 * }</pre>
 */
public final class HeatBlock {
    private static final int TAG_UPWARDS = 1, TAG_DOWNWARDS = 2;

    private final HeatProblem problem;
    private final int n, rows, first, up, down;
    private final double factor;
    private final MemorySegment requests;
    private final long offHeapBytes;
    private MemorySegment current, next;

    /**
     * The block of {@code rank} under {@code blocks}, filled with the problem's initial field (halo rows
     * included: at the domain's edge they are the fixed boundary rows and never change).
     */
    public HeatBlock(HeatProblem problem, RowBlocks blocks, int rank, Arena arena) {
        if (blocks.n() != problem.n()) {
            throw new IllegalArgumentException("the row blocks are for n=" + blocks.n() + " but the problem has n=" + problem.n());
        }
        this.problem = problem;
        n = problem.n();
        rows = blocks.count(rank);
        first = blocks.first(rank);
        up = blocks.up(rank);
        down = blocks.down(rank);
        factor = problem.factor();
        long doubles = (long) (rows + 2) * n;
        MemorySegment[] grids = OffHeapGrids.pair(arena, doubles);   // not two allocations: see there
        current = grids[0];
        next = grids[1];
        requests = arena.allocate(ADDRESS, 4);   // the four MPI_Request handles of one overlapped exchange
        offHeapBytes = current.byteSize() + next.byteSize() + requests.byteSize();
        reset();
    }

    /**
     * Back to the initial field: global rows first-1 .. first+rows into local rows 0 .. rows+1, in both
     * buffers (the boundary columns, and at the domain's edge the boundary rows, are never written again).
     * One row of heap at a time: the rank never makes the whole initial grid. A timed run that starts
     * again resets the block rather than making another.
     */
    public void reset() {
        double[] row = new double[n];
        for (int local = 0; local < rows + 2; local++) {
            problem.initialRow(first - 1 + local, row);
            MemorySegment.copy(row, 0, current, JAVA_DOUBLE, (long) local * n * Double.BYTES, n);
        }
        MemorySegment.copy(current, 0, next, 0, current.byteSize());
    }

    /**
     * Swaps edge rows with both neighbours: my first row goes up while the row from below arrives in my
     * lower halo, then my last row goes down while the row from above arrives in my upper halo. Each is
     * one {@code MPI_Sendrecv}, so no rank waits in a send for a receive that never starts. At the domain's
     * edge the neighbour is {@link Mpi#PROC_NULL} and that half of the call does nothing.
     */
    public void exchangeHalos(Mpi mpi) {
        mpi.sendrecv(firstOwnRow(), up, TAG_UPWARDS, haloBelow(), down, TAG_UPWARDS);
        mpi.sendrecv(lastOwnRow(), down, TAG_DOWNWARDS, haloAbove(), up, TAG_DOWNWARDS);
    }

    /**
     * Starts the same exchange without waiting ({@code MPI_Irecv} into both halos, {@code MPI_Isend} of
     * both edge rows). Until {@link #finishHaloExchange} the halos must not be read and the edge rows of
     * the current buffer not written; {@link #updateInterior} does neither (it writes the other buffer).
     */
    public void startHaloExchange(Mpi mpi) {
        mpi.irecv(haloBelow(), down, TAG_UPWARDS, requests, 0);
        mpi.irecv(haloAbove(), up, TAG_DOWNWARDS, requests, 1);
        mpi.isend(firstOwnRow(), up, TAG_UPWARDS, requests, 2);
        mpi.isend(lastOwnRow(), down, TAG_DOWNWARDS, requests, 3);
    }

    /** Waits for the four messages of {@link #startHaloExchange} ({@code MPI_Waitall}). */
    public void finishHaloExchange(Mpi mpi) {
        mpi.waitAll(requests);
    }

    /** One whole time step on the own rows, from the current buffer into the other, then the swap. */
    public void step() {
        updateRows(1, rows);
        swap();
    }

    /** The own rows that do not touch a halo (2 .. rows-1), into the other buffer: no swap. */
    public void updateInterior() {
        updateRows(2, rows - 1);
    }

    /** The first and the last own row (they read the halos), into the other buffer: no swap. */
    public void updateEdges() {
        updateRows(1, 1);
        if (rows > 1) updateRows(rows, rows);
    }

    /** Makes the updated buffer the current one: the step is complete. */
    public void swap() {
        MemorySegment u = current;
        current = next;
        next = u;
    }

    private void updateRows(int from, int to) {
        for (int i = from; i <= to; i++) HeatRows.vector(current, next, n, i, factor);
    }

    /** The off-heap bytes this block allocated: 2 buffers of (rows + 2) rows of n doubles (and 4 request handles). */
    public long offHeapBytes() {
        return offHeapBytes;
    }

    /** The sum of the own rows (halos excluded): this rank's part of the total heat ({@link HeatRows#sum}). */
    public double ownSum() {
        return HeatRows.sum(current, n, (long) rows * n);
    }

    /** The own rows, row-major ({@code rows * n} doubles): what the rank sends to be gathered. */
    public MemorySegment ownRows() {
        return current.asSlice((long) n * Double.BYTES, (long) rows * n * Double.BYTES);
    }

    /** The first own row (sent up). */
    public MemorySegment firstOwnRow() {
        return row(1);
    }

    /** The last own row (sent down). */
    public MemorySegment lastOwnRow() {
        return row(rows);
    }

    /** The halo above the first own row (received from the rank above). */
    public MemorySegment haloAbove() {
        return row(0);
    }

    /** The halo below the last own row (received from the rank below). */
    public MemorySegment haloBelow() {
        return row(rows + 1);
    }

    /** How many rows this rank owns. */
    public int rows() {
        return rows;
    }

    /** The global index of the first own row. */
    public int first() {
        return first;
    }

    private MemorySegment row(int localRow) {
        return current.asSlice((long) localRow * n * Double.BYTES, (long) n * Double.BYTES);
    }
}
