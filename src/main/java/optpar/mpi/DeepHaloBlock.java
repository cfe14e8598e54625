package optpar.mpi;

import optpar.heat.HeatProblem;
import optpar.heat.HeatRows;
import optpar.heat.Wavefront;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;

/**
 * A rank's block with halos {@code depth} rows deep: one exchange, then {@code depth} steps without
 * talking to anyone, swept from cache. {@link HeatBlock} is the same block with depth 1.
 *
 * <p><b>Why.</b> A step of the heat stencil does about ten flops per point and reads and writes every
 * point once: on a grid beyond the caches each rank runs at the speed of memory, and ranks on one
 * machine share its memory bus. Notebook 06's answer was temporal blocking ({@code BlockedHeat}): take
 * several steps on a few rows while they are in cache. A rank can do the same, but only if it has the
 * rows the steps need: step k of its edge row needs step k-1 of the neighbour's row next to it, which
 * needs step k-2 of the row beyond, and so on. So the halo is made {@code depth} rows deep:
 *
 * <pre>
 *   local rows 0 .. depth-1        halo above  (the last depth rows of the rank above)
 *   local rows depth .. depth+rows-1   own rows
 *   the next depth rows            halo below  (the first depth rows of the rank below)
 * </pre>
 *
 * (at the domain's edge a halo is the one fixed boundary row). After one exchange of {@code depth} rows
 * each way, step s+1 can be computed on every row but the outermost of each halo, step s+2 on one row
 * less at each side, ..., and step s+depth on exactly the own rows: the halo rows are computed too
 * (the neighbour computes them as well; a little redundant work, {@code depth²} rows per edge per
 * exchange) and the rows are swept as one {@link Wavefront}, {@code depth} steps per trip through memory.
 * The messages are {@code depth} times longer and {@code depth} times rarer: fewer waits, the same bytes.
 *
 * <p>Every point is still computed by {@link HeatRows#vector} from the same five numbers in the same
 * order: the gathered grid equals the serial one bit for bit, for every depth.
 *
 * <p><b>Where the rows live.</b> Unlike {@link HeatBlock}, whose rows are off-heap so that MPI reads and
 * writes them in place, this block keeps its rows in two Java arrays and moves the halos through four
 * small off-heap buffers (copied in and out once per exchange: {@code 4 depth} rows per {@code depth}
 * steps). The reason is speed from cache: the Vector API's loads from a {@code MemorySegment} ran about
 * 1.3x slower than from an array here (a 2048-point row in L1: 1.35 against 1.0 µs), which a
 * memory-bound step hides and a sweep from cache shows.
 *
 * <pre>{@code
 * var block = new DeepHaloBlock(problem, new RowBlocks(n, mpi.size()), mpi.rank(), 16, arena);
 * for (int s = 0; s < steps; s += 16) {
 *     int d = Math.min(16, steps - s);
 *     block.exchangeHalos(mpi);       // 16 rows each way
 *     block.advance(d);               // d steps, one sweep
 * }
 * // or overlapped: the own rows' inner trapezoid needs no halo, so it runs while the rows travel
 * block.startHaloExchange(mpi);
 * block.advanceInterior(d);
 * block.finishHaloExchange(mpi);
 * block.advanceEdges(d);              // the two strips along the halos; the d steps are complete
 * }</pre>
 */
public final class DeepHaloBlock {
    private static final int TAG_UPWARDS = 1, TAG_DOWNWARDS = 2;

    private final HeatProblem problem;
    private final int n, rows, first, up, down, depth;
    private final int above, below;     // halo rows above and below: depth, or 1 (the boundary row) at the domain's edge
    private final int localRows;        // above + rows + below
    private final double factor;
    private final double[][] grid;      // two buffers; grid[step & 1] holds step `step` of the own rows
    private final MemorySegment sendUp, sendDown, recvAbove, recvBelow, requests;   // off-heap: MPI reads and writes these
    private final long bytes;
    private final Wavefront.RowStep update;
    private int step;

