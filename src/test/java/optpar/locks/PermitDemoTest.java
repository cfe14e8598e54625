package optpar.locks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PermitDemoTest {

    @Test
    void neverMoreThreadsInsideThanPermits() {
        long seed = System.nanoTime();
        SplittableRandom r = new SplittableRandom(seed);
        for (int trial = 0; trial < 5; trial++) {
            int permits = 1 + r.nextInt(4), tasks = permits + r.nextInt(12);
            PermitDemo.Result res = PermitDemo.withSemaphore(permits, tasks, Duration.ofMillis(15));
            assertTrue(res.maxInside() <= permits, "at most " + permits + " inside, saw " + res.maxInside() + "; seed " + seed);
            assertTrue(res.maxInside() >= 1, "seed " + seed);
            // A lower bound on the time holds on any machine: the holds cannot overlap more than the permits allow.
            assertTrue(res.seconds() >= res.expectedSeconds() * 0.95, "took " + res.seconds() + " s, expected at least "
                    + res.expectedSeconds() + "; seed " + seed);
        }
    }

    @Test
    void aLockLetsOneThreadIn() {
        PermitDemo.Result res = PermitDemo.withLock(6, Duration.ofMillis(10));
        assertEquals(1, res.maxInside());
        assertTrue(res.seconds() >= 0.057);
    }

    @Test
    void badArgumentsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> PermitDemo.withSemaphore(0, 4, Duration.ofMillis(1)));
        assertThrows(IllegalArgumentException.class, () -> PermitDemo.withSemaphore(1, 100_000, Duration.ofMillis(500)));
    }
}
