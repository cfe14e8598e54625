package optpar.locks;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Many transfers in both directions at once, watched: how the cures behave under load, and how
 * often the wrong order deadlocks when nothing lines the threads up on purpose.
 *
 * <pre>{@code
 * LockReport r = TransferStress.run(Transfers.TRY_LOCK, 20_000, Duration.ofSeconds(5));
 * r.completed();   // true
 * r.retries();     // how many times a thread had to back off
 * }</pre>
 */
public final class TransferStress {
    private TransferStress() {}

    /**
     * Two threads, one moving 1 from a to b {@code transfersPerThread} times, the other from b to a.
     * Returns within about {@code bound} plus two seconds, with both threads ended.
     *
     * @throws IllegalArgumentException when transfersPerThread is not in [1, 10^8] or bound is not positive
     */
    public static LockReport run(Transfers way, int transfersPerThread, Duration bound) {
        Watchdog.requirePositive(bound);   // before any thread starts
        if (transfersPerThread < 1 || transfersPerThread > 100_000_000) {
            throw new IllegalArgumentException("transfersPerThread=" + transfersPerThread + " is not allowed: use 1 to 100000000");
        }
        Account a = new Account(1, 1_000_000);
        Account b = new Account(2, 1_000_000);
        long before = a.balance() + b.balance();
        AtomicLong done = new AtomicLong();
        AtomicLong retries = new AtomicLong();
        CountDownLatch go = new CountDownLatch(1);
        long start = System.nanoTime();
        Thread t1 = worker("a->b", way, a, b, transfersPerThread, go, done, retries);
        Thread t2 = worker("b->a", way, b, a, transfersPerThread, go, done, retries);
        go.countDown();
        Watchdog.Result w = Watchdog.watch(List.of(t1, t2), bound);
        long millis = (System.nanoTime() - start) / 1_000_000;
        long after = w.allEnded() ? a.balance() + b.balance() : -1;
        return new LockReport(way, w.deadlocked(), w.detectedMillis(), w.cycle(), w.victim(), 2L * transfersPerThread,
                done.get(), retries.get(), before, after, w.allEnded(), millis);
    }

    private static Thread worker(String name, Transfers way, Account from, Account to, int count,
                                 CountDownLatch go, AtomicLong done, AtomicLong retries) {
        return Thread.ofPlatform().daemon(true).name(name).start(() -> {
            try {
                go.await();
                for (int i = 0; i < count; i++) {
                    retries.addAndGet(way.transfer(from, to, 1, () -> { }));
                    done.incrementAndGet();
                }
            } catch (InterruptedException e) {
                // ended by the watchdog
            }
        });
    }
}