    /**
     * The block of {@code rank} under {@code blocks} with halos {@code depth} rows deep, filled with the
     * problem's initial field.
     *
     * @throws IllegalArgumentException when {@code depth} is below 1 or above {@link #maxDepth(RowBlocks)}
     */
    public DeepHaloBlock(HeatProblem problem, RowBlocks blocks, int rank, int depth, Arena arena) {
        if (blocks.n() != problem.n()) {
            throw new IllegalArgumentException("the row blocks are for n=" + blocks.n() + " but the problem has n=" + problem.n());
        }
        requireDepth(depth, blocks);
        this.problem = problem;
        n = problem.n();
        rows = blocks.count(rank);
        first = blocks.first(rank);
        up = blocks.up(rank);
        down = blocks.down(rank);
        this.depth = depth;
        above = up == Mpi.PROC_NULL ? 1 : depth;
        below = down == Mpi.PROC_NULL ? 1 : depth;
        localRows = above + rows + below;
        factor = problem.factor();
        if ((long) localRows * n > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("a block of " + localRows + " rows of " + n + " points is too large for a Java array: use more ranks");
        }
        grid = new double[2][localRows * n];
        reset();
        sendUp = arena.allocate(JAVA_DOUBLE, (long) depth * n);
        sendDown = arena.allocate(JAVA_DOUBLE, (long) depth * n);
        recvAbove = arena.allocate(JAVA_DOUBLE, (long) above * n);
        recvBelow = arena.allocate(JAVA_DOUBLE, (long) below * n);
        requests = arena.allocate(ADDRESS, 4);
        bytes = 2L * grid[0].length * Double.BYTES + sendUp.byteSize() + sendDown.byteSize() + recvAbove.byteSize()
                + recvBelow.byteSize() + requests.byteSize();
        update = (i, s) -> HeatRows.vector(grid[s & 1], grid[(s + 1) & 1], n, i, factor);
    }

    /** Back to the initial field and step 0 (a timed run that starts again resets the block rather than making another). */
    public void reset() {
        double[] row = new double[n];
        for (int local = 0; local < localRows; local++) {
            problem.initialRow(first - above + local, row);
            System.arraycopy(row, 0, grid[0], local * n, n);
        }
        System.arraycopy(grid[0], 0, grid[1], 0, grid[0].length);
        step = 0;
    }

    /**
     * The deepest halo {@code blocks} allow: half the smallest block (at least 1). The halo below is the
     * first {@code depth} rows of the rank below, so that rank must own them; and the two strips along the
     * halos, {@code depth} rows each, must not meet inside a block.
     */
    public static int maxDepth(RowBlocks blocks) {
        int smallest = Integer.MAX_VALUE;
        for (int r = 0; r < blocks.ranks(); r++) smallest = Math.min(smallest, blocks.count(r));
        return Math.max(1, smallest / 2);
    }

    /**
     * Throws a one-line {@link IllegalArgumentException} unless {@code depth} is 1 to {@link #maxDepth(RowBlocks)}.
     * <pre>{@code
     * DeepHaloBlock.requireDepth(16, new RowBlocks(2048, 2));   // fine: blocks of 1023 rows allow up to 511
     * }</pre>
     */
    public static void requireDepth(int depth, RowBlocks blocks) {
        int max = maxDepth(blocks);
        if (depth < 1 || depth > max) {
            throw new IllegalArgumentException("halo depth " + depth + " is not allowed for n=" + blocks.n() + " on " + blocks.ranks()
                    + " rank(s): use 1 to " + max + " (half the smallest block's rows)");
        }
    }

    /**
     * Sends my first {@code depth} rows up and my last {@code depth} rows down, and receives both halos
     * ({@code MPI_Sendrecv} twice, through the off-heap buffers).
     */
    public void exchangeHalos(Mpi mpi) {
        copyEdgeRows();
        mpi.sendrecv(sendUp, up, TAG_UPWARDS, recvBelow, down, TAG_UPWARDS);
        mpi.sendrecv(sendDown, down, TAG_DOWNWARDS, recvAbove, up, TAG_DOWNWARDS);
        halosArrived();
    }

    /** Copies the edge rows out and starts the same exchange without waiting ({@code MPI_Irecv} x2, {@code MPI_Isend} x2). */
    public void startHaloExchange(Mpi mpi) {
        copyEdgeRows();
        mpi.irecv(recvBelow, down, TAG_UPWARDS, requests, 0);
        mpi.irecv(recvAbove, up, TAG_DOWNWARDS, requests, 1);
        mpi.isend(sendUp, up, TAG_UPWARDS, requests, 2);
        mpi.isend(sendDown, down, TAG_DOWNWARDS, requests, 3);
    }

    /** Waits for the four messages of {@link #startHaloExchange} ({@code MPI_Waitall}) and copies the halos in. */
    public void finishHaloExchange(Mpi mpi) {
        mpi.waitAll(requests);
        halosArrived();
    }

