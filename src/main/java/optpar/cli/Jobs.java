package optpar.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import optpar.batch.RawData;
import optpar.batch.Reduced;
import optpar.batch.Reduction;
import optpar.batch.Summary;
import optpar.batch.SummaryChart;

/**
 * The batch example's jobs as commands, so that a process pool, a Slurm job array and a CWL
 * workflow can all run exactly the same job. Called as {@code ./course jobs ...}:
 * <pre>{@code
 * course jobs generate --files 100 --out raw [--samples 2000] [--seed 42] [--damage K]
 * course jobs reduce raw/raw-0007.csv reduced/raw-0007.csv [--work 200] [--bad-lines fail|skip]
 * course jobs merge reduced [more files or folders] --out summary.csv
 * course jobs plot summary.csv --out summary.png
 * }</pre>
 * Bad input prints one line starting with {@code jobs:} on stderr and exits with status 2.
 */
public final class Jobs {
    private Jobs() {}

    static final String USAGE = """
            usage: course jobs <command> ...
              generate --files N --out DIR [--samples M] [--seed S] [--damage K]   write N raw files
              reduce IN OUT [--work B] [--bad-lines fail|skip]                      reduce one raw file (one job)
              merge PATH... --out FILE                                               gather reduced files or folders
              plot SUMMARY --out PNG                                                 chart a merged summary""";

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs one command; returns the exit status (0 ok, 2 bad input). Testable without exiting. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        try {
            if (args.length == 0 || args[0].equals("-h") || args[0].equals("--help")) {
                (args.length == 0 ? err : out).println(USAGE);
                return args.length == 0 ? 2 : 0;
            }
            Args a = new Args(args);
            switch (args[0]) {
                case "generate" -> {
                    int files = a.intOption("--files", -1);
                    if (files == -1) throw new IllegalArgumentException("generate needs --files N");
                    Path dir = Path.of(a.required("--out", "generate needs --out DIR"));
                    int samples = a.intOption("--samples", 2000);
                    long seed = a.intOption("--seed", 42);
                    int damage = a.intOption("--damage", -1);
                    a.positional(0, 0, "generate takes no file arguments");
                    List<Path> written = RawData.generate(dir, files, samples, seed, damage);
                    out.println("generated " + written.size() + " raw files in " + dir);
                }
                case "reduce" -> {
                    int work = a.intOption("--work", 200);
                    String policy = a.option("--bad-lines", "fail");
                    if (!policy.equals("fail") && !policy.equals("skip")) {
                        throw new IllegalArgumentException("--bad-lines " + policy + " is not allowed: use fail or skip");
                    }
                    List<String> files = a.positional(2, 2, "reduce needs IN OUT (one raw file, one output file)");
                    Reduced r = Reduction.reduceFile(Path.of(files.get(0)), Path.of(files.get(1)), work, policy.equals("skip"));
                    out.println(r.toCsvRow());
                }
                case "merge" -> {
                    Path target = Path.of(a.required("--out", "merge needs --out FILE"));
                    List<String> inputs = a.positional(1, Integer.MAX_VALUE, "merge needs at least one reduced file or folder");
                    List<Reduced> rows = Summary.merge(inputs.stream().map(Path::of).toList());
                    Reduction.write(rows, target);
                    out.println("merged " + rows.size() + " rows into " + target);
                }
                case "plot" -> {
                    Path png = Path.of(a.required("--out", "plot needs --out PNG"));
                    List<String> in = a.positional(1, 1, "plot needs one summary file");
                    SummaryChart.png(Reduction.read(Path.of(in.get(0))), png);
                    out.println("wrote " + png);
                }
                default -> throw new IllegalArgumentException("unknown command '" + args[0] + "': use generate, reduce, merge or plot");
            }
            return 0;
        } catch (IllegalArgumentException | java.io.UncheckedIOException e) {
            err.println("jobs: " + e.getMessage());
            return 2;
        }
    }

    /** A tiny parser: {@code --name value} options anywhere, the rest positional. */
    private static final class Args {
        private final List<String> positional = new ArrayList<>();
        private final java.util.Map<String, String> options = new java.util.HashMap<>();

        Args(String[] args) {
            for (int i = 1; i < args.length; i++) {
                if (args[i].startsWith("--")) {
                    if (i + 1 >= args.length) throw new IllegalArgumentException(args[i] + " needs a value");
                    options.put(args[i], args[++i]);
                } else {
                    positional.add(args[i]);
                }
            }
        }

        String option(String name, String dflt) {
            String v = options.remove(name);
            return v == null ? dflt : v;
        }

        String required(String name, String message) {
            String v = options.remove(name);
            if (v == null) throw new IllegalArgumentException(message);
            return v;
        }

        int intOption(String name, int dflt) {
            String v = options.remove(name);
            if (v == null) return dflt;
            try {
                return Integer.parseInt(v);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(name + " '" + v + "' is not a whole number");
            }
        }

        /** The positional arguments, checked after all options were taken (unknown options are errors). */
        List<String> positional(int min, int max, String message) {
            if (!options.isEmpty()) {
                throw new IllegalArgumentException("unknown option " + options.keySet().iterator().next());
            }
            if (positional.size() < min || positional.size() > max) throw new IllegalArgumentException(message);
            return positional;
        }
    }
}
