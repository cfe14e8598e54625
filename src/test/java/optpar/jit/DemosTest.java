package optpar.jit;

import optpar.TestSeed;
import optpar.jit.MegamorphicCalls.Shape;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

/** The wrong and right versions of each demo compute the same thing (on fresh random inputs). */
class DemosTest {
    private final Random rnd = TestSeed.random();

    private static double expectedArea(Shape s) {
        return switch (s) {
            case MegamorphicCalls.Square q -> q.side() * q.side();
            case MegamorphicCalls.Circle c -> Math.PI * c.radius() * c.radius();
            case MegamorphicCalls.Rectangle r -> r.w() * r.h();
            case MegamorphicCalls.Triangle t -> 0.5 * t.base() * t.height();
        };
    }

    @Test
    void everyShapeSumAgrees() {
        int n = 1000 + rnd.nextInt(5000);
        for (int kinds = 1; kinds <= 4; kinds++) {
            Shape[] shapes = MegamorphicCalls.shapes(n, kinds, rnd.nextLong());
            double expected = 0;
            for (Shape s : shapes) expected += expectedArea(s);
            assertEquals(expected, MegamorphicCalls.sumOneType(shapes));
            assertEquals(expected, MegamorphicCalls.sumTwoTypes(shapes));
            assertEquals(expected, MegamorphicCalls.sumFourTypes(shapes));
            // ByType adds in another order: equal up to rounding.
            assertEquals(expected, MegamorphicCalls.ByType.of(shapes).sum(), 1e-9 * expected);
            long distinct = java.util.Arrays.stream(shapes).map(Object::getClass).distinct().count();
            assertEquals(kinds, distinct);
        }
    }

    @Test
    void shapesRejectBadArguments() {
        assertThrows(IllegalArgumentException.class, () -> MegamorphicCalls.shapes(10, 5, 1));
        assertThrows(IllegalArgumentException.class, () -> MegamorphicCalls.shapes(-1, 2, 1));
    }

    @Test
    void boxedAndPrimitiveGiveTheSameResults() {
        long[] data = BoxingCosts.data(1 + rnd.nextInt(10_000), rnd.nextLong());
        long expected = 0;
        for (long v : data) expected += v;
        assertEquals(expected, BoxingCosts.sumPrimitive(data));
        assertEquals(expected, BoxingCosts.sumBoxed(data));
        assertEquals(expected, BoxingCosts.sumList(BoxingCosts.boxedList(data)));
        int buckets = 1 + rnd.nextInt(50);
        Map<Integer, Integer> boxed = BoxingCosts.histogramBoxed(data, buckets);
        int[] prim = BoxingCosts.histogramPrimitive(data, buckets);
        for (int b = 0; b < buckets; b++) assertEquals(prim[b], boxed.getOrDefault(b, 0).intValue(), "bucket " + b);
        assertThrows(IllegalArgumentException.class, () -> BoxingCosts.histogramPrimitive(data, 0));
    }

    @Test
    void allocationCounterSeesAnArray() {
        long bytes = BoxingCosts.allocatedBytes(() -> {
            long[] a = new long[100_000];
            a[a.length - 1] = 1;
            sink = a;
        });
        assertTrue(bytes >= 800_000, "counted " + bytes);
    }

    static volatile Object sink;
}
