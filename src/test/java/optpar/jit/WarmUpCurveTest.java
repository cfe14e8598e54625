package optpar.jit;

import optpar.mandelbrot.MandelbrotProblem;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class WarmUpCurveTest {

    @Test
    void recordsEveryCallAndTheHotMethodsCompilations() {
        WarmUpCurve w = WarmUpCurve.mandelbrot(new MandelbrotProblem(60, 40, 30), 40, Duration.ofSeconds(60));
        assertEquals(40, w.timings().calls());
        // mandel is called thousands of times per image: the JIT must have compiled it.
        assertFalse(CompilationLog.forMethod(w.events(), "ScalarMandelbrot::mandel").isEmpty());
        assertFalse(w.watchedEvents().isEmpty());
        assertEquals(w.watchedEvents().size(), w.milestones().rowCount());
        assertNotNull(w.chart("warm-up"));
    }

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
