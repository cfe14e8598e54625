package optpar.forkjoin;

import optpar.TestSeed;
import static org.junit.jupiter.api.Assertions.*;

import java.util.Arrays;
import java.util.SplittableRandom;
import optpar.mandelbrot.MandelbrotProblem;
import optpar.mandelbrot.ScalarMandelbrot;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

class ForkJoinTest {

    @Test
    void forkJoinSumEqualsSequentialOnRandomInputs() {
        SplittableRandom rnd = TestSeed.splittable();
        for (int round = 0; round < 20; round++) {
            int n = rnd.nextInt(0, 200_000);
            long[] data = ForkJoinSum.randomData(n, rnd.nextLong());
            int threshold = rnd.nextInt(1, 5000);
            int threads = rnd.nextInt(1, 6);
            ForkJoinSum.Result r = ForkJoinSum.sum(data, threshold, threads);
            assertEquals(ForkJoinSum.sequential(data), r.sum(), "n=" + n + " threshold=" + threshold);
            assertEquals(Arrays.stream(data).map(ForkJoinSum::work).sum(), r.sum());
            assertTrue(r.steals() <= r.tasks(), "a steal takes one task: " + r);
        }
    }

    @Test
    void aPoolOfOneWorkerHasNoOneToStealFrom() {
        long[] data = ForkJoinSum.randomData(1 << 14, TestSeed.nextLong());
        ForkJoinSum.Result r = ForkJoinSum.sum(data, 16, 1);
        assertEquals(2 * (1 << 10) - 1, r.tasks());
        // The JDK counts the root task, taken from the submission queue, as one steal: nothing else can be stolen.
        assertTrue(r.steals() <= 1, "one worker, yet " + r.steals() + " steals");
    }

    @Test
    @Tag("integration")   // depends on the scheduler waking the idle workers while there is work to take
    void idleWorkersStealFromBusyOnes() {
        org.junit.jupiter.api.Assumptions.assumeTrue(Runtime.getRuntime().availableProcessors() >= 2, "one core: the other workers rarely run in time");
        long[] data = ForkJoinSum.randomData(1 << 17, TestSeed.nextLong());
        long steals = 0;
        for (int attempt = 0; attempt < 5 && steals <= 1; attempt++) steals = ForkJoinSum.sum(data, 1, 4).steals();
        assertTrue(steals > 1, "4 workers and 262,143 tasks, yet only the root task was taken: " + steals);
    }

    @Test
    void thresholdDecidesHowManyTasksAreMade() {
        long[] data = ForkJoinSum.randomData(1 << 16, 1);
        assertEquals(1, ForkJoinSum.sum(data, 1 << 16, 2).tasks());         // small enough at once
        assertEquals(2 * (1 << 16) - 1, ForkJoinSum.sum(data, 1, 2).tasks()); // a full binary tree down to single elements
        assertEquals(2 * 16 - 1, ForkJoinSum.sum(data, 1 << 12, 2).tasks());
    }

    @Test
    void everySchedulingGivesTheReferenceImageAndAccountsForAllWork() {
        SplittableRandom rnd = TestSeed.splittable();
        for (int round = 0; round < 4; round++) {
            var p = new MandelbrotProblem(rnd.nextInt(1, 120), rnd.nextInt(1, 90), rnd.nextInt(1, 200));
            int[] reference = new ScalarMandelbrot().compute(p, 1);
            long totalWork = 0;
            for (int c : reference) totalWork += c + 1;
            for (RowScheduling way : RowScheduling.values()) {
                int threads = rnd.nextInt(1, 6);
                ScheduleReport r = way.run(p, threads, rnd.nextInt(1, 8));
                assertArrayEquals(reference, r.counts(), way + " " + p + " threads=" + threads);
                assertEquals(totalWork, r.workPerThread().stream().mapToLong(Long::longValue).sum(), way.toString());
                assertTrue(r.workPerThread().size() >= threads);
                assertTrue(r.imbalance() >= 1.0 - 1e-12);
            }
        }
    }

    @Test
    void staticBandsOnTheFullImageAreUnevenOnFourThreads() {
        // The middle bands cross the set: a deterministic fact about the work, not a timing.
        var r = RowScheduling.STATIC_BANDS.run(new MandelbrotProblem(200, 120, 200), 4, 0);
        assertTrue(r.imbalance() > 1.2, r.toString());
    }

    @Test
    void workPerRowAddsUpAndMirrorsAboutTheRealAxis() {
        var p = new MandelbrotProblem(90, 60, 150);
        long[] w = RowScheduling.workPerRow(p);
        long total = 0;
        for (int c : new ScalarMandelbrot().compute(p, 1)) total += c + 1;
        assertEquals(total, Arrays.stream(w).sum());
        // y(r) = -y(h - r): conjugate points escape at the same iteration, bit for bit.
        for (int r = 1; r < p.height(); r++) assertEquals(w[r], w[p.height() - r], "row " + r);
        var reports = java.util.List.of(RowScheduling.FORK_JOIN.run(p, 2, 3), RowScheduling.STATIC_BANDS.run(p, 3, 0));
        var t = ScheduleReport.table(reports);
        assertEquals(2, t.rowCount());
        assertEquals("fork_join", t.stringColumn("way").get(0));
    }

    @Test
    void badInputIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> ForkJoinSum.sum(new long[10], 0, 1));
        assertThrows(IllegalArgumentException.class, () -> ForkJoinSum.sum(new long[10], 1, 0));
        var p = new MandelbrotProblem(10, 10, 10);
        assertThrows(IllegalArgumentException.class, () -> RowScheduling.FORK_JOIN.run(p, 2, 0));
        assertThrows(IllegalArgumentException.class, () -> RowScheduling.STATIC_BANDS.run(p, 0, 1));
    }
}
