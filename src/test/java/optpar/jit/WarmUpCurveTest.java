package optpar.jit;

import optpar.mandelbrot.MandelbrotProblem;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class WarmUpCurveTest {

    @Tag("integration")   // a child JVM, and what its JIT decides
    @Test
    void recordsEveryCallAndTheHotMethodsCompilations() {
        WarmUpCurve w = WarmUpCurve.mandelbrot(new MandelbrotProblem(60, 40, 30), 40, Duration.ofSeconds(60));
        assertEquals(40, w.timings().calls());
        // mandel is called thousands of times per image: the JIT must have compiled it.
        assertFalse(CompilationLog.forMethod(w.events(), "ScalarMandelbrot::mandel").isEmpty());
        assertFalse(w.watchedEvents().isEmpty());
        assertEquals(w.watchedEvents().size(), w.milestones().rowCount());
        var curve = w.chart("warm-up").getSeriesMap().get("time per call");
        assertArrayEquals(w.timings().millis(), curve.getYData(), "the curve is the measured times, call by call");
    }

    @Test
    void theChartMarksEachCompilationOnTheCallItHappenedDuring() {
        // three calls starting at 100, 105 and 106 ms; C1 compiles mandel at 101 ms (call 0), C2 at 105.5 (call 1)
        var t = new KernelTimings(new long[]{5_000_000, 1_000_000, 500_000}, new double[]{100, 105, 106}, "0");
        var c1 = new CompilationEvent(101, 1, 3, false, -1, false, "optpar.mandelbrot.ScalarMandelbrot::mandel", 80, "", List.of());
        var c2 = new CompilationEvent(105.5, 2, 4, false, -1, false, "optpar.mandelbrot.ScalarMandelbrot::mandel", 80, "", List.of());
        var other = new CompilationEvent(102, 3, 4, false, -1, false, "java.lang.String::hashCode", 50, "", List.of());
        var thrownAway = new CompilationEvent(106.5, 1, 3, false, -1, false, "optpar.mandelbrot.ScalarMandelbrot::mandel", 80,
                "made not entrant", List.of());
        var w = new WarmUpCurve(t, List.of(c1, other, c2, thrownAway), WarmUpCurve.MANDELBROT_METHODS);
        var series = w.chart("test").getSeriesMap();
        assertEquals(List.of("time per call", "C1 compiled", "C2 compiled"), List.copyOf(series.keySet()));
        assertArrayEquals(new double[]{5, 1, 0.5}, series.get("time per call").getYData(), 1e-12);
        assertArrayEquals(new double[]{0}, series.get("C1 compiled").getXData(), "C1 during call 0");
        assertArrayEquals(new double[]{5}, series.get("C1 compiled").getYData(), 1e-12, "marked on the curve");
        assertArrayEquals(new double[]{1}, series.get("C2 compiled").getXData(), "C2 during call 1");
        assertEquals(2, w.milestones().rowCount(), "String::hashCode is not watched, thrown-away code is not a milestone");
    }

    @Tag("integration")   // a child JVM, and what its JIT decides
    @Test
    void theJitSaysWhichShapeCallWasInlined() {
        List<CompilationEvent> report = MegamorphicCalls.inliningReport(20_000, Duration.ofSeconds(60));
        var four = report.stream().filter(e -> e.method().endsWith("sumFourTypes")).toList();
        var one = report.stream().filter(e -> e.method().endsWith("sumOneType")).toList();
        assertFalse(four.isEmpty(), "no C2 compile of sumFourTypes was logged");
        assertFalse(one.isEmpty(), "no C2 compile of sumOneType was logged");
        assertTrue(four.stream().flatMap(e -> e.inlining().stream()).noneMatch(InliningDecision::inlined));
        assertTrue(one.stream().flatMap(e -> e.inlining().stream()).anyMatch(d -> d.inlined() && d.callee().endsWith("Square::area")));
    }

    @Test
    void callAtMapsTimesToTheCallInProgress() {
        var t = new KernelTimings(new long[]{5_000_000, 1_000_000, 1_000_000}, new double[]{100, 105, 106}, "0");
        var w = new WarmUpCurve(t, List.of(), List.of());
        assertEquals(-1, w.callAt(99));
        assertEquals(0, w.callAt(100));
        assertEquals(0, w.callAt(104.9));
        assertEquals(1, w.callAt(105.5));
        assertEquals(2, w.callAt(1000));
    }

    @Test
    void timingsParseSkipsNoiseAndRejectsEmptyOutput() {
        var t = KernelTimings.parse(List.of("WARNING: Using incubator modules", "optpar-call 0 10.5 3000000",
                "optpar-call 1 13.5 1000000", "optpar-checksum 42"));
        assertEquals(2, t.calls());
        assertEquals(1.0, t.bestMillis());
        assertEquals(2.0, t.medianMillis());
        assertEquals("42", t.checksum());
        assertThrows(IllegalStateException.class, () -> KernelTimings.parse(List.of("nothing here")));
    }
}
