package optpar.python;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import optpar.process.ChildProcess;

/**
 * Debian's {@code python3} and the lecture's Python scripts (resources {@code optpar/python/*.py}),
 * run as child processes through {@link ChildProcess}: the interpreter, which modules it has, and
 * the folder the scripts are copied to.
 *
 * <p>A missing interpreter or module is not an error: {@link #missing} gives the reason a variant
 * is unavailable ("unavailable here (install python3-numba)") and every other variant runs.
 *
 * <pre>{@code
 * String why = Python.missing("numba");          // "" when numba imports
 * var r = Python.command("mandelbrot.py", "--impl", "numpy", "--width", "150", "--height", "100", "--iters", "20");
 * ChildProcess.of(r).timeout(Duration.ofMinutes(1)).run().requireSuccess();
 * }</pre>
 */
public final class Python {
    private Python() {}

    /** The scripts in the resources, copied together (they import {@code timing.py}). */
    static final List<String> SCRIPTS = List.of("timing.py", "mandelbrot.py", "heat.py", "memo.py", "polynomial.py",
            "cython_mandel.py", "gil.py", "prange_race.py", "mpi_heat.py");

    /** The Debian package that provides each module the course imports. */
    static final Map<String, String> PACKAGES = Map.of("numpy", "python3-numpy", "numba", "python3-numba",
            "Cython", "cython3", "mpi4py", "python3-mpi4py");

    private static final Map<String, String> MISSING = new ConcurrentHashMap<>();
    private static volatile Path scripts;

    /**
     * The interpreter: {@code $OPTPAR_PYTHON} when set, else Debian's {@code /usr/bin/python3}
     * (the one {@code apt} installs python3-numba for; another python3 on the PATH may lack it).
     */
    public static Path interpreter() {
        String env = System.getenv("OPTPAR_PYTHON");
        return Path.of(env != null && !env.isBlank() ? env : "/usr/bin/python3");
    }

    /** PyPy, the JIT-compiled Python of the lecture: {@code $OPTPAR_PYPY} or Debian's {@code /usr/bin/pypy3}. */
    public static Path pypy() {
        String env = System.getenv("OPTPAR_PYPY");
        return Path.of(env != null && !env.isBlank() ? env : "/usr/bin/pypy3");
    }

    /** "" when PyPy is here, else "unavailable here (install pypy3)". */
    public static String missingPypy() {
        return Files.isExecutable(pypy()) ? "" : "unavailable here (install pypy3)";
    }

    /**
     * Runs one of the course's scripts with Debian's python3 and returns the fields of its
     * {@code OPTPAR-RESULT} line (the notebooks' side-by-side cells use this).
     *
     * <pre>{@code
     * Map<String, String> r = Python.result(Duration.ofMinutes(1), "memo.py", "--n", "25");
     * double plain = Python.number(r, "plain_seconds");
     * }</pre>
     */
    public static Map<String, String> result(Duration bound, String script, String... args) {
        return PythonRun.parse(process(command(script, args), bound).run().requireSuccess().stdout());
    }

    /** The fields of the {@code OPTPAR-RESULT} line of a finished script run (e.g. one started with extra env). */
    public static Map<String, String> fields(ChildProcess.Result finished) {
        return PythonRun.parse(finished.requireSuccess().stdout());
    }

    /** A list of numbers from a {@link #result}, e.g. the lost fractions of several runs. */
    public static double[] numbers(Map<String, String> result, String field) {
        String v = result.get(field);
        if (v == null) throw new IllegalStateException("the Python result has no field '" + field + "': " + result.keySet());
        return java.util.Arrays.stream(v.split(",")).mapToDouble(Double::parseDouble).toArray();
    }

    /** A number from a {@link #result} (one line error naming the field when it is missing). */
    public static double number(Map<String, String> result, String field) {
        String v = result.get(field);
        if (v == null) throw new IllegalStateException("the Python result has no field '" + field + "': " + result.keySet());
        return Double.parseDouble(v);
    }

    /**
     * Why {@code module} cannot be imported here, as the one line a skipped variant shows, or ""
     * when it imports. Asked once per module (an import of numba takes about half a second).
     */
    public static String missing(String module) {
        return MISSING.computeIfAbsent(module, Python::probe);
    }

    private static String probe(String module) {
        String pkg = PACKAGES.getOrDefault(module, "python3-" + module.toLowerCase(java.util.Locale.ROOT));
        if (!Files.isExecutable(interpreter())) return "unavailable here (no " + interpreter() + ": install python3)";
        try {
            var r = ChildProcess.of(interpreter().toString(), "-c", "import " + module)
                    .timeout(Duration.ofSeconds(60)).run();
            return r.succeeded() ? "" : "unavailable here (install " + pkg + ")";
        } catch (RuntimeException e) {
            return "unavailable here (" + interpreter() + " -c 'import " + module + "' failed: " + e.getMessage() + ")";
        }
    }

    /** The folder holding the course's scripts (copied from the resources once per JVM). */
    public static Path scripts() {
        Path dir = scripts;
        if (dir != null) return dir;
        synchronized (Python.class) {
            if (scripts == null) {
                try {
                    Path d = Files.createTempDirectory("optpar-python");
                    for (String s : SCRIPTS) {
                        try (InputStream in = Python.class.getResourceAsStream("/optpar/python/" + s)) {
                            if (in == null) throw new IllegalStateException("the resource optpar/python/" + s + " is missing from the build");
                            Files.copy(in, d.resolve(s), StandardCopyOption.REPLACE_EXISTING);
                        }
                    }
                    scripts = d;
                } catch (IOException e) {
                    throw new UncheckedIOException("could not copy the Python scripts: " + e.getMessage(), e);
                }
            }
            return scripts;
        }
    }

    /** The command that runs one of the course's scripts with {@code args}. */
    public static List<String> command(String script, String... args) {
        return command(interpreter(), script, args);
    }

    /** The same with another interpreter (PyPy: {@link #pypy()}). */
    public static List<String> command(Path interpreter, String script, String... args) {
        var cmd = new java.util.ArrayList<String>();
        cmd.add(interpreter.toString());
        cmd.add(scripts().resolve(script).toString());
        cmd.addAll(List.of(args));
        return cmd;
    }

    /**
     * Numba's cache of compiled functions ({@code cache=True}): one folder per user in the temp
     * folder, so a function is compiled once per machine, not once per run.
     */
    public static Path numbaCache() {
        return Path.of(System.getProperty("java.io.tmpdir"), "optpar-numba-cache-" + System.getProperty("user.name", "user"));
    }

    /**
     * A child process for {@link #command}: the scripts' folder as working directory, Numba's cache,
     * and NumPy's BLAS kept to one thread (the variants that use threads say how many themselves).
     */
    public static ChildProcess process(List<String> command, Duration bound) {
        return ChildProcess.of(command).timeout(bound).directory(scripts())
                .env("NUMBA_CACHE_DIR", numbaCache().toString())
                .env("OPENBLAS_NUM_THREADS", "1").env("MKL_NUM_THREADS", "1")
                .env("PYTHONDONTWRITEBYTECODE", "1");
    }
}
