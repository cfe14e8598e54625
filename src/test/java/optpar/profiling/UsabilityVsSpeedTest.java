package optpar.profiling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class UsabilityVsSpeedTest {

    @Test
    void fastMedianEqualsTheReadableOneOnRandomInputs() {
        long seed = System.nanoTime();
        SplittableRandom r = new SplittableRandom(seed);
        for (int trial = 0; trial < 300; trial++) {
            int n = 1 + r.nextInt(200);
            // few distinct values in some trials, so ties are tested too
            int distinct = r.nextBoolean() ? 3 : 1_000_000;
            double[] a = new double[n];
            for (int i = 0; i < n; i++) a[i] = r.nextInt(distinct) * 0.5 - r.nextDouble();
            List<Double> boxed = java.util.Arrays.stream(a).boxed().toList();
            double expected = UsabilityVsSpeed.sortedMedian(a);
            assertEquals(expected, UsabilityVsSpeed.readableMedian(boxed), "readable, seed " + seed + " trial " + trial);
            double[] copy = a.clone();
            assertEquals(expected, UsabilityVsSpeed.fastMedian(a), "fast, seed " + seed + " trial " + trial);
            org.junit.jupiter.api.Assertions.assertArrayEquals(copy, a, "the input must stay untouched, seed " + seed);
        }
    }

    @Test
    void patientDistancesGiveThePatientsMedian() {
        List<Double> d = UsabilityVsSpeed.nearestDistances(300, 5);
        assertEquals(SlowAnalysis.medianNearestNeighbourDistance(300, 5), UsabilityVsSpeed.fastMedian(UsabilityVsSpeed.toArray(d)));
    }

    @Test
    void emptyInputIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> UsabilityVsSpeed.fastMedian(new double[0]));
        assertThrows(IllegalArgumentException.class, () -> UsabilityVsSpeed.readableMedian(List.of()));
    }
}
