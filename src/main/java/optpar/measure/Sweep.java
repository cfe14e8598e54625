package optpar.measure;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;
import optpar.heat.HeatProblem;
import optpar.heat.HeatSolver;
import optpar.heat.HeatVariants;
import optpar.mandelbrot.MandelbrotKernel;
import optpar.mandelbrot.MandelbrotProblem;
import optpar.mandelbrot.MandelbrotVariants;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Runs every chosen variant on every chosen thread count with {@link Timing}, and returns a
 * tablesaw {@link Table}: one row per (variant, threads) with columns
 * {@code impl, threads, seconds} (best run), {@code median}, {@code speedup}, {@code efficiency},
 * {@code checksum}.
 *
 * <p><b>Speed-up</b> is the baseline time over this time. The baseline is, unless
 * {@link #baseline(String)} names a variant, each variant's own run on the fewest threads (one
 * thread when the list has 1): "how well does this code scale". With a named baseline (say the
 * scalar reference) it answers "how much faster than the reference". <b>Efficiency</b> is the
 * speed-up per thread ({@code speedup * baseThreads / threads}): 1.0 is perfect scaling.
 * A variant that is not parallel runs once, on one thread.
 *
 * <pre>{@code
 * Table t = Sweep.mandelbrot(new MandelbrotProblem(600, 400, 200))
 *                .impls("scalar", "threads", "forkjoin")    // none given: every variant
 *                .threads(1, 2, 4)
 *                .run();
 * Charts.speedup(t);
 *
 * Table h = Sweep.heat(new HeatProblem(512, 100)).threads(Course.threads(1, 2)).baseline("naive").run();
 * }</pre>
 */
public final class Sweep {
    /** Column names of the table. */
    public static final String IMPL = "impl", THREADS = "threads", SECONDS = "seconds", MEDIAN = "median",
            SPEEDUP = "speedup", EFFICIENCY = "efficiency", CHECKSUM = "checksum";

    /**
     * One thing to time: a named variant that computes a result on a number of threads, and the
     * checksum of that result (computed after the timing, so it is not timed).
     *
     * @param name      the name in the table
     * @param parallel  whether the thread count matters (false: run once, on one thread)
     * @param available whether it can run here (false: skipped with a note)
     * @param run       computes the result on the given number of threads
     * @param checksum  the number that identifies a correct result
     * @param <R>       the result type
     */
    public record Case<R>(String name, boolean parallel, boolean available, IntFunction<R> run, ToDoubleFunction<R> checksum) {
        /** Times this case on {@code threads} threads and returns the measured row (speed-up still 1). */
        Measurement measure(int threads, int warmups, int repeats) {
            Timing.Result<R> r = Timing.measure(name + " x" + threads, warmups, repeats, () -> run.apply(threads));
            return new Measurement(name, threads, r, checksum.applyAsDouble(r.value()), 1, 1);
        }
    }

    /**
     * One row of the table, as it is measured ({@link #onRow} receives these as they come).
     *
     * @param impl       the variant's name
     * @param threads    the thread count
     * @param timing     the timing (best, median, every run)
     * @param checksum   the result's checksum
     * @param speedup    the baseline's best time over this best time
     * @param efficiency speed-up per thread relative to the baseline's thread count
     */
    public record Measurement(String impl, int threads, Timing.Result<?> timing, double checksum, double speedup, double efficiency) {
        /** The best time in seconds. */
        public double seconds() {
            return timing.best();
        }
    }

    private final String title;
    private final List<Case<?>> cases;
    private List<Case<?>> chosen;
    private int[] threads = {1};
    private int warmups = Timing.DEFAULT_WARMUPS;
    private int repeats = Timing.DEFAULT_REPEATS;
    private String baseline;
    private Consumer<Measurement> onRow = m -> {};
    private Consumer<String> notes = System.err::println;

