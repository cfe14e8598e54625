package optpar.races;

/**
 * A counter that many threads increment at once. The implementations in this package are the
 * wrong way and the right ways side by side, in the style of the JMH samples:
 * <ul>
 *   <li>{@link RacyCounter}, {@link VolatileRacyCounter}: {@code count++} on a shared field, which loses updates;</li>
 *   <li>{@link SynchronizedCounter}, {@link LockCounter}, {@link AtomicCounter}, {@link AdderCounter}: correct,
 *       each at its own cost.</li>
 * </ul>
 * The fifth fix, each thread counting on its own and adding once at the end, is not a shared
 * counter at all: see {@link Counting#PARTIAL_SUMS}.
 *
 * <pre>{@code
 * SharedCounter c = new AtomicCounter();
 * c.increment();
 * long n = c.get();   // 1
 * }</pre>
 */
public interface SharedCounter {
    /** Adds one. */
    void increment();

    /** The current count (exact only once every incrementing thread has finished). */
    long get();
}
