package optpar.locks;

import java.util.concurrent.locks.ReentrantLock;

/**
 * A bank account guarded by its own lock: the classic two-lock example. A transfer must hold the
 * locks of both accounts, and the order in which it takes them decides whether it can deadlock.
 *
 * <pre>{@code
 * var a = new Account(1, 100);
 * var b = new Account(2, 100);
 * Transfers.ORDERED.transfer(a, b, 10);   // a: 90, b: 110
 * }</pre>
 */
public final class Account {
    private final int id;
    private long balance;
    /** The account's lock; every read or write of {@code balance} holds it. */
    final ReentrantLock lock = new ReentrantLock();

    /** @param id a number that orders accounts (for {@link Transfers#ORDERED}); @param balance the opening balance */
    public Account(int id, long balance) {
        this.id = id;
        this.balance = balance;
    }

    public int id() { return id; }

    /** The balance (takes the account's lock, so it waits while a transfer holds it). */
    public long balance() {
        lock.lock();
        try {
            return balance;
        } finally {
            lock.unlock();
        }
    }

    /** Moves money; the caller holds both locks. */
    static void move(Account from, Account to, long amount) {
        from.balance -= amount;
        to.balance += amount;
    }

    @Override public String toString() { return "account " + id; }
}
