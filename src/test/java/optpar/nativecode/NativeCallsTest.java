package optpar.nativecode;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The C functions give what the Java twins give (on fresh random inputs). Skipped without gcc. */
class NativeCallsTest {
    private final Random rnd = new Random();

    @BeforeEach
    void needsTheLibrary() {
        assumeTrue(CourseLibrary.available(), "liboptpar.so not built (no gcc?)");
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
    void aMissingFunctionIsNamed() {
        var e = assertThrows(IllegalArgumentException.class, () -> CourseLibrary.downcall("no_such_function",
                java.lang.foreign.FunctionDescriptor.ofVoid()));
        assertTrue(e.getMessage().contains("no_such_function"));
    }
}
