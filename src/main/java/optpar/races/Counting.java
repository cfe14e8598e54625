package optpar.races;

import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;

/**
 * The ways to let many threads count together, wrong and right side by side. Each one starts
 * {@code threads} threads that each add one {@code perThread} times, and returns the final count.
 *
 * <pre>{@code
 * long n = Counting.ATOMIC.count(4, 1_000);          // 4000, always
 * long m = Counting.RACY.count(4, 1_000_000);         // at most 4_000_000, often less
 * for (Counting c : Counting.values()) System.out.println(c + ": " + c.description());
 * }</pre>
 */
public enum Counting {
    /** WRONG: {@code count++} on a plain shared field. */
    RACY("count++ on a plain shared field (wrong)", false, RacyCounter::new),
    /** WRONG: {@code count++} on a volatile field: visible, but still not atomic. */
    VOLATILE_RACY("count++ on a volatile field (still wrong)", false, VolatileRacyCounter::new),
    /** RIGHT: a synchronized method. */
    SYNCHRONIZED("synchronized increment", true, SynchronizedCounter::new),
    /** RIGHT: a ReentrantLock around the increment. */
    LOCK("ReentrantLock around count++", true, LockCounter::new),
    /** RIGHT: AtomicLong.incrementAndGet. */
    ATOMIC("AtomicLong.incrementAndGet", true, AtomicCounter::new),
    /** RIGHT: LongAdder, cells per contending thread. */
    ADDER("LongAdder (striped cells)", true, AdderCounter::new),
    /** RIGHT and fastest: each thread counts in a local variable and publishes once at the end. */
    PARTIAL_SUMS("thread-local partial sums, added once at the end", true, null);

    private final String description;
    private final boolean correct;
    private final Supplier<SharedCounter> counter;

    Counting(String description, boolean correct, Supplier<SharedCounter> counter) {
        this.description = description;
        this.correct = correct;
        this.counter = counter;
    }

    /** One line on what this way does. */
    public String description() { return description; }

    /** Whether this way always gives {@code threads * perThread}. */
    public boolean correct() { return correct; }

    /** The most threads {@link #count} accepts. */
    public static final int MAX_THREADS = 1024;

    /**
     * Starts {@code threads} threads that each add one {@code perThread} times; returns the final count.
     *
     * @throws IllegalArgumentException when threads is not in [1, 1024] or perThread not in [1, 10^9]
     */
    public long count(int threads, long perThread) {
        if (threads < 1 || threads > MAX_THREADS) {
            throw new IllegalArgumentException("threads=" + threads + " is not allowed: use 1 to " + MAX_THREADS);
        }
        if (perThread < 1 || perThread > 1_000_000_000L) {
            throw new IllegalArgumentException("perThread=" + perThread + " is not allowed: use 1 to 1000000000");
        }
        if (this == PARTIAL_SUMS) return countWithPartialSums(threads, perThread);
        SharedCounter shared = counter.get();
        runTogether(threads, () -> {
            for (long i = 0; i < perThread; i++) shared.increment();
        });
        return shared.get();
    }

    /** Sixty-four ones (a power of two, so {@code i & 63} picks one). */
    private static final long[] ONES = new long[64];

    static {
        java.util.Arrays.fill(ONES, 1L);
    }

    private static long countWithPartialSums(int threads, long perThread) {
        long[] partial = new long[threads];   // one slot per thread, each written by its owner only, once
        runTogether(threads, index -> {
            long mine = 0;                     // a local: no other thread can see it, so no race
            // Each increment adds a 1 read from memory: the JIT would turn "mine++ perThread times" into
            // one addition, and then there would be no work left to share out.
            for (long i = 0; i < perThread; i++) mine += ONES[(int) (i & (ONES.length - 1))];
            partial[index] = mine;
        });
        long total = 0;                        // join() made every slot visible to this thread
        for (long p : partial) total += p;
        return total;
    }

    private static void runTogether(int threads, Runnable body) {
        runTogether(threads, index -> body.run());
    }

    /** Starts the threads, releases them at once (so they really overlap), and joins them all. */
    private static void runTogether(int threads, java.util.function.IntConsumer body) {
        CountDownLatch go = new CountDownLatch(1);
        Thread[] workers = new Thread[threads];
        for (int t = 0; t < threads; t++) {
            int index = t;
            workers[t] = Thread.ofPlatform().daemon(true).name("counter-" + t).start(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                body.accept(index);
            });
        }
        go.countDown();
        try {
            for (Thread w : workers) w.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the counting threads", e);
        }
    }
}
