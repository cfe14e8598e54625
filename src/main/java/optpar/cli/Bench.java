package optpar.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import optpar.Course;
import optpar.heat.HeatProblem;
import optpar.heat.HeatSolver;
import optpar.heat.HeatVariants;
import optpar.mandelbrot.MandelbrotKernel;
import optpar.mandelbrot.MandelbrotProblem;
import optpar.mandelbrot.MandelbrotVariants;
import optpar.measure.BandwidthProbe;
import optpar.measure.Charts;
import optpar.measure.Sweep;
import optpar.measure.Timing;
import tech.tablesaw.api.Table;

/**
 * The notebooks' sweeps from the command line ({@code ./course bench ...}):
 * <pre>
 * bench mandelbrot|heat|stream [--impl a,b,...|all|list] [--threads 1,2,...]
 *       [--width W --height H --iters K]   (mandelbrot; defaults 1500 1000 20)
 *       [--n N --steps S]                   (heat; defaults 1024 200)
 *       [--mib M]                           (stream: MiB per array; default 64)
 *       [--repeat K] [--warmup K] [--csv FILE] [--plot FILE.png]
 * </pre>
 * It prints CSV on standard output, one row per (variant, threads) as soon as it is measured:
 * <pre>
 * problem,impl,threads,size,param,seconds,median,speedup,efficiency,gbps,checksum
 * </pre>
 * {@code seconds} is the best of {@code --repeat} runs after {@code --warmup} warm-ups, {@code median}
 * their median; {@code size} is WxH, N, or the stream array MiB; {@code param} is maxIter, steps, or
 * the bytes STREAM counts per element; {@code speedup} is against the variant's own run on the fewest
 * threads; {@code gbps} is the memory bandwidth achieved (heat: 16 bytes per point per step; empty
 * for mandelbrot). The machine is named on standard error, as are notes on skipped variants.
 *
 * <p>Bad input ends with one line on standard error saying what is allowed, and exit status 2.
 *
 * <pre>{@code
 * java @src/main/resources/optpar/jvm-options.txt \
 *      -cp target/optpar.jar:target/lib/* optpar.cli.Bench mandelbrot --threads 1,2 --iters 1000
 * }</pre>
 */
public final class Bench {
    private Bench() {}

    /** The CSV header. */
    public static final String HEADER = "problem,impl,threads,size,param,seconds,median,speedup,efficiency,gbps,checksum";

    /** Exit status for bad input. */
    public static final int USAGE = 2;

    public static void main(String[] args) {
        // tablesaw logs through SLF4J; without a logger bound it warns on stderr. Keep stderr for notes.
        System.setProperty("slf4j.internal.verbosity", "ERROR");
        System.exit(run(args, System.out, System.err));
    }

    /**
     * Runs the command and returns its exit status: 0 done, 1 nothing could run or a file could not
     * be written, 2 bad input. Testable: nothing here calls {@code System.exit}.
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 1 && (args[0].equals("--help") || args[0].equals("-h") || args[0].equals("help"))) {
            out.println(usage());
            return 0;
        }
        BenchOptions o;
        try {
            o = BenchOptions.parse(args);
            if (o.listOnly()) {
                list(o.problem(), out);
                return 0;
            }
            return measure(o, out, err);
        } catch (IllegalArgumentException e) {
            err.println("bench: " + e.getMessage());
            return USAGE;
        } catch (OutOfMemoryError e) {
            err.println("bench: out of memory (" + e.getMessage() + "): choose a smaller size or raise -Xmx");
            return 1;
        }
    }

    /** Prints the variants of {@code problem}: name, whether parallel, description. */
    static void list(String problem, PrintStream out) {
        List<Variant> vs = variants(problem);
        int width = vs.stream().mapToInt(v -> v.name.length()).max().orElse(1);
        for (Variant v : vs) {
            out.printf(Locale.ROOT, "%-" + width + "s  %-9s %s%s%n", v.name, v.parallel ? "parallel" : "serial", v.description,
                    v.available ? "" : " [not available here]");
        }
    }

    private record Variant(String name, String description, boolean parallel, boolean available) {}

    private static List<Variant> variants(String problem) {
        List<Variant> vs = new ArrayList<>();
        switch (problem) {
            case "mandelbrot" -> {
                for (MandelbrotKernel k : MandelbrotVariants.all()) vs.add(new Variant(k.name(), k.description(), k.parallel(), k.available()));
            }
            case "heat" -> {
                for (HeatSolver s : HeatVariants.all()) vs.add(new Variant(s.name(), s.description(), s.parallel(), s.available()));
            }
            default -> {
                vs.add(new Variant("copy", "c[i] = a[i], 16 bytes per element", true, true));
                vs.add(new Variant("triad", "a[i] = b[i] + s*c[i], 24 bytes per element", true, true));
            }
        }
        for (ExternalVariant x : ExternalVariants.forProblem(problem)) {
            vs.add(new Variant(x.name(), x.description(), true, x.available()));
        }
        return vs;
    }

