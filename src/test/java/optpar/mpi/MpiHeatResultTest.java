package optpar.mpi;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class MpiHeatResultTest {

    private static MpiHeatResult run(int ranks, double seconds) {
        return new MpiHeatResult(ranks, 100, 50, seconds, seconds + 2, 1234.5, 1234.5, null, List.of(seconds), List.of());
    }

    @Test
    void theResultLineIsReadExactly() {
        String line = "MPI_HEAT_RESULT ranks=3 n=101 steps=200 seconds=1.640719239 checksum=4065.981752448328 total_heat=4065.9817524483433 runs=1.8,1.640719239";
        MpiHeatResult r = MpiHeatResult.parse(line, 9.5, null, List.of(line));
        assertEquals(3, r.ranks());
        assertEquals(101, r.n());
        assertEquals(200, r.steps());
        assertEquals(1.640719239, r.seconds());
        assertEquals(4065.981752448328, r.checksum());   // Double.toString round-trips every bit
        assertEquals(4065.9817524483433, r.totalHeat());
        assertEquals(9.5, r.wallSeconds());
        assertEquals(List.of(1.8, 1.640719239), r.runs());
        assertThrows(IllegalStateException.class, r::grid, "no grid was asked for");
    }

    @Test
    void aBrokenResultLineIsAnMpiException() {
        var e = assertThrows(MpiException.class, () -> MpiHeatResult.parse("MPI_HEAT_RESULT ranks=3", 1, null, List.of()));
        assertTrue(e.getMessage().startsWith("cannot read the result line"), e.getMessage());
    }

    @Test
    void theScalingTableComparesWithTheFewestRanks() {
        var t = MpiHeatResult.table(List.of(run(2, 1.0), run(1, 1.8), run(4, 0.6)));
        assertEquals(List.of(2, 1, 4), t.intColumn("ranks").asList());
        assertEquals(1.8, t.doubleColumn("speedup").get(0), 1e-12);
        assertEquals(1.0, t.doubleColumn("speedup").get(1), 1e-12);
        assertEquals(3.0, t.doubleColumn("speedup").get(2), 1e-12);
        assertEquals(0.75, t.doubleColumn("efficiency").get(2), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> MpiHeatResult.table(List.of()));
        assertThrows(IllegalArgumentException.class, () -> MpiHeatResult.table(List.of(run(1, 1),
                new MpiHeatResult(2, 99, 50, 1, 2, 0, 0, null, List.of(1.0), List.of()))));
    }
}
