package optpar.jit;

import optpar.mandelbrot.MandelbrotProblem;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The warm-up of one kernel in a fresh JVM: the time of each call, over calls, together with what
 * the JIT compiled and when. Early calls run in the interpreter, then in C1's code, then in C2's.
 *
 * <pre>{@code
 * WarmUpCurve w = WarmUpCurve.mandelbrot(new MandelbrotProblem(120, 80, 50), 150, Duration.ofSeconds(60));
 * w.timings().millis(0);                       // the first, interpreted call
 * Table steps = w.milestones();                // which call ran first with C1's, then C2's code
 * XYChart chart = w.chart("ScalarMandelbrot warming up");
 * Table inlining = CompilationLog.inliningTable(w.lastC2("ScalarMandelbrot::row"));
 * }</pre>
 *
 * @param timings the calls, timed in the child
 * @param events  the child's {@code -XX:+PrintCompilation} log, parsed
 * @param watched the methods (name suffixes) whose compilations are marked on the curve
 */
public record WarmUpCurve(KernelTimings timings, List<CompilationEvent> events, List<String> watched) {

    /** The hot methods of the scalar Mandelbrot: the image, one row, one pixel. */
    public static final List<String> MANDELBROT_METHODS = List.of("ScalarMandelbrot::compute", "ScalarMandelbrot::row",
            "ScalarMandelbrot::mandel");

    /**
     * Times {@code calls} calls of the scalar Mandelbrot kernel in a fresh child JVM that logs its
     * compilations and the inlining decisions made while compiling {@code row} (the loop over one
     * row's pixels, which calls {@code mandel} for each).
     */
    public static WarmUpCurve mandelbrot(MandelbrotProblem p, int calls, Duration timeout) {
        List<String> flags = List.of("-XX:+PrintCompilation", "-XX:+UnlockDiagnosticVMOptions",
                "-XX:CompileCommand=quiet", "-XX:CompileCommand=PrintInlining,optpar.mandelbrot.ScalarMandelbrot::row");
        ChildJvm.Result r = ChildJvm.run(flags, TimedKernel.class.getName(), timeout,
                "mandelbrot", "scalar", "" + p.width(), "" + p.height(), "" + p.maxIter(), "1", "" + calls);
        return new WarmUpCurve(KernelTimings.parse(r.stderr()), CompilationLog.parse(r.stdout(), "ScalarMandelbrot::row"), MANDELBROT_METHODS);
    }

    /** The index of the call that was running at {@code timeMs} (ms since JVM start), or -1 before the first. */
    public int callAt(double timeMs) {
        double[] s = timings.startMs();
        int found = -1;
        for (int i = 0; i < s.length && s[i] <= timeMs; i++) found = i;
        return found;
    }

    /** The compilations of the watched methods (code thrown away is left out). */
    public List<CompilationEvent> watchedEvents() {
        List<CompilationEvent> out = new ArrayList<>();
        for (CompilationEvent e : events) {
            if (e.madeNotEntrant()) continue;
            for (String w : watched) if (e.method().endsWith(w)) out.add(e);
        }
        return out;
    }

    /** One row per compilation of a watched method: when, during which call, tier, OSR or not. */
    public Table milestones() {
        DoubleColumn ms = DoubleColumn.create("ms since start");
        IntColumn call = IntColumn.create("during call");
        StringColumn method = StringColumn.create("method");
        IntColumn tier = IntColumn.create("tier");
        StringColumn compiler = StringColumn.create("compiler");
        StringColumn kind = StringColumn.create("kind");
        for (CompilationEvent e : watchedEvents()) {
            ms.append(e.timeMs());
            call.append(callAt(e.timeMs()));
            method.append(shortName(e.method()));
            tier.append(e.tier());
            compiler.append(e.compiler());
            kind.append(e.osr() ? "OSR @ bci " + e.osrBci() : "whole method");
        }
        return Table.create("JIT milestones", ms, call, method, tier, compiler, kind);
    }

    /** The last C2 (tier 4) whole-method compilation of {@code methodSuffix}, or null if none happened. */
    public CompilationEvent lastC2(String methodSuffix) {
        CompilationEvent last = null;
        for (CompilationEvent e : events) {
            if (e.method().endsWith(methodSuffix) && e.tier() == 4 && !e.madeNotEntrant()) last = e;
        }
        return last;
    }

    /**
     * Time per call over calls (log scale), with a marker on the curve at each call during which a
     * watched method got new compiled code (C1 and C2 in different series).
     */
    public XYChart chart(String title) {
        XYChart chart = new XYChartBuilder().width(optpar.measure.Charts.width()).height(optpar.measure.Charts.height()).title(title)
                .xAxisTitle("call number").yAxisTitle("ms per call (log)").build();
        chart.getStyler().setYAxisLogarithmic(true);
        double[] x = new double[timings.calls()];
        for (int i = 0; i < x.length; i++) x[i] = i;
        XYSeries curve = chart.addSeries("time per call", x, timings.millis());
        curve.setMarker(SeriesMarkers.NONE);
        addMarkers(chart, "C1 compiled", e -> e.tier() >= 1 && e.tier() <= 3, SeriesMarkers.DIAMOND);
        addMarkers(chart, "C2 compiled", e -> e.tier() == 4, SeriesMarkers.CIRCLE);
        return chart;
    }

    private void addMarkers(XYChart chart, String name, java.util.function.Predicate<CompilationEvent> which,
                            org.knowm.xchart.style.markers.Marker marker) {
        List<Double> xs = new ArrayList<>(), ys = new ArrayList<>();
        for (CompilationEvent e : watchedEvents()) {
            int call = callAt(e.timeMs());
            if (!which.test(e) || call < 0) continue;
            xs.add((double) call);
            ys.add(timings.millis(call));
        }
        if (xs.isEmpty()) return;
        XYSeries s = chart.addSeries(name, xs, ys);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        s.setMarker(marker);
    }

    private static String shortName(String method) {
        int dot = method.lastIndexOf('.', method.indexOf("::"));
        return dot < 0 ? method : method.substring(dot + 1);
    }
}
