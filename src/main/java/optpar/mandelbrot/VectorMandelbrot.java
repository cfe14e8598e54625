package optpar.mandelbrot;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * SIMD with the Vector API: one {@link DoubleVector} holds several adjacent pixels of a row (as many
 * doubles as the CPU's vector registers hold), and every arithmetic instruction works on all of them at once.
 *
 * <p>The catch is that pixels stop at different iterations. A <em>mask</em> remembers which lanes are
 * still running: a lane that escapes has its count recorded and leaves the mask; the vector goes on
 * until no lane is active (or maxIter). Lanes that already escaped keep computing (a vector cannot skip
 * lanes), which costs nothing extra but means a vector is as slow as its slowest pixel. Past the end of
 * the row the last vector's extra lanes are masked off from the start and never stored.
 *
 * <p>Two vectors are iterated together (see {@code row}): the
 * iteration is one long chain of dependent multiplies and adds, so a second independent chain keeps
 * the floating-point units busy while the first waits for its results.
 *
 * <p>The arithmetic is that of {@link ScalarMandelbrot#mandel} in the same order, with separate
 * multiply and add (Java never fuses them into an FMA on its own), so the counts are identical.
 *
 * <pre>{@code
 * int[] counts = new VectorMandelbrot().compute(MandelbrotProblem.HEAVY, 1);
 * System.out.println(VectorMandelbrot.SPECIES.length() + " lanes");
 * }</pre>
 */
public final class VectorMandelbrot implements MandelbrotKernel {

    /** The widest vector shape this CPU runs well (its bits and lanes: {@code Machine.here().simdBits()}, {@code simdLanes("double")}). */
    public static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;
    private static final int L = SPECIES.length();

    @Override public String name() { return "vector"; }

    @Override public String description() { return "Vector API: " + L + " pixels per DoubleVector, masks for escaped lanes, one thread"; }

    @Override public boolean parallel() { return false; }

    @Override
    public int[] compute(MandelbrotProblem p, int threads) {
        MandelbrotKernel.requireThreads(threads);
        int[] counts = new int[p.pixels()];
        double[] xs = columns(p);
        for (int r = 0; r < p.height(); r++) row(p, r, xs, counts);
        return counts;
    }

    /**
     * The x of every column, padded with further columns to a whole number of vector pairs, so every
     * load is a full vector. Computed with {@link MandelbrotProblem#x} itself: the same bits as the scalar code.
     */
    static double[] columns(MandelbrotProblem p) {
        int padded = (p.width() + 2 * L - 1) / (2 * L) * (2 * L);
        double[] xs = new double[padded];
        for (int c = 0; c < padded; c++) xs[c] = p.x(c);
        return xs;
    }

    /** Fills row {@code r} of {@code counts}, two vectors (2L pixels) at a time. */
    static void row(MandelbrotProblem p, int r, double[] xs, int[] counts) {
        int w = p.width();
        int maxIter = p.maxIter();
        DoubleVector cy = DoubleVector.broadcast(SPECIES, p.y(r));
        double[] out = new double[2 * L];
        for (int c = 0; c < w; c += 2 * L) {
            DoubleVector cx0 = DoubleVector.fromArray(SPECIES, xs, c);
            DoubleVector cx1 = DoubleVector.fromArray(SPECIES, xs, c + L);
            // Lanes past the row's end start inactive.
            VectorMask<Double> active0 = SPECIES.indexInRange(c, w);
            VectorMask<Double> active1 = SPECIES.indexInRange(c + L, w);
            DoubleVector zr0 = DoubleVector.zero(SPECIES), zi0 = zr0, zr1 = zr0, zi1 = zr0;
            DoubleVector count0 = DoubleVector.broadcast(SPECIES, maxIter), count1 = count0;
            for (int i = 0; i < maxIter; i++) {
                DoubleVector nr0 = zr0.mul(zr0).sub(zi0.mul(zi0)).add(cx0);
                DoubleVector nr1 = zr1.mul(zr1).sub(zi1.mul(zi1)).add(cx1);
                DoubleVector ni0 = zr0.mul(2.0).mul(zi0).add(cy);   // (2*zr)*zi, as in the scalar code
                DoubleVector ni1 = zr1.mul(2.0).mul(zi1).add(cy);
                zr0 = nr0; zi0 = ni0; zr1 = nr1; zi1 = ni1;
                VectorMask<Double> out0 = zr0.mul(zr0).add(zi0.mul(zi0)).compare(VectorOperators.GE, 4.0).and(active0);
                VectorMask<Double> out1 = zr1.mul(zr1).add(zi1.mul(zi1)).compare(VectorOperators.GE, 4.0).and(active1);
                if (out0.or(out1).anyTrue()) {           // rare: only when some lane escapes now
                    count0 = count0.blend(i, out0);
                    count1 = count1.blend(i, out1);
                    active0 = active0.andNot(out0);
                    active1 = active1.andNot(out1);
                    if (!active0.or(active1).anyTrue()) break;
                }
            }
            count0.intoArray(out, 0);
            count1.intoArray(out, L);
            int base = r * w + c;
            int n = Math.min(2 * L, w - c);
            for (int k = 0; k < n; k++) counts[base + k] = (int) out[k];
        }
    }
}
