package optpar.exercises;

import optpar.Course;
import optpar.measure.Timing;
import optpar.measure.AllocationCounter;
import optpar.profiling.SlowAnalysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The exercises of notebook 01, measure first. */
public final class Ex01 {
    private Ex01() {}

    /** Exercise 1: the median nearest-neighbour distance without boxes or {@code Math.pow}. */
    public static final One one = new One();
    /** Exercise 2: one call lies. */
    public static final Two two = new Two();
    /** Exercise 3: small integers. */
    public static final Three three = new Three();

    /** Your median nearest-neighbour distance over the points' coordinates. */
    @FunctionalInterface
    public interface NearestMedian {
        double median(double[] xs, double[] ys) throws Throwable;
    }

    /** The definition, plainly: for each point the distance to its nearest other point; their median. */
    static double referenceMedian(double[] xs, double[] ys) {
        int n = xs.length;
        double[] nearest = new double[n];
        for (int i = 0; i < n; i++) {
            double best = Double.POSITIVE_INFINITY;
            for (int j = 0; j < n; j++) {
                if (j != i) best = Math.min(best, Math.sqrt((xs[i] - xs[j]) * (xs[i] - xs[j]) + (ys[i] - ys[j]) * (ys[i] - ys[j])));
            }
            nearest[i] = best;
        }
        Arrays.sort(nearest);
        return n % 2 == 1 ? nearest[n / 2] : (nearest[n / 2 - 1] + nearest[n / 2]) / 2;
    }

    /** Coordinates of {@code SlowAnalysis.randomPoints(n, seed)}: index 0 the xs, 1 the ys. */
    public static double[][] coordinates(int n, long seed) {
        List<SlowAnalysis.Point> pts = SlowAnalysis.randomPoints(n, seed);
        double[][] c = new double[2][n];
        for (int i = 0; i < n; i++) { c[0][i] = pts.get(i).x(); c[1][i] = pts.get(i).y(); }
        return c;
    }

    public static final class One extends Exercise {
        One() {
            super("01", 1, "rewrite as little as possible",
                    "copy the points into two double[] arrays once; then one loop per point keeps the smallest dx*dx + dy*dy",
                    "take the square root once per point, of the minimum: sqrt is monotonic, so the same neighbour wins",
                    "the median of n values: sort them; the middle one (odd n) or the mean of the two middle ones (even n)");
        }

        /** Right on random point sets (2 to 200 points), then at least 1.5x the boxed version. */
        public Outcome judge(NearestMedian mine) {
            Outcome right = Trials.<double[][], Double>of("the median nearest-neighbour distance")
                    .inputs(25, (r, i) -> coordinates(2 + r.nextInt(8 * (i + 1)), r.nextLong()))
                    .plus(new double[][] {{0, 1}, {0, 0}}, new double[][] {{0, 0, 3}, {0, 1, 0}})
                    .size(c -> c[0].length)
                    .describe(c -> c[0].length + " points " + Trials.show(c[0]).replace("[", "xs=[") + " " + Trials.show(c[1]).replace("[", "ys=["))
                    .reference(c -> referenceMedian(c[0], c[1]))
                    .same((e, a) -> Math.abs(e - a) <= 1e-12 * Math.max(1, Math.abs(e)))
                    .run("your median", c -> mine.median(c[0].clone(), c[1].clone()));
            if (!right.solved()) return right;
            int n = Course.size(2_000, 400);
            double[][] c = coordinates(n, 1);
            Outcome fast = Speed.target(1.5, "at least 1.5x the boxed SlowAnalysis version")
                    .compare("the boxed version", () -> SlowAnalysis.medianNearestNeighbourDistance(n, 1),
                            "your median", () -> mine.median(c[0], c[1]));
            return fast.solved() ? right.and("speed on " + n + " points: " + fast.message()) : fast;
        }

        public void check(NearestMedian mine) { report(() -> judge(mine)); }

        public void mustPass(NearestMedian mine) { require(() -> judge(mine)); }
    }

    public static final class Two extends Exercise {
        Two() {
            super("01", 2, "one call lies",
                    "var warmed = Timing.measure(\"warmed up\", 3, 5, () -> SlowAnalysis.medianNearestNeighbourDistance(points, 2)); then pass the naive seconds and warmed",
                    "the naive seconds are (t1 - t0) / 1e9; the ratio to compare is naive / warmed.best()");
        }

