package optpar.heat;

import java.lang.foreign.MemorySegment;
import java.nio.ByteOrder;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;

/**
 * The update of one interior row of a flat grid, written twice: plain scalar loop and Vector API.
 * Both keep {@link HeatProblem#update}'s order of operations, so they give the same bits. The
 * flat, bands, vector, blocked variants all call these; they differ only in which rows, when, and on
 * which thread. The MPI ranks ({@code optpar.mpi.HeatBlock}) call the {@link MemorySegment} form on
 * their off-heap rows: other loads and stores, the same {@link #stencil}.
 */
public final class HeatRows {
    private HeatRows() {}

    static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;
    private static final int L = SPECIES.length();

    /** Row {@code i} (1 <= i <= n-2), columns 1..n-2: {@code src -> dst}, one point at a time. */
    static void scalar(double[] src, double[] dst, int n, int i, double f) {
        scalar(src, dst, n, i, f, 1, n - 1);
    }

    /** Row {@code i}, columns {@code from..to-1} only: the whole row, or the tail a vector does not fill. */
    private static void scalar(double[] src, double[] dst, int n, int i, double f, int from, int to) {
        int row = i * n;
        for (int j = from; j < to; j++) {
            int k = row + j;
            double c = src[k];
            dst[k] = c + f * ((src[k + n] - 2 * c + src[k - n]) + (src[k + 1] - 2 * c + src[k - 1]));
        }
    }

    /**
     * Row {@code i} with {@link DoubleVector}s: L adjacent points per instruction. The neighbours
     * west and east are just loads shifted by one element. The last few points that do not fill a
     * vector are done by the scalar loop.
     * <pre>{@code
     * for (int i = 1; i < n - 1; i++) HeatRows.vector(u, next, n, i, problem.factor());   // one step
     * }</pre>
     */
    public static void vector(double[] src, double[] dst, int n, int i, double f) {
        int up = (i - 1) * n, mid = i * n, down = (i + 1) * n;
        DoubleVector fv = DoubleVector.broadcast(SPECIES, f);
        int j = 1;
        for (; j <= n - 1 - L; j += L) {
            DoubleVector c = DoubleVector.fromArray(SPECIES, src, mid + j);
            DoubleVector north = DoubleVector.fromArray(SPECIES, src, up + j);
            DoubleVector south = DoubleVector.fromArray(SPECIES, src, down + j);
            DoubleVector west = DoubleVector.fromArray(SPECIES, src, mid + j - 1);
            DoubleVector east = DoubleVector.fromArray(SPECIES, src, mid + j + 1);
            stencil(c, north, south, west, east, fv).intoArray(dst, mid + j);
        }
        scalar(src, dst, n, i, f, j, n - 1);
    }

    /** {@link HeatProblem#update} on L points at once, operation by operation: the same bits per lane. */
    private static DoubleVector stencil(DoubleVector c, DoubleVector north, DoubleVector south,
                                        DoubleVector west, DoubleVector east, DoubleVector fv) {
        DoubleVector twoC = c.add(c);   // exactly 2*c: doubling is exact in floating point
        // c + f * ((south - 2c + north) + (east - 2c + west)), operation by operation
        return c.add(south.sub(twoC).add(north).add(east.sub(twoC).add(west)).mul(fv));
    }

    /**
     * Row {@code i} of an off-heap grid of rows {@code n} doubles long ({@code src -> dst}, columns
     * 1..n-2), with the same vectors as {@link #vector(double[], double[], int, int, double)}: rows
     * i-1 and i+1 must exist in the segments. Bit-identical to the array form.
     * <pre>{@code
     * for (int i = 1; i <= rows; i++) HeatRows.vector(current, next, n, i, problem.factor());
     * }</pre>
     */
    public static void vector(MemorySegment src, MemorySegment dst, int n, int i, double f) {
        long up = (long) (i - 1) * n * Double.BYTES, mid = (long) i * n * Double.BYTES, down = (long) (i + 1) * n * Double.BYTES;
        ByteOrder order = ByteOrder.nativeOrder();
        DoubleVector fv = DoubleVector.broadcast(SPECIES, f);
        int j = 1;
        for (; j <= n - 1 - L; j += L) {
            long at = (long) j * Double.BYTES;
            DoubleVector c = DoubleVector.fromMemorySegment(SPECIES, src, mid + at, order);
            DoubleVector north = DoubleVector.fromMemorySegment(SPECIES, src, up + at, order);
            DoubleVector south = DoubleVector.fromMemorySegment(SPECIES, src, down + at, order);
            DoubleVector west = DoubleVector.fromMemorySegment(SPECIES, src, mid + at - Double.BYTES, order);
            DoubleVector east = DoubleVector.fromMemorySegment(SPECIES, src, mid + at + Double.BYTES, order);
            stencil(c, north, south, west, east, fv).intoMemorySegment(dst, mid + at, order);
        }
        for (long row = (long) i * n; j < n - 1; j++) {   // the tail a vector does not fill
            long k = row + j;
            dst.setAtIndex(JAVA_DOUBLE, k, HeatProblem.update(src.getAtIndex(JAVA_DOUBLE, k),
                    src.getAtIndex(JAVA_DOUBLE, k - n), src.getAtIndex(JAVA_DOUBLE, k + n),
                    src.getAtIndex(JAVA_DOUBLE, k - 1), src.getAtIndex(JAVA_DOUBLE, k + 1), f));
        }
    }

    /**
     * The sum of {@code count} doubles of {@code s} from index {@code from}: the total heat of a block's
     * rows. Four vectors of partial sums, so that the additions do not wait for each other (one chain of
     * additions takes several cycles per element; the rank's step takes about one). The order differs
     * from a plain loop's, so the last digits may too.
     * <pre>{@code
     * double heat = HeatRows.sum(block, n, (long) rows * n);   // rows 1..rows of a block with halos
     * }</pre>
     */
    public static double sum(MemorySegment s, long from, long count) {
        ByteOrder order = ByteOrder.nativeOrder();
        DoubleVector a = DoubleVector.zero(SPECIES), b = a, c = a, d = a;
        long k = from, end = from + count;
        for (; k + 4L * L <= end; k += 4L * L) {
            long at = k * Double.BYTES;
            a = a.add(DoubleVector.fromMemorySegment(SPECIES, s, at, order));
            b = b.add(DoubleVector.fromMemorySegment(SPECIES, s, at + (long) L * Double.BYTES, order));
            c = c.add(DoubleVector.fromMemorySegment(SPECIES, s, at + 2L * L * Double.BYTES, order));
            d = d.add(DoubleVector.fromMemorySegment(SPECIES, s, at + 3L * L * Double.BYTES, order));
        }
        double sum = a.add(b).add(c.add(d)).reduceLanes(jdk.incubator.vector.VectorOperators.ADD);
        for (; k < end; k++) sum += s.getAtIndex(JAVA_DOUBLE, k);
        return sum;
    }
}
