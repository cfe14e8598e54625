package optpar.python;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import optpar.Course;
import optpar.heat.BlockedHeat;
import optpar.heat.HeatProblem;
import optpar.mandelbrot.MandelbrotProblem;
import optpar.mandelbrot.ScalarMandelbrot;
import optpar.mandelbrot.VectorThreadsMandelbrot;
import optpar.process.ChildProcess;

/**
 * One of the lecture's Python versions of a course problem ({@code optpar/python/mandelbrot.py},
 * {@code heat.py}), run by Debian's {@code python3} as a child process and timed inside Python the
 * way {@link optpar.measure.Timing} times Java: warm-ups first (Numba compiles before any of them,
 * on a tiny input, and that time is reported apart), then the measured runs.
 *
 * <p>Every run is checked against the Java reference: the checksum Python reports must equal the
 * one Java computes for the same problem (the same bits: the scripts keep the reference's order of
 * operations), else {@link #measure} throws. Pure Python on a large problem runs a <em>slice</em>
 * (every k-th Mandelbrot row, or the first few heat steps), checks the slice, scales its times to
 * the whole problem and says so in the notes.
 *
 * <pre>{@code
 * var v = PythonVariant.byName("mandelbrot", "python-numba");
 * if (v.available()) System.out.println(v.measure(new MandelbrotProblem(600, 400, 100), 1, 1, 3, System.out::println));
 * else System.out.println(v.name() + ": " + v.unavailableReason());   // "unavailable here (install python3-numba)"
 * }</pre>
 *
 * @param problem     "mandelbrot" or "heat"
 * @param impl        the script's {@code --impl}: python, numpy, numba, numba-parallel; pypy = python under PyPy
 * @param description one line for tables and {@code --impl list}
 * @param module      the module it needs beyond the interpreter (numpy or numba), or "pypy" for PyPy itself
 */
public record PythonVariant(String problem, String impl, String description, String module) {

    /**
     * The work pure Python does per run before it switches to a slice: pixel-iterations (the
     * Mandelbrot bound width*height*maxIter) or point updates (heat). About a second of CPython.
     */
    public static final double PURE_PYTHON_BUDGET = 1e7;

    /** The most one script run may take; a stuck run is stopped with its whole process tree. */
    public static final Duration TIME_BOUND = Duration.ofMinutes(10);

    /** The Python Mandelbrot variants, in the lecture's order. */
    public static List<PythonVariant> mandelbrot() {
        return List.of(
                new PythonVariant("mandelbrot", "python", "the lecture's mandel/create_fractal in pure Python (CPython); large images run a slice of rows", "numpy"),
                new PythonVariant("mandelbrot", "numba", "the Numba documentation's Mandelbrot: the same loops with @jit (compile excluded)", "numba"),
                new PythonVariant("mandelbrot", "numba-parallel", "@njit(parallel=True), rows in prange over Numba's threads", "numba"),
                new PythonVariant("mandelbrot", "numpy", "NumPy array code: the whole image per operation, escaped pixels dropped", "numpy"),
                new PythonVariant("mandelbrot", "pypy", "the pure Python loops run by PyPy, the JIT-compiled Python; large images run a slice", "pypy"));
    }

    /** The Python heat variants. */
    public static List<PythonVariant> heat() {
        return List.of(
                new PythonVariant("heat", "python", "pure Python lists and loops (CPython); large grids run the first steps only", "numpy"),
                new PythonVariant("heat", "numpy", "the lecture's NumPy slices: a temporary array per operation", "numpy"),
                new PythonVariant("heat", "numba", "the loops with @njit (compile excluded)", "numba"),
                new PythonVariant("heat", "numba-parallel", "@njit(parallel=True), rows in prange over Numba's threads", "numba"));
    }

    /** The variants of {@code problem} ("mandelbrot" or "heat"). */
    public static List<PythonVariant> of(String problem) {
        return switch (problem) {
            case "mandelbrot" -> mandelbrot();
            case "heat" -> heat();
            default -> List.of();
        };
    }

