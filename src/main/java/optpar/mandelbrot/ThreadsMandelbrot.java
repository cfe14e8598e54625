package optpar.mandelbrot;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Plain platform threads, started and joined by hand: the lowest level of Java parallelism.
 *
 * <p>Each of {@code threads} threads takes a fixed share of the rows. <em>Which</em> share matters:
 * <ul>
 *   <li>{@link Split#BANDS} gives thread k one contiguous band of rows. It looks natural but balances
 *       badly: the rows through the middle of the image cross the set, where every pixel runs to
 *       maxIter, while the top and bottom rows escape after a few iterations. With 2 threads the
 *       halves happen to be mirror images and take the same time, but with 3 threads the middle band
 *       holds most of the work and the other two threads wait for it.</li>
 *   <li>{@link Split#INTERLEAVED} (the default) gives thread k the rows k, k+T, k+2T, ...: every thread
 *       gets a fair sample of cheap and expensive rows, so all finish at about the same time. It is
 *       still a static split (decided before the work starts); {@link ExecutorMandelbrot} and
 *       {@link ForkJoinMandelbrot} balance dynamically instead.</li>
 * </ul>
 * The threads write disjoint rows of one shared array, so no locking is needed; {@link Thread#join()}
 * makes their writes visible to the caller.
 *
 * <pre>{@code
 * int[] fair = new ThreadsMandelbrot().compute(MandelbrotProblem.HEAVY, 3);
 * int[] same = new ThreadsMandelbrot(ThreadsMandelbrot.Split.BANDS).compute(MandelbrotProblem.HEAVY, 3); // slower
 * }</pre>
 */
public final class ThreadsMandelbrot implements MandelbrotKernel {

    /** How rows are shared out among the threads. */
    public enum Split {
        /** Thread k gets rows [k*H/T, (k+1)*H/T): simple, but unbalanced. */
        BANDS,
        /** Thread k gets rows k, k+T, k+2T, ...: balanced on this image. */
        INTERLEAVED
    }

    private final Split split;

    /** Interleaved rows, the balanced split. */
    public ThreadsMandelbrot() {
        this(Split.INTERLEAVED);
    }

    /** The given split, to compare {@link Split#BANDS} with {@link Split#INTERLEAVED}. */
    public ThreadsMandelbrot(Split split) {
        this.split = split;
    }

    @Override public String name() { return split == Split.INTERLEAVED ? "threads" : "threads-bands"; }

    @Override public String description() {
        return split == Split.INTERLEAVED
                ? "platform threads, rows interleaved (thread k: rows k, k+T, ...)"
                : "platform threads, one contiguous band of rows each (unbalanced)";
    }

    @Override public boolean parallel() { return true; }

    @Override
    public int[] compute(MandelbrotProblem p, int threads) {
        MandelbrotKernel.requireThreads(threads);
        int[] counts = new int[p.pixels()];
        int h = p.height();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<Thread> started = new ArrayList<>();
        for (int k = 0; k < threads; k++) {
            final int id = k;
            Runnable work = split == Split.INTERLEAVED
                    ? () -> { for (int r = id; r < h; r += threads) ScalarMandelbrot.row(p, r, counts); }
                    : () -> {
                        int from = (int) ((long) id * h / threads), to = (int) ((long) (id + 1) * h / threads);
                        for (int r = from; r < to; r++) ScalarMandelbrot.row(p, r, counts);
                    };
            Thread t = new Thread(work, "mandelbrot-" + k);
            t.setUncaughtExceptionHandler((th, e) -> failure.compareAndSet(null, e));
            started.add(t);
            t.start();
        }
        joinAll(started);
        if (failure.get() != null) throw new IllegalStateException("a worker thread failed: " + failure.get(), failure.get());
        return counts;
    }

    /** Waits for every thread; an interrupt of the caller is kept and the remaining threads still joined. */
    static void joinAll(List<Thread> threads) {
        boolean interrupted = false;
        for (Thread t : threads) {
            while (true) {
                try {
                    t.join();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        if (interrupted) Thread.currentThread().interrupt();
    }
}
