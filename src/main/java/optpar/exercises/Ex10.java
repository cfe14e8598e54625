package optpar.exercises;

import optpar.Course;
import optpar.heat.HeatProblem;
import optpar.heat.NaiveHeat;
import optpar.loops.PrangeRace;
import optpar.measure.Sweep;
import tech.tablesaw.api.Table;

import java.util.Locale;

/** The exercises of notebook 10, parallel loops. */
public final class Ex10 {
    private Ex10() {}

    /** Exercise 1: a parallel heat step. */
    public static final One one = new One();
    /** Exercise 2: Amdahl by hand. */
    public static final Two two = new Two();
    /** Exercise 3: another fix for {@code prange_wrong_result}. */
    public static final Three three = new Three();

    /** Your heat solver: the final grid after {@code p.steps()} steps, on {@code threads} threads. */
    @FunctionalInterface
    public interface HeatSolver {
        double[] solve(HeatProblem p, int threads) throws Throwable;
    }

    public static final class One extends Exercise {
        One() {
            super("10", 1, "a parallel heat step",
                    "two buffers: u (read) and next (written); each step IntStream.range(1, n - 1).parallel().forEach(i -> a row of next from u), then swap",
                    "copy the initial grid into both buffers first, so the boundary stays in both; run the stream inside Pools.inPool(threads, ...)",
                    "Ex10.one.check((p, t) -> parallelHeat(p, t)) with double[] parallelHeat(HeatProblem p, int threads)");
        }

        /** Bit-identical to {@code NaiveHeat} on random sizes, step counts and thread counts; then 70% of the ideal speed-up. */
        public Outcome judge(HeatSolver mine) {
            if (mine == null) return Outcome.notSolved("no parallel solver yet");
            Outcome right = Trials.<int[], double[]>of("the heat grid")
                    .inputs(20, (r, i) -> new int[] {3 + r.nextInt(4 + 4 * i), r.nextInt(3 + i), 1 + r.nextInt(4)})
                    .plus(new int[] {3, 1, 1}, new int[] {4, 2, 2})
                    .size(in -> (long) in[0] * in[0] * Math.max(1, in[1]))
                    .describe(in -> "n=" + in[0] + ", " + in[1] + " steps, " + in[2] + " threads")
                    .reference(in -> new NaiveHeat().solve(new HeatProblem(in[0], in[1]), 1))
                    .run("your parallel heat", in -> mine.solve(new HeatProblem(in[0], in[1]), in[2]));
            if (!right.solved()) return right;
            int threads = Course.cores();
            Speed target = Speed.parallel(0.7, threads);
            if (target == null) return right.and("one core: no speed-up to judge");
            var big = new HeatProblem(Course.size(1024, 256), Course.size(40, 10));
            Outcome fast = target.compare("yours on 1 thread", () -> mine.solve(big, 1), "yours on " + threads + " threads", () -> mine.solve(big, threads));
            return fast.solved() ? right.and("speed-up " + fast.message()) : fast;
        }

        public void check(HeatSolver mine) { report(() -> judge(mine)); }

        public void mustPass(HeatSolver mine) { require(() -> judge(mine)); }
    }

    public static final class Two extends Exercise {
        Two() {
            super("10", 2, "Amdahl by hand",
                    "find the row of streamRows with threads == 2 and read its speedup column: streamRows.doubleColumn(Sweep.SPEEDUP)",
                    "s = (p / S - 1) / (p - 1), with p = 2 and S that speed-up",
                    "Ex10.two.check(s, streamRows)");
        }

        /** Your serial fraction from the 2-thread point of the table (within 0.01). */
        public Outcome judge(double serialFraction, Table streamRows) {
            if (streamRows == null) return Outcome.notSolved("pass the stream rows of the sweep too");
            if (Double.isNaN(serialFraction)) return Outcome.notSolved("no serial fraction yet");
            int[] ts = streamRows.intColumn(Sweep.THREADS).asIntArray();
            double[] sp = streamRows.doubleColumn(Sweep.SPEEDUP).asDoubleArray();
            for (int i = 0; i < ts.length; i++) {
                if (ts[i] == 2) {
                    double s = (2 / sp[i] - 1) / (2 - 1);
                    if (Math.abs(serialFraction - (1 - s)) <= 0.01 && Math.abs(s - 0.5) > 0.02) {
                        return Outcome.wrong(String.format(Locale.ROOT, "%.3f is the parallel fraction 1 - s; the serial fraction is s = %.3f", serialFraction, s));
                    }
                    return close("serial fraction s from the 2-thread point", serialFraction, s, 0.01, String.format(Locale.ROOT,
                            "With S = %.2f on 2 threads. Points past the cores stay near the core count, and Amdahl's law blames a serial part "
                                    + "for what is a lack of cores: such points make the fit larger", sp[i]));
                }
            }
            return Outcome.notSolved("the table has no 2-thread row: sweep threads 1 and 2 at least");
        }

        public void check(double serialFraction, Table streamRows) { report(() -> judge(serialFraction, streamRows)); }

        public void mustPass(double serialFraction, Table streamRows) { require(() -> judge(serialFraction, streamRows)); }
    }

    /** Your DoubleAdder version of the prange example. */
    @FunctionalInterface
    public interface Adders {
        double[] apply(double[] x, int threads) throws Throwable;
    }

    public static final class Three extends Exercise {
        Three() {
            super("10", 3, "another fix for prange_wrong_result",
                    "var adders = new DoubleAdder[PrangeRace.WIDTH]; fill it with new DoubleAdder()",
                    "IntStream.range(0, x.length).parallel().forEach(i -> { for (DoubleAdder a : adders) a.add(x[i]); }) inside Pools.inPool(threads, ...); then each adder's sum()",
                    "Ex10.three.check((a, t) -> withAdders(a, t)) with double[] withAdders(double[] x, int threads)");
        }

        /** Equal to {@code PrangeRace.sequential} on random whole numbers, on 1 to 4 threads. */
        public Outcome judge(Adders mine) {
            if (mine == null) return Outcome.notSolved("no DoubleAdder version yet");
            return Trials.<Object[], double[]>of("the four sums")
                    .inputs(20, (r, i) -> new Object[] {PrangeRace.wholeNumbers(r.nextInt(5_000 * (i + 1)), r.nextLong()), 1 + r.nextInt(4)})
                    .size(in -> ((double[]) in[0]).length)
                    .describe(in -> ((double[]) in[0]).length + " whole numbers " + Trials.show(in[0]) + ", " + in[1] + " threads")
                    .reference(in -> PrangeRace.sequential((double[]) in[0]))
                    .run("your DoubleAdder version", in -> mine.apply(((double[]) in[0]).clone(), (Integer) in[1]))
                    .and("right on whole numbers (their sums are exact in doubles); but every iteration updates four shared cells, "
                            + "where the reduction adds into private arrays and combines them once: time them");
        }

        public void check(Adders mine) { report(() -> judge(mine)); }

        public void mustPass(Adders mine) { require(() -> judge(mine)); }
    }
}
