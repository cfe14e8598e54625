package optpar.mpi;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class MpiHeatResultTest {

    private static MpiHeatResult run(int ranks, int n, double seconds) {
        return new MpiHeatResult(ranks, n, 50, seconds, seconds + 2, 1234.5, 1234.5, null, List.of(seconds), true, 1,
                seconds * 0.8, seconds * 0.15, seconds * 0.05, 1000, 2000, 1500, List.of());
    }

    @Test
    void theResultLineIsReadExactly() {
        String line = "MPI_HEAT_RESULT ranks=3 n=101 steps=200 overlap=true halo_depth=4 seconds=1.640719239 checksum=4065.981752448328"
                + " total_heat=4065.9817524483433 runs=1.8,1.640719239 compute=1.5 halo=0.125 reduce=0.015625"
                + " offheap_bytes=123456 peak_rss_bytes=98765432 anon_rss_bytes=45678901";
        MpiHeatResult r = MpiHeatResult.parse(line, 9.5, null, List.of(line));
        assertEquals(3, r.ranks());
        assertEquals(101, r.n());
        assertEquals(200, r.steps());
        assertEquals(1.640719239, r.seconds());
        assertEquals(4065.981752448328, r.checksum());   // Double.toString round-trips every bit
        assertEquals(4065.9817524483433, r.totalHeat());
        assertEquals(9.5, r.wallSeconds());
        assertEquals(List.of(1.8, 1.640719239), r.runs());
        assertTrue(r.overlap());
        assertEquals(1.5, r.compute());
        assertEquals(0.125, r.halo());
        assertEquals(0.015625, r.reduce());
        assertEquals(123456, r.offHeapBytes());
        assertEquals(98765432, r.peakRssBytes());
        assertEquals(45678901, r.anonRssBytes());
        assertEquals(4, r.haloDepth());
        assertThrows(IllegalStateException.class, r::grid, "no grid was asked for");
    }

    @Test
    void aBrokenResultLineIsAnMpiException() {
        var e = assertThrows(MpiException.class, () -> MpiHeatResult.parse("MPI_HEAT_RESULT ranks=3", 1, null, List.of()));
        assertTrue(e.getMessage().startsWith("cannot read the result line"), e.getMessage());
    }

    @Test
    void theScalingTableCountsTheSpeedUpAgainstTheSerialCodeOnTheSameGrid() {
        // Weak scaling: every run has its own n, and its own serial time.
        var serial = java.util.Map.of(100, 2.0, 141, 4.0, 200, 8.0);
        var t = MpiHeatResult.table(List.of(run(1, 100, 2.5), run(2, 141, 2.5), run(4, 200, 4.0)), serial::get);
        assertEquals(List.of(1, 2, 4), t.intColumn("ranks").asList());
        assertEquals(0.8, t.doubleColumn("speedup").get(0), 1e-12);    // one rank slower than the serial code
        assertEquals(1.6, t.doubleColumn("speedup").get(1), 1e-12);
        assertEquals(2.0, t.doubleColumn("speedup").get(2), 1e-12);
        assertEquals(0.5, t.doubleColumn("efficiency").get(2), 1e-12);
        assertEquals(4.0 * 0.8 / 50 * 1e3, t.doubleColumn("compute_ms").get(2), 1e-9);   // per step
        assertThrows(IllegalArgumentException.class, () -> MpiHeatResult.table(List.of(), n -> 1));
    }
}
