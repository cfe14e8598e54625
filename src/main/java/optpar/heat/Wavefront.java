package optpar.heat;

/**
 * Several time steps of a stencil in one sweep down the rows, the loop at the heart of temporal
 * blocking ({@link BlockedHeat}) and of the MPI ranks' deep halos ({@code optpar.mpi.DeepHaloBlock}).
 *
 * <p>Row i of step s+1 needs only rows i-1, i, i+1 of step s. So once row w of the first step is
 * done, row w-1 of the second step can be, then row w-2 of the third, and so on: a wavefront that
 * moves down the rows and advances {@code d} steps while those few rows are still in cache. Each row
 * then travels from memory once per {@code d} steps instead of once per step. Two buffers suffice:
 * row i of step s+1 overwrites row i of step s-1, which nobody needs any more by then.
 *
 * <p>The rows each step covers may shrink by one row per step at either edge, where the rows beyond
 * are not known: at an edge shared with a neighbour (another thread's band, another rank's block)
 * step s+1 can only go as far as step s went, minus one row. At the grid's fixed boundary nothing
 * shrinks.
 *
 * <pre>{@code
 * double[][] grid = {u, u.clone()};
 * // steps 0 -> 8 on rows 1 .. n-2 of a whole grid: both edges are the fixed boundary
 * Wavefront.sweep((i, s) -> HeatRows.vector(grid[s & 1], grid[(s + 1) & 1], n, i, f), 0, 8, 1, false, n - 1, false);
 * }</pre>
 */
public final class Wavefront {
    private Wavefront() {}

    /** Updates row {@code i} from step {@code step} to step {@code step + 1}. */
    @FunctionalInterface
    public interface RowStep {
        void update(int i, int step);
    }

    /**
     * Steps {@code s0+1 .. s0+d} as one wavefront. Step {@code s0+t+1} (t = 0..d-1) covers the rows
     * {@code [lo + t, hi - t)}, where each edge moves by t only if it shrinks ({@code loShrinks},
     * {@code hiShrinks}); otherwise it stays at {@code lo} or {@code hi}. Rows are visited in the
     * order the dependencies allow: at wave position w, row w-t of step s0+t+1 for t = 0..d-1.
     */
    public static void sweep(RowStep rows, int s0, int d, int lo, boolean loShrinks, int hi, boolean hiShrinks) {
        for (int w = lo; w < hi + d - 1; w++) {
            for (int t = 0; t < d; t++) {
                int i = w - t;
                if (i >= (loShrinks ? lo + t : lo) && i < (hiShrinks ? hi - t : hi)) rows.update(i, s0 + t);
            }
        }
    }
}
