package optpar.measure;

import static org.junit.jupiter.api.Assertions.*;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

class TimingTest {

    @Test
    void countsWarmupsAndRepeatsAndKeepsTheValue() {
        AtomicInteger calls = new AtomicInteger();
        Timing.Result<Integer> r = Timing.measure("count", 3, 7, () -> calls.incrementAndGet());
        assertEquals(10, calls.get(), "3 warm-ups + 7 measured runs");
        assertEquals(3, r.warmupSeconds().size());
        assertEquals(7, r.seconds().size());
        assertEquals(7, r.repeats());
        assertEquals(10, r.allSeconds().size());
        assertEquals(10, r.value(), "the value of the last run");
        assertEquals("count", r.label());
    }

    @Test
    void runnableOverloadAndRunsKeepEveryRun() {
        AtomicInteger calls = new AtomicInteger();
        Timing.Result<Void> r = Timing.measure("void", 1, 2, () -> { calls.incrementAndGet(); });
        assertEquals(3, calls.get());
        assertNull(r.value());
        Timing.Result<Long> all = Timing.runs("cold", 4, () -> System.nanoTime());
        assertTrue(all.warmupSeconds().isEmpty());
        assertEquals(4, all.seconds().size());
        assertEquals(all.seconds().getFirst(), all.first());
    }

    @Test
    void statisticsAreOrdered() {
        Timing.Result<double[]> r = Timing.measure("work", 1, 9, () -> new double[1000]);
        assertTrue(r.best() <= r.median());
        assertTrue(r.median() <= r.worst());
        assertTrue(r.best() <= r.mean() && r.mean() <= r.worst());
        assertTrue(r.best() >= 0);
        assertTrue(r.stddev() >= 0);
        assertTrue(r.jitRatio() >= 1);
        assertTrue(r.toString().startsWith("work: best "));
    }

    @Test
    void statisticsOfKnownTimes() {
        var r = new Timing.Result<>("x", java.util.List.of(9.0), java.util.List.of(4.0, 1.0, 3.0, 2.0), null);
        assertEquals(1.0, r.best());
        assertEquals(2.5, r.median());
        assertEquals(2.5, r.mean());
        assertEquals(4.0, r.worst());
        assertEquals(9.0, r.first());
        assertEquals(9.0, r.jitRatio());
        var half = new Timing.Result<>("y", java.util.List.of(), java.util.List.of(0.5), null);
        assertEquals(2.0, r.speedupOver(new Timing.Result<>("z", java.util.List.of(), java.util.List.of(2.0), null)));
        assertEquals(0.5, half.median());
    }

    @Test
    void tableHasOneRowPerResult() {
        var a = Timing.measure("a", 0, 2, () -> 1);
        var b = Timing.measure("b", 0, 3, () -> 2);
        Table t = Timing.table(a, b);
        assertEquals(2, t.rowCount());
        assertEquals(1.0, t.doubleColumn("speedup").get(0));
        assertEquals(3, t.intColumn("runs").get(1));
    }

    @Test
    void badArgumentsAreRejected() {
        var e = assertThrows(IllegalArgumentException.class, () -> Timing.measure("x", -1, 1, () -> 1));
        assertTrue(e.getMessage().contains("warmups"));
        assertThrows(IllegalArgumentException.class, () -> Timing.measure("x", 0, 0, () -> 1));
    }

    @Test
    void formatPicksAUnit() {
        assertEquals("1.23 s", Timing.format(1.234));
        assertEquals("4.56 ms", Timing.format(0.00456));
        assertEquals("35.0 µs", Timing.format(35e-6));
        assertEquals("812 ns", Timing.format(812e-9));
    }
}
