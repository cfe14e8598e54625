package optpar.vectorize;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorSpecies;
import tech.tablesaw.api.DoubleColumn;

/**
 * The lecture's {@code result = A * x**2 + B * x + C}, computed five ways. Every way does the same
 * floating-point operations in the same order, {@code ((A*(x*x)) + (B*x)) + C}, so they all give
 * bit-for-bit the same result, except {@link #vectorApiFma}, which fuses a multiply and an add into
 * one rounding (more accurate, and different in the last bits).
 *
 * <ul>
 *   <li>{@link #withTemporaries}: NumPy style, one whole-array operation at a time; each makes a
 *       new array (four temporaries of n doubles, then the result);</li>
 *   <li>{@link #fusedLoop}: the lecture's C loop, one pass, no temporaries; the JIT compiles it to
 *       SIMD instructions by itself (auto-vectorization);</li>
 *   <li>{@link #stream}: the same with {@code IntStream.range(...).mapToDouble(...)};</li>
 *   <li>{@link #tablesaw}: column arithmetic on tablesaw {@code DoubleColumn}s, the NumPy-like
 *       API of a Java data-frame library;</li>
 *   <li>{@link #vectorApi}: explicit SIMD with the Vector API: {@code SPECIES.length()} lanes per
 *       operation, and a mask for the last, partial chunk.</li>
 * </ul>
 * <pre>{@code
 * double[] x = BoxedVsPrimitive.randomArray(1_000_000, 1);
 * double[] out = new double[x.length];
 * Polynomial.fusedLoop(2, 3, 4, x, out);
 * Arrays.equals(out, Polynomial.withTemporaries(2, 3, 4, x));   // true
 * }</pre>
 */
public final class Polynomial {
    private Polynomial() {}

    /** The widest vector shape this CPU has for doubles (its lane count: {@code Machine.here().simdLanes("double")}). */
    public static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;

    // ---- NumPy-like whole-array operations: each returns a new array

    /** x * x, element by element, into a new array. */
    public static double[] square(double[] x) {
        double[] r = new double[x.length];
        for (int i = 0; i < x.length; i++) r[i] = x[i] * x[i];
        return r;
    }

    /** a * x, element by element, into a new array. */
    public static double[] times(double a, double[] x) {
        double[] r = new double[x.length];
        for (int i = 0; i < x.length; i++) r[i] = a * x[i];
        return r;
    }

    /** x + y, element by element, into a new array. */
    public static double[] plus(double[] x, double[] y) {
        if (x.length != y.length) throw new IllegalArgumentException("arrays of lengths " + x.length + " and " + y.length + " cannot be added; give equal lengths");
        double[] r = new double[x.length];
        for (int i = 0; i < x.length; i++) r[i] = x[i] + y[i];
        return r;
    }

    /** x + c, element by element, into a new array. */
    public static double[] plus(double[] x, double c) {
        double[] r = new double[x.length];
        for (int i = 0; i < x.length; i++) r[i] = x[i] + c;
        return r;
    }

    /** NumPy style: {@code A * x**2 + B * x + C}, each operator making a new array. */
    public static double[] withTemporaries(double a, double b, double c, double[] x) {
        double[] x2 = square(x);         // temporary 1
        double[] ax2 = times(a, x2);     // temporary 2
        double[] bx = times(b, x);       // temporary 3
        double[] sum = plus(ax2, bx);    // temporary 4
        return plus(sum, c);             // the result
    }

    /** The C loop of the lecture: one pass, nothing allocated. */
    public static void fusedLoop(double a, double b, double c, double[] x, double[] out) {
        checkLengths(x, out);
        for (int i = 0; i < x.length; i++) {
            out[i] = a * (x[i] * x[i]) + b * x[i] + c;
        }
    }

    /** The fused loop as a stream (the stream allocates the result array). */
    public static double[] stream(double a, double b, double c, double[] x) {
        return java.util.stream.IntStream.range(0, x.length)
                .mapToDouble(i -> a * (x[i] * x[i]) + b * x[i] + c)
                .toArray();
    }

    /** Column arithmetic with tablesaw: each operation makes a new column, as in NumPy. */
    public static DoubleColumn tablesaw(double a, double b, double c, DoubleColumn x) {
        return x.multiply(x).multiply(a).add(x.multiply(b)).add(c);
    }

    /**
     * Explicit SIMD: {@code SPECIES.length()} elements per operation. The last chunk, shorter than
     * a vector, is handled by a mask that switches off the lanes past the end of the array.
     */
    public static void vectorApi(double a, double b, double c, double[] x, double[] out) {
        checkLengths(x, out);
        for (int i = 0; i < x.length; i += SPECIES.length()) {
            VectorMask<Double> inRange = SPECIES.indexInRange(i, x.length);   // all true but at the end
            DoubleVector v = DoubleVector.fromArray(SPECIES, x, i, inRange);
            DoubleVector r = v.mul(v).mul(a).add(v.mul(b)).add(c);
            r.intoArray(out, i, inRange);
        }
    }

    /**
     * The same with a fused multiply-add, {@code (x*x)*A + (x*B + C)}, which rounds once where the
     * plain version rounds twice: results differ from {@link #fusedLoop} in the last bits.
     */
    public static void vectorApiFma(double a, double b, double c, double[] x, double[] out) {
        checkLengths(x, out);
        int i = 0;
        int upper = SPECIES.loopBound(x.length);      // the full vectors first ...
        for (; i < upper; i += SPECIES.length()) {
            DoubleVector v = DoubleVector.fromArray(SPECIES, x, i);
            DoubleVector bxc = v.fma(b, c);                     // x*B + C, one rounding
            v.mul(v).fma(DoubleVector.broadcast(SPECIES, a), bxc).intoArray(out, i);
        }
        for (; i < x.length; i++) {                  // ... then a scalar tail (the other way to end)
            out[i] = Math.fma(x[i] * x[i], a, Math.fma(x[i], b, c));
        }
    }

    private static void checkLengths(double[] x, double[] out) {
        if (x.length != out.length) {
            throw new IllegalArgumentException("output length " + out.length + " differs from input length " + x.length + "; give equal lengths");
        }
    }
}
