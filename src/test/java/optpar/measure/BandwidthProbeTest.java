package optpar.measure;

import static org.junit.jupiter.api.Assertions.*;

import optpar.heat.HeatProblem;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

class BandwidthProbeTest {

    @Test
    void tinyArraysGivePositiveFiniteBandwidthAndStreamValues() {
        try (var probe = new BandwidthProbe(1, 2)) {
            assertEquals((1 << 20) / 8, probe.elements());
            double copy = probe.copyGBs(2);
            double triad = probe.triadGBs(2);
            assertTrue(copy > 0 && Double.isFinite(copy), "copy " + copy);
            assertTrue(triad > 0 && Double.isFinite(triad), "triad " + triad);
            // STREAM's check: c = a = 1 after copy, a = b + 3c = 5 after triad.
            assertEquals(probe.elements(), probe.checksum("copy"));
            assertEquals(5.0 * probe.elements(), probe.checksum("triad"));
            assertEquals(6.0 * probe.elements(), probe.checksum());
        }
        assertTrue(BandwidthProbe.copy(1, 1) > 0);
        assertTrue(BandwidthProbe.triad(1, 3) > 0);
    }

    @Test
    void sweepTable() {
        Table t = BandwidthProbe.sweep(1, new int[] {1, 2}, 1);
        assertEquals(4, t.rowCount());
        assertEquals(java.util.List.of("copy", "triad", "copy", "triad"), t.stringColumn("impl").asList());
        for (double g : t.doubleColumn(BandwidthProbe.GBPS).asDoubleArray()) assertTrue(g > 0 && Double.isFinite(g));
    }

    @Test
    void heatBytesAreOneReadAndOneWritePerPointAndStep() {
        var p = new HeatProblem(100, 7);
        assertEquals(2.0 * 8 * 100 * 100 * 7, BandwidthProbe.heatBytes(p));
        assertEquals(2 * 8 * 100 * 100 * 7 / 2.0 / 1e9, BandwidthProbe.heatGBs(p, 2.0), 1e-18);
    }

    @Test
    void badInput() {
        assertThrows(IllegalArgumentException.class, () -> new BandwidthProbe(0, 1));
        assertThrows(IllegalArgumentException.class, () -> new BandwidthProbe(1, 0));
        try (var probe = new BandwidthProbe(1, 1)) {
            assertThrows(IllegalArgumentException.class, () -> probe.checksum("scale"));
        }
    }
}
