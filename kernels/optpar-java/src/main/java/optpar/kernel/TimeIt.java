package optpar.kernel;

import java.util.Arrays;

/**
 * What {@code %%timeit} and {@code %timeit} run: honest timing for a JIT-compiled language.
 *
 * <p>Python's timeit can start measuring at once; Java's first runs are interpreted and compiled
 * on the way. So: warm-up runs first (at least {@code warmups}, and at least {@link #WARMUP_SECONDS}),
 * then a number of loops per run chosen so one run lasts about {@link #RUN_SECONDS} (the clock's
 * resolution and the call's cost vanish), then {@code repeats} runs. The report gives the best run
 * (the least disturbed), the median (the typical) and the spread between them, per loop.
 *
 * <pre>{@code
 * %%timeit -r 7
 * Arrays.sort(data.clone());
 * }</pre>
 * prints {@code best 1.52 ms, median 1.60 ms, spread 1.52-1.91 ms (26%) per loop: 7 runs x 64 loops, after 40 warm-up loops}.
 */
public final class TimeIt {

    static final double WARMUP_SECONDS = 0.3;
    static final double RUN_SECONDS = 0.02;
    /** Where results go, so that the JIT cannot drop the work as dead code. */
    public static volatile Object sink;

    private TimeIt() {
    }

    /**
     * Times {@code body}; {@code loops} or {@code warmups} of 0 mean "choose".
     *
     * @throws IllegalArgumentException for a negative count or fewer than 1 repeat
     */
    /** A body with a value; it may throw (a cell's {@code Thread.sleep} does). */
    @FunctionalInterface
    public interface Body {
        Object get() throws Exception;
    }

    /** A body without a value. */
    @FunctionalInterface
    public interface Action {
        void run() throws Exception;
    }

    public static String run(Body body, int warmups, int repeats, int loops) throws Exception {
        if (warmups < 0 || loops < 0) throw new IllegalArgumentException("timeit: -w and -n take 0 or more (0: choose)");
        if (repeats < 1) throw new IllegalArgumentException("timeit: -r takes 1 or more runs");
        int warm = 0;
        long warmStart = System.nanoTime();
        double perLoop;
        do {
            sink = body.get();
            warm++;
            perLoop = (System.nanoTime() - warmStart) * 1e-9 / warm;
        } while (warm < Math.max(1, warmups) || (warmups == 0 && (System.nanoTime() - warmStart) * 1e-9 < WARMUP_SECONDS));
        int n = loops > 0 ? loops : (int) Math.max(1, Math.min(1_000_000, Math.ceil(RUN_SECONDS / Math.max(perLoop, 1e-9))));
        double[] seconds = new double[repeats];
        for (int r = 0; r < repeats; r++) {
            long t0 = System.nanoTime();
            for (int i = 0; i < n; i++) sink = body.get();
            seconds[r] = (System.nanoTime() - t0) * 1e-9 / n;
        }
        Arrays.sort(seconds);
        double best = seconds[0], median = seconds[repeats / 2], worst = seconds[repeats - 1];
        return String.format("best %s, median %s, spread %s-%s (%.0f%%) per loop: %d runs x %d loops, after %d warm-up loops",
                format(best), format(median), format(best), format(worst), 100 * (worst - best) / best, repeats, n, warm);
    }

    /** {@link #run} for a body without a value. */
    public static String run(Action body, int warmups, int repeats, int loops) throws Exception {
        return run(() -> {
            body.run();
            return null;
        }, warmups, repeats, loops);
    }

    /** "812 ns", "35.2 µs", "4.56 ms", "1.23 s". */
    static String format(double s) {
        if (s < 1e-6) return String.format("%.1f ns", s * 1e9);
        if (s < 1e-3) return String.format("%.3g µs", s * 1e6);
        if (s < 1) return String.format("%.3g ms", s * 1e3);
        return String.format("%.3g s", s);
    }
}
