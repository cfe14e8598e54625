package optpar.nativecode;

import optpar.TestSeed;
import optpar.Available;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

/** The C functions give what the Java twins give (on fresh random inputs). Skipped without gcc. */
class NativeCallsTest {
    private final Random rnd = TestSeed.random();

    @BeforeEach
    void needsTheLibrary() {
        Available.require(optpar.NativeLibrary.available(), () -> "the native library: " + optpar.NativeLibrary.unavailableReason());
    }

    @Test
    void everyCallCountsOnce() {
        long n = rnd.nextInt(100_000);
        assertEquals(n, CallCost.javaCalls(n));
        assertEquals(n, CallCost.nativeCalls(n));
        assertEquals(n, CallCost.criticalCalls(n));
        assertThrows(IllegalArgumentException.class, () -> CallCost.nativeCalls(-1));
    }

    @Test
    void theFourSumsGiveTheSameBits() {
        for (int n : new int[]{0, 1, 7, 1 + rnd.nextInt(100_000)}) {
            double[] a = CrossingCost.data(n, rnd.nextLong());
            double expected = CrossingCost.sumJava(a);
            assertEquals(expected, CrossingCost.sumCopying(a), "copying, n=" + n);
            assertEquals(expected, CrossingCost.sumHeapCritical(a), "heap critical, n=" + n);
            try (CrossingCost.OffHeap off = CrossingCost.OffHeap.of(a)) {
                assertEquals(expected, CrossingCost.sumOffHeap(off), "off heap, n=" + n);
            }
        }
    }

    @Test
    void theCFunctionsAreInTheLibrary() {
        assertTrue(optpar.NativeLibrary.has("optpar_ffi_increment"));
        assertTrue(optpar.NativeLibrary.has("optpar_ffi_sum"));
    }

    @Test
    void theSweepHasOneRowPerLengthAndPositiveCosts() {
        var t = CrossingCost.sweep(new int[]{1, 100, 1 + rnd.nextInt(5000)}, 20_000);
        assertEquals(3, t.rowCount());
        assertEquals(1 + CrossingCost.WAYS.size(), t.columnCount());
        for (int c = 1; c < t.columnCount(); c++) {
            for (int r = 0; r < t.rowCount(); r++) assertTrue(t.doubleColumn(c).getDouble(r) > 0);
        }
        var series = CrossingCost.chart(t).getSeriesMap();
        assertEquals(CrossingCost.WAYS, List.copyOf(series.keySet()), "one line per way, in order");
        for (int c = 1; c < t.columnCount(); c++) {
            var line = series.get(CrossingCost.WAYS.get(c - 1));
            assertArrayEquals(t.intColumn(0).asDoubleArray(), line.getXData(), "x: elements per call");
            assertArrayEquals(t.doubleColumn(c).asDoubleArray(), line.getYData(), "y: the sweep's column " + t.column(c).name());
        }
        assertThrows(IllegalArgumentException.class, () -> CrossingCost.sweep(new int[]{0}, 1000));
    }
}
