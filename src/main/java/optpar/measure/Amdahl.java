package optpar.measure;

import java.util.Locale;

/**
 * Amdahl's law: if a fraction {@code s} of a program's one-thread time is serial, then on
 * {@code p} threads
 * <pre>
 *     T(p) = T(1) (s + (1 - s) / p)        speed-up  S(p) = T(1) / T(p) = 1 / (s + (1 - s) / p)
 * </pre>
 * and however many threads you add, the speed-up never passes {@code 1 / s}: 5% serial work caps
 * it at 20x.
 *
 * <p><b>The fit.</b> Turned around, the law is a straight line through the origin:
 * {@code 1/S(p) - 1/p = s (1 - 1/p)}. With {@code x = 1 - 1/p} and {@code y = 1/S - 1/p} for each
 * measured point, least squares gives {@code s = sum(x y) / sum(x x)} (clamped to [0, 1]). The fit
 * is in the time domain (the relative time {@code 1/S}), where Amdahl's model is linear; points at
 * one thread ({@code x = 0}) carry no information about {@code s}.
 *
 * <pre>{@code
 * Amdahl a = Amdahl.fit(new int[] {1, 2, 4, 8}, new double[] {1.0, 1.82, 3.08, 4.71});
 * a.serialFraction();   // about 0.1
 * a.predict(16);        // the speed-up the model expects on 16 threads
 * a.maxSpeedup();       // 1 / s: the ceiling
 * }</pre>
 *
 * @param serialFraction the serial fraction s, in [0, 1]
 */
public record Amdahl(double serialFraction) {
    public Amdahl {
        if (!(serialFraction >= 0 && serialFraction <= 1)) {
            throw new IllegalArgumentException("serial fraction " + serialFraction + " is not allowed: it must be in [0, 1]");
        }
    }

    /**
     * The least-squares serial fraction of measured (threads, speed-up) points.
     *
     * @throws IllegalArgumentException when the arrays differ in length, a thread count is below 1,
     *                                  a speed-up is not positive, or no point has more than one thread
     */
    public static Amdahl fit(int[] threads, double[] speedups) {
        if (threads.length != speedups.length) {
            throw new IllegalArgumentException("threads (" + threads.length + ") and speedups (" + speedups.length
                    + ") must have the same length");
        }
        double sxy = 0, sxx = 0;
        for (int i = 0; i < threads.length; i++) {
            if (threads[i] < 1) throw new IllegalArgumentException("thread count " + threads[i] + " is not allowed: at least 1");
            if (!(speedups[i] > 0) || Double.isInfinite(speedups[i])) {
                throw new IllegalArgumentException("speed-up " + speedups[i] + " is not allowed: it must be positive and finite");
            }
            double x = 1 - 1.0 / threads[i];
            double y = 1 / speedups[i] - 1.0 / threads[i];
            sxy += x * y;
            sxx += x * x;
        }
        if (sxx == 0) throw new IllegalArgumentException("cannot fit Amdahl's law: give at least one point with more than one thread");
        return new Amdahl(Math.clamp(sxy / sxx, 0.0, 1.0));
    }

    /**
     * The fit on the points with at most {@code cores} threads only: Amdahl's law assumes a core per
     * thread, and past the cores a curve flattens because the cores ran out, not because of a serial
     * part. This is the fit {@link Charts#speedup} draws, so print this one beside its chart.
     *
     * <pre>{@code
     * Amdahl.fitUpTo(new int[] {1, 2, 4, 8}, new double[] {1, 1.97, 2.0, 1.99}, 2);   // s near 0.015, not 0.35
     * }</pre>
     *
     * @throws IllegalArgumentException when fewer than one point with 2..cores threads remains
     */
    public static Amdahl fitUpTo(int[] threads, double[] speedups, int cores) {
        if (threads.length != speedups.length) {
            throw new IllegalArgumentException("threads (" + threads.length + ") and speedups (" + speedups.length + ") must have the same length");
        }
        if (cores < 1) throw new IllegalArgumentException("cores = " + cores + " is not allowed: at least 1");
        int[] keep = java.util.stream.IntStream.range(0, threads.length).filter(i -> threads[i] <= cores).toArray();
        int[] t = java.util.Arrays.stream(keep).map(i -> threads[i]).toArray();
        double[] s = java.util.Arrays.stream(keep).mapToDouble(i -> speedups[i]).toArray();
        if (java.util.Arrays.stream(t).noneMatch(x -> x > 1)) {
            throw new IllegalArgumentException("cannot fit Amdahl's law on " + cores + " core(s): give a point with 2.." + Math.max(2, cores)
                    + " threads (points past the cores are left out)");
        }
        return fit(t, s);
    }

    /** True when {@link #fitUpTo} can fit these points: at least one has 2..cores threads. */
    public static boolean canFitUpTo(int[] threads, int cores) {
        return java.util.Arrays.stream(threads).anyMatch(x -> x > 1 && x <= cores);
    }

    /** The fraction that runs in parallel, {@code 1 - s}. */
    public double parallelFraction() {
        return 1 - serialFraction;
    }

    /** The speed-up the law predicts on {@code threads} threads: {@code 1 / (s + (1 - s) / p)}. */
    public double predict(double threads) {
        if (!(threads > 0)) throw new IllegalArgumentException("threads " + threads + " is not allowed: it must be positive");
        return 1 / (serialFraction + (1 - serialFraction) / threads);
    }

    /** The ceiling {@code 1 / s} (infinite when s = 0). */
    public double maxSpeedup() {
        return 1 / serialFraction;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "Amdahl[serial fraction %.3f, max speed-up %.3g]", serialFraction, maxSpeedup());
    }
}
