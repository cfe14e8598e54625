package optpar.mandelbrot;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Both kinds of parallelism at once: SIMD lanes inside each core ({@link VectorMandelbrot}'s row
 * loop) and several cores, each taking the next row from a shared counter.
 *
 * <p>The {@link AtomicInteger} row counter is the simplest dynamic schedule: a thread that finishes a
 * cheap row just takes the next one, so no thread waits for another at the end (compare the static
 * split of {@link ThreadsMandelbrot}). One {@code getAndIncrement} per row costs nothing next to a row.
 *
 * <pre>{@code
 * int[] counts = new VectorThreadsMandelbrot().compute(MandelbrotProblem.HEAVY, 2);
 * }</pre>
 */
public final class VectorThreadsMandelbrot implements MandelbrotKernel {

    @Override public String name() { return "vector-threads"; }

    @Override public String description() { return "Vector API rows on platform threads, next row from an AtomicInteger"; }

    @Override public boolean parallel() { return true; }

    @Override
    public int[] compute(MandelbrotProblem p, int threads) {
        MandelbrotKernel.requireThreads(threads);
        int[] counts = new int[p.pixels()];
        double[] xs = VectorMandelbrot.columns(p);
        AtomicInteger nextRow = new AtomicInteger();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Runnable work = () -> {
            for (int r = nextRow.getAndIncrement(); r < p.height(); r = nextRow.getAndIncrement()) {
                VectorMandelbrot.row(p, r, xs, counts);
            }
        };
        List<Thread> started = new ArrayList<>();
        for (int k = 0; k < threads; k++) {
            Thread t = new Thread(work, "mandelbrot-vector-" + k);
            t.setUncaughtExceptionHandler((th, e) -> failure.compareAndSet(null, e));
            started.add(t);
            t.start();
        }
        ThreadsMandelbrot.joinAll(started);
        if (failure.get() != null) throw new IllegalStateException("a worker thread failed: " + failure.get(), failure.get());
        return counts;
    }
}
