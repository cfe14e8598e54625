package optpar.locks;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Two transfers at the same moment, a&rarr;b and b&rarr;a: the lecture's deadlock ("multiple threads ask
 * for a lock in the wrong order"), made certain, detected and ended by itself.
 *
 * <p>{@link #run} lines the two threads up so that each holds its first lock before either asks for its
 * second: the worst interleaving, which in real code happens rarely and at the worst time. With
 * {@link Transfers#WRONG_ORDER} that is a deadlock every time; the {@link Watchdog} sees it through
 * {@code ThreadMXBean.findDeadlockedThreads()} and interrupts one thread of the cycle: that transfer
 * gives up (its locks are released by its {@code finally} blocks) and the other one completes. With
 * {@link Transfers#TRY_LOCK} or {@link Transfers#ORDERED}, the same interleaving completes.
 *
 * <pre>{@code
 * System.out.println(DeadlockDemo.run(Transfers.WRONG_ORDER, Duration.ofSeconds(5)));
 * // wrong_order: DEADLOCK detected after 12 ms, 'transfer a->b' interrupted to break it; 1 of 2 transfers made, ...
 * //     'transfer a->b' waits for java.util.concurrent.locks.ReentrantLock$NonfairSync@1b2c3d held by 'transfer b->a'
 * //     'transfer b->a' waits for java.util.concurrent.locks.ReentrantLock$NonfairSync@4e5f6a held by 'transfer a->b'
 * System.out.println(DeadlockDemo.run(Transfers.ORDERED, Duration.ofSeconds(5)));
 * // ordered: 2 of 2 transfers made, money 200 -> 200, all threads ended, 203 ms
 * }</pre>
 */
public final class DeadlockDemo {
    private DeadlockDemo() {}

    /** How long a thread holding its first lock waits for the other to hold its own. */
    static final long LINE_UP_MILLIS = 200;

    /**
     * Runs the two transfers in the worst interleaving, watched: returns within about
     * {@code bound} plus two seconds, whatever happens, with both threads ended.
     *
     * @throws IllegalArgumentException when {@code bound} is not positive
     */
    public static LockReport run(Transfers way, Duration bound) {
        Watchdog.requirePositive(bound);   // before any thread starts
        Account a = new Account(1, 100);
        Account b = new Account(2, 100);
        long before = a.balance() + b.balance();
        // Each thread, once it holds its first lock, waits (briefly) until the other holds its own.
        CountDownLatch bothHoldFirstLock = new CountDownLatch(2);
        Runnable lineUp = () -> {
            bothHoldFirstLock.countDown();
            try {
                bothHoldFirstLock.await(LINE_UP_MILLIS, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();   // the next lockInterruptibly will throw at once
            }
        };
        AtomicLong done = new AtomicLong();
        AtomicLong retries = new AtomicLong();
        long start = System.nanoTime();
        Thread t1 = start("transfer a->b", way, a, b, lineUp, done, retries);
        Thread t2 = start("transfer b->a", way, b, a, lineUp, done, retries);
        Watchdog.Result w = Watchdog.watch(List.of(t1, t2), bound);
        long millis = (System.nanoTime() - start) / 1_000_000;
        long after = w.allEnded() ? a.balance() + b.balance() : -1;   // balance() would wait on a stuck lock
        return new LockReport(way, w.deadlocked(), w.detectedMillis(), w.cycle(), w.victim(), 2, done.get(), retries.get(),
                before, after, w.allEnded(), millis);
    }

    private static Thread start(String name, Transfers way, Account from, Account to, Runnable lineUp,
                                AtomicLong done, AtomicLong retries) {
        // Daemon: even a thread the watchdog could not end would not keep the JVM alive.
        return Thread.ofPlatform().daemon(true).name(name).start(() -> {
            try {
                retries.addAndGet(way.transfer(from, to, 10, lineUp));
                done.incrementAndGet();
            } catch (InterruptedException e) {
                // Ended by the watchdog while waiting for a lock: the finally blocks released what we held.
            }
        });
    }
}
