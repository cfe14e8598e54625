package optpar.races;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CountingTest {

    @ParameterizedTest
    @EnumSource(value = Counting.class, names = {"SYNCHRONIZED", "LOCK", "ATOMIC", "ADDER", "PARTIAL_SUMS"})
    void correctWaysGiveExactCountsOnManyThreads(Counting way) {
        assertTrue(way.correct());
        for (int threads : new int[] {1, 3, 8, 16}) {
            long perThread = 20_011;   // odd, so a count that merely rounds would show
            assertEquals(threads * perThread, way.count(threads, perThread), way + " on " + threads + " threads");
        }
    }

    @ParameterizedTest
    @EnumSource(value = Counting.class, names = {"RACY", "VOLATILE_RACY"})
    void racyReportIsConsistentWhetherOrNotUpdatesAreLost(Counting way) {
        assertFalse(way.correct());
        // The race may or may not lose updates on a given run: assert only what must hold.
        CountReport r = LostUpdates.run(way, 4, 200_000);
        assertEquals(4 * 200_000L, r.expected());
        assertTrue(r.counted() >= 1 && r.counted() <= r.expected(), "a lost update only lowers the count: " + r);
        assertEquals(r.expected() - r.counted(), r.lost(), r.toString());
        // On one thread there is no one to race with: the count is exact.
        assertEquals(100_000, LostUpdates.run(way, 1, 100_000).counted());
    }

    // Only the volatile one: the JIT may turn the plain field's loop into one add per thread, so RACY
    // loses updates in batches, or on some runs not at all.
    @Tag("integration")   // depends on the scheduler interleaving the threads, which it does on any multi-core machine
    @Test
    void theVolatileRacyWayReallyLosesUpdatesWhenThreadsRunAtOnce() {
        Counting way = Counting.VOLATILE_RACY;
        org.junit.jupiter.api.Assumptions.assumeTrue(Runtime.getRuntime().availableProcessors() >= 2,
                "one core: threads take turns and rarely interleave inside an increment");
        // A racy counter made safe by mistake (an atomic, a lock) would never lose one: this shows the race exists.
        long lost = 0;
        for (int attempt = 0; attempt < 20 && lost == 0; attempt++) lost = LostUpdates.run(way, 4, 1_000_000).lost();
        assertTrue(lost > 0, way + " lost no update in 20 runs of 4 threads x 1,000,000 increments");
    }

    @Test
    void aReportCountsWhatTheCounterShowed() {
        var r = new CountReport(Counting.RACY, 4, 1000, 3_250, 0.5);
        assertEquals(4000, r.expected());
        assertEquals(750, r.lost());
        assertEquals(0.1875, r.lostFraction(), 1e-15);
        assertEquals(0.5e9 / 4000, r.nanosPerIncrement(), 1e-9);
    }

    @Test
    void sweepGivesOneReportPerWayAndThreadCount() {
        var reports = LostUpdates.sweep(java.util.List.of(Counting.ATOMIC, Counting.ADDER), new int[] {1, 2, 3}, 1000, 2);
        assertEquals(6, reports.size());
        for (CountReport r : reports) {
            assertEquals(0, r.lost());
            assertTrue(r.seconds() > 0 && r.nanosPerIncrement() > 0);
        }
    }

    @Test
    void tableHasOneRowPerReportAndConsistentColumns() {
        var reports = java.util.List.of(new CountReport(Counting.RACY, 2, 50_000, 61_000, 0.25),
                LostUpdates.run(Counting.ADDER, 3, 1000));
        var t = LostUpdates.table(reports);
        assertEquals(2, t.rowCount());
        assertEquals("racy", t.stringColumn("way").get(0));
        assertEquals(2, t.intColumn("threads").getInt(0));
        assertEquals(100_000, t.longColumn("expected").getLong(0));
        assertEquals(61_000, t.longColumn("counted").getLong(0));
        assertEquals(39_000, t.longColumn("lost").getLong(0));
        assertEquals(39.0, t.doubleColumn("lost %").getDouble(0), 1e-9);
        assertEquals(3000, t.longColumn("counted").getLong(1));
        assertEquals(0, t.longColumn("lost").getLong(1));
    }

    @Test
    void badInputIsRejectedWithAClearMessage() {
        var e = assertThrows(IllegalArgumentException.class, () -> Counting.ATOMIC.count(0, 10));
        assertTrue(e.getMessage().contains("threads=0"));
        assertThrows(IllegalArgumentException.class, () -> Counting.ATOMIC.count(2, 0));
        assertThrows(IllegalArgumentException.class, () -> Counting.ATOMIC.count(5000, 1));
        assertThrows(IllegalArgumentException.class, () -> LostUpdates.best(Counting.RACY, 1, 1, 0));
    }
}
