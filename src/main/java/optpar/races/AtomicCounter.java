package optpar.races;

import java.util.concurrent.atomic.AtomicLong;

/**
 * RIGHT: {@link AtomicLong#incrementAndGet()} is one hardware instruction (a locked add or a
 * compare-and-swap loop): no lock, no lost update. All threads still fight over one cache line,
 * so it does not scale.
 *
 * <pre>{@code
 * var report = LostUpdates.run(Counting.ATOMIC, 4, 100_000);
 * report.lost();   // 0
 * }</pre>
 */
public final class AtomicCounter implements SharedCounter {
    private final AtomicLong count = new AtomicLong();

    @Override public void increment() { count.incrementAndGet(); }

    @Override public long get() { return count.get(); }
}
