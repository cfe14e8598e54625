package optpar.profiling;

import java.util.Collection;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import optpar.Course;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.NoBenchmarksException;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Runs JMH benchmarks of the course (compiled into the course jar: JMH's annotation processor
 * cannot run on code typed into a cell) from a notebook cell, with short settings, and returns the
 * result as a tablesaw table.
 *
 * <p><b>Forks.</b> With {@code forks = 1} every benchmark runs in a fresh JVM: its JIT profile is not
 * polluted by what the notebook ran before, which is what JMH is designed for. JMH starts that JVM
 * with the classpath it reads from the {@code java.class.path} property; inside the Jupyter kernel
 * that property names only the kernel's jar (the course jars are added to JShell later), so this
 * class sets it to {@link Course#classpath()} for the run and restores it afterwards.
 * With {@code forks = 0} the benchmark runs inside the notebook's JVM: no JVM start (faster), but the
 * numbers depend on what ran before in that JVM (for instance a call site that has seen several
 * implementations may stay slower), so treat them as rough.
 * <pre>{@code
 * Table t = JmhFromCell.run(SumOfRootsBenchmark.class.getName(), 1);
 * }</pre>
 */
public final class JmhFromCell {
    private JmhFromCell() {}

    /**
     * Runs the benchmarks whose name matches {@code includeRegex} with short settings (shorter in
     * quick mode) and returns one row per benchmark and parameter set.
     *
     * @throws IllegalArgumentException when forks is negative or nothing matches
     */
    public static Table run(String includeRegex, int forks, Map<String, String> params) {
        if (forks < 0) throw new IllegalArgumentException("forks = " + forks + " is not allowed; use 0 (in this JVM) or 1 or more");
        int millis = Course.size(500, 100);
        ChainedOptionsBuilder options = new OptionsBuilder()
                .include(includeRegex)
                .forks(forks)
                .warmupIterations(Course.size(3, 2))
                .warmupTime(TimeValue.milliseconds(millis))
                .measurementIterations(Course.size(5, 3))
                .measurementTime(TimeValue.milliseconds(millis))
                .timeUnit(TimeUnit.NANOSECONDS)
                .jvmArgs(forkOptions())
                .shouldFailOnError(true)
                .verbosity(VerboseMode.SILENT);
        params.forEach(options::param);
        Collection<RunResult> results;
        try {
            results = runWithClasspath(options);
        } catch (NoBenchmarksException e) {
            results = java.util.List.of();
        }
        if (results.isEmpty()) {
            throw new IllegalArgumentException("no benchmark matches '" + includeRegex + "'; give a benchmark class name such as "
                    + SumOfRootsBenchmark.class.getName());
        }
        return toTable(results);
    }

    /** {@link #run(String, int, Map)} with the benchmarks' own parameters. */
    public static Table run(String includeRegex, int forks) {
        return run(includeRegex, forks, Map.of());
    }

    /** The course's JVM options, and quiet about JMH's own use of sun.misc.Unsafe. */
    private static String[] forkOptions() {
        java.util.List<String> o = new java.util.ArrayList<>(Course.jvmOptions());
        o.add("--sun-misc-unsafe-memory-access=allow");
        return o.toArray(String[]::new);
    }

    private static synchronized Collection<RunResult> runWithClasspath(ChainedOptionsBuilder options) throws NoBenchmarksException {
        String saved = System.getProperty("java.class.path");
        System.setProperty("java.class.path", Course.classpath());   // what the forked JVM gets as -cp
        try {
            return new Runner(options.build()).run();
        } catch (NoBenchmarksException e) {
            throw e;
        } catch (RunnerException e) {
            throw new IllegalStateException("JMH run failed: " + e.getMessage(), e);
        } finally {
            System.setProperty("java.class.path", saved);
        }
    }

    /** One row per result: benchmark (method name), parameters, score, error (99.9%), unit. */
    static Table toTable(Collection<RunResult> results) {
        StringColumn bench = StringColumn.create("benchmark");
        StringColumn params = StringColumn.create("params");
        DoubleColumn score = DoubleColumn.create("score");
        DoubleColumn error = DoubleColumn.create("± error");
        StringColumn unit = StringColumn.create("unit");
        for (RunResult r : results) {
            String full = r.getParams().getBenchmark();
            bench.append(full.substring(full.lastIndexOf('.') + 1));
            StringBuilder p = new StringBuilder();
            for (String key : r.getParams().getParamsKeys()) {
                if (!p.isEmpty()) p.append(", ");
                p.append(key).append('=').append(r.getParams().getParam(key));
            }
            params.append(p.toString());
            score.append(round3(r.getPrimaryResult().getScore()));
            double err = r.getPrimaryResult().getScoreError();
            error.append(Double.isNaN(err) ? Double.NaN : round3(err));
            unit.append(r.getPrimaryResult().getScoreUnit());
        }
        return Table.create("JMH", bench, params, score, error, unit);
    }

    private static double round3(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