    /**
     * A sweep over any cases (the Mandelbrot and heat sweeps are built with this).
     *
     * <pre>{@code
     * var cases = List.of(new Sweep.Case<>("sum", true, true, t -> mySum(data, t), x -> x));
     * Sweep.of("my sums", cases).threads(1, 2).run();
     * }</pre>
     */
    public static Sweep of(String title, List<? extends Case<?>> cases) {
        return new Sweep(title, cases);
    }

    /** Every variant of {@link MandelbrotVariants} on problem {@code p}; checksum = sum of counts. */
    public static Sweep mandelbrot(MandelbrotProblem p) {
        List<Case<?>> cases = new ArrayList<>();
        for (MandelbrotKernel k : MandelbrotVariants.all()) {
            cases.add(new Case<int[]>(k.name(), k.parallel(), k.available(), t -> k.compute(p, t), MandelbrotProblem::checksum));
        }
        return new Sweep("Mandelbrot " + p.width() + "x" + p.height() + ", maxIter " + p.maxIter(), cases);
    }

    /** Every variant of {@link HeatVariants} on problem {@code p}; checksum = sum of the final grid. */
    public static Sweep heat(HeatProblem p) {
        List<Case<?>> cases = new ArrayList<>();
        for (HeatSolver s : HeatVariants.all()) {
            cases.add(new Case<double[]>(s.name(), s.parallel(), s.available(), t -> s.solve(p, t), HeatProblem::checksum));
        }
        return new Sweep("Heat N=" + p.n() + ", " + p.steps() + " steps", cases);
    }

    private Sweep(String title, List<? extends Case<?>> cases) {
        if (cases.isEmpty()) throw new IllegalArgumentException("a sweep needs at least one case");
        this.title = title;
        this.cases = List.copyOf(cases);
        this.chosen = this.cases;
    }

    /**
     * Only these variants, in this order ("all" or none given: every variant).
     *
     * @throws IllegalArgumentException for an unknown name, listing the allowed ones
     */
    public Sweep impls(String... names) {
        if (names.length == 0 || (names.length == 1 && names[0].equals("all"))) {
            chosen = cases;
            return this;
        }
        List<Case<?>> picked = new ArrayList<>();
        for (String n : new LinkedHashSet<>(Arrays.asList(names))) picked.add(find(n));
        chosen = picked;
        return this;
    }

    /** The thread counts (each at least 1); measured in increasing order. Default: 1. */
    public Sweep threads(int... counts) {
        if (counts.length == 0) throw new IllegalArgumentException("give at least one thread count");
        for (int t : counts) {
            if (t < 1) throw new IllegalArgumentException("thread count " + t + " is not allowed: it must be at least 1");
        }
        threads = Arrays.stream(counts).distinct().sorted().toArray();
        return this;
    }

    /** Warm-up runs before each measurement (default {@value Timing#DEFAULT_WARMUPS}). */
    public Sweep warmups(int warmups) {
        if (warmups < 0) throw new IllegalArgumentException("warmups=" + warmups + " is not allowed: use 0 or more");
        this.warmups = warmups;
        return this;
    }

    /** Measured runs of each measurement (default {@value Timing#DEFAULT_REPEATS}); the table shows the best. */
    public Sweep repeats(int repeats) {
        if (repeats < 1) throw new IllegalArgumentException("repeats=" + repeats + " is not allowed: use 1 or more");
        this.repeats = repeats;
        return this;
    }

    /** Speed-ups against this variant's run on the fewest threads instead of each variant's own. */
    public Sweep baseline(String impl) {
        this.baseline = find(impl).name();
        return this;
    }

    /** Called with each row as soon as it is measured (the CLI prints rows as they come). */
    public Sweep onRow(Consumer<Measurement> listener) {
        this.onRow = listener;
        return this;
    }

    /** Where notes go, such as "skipping native: not available here" (default: standard error). */
    public Sweep notes(Consumer<String> notes) {
        this.notes = notes;
        return this;
    }

