package optpar.exercises;

import optpar.Course;
import optpar.locks.Watchdog;
import optpar.races.SharedCounter;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;

/** The exercises of notebook 08, races, locks and deadlocks. */
public final class Ex08 {
    private Ex08() {}

    /** Exercise 1: your own atomic increment. */
    public static final One one = new One();
    /** Exercise 2: a cycle of three. */
    public static final Two two = new Two();

    /** Counts with {@code threads} threads started together, each incrementing {@code perThread} times. */
    static long count(SharedCounter c, int threads, long perThread) throws InterruptedException {
        var go = new CountDownLatch(1);
        List<Thread> ts = new ArrayList<>();
        Throwable[] failed = new Throwable[1];
        for (int t = 0; t < threads; t++) {
            ts.add(Thread.ofPlatform().daemon(true).name("counting " + t).start(() -> {
                try {
                    go.await();
                    for (long i = 0; i < perThread; i++) c.increment();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (RuntimeException | Error e) {
                    failed[0] = e;
                }
            }));
        }
        go.countDown();
        try {
            for (Thread t : ts) t.join();
        } catch (InterruptedException e) {
            ts.forEach(Thread::interrupt);      // the check timed out: stop counting
            throw e;
        }
        if (failed[0] instanceof RuntimeException e) throw e;
        if (failed[0] instanceof Error e) throw e;
        return c.get();
    }

    public static final class One extends Exercise {
        One() {
            super("08", 1, "your own atomic increment",
                    "final class CasCounter implements SharedCounter { private final AtomicLong count = new AtomicLong(); ... }",
                    "increment(): long v; do { v = count.get(); } while (!count.compareAndSet(v, v + 1));",
                    "pass a factory, so every run gets a fresh counter: Ex08.one.check(CasCounter::new)");
        }

        /** Fresh counters on 1 to 4 threads, random increments each: the count must be exact every time. */
        public Outcome judge(Supplier<? extends SharedCounter> newCounter) {
            if (newCounter == null) return Outcome.notSolved("no counter yet: pass CasCounter::new");
            long most = Course.size(400_000L, 100_000L);
            return Trials.<long[], Long>of("the count")
                    .inputs(8, (r, i) -> new long[] {i < 2 ? 1 : 2 + r.nextInt(3), i < 2 ? 1 + r.nextInt(1000) : most / 2 + r.nextLong(most / 2)})
                    .size(in -> in[0] * in[1])
                    .describe(in -> in[0] + (in[0] == 1 ? " thread" : " threads") + " x " + in[1] + " increments")
                    .reference(in -> in[0] * in[1])
                    .run("your counter", in -> {
                        SharedCounter c = newCounter.get();
                        return c == null ? null : count(c, (int) in[0], in[1]);
                    })
                    .and("a compare-and-set refuses a stale write, so no increment is lost; incrementAndGet is the same idea in one instruction (lock xadd on x86)");
        }

        public void check(Supplier<? extends SharedCounter> newCounter) { report(() -> judge(newCounter)); }

        public void mustPass(Supplier<? extends SharedCounter> newCounter) { require(() -> judge(newCounter)); }
    }

    public static final class Two extends Exercise {
        Two() {
            super("08", 2, "a cycle of three",
                    "three accounts a, b, c; thread k moves money from account k to account (k + 1) % 3, many times, with way.transfer(from, to, 1)",
                    "start the three threads, then var r = Watchdog.watch(threads, Duration.ofSeconds(3)); once with Transfers.WRONG_ORDER, once with Transfers.ORDERED",
                    "Ex08.two.check(wrong, ordered) with the two Watchdog results");
        }

        /**
         * With ORDERED the three threads end without a deadlock; with WRONG_ORDER, a deadlock found by the JVM is a
         * cycle of three threads, and the watchdog ended it.
         */
        public Outcome judge(Watchdog.Result wrongOrder, Watchdog.Result ordered) {
            if (wrongOrder == null || ordered == null) return Outcome.notSolved("pass the two Watchdog results, WRONG_ORDER first");
            if (ordered.deadlocked()) return Outcome.wrong("the ORDERED run deadlocked: do all three threads call Transfers.ORDERED.transfer? (cycle: " + ordered.cycle() + ")");
            if (!ordered.allEnded()) return Outcome.wrong("the ORDERED run did not end within its bound: fewer transfers, or a longer bound");
            if (wrongOrder.deadlocked() && wrongOrder.cycle().stream().filter(l -> !l.isBlank()).count() < 3) {
                return Outcome.wrong("the WRONG_ORDER deadlock involved " + wrongOrder.cycle().size() + " threads: the exercise's cycle has three (a->b, b->c, c->a)");
            }
            if (!wrongOrder.allEnded()) return Outcome.wrong("the WRONG_ORDER threads did not all end: did they take their locks through Transfers.transfer (interruptibly)?");
            return Outcome.solved((wrongOrder.deadlocked() ? "the JVM found the cycle of three, the watchdog interrupted " + wrongOrder.victim() + " and the others finished"
                    : "this WRONG_ORDER run happened not to deadlock (the threads must collide at the wrong moment: run it again)")
                    + "; ORDERED always ends: every thread takes the lower-numbered account first, so no cycle can form");
        }

        public void check(Watchdog.Result wrongOrder, Watchdog.Result ordered) { report(() -> judge(wrongOrder, ordered)); }

        public void mustPass(Watchdog.Result wrongOrder, Watchdog.Result ordered) { require(() -> judge(wrongOrder, ordered)); }
    }

    /** The watchdog bound the exercise uses. */
    public static final Duration WATCH = Duration.ofSeconds(3);
}
