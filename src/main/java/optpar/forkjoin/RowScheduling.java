package optpar.forkjoin;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RecursiveAction;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import optpar.mandelbrot.MandelbrotProblem;
import optpar.mandelbrot.ScalarMandelbrot;

/**
 * Three ways to hand out the rows of a Mandelbrot image to threads, for uneven work: rows through the
 * middle of the set cost up to {@code maxIter} iterations a pixel, rows at the top and bottom a few.
 * <ul>
 *   <li>{@link #STATIC_BANDS}: thread t gets the t-th band of {@code height/threads} rows, fixed in
 *       advance. Bands through the middle are heavier: the threads with light bands finish early and wait.</li>
 *   <li>{@link #FORK_JOIN}: the row range is split in halves down to a few rows per task; an idle worker
 *       <em>steals</em> a waiting half from a busy one. The work evens out by itself.</li>
 *   <li>{@link #DYNAMIC_CHUNKS}: a shared counter hands out the next chunk of rows to whichever thread
 *       asks (OpenMP's {@code schedule(dynamic)}). Evens out too, at the cost of one atomic add a chunk.</li>
 * </ul>
 * Each run counts the iterations every thread did: the work, measured exactly (no timer noise).
 *
 * <pre>{@code
 * var p = new MandelbrotProblem(600, 400, 500);
 * ScheduleReport s = RowScheduling.STATIC_BANDS.run(p, 4, 0);
 * ScheduleReport f = RowScheduling.FORK_JOIN.run(p, 4, 4);
 * s.imbalance();   // e.g. 1.8: the busiest thread did 1.8x the average work
 * f.imbalance();   // close to 1.0
 * }</pre>
 */
public enum RowScheduling {
    /** Fixed bands of rows, one per thread. */
    STATIC_BANDS("static bands (one fixed band of rows per thread)") {
        @Override
        void schedule(MandelbrotProblem p, int threads, int grain, RowWork work) {
            List<Thread> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int from = (int) ((long) t * p.height() / threads);
                int to = (int) ((long) (t + 1) * p.height() / threads);
                workers.add(Thread.ofPlatform().name("band-" + t).start(() -> work.rows(from, to)));
            }
            joinAll(workers);
        }
    },
    /** Recursive halving with work stealing, down to {@code grain} rows a task. */
    FORK_JOIN("fork-join: halve the rows until small, idle workers steal") {
        @Override
        void schedule(MandelbrotProblem p, int threads, int grain, RowWork work) {
            try (ForkJoinPool pool = new ForkJoinPool(threads)) {
                pool.invoke(new Rows(0, p.height(), grain, work));
                work.steals = pool.getStealCount();
            }
        }
    },
    /** A shared counter hands out chunks of {@code grain} rows. */
    DYNAMIC_CHUNKS("dynamic chunks: each thread takes the next chunk from a shared counter") {
        @Override
        void schedule(MandelbrotProblem p, int threads, int grain, RowWork work) {
            AtomicInteger next = new AtomicInteger();
            List<Thread> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                workers.add(Thread.ofPlatform().name("chunks-" + t).start(() -> {
                    int from;
                    while ((from = next.getAndAdd(grain)) < p.height()) {
                        work.rows(from, Math.min(p.height(), from + grain));
                    }
                }));
            }
            joinAll(workers);
        }
    };

    private final String description;

    RowScheduling(String description) { this.description = description; }

    /** One line on how this way hands out rows. */
    public String description() { return description; }

    /**
     * Computes the image with {@code threads} threads, handing out rows this way.
     *
     * @param grain rows per task or chunk (ignored by {@link #STATIC_BANDS}; 0 there is fine)
     * @throws IllegalArgumentException when threads is not in [1, 1024], or grain below 1 where it is used
     */
    public ScheduleReport run(MandelbrotProblem p, int threads, int grain) {
        if (threads < 1 || threads > 1024) throw new IllegalArgumentException("threads=" + threads + " is not allowed: use 1 to 1024");
        if (this != STATIC_BANDS && grain < 1) {
            throw new IllegalArgumentException("grain=" + grain + " is not allowed for " + name().toLowerCase() + ": use at least 1 row");
        }
        RowWork work = new RowWork(p);
        long start = System.nanoTime();
        schedule(p, threads, grain, work);
        double seconds = (System.nanoTime() - start) / 1e9;
        List<Long> perThread = new ArrayList<>();
        for (LongAdder a : work.iterationsByThread.values()) perThread.add(a.sum());
        perThread.sort((a, b) -> Long.compare(b, a));
        while (perThread.size() < threads) perThread.add(0L);   // a thread that never got a row did no work
        return new ScheduleReport(this, threads, grain, seconds, perThread, work.steals, work.counts);
    }

    abstract void schedule(MandelbrotProblem p, int threads, int grain, RowWork work);

    /**
     * The work of each row (iterations of the inner loop, summed over the row's pixels): how uneven
     * the rows are. Computed on one thread.
     *
     * <pre>{@code
     * long[] w = RowScheduling.workPerRow(new MandelbrotProblem(300, 200, 100));   // 200 numbers, largest in the middle
     * }</pre>
     */
    public static long[] workPerRow(MandelbrotProblem p) {
        long[] w = new long[p.height()];
        for (int r = 0; r < p.height(); r++) {
            double cy = p.y(r);
            for (int c = 0; c < p.width(); c++) w[r] += ScalarMandelbrot.mandel(p.x(c), cy, p.maxIter()) + 1;
        }
        return w;
    }

    /** The shared output image and the per-thread work tally. */
    static final class RowWork {
        final MandelbrotProblem p;
        final int[] counts;
        final Map<Thread, LongAdder> iterationsByThread = new ConcurrentHashMap<>();
        long steals;

        RowWork(MandelbrotProblem p) {
            this.p = p;
            this.counts = new int[p.pixels()];
        }

        /** Rows [from, to): each row written by exactly one thread, so no race on {@code counts}. */
        void rows(int from, int to) {
            long iterations = 0;
            for (int r = from; r < to; r++) {
                double cy = p.y(r);
                int base = r * p.width();
                for (int c = 0; c < p.width(); c++) {
                    int n = ScalarMandelbrot.mandel(p.x(c), cy, p.maxIter());
                    counts[base + c] = n;
                    iterations += n + 1;   // the loop ran n+1 times (or maxIter when it never escaped)
                }
            }
            iterationsByThread.computeIfAbsent(Thread.currentThread(), t -> new LongAdder()).add(iterations);
        }
    }

    private static final class Rows extends RecursiveAction {
        private final int from, to, grain;
        private final RowWork work;

        Rows(int from, int to, int grain, RowWork work) {
            this.from = from;
            this.to = to;
            this.grain = grain;
            this.work = work;
        }

        @Override
        protected void compute() {
            if (to - from <= grain) {
                work.rows(from, to);
                return;
            }
            int mid = (from + to) >>> 1;
            invokeAll(new Rows(from, mid, grain, work), new Rows(mid, to, grain, work));
        }
    }

    private static void joinAll(List<Thread> workers) {
        try {
            for (Thread w : workers) w.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the row threads", e);
        }
    }
}
