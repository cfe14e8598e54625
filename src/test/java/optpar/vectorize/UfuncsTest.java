package optpar.vectorize;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class UfuncsTest {

    @Test
    void linspaceMatchesNumpysDefinition() {
        long seed = System.nanoTime();
        SplittableRandom r = new SplittableRandom(seed);
        for (int trial = 0; trial < 100; trial++) {
            double start = r.nextDouble(-100, 100), stop = r.nextDouble(-100, 100);
            int num = 2 + r.nextInt(500);
            double[] x = Ufuncs.linspace(start, stop, num);
            assertEquals(num, x.length);
            assertEquals(start, x[0], "seed " + seed);
            assertEquals(stop, x[num - 1], "the last value is exactly stop, seed " + seed);
            for (int i = 1; i < num - 1; i++) {
                assertEquals(start + i * (stop - start) / (num - 1), x[i], 1e-12 * (1 + Math.abs(start) + Math.abs(stop)), "seed " + seed);
            }
        }
        assertArrayEquals(new double[] {3.0}, Ufuncs.linspace(3, 7, 1));
        assertThrows(IllegalArgumentException.class, () -> Ufuncs.linspace(0, 1, 0));
    }

    @Test
    void theIndexLoopEqualsTheWholeArrayWay() {
        double[] y1 = Ufuncs.apply(v -> v * v + 1, Ufuncs.linspace(0, 10, 101));
        double[] y2 = Ufuncs.loopOverIndices(v -> v * v + 1, 0, 10, 101);
        assertArrayEquals(y1, y2);
    }

    @Test
    void moveMeanMatchesTheDirectMeanOnRandomRows() {
        long seed = System.nanoTime();
        SplittableRandom r = new SplittableRandom(seed);
        for (int trial = 0; trial < 50; trial++) {
            int rows = 1 + r.nextInt(20), columns = r.nextInt(300), window = 1 + r.nextInt(40);
            double[][] a = Ufuncs.randomRows(rows, columns, r.nextLong());
            double[][] sequential = Ufuncs.moveMeanRows(a, window);
            double[][] parallel = Ufuncs.moveMeanRowsParallel(a, window);
            for (int i = 0; i < rows; i++) {
                double[] expected = Ufuncs.moveMeanReference(a[i], window);
                // the running sum rounds differently from a fresh sum: a tolerance, not bits
                for (int j = 0; j < columns; j++) {
                    assertEquals(expected[j], sequential[i][j], 1e-12 * (window + j), "seed " + seed + " row " + i + " col " + j);
                }
                assertArrayEquals(sequential[i], parallel[i], "parallel rows equal sequential rows bit for bit, seed " + seed);
            }
        }
    }

    @Test
    void moveMeanOfTheLecturesExample() {
        double[] row = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
        double[] out = new double[10];
        Ufuncs.moveMean(row, 3, out);
        assertArrayEquals(new double[] {0, 0.5, 1, 2, 3, 4, 5, 6, 7, 8}, out, 1e-15);
        assertThrows(IllegalArgumentException.class, () -> Ufuncs.moveMean(row, 0, out));
    }

    @Test
    void sum2dAgreesAcrossItsSignatures() {
        long seed = System.nanoTime();
        SplittableRandom r = new SplittableRandom(seed);
        int rows = 1 + r.nextInt(30), columns = 1 + r.nextInt(30);
        long[][] ints = new long[rows][columns];
        double[][] doubles = new double[rows][columns];
        double[] flat = new double[rows * columns];
        long expected = 0;
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < columns; j++) {
                long v = r.nextInt(1000);
                ints[i][j] = v;
                doubles[i][j] = v;
                flat[i * columns + j] = v;
                expected += v;
            }
        }
        assertEquals(expected, Sum2d.sum2d(ints), "seed " + seed);
        assertEquals(expected, Sum2d.sum2d(doubles), "seed " + seed);
        assertEquals(expected, Sum2d.sum2d(flat, rows, columns), "seed " + seed);
        List<List<Long>> boxed = java.util.Arrays.stream(ints).map(row -> java.util.Arrays.stream(row).boxed().toList()).toList();
        assertEquals(expected, Sum2d.sumBoxed(boxed), "seed " + seed);
        assertEquals(36.0, Sum2d.sum2d(new double[][] {{0, 1, 2}, {3, 4, 5}, {6, 7, 8}}));
        assertThrows(IllegalArgumentException.class, () -> Sum2d.sum2d(flat, rows + 1, columns));
    }
}