    /** The title, e.g. "Mandelbrot 1500x1000, maxIter 20" (also the table's name). */
    public String title() {
        return title;
    }

    /** The names of all cases this sweep knows, in order. */
    public List<String> names() {
        return cases.stream().map(Case::name).toList();
    }

    /** Runs the sweep: every row measured as {@link Measurement}s. */
    public List<Measurement> measure() {
        List<Case<?>> order = new ArrayList<>(chosen);
        Case<?> base = null;
        if (baseline != null) {
            base = find(baseline);
            if (!base.available()) throw new IllegalArgumentException("baseline '" + baseline + "' is not available here");
            order.remove(base);
            order.addFirst(base); // measured first, so every later row knows its speed-up at once
        }
        List<Measurement> rows = new ArrayList<>();
        Measurement baseRow = null;
        int steps = order.stream().filter(Case::available).mapToInt(c -> c.parallel() ? threads.length : 1).sum();
        try (Progress progress = Progress.start(title, steps)) {
            for (Case<?> c : order) {
                if (!c.available()) {
                    notes.accept("skipping " + c.name() + ": not available here");
                    continue;
                }
                int[] counts = c.parallel() ? threads : new int[] {1};
                Measurement own = null;
                for (int t : counts) {
                    if (Thread.currentThread().isInterrupted()) { // Kernel → Interrupt: end between measurements
                        throw new java.util.concurrent.CancellationException(title + ": interrupted after " + rows.size() + " measurements");
                    }
                    progress.working(c.name() + ", " + t + (t == 1 ? " thread" : " threads"));
                    Measurement m = c.measure(t, warmups, repeats);
                    progress.done();
                    if (own == null) own = m;
                    if (c == base && baseRow == null) baseRow = m;
                    Measurement ref = baseRow != null ? baseRow : own;
                    double speedup = ref.seconds() / m.seconds();
                    m = new Measurement(m.impl(), t, m.timing(), m.checksum(), speedup, speedup * ref.threads() / t);
                    rows.add(m);
                    onRow.accept(m);
                }
            }
        }
        return rows;
    }

    /** Runs the sweep and returns the table. */
    public Table run() {
        return table(title, measure());
    }

    /** The table of measured rows (columns impl, threads, seconds, median, speedup, efficiency, checksum). */
    public static Table table(String title, List<Measurement> rows) {
        StringColumn impl = StringColumn.create(IMPL);
        IntColumn th = IntColumn.create(THREADS);
        DoubleColumn secs = DoubleColumn.create(SECONDS);
        DoubleColumn med = DoubleColumn.create(MEDIAN);
        DoubleColumn sp = DoubleColumn.create(SPEEDUP);
        DoubleColumn eff = DoubleColumn.create(EFFICIENCY);
        DoubleColumn check = DoubleColumn.create(CHECKSUM);
        for (Measurement m : rows) {
            impl.append(m.impl());
            th.append(m.threads());
            secs.append(m.seconds());
            med.append(m.timing().median());
            sp.append(m.speedup());
            eff.append(m.efficiency());
            check.append(m.checksum());
        }
        // Printed as "103 ms" and "1.95"; the values keep full precision. The checksum keeps every
        // digit: equal digits across variants is how the table shows that they agree.
        secs.setPrintFormatter(Formats.time());
        med.setPrintFormatter(Formats.time());
        sp.setPrintFormatter(Formats.fixed("0.00"));
        eff.setPrintFormatter(Formats.fixed("0.00"));
        return Table.create(title, impl, th, secs, med, sp, eff, check);
    }

    private Case<?> find(String name) {
        for (Case<?> c : cases) if (c.name().equals(name)) return c;
        Set<String> allowed = cases.stream().map(Case::name).collect(Collectors.toCollection(LinkedHashSet::new));
        throw new IllegalArgumentException("unknown variant '" + name + "'; allowed: " + String.join(", ", allowed) + " or all");
    }
}
