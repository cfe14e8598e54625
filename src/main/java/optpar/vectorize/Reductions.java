package optpar.vectorize;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * A sum is where the JIT will <em>not</em> vectorize a plain loop of doubles: floating-point
 * addition is not associative, Java promises the additions happen in index order, and a SIMD sum
 * would add in another order. The Vector API lets you choose the other order explicitly: several
 * partial sums, one per lane, added up at the end. Faster, and different in the last bits: compare
 * with a tolerance, not with {@code ==}.
 * <pre>{@code
 * double s1 = Reductions.scalarSum(x);   // in order
 * double s2 = Reductions.vectorSum(x);   // lane-wise partial sums; |s1 - s2| is tiny, rarely 0
 * }</pre>
 */
public final class Reductions {
    private Reductions() {}

    private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;

    /** Index order: what the language promises, and why the JIT keeps it scalar. */
    public static double scalarSum(double[] x) {
        double s = 0;
        for (double v : x) s += v;
        return s;
    }

    /** One running sum per lane, then the lanes added up, then the tail. */
    public static double vectorSum(double[] x) {
        DoubleVector acc = DoubleVector.zero(SPECIES);
        int i = 0;
        int upper = SPECIES.loopBound(x.length);
        for (; i < upper; i += SPECIES.length()) {
            acc = acc.add(DoubleVector.fromArray(SPECIES, x, i));
        }
        double s = acc.reduceLanes(VectorOperators.ADD);
        for (; i < x.length; i++) s += x[i];
        return s;
    }

    /**
     * A bound on the rounding difference between two orders of summing x: about
     * n * eps * sum(|x|), from the standard error analysis of floating-point summation.
     */
    public static double reorderingTolerance(double[] x) {
        double abs = 0;
        for (double v : x) abs += Math.abs(v);
        return x.length * Math.ulp(1.0) * abs;
    }
}