    /** The first and last {@code depth} own rows of the current step into the send buffers. */
    void copyEdgeRows() {
        MemorySegment.copy(grid[step & 1], above * n, sendUp, JAVA_DOUBLE, 0, depth * n);
        MemorySegment.copy(grid[step & 1], (above + rows - depth) * n, sendDown, JAVA_DOUBLE, 0, depth * n);
    }

    /** The received halos into the current step's rows (at the domain's edge nothing came: the boundary row stays). */
    void halosArrived() {
        if (up != Mpi.PROC_NULL) MemorySegment.copy(recvAbove, JAVA_DOUBLE, 0, grid[step & 1], 0, above * n);
        if (down != Mpi.PROC_NULL) MemorySegment.copy(recvBelow, JAVA_DOUBLE, 0, grid[step & 1], (above + rows) * n, below * n);
    }

    /** {@code d} steps (1 to depth) on every row the fresh halos allow, one sweep: after {@link #exchangeHalos}. */
    public void advance(int d) {
        requireSteps(d);
        Wavefront.sweep(update, step, d, 1, up != Mpi.PROC_NULL, localRows - 1, down != Mpi.PROC_NULL);
        step += d;
    }

    /**
     * The part of {@code d} steps that needs no halo: a trapezoid on the own rows, one row narrower at
     * each shared edge per step (step s+1 from the second own row to the last but one). Neither halo is
     * read, so it may run while the halos travel. Then {@link #advanceEdges}.
     */
    public void advanceInterior(int d) {
        requireSteps(d);
        boolean top = up == Mpi.PROC_NULL, bottom = down == Mpi.PROC_NULL;
        int a = above, b = above + rows;   // own rows [a, b)
        Wavefront.sweep(update, step, d, top ? a : a + 1, !top, bottom ? b : b - 1, !bottom);
    }

    /**
     * The rest of the {@code d} steps, once the halos are here: along each shared edge, step s+t+1 on the
     * rows from the halo's (t+1)-th row to the interior trapezoid's edge. The steps are then complete.
     */
    public void advanceEdges(int d) {
        requireSteps(d);
        int a = above, b = above + rows;
        for (int t = 0; t < d; t++) {
            if (up != Mpi.PROC_NULL) for (int i = 1 + t; i < a + 1 + t; i++) update.update(i, step + t);
        }
        for (int t = 0; t < d; t++) {
            if (down != Mpi.PROC_NULL) for (int i = b - 1 - t; i < localRows - 1 - t; i++) update.update(i, step + t);
        }
        step += d;
    }

    private void requireSteps(int d) {
        if (d < 1 || d > depth) throw new IllegalArgumentException(d + " steps at once are not allowed with halos " + depth + " rows deep: use 1 to " + depth);
    }

    /** The halo depth: rows exchanged each way, and the most steps between exchanges. */
    public int depth() {
        return depth;
    }

    /** The steps taken so far. */
    public int steps() {
        return step;
    }

    /** The sum of the own rows: this rank's part of the total heat ({@link HeatRows#sum}). */
    public double ownSum() {
        return HeatRows.sum(MemorySegment.ofArray(grid[step & 1]), (long) above * n, (long) rows * n);
    }

    /** The own rows of the current step, row-major ({@code rows * n} doubles), as a heap segment: copy them off-heap to send them. */
    public MemorySegment ownRows() {
        return MemorySegment.ofArray(grid[step & 1]).asSlice((long) above * n * Double.BYTES, (long) rows * n * Double.BYTES);
    }

    /** The send buffer going up: the first {@code depth} own rows, as of the last exchange started. */
    public MemorySegment rowsToSendUp() {
        return sendUp;
    }

    /** The send buffer going down: the last {@code depth} own rows, as of the last exchange started. */
    public MemorySegment rowsToSendDown() {
        return sendDown;
    }

    /** The receive buffer of the halo above ({@code depth} rows from the rank above; unused at the top). */
    public MemorySegment haloAbove() {
        return recvAbove;
    }

    /** The receive buffer of the halo below ({@code depth} rows from the rank below; unused at the bottom). */
    public MemorySegment haloBelow() {
        return recvBelow;
    }

    /** The bytes this block holds: 2 heap arrays of (rows + both halos) rows, and off-heap the 4 message buffers and 4 request handles. */
    public long bytes() {
        return bytes;
    }

    /** How many rows this rank owns. */
    public int rows() {
        return rows;
    }

    /** The global index of the first own row. */
    public int first() {
        return first;
    }

}
