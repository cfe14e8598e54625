package optpar.loops;

import optpar.TestSeed;
import static org.junit.jupiter.api.Assertions.*;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PrangeRaceTest {

    @Test
    void reductionEqualsSequentialSumExactlyOnWholeNumbers() {
        SplittableRandom rnd = TestSeed.splittable();
        for (int round = 0; round < 10; round++) {
            double[] x = PrangeRace.wholeNumbers(rnd.nextInt(0, 300_000), rnd.nextLong());
            int threads = rnd.nextInt(1, 9);
            assertArrayEquals(PrangeRace.sequential(x), PrangeRace.reduction(x, threads), "threads=" + threads);
        }
    }

    @Test
    void reductionIsCloseToSequentialOnArbitraryDoubles() {
        double[] x = TestSeed.splittable().doubles(200_000, -1, 1).toArray();
        double[] seq = PrangeRace.sequential(x);
        double[] par = PrangeRace.reduction(x, 4);
        double scale = 0;
        for (double v : x) scale += Math.abs(v);
        for (int k = 0; k < PrangeRace.WIDTH; k++) assertEquals(seq[k], par[k], 1e-12 * scale);
    }

    @Test
    void wrongResultNeverExceedsTheTruthAndIsExactOnOneThread() {
        double[] x = PrangeRace.wholeNumbers(200_000, 3);
        double[] truth = PrangeRace.sequential(x);
        double[] wrong = PrangeRace.wrongResult(x, 4);
        for (int k = 0; k < PrangeRace.WIDTH; k++) {
            assertTrue(wrong[k] <= truth[k] && wrong[k] >= 0, "lost updates only lower a sum of non-negative numbers");
        }
        double lost = PrangeRace.lostFraction(wrong, truth);
        assertTrue(lost >= 0 && lost <= 1);
        assertArrayEquals(truth, PrangeRace.wrongResult(x, 1), "one thread has no one to race with");
    }

    @Test
    void inPoolRunsTheStreamOnItsOwnPoolOfTheRequestedSize() {
        // Every element runs on a worker of one pool of 3 (not the common pool, not the caller):
        // a Pools that ignored its pool would fail here.
        Set<Thread> seen = Pools.inPool(3, () -> IntStream.range(0, 20_000).parallel()
                .mapToObj(i -> Thread.currentThread()).collect(Collectors.toSet()));
        Set<ForkJoinPool> pools = new HashSet<>();
        for (Thread t : seen) {
            assertInstanceOf(ForkJoinWorkerThread.class, t, "ran on " + t + ", not on a pool worker");
            pools.add(((ForkJoinWorkerThread) t).getPool());
        }
        assertEquals(1, pools.size(), "one pool: " + pools);
        ForkJoinPool pool = pools.iterator().next();
        assertNotSame(ForkJoinPool.commonPool(), pool, "not the common pool");
        assertEquals(3, pool.getParallelism());
        assertTrue(seen.size() <= 3, seen.size() + " threads in a pool of 3");
        assertEquals(1, Pools.threadsUsed(1, 10_000));
        assertEquals(IntStream.range(0, 1000).sum(), (int) Pools.inPool(2, () -> IntStream.range(0, 1000).parallel().sum()));
        assertThrows(IllegalArgumentException.class, () -> Pools.inPool(0, () -> 1));
        var e = assertThrows(IllegalStateException.class, () -> Pools.inPool(1, () -> { throw new IllegalStateException("boom"); }));
        assertEquals("boom", e.getMessage());
    }
}
