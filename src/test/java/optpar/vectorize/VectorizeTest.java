package optpar.vectorize;

import optpar.TestSeed;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

class VectorizeTest {
    private final Random random = TestSeed.random();

    /** Lengths that are not multiples of the vector length, so the masked tail is exercised. */
    private double[] randomInput() {
        int n = 1 + random.nextInt(5000);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) x[i] = (random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(7) - 3);
        return x;
    }

    @RepeatedTest(5)
    void everySumOverTheSameNumbersIsBitForBitEqual() {
        double[] x = randomInput();
        double expected = 0;
        for (double v : x) expected += v;
        assertEquals(expected, BoxedVsPrimitive.loopOverArray(x));
        assertEquals(expected, BoxedVsPrimitive.loopOverList(BoxedVsPrimitive.boxed(x, true)));
        assertEquals(expected, BoxedVsPrimitive.streamOverList(BoxedVsPrimitive.boxed(x)));
        assertEquals(expected, BoxedVsPrimitive.streamOverArray(x));
        assertEquals(expected, Reductions.scalarSum(x));
    }

    @Test
    void shuffledBoxesStillHoldTheNumbersInOrder() {
        double[] x = randomInput();
        List<Double> b = BoxedVsPrimitive.boxed(x, true);
        for (int i = 0; i < x.length; i++) assertEquals(x[i], b.get(i));
    }

    @RepeatedTest(5)
    void everyPolynomialEqualsTheTemporariesVersionExactly() {
        double[] x = randomInput();
        double a = random.nextGaussian(), b = random.nextGaussian(), c = random.nextGaussian();
        double[] expected = Polynomial.withTemporaries(a, b, c, x);
        for (int i = 0; i < x.length; i++) {
            // the NumPy-style result is A*x**2 + B*x + C, computed by hand here
            assertEquals(a * (x[i] * x[i]) + b * x[i] + c, expected[i]);
        }
        double[] out = new double[x.length];
        Polynomial.fusedLoop(a, b, c, x, out);
        assertArrayEquals(expected, out, "fused loop");
        out = new double[x.length];
        Polynomial.vectorApi(a, b, c, x, out);
        assertArrayEquals(expected, out, "Vector API (same operations, same order, per lane)");
        assertArrayEquals(expected, Polynomial.stream(a, b, c, x), "stream");
        assertArrayEquals(expected, Polynomial.tablesaw(a, b, c, DoubleColumn.create("x", x)).asDoubleArray(), "tablesaw");
    }

    @RepeatedTest(5)
    void theFmaVersionAgreesWithinRounding() {
        double[] x = randomInput();
        double a = random.nextGaussian(), b = random.nextGaussian(), c = random.nextGaussian();
        double[] expected = Polynomial.withTemporaries(a, b, c, x);
        double[] out = new double[x.length];
        Polynomial.vectorApiFma(a, b, c, x, out);
        for (int i = 0; i < x.length; i++) {
            // each of the plain version's 5 roundings is at most half an ulp of its operand's size
            double scale = Math.abs(a * x[i] * x[i]) + Math.abs(b * x[i]) + Math.abs(c);
            assertEquals(expected[i], out[i], 4 * Math.ulp(scale), "i = " + i);
        }
    }

    @RepeatedTest(5)
    void theVectorSumAgreesWithinTheReorderingBound() {
        double[] x = randomInput();
        assertEquals(Reductions.scalarSum(x), Reductions.vectorSum(x), Reductions.reorderingTolerance(x));
    }

    @Test
    void mismatchedLengthsGetAClearError() {
        var e = assertThrows(IllegalArgumentException.class, () -> Polynomial.fusedLoop(1, 2, 3, new double[3], new double[4]));
        assertTrue(e.getMessage().contains("equal lengths"));
        assertThrows(IllegalArgumentException.class, () -> Polynomial.vectorApi(1, 2, 3, new double[3], new double[4]));
        assertThrows(IllegalArgumentException.class, () -> BoxedVsPrimitive.randomArray(-1, 1));
        assertThrows(IllegalArgumentException.class, () -> AutoVectorization.compare(0, 1));
    }

    @Tag("integration")   // starts real child JVMs
    @Test
    void autoVectorizationRunsBothChildJvms() {
        Table t = AutoVectorization.compare(10_000, 20);
        assertEquals(2, t.rowCount());
        for (int i = 0; i < 2; i++) {
            assertTrue(t.doubleColumn(1).get(i) > 0 && t.doubleColumn(2).get(i) > 0, t.print());
        }
    }
}
