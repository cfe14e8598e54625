package optpar.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import optpar.Course;

/**
 * The parsed command line of {@link Bench}: which problem, which variants, which thread counts,
 * the problem's sizes and how to measure. Every bad input becomes an {@link IllegalArgumentException}
 * whose message is the one line the user sees.
 *
 * <pre>{@code
 * BenchOptions o = BenchOptions.parse("heat", "--impl", "naive,flat", "--threads", "1,2", "--n", "512");
 * o.n();        // 512
 * o.threads();  // [1, 2]
 * }</pre>
 *
 * @param problem "mandelbrot", "heat" or "stream"
 * @param impls   the variant names as given; empty for all; ["list"] to list them
 * @param threads thread counts, each at least 1, in the order given
 * @param width   Mandelbrot columns
 * @param height  Mandelbrot rows
 * @param iters   Mandelbrot iteration limit
 * @param n       heat grid points per side
 * @param steps   heat time steps
 * @param mib     stream array size in MiB
 * @param ranks   MPI rank counts for external variants (issue 6), or null when not given
 * @param repeat  measured runs (the CSV shows the best)
 * @param warmup  warm-up runs before measuring
 * @param csv     a file to write the CSV to as well, or null
 * @param plot    a PNG file to draw the result into, or null
 * @param scaling heat over MPI ranks: "strong" (one n for every rank count) or "weak" (n grows with the
 *                ranks so that each rank keeps n*n points: n(P) = n*sqrt(P))
 * @param halo    heat over MPI ranks: "overlap" (non-blocking exchange during the interior update), "blocking",
 *                or "both" (each rank count both ways, in one run)
 * @param haloDepth heat over MPI ranks: halo rows exchanged each way, and steps per exchange (1: every step)
 */
