package optpar;

import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

import static org.junit.jupiter.api.Assertions.*;

/** One seed per test, replayable, and named in the failure. */
class TestSeedTest {

    @Test
    void generatorsOfATestFollowFromItsSeed() {
        long seed = TestSeed.seed();
        assertEquals(new java.util.Random(seed).nextLong(), TestSeed.random().nextLong(), "the first generator: the seed itself");
        assertEquals(new java.util.Random(seed + 1).nextLong(), TestSeed.random().nextLong(), "the second: seed + 1");
        assertEquals(seed, TestSeed.seed(), "one seed for the whole test");
        assertTrue(TestSeed.describe().contains("-Doptpar.seed=" + seed), TestSeed.describe());
    }

    @Test
    void aFailureOfATestThatDrewInputNamesItsSeed() {
        long seed = TestSeed.seed();
        var report = new TestSeed.Report();
        var e = assertThrows(AssertionFailedError.class, () -> report.handleTestExecutionException(null, new AssertionError("wrong sum")));
        assertEquals("seed " + seed + " (replay with -Doptpar.seed=" + seed + "): wrong sum", e.getMessage());
        var skip = new TestAbortedException("no gcc");
        assertSame(skip, assertThrows(TestAbortedException.class, () -> report.handleTestExecutionException(null, skip)),
                "a skip stays a skip");
    }
}
