package optpar.races;

/**
 * RIGHT: {@code synchronized} lets one thread at a time into {@code increment}. Correct, and cheap
 * while only one thread wants the lock; when many do, they queue.
 *
 * <pre>{@code
 * var report = LostUpdates.run(Counting.SYNCHRONIZED, 4, 100_000);
 * report.lost();   // 0
 * }</pre>
 */
public final class SynchronizedCounter implements SharedCounter {
    private long count;

    @Override public synchronized void increment() { count++; }

    @Override public synchronized long get() { return count; }
}
