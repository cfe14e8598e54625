package optpar.measure;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Times a piece of code the honest way: a few warm-up runs first (the JIT compiles the hot code
 * while they run), then several measured runs, reporting the best and the median.
 *
 * <p>Why the best? Noise on a shared machine only ever makes a run slower, so the best run is the
 * closest to what the code can do; the median says what a typical run costs. Why warm-ups? The
 * JVM starts by interpreting byte code and compiles the hot methods while the program runs: the
 * first run measures the interpreter and the compiler as well as your code. The record keeps the
 * warm-up times, so you can see that effect ({@link Result#first()}, {@link Result#jitRatio()}).
 *
 * <p>When the body returns a value ({@link Supplier}), the value is kept (in the result and in a
 * field the JIT cannot see through), so the JIT cannot remove the computation as dead code.
 * Return what you computed, e.g. the array or its checksum.
 *
 * <pre>{@code
 * var p = new MandelbrotProblem(600, 400, 100);
 * var k = new ScalarMandelbrot();
 * Timing.Result<int[]> r = Timing.measure("scalar", 2, 5, () -> k.compute(p, 1));
 * r.best();        // seconds of the fastest measured run
 * r.median();      // seconds of the typical run
 * r.value();       // the counts of the last run
 *
 * // The JIT at work: every run's time, the first one before anything was compiled.
 * Timing.Result<int[]> cold = Timing.runs("scalar from cold", 10, () -> k.compute(p, 1));
 * cold.seconds();  // e.g. [0.21, 0.09, 0.05, 0.05, ...]
 * }</pre>
 *
 * <p>For benchmarks that must be trusted in a report, use JMH (package {@code optpar.bench}):
 * it forks fresh JVMs and controls far more than this helper can. This is the notebook's quick look.
 */
public final class Timing {
    private Timing() {}

    /** Warm-up runs of {@link #measure(String, Supplier)}. */
    public static final int DEFAULT_WARMUPS = 2;
    /** Measured runs of {@link #measure(String, Supplier)}. */
    public static final int DEFAULT_REPEATS = 5;

    /**
     * The blackhole: every value a body returns is written here. The field is volatile and
     * public-facing code never reads it, but the JIT cannot prove that, so the work stays.
     */
    private static volatile Object sink;

    /**
     * What one measurement found. Times are in seconds, in the order they ran.
     *
     * @param label          the name given to the measurement
     * @param warmupSeconds  the warm-up runs (not counted in best, median, mean)
     * @param seconds        the measured runs
     * @param value          the value the last run returned (null for a {@link Runnable})
     * @param <T>            the body's result type
     */
    public record Result<T>(String label, List<Double> warmupSeconds, List<Double> seconds, T value) {
        public Result {
            if (seconds.isEmpty()) throw new IllegalArgumentException("a timing result needs at least one measured run");
            warmupSeconds = List.copyOf(warmupSeconds);
            seconds = List.copyOf(seconds);
        }

        /** The fastest measured run, in seconds: the closest to what the code can do. */
        public double best() {
            return Collections.min(seconds);
        }

        /** The slowest measured run, in seconds. */
        public double worst() {
            return Collections.max(seconds);
        }

        /** The median of the measured runs, in seconds: the typical run. */
        public double median() {
            double[] s = seconds.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            int m = s.length / 2;
            return s.length % 2 == 1 ? s[m] : (s[m - 1] + s[m]) / 2;
        }

        /** The mean of the measured runs, in seconds. */
        public double mean() {
            return seconds.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        }

        /** The sample standard deviation of the measured runs, in seconds (0 for a single run). */
        public double stddev() {
            if (seconds.size() < 2) return 0;
            double m = mean();
            double ss = seconds.stream().mapToDouble(s -> (s - m) * (s - m)).sum();
            return Math.sqrt(ss / (seconds.size() - 1));
        }

        /** The number of measured runs. */
        public int repeats() {
            return seconds.size();
        }

        /** Every run, warm-ups first: the curve that shows the JIT compiling the code. */
        public List<Double> allSeconds() {
            List<Double> all = new ArrayList<>(warmupSeconds);
            all.addAll(seconds);
            return all;
        }

        /** The very first run (a warm-up when there were any): the cold, not yet compiled code. */
        public double first() {
            return allSeconds().getFirst();
        }

        /** How much slower the first run was than the best: the JIT's (and the caches') effect. */
        public double jitRatio() {
            return first() / best();
        }

        /** How many times faster this is than {@code other}, best against best. */
        public double speedupOver(Result<?> other) {
            return other.best() / best();
        }

        @Override
        public String toString() {
            String s = label + ": best " + format(best()) + ", median " + format(median())
                    + " (" + repeats() + " runs";
            if (!warmupSeconds.isEmpty()) {
                s += " after " + warmupSeconds.size() + " warm-up" + (warmupSeconds.size() == 1 ? "" : "s")
                        + "; first run " + format(first());
            }
            return s + ")";
        }
    }

    /**
     * Runs {@code body} {@code warmups} times untimed-for-the-summary, then {@code repeats} times
     * measured. Keeps the last value the body returned.
     *
     * @throws IllegalArgumentException when {@code warmups < 0} or {@code repeats < 1}
     */
    public static <T> Result<T> measure(String label, int warmups, int repeats, Supplier<T> body) {
        if (warmups < 0) throw new IllegalArgumentException("warmups=" + warmups + " is not allowed: use 0 or more");
        if (repeats < 1) throw new IllegalArgumentException("repeats=" + repeats + " is not allowed: use 1 or more");
        List<Double> warm = new ArrayList<>(warmups);
        List<Double> timed = new ArrayList<>(repeats);
        T last = null;
        for (int i = 0; i < warmups + repeats; i++) {
            // Kernel → Interrupt interrupts the cell's thread: stop between runs, not after all of them.
            if (Thread.currentThread().isInterrupted()) {
                throw new java.util.concurrent.CancellationException(label + ": interrupted after " + i + " of " + (warmups + repeats) + " runs");
            }
            long t0 = System.nanoTime();
            T v = body.get();
            long t1 = System.nanoTime();
            sink = v; // keep the result alive: dead-code elimination cannot drop the work
            last = v;
            (i < warmups ? warm : timed).add((t1 - t0) * 1e-9);
        }
        return new Result<>(label, warm, timed, last);
    }

    /** {@link #measure(String, int, int, Supplier)} for a body without a result. */
    public static Result<Void> measure(String label, int warmups, int repeats, Runnable body) {
        return measure(label, warmups, repeats, () -> {
            body.run();
            return null;
        });
    }

    /** {@link #measure(String, int, int, Supplier)} with {@value #DEFAULT_WARMUPS} warm-ups and {@value #DEFAULT_REPEATS} runs. */
    public static <T> Result<T> measure(String label, Supplier<T> body) {
        return measure(label, DEFAULT_WARMUPS, DEFAULT_REPEATS, body);
    }

    /** {@link #measure(String, int, int, Runnable)} with the default warm-ups and runs. */
    public static Result<Void> measure(String label, Runnable body) {
        return measure(label, DEFAULT_WARMUPS, DEFAULT_REPEATS, body);
    }

    /**
     * Every run measured, none treated as warm-up: {@code result.seconds()} shows the JIT (and the
     * caches) warming up, run by run. Chart it with {@link Charts#runs(Result)}.
     */
    public static <T> Result<T> runs(String label, int runs, Supplier<T> body) {
        return measure(label, 0, runs, body);
    }

    /** {@link #runs(String, int, Supplier)} for a body without a result. */
    public static Result<Void> runs(String label, int runs, Runnable body) {
        return measure(label, 0, runs, body);
    }

    /**
     * One row per result: label, best, median, mean, first run (seconds), runs, and the speed-up of
     * each against the first result.
     *
     * <pre>{@code
     * Timing.table(slow, fast);   // a tablesaw Table the notebook prints
     * }</pre>
     */
    public static Table table(List<? extends Result<?>> results) {
        if (results.isEmpty()) throw new IllegalArgumentException("no results to tabulate: give at least one");
        StringColumn label = StringColumn.create("label");
        DoubleColumn best = DoubleColumn.create("best_s");
        DoubleColumn median = DoubleColumn.create("median_s");
        DoubleColumn mean = DoubleColumn.create("mean_s");
        DoubleColumn first = DoubleColumn.create("first_s");
        IntColumn runs = IntColumn.create("runs");
        DoubleColumn speedup = DoubleColumn.create("speedup");
        double base = results.getFirst().best();
        for (Result<?> r : results) {
            label.append(r.label());
            best.append(r.best());
            median.append(r.median());
            mean.append(r.mean());
            first.append(r.first());
            runs.append(r.repeats());
            speedup.append(base / r.best());
        }
        // Printed as "103 ms"; the columns keep the seconds at full precision.
        for (DoubleColumn c : List.of(best, median, mean, first)) c.setPrintFormatter(Formats.time());
        speedup.setPrintFormatter(Formats.fixed("0.00"));
        return Table.create("timings", label, best, median, mean, first, runs, speedup);
    }

    /** {@link #table(List)} for results given one by one. */
    public static Table table(Result<?>... results) {
        return table(Arrays.asList(results));
    }

    /** A duration for people: "812 ns", "35.2 µs", "4.56 ms", "1.23 s", "1234 s". */
    public static String format(double seconds) {
        if (!Double.isFinite(seconds)) return seconds + " s";
        if (seconds == 0) return "0 s";
        if (Math.abs(seconds) >= 999.5) return String.format(Locale.ROOT, "%.0f s", seconds);
        // Round to three significant digits before picking the unit: 0.9996 s is "1.00 s", not "1.00e+03 ms".
        double r = new BigDecimal(seconds).round(new MathContext(3)).doubleValue();
        double a = Math.abs(r);
        if (a >= 1) return digits(r) + " s";
        if (a >= 1e-3) return digits(r * 1e3) + " ms";
        if (a >= 1e-6) return digits(r * 1e6) + " µs";
        return digits(r * 1e9) + " ns";
    }

    /** Three significant digits of a value below 1000. */
    private static String digits(double v) {
        return String.format(Locale.ROOT, "%.3g", v);
    }
}
