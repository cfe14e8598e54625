package optpar.races;

/**
 * STILL WRONG: {@code volatile} makes every read and write go to memory, where other threads see
 * it, but {@code count++} is still read, add, write. Between one thread's read and its write,
 * another thread's increment can come and go, and is then overwritten.
 *
 * <p>Visibility is not atomicity: this is the lesson of this class.
 *
 * <pre>{@code
 * var report = LostUpdates.run(Counting.VOLATILE_RACY, 2, 1_000_000);
 * report.lost();   // usually far above zero on two or more cores
 * }</pre>
 */
public final class VolatileRacyCounter implements SharedCounter {
    private volatile long count;

    @SuppressWarnings("NonAtomicOperationOnVolatileField") // on purpose: this is the race
    @Override public void increment() { count++; }

    @Override public long get() { return count; }
}
