package optpar.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import optpar.Course;
import optpar.measure.Charts;
import optpar.measure.Progress;
import optpar.measure.Sweep;

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
        // --quiet (a flag, anywhere): no progress lines on stderr
        List<String> rest = new ArrayList<>(List.of(args));
        boolean quiet = rest.removeIf(a -> a.equals("--quiet"));
        Progress.quiet(quiet);
        BenchOptions o;
        try {
            o = BenchOptions.parse(rest.toArray(String[]::new));
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

    /** Prints the variants of {@code problem}: name, whether parallel, description, and why not when not here. */
    static void list(String problem, PrintStream out) {
        List<BenchProblem.Variant> vs = BenchProblem.named(problem).variants();
        int width = vs.stream().mapToInt(v -> v.name().length()).max().orElse(1);
        for (BenchProblem.Variant v : vs) {
            out.printf(Locale.ROOT, "%-" + width + "s  %-9s %s%s%n", v.name(), v.parallel() ? "parallel" : "serial", v.description(),
                    v.available() ? "" : " [" + v.whyNot() + "]");
        }
    }

    private static int measure(BenchOptions o, PrintStream out, PrintStream err) {
        BenchProblem problem = BenchProblem.named(o.problem());
        // Validate everything before the first (maybe long) measurement.
        List<String> known = problem.names();
        for (String name : o.impls()) {
            if (!known.contains(name)) {
                throw new IllegalArgumentException("unknown " + o.problem() + " variant '" + name + "'; allowed: "
                        + String.join(", ", known) + ", all or list");
            }
        }
        List<String> chosen = o.allImpls() ? defaultChoice(problem) : o.impls();
        problem.check(o, chosen);
        checkMemory(problem, o);

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
        try {
            problem.measure(o, chosen, notes, m -> {
                rows.add(m);
                BenchOptions ro = problem.optionsOf(o, m);   // weak scaling: the row's own n
                emit.accept(String.join(",", o.problem(), m.impl(), Integer.toString(m.threads()), problem.size(ro),
                        problem.param(ro, m), num(m.seconds()), num(m.timing().median()), num(m.speedup()),
                        num(m.efficiency()), problem.gbps(ro, m), checksum(m.checksum())));
            });
        } catch (IllegalArgumentException e) {
            throw e;
        } catch (RuntimeException e) {
            // A child process failed, ran out of time, or computed a wrong result: one line.
            err.println("bench: " + e.getMessage());
            return 1;
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
                Charts.save(problem.chart(o, rows), o.plot());
                notes.accept("wrote " + o.plot());
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            err.println("bench: could not write a file: " + e.getMessage());
            return 1;
        }
        return 0;
    }

    /**
     * "all" (or no --impl): every variant that runs in this JVM, plus MPI when --ranks is given.
     * The Python variants take seconds to minutes each and are chosen by name, e.g.
     * {@code --impl vector,python-numba}.
     */
    static List<String> defaultChoice(BenchProblem problem) {
        List<String> out = new ArrayList<>();
        for (String n : problem.names()) {
            if (n.startsWith("python") || n.equals("mpi")) continue;
            out.add(n);
        }
        return out;
    }

    /**
     * Refuses sizes this JVM cannot hold, before allocating: a one-line error instead of an
     * OutOfMemoryError.
     */
    private static void checkMemory(BenchProblem problem, BenchOptions o) {
        double need = problem.bytesNeeded(o);
        long max = Runtime.getRuntime().maxMemory();
        if (need > 0.8 * max) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "size %s needs about %.0f MiB but this JVM may use %d MiB: choose a smaller size or raise -Xmx",
                    o.size(), need / (1 << 20), max >> 20));
        }
    }

    private static String num(double x) {
        return BenchProblem.num(x);
    }

    /** Whole checksums (Mandelbrot, stream) print as integers; heat's prints with every digit. */
    static String checksum(double c) {
        if (c == Math.rint(c) && Math.abs(c) < 0x1p53) return Long.toString((long) c);
        return Double.toString(c);
    }

    /** The text of {@code bench --help}. */
    public static String usage() {
        return """
                usage: bench mandelbrot|heat|stream [--impl a,b,...|all|list] [--threads 1,2,...]
                             [--width W --height H --iters K]   mandelbrot (defaults 1500 1000 20)
                             [--n N --steps S] [--ranks 1,2,...] heat (defaults 1024 200; --ranks for --impl mpi)
                             [--mib M]                           stream: MiB per array (default 64)
                             [--repeat K] [--warmup K]           measured runs (default 3), warm-ups (default 1)
                             [--csv FILE] [--plot FILE.png]      also write the CSV / a chart
                             [--quiet]                           no progress lines on stderr
                prints CSV: %s (progress goes to stderr)
                seconds = best of the repeats after warm-up; size = WxH, N or MiB; param = maxIter, steps or bytes/element
                all = every Java and C variant; name the Python ones (python, python-numpy, python-numba,
                python-numba-parallel) and mpi to add them"""
                .formatted(HEADER);
    }
}
