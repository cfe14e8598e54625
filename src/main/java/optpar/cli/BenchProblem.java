package optpar.cli;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import optpar.measure.Charts;
import optpar.measure.Sweep;
import tech.tablesaw.api.Table;

/**
 * One problem of the bench CLI, all in one place: its options, its variants, how it is measured,
 * its CSV columns and its chart. Adding a problem is one subclass listed in {@link #all()}; adding a
 * family of variants to a problem is a change to that problem's class only.
 *
 * <pre>{@code
 * BenchProblem p = BenchProblem.named("heat");
 * p.options();     // [--n, --steps, --ranks]
 * p.variants();    // naive, flat, ..., python-numpy, ..., mpi
 * }</pre>
 */
public abstract sealed class BenchProblem permits MandelbrotBench, HeatBench, StreamBench {

    /** A variant as {@code --impl list} shows it. */
    public record Variant(String name, String description, boolean parallel, boolean available, String whyNot) {}

    /** Every problem, in the order of {@code --help}. */
    public static List<BenchProblem> all() {
        return List.of(new MandelbrotBench(), new HeatBench(), new StreamBench());
    }

    /** The problem called {@code name}; a one-line error listing the problems otherwise. */
    public static BenchProblem named(String name) {
        return all().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow(() ->
                new IllegalArgumentException("unknown problem '" + name + "'; allowed: "
                        + String.join(", ", all().stream().map(BenchProblem::name).toList())));
    }

    /** Its name on the command line: "mandelbrot", "heat", "stream". */
    public abstract String name();

    /** Its own options (beyond --impl, --threads, --repeat, --warmup, --csv, --plot). */
    public abstract List<String> options();

    /** Every variant, in teaching order. Finding out whether one is available may start a process. */
    public abstract List<Variant> variants();

    /** The names only (no availability asked): for validating {@code --impl}. */
    public abstract List<String> names();

    /** The options a row was measured with, for its CSV line (weak-scaling MPI rows have their own n). */
    public BenchOptions optionsOf(BenchOptions o, Sweep.Measurement row) {
        return o;
    }

    /** The CSV's size column: "WxH", "N" or MiB. */
    public abstract String size(BenchOptions o);

    /** The CSV's param column for one row: maxIter, steps, or bytes per element. */
    public abstract String param(BenchOptions o, Sweep.Measurement m);

    /** The CSV's gbps column for one row ("" where bandwidth means nothing). */
    public String gbps(BenchOptions o, Sweep.Measurement m) {
        return "";
    }

    /** Bytes the run keeps alive (refused before allocating when the JVM cannot hold them). */
    public abstract double bytesNeeded(BenchOptions o);

    /** Refuses option combinations this problem cannot run, before anything is measured. */
    public void check(BenchOptions o, List<String> chosen) {
        if (o.ranks() != null) {
            throw new IllegalArgumentException("--ranks applies only to the mpi variant of heat");
        }
    }

    /** The chart's title. */
    public abstract String title(BenchOptions o);

    /**
     * Measures the chosen variants, handing every row to {@code onRow} as soon as it is measured.
     * A failure that is not bad input (a child process failing) is a {@link RuntimeException} with a
     * one-line message naming the variant.
     */
    public abstract void measure(BenchOptions o, List<String> chosen, Consumer<String> notes, Consumer<Sweep.Measurement> onRow);

    /** The chart of the rows: speed-up curves when threads vary, else bars of the times. */
    public BufferedImage chart(BenchOptions o, List<Sweep.Measurement> rows) {
        Table t = Sweep.table(title(o), rows);
        boolean scaling = rows.stream().mapToInt(Sweep.Measurement::threads).distinct().count() > 1;
        return scaling ? Charts.speedup(title(o), t) : Charts.bars(title(o), t, true);
    }

    /** A number for the CSV: six significant digits. */
    static String num(double x) {
        return String.format(Locale.ROOT, "%.6g", x);
    }

    /** The in-process and Python variants of a sweep, chosen by name, measured with the CLI's settings. */
    static void sweep(Sweep s, BenchOptions o, List<String> chosen, Consumer<String> notes, Consumer<Sweep.Measurement> onRow) {
        List<String> here = chosen.stream().filter(s.names()::contains).toList();
        if (here.isEmpty()) return;
        s.impls(here.toArray(String[]::new)).threads(o.threads()).warmups(o.warmup()).repeats(o.repeat())
                .notes(notes).onRow(onRow).measure();
    }
}
