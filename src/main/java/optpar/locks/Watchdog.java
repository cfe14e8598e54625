package optpar.locks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Watches a group of threads until they finish, and ends them if they deadlock or run too long.
 * This is how a demo of a deadlock can never hang a notebook.
 *
 * <p>The JVM itself knows which thread waits for which lock: {@link ThreadMXBean#findDeadlockedThreads()}
 * returns the threads that wait in a cycle, for {@code synchronized} monitors and for
 * {@code java.util.concurrent} locks alike. (It lists threads in a timed wait too, such as
 * {@code tryLock(5, MILLISECONDS)}; those waits end by themselves, so the watchdog counts a cycle only
 * when every thread in it waits without a timeout.) The watchdog asks it every few milliseconds; when it sees
 * a cycle among its threads it writes the cycle down and interrupts one of them, the <em>victim</em>
 * (as a database does with a deadlocked transaction). The threads take their locks with
 * {@code lockInterruptibly}, so the interrupt ends the victim's wait; its {@code finally} blocks let go of
 * its locks, and the others can go on. Threads still running at the bound are all interrupted.
 *
 * <pre>{@code
 * Thread t1 = ..., t2 = ...;                  // started, daemon, interruptible
 * Watchdog.Result r = Watchdog.watch(List.of(t1, t2), Duration.ofSeconds(5));
 * if (r.deadlocked()) r.cycle().forEach(System.out::println);
 * }</pre>
 */
public final class Watchdog {
    private Watchdog() {}

    /** How long the watchdog waits, after interrupting, for the threads to end. */
    static final Duration GRACE = Duration.ofSeconds(2);

    /**
     * What the watchdog saw.
     *
     * @param deadlocked     whether the JVM reported a deadlock among the watched threads
     * @param detectedMillis when it was first seen, in ms after the watch began (-1 if never)
     * @param cycle          one line per deadlocked thread: who waits for which lock, held by whom
     * @param victim         the name of the thread interrupted to break the deadlock (null if none)
     * @param timedOut       whether the bound ran out with threads still running (and they were interrupted)
     * @param allEnded       whether every watched thread has ended when {@code watch} returns
     */
    public record Result(boolean deadlocked, long detectedMillis, List<String> cycle, String victim, boolean timedOut,
                         boolean allEnded) {}

    /**
     * Waits until every thread has ended, or a deadlock among them is detected, or {@code bound}
     * passes; in the last two cases interrupts them all and waits up to two more seconds.
     *
     * @throws IllegalArgumentException when {@code bound} is not positive or there are no threads
     */
    public static Result watch(List<Thread> threads, Duration bound) {
        if (threads.isEmpty()) throw new IllegalArgumentException("no threads to watch: give at least one");
        requirePositive(bound);
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        Set<Long> ours = new HashSet<>();
        for (Thread t : threads) ours.add(t.threadId());
        long start = System.nanoTime();
        long deadline = start + bound.toNanos();
        boolean deadlocked = false;
        long detectedMillis = -1;
        List<String> cycle = List.of();
        while (anyAlive(threads) && System.nanoTime() < deadline) {
            long[] stuck = mx.findDeadlockedThreads();   // null when there is no cycle anywhere in the JVM
            List<Long> ourStuck = new ArrayList<>();
            if (stuck != null) for (long id : stuck) if (ours.contains(id)) ourStuck.add(id);
            if (!ourStuck.isEmpty() && waitForever(mx, ourStuck)) {
                deadlocked = true;
                detectedMillis = (System.nanoTime() - start) / 1_000_000;
                cycle = describe(mx, ourStuck);
                break;
            }
            sleepQuietly(10);
        }
        String victim = null;
        if (deadlocked) {
            // Break the cycle by interrupting one thread in it: the first of ours, in the order given.
            for (Thread t : threads) {
                if (stuckIds(mx).contains(t.threadId())) {
                    victim = t.getName();
                    t.interrupt();
                    break;
                }
            }
            joinAll(threads, GRACE);
        }
        boolean timedOut = !deadlocked && anyAlive(threads);
        if (anyAlive(threads)) {
            for (Thread t : threads) t.interrupt();   // ends lockInterruptibly / tryLock / sleep
            joinAll(threads, GRACE);
        }
        return new Result(deadlocked, detectedMillis, cycle, victim, timedOut, !anyAlive(threads));
    }

    private static Set<Long> stuckIds(ThreadMXBean mx) {
        Set<Long> ids = new HashSet<>();
        long[] stuck = mx.findDeadlockedThreads();
        if (stuck != null) for (long id : stuck) ids.add(id);
        return ids;
    }

    /**
     * Checks a bound before any thread is started: a demo that started its threads and only then
     * found its bound bad would leave them running unwatched.
     *
     * @throws IllegalArgumentException when {@code bound} is not positive
     */
    public static Duration requirePositive(Duration bound) {
        if (bound == null || bound.isNegative() || bound.isZero()) {
            throw new IllegalArgumentException("bound " + bound + " is not allowed: it must be positive");
        }
        return bound;
    }

    private static void joinAll(List<Thread> threads, Duration within) {
        long end = System.nanoTime() + within.toNanos();
        for (Thread t : threads) {
            long left = end - System.nanoTime();
            if (left > 0) joinQuietly(t, left);
        }
    }

    /**
     * A cycle of threads that all wait without a timeout. A thread in a timed wait (tryLock with a
     * timeout) is in the cycle only for a moment: its wait ends by itself, so that is not a deadlock.
     */
    private static boolean waitForever(ThreadMXBean mx, List<Long> ids) {
        for (ThreadInfo info : mx.getThreadInfo(ids.stream().mapToLong(Long::longValue).toArray())) {
            if (info == null) return false;
            Thread.State st = info.getThreadState();
            if (st != Thread.State.WAITING && st != Thread.State.BLOCKED) return false;
        }
        return true;
    }

    private static List<String> describe(ThreadMXBean mx, List<Long> ids) {
        List<String> lines = new ArrayList<>();
        for (ThreadInfo info : mx.getThreadInfo(ids.stream().mapToLong(Long::longValue).toArray())) {
            if (info == null) continue;   // the thread ended in the meantime
            lines.add("'" + info.getThreadName() + "' waits for " + info.getLockName()
                    + " held by '" + info.getLockOwnerName() + "'");
        }
        return List.copyOf(lines);
    }

    private static boolean anyAlive(List<Thread> threads) {
        for (Thread t : threads) if (t.isAlive()) return true;
        return false;
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void joinQuietly(Thread t, long nanos) {
        try {
            t.join(Duration.ofNanos(nanos));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
