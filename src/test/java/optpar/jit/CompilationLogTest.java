package optpar.jit;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** The parser on output captured from a real child JVM (-XX:+PrintCompilation with PrintInlining on compute). */
class CompilationLogTest {

    private static List<String> sample() throws IOException {
        try (InputStream in = CompilationLogTest.class.getResourceAsStream("printcompilation-sample.txt")) {
            assertNotNull(in, "test resource missing");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
    }

    private static CompilationEvent byId(List<CompilationEvent> events, int id, boolean madeNotEntrant) {
        return events.stream().filter(e -> e.compileId() == id && e.madeNotEntrant() == madeNotEntrant)
                .findFirst().orElseThrow(() -> new AssertionError("no event " + id));
    }

    @Test
    void readsEveryFieldOfACompileLine() throws IOException {
        List<CompilationEvent> events = CompilationLog.parse(sample(), "ScalarMandelbrot::compute");
        CompilationEvent osr = byId(events, 279, false);
        assertEquals(327, osr.timeMs());
        assertTrue(osr.osr());
        assertEquals(49, osr.osrBci());
        assertEquals(4, osr.tier());
        assertEquals("C2", osr.compiler());
        assertEquals("optpar.mandelbrot.ScalarMandelbrot::compute", osr.method());
        assertEquals(99, osr.bytecodeBytes());

        CompilationEvent c1 = byId(events, 266, false);
        assertEquals(1, c1.tier());
        assertEquals("C1", c1.compiler());
        assertFalse(c1.osr());
        assertEquals(-1, c1.osrBci());
        assertEquals(5, c1.bytecodeBytes());

        CompilationEvent nativeWrapper = byId(events, 282, false);
        assertTrue(nativeWrapper.nativeWrapper());
        assertEquals(0, nativeWrapper.tier());
        assertEquals(-1, nativeWrapper.bytecodeBytes());

        CompilationEvent thrownAway = byId(events, 264, true);
        assertEquals("made not entrant: not used", thrownAway.note());
    }

    @Test
    void attachesC2InliningBlocksToTheCompilationsThatProducedThem() throws IOException {
        List<CompilationEvent> events = CompilationLog.parse(sample(), "ScalarMandelbrot::compute");
        // C1's block comes right under its line: y() was not inlined by C1 ("callee uses too much stack").
        CompilationEvent c1 = byId(events, 273, false);
        InliningDecision y = c1.inlining().stream().filter(d -> d.callee().endsWith("MandelbrotProblem::y")).findFirst().orElseThrow();
        assertFalse(y.inlined());
        assertEquals(41, y.bci());
        assertEquals(17, y.calleeBytes());
        // C2 prints its block when it finishes, after unrelated lines: it must still land on the C2 OSR compile.
        CompilationEvent c2osr = byId(events, 279, false);
        InliningDecision mandel = c2osr.inlining().stream().filter(d -> d.callee().endsWith("ScalarMandelbrot::mandel")).findFirst().orElseThrow();
        assertTrue(mandel.inlined());
        assertEquals("inline (hot)", mandel.reason());
        CompilationEvent c2 = byId(events, 297, false);
        assertFalse(c2.inlining().isEmpty());
        assertTrue(c2.inlining().stream().anyMatch(d -> d.callee().endsWith("ScalarMandelbrot::mandel") && d.inlined()));
        // Unrelated compilations own no decisions.
        assertTrue(byId(events, 266, false).inlining().isEmpty());
    }

    @Test
    void skipsLinesThatAreNotPartOfTheLog() {
        List<String> lines = List.of("WARNING: Using incubator modules: jdk.incubator.vector",
                "   52    1       3       java.lang.Object::<init> (1 bytes)",
                "hello from the program",
                "   60    2 %  !  4       a.B::c @ 12 (300 bytes)");
        List<CompilationEvent> events = CompilationLog.parse(lines);
        assertEquals(2, events.size());
        assertTrue(events.get(1).osr());
        assertEquals(12, events.get(1).osrBci());
        assertEquals("a.B::c", events.get(1).method());
    }

    @Test
    void readsTheLogOfANonTieredJvm() {
        // Captured with -XX:-TieredCompilation (no tier column: C2 is the only compiler).
        List<String> lines = List.of(
                "412  124 %           optpar.jit.MegamorphicCalls::sumOneType @ 11 (42 bytes)",
                "                            @ 27   optpar.jit.MegamorphicCalls$Square::area (10 bytes)   inline (hot)   callee changed to  optpar.jit.MegamorphicCalls::sumOneType (42 bytes)    \\-> TypeProfile (34880/34880 counts) = optpar/jit/MegamorphicCalls$Square",
                "424  126 %           optpar.jit.MegamorphicCalls::sumFourTypes @ 11 (42 bytes)",
                "                            @ 27   optpar.jit.MegamorphicCalls$Shape::area (0 bytes)   failed to inline: virtual call");
        List<CompilationEvent> events = CompilationLog.parse(lines, "MegamorphicCalls::sum");
        assertEquals(2, events.size());
        assertEquals(4, events.get(0).tier());
        assertTrue(events.get(0).osr());
        assertEquals("inline (hot)", events.get(0).inlining().getFirst().reason());
        assertTrue(events.get(0).inlining().getFirst().inlined());
        InliningDecision virtual = events.get(1).inlining().getFirst();
        assertFalse(virtual.inlined());
        assertEquals("failed to inline: virtual call", virtual.reason());
        assertEquals(2, CompilationLog.inliningTable(events).rowCount());
    }

    @Test
    void depthFollowsIndentation() {
        List<String> lines = List.of(
                "   10    5       4       a.B::outer (40 bytes)",
                "                              @ 3   a.B::mid (20 bytes)   inline (hot)",
                "                                @ 7   a.B::leaf (5 bytes)   accessor",
                "                              @ 9   a.Shape::area (0 bytes)   virtual call");
        CompilationEvent e = CompilationLog.parse(lines).getFirst();
        assertEquals(List.of(1, 2, 1), e.inlining().stream().map(InliningDecision::depth).toList());
        assertEquals(List.of(true, true, false), e.inlining().stream().map(InliningDecision::inlined).toList());
    }

    @Test
    void tablesHaveOneRowPerEventAndDecision() throws IOException {
        List<CompilationEvent> events = CompilationLog.parse(sample(), "ScalarMandelbrot::compute");
        List<CompilationEvent> compute = CompilationLog.forMethod(events, "ScalarMandelbrot::compute");
        assertEquals(compute.size(), CompilationLog.table(compute).rowCount());
        CompilationEvent c2 = byId(events, 279, false);
        assertEquals(c2.inlining().size(), CompilationLog.inliningTable(c2).rowCount());
    }
}
