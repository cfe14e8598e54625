package optpar.measure;

import optpar.TestSeed;
import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import optpar.heat.HeatProblem;
import optpar.heat.HeatVariants;
import optpar.heat.NaiveHeat;
import optpar.mandelbrot.MandelbrotProblem;
import optpar.mandelbrot.MandelbrotVariants;
import optpar.mandelbrot.ScalarMandelbrot;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

class SweepTest {

    @Test
    void oneRowPerParallelVariantAndThreadCountAndOnePerSerialVariant() {
        Random rnd = TestSeed.random();
        var p = new MandelbrotProblem(10 + rnd.nextInt(40), 10 + rnd.nextInt(30), 5 + rnd.nextInt(50));
        List<String> notes = new ArrayList<>();
        Table t = Sweep.mandelbrot(p).threads(2, 1, 3, 2).warmups(0).repeats(1).notes(notes::add).run();
        long expected = 0;
        for (var k : MandelbrotVariants.all()) if (k.available()) expected += k.parallel() ? 3 : 1;
        assertEquals(expected, t.rowCount());
        assertEquals(List.of("impl", "threads", "seconds", "median", "speedup", "efficiency", "checksum"), t.columnNames());
        double reference = MandelbrotProblem.checksum(new ScalarMandelbrot().compute(p, 1));
        for (int i = 0; i < t.rowCount(); i++) {
            assertEquals(reference, t.doubleColumn("checksum").get(i), "row " + i + ": " + t.stringColumn("impl").get(i));
            assertTrue(t.doubleColumn("seconds").get(i) > 0);
            assertTrue(t.doubleColumn("seconds").get(i) <= t.doubleColumn("median").get(i));
        }
        // Each variant's first row (fewest threads, measured first) is its own baseline.
        for (var k : MandelbrotVariants.all()) {
            if (!k.available()) continue;
            Table rows = t.where(t.stringColumn("impl").isEqualTo(k.name()));
            assertEquals(1, rows.intColumn("threads").get(0));
            assertEquals(1.0, rows.doubleColumn("speedup").get(0));
            assertEquals(1.0, rows.doubleColumn("efficiency").get(0));
            if (k.parallel()) assertEquals(List.of(1, 2, 3), rows.intColumn("threads").asList());
        }
        long unavailable = MandelbrotVariants.all().stream().filter(k -> !k.available()).count();
        assertEquals(unavailable, notes.size(), notes.toString());
    }

    @Test
    void namedBaselineHasSpeedupOneAndOthersAreRelativeToIt() {
        HeatProblem p = new HeatProblem(12 + TestSeed.random().nextInt(20), 1 + TestSeed.random().nextInt(8));
        String other = HeatVariants.all().stream().filter(s -> s.parallel() && s.available()).findFirst().orElseThrow().name();
        Table t = Sweep.heat(p).impls(other, "naive").baseline("naive").threads(1, 2).warmups(0).repeats(2).run();
        assertEquals("naive", t.stringColumn("impl").get(0), "the baseline is measured first");
        assertEquals(1.0, t.doubleColumn("speedup").get(0));
        assertEquals(3, t.rowCount());
        double base = t.doubleColumn("seconds").get(0);
        for (int i = 1; i < 3; i++) {
            double s = t.doubleColumn("seconds").get(i);
            assertEquals(base / s, t.doubleColumn("speedup").get(i), 1e-12);
            assertEquals(base / s / t.intColumn("threads").get(i), t.doubleColumn("efficiency").get(i), 1e-12);
        }
        double reference = HeatProblem.checksum(new NaiveHeat().solve(p, 1));
        for (double c : t.doubleColumn("checksum").asDoubleArray()) assertEquals(reference, c, Math.abs(reference) * 1e-12);
    }

    @Test
    void genericCasesAndListener() {
        List<Sweep.Measurement> seen = new ArrayList<>();
        var cases = List.of(new Sweep.Case<Integer>("double", true, true, t -> 2 * t, x -> x),
                new Sweep.Case<Integer>("missing", true, false, t -> { throw new AssertionError("must not run"); }, x -> x));
        List<String> notes = new ArrayList<>();
        Table t = Sweep.of("generic", cases).threads(1, 4).warmups(0).repeats(1).onRow(seen::add).notes(notes::add).run();
        assertEquals(2, t.rowCount());
        assertEquals(2, seen.size());
        assertEquals(8.0, t.doubleColumn("checksum").get(1));
        assertEquals(List.of("skipping missing: not available here"), notes);
    }

    @Test
    void badInput() {
        var p = new MandelbrotProblem(4, 4, 4);
        var e = assertThrows(IllegalArgumentException.class, () -> Sweep.mandelbrot(p).impls("nosuch"));
        assertTrue(e.getMessage().contains("allowed: scalar"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Sweep.mandelbrot(p).threads(0));
        assertThrows(IllegalArgumentException.class, () -> Sweep.mandelbrot(p).threads());
        assertThrows(IllegalArgumentException.class, () -> Sweep.mandelbrot(p).repeats(0));
        assertThrows(IllegalArgumentException.class, () -> Sweep.mandelbrot(p).baseline("nosuch"));
    }

    @Test
    void tablePrintsTimesWithUnitsAndKeepsFullPrecision() {
        var fast = new Timing.Result<>("fast", List.of(), List.of(0.102666768, 0.2), null);
        var slow = new Timing.Result<>("slow", List.of(), List.of(1.5), null);
        Table t = Sweep.table("demo", List.of(new Sweep.Measurement("flat", 2, fast, 1.234567891e9, 14.6103, 7.30515),
                new Sweep.Measurement("naive", 1, slow, 1.234567891e9, 1, 1)));
        String printed = t.print();
        assertTrue(printed.contains("103 ms"), printed);     // best
        assertTrue(printed.contains("151 ms"), printed);     // median of 0.1027 and 0.2
        assertTrue(printed.contains("1.50 s"), printed);
        assertTrue(printed.contains("14.61") && printed.contains("7.31"), printed);
        assertFalse(printed.contains("E-"), "no exponents: " + printed);
        assertEquals(0.102666768, t.doubleColumn(Sweep.SECONDS).get(0), "the column keeps the seconds");
    }
}
