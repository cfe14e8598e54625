package optpar.mpi;

import optpar.heat.HeatProblem;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

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
 * The block lives in off-heap memory ({@link MemorySegment}s of an {@link Arena}), so MPI reads the edge
 * rows and writes the halos in place, with no copying between the Java heap and C. It is double-buffered
 * like the serial reference, and each point's update is {@link HeatProblem#update} with the same
 * arguments, so the rows equal the serial result bit for bit.
 *
 * <pre>{@code
 * try (Arena arena = Arena.ofConfined()) {
 *     var block = new HeatBlock(problem, new RowBlocks(problem.n(), mpi.size()), mpi.rank(), arena);
 *     for (int s = 0; s < problem.steps(); s++) {
 *         block.exchangeHalos(mpi);   // fresh copies of the neighbours' edge rows
 *         block.step();               // then every own row can be updated
 *     }
 * }
 * }</pre>
 */
public final class HeatBlock {
    private static final int TAG_UPWARDS = 1, TAG_DOWNWARDS = 2;

    private final int n, rows, first, up, down;
    private final double factor;
    private MemorySegment current, next;

    /**
     * The block of {@code rank} under {@code blocks}, filled with the problem's initial field (halo rows
     * included: at the domain's edge they are the fixed boundary rows and never change).
     */
    public HeatBlock(HeatProblem problem, RowBlocks blocks, int rank, Arena arena) {
        if (blocks.n() != problem.n()) {
            throw new IllegalArgumentException("the row blocks are for n=" + blocks.n() + " but the problem has n=" + problem.n());
        }
        n = problem.n();
        rows = blocks.count(rank);
        first = blocks.first(rank);
        up = blocks.up(rank);
        down = blocks.down(rank);
        factor = problem.factor();
        long doubles = (long) (rows + 2) * n;
        current = arena.allocate(JAVA_DOUBLE, doubles);
        next = arena.allocate(JAVA_DOUBLE, doubles);
        // Global rows first-1 .. first+rows into local rows 0 .. rows+1, in both buffers: the boundary
        // columns (and, at the domain's edge, the boundary rows) are never written again.
        double[] initial = problem.initial();
        MemorySegment.copy(initial, (first - 1) * n, current, JAVA_DOUBLE, 0, (int) doubles);
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

    /** One time step on the own rows, from the current buffer into the other, then swap the two. */
    public void step() {
        MemorySegment u = current, out = next;
        double f = factor;
        for (int i = 1; i <= rows; i++) {
            long row = (long) i * n;
            for (int j = 1; j < n - 1; j++) {
                long k = row + j;
                double c = u.getAtIndex(JAVA_DOUBLE, k);
                out.setAtIndex(JAVA_DOUBLE, k, HeatProblem.update(c,
                        u.getAtIndex(JAVA_DOUBLE, k - n), u.getAtIndex(JAVA_DOUBLE, k + n),
                        u.getAtIndex(JAVA_DOUBLE, k - 1), u.getAtIndex(JAVA_DOUBLE, k + 1), f));
            }
        }
        current = out;
        next = u;
    }

    /** The sum of the own rows (halos excluded): this rank's part of the total heat. */
    public double ownSum() {
        double sum = 0;
        for (long k = n, end = (long) (rows + 1) * n; k < end; k++) sum += current.getAtIndex(JAVA_DOUBLE, k);
        return sum;
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
