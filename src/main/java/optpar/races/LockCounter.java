package optpar.races;

import java.util.concurrent.locks.ReentrantLock;

/**
 * RIGHT: an explicit {@link ReentrantLock}, the Java spelling of the lecture's "mutex". Same
 * guarantee as {@code synchronized}; it can also be tried with a timeout and interrupted, which
 * {@code optpar.locks} uses to cure a deadlock. Always unlock in {@code finally}.
 *
 * <pre>{@code
 * var report = LostUpdates.run(Counting.LOCK, 4, 100_000);
 * report.lost();   // 0
 * }</pre>
 */
public final class LockCounter implements SharedCounter {
    private final ReentrantLock lock = new ReentrantLock();
    private long count;

    @Override
    public void increment() {
        lock.lock();
        try {
            count++;
        } finally {
            lock.unlock();   // even if the body throws: a lock never released hangs everyone else
        }
    }

    @Override
    public long get() {
        lock.lock();
        try {
            return count;
        } finally {
            lock.unlock();
        }
    }
}