        /** The warmed-up measurement really warmed up (3 warm-ups, 5 repeats) and the first call is not faster than its best. */
        public Outcome judge(double naiveSeconds, Timing.Result<?> warmed) {
            if (warmed == null) return Outcome.notSolved("no warmed-up measurement yet: pass the Timing.Result of Timing.measure(..., 3, 5, ...)");
            if (!(naiveSeconds > 0)) return Outcome.wrong("the naive time must be a positive number of seconds, not " + naiveSeconds);
            if (warmed.warmupSeconds().size() < 3 || warmed.repeats() < 5) {
                return Outcome.wrong("the measurement had " + warmed.warmupSeconds().size() + " warm-up calls and " + warmed.repeats()
                        + " timed ones; the exercise asks for Timing.measure(..., 3, 5, ...)");
            }
            double ratio = naiveSeconds / warmed.best();
            if (ratio < 0.8) {
                return Outcome.wrong(String.format(Locale.ROOT, "your one call (%.1f ms) was faster than the warmed-up best (%.1f ms): "
                        + "did you time the same call, in seconds?", naiveSeconds * 1e3, warmed.best() * 1e3));
            }
            return Outcome.solved(String.format(Locale.ROOT, "the one call took %.1fx the warmed-up best. %s", ratio, ratio < 1.3
                    ? "Close to 1: this kernel had already compiled the code (restart it to see the interpreter and the JIT at work)."
                    : "The first call pays for interpreting and compiling; the best warmed-up call is the steady state."));
        }

        public void check(double naiveSeconds, Timing.Result<?> warmed) { report(() -> judge(naiveSeconds, warmed)); }

        public void mustPass(double naiveSeconds, Timing.Result<?> warmed) { require(() -> judge(naiveSeconds, warmed)); }
    }

    public static final class Three extends Exercise {
        Three() {
            super("01", 3, "small integers",
                    "long smallBytes = AllocationCounter.bytes(() -> { var l = new ArrayList<Integer>(footprintN); for (...) l.add(i % 100); return l; });",
                    "divide each count of bytes by footprintN; pass the two bytes-per-number values, i % 100 first",
                    "Integer.valueOf caches -128..127: the small list holds references to shared objects");
        }

        /** The two bytes-per-number values agree (within 30%) with the check's own measurement of the same lists. */
        public Outcome judge(double smallBytesPerNumber, double largeBytesPerNumber) {
            if (Double.isNaN(smallBytesPerNumber) || Double.isNaN(largeBytesPerNumber) || (smallBytesPerNumber <= 0 && largeBytesPerNumber <= 0)) {
                return Outcome.notSolved("no measurement yet: give the bytes per number of both lists");
            }
            int n = Course.size(400_000, 100_000);
            double small = AllocationCounter.bytes(() -> list(n, 100, false)) / (double) n;
            double large = AllocationCounter.bytes(() -> list(n, 1000, true)) / (double) n;
            if (smallBytesPerNumber > largeBytesPerNumber && Math.abs(smallBytesPerNumber - large) < 0.3 * large + 1) {
                return Outcome.wrong("the two values are the wrong way round: first i % 100, then i * 1000");
            }
            for (double[] pair : new double[][] {{smallBytesPerNumber, small}, {largeBytesPerNumber, large}}) {
                if (Math.abs(pair[0] - pair[1]) > 0.3 * pair[1] + 1) {
                    return Outcome.wrong(String.format(Locale.ROOT, "this check measured %.1f bytes per number (i %% 100) and %.1f (i * 1000); "
                            + "you gave %.1f and %.1f", small, large, smallBytesPerNumber, largeBytesPerNumber));
                }
            }
            return Outcome.solved(String.format(Locale.ROOT, "%.1f and %.1f bytes per number (this check measured %.1f and %.1f). "
                    + "Autoboxing calls Integer.valueOf, which returns shared objects for -128..127: the small list stores only references; "
                    + "each larger number is a new Integer object", smallBytesPerNumber, largeBytesPerNumber, small, large));
        }

        private static List<Integer> list(int n, int k, boolean multiply) {
            var l = new ArrayList<Integer>(n);
            for (int i = 0; i < n; i++) l.add(multiply ? i * k : i % k);
            return l;
        }

        public void check(double smallBytesPerNumber, double largeBytesPerNumber) { report(() -> judge(smallBytesPerNumber, largeBytesPerNumber)); }

        public void mustPass(double smallBytesPerNumber, double largeBytesPerNumber) { require(() -> judge(smallBytesPerNumber, largeBytesPerNumber)); }
    }
}
