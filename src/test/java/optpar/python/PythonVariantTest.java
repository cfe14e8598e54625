package optpar.python;

import optpar.heat.HeatProblem;
import optpar.heat.NaiveHeat;
import optpar.mandelbrot.MandelbrotProblem;
import optpar.mandelbrot.ScalarMandelbrot;
import optpar.measure.Sweep;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The lecture's Python versions against the Java references, bit for bit, on random sizes (the
 * seed is printed; replay with {@code -Doptpar.seed=...}). They run Debian's python3 as a child
 * process, so they are integration tests; without numpy/numba they are skipped with the reason.
 */
@Tag("integration")
class PythonVariantTest {

    static long seed;
    static List<MandelbrotProblem> images;
    static List<HeatProblem> grids;

    @BeforeAll
    static void problems() {
        seed = Long.getLong("optpar.seed", System.nanoTime());
        System.out.println("PythonVariantTest seed " + seed + " (replay with -Doptpar.seed=" + seed + ")");
        Random rnd = new Random(seed);
        images = List.of(new MandelbrotProblem(1 + rnd.nextInt(7), 1 + rnd.nextInt(5), 1 + rnd.nextInt(30)),
                new MandelbrotProblem(40 + rnd.nextInt(90), 20 + rnd.nextInt(60), 20 + rnd.nextInt(200)));
        grids = List.of(new HeatProblem(3 + rnd.nextInt(5), rnd.nextInt(9)),
                new HeatProblem(20 + rnd.nextInt(50), 1 + rnd.nextInt(40)));
    }

    @TestFactory
    Stream<DynamicTest> mandelbrotCountsEqualTheReference() {
        List<DynamicTest> tests = new ArrayList<>();
        for (PythonVariant v : PythonVariant.mandelbrot()) {
            tests.add(DynamicTest.dynamicTest(v.name(), () -> {
                assumeTrue(v.available(), () -> v.name() + ": " + v.unavailableReason());
                for (MandelbrotProblem p : images) {
                    int[] expected = new ScalarMandelbrot().compute(p, 1);
                    assertArrayEquals(expected, v.counts(p, 3), () -> v.name() + " differs for " + p + ", seed " + seed);
                }
            }));
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> heatGridsEqualTheReference() {
        List<DynamicTest> tests = new ArrayList<>();
        for (PythonVariant v : PythonVariant.heat()) {
            tests.add(DynamicTest.dynamicTest(v.name(), () -> {
                assumeTrue(v.available(), () -> v.name() + ": " + v.unavailableReason());
                for (HeatProblem p : grids) {
                    double[] expected = new NaiveHeat().solve(p, 1);
                    assertArrayEquals(expected, v.grid(p, 3), () -> v.name() + " differs for " + p + ", seed " + seed);
                }
            }));
        }
        return tests.stream();
    }

    @Test
    void timedRunsReportTheReferenceChecksumAndKeepWarmupsApart() {
        var v = PythonVariant.byName("mandelbrot", "python-numpy");
        assumeTrue(v.available(), v.unavailableReason());
        var p = images.get(1);
        PythonRun r = v.measure(p, 1, 2, 3, s -> fail("no slice expected: " + s));
        assertEquals(MandelbrotProblem.checksum(new ScalarMandelbrot().compute(p, 1)), (long) r.checksum());
        assertEquals(2, r.warmupSeconds().size());
        assertEquals(3, r.seconds().size());
        assertTrue(r.best() > 0 && r.best() <= r.timing().median());
        assertFalse(r.sliced());
    }

    @Test
    void purePythonOnALargeImageRunsASliceAndSaysSo() {
        var v = PythonVariant.byName("mandelbrot", "python");
        assumeTrue(v.available(), v.unavailableReason());
        // bound = 300*200*400 = 2.4e7 pixel-iterations: more than the budget, so every 3rd row
        var p = new MandelbrotProblem(300, 200, 400);
        List<String> notes = new ArrayList<>();
        PythonRun r = v.measure(p, 1, 0, 1, notes::add);
        assertTrue(r.sliced());
        assertEquals(1 / 3.0, r.fraction(), 0.01);
        assertTrue(notes.getFirst().contains("every 3rd row (67 of 200)"), notes.toString());
        assertEquals(PythonVariant.mandelbrotReference(p, 3), (long) r.checksum());
    }

    @Test
    void purePythonHeatRunsTheFirstStepsOnABigGrid() {
        var v = PythonVariant.byName("heat", "python");
        assumeTrue(v.available(), v.unavailableReason());
        var p = new HeatProblem(1002, 50);          // 1e6 updates per step: the budget allows 10 steps
        List<String> notes = new ArrayList<>();
        PythonRun r = v.measure(p, 1, 0, 1, notes::add);
        assertEquals(10 / 50.0, r.fraction(), 1e-12);
        assertEquals(HeatProblem.checksum(new NaiveHeat().solve(new HeatProblem(1002, 10), 1)), r.checksum());
        assertTrue(notes.getFirst().contains("the first 10 of 50 steps"), notes.toString());
    }

    @Test
    void aMissingModuleNamesItsDebianPackage() {
        assertEquals("unavailable here (install python3-no_such_module_here)", Python.missing("no_such_module_here"));
    }

    @Test
    void pythonVariantsAreChosenByNameNotByAll() {
        var sweep = Sweep.mandelbrot(new MandelbrotProblem(8, 4, 5));
        assertTrue(sweep.names().containsAll(List.of("python", "python-numba", "python-numba-parallel", "python-numpy")));
        var rows = sweep.threads(1).warmups(0).repeats(1).notes(s -> {}).measure();
        assertTrue(rows.stream().noneMatch(m -> m.impl().startsWith("python")));
    }
}
