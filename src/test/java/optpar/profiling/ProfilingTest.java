package optpar.profiling;

import optpar.TestSeed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.List;
import java.util.Random;
import optpar.measure.AllocationCounter;
import optpar.measure.Footprint;
import optpar.measure.TableCharts;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

class ProfilingTest {

    @Test
    void allocationCounterCountsAnArray() {
        AllocationCounter.bytes(() -> new double[10]);   // class loading etc. out of the way
        long bytes = AllocationCounter.bytes(() -> new double[100_000]);
        assertTrue(bytes >= 800_000 && bytes < 800_000 + 4096, "allocated " + bytes);
    }

    @Tag("integration")   // measures retained memory through full GCs (the collector's heuristics)
    @Test
    void footprintShowsBoxingCostsMoreThanPrimitives() {
        Table t = Footprint.compare(50_000);
        assertEquals(4, t.rowCount());
        double primitive = t.doubleColumn("allocated bytes/number").get(0);
        double arrayList = t.doubleColumn("allocated bytes/number").get(2);
        double linked = t.doubleColumn("allocated bytes/number").get(3);
        assertEquals(8.0, primitive, 0.05, "a double[] holds 8 bytes per number");
        assertTrue(arrayList > 2 * primitive, "boxed list " + arrayList);
        assertTrue(linked > arrayList, "linked list " + linked);
        assertTrue(t.doubleColumn("retained bytes/number").get(2) > 8, "retained by the boxed list");
    }

    @Test
    void footprintRejectsTinySizes() {
        var e = assertThrows(IllegalArgumentException.class, () -> Footprint.compare(10));
        assertTrue(e.getMessage().contains("at least 1000"));
    }

    @Test
    void naiveTimerDemosReturnOneRowPerMeasurement() {
        assertEquals(30, NaiveTimerPitfalls.warmUp(30, 1000).rowCount());
        assertEquals(2, NaiveTimerPitfalls.deadCode(1000, 100, 5).rowCount());
        assertEquals(12, NaiveTimerPitfalls.onStackReplacement(12, 1000).rowCount());
        assertThrows(IllegalArgumentException.class, () -> NaiveTimerPitfalls.warmUp(0, 10));
        assertThrows(IllegalArgumentException.class, () -> NaiveTimerPitfalls.data(0));
        assertThrows(IllegalArgumentException.class, () -> NaiveTimerPitfalls.inFreshJvm("nope", 1, 1));
    }

    @Tag("integration")   // starts real child JVMs
    @Test
    void theDemosRunInAFreshJvm() {
        Table t = NaiveTimerPitfalls.inFreshJvm("warmUp", 15, 1000);
        assertEquals(15, t.rowCount(), t.print());
        assertEquals(List.of("call", "µs per call"), t.columnNames());
        assertEquals(2, NaiveTimerPitfalls.inFreshJvm("deadCode", 1000, 3).rowCount());
    }

    @Test
    void theDemoLoopsComputeTheSumOfRoots() {
        Random r = TestSeed.random();
        double[] x = new double[1 + r.nextInt(5000)];
        double expected = 0;
        for (int i = 0; i < x.length; i++) {
            x[i] = 1000 * r.nextDouble();
            expected += Math.sqrt(x[i]);
        }
        assertEquals(expected, NaiveTimerPitfalls.sumOfRootsReturned(x));
        assertEquals(expected, NaiveTimerPitfalls.sumOfRootsForWarmUp(x));
    }

    @Test
    void slowAnalysisAgreesWithAPlainComputation() {
        long seed = TestSeed.nextLong();
        int n = 300;
        List<SlowAnalysis.Point> p = SlowAnalysis.randomPoints(n, seed);
        double[] nearest = new double[n];
        for (int i = 0; i < n; i++) {
            double best = Double.MAX_VALUE;
            for (int j = 0; j < n; j++) {
                if (i == j) continue;
                double dx = p.get(i).x() - p.get(j).x(), dy = p.get(i).y() - p.get(j).y();
                best = Math.min(best, Math.sqrt(dx * dx + dy * dy));
            }
            nearest[i] = best;
        }
        java.util.Arrays.sort(nearest);
        double median = (nearest[n / 2 - 1] + nearest[n / 2]) / 2;
        assertEquals(median, SlowAnalysis.medianNearestNeighbourDistance(n, seed), 1e-12);
    }

    @Tag("integration")   // depends on JFR's sampling
    @Test
    void jfrFindsTheKnownHotMethodAndTheBoxes() throws Exception {
        // repeated for at least 0.6 s: one call can take under 0.1 s, too few samples (CI once saw 6)
        JfrProfiler.Profile p = JfrProfiler.record(() -> {
            long t0 = System.nanoTime();
            do SlowAnalysis.medianNearestNeighbourDistance(1500, 7); while (System.nanoTime() - t0 < 600_000_000L);
        });
        assertTrue(Files.size(p.file()) > 0);
        assertTrue(p.samples() > 20, "samples: " + p.samples());
        // nearestDistance (with distance inlined or not) is on the stack of most samples
        int nearest = p.totalSamples().getOrDefault("SlowAnalysis.nearestDistance", 0);
        assertTrue(nearest > p.samples() / 2, "nearestDistance in " + nearest + " of " + p.samples() + "\n" + p.hotMethods(10));
        Table hot = p.hotMethods(8);
        assertTrue(hot.stringColumn("method").asList().stream().anyMatch(m -> m.startsWith("SlowAnalysis.")), hot.print());
        Table alloc = p.allocations(5);
        // The Double boxes: allocation events are sampled (throttled), and the JIT's escape analysis
        // removes a varying part of the allocations, so their presence among the top types is certain,
        // their share and rank are not.
        List<String> types = alloc.stringColumn("type").asList();
        assertTrue(types.contains("java.lang.Double"), "the Double boxes are among the top allocations:\n" + alloc.print());
    }

    @Test
    void jvmTypeNamesAreMadeReadable() {
        assertEquals("java.lang.Object[]", JfrProfiler.readableType("[Ljava.lang.Object;"));
        assertEquals("double[][]", JfrProfiler.readableType("[[D"));
        assertEquals("java.lang.String", JfrProfiler.readableType("java.lang.String"));
    }

    @Test
    void jfrRejectsANonPositivePeriod() {
        assertThrows(IllegalArgumentException.class, () -> JfrProfiler.record(() -> {}, java.time.Duration.ZERO));
    }

    @Test
    void tableChartsDrawsANumericColumnAndNamesAMissingOne() {
        Table t = Footprint.compare(10_000);
        var img = TableCharts.bars(t, "structure", "allocated bytes/number", "footprint");
        assertTrue(img.getWidth() > 100 && img.getHeight() > 100);
        var e = assertThrows(IllegalArgumentException.class, () -> TableCharts.bars(t, "structure", "nope", "x"));
        assertTrue(e.getMessage().contains("nope"));
        assertThrows(IllegalArgumentException.class, () -> TableCharts.bars(t, "structure", "structure", "x"));
    }
}
