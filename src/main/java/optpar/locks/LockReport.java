package optpar.locks;

import java.util.List;

/**
 * What a two-thread transfer run did: whether it deadlocked (and the cycle the JVM reported),
 * how many transfers were made, how often the threads backed off, whether the money still adds
 * up, and whether every thread has ended.
 *
 * <pre>{@code
 * LockReport r = DeadlockDemo.run(Transfers.WRONG_ORDER, Duration.ofSeconds(5));
 * r.deadlocked();  // true
 * r.allEnded();    // true: the watchdog interrupted both threads
 * }</pre>
 *
 * @param way            the way the locks were taken
 * @param deadlocked     whether the JVM reported a deadlock
 * @param detectedMillis when, in ms after start (-1 if never)
 * @param cycle          who waited for whom
 * @param victim         the thread the watchdog interrupted to break the deadlock (null if none)
 * @param planned        transfers the threads set out to make
 * @param done           transfers made
 * @param retries        back-offs (only {@link Transfers#TRY_LOCK} has any)
 * @param moneyBefore    both balances added, before
 * @param moneyAfter     both balances added, after (equal to before: a lock keeps each transfer whole)
 * @param allEnded       whether both threads have ended
 * @param millis         wall time of the whole run
 */
public record LockReport(Transfers way, boolean deadlocked, long detectedMillis, List<String> cycle, String victim,
                         long planned, long done, long retries, long moneyBefore, long moneyAfter,
                         boolean allEnded, long millis) {

    /** True when every transfer was made, nothing deadlocked, the money adds up and the threads ended. */
    public boolean completed() {
        return !deadlocked && done == planned && moneyBefore == moneyAfter && allEnded;
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder();
        s.append(way.name().toLowerCase()).append(": ");
        if (deadlocked) {
            s.append("DEADLOCK detected after ").append(detectedMillis).append(" ms, '").append(victim)
                    .append("' interrupted to break it; ");
        }
        s.append(done).append(" of ").append(planned).append(" transfers made");
        if (retries > 0) s.append(", ").append(retries).append(" back-offs");
        s.append(", money ").append(moneyBefore).append(" -> ").append(moneyAfter);
        s.append(allEnded ? ", all threads ended" : ", THREADS STILL RUNNING");
        s.append(", ").append(millis).append(" ms");
        for (String line : cycle) s.append("\n    ").append(line);
        return s.toString();
    }
}