    private static int measure(BenchOptions o, PrintStream out, PrintStream err) {
        // Validate everything before the first (maybe long) measurement.
        List<String> known = variants(o.problem()).stream().map(Variant::name).toList();
        for (String name : o.impls()) {
            if (!known.contains(name)) {
                throw new IllegalArgumentException("unknown " + o.problem() + " variant '" + name + "'; allowed: "
                        + String.join(", ", known) + ", all or list");
            }
        }
        List<String> chosen = o.allImpls() ? known : o.impls();
        List<ExternalVariant> external = ExternalVariants.forProblem(o.problem()).stream()
                .filter(x -> chosen.contains(x.name())).toList();
        if (o.ranks() != null && external.isEmpty()) {
            throw new IllegalArgumentException("--ranks applies only to variants that run in other processes"
                    + (ExternalVariants.forProblem(o.problem()).isEmpty() ? " (none exists yet for " + o.problem() + ")"
                    : " (" + String.join(", ", ExternalVariants.forProblem(o.problem()).stream().map(ExternalVariant::name).toList()) + ")"));
        }
        for (ExternalVariant x : external) {
            if (x.available()) x.check(o);
        }
        List<String> inProcess = chosen.stream().filter(n -> external.stream().noneMatch(x -> x.name().equals(n))).toList();
        MandelbrotProblem mp = o.problem().equals("mandelbrot") ? new MandelbrotProblem(o.width(), o.height(), o.iters()) : null;
        HeatProblem hp = o.problem().equals("heat") ? new HeatProblem(o.n(), o.steps()) : null;
        checkMemory(o);

        err.println("# machine: " + Course.machine());
        Consumer<String> notes = s -> err.println("# " + s);
        List<String> lines = new ArrayList<>();
        Consumer<String> emit = line -> {
            out.println(line);
            out.flush();
            lines.add(line);
        };
        emit.accept(HEADER);
        List<Sweep.Measurement> rows = new ArrayList<>();
        Consumer<Sweep.Measurement> onRow = m -> {
            rows.add(m);
            emit.accept(csvRow(o, m, hp));
        };
        String title;
        switch (o.problem()) {
            case "mandelbrot", "heat" -> {
                Sweep sweep = mp != null ? Sweep.mandelbrot(mp) : Sweep.heat(hp);
                title = sweep.title();
                if (!inProcess.isEmpty()) {
                    sweep.impls(inProcess.toArray(String[]::new)).threads(o.threads())
                            .warmups(o.warmup()).repeats(o.repeat()).notes(notes).onRow(onRow).measure();
                }
            }
            default -> {
                title = "Memory bandwidth, " + o.mib() + " MiB per array";
                stream(o, inProcess, onRow);
            }
        }
        for (ExternalVariant x : external) {
            if (!x.available()) {
                notes.accept("skipping " + x.name() + ": not available here");
                continue;
            }
            try {
                for (Sweep.Measurement m : x.run(o, notes)) {
                    BenchOptions row = x.optionsOf(o, m);   // weak scaling: the row's own n
                    rows.add(m);
                    emit.accept(csvRow(row, m, hp == null ? null : new HeatProblem(row.n(), row.steps())));
                }
            } catch (IllegalArgumentException e) {
                throw e;
            } catch (RuntimeException e) {
                // A child process failed or ran out of time: its message is the one line to show.
                err.println("bench: " + x.name() + " failed: " + e.getMessage());
                return 1;
            }
        }
        if (rows.isEmpty()) {
            err.println("bench: none of the chosen variants could run here");
            return 1;
        }
        try {
            if (o.csv() != null) {
                Path parent = o.csv().toAbsolutePath().getParent();
                if (parent != null) Files.createDirectories(parent);
                Files.write(o.csv(), lines);
                notes.accept("wrote " + o.csv());
            }
            if (o.plot() != null) {
                Charts.save(plot(o, title, rows), o.plot());
                notes.accept("wrote " + o.plot());
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            err.println("bench: could not write a file: " + e.getMessage());
            return 1;
        }
        return 0;
    }

    /**
     * Refuses sizes this JVM cannot hold, before allocating: a one-line error instead of an
     * OutOfMemoryError. Counts the arrays a run keeps alive (heat: the grid, its double buffer and
     * the result; Mandelbrot: two count images; stream: three arrays).
     */
    private static void checkMemory(BenchOptions o) {
        double need = switch (o.problem()) {
            case "mandelbrot" -> 2.0 * Integer.BYTES * o.width() * (double) o.height();
            case "heat" -> 4.0 * Double.BYTES * o.n() * (double) o.n();
            default -> 3.0 * o.mib() * (1 << 20);
        };
        long max = Runtime.getRuntime().maxMemory();
        if (need > 0.8 * max) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "size %s needs about %.0f MiB but this JVM may use %d MiB: choose a smaller size or raise -Xmx",
                    o.size(), need / (1 << 20), max >> 20));
        }
    }

    /** Copy and/or triad on each thread count, one probe (arrays and threads) per count. */
    private static void stream(BenchOptions o, List<String> impls, Consumer<Sweep.Measurement> onRow) {
        Map<String, Sweep.Measurement> first = new LinkedHashMap<>();
        for (int t : java.util.Arrays.stream(o.threads()).distinct().sorted().toArray()) {
            try (BandwidthProbe probe = new BandwidthProbe(o.mib(), t)) {
                probe.copy(); // c = a, so a triad computes STREAM's values whichever kernel runs
                for (String k : impls) {
                    Timing.Result<Void> r = Timing.measure(k + " x" + t, o.warmup(), o.repeat(),
                            () -> { if (k.equals("copy")) probe.copy(); else probe.triad(); });
                    Sweep.Measurement base = first.get(k);
                    double speedup = base == null ? 1 : base.seconds() / r.best();
                    double eff = base == null ? 1 : speedup * base.threads() / t;
                    Sweep.Measurement m = new Sweep.Measurement(k, t, r, probe.checksum(k), speedup, eff);
                    first.putIfAbsent(k, m);
                    onRow.accept(m);
                }
            }
        }
    }

    private static String csvRow(BenchOptions o, Sweep.Measurement m, HeatProblem hp) {
        String param = switch (o.problem()) {
            case "mandelbrot" -> Integer.toString(o.iters());
            case "heat" -> Integer.toString(o.steps());
            default -> Integer.toString(m.impl().equals("copy") ? BandwidthProbe.COPY_BYTES_PER_ELEMENT : BandwidthProbe.TRIAD_BYTES_PER_ELEMENT);
        };
        String gbps = switch (o.problem()) {
            case "heat" -> num(BandwidthProbe.heatGBs(hp, m.seconds()));
            case "stream" -> num(Double.parseDouble(param) * o.mib() * (1 << 20) / Double.BYTES / m.seconds() / 1e9);
            default -> "";
        };
        return String.join(",", o.problem(), m.impl(), Integer.toString(m.threads()), o.size(), param,
                num(m.seconds()), num(m.timing().median()), num(m.speedup()), num(m.efficiency()), gbps, checksum(m.checksum()));
    }

    private static String num(double x) {
        return String.format(Locale.ROOT, "%.6g", x);
    }

    /** Whole checksums (Mandelbrot, stream) print as integers; heat's prints with every digit. */
    static String checksum(double c) {
        if (c == Math.rint(c) && Math.abs(c) < 0x1p53) return Long.toString((long) c);
        return Double.toString(c);
    }

    private static java.awt.image.BufferedImage plot(BenchOptions o, String title, List<Sweep.Measurement> rows) {
        Table t = Sweep.table(title, rows);
        if (o.problem().equals("stream")) {
            int[] threads = t.intColumn(Sweep.THREADS).unique().asList().stream().mapToInt(Integer::intValue).sorted().toArray();
            double[] x = java.util.Arrays.stream(threads).asDoubleStream().toArray();
            Map<String, double[]> series = new LinkedHashMap<>();
            for (Sweep.Measurement m : rows) {
                double bytes = (m.impl().equals("copy") ? 16.0 : 24.0) * o.mib() * (1 << 20) / Double.BYTES;
                int i = java.util.Arrays.binarySearch(threads, m.threads());
                series.computeIfAbsent(m.impl(), k -> new double[threads.length])[i] = bytes / m.seconds() / 1e9;
            }
            return Charts.lines(title, "threads", "GB/s", x, series);
        }
        boolean scaling = rows.stream().mapToInt(Sweep.Measurement::threads).distinct().count() > 1;
        return scaling ? Charts.speedup(title, t) : Charts.bars(title, t, true);
    }

    /** The text of {@code bench --help}. */
    public static String usage() {
        return """
                usage: bench mandelbrot|heat|stream [--impl a,b,...|all|list] [--threads 1,2,...]
                             [--width W --height H --iters K]   mandelbrot (defaults 1500 1000 20)
                             [--n N --steps S]                   heat (defaults 1024 200)
                             [--mib M]                           stream: MiB per array (default 64)
                             [--repeat K] [--warmup K]           measured runs (default 3), warm-ups (default 1)
                             [--csv FILE] [--plot FILE.png]      also write the CSV / a chart
                prints CSV: %s
                seconds = best of the repeats after warm-up; size = WxH, N or MiB; param = maxIter, steps or bytes/element"""
                .formatted(HEADER);
    }
}