    /** The variant called {@code name} (e.g. "python-numba"); a one-line error listing the names otherwise. */
    public static PythonVariant byName(String problem, String name) {
        return of(problem).stream().filter(v -> v.name().equals(name)).findFirst().orElseThrow(() ->
                new IllegalArgumentException("unknown Python " + problem + " variant '" + name + "'; allowed: "
                        + String.join(", ", of(problem).stream().map(PythonVariant::name).toList())));
    }

    /** Its name in tables and {@code --impl}: "python" for pure Python, else "python-" + impl. */
    public String name() {
        return impl.equals("python") ? "python" : "python-" + impl;
    }

    /** Whether the thread count means anything (Numba's prange). */
    public boolean parallel() {
        return impl.equals("numba-parallel");
    }

    /** Whether the interpreter and {@link #module()} are here. */
    public boolean available() {
        return unavailableReason().isEmpty();
    }

    /** "" when it can run, else e.g. "unavailable here (install python3-numba)". */
    public String unavailableReason() {
        if (module.equals("pypy")) return Python.missingPypy();
        String numpy = Python.missing("numpy");
        return !numpy.isEmpty() || module.equals("numpy") ? numpy : Python.missing(module);
    }

    /** Times it on the Mandelbrot problem {@code p}; notes (e.g. the slice) go to {@code notes}. */
    public PythonRun measure(MandelbrotProblem p, int threads, int warmups, int repeats, Consumer<String> notes) {
        requireProblem("mandelbrot");
        int step = 1;
        if (pure()) {
            double work = (double) p.pixels() * p.maxIter();
            // PyPy's JIT runs the same loops tens of times faster than CPython: a larger budget
            step = (int) Math.min(p.height(), Math.ceil(work / (impl.equals("pypy") ? 20 : 1) / PURE_PYTHON_BUDGET));
        }
        var r = run(List.of("mandelbrot.py", "--width", "" + p.width(), "--height", "" + p.height(), "--iters", "" + p.maxIter(),
                "--row-step", "" + step), threads, warmups, repeats, null, p.height() / (double) ((p.height() + step - 1) / step),
                step == 1 ? "" : String.format(Locale.ROOT, "every %d%s row (%d of %d), times scaled to the whole image",
                        step, ordinal(step), (p.height() + step - 1) / step, p.height()));
        long expected = mandelbrotReference(p, step);
        check(r, expected, p.toString());
        if (r.sliced()) notes.accept(name() + ": pure Python ran " + r.slice() + "; the slice's checksum equals Java's for those rows");
        return r;
    }

    /** Times it on the heat problem {@code p}. */
    public PythonRun measure(HeatProblem p, int threads, int warmups, int repeats, Consumer<String> notes) {
        requireProblem("heat");
        int steps = p.steps();
        if (impl.equals("python") && steps > 0) {
            double perStep = (double) (p.n() - 2) * (p.n() - 2);
            steps = (int) Math.max(1, Math.min(steps, Math.floor(PURE_PYTHON_BUDGET / perStep)));
        }
        int ran = steps;
        var r = run(List.of("heat.py", "--n", "" + p.n(), "--steps", "" + steps), threads, warmups, repeats, null,
                steps == p.steps() ? 1 : p.steps() / (double) steps,
                steps == p.steps() ? "" : String.format(Locale.ROOT, "the first %d of %d steps, times scaled to all steps", ran, p.steps()));
        double expected = heatReference(new HeatProblem(p.n(), steps));
        check(r, expected, p.toString());
        if (r.sliced()) notes.accept(name() + ": pure Python ran " + r.slice() + "; the grid after them equals Java's (same checksum)");
        return r;
    }

