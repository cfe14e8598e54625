package optpar.locks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A semaphore beside a lock. A lock lets <em>one</em> thread into a block at a time; a
 * {@link Semaphore} with {@code k} permits lets up to {@code k} in (k connections to a database, k
 * licences, k GPUs): {@code acquire()} takes a permit or waits for one, {@code release()} gives it
 * back. With one permit it is a mutex (that is the lecture's "locking": Python's
 * {@code threading.Semaphore} and {@code threading.Lock}).
 *
 * <p>Each run starts {@code tasks} threads at once; each takes a permit (or the lock), holds it for
 * {@code hold} (it "uses the resource": a sleep, so no core is needed), and lets go. The run reports
 * the most threads that were ever inside at once and the wall time, which should be about
 * {@code tasks / permits} holds.
 *
 * <pre>{@code
 * PermitDemo.Result r = PermitDemo.withSemaphore(3, 12, Duration.ofMillis(20));
 * r.maxInside();   // 3, never more
 * r.seconds();     // about 12 / 3 * 20 ms = 80 ms
 * }</pre>
 */
public final class PermitDemo {
    private PermitDemo() {}

    /** What a run found: the most threads inside at once, and the wall time in seconds. */
    public record Result(String guard, int permits, int tasks, long holdMillis, int maxInside, double seconds) {
        /** The time the model expects: {@code ceil(tasks / permits)} holds one after the other. */
        public double expectedSeconds() {
            return Math.ceil((double) tasks / permits) * holdMillis / 1e3;
        }
    }

    /** Guards the resource with a {@link Semaphore} of {@code permits} permits (fair: first come, first served). */
    public static Result withSemaphore(int permits, int tasks, Duration hold) {
        check(permits, tasks, hold);
        Semaphore semaphore = new Semaphore(permits, true);
        return run("Semaphore(" + permits + ")", permits, tasks, hold, () -> {
            if (!semaphore.tryAcquire(30, TimeUnit.SECONDS)) throw new IllegalStateException("no permit within 30 s");
            return semaphore::release;
        });
    }

    /** Guards the resource with one {@link ReentrantLock}: one thread at a time. */
    public static Result withLock(int tasks, Duration hold) {
        check(1, tasks, hold);
        ReentrantLock lock = new ReentrantLock(true);
        return run("ReentrantLock", 1, tasks, hold, () -> {
            if (!lock.tryLock(30, TimeUnit.SECONDS)) throw new IllegalStateException("no lock within 30 s");
            return lock::unlock;
        });
    }

    /** Takes the guard and returns how to give it back. */
    private interface Guard {
        Runnable enter() throws InterruptedException;
    }

    private static Result run(String name, int permits, int tasks, Duration hold, Guard guard) {
        AtomicInteger inside = new AtomicInteger(), maxInside = new AtomicInteger();
        List<Thread> threads = new ArrayList<>(tasks);
        List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        long t0 = System.nanoTime();
        for (int i = 0; i < tasks; i++) {
            threads.add(Thread.ofVirtual().start(() -> {
                try {
                    Runnable leave = guard.enter();
                    try {
                        maxInside.accumulateAndGet(inside.incrementAndGet(), Math::max);
                        Thread.sleep(hold);
                        inside.decrementAndGet();
                    } finally {
                        leave.run();
                    }
                } catch (Throwable e) {
                    failures.add(e);
                }
            }));
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        for (Thread t : threads) {
            try {
                if (!t.join(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())))) {
                    threads.forEach(Thread::interrupt);
                    throw new IllegalStateException(name + ": the tasks did not finish within 60 s; interrupted them");
                }
            } catch (InterruptedException e) {
                threads.forEach(Thread::interrupt);
                Thread.currentThread().interrupt();
                throw new IllegalStateException(name + ": interrupted while waiting for the tasks", e);
            }
        }
        if (!failures.isEmpty()) throw new IllegalStateException(name + ": a task failed: " + failures.getFirst(), failures.getFirst());
        return new Result(name, permits, tasks, hold.toMillis(), maxInside.get(), (System.nanoTime() - t0) / 1e9);
    }

    private static void check(int permits, int tasks, Duration hold) {
        if (permits < 1 || permits > 1_000) throw new IllegalArgumentException("permits = " + permits + " is not allowed: 1 to 1000");
        if (tasks < 1 || tasks > 100_000) throw new IllegalArgumentException("tasks = " + tasks + " is not allowed: 1 to 100000");
        if (hold.isNegative() || hold.toMillis() > 1_000) throw new IllegalArgumentException("hold = " + hold + " is not allowed: 0 to 1 s");
        if ((double) tasks / permits * hold.toMillis() > 30_000) {
            throw new IllegalArgumentException("tasks / permits * hold is over 30 s: use fewer tasks, more permits or a shorter hold");
        }
    }
}