public record BenchOptions(String problem, List<String> impls, int[] threads, int width, int height, int iters,
                           int n, int steps, int mib, int[] ranks, int repeat, int warmup, Path csv, Path plot,
                           String scaling, String halo, int haloDepth) {

    /** The problems the CLI knows ({@link BenchProblem#all()}). */
    public static final List<String> PROBLEMS = BenchProblem.all().stream().map(BenchProblem::name).toList();

    /** Largest thread (or rank) count accepted: far beyond any laptop, small enough not to exhaust the OS. */
    public static final int MAX_THREADS = 1024;

    private static final List<String> COMMON = List.of("--impl", "--threads", "--repeat", "--warmup", "--csv", "--plot");
    private static final Map<String, List<String>> PROBLEM_OPTIONS = BenchProblem.all().stream()
            .collect(java.util.stream.Collectors.toMap(BenchProblem::name, BenchProblem::options));

    /** Whether the user asked to list the variants ({@code --impl list}). */
    public boolean listOnly() {
        return impls.equals(List.of("list"));
    }

    /** Whether every variant was chosen (no {@code --impl}, or {@code --impl all}). */
    public boolean allImpls() {
        return impls.isEmpty();
    }

    /** The size column of the CSV: "WxH", "N" or the stream array MiB. */
    public String size() {
        return BenchProblem.named(problem).size(this);
    }

    /** The options allowed for {@code problem}, for messages and {@code --help}. */
    public static List<String> allowedOptions(String problem) {
        List<String> all = new ArrayList<>(COMMON);
        all.addAll(PROBLEM_OPTIONS.getOrDefault(problem, List.of()));
        return all;
    }

    /** Parses {@code bench PROBLEM [--option value ...]} (without the word "bench"). */
    public static BenchOptions parse(String... args) {
        if (args.length == 0) throw new IllegalArgumentException("give a problem: " + String.join(", ", PROBLEMS));
        String problem = args[0];
        if (!PROBLEMS.contains(problem)) {
            throw new IllegalArgumentException("unknown problem '" + problem + "'; allowed: " + String.join(", ", PROBLEMS));
        }
        List<String> allowed = allowedOptions(problem);
        Map<String, String> given = new LinkedHashMap<>();
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            String key = a, value = null;
            int eq = a.indexOf('=');
            if (a.startsWith("--") && eq > 0) {
                key = a.substring(0, eq);
                value = a.substring(eq + 1);
            }
            if (!key.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument '" + a + "'; options for " + problem + ": " + String.join(" ", allowed));
            }
            if (!allowed.contains(key)) {
                String option = key;
                String where = PROBLEM_OPTIONS.entrySet().stream().filter(e -> e.getValue().contains(option))
                        .map(Map.Entry::getKey).findFirst().map(p -> " (it belongs to " + p + ")").orElse("");
                throw new IllegalArgumentException("unknown option " + key + " for " + problem + where
                        + "; allowed: " + String.join(" ", allowed));
            }
            if (value == null) {
                if (i + 1 >= args.length || (args[i + 1].startsWith("--") && !isNumber(args[i + 1]))) {
                    throw new IllegalArgumentException(key + " needs a value, e.g. " + key + " " + example(key));
                }
                value = args[++i];
            }
            if (value.isBlank()) throw new IllegalArgumentException(key + " needs a value, e.g. " + key + " " + example(key));
            if (given.put(key, value) != null) throw new IllegalArgumentException(key + " is given twice; give it once");
        }

        List<String> impls = List.of();
        if (given.containsKey("--impl")) {
            List<String> names = Arrays.stream(given.get("--impl").split(",", -1)).map(String::trim).toList();
            if (names.stream().anyMatch(String::isEmpty)) {
                throw new IllegalArgumentException("--impl has an empty name; give names such as a,b or all or list");
            }
            if (names.contains("all") || names.contains("list")) {
                if (names.size() > 1) throw new IllegalArgumentException("--impl all and --impl list stand alone, not in a list");
                impls = names.equals(List.of("list")) ? List.of("list") : List.of();
            } else {
                impls = List.copyOf(new java.util.LinkedHashSet<>(names));
            }
        }
        int[] threads = given.containsKey("--threads") ? counts(given.get("--threads"), "--threads") : defaultThreads();
        int[] ranks = given.containsKey("--ranks") ? counts(given.get("--ranks"), "--ranks") : null;
        return new BenchOptions(problem, impls, threads,
                intOption(given, "--width", 1500, 1), intOption(given, "--height", 1000, 1),
                intOption(given, "--iters", 20, 1),
                intOption(given, "--n", 1024, 3), intOption(given, "--steps", 200, 1),
                intOption(given, "--mib", 64, 1, 4096), ranks,
                intOption(given, "--repeat", 3, 1), intOption(given, "--warmup", 1, 0),
                pathOption(given, "--csv"), pathOption(given, "--plot"),
                choice(given, "--scaling", "strong", "weak"), choice(given, "--halo", "overlap", "blocking", "both"),
                intOption(given, "--halo-depth", 1, 1));
    }

    /** These options with another heat grid size (a weak-scaling row's own n). */
    public BenchOptions withN(int newN) {
        return new BenchOptions(problem, impls, threads, width, height, iters, newN, steps, mib, ranks, repeat, warmup,
                csv, plot, scaling, halo, haloDepth);
    }

    /** The value of {@code key}, one of {@code allowed} (the first is the default). */
    private static String choice(Map<String, String> given, String key, String... allowed) {
        String v = given.getOrDefault(key, allowed[0]).trim();
        if (!List.of(allowed).contains(v)) {
            throw new IllegalArgumentException(key + " '" + v + "' is not allowed: use " + String.join(" or ", allowed));
        }
        return v;
    }

    /** 1, 2, 4, ... up to the machine's cores (and the cores themselves). */
    static int[] defaultThreads() {
        Set<Integer> counts = new java.util.TreeSet<>();
        for (int t = 1; t <= Course.cores(); t *= 2) counts.add(t);
        counts.add(Course.cores());
        return counts.stream().mapToInt(Integer::intValue).toArray();
    }

    private static int[] counts(String list, String what) {
        if (list.isBlank() || list.replace(",", "").isBlank()) {
            throw new IllegalArgumentException(what + " needs at least one count, e.g. " + what + " 1,2,4");
        }
        int[] c = Course.parseCounts(list, what);
        for (int t : c) {
            if (t > MAX_THREADS) throw new IllegalArgumentException(what + ": " + t + " is too many; use 1 to " + MAX_THREADS);
        }
        return c;
    }

    private static int intOption(Map<String, String> given, String key, int dflt, int min) {
        return intOption(given, key, dflt, min, Integer.MAX_VALUE);
    }

    private static int intOption(Map<String, String> given, String key, int dflt, int min, int max) {
        String v = given.get(key);
        if (v == null) return dflt;
        int x;
        try {
            x = Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + ": '" + v + "' is not a whole number; e.g. " + key + " " + example(key));
        }
        if (x < min || x > max) {
            throw new IllegalArgumentException(key + " " + x + " is not allowed: use " + min
                    + (max == Integer.MAX_VALUE ? " or more" : " to " + max));
        }
        return x;
    }

    private static Path pathOption(Map<String, String> given, String key) {
        String v = given.get(key);
        if (v == null) return null;
        if (key.equals("--plot") && !v.toLowerCase(java.util.Locale.ROOT).endsWith(".png")) {
            throw new IllegalArgumentException("--plot writes a PNG: give a file name ending in .png");
        }
        return Path.of(v);
    }

    private static boolean isNumber(String s) {
        return s.matches("-?\\d+");
    }

    private static String example(String key) {
        return switch (key) {
            case "--impl" -> "scalar,threads";
            case "--threads", "--ranks" -> "1,2,4";
            case "--scaling" -> "weak";
            case "--halo" -> "blocking";
            case "--halo-depth" -> "16";
            case "--csv" -> "out.csv";
            case "--plot" -> "out.png";
            case "--width" -> "1500";
            case "--height" -> "1000";
            case "--iters" -> "1000";
            case "--n" -> "1024";
            case "--steps" -> "200";
            case "--mib" -> "256";
            default -> "3";
        };
    }
}
