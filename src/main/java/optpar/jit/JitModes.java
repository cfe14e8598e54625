package optpar.jit;

import optpar.mandelbrot.MandelbrotProblem;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The same Mandelbrot kernel timed in one fresh child JVM per {@link CompilerMode}: the JVM's
 * answer to the lecture's "pure Python, then Numba" comparison.
 *
 * <pre>{@code
 * var p = new MandelbrotProblem(300, 200, 50);
 * Map<CompilerMode, KernelTimings> t = JitModes.compare(p, "scalar", 5, Duration.ofSeconds(60));
 * Table table = JitModes.table(t);   // mode, first call, best call, speed-up over the interpreter
 * }</pre>
 */
public final class JitModes {
    private JitModes() {}

    /**
     * Runs variant {@code variant} on {@code problem} {@code calls} times in a child JVM for each
     * mode (all modes when none are given).
     *
     * @throws IllegalStateException when a child exceeds {@code timeoutPerMode} or the checksums differ
     */
    public static Map<CompilerMode, KernelTimings> compare(MandelbrotProblem problem, String variant, int calls,
                                                           Duration timeoutPerMode, CompilerMode... modes) {
        if (modes.length == 0) modes = CompilerMode.values();
        Map<CompilerMode, KernelTimings> out = new LinkedHashMap<>();
        for (CompilerMode m : modes) {
            KernelTimings t = runMandelbrot(m.flags(), problem, variant, 1, calls, timeoutPerMode);
            out.put(m, t);
        }
        // The compiler changes how fast, never what: every mode must give the same image.
        String first = out.values().iterator().next().checksum();
        for (var e : out.entrySet()) {
            if (!e.getValue().checksum().equals(first)) {
                throw new IllegalStateException("mode " + e.getKey() + " gave checksum " + e.getValue().checksum()
                        + ", another gave " + first);
            }
        }
        return out;
    }

    /** One child run of the Mandelbrot kernel with the given JVM flags. */
    public static KernelTimings runMandelbrot(List<String> jvmFlags, MandelbrotProblem p, String variant,
                                              int threads, int calls, Duration timeout) {
        ChildJvm.Result r = ChildJvm.run(jvmFlags, TimedKernel.class.getName(), timeout,
                "mandelbrot", variant, "" + p.width(), "" + p.height(), "" + p.maxIter(), "" + threads, "" + calls);
        return KernelTimings.parse(r.stderr());
    }

    /**
     * A table: mode, first call (ms, includes the JIT's work), best call (ms), and speed-up of the
     * best call over the interpreter's best (when the interpreter was run).
     */
    public static Table table(Map<CompilerMode, KernelTimings> timings) {
        KernelTimings interp = timings.get(CompilerMode.INTERPRETER);
        StringColumn mode = StringColumn.create("mode");
        DoubleColumn first = DoubleColumn.create("first call ms");
        DoubleColumn best = DoubleColumn.create("best call ms");
        DoubleColumn speedup = DoubleColumn.create("speed-up vs interpreter");
        for (var e : timings.entrySet()) {
            mode.append(e.getKey().label());
            first.append(round(e.getValue().millis(0)));
            best.append(round(e.getValue().bestMillis()));
            speedup.append(interp == null ? Double.NaN : round(interp.bestMillis() / e.getValue().bestMillis()));
        }
        return Table.create("one kernel, three compilers", mode, first, best, speedup);
    }

    /** The labels of the modes, in order (for a bar chart's categories). */
    public static List<String> labels(Map<CompilerMode, KernelTimings> timings) {
        List<String> out = new ArrayList<>();
        for (CompilerMode m : timings.keySet()) out.add(m.label());
        return out;
    }

    /** The labels of the modes, as an array (for {@code Charts.bars}). */
    public static String[] labelArray(Map<CompilerMode, KernelTimings> timings) {
        return labels(timings).toArray(String[]::new);
    }

    /** Each mode's best call, in seconds (for {@code Charts.bars}). */
    public static double[] bestSeconds(Map<CompilerMode, KernelTimings> timings) {
        return timings.values().stream().mapToDouble(t -> t.bestMillis() / 1e3).toArray();
    }

    static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
