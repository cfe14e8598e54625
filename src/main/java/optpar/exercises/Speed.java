package optpar.exercises;

import optpar.Course;

import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * A speed target judged against a reference measured in the same check, on this machine.
 *
 * <p>A fixed number ("under 50 ms") fails on a slow laptop and means nothing on a fast node. So the
 * reference runs here too, alternating with the learner's code: warm-up calls first (the JIT), then
 * {@code rounds} timed pairs. Each pair gives one ratio reference/yours; the verdict is on the median
 * ratio. When the ratios spread too widely (the interquartile range over more than half the median:
 * another program took the cores) and that range straddles the target, the check says it cannot
 * decide, instead of guessing.
 *
 * <pre>{@code
 * Outcome o = Speed.target(1.5, "at least 1.5x the scalar loop")
 *         .compare("the scalar loop", () -> scalar(x), "your vector loop", () -> mine(x));
 * // SOLVED: "3.1x the scalar loop (median of 7 rounds; target: at least 1.5x the scalar loop)"
 * }</pre>
 *
 * <p>In quick mode (the tests' sizes) the work is too small to show a speed-up: the ratio is
 * measured and printed, and a miss is not held against the answer.
 */
public final class Speed {
    /** Above this spread (IQR / median of the ratios) a verdict would be a guess. */
    public static final double NOISE_LIMIT = 0.5;

    private final double target;
    private final String targetText;
    private int warmups = Course.size(3, 1);
    private int rounds = Course.size(7, 3);
    private LongSupplier clock = System::nanoTime;
    private boolean judgeInQuickMode = false;
    private Duration bound = Duration.ofSeconds(Course.size(120, 30));

    private Speed(double target, String targetText) {
        if (!(target > 0)) throw new IllegalArgumentException("a speed target must be a positive ratio, not " + target);
        this.target = target;
        this.targetText = targetText;
    }

    /** A target ratio reference time / learner's time, and how to say it. */
    public static Speed target(double ratio, String text) {
        return new Speed(ratio, text);
    }

    /**
     * The parallel target "at least {@code fraction} of the ideal speed-up on min(threads, cores)", or
     * {@code null} when that is one core (nothing to judge).
     */
    public static Speed parallel(double fraction, int threads) {
        int usable = Math.min(threads, Course.cores());
        if (usable < 2) return null;
        return new Speed(fraction * usable, String.format(Locale.ROOT, "at least %.0f%% of the ideal %dx on min(%d threads, %d cores)",
                fraction * 100, usable, threads, Course.cores()));
    }

    /** Warm-up pairs before the timed ones. */
    public Speed warmups(int warmups) { this.warmups = Math.max(0, warmups); return this; }

    /** Timed pairs; the verdict is on their median ratio. */
    public Speed rounds(int rounds) { this.rounds = Math.max(1, rounds); return this; }

    /** The clock (tests pass a fake one). */
    public Speed clock(LongSupplier nanoTime) { this.clock = nanoTime; return this; }

    /** Judge even in quick mode (the unit tests do). */
    public Speed judgeInQuickMode() { this.judgeInQuickMode = true; return this; }

    /** The bound on the whole measurement. */
    public Speed bound(Duration bound) { this.bound = bound; return this; }

    /** The ratios of the timed rounds: reference time over the learner's. */
    public record Measurement(double[] ratios, double median, double q1, double q3) {
        public double spread() { return median > 0 ? (q3 - q1) / median : Double.POSITIVE_INFINITY; }
    }

    /** Measures, then judges the median ratio against the target. */
    public Outcome compare(String referenceName, Bounded.ThrowingRunnable reference, String learnerName, Bounded.ThrowingRunnable learner) {
        Bounded.Attempt<Measurement> m = Bounded.call("timing " + learnerName, bound, () -> measure(reference, learner));
        if (m.failed()) return m.failure();
        return judge(m.value(), referenceName);
    }

    Measurement measure(Bounded.ThrowingRunnable reference, Bounded.ThrowingRunnable learner) throws Throwable {
        for (int i = 0; i < warmups; i++) { reference.run(); learner.run(); }
        double[] ratios = new double[rounds];
        for (int i = 0; i < rounds; i++) {
            long r, l;
            if (i % 2 == 0) {             // alternate who goes first: neither always meets a warmer cache
                r = time(reference); l = time(learner);
            } else {
                l = time(learner); r = time(reference);
            }
            ratios[i] = r / (double) Math.max(1, l);
        }
        return summarize(ratios);
    }

    static Measurement summarize(double[] ratios) {
        double[] s = ratios.clone();
        Arrays.sort(s);
        return new Measurement(ratios, quantile(s, 0.5), quantile(s, 0.25), quantile(s, 0.75));
    }

    private long time(Bounded.ThrowingRunnable body) throws Throwable {
        long t0 = clock.getAsLong();
        body.run();
        return clock.getAsLong() - t0;
    }

    Outcome judge(Measurement m, String referenceName) {
        String measured = String.format(Locale.ROOT, "%.2fx %s (median of %d rounds; target: %s)", m.median(), referenceName,
                m.ratios().length, targetText);
        boolean judged = judgeInQuickMode || !Course.quick();
        // Noise matters only when it straddles the target: if even the lower quartile meets it, it is met.
        boolean straddles = m.q1() < target && m.q3() >= target;
        if (m.ratios().length >= 3 && m.spread() > NOISE_LIMIT && straddles) {
            String noisy = String.format(Locale.ROOT, "cannot decide: too noisy (ratios from %.2fx to %.2fx; %s); rerun when the machine is quieter",
                    m.q1(), m.q3(), measured);
            return judged ? new Outcome(Outcome.Status.UNDECIDED, noisy) : Outcome.solved("quick mode, speed not judged: " + noisy);
        }
        if (m.median() >= target) return Outcome.solved(measured);
        String slow = "not fast enough: " + measured;
        return judged ? new Outcome(Outcome.Status.TOO_SLOW, slow) : Outcome.solved("quick mode, too small to judge speed: " + slow);
    }

    private static double quantile(double[] sorted, double q) {
        double pos = q * (sorted.length - 1);
        int lo = (int) Math.floor(pos), hi = (int) Math.ceil(pos);
        return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
    }
}
