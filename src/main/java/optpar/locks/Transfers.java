package optpar.locks;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Three ways to take two locks for a transfer: the wrong order and the two cures, side by side.
 *
 * <ul>
 *   <li>{@link #WRONG_ORDER}: lock {@code from}, then {@code to}. A transfer a&rarr;b and one b&rarr;a at the
 *       same moment each hold one lock and wait forever for the other: a deadlock.</li>
 *   <li>{@link #TRY_LOCK}: take the second lock with {@code tryLock(timeout)}; on failure let go of the
 *       first, wait a random moment and retry. Nobody waits forever.</li>
 *   <li>{@link #ORDERED}: always lock the account with the lower id first. A cycle of waiting cannot
 *       form, so there is nothing to cure.</li>
 * </ul>
 * Every way takes its locks with {@code lockInterruptibly} or {@code tryLock}, so a watchdog can
 * always end a stuck thread by interrupting it.
 *
 * <pre>{@code
 * var a = new Account(1, 1000); var b = new Account(2, 1000);
 * Transfers.TRY_LOCK.transfer(a, b, 5);
 * TransferReport r = TransferStress.run(Transfers.ORDERED, 10_000, Duration.ofSeconds(5));
 * r.completed();   // true: every transfer was made and the money adds up
 * }</pre>
 */
public enum Transfers {
    /** WRONG: from's lock, then to's lock. Can deadlock. */
    WRONG_ORDER("lock from, then to (can deadlock)") {
        @Override
        int transfer(Account from, Account to, long amount, Runnable betweenLocks) throws InterruptedException {
            from.lock.lockInterruptibly();
            try {
                betweenLocks.run();
                to.lock.lockInterruptibly();   // waits here forever if another thread holds 'to' and wants 'from'
                try {
                    Account.move(from, to, amount);
                } finally {
                    to.lock.unlock();
                }
            } finally {
                from.lock.unlock();
            }
            return 0;
        }
    },
    /** CURE 1: tryLock with a timeout, back off and retry. */
    TRY_LOCK("tryLock(timeout) on the second lock, back off and retry") {
        @Override
        int transfer(Account from, Account to, long amount, Runnable betweenLocks) throws InterruptedException {
            for (int retries = 0; ; retries++) {
                from.lock.lockInterruptibly();
                try {
                    betweenLocks.run();
                    if (to.lock.tryLock(TRY_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS)) {
                        try {
                            Account.move(from, to, amount);
                            return retries;
                        } finally {
                            to.lock.unlock();
                        }
                    }
                } finally {
                    from.lock.unlock();   // let go, so the other thread can finish
                }
                // A random pause, so the two threads do not retry in lock-step forever (a livelock).
                Thread.sleep(ThreadLocalRandom.current().nextInt(1, 1 + TRY_TIMEOUT_MILLIS));
                betweenLocks = () -> { };   // the pause hook is for the first attempt only
            }
        }
    },
    /** CURE 2: a global lock order (lower id first): no cycle, no deadlock. */
    ORDERED("always lock the lower account id first") {
        @Override
        int transfer(Account from, Account to, long amount, Runnable betweenLocks) throws InterruptedException {
            Account first = from.id() < to.id() ? from : to;
            Account second = first == from ? to : from;
            first.lock.lockInterruptibly();
            try {
                betweenLocks.run();
                second.lock.lockInterruptibly();
                try {
                    Account.move(from, to, amount);
                } finally {
                    second.lock.unlock();
                }
            } finally {
                first.lock.unlock();
            }
            return 0;
        }
    };

    /** How long {@link #TRY_LOCK} waits for the second lock before it backs off. */
    public static final int TRY_TIMEOUT_MILLIS = 5;

    private final String description;

    Transfers(String description) { this.description = description; }

    /** One line on how this way takes its locks. */
    public String description() { return description; }

    /**
     * Moves {@code amount} from one account to the other.
     *
     * @return how many times it had to back off and retry (always 0 except for {@link #TRY_LOCK})
     * @throws IllegalArgumentException when both are the same account or the amount is negative
     * @throws InterruptedException     when interrupted while waiting for a lock (no money moved)
     */
    public int transfer(Account from, Account to, long amount) throws InterruptedException {
        check(from, to, amount);
        return transfer(from, to, amount, () -> { });
    }

    static void check(Account from, Account to, long amount) {
        if (from == to) throw new IllegalArgumentException("cannot transfer from " + from + " to itself: use two different accounts");
        if (from.id() == to.id()) throw new IllegalArgumentException("two accounts share id " + from.id() + ": ids must differ");
        if (amount < 0) throw new IllegalArgumentException("amount " + amount + " is not allowed: it must be 0 or more");
    }

    /** The transfer, with a hook run while holding the first lock (the demo uses it to make the deadlock certain). */
    abstract int transfer(Account from, Account to, long amount, Runnable betweenLocks) throws InterruptedException;
}
