package optpar;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

import java.util.Random;
import java.util.SplittableRandom;

/**
 * Random inputs for tests, from one seed per test that is printed when the test fails.
 *
 * <p>Every test that draws random input takes its generators from here. The first call in a test
 * picks the test's seed ({@code -Doptpar.seed=N} to replay one, else a fresh one); the k-th generator
 * of that test is seeded with {@code seed + k}, so replaying the seed replays every input. When the test
 * fails, {@link Report} (registered for every test in {@code META-INF/services}) puts
 * "seed N (replay with -Doptpar.seed=N)" in front of the failure's message.
 *
 * <pre>{@code
 * Random rnd = TestSeed.random();
 * var p = new MandelbrotProblem(10 + rnd.nextInt(50), 10 + rnd.nextInt(40), 20);
 * }</pre>
 */
public final class TestSeed {
    private TestSeed() {}

    private static Long seed;      // this test's seed, once drawn
    private static int drawn;      // generators handed out in this test

    /** The current test's seed (drawn now if this is the first use). */
    public static synchronized long seed() {
        if (seed == null) seed = Long.getLong("optpar.seed", System.nanoTime());
        return seed;
    }

    /** A fresh generator of this test: seeded with the test's seed plus the number of generators drawn before it. */
    public static synchronized Random random() {
        return new Random(seed() + drawn++);
    }

    /** As {@link #random()}, a {@link SplittableRandom}. */
    public static synchronized SplittableRandom splittable() {
        return new SplittableRandom(seed() + drawn++);
    }

    /** One random long of this test (e.g. a seed for a data generator). */
    public static long nextLong() {
        return random().nextLong();
    }

    /** What to add to a failure message by hand (dynamic tests, which {@link Report} does not see). */
    public static synchronized String describe() {
        return seed == null ? "no random input" : "seed " + seed + " (replay with -Doptpar.seed=" + seed + ")";
    }

    private static synchronized void reset() {
        seed = null;
        drawn = 0;
    }

    /**
     * Names the seed in a failing test's message, and forgets it after each test (after, not before:
     * a test instance's fields are set before the test's before-each callbacks run, and may draw).
     */
    public static final class Report implements AfterEachCallback, TestExecutionExceptionHandler {
        @Override
        public void afterEach(ExtensionContext context) {
            reset();
        }

        @Override
        public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
            boolean usedSeed;
            synchronized (TestSeed.class) {
                usedSeed = seed != null;
            }
            if (!usedSeed || failure instanceof TestAbortedException) throw failure;
            AssertionFailedError withSeed = new AssertionFailedError(describe() + ": " + failure.getMessage(), failure);
            withSeed.setStackTrace(failure.getStackTrace());
            throw withSeed;
        }
    }
}
