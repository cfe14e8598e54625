package optpar.heat;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The update of one interior row of a flat grid, written twice: plain scalar loop and Vector API.
 * Both keep {@link HeatProblem#update}'s order of operations, so they give the same bits. The
 * flat, bands, vector, blocked variants all call these; they differ only in which rows, when, and on
 * which thread.
 */
final class HeatRows {
    private HeatRows() {}

    static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;
    private static final int L = SPECIES.length();

    /** Row {@code i} (1 <= i <= n-2), columns 1..n-2: {@code src -> dst}, one point at a time. */
    static void scalar(double[] src, double[] dst, int n, int i, double f) {
        int row = i * n;
        for (int j = 1; j < n - 1; j++) {
            int k = row + j;
            double c = src[k];
            dst[k] = c + f * ((src[k + n] - 2 * c + src[k - n]) + (src[k + 1] - 2 * c + src[k - 1]));
        }
    }

    /**
     * Row {@code i} with {@link DoubleVector}s: L adjacent points per instruction. The neighbours
     * west and east are just loads shifted by one element. The last few points that do not fill a
     * vector are done by the scalar loop.
     */
    static void vector(double[] src, double[] dst, int n, int i, double f) {
        int up = (i - 1) * n, mid = i * n, down = (i + 1) * n;
        DoubleVector fv = DoubleVector.broadcast(SPECIES, f);
        int j = 1;
        for (; j <= n - 1 - L; j += L) {
            DoubleVector c = DoubleVector.fromArray(SPECIES, src, mid + j);
            DoubleVector north = DoubleVector.fromArray(SPECIES, src, up + j);
            DoubleVector south = DoubleVector.fromArray(SPECIES, src, down + j);
            DoubleVector west = DoubleVector.fromArray(SPECIES, src, mid + j - 1);
            DoubleVector east = DoubleVector.fromArray(SPECIES, src, mid + j + 1);
            DoubleVector twoC = c.add(c);   // exactly 2*c: doubling is exact in floating point
            // c + f * ((south - 2c + north) + (east - 2c + west)), operation by operation
            c.add(south.sub(twoC).add(north).add(east.sub(twoC).add(west)).mul(fv)).intoArray(dst, mid + j);
        }
        int row = mid;
        for (; j < n - 1; j++) {
            int k = row + j;
            double c = src[k];
            dst[k] = c + f * ((src[k + n] - 2 * c + src[k - n]) + (src[k + 1] - 2 * c + src[k - 1]));
        }
    }
}
