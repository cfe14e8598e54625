package optpar.exercises;

import optpar.Course;
import optpar.measure.Machine;
import optpar.measure.Timing;
import optpar.measure.AllocationCounter;
import optpar.vectorize.BoxedVsPrimitive;
import optpar.vectorize.Polynomial;
import optpar.vectorize.Reductions;

import java.util.Locale;

/** The exercises of notebook 03, vectorization. */
public final class Ex03 {
    private Ex03() {}

    /** Exercise 1: fuse {@code sqrt(x² + 1) - 1}. */
    public static final One one = new One();
    /** Exercise 2: a vector reduction. */
    public static final Two two = new Two();
    /** Exercise 3: layout, not boxing. */
    public static final Three three = new Three();

    /** Your fused loop: writes {@code sqrt(x[i]² + 1) - 1} into {@code out}. */
    @FunctionalInterface
    public interface Fused {
        void compute(double[] x, double[] out) throws Throwable;
    }

    /** Random doubles of random size and magnitude: the fields vary, not only the sizes. */
    static double[] randomArray(java.util.Random r, int n) {
        double scale = Math.pow(10, r.nextInt(7) - 3);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) x[i] = scale * (2 * r.nextDouble() - 1);
        return x;
    }

    static double[] temporaries(double[] x) {
        double[] plusOne = Polynomial.plus(Polynomial.square(x), 1.0);
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) y[i] = Math.sqrt(plusOne[i]) - 1;
        return y;
    }

    public static final class One extends Exercise {
        One() {
            super("03", 1, "fuse another expression",
                    "one loop: y[i] = Math.sqrt(x[i] * x[i] + 1.0) - 1; write into the out array you are given, allocate nothing",
                    "the same operations in the same order give the same bits as the temporaries version",
                    "Ex03.one.check((in, out) -> fusedVersion(in, out)) with double[] fusedVersion(double[] x, double[] y)");
        }

        /** Bit-identical to the temporaries version on random arrays; allocates nothing; at least 1.2x faster. */
        public Outcome judge(Fused fused) {
            if (fused == null) return Outcome.notSolved("no fused loop yet");
            Outcome right = Trials.<double[], double[]>of("sqrt(x² + 1) - 1")
                    .inputs(25, (r, i) -> randomArray(r, r.nextInt(40 * (i + 1))))
                    .plus(new double[0], new double[] {0.5}, new double[] {-3, 4})
                    .size(x -> x.length)
                    .describe(x -> "x of length " + x.length + " " + Trials.show(x))
                    .reference(Ex03::temporaries)
                    .run("your fused loop", x -> { double[] out = new double[x.length]; fused.compute(x.clone(), out); return out; });
            if (!right.solved()) return right;
            int n = Course.size(2_000_000, 200_000);
            double[] x = BoxedVsPrimitive.randomArray(n, 3), out = new double[n];
            Bounded.Attempt<Long> bytes = Bounded.call("your fused loop", Bounded.defaultBound(), () -> {
                fused.compute(x, out);                       // the first call may allocate while it is being compiled
                return AllocationCounter.bytes(() -> { try { fused.compute(x, out); } catch (Throwable t) { throw new RuntimeException(t); } });
            });
            if (bytes.failed()) return bytes.failure();
            if (bytes.value() > n) {
                return Outcome.wrong(String.format(Locale.ROOT, "your fused loop allocated %.1f MB for %d doubles: it still makes temporaries "
                        + "(write into the out array)", bytes.value() / 1e6, n));
            }
            Outcome fast = Speed.target(1.2, "at least 1.2x the temporaries version")
                    .compare("the temporaries version", () -> temporaries(x), "your fused loop", () -> fused.compute(x, out));
            return fast.solved() ? right.and(bytes.value() + " bytes allocated for " + n + " doubles; " + fast.message()) : fast;
        }

        public void check(Fused fused) { report(() -> judge(fused)); }

        public void mustPass(Fused fused) { require(() -> judge(fused)); }
    }

    /** Your sum of squares. */
    @FunctionalInterface
    public interface SumOfSquares {
        double sum(double[] x) throws Throwable;
    }

    static double scalarSumOfSquares(double[] x) {
        double s = 0;
        for (double v : x) s += v * v;
        return s;
    }

    public static final class Two extends Exercise {
        Two() {
            super("03", 2, "a vector reduction",
                    "var s = DoubleVector.SPECIES_PREFERRED; DoubleVector acc = DoubleVector.zero(s); loop i up to s.loopBound(x.length) in steps of s.length()",
                    "acc = v.fma(v, acc) adds v*v lane by lane; after the loop acc.reduceLanes(VectorOperators.ADD), then a scalar loop for the tail",
                    "lengths that are not a multiple of the lanes need the tail: the check tries them all");
        }

        /** Within the reordering tolerance of the scalar loop on random arrays of every small length; at least 1.5x the scalar loop. */
        public Outcome judge(SumOfSquares mine) {
            if (mine == null) return Outcome.notSolved("no vector sum of squares yet");
            Outcome tolerant = Trials.<double[], double[]>of("the sum of squares, within Reductions.reorderingTolerance")
                    .inputs(40, (r, i) -> randomArray(r, i < 20 ? i : r.nextInt(5000)))
                    .size(x -> x.length)
                    .describe(x -> "x of length " + x.length + " " + Trials.show(x))
                    .reference(x -> new double[] {scalarSumOfSquares(x), Reductions.reorderingTolerance(Polynomial.square(x))})
                    .same((e, a) -> Math.abs(e[0] - a[0]) <= e[1])
                    .show(v -> String.valueOf(v[0]))
                    .run("your vector sum", x -> new double[] {mine.sum(x.clone())});
            if (!tolerant.solved()) return tolerant;
            if (Machine.here().doubleLanes() < 2) return tolerant.and("this machine has no SIMD lanes for doubles: no speed target");
            int n = Course.size(1_000_000, 100_000);
            double[] x = BoxedVsPrimitive.randomArray(n, 5);
            Outcome fast = Speed.target(1.5, "at least 1.5x the scalar loop")
                    .compare("the scalar loop", () -> scalarSumOfSquares(x), "your vector sum", () -> mine.sum(x));
            return fast.solved() ? tolerant.and(fast.message()) : fast;
        }

        public void check(SumOfSquares mine) { report(() -> judge(mine)); }

        public void mustPass(SumOfSquares mine) { require(() -> judge(mine)); }
    }

    public static final class Three extends Exercise {
        Three() {
            super("03", 3, "layout, not boxing",
                    "time BoxedVsPrimitive.loopOverList on BoxedVsPrimitive.boxed(x, false), on boxed(x, true) and loopOverArray(x), each with Timing.measure",
                    "the share of the slowness due to layout is (scattered - in order) / (scattered - array), from the medians",
                    "Ex03.three.check(scattered, inOrder, array, share)");
        }

        /** The three measurements are of the same numbers, and the share is computed from their medians (within 0.05). */
        public Outcome judge(Timing.Result<?> scattered, Timing.Result<?> inOrder, Timing.Result<?> array, double layoutShare) {
            if (scattered == null || inOrder == null || array == null) return Outcome.notSolved("pass the three Timing results (scattered, in order, array)");
            if (!(scattered.value() instanceof Double s) || !(inOrder.value() instanceof Double o) || !(array.value() instanceof Double a)) {
                return Outcome.wrong("measure the loops with Timing.measure(label, warmups, repeats, () -> BoxedVsPrimitive.loopOverList(...)): their values are the sums");
            }
            if (!s.equals(o)) return Outcome.wrong("the two lists summed to " + s + " and " + o + ": they must hold the same numbers (boxed(x, true) and boxed(x, false))");
            if (Math.abs(s - a) > 1e-9 * Math.max(1, Math.abs(a))) return Outcome.wrong("the array sums to " + a + ", the lists to " + s + ": use the same x");
            double gap = scattered.median() - array.median();
            if (gap <= 0) return Outcome.solved("the scattered list was not slower than the array here: nothing to share out (quick mode's list may fit in cache)");
            double expected = (scattered.median() - inOrder.median()) / gap;
            return close("share of the boxed list's extra time due to scattered boxes", layoutShare, expected, 0.05,
                    "Boxes allocated in order lie side by side, so the prefetcher streams them; scattered boxes cost a cache miss each. "
                            + "The rest of the gap is the pointer and the unboxing.");
        }

        public void check(Timing.Result<?> scattered, Timing.Result<?> inOrder, Timing.Result<?> array, double layoutShare) {
            report(() -> judge(scattered, inOrder, array, layoutShare));
        }

        public void mustPass(Timing.Result<?> scattered, Timing.Result<?> inOrder, Timing.Result<?> array, double layoutShare) {
            require(() -> judge(scattered, inOrder, array, layoutShare));
        }
    }
}