    /** The counts it computes (one untimed run): for the tests, compared with the reference bit for bit. */
    public int[] counts(MandelbrotProblem p, int threads) {
        requireProblem("mandelbrot");
        byte[] raw = runForOutput(List.of("mandelbrot.py", "--width", "" + p.width(), "--height", "" + p.height(),
                "--iters", "" + p.maxIter()), threads);
        int[] counts = new int[p.pixels()];
        ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN).asIntBuffer().get(counts);
        return counts;
    }

    /** The final grid it computes (one untimed run), for the tests. */
    public double[] grid(HeatProblem p, int threads) {
        requireProblem("heat");
        byte[] raw = runForOutput(List.of("heat.py", "--n", "" + p.n(), "--steps", "" + p.steps()), threads);
        double[] u = new double[p.n() * p.n()];
        ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN).asDoubleBuffer().get(u);
        return u;
    }

    private byte[] runForOutput(List<String> args, int threads) {
        try {
            Path out = Files.createTempFile("optpar-" + problem, ".bin");
            try {
                run(args, threads, 0, 1, out, 1, "");
                return Files.readAllBytes(out);
            } finally {
                Files.deleteIfExists(out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private PythonRun run(List<String> scriptAndArgs, int threads, int warmups, int repeats, Path out, double scale, String slice) {
        if (threads < 1) throw new IllegalArgumentException("threads " + threads + " is not allowed: it must be at least 1");
        if (!available()) throw new IllegalStateException(name() + " " + unavailableReason());
        int t = parallel() ? threads : 1;
        List<String> args = new ArrayList<>(scriptAndArgs.subList(1, scriptAndArgs.size()));
        args.addAll(List.of("--impl", pure() ? "python" : impl, "--threads", "" + t, "--warmup", "" + warmups, "--repeat", "" + repeats));
        if (out != null) args.addAll(List.of("--out", out.toString()));
        var interpreter = impl.equals("pypy") ? Python.pypy() : Python.interpreter();
        var result = Python.process(Python.command(interpreter, scriptAndArgs.getFirst(), args.toArray(String[]::new)), TIME_BOUND)
                // Numba's pool: at least the cores, more when asked (oversubscription is a lesson too)
                .env("NUMBA_NUM_THREADS", "" + Math.max(t, Course.cores()))
                .run().requireSuccess();
        Map<String, String> f = PythonRun.parse(result.stdout());
        return new PythonRun(name(), t, PythonRun.times(f.get("warmup"), scale), PythonRun.times(f.get("seconds"), scale),
                Double.parseDouble(f.get("checksum")), Double.parseDouble(f.getOrDefault("compile_seconds", "0")), 1 / scale, slice);
    }

    /** Pure Python loops: CPython's or PyPy's. */
    private boolean pure() {
        return impl.equals("python") || impl.equals("pypy");
    }

    private void check(PythonRun r, double expected, String what) {
        if (Double.compare(r.checksum(), expected) != 0) {
            throw new IllegalStateException(String.format(Locale.ROOT,
                    "%s computed a different result for %s: checksum %s, the Java reference's %s", name(), what,
                    Double.toString(r.checksum()), Double.toString(expected)));
        }
    }

    private void requireProblem(String p) {
        if (!problem.equals(p)) throw new IllegalArgumentException(name() + " solves " + problem + ", not " + p);
    }

    private static String ordinal(int k) {
        int m100 = k % 100, m10 = k % 10;
        if (m100 >= 11 && m100 <= 13) return "th";
        return m10 == 1 ? "st" : m10 == 2 ? "nd" : m10 == 3 ? "rd" : "th";
    }

    private static final Map<String, Double> REFERENCES = new ConcurrentHashMap<>();

    /** The Java checksum of every {@code step}-th row (all rows for 1), computed once per problem. */
    static long mandelbrotReference(MandelbrotProblem p, int step) {
        return REFERENCES.computeIfAbsent(p + "/" + step, k -> {
            if (step == 1) return (double) MandelbrotProblem.checksum(new VectorThreadsMandelbrot().compute(p, Course.cores()));
            int[] counts = new int[p.pixels()];
            long sum = 0;
            for (int r = 0; r < p.height(); r += step) {
                ScalarMandelbrot.row(p, r, counts);
                for (int c = 0; c < p.width(); c++) sum += counts[r * p.width() + c];
            }
            return (double) sum;
        }).longValue();
    }

    /** The Java checksum of the heat problem (the blocked variant: bit-identical to the reference, and fast). */
    static double heatReference(HeatProblem p) {
        return REFERENCES.computeIfAbsent(p.toString(), k -> HeatProblem.checksum(new BlockedHeat().solve(p, Course.cores())));
    }
}
