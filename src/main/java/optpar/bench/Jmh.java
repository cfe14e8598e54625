package optpar.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import optpar.cli.Bench;
import optpar.cli.BenchOptions;
import optpar.heat.HeatSolver;
import optpar.heat.HeatVariants;
import optpar.mandelbrot.MandelbrotKernel;
import optpar.mandelbrot.MandelbrotVariants;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs the JMH benchmarks with the bench CLI's options, so the same words choose what to measure:
 * <pre>
 * Jmh mandelbrot|heat|stream [--impl a,b|all|list] [--threads 1,2] [problem options]
 *     [--warmup K] [--repeat K] [--csv FILE] [--quick]
 * </pre>
 * {@code --warmup} and {@code --repeat} are JMH's warm-up and measurement iterations (1 s each;
 * 0.2 s with {@code --quick}, which also means one of each unless given). Serial variants run only
 * on one thread, parallel ones on every count of {@code --threads}; unavailable ones are skipped.
 * JMH forks one fresh JVM per (variant, threads) and prints its own report; a summary in CSV
 * ({@code benchmark,impl,threads,size,param,score,error,unit}) follows on standard output.
 *
 * <pre>
 * java @src/main/resources/optpar/jvm-options.txt \
 *      -cp 'target/optpar.jar:target/lib/*' optpar.bench.Jmh mandelbrot --iters 1000 --threads 1,2
 * </pre>
 */
public final class Jmh {
    private Jmh() {}

    public static void main(String[] args) throws RunnerException {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the benchmarks; returns 0, or 2 for bad input (one line on {@code err}). */
    public static int run(String[] args, PrintStream out, PrintStream err) throws RunnerException {
        List<String> rest = new ArrayList<>(Arrays.asList(args));
        boolean quick = rest.remove("--quick");
        boolean warmupGiven = rest.contains("--warmup") || rest.stream().anyMatch(a -> a.startsWith("--warmup="));
        boolean repeatGiven = rest.contains("--repeat") || rest.stream().anyMatch(a -> a.startsWith("--repeat="));
        BenchOptions o;
        try {
            o = BenchOptions.parse(rest.toArray(String[]::new));
            if (o.plot() != null) throw new IllegalArgumentException("--plot is for bench; jmh prints JMH's report");
            if (o.ranks() != null) throw new IllegalArgumentException("--ranks is for bench (MPI runs outside JMH)");
        } catch (IllegalArgumentException e) {
            err.println("jmh: " + e.getMessage());
            return Bench.USAGE;
        }
        if (o.listOnly()) return Bench.run(rest.toArray(String[]::new), out, err);

        List<String> serial = new ArrayList<>(), parallel = new ArrayList<>();
        try {
            pick(o, serial, parallel, err);
        } catch (IllegalArgumentException e) {
            err.println("jmh: " + e.getMessage());
            return Bench.USAGE;
        }
        int warmups = warmupGiven || !quick ? o.warmup() : 1;
        int repeats = repeatGiven || !quick ? o.repeat() : 1;
        TimeValue time = quick ? TimeValue.milliseconds(200) : TimeValue.seconds(1);
        String[] threads = Arrays.stream(o.threads()).distinct().sorted().mapToObj(Integer::toString).toArray(String[]::new);

        List<RunResult> results = new ArrayList<>();
        if (!serial.isEmpty()) results.addAll(new Runner(options(o, warmups, repeats, time).param("impl", serial.toArray(String[]::new))
                .param("threads", "1").build()).run());
        if (!parallel.isEmpty()) results.addAll(new Runner(options(o, warmups, repeats, time).param("impl", parallel.toArray(String[]::new))
                .param("threads", threads).build()).run());
        if (o.problem().equals("stream")) results.addAll(new Runner(options(o, warmups, repeats, time)
                .param("threads", threads).build()).run());

        List<String> lines = new ArrayList<>();
        lines.add("benchmark,impl,threads,size,param,score,error,unit");
        for (RunResult r : results) {
            var p = r.getParams();
            String bench = p.getBenchmark().substring(p.getBenchmark().lastIndexOf('.') + 1);
            String impl = o.problem().equals("stream") ? bench : p.getParam("impl");
            String param = switch (o.problem()) {
                case "mandelbrot" -> p.getParam("maxIter");
                case "heat" -> p.getParam("steps");
                default -> impl.equals("copy") ? "16" : "24";
            };
            lines.add(String.join(",", p.getBenchmark(), impl, p.getParam("threads"), o.size(), param,
                    String.format(Locale.ROOT, "%.6g", r.getPrimaryResult().getScore()),
                    String.format(Locale.ROOT, "%.3g", r.getPrimaryResult().getScoreError()),
                    r.getPrimaryResult().getScoreUnit()));
        }
        lines.forEach(out::println);
        if (o.csv() != null) {
            try {
                java.nio.file.Files.write(o.csv(), lines);
            } catch (java.io.IOException e) {
                err.println("jmh: could not write " + o.csv() + ": " + e.getMessage());
                return 1;
            }
        }
        return 0;
    }

    /** Sorts the chosen, available variants into serial and parallel ones. */
    private static void pick(BenchOptions o, List<String> serial, List<String> parallel, PrintStream err) {
        switch (o.problem()) {
            case "mandelbrot" -> {
                for (MandelbrotKernel k : o.allImpls() ? MandelbrotVariants.all()
                        : o.impls().stream().map(MandelbrotVariants::byName).toList()) {
                    if (!k.available()) err.println("# skipping " + k.name() + ": not available here");
                    else (k.parallel() ? parallel : serial).add(k.name());
                }
            }
            case "heat" -> {
                for (HeatSolver s : o.allImpls() ? HeatVariants.all() : o.impls().stream().map(HeatVariants::byName).toList()) {
                    if (!s.available()) err.println("# skipping " + s.name() + ": not available here");
                    else (s.parallel() ? parallel : serial).add(s.name());
                }
            }
            default -> {
                for (String k : o.impls()) {
                    if (!k.equals("copy") && !k.equals("triad")) {
                        throw new IllegalArgumentException("unknown stream kernel '" + k + "'; allowed: copy, triad, all or list");
                    }
                }
            }
        }
    }

    private static ChainedOptionsBuilder options(BenchOptions o, int warmups, int repeats, TimeValue time) {
        String include = switch (o.problem()) {
            case "mandelbrot" -> "optpar\\.bench\\.MandelbrotBench\\.";
            case "heat" -> "optpar\\.bench\\.HeatBench\\.";
            default -> "optpar\\.bench\\.StreamBench\\.(" + (o.allImpls() ? "copy|triad" : String.join("|", o.impls())) + ")$";
        };
        ChainedOptionsBuilder b = new OptionsBuilder().include(include).forks(1)
                .jvmArgsAppend(optpar.Course.jvmOptions().toArray(String[]::new))
                .warmupIterations(warmups).warmupTime(time).measurementIterations(repeats).measurementTime(time);
        return switch (o.problem()) {
            case "mandelbrot" -> b.param("width", "" + o.width()).param("height", "" + o.height()).param("maxIter", "" + o.iters());
            case "heat" -> b.param("n", "" + o.n()).param("steps", "" + o.steps());
            default -> b.param("mib", "" + o.mib());
        };
    }
}
