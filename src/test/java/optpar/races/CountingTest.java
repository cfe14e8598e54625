package optpar.races;

import static org.junit.jupiter.api.Assertions.*;

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
        for (int threads : new int[] {1, 4}) {
            CountReport r = LostUpdates.run(way, threads, 200_000);
            assertEquals(r.expected(), r.counted() + r.lost());
            assertEquals(threads * 200_000L, r.expected());
            assertTrue(r.counted() >= 1 && r.counted() <= r.expected(), r.toString());
            assertTrue(r.lost() >= 0 && r.lostFraction() < 1.0, r.toString());
        }
        // On one thread there is no one to race with.
        assertEquals(0, LostUpdates.run(way, 1, 100_000).lost());
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
        var reports = java.util.List.of(LostUpdates.run(Counting.RACY, 2, 50_000), LostUpdates.run(Counting.ADDER, 3, 1000));
        var t = LostUpdates.table(reports);
        assertEquals(2, t.rowCount());
        for (int i = 0; i < 2; i++) {
            assertEquals(t.longColumn("expected").getLong(i), t.longColumn("counted").getLong(i) + t.longColumn("lost").getLong(i));
        }
        assertEquals(3000, t.longColumn("counted").getLong(1));
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
