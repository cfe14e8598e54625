package optpar.cli;

import optpar.TestSeed;
import optpar.Available;
import optpar.heat.HeatProblem;
import optpar.heat.NaiveHeat;
import optpar.mpi.MpiException;
import optpar.mpi.MpiHeatLauncher;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static optpar.cli.BenchTest.bench;
import static optpar.cli.BenchTest.cell;
import static org.junit.jupiter.api.Assertions.*;

/** {@code bench heat --impl mpi}: real mpirun behind the bench CLI. */
@Tag("integration")   // real mpirun and rank JVMs
class MpiHeatVariantTest {

    @BeforeAll
    static void needsMpirun() {
        Available.require(MpiHeatLauncher.available(),
                "mpirun is not installed here (Debian: openmpi-bin, libopenmpi-dev): the MPI tests need a real Open MPI");
    }

    @Test
    void oneRowPerRankCountWithTheSerialChecksum() {
        Random rnd = TestSeed.random();
        int n = 21 + 6 * rnd.nextInt(10), steps = 5 + rnd.nextInt(20);   // n-2 = 19 + 6k: neither 2 nor 3 divides it
        var r = bench("heat", "--impl", "mpi", "--ranks", "1,2,3", "--n", "" + n, "--steps", "" + steps,
                "--repeat", "2", "--warmup", "1");
        assertEquals(0, r.status(), r.err().toString());
        assertEquals(Bench.HEADER, r.out().getFirst());
        List<String> rows = r.out().subList(1, r.out().size());
        assertEquals(3, rows.size(), rows.toString());
        double expected = HeatProblem.checksum(new NaiveHeat().solve(new HeatProblem(n, steps), 1));
        for (int i = 0; i < 3; i++) {
            String row = rows.get(i);
            assertEquals("heat", cell(row, "problem"));
            assertEquals("mpi", cell(row, "impl"));
            assertEquals("" + (i + 1), cell(row, "threads"), "threads holds the rank count");
            assertEquals("" + n, cell(row, "size"));
            assertEquals(expected, Double.parseDouble(cell(row, "checksum")), 0.0, "bit for bit: " + row);
            assertTrue(Double.parseDouble(cell(row, "seconds")) > 0, row);
        }
        assertTrue(r.err().stream().anyMatch(l -> l.startsWith("# mpi strong: 3 rank(s), n=" + n) && l.contains("whole mpirun")), r.err().toString());
    }

    @Test
    void withoutRanksTheThreadCountsAreUsedAndSaidSo() {
        var r = bench("heat", "--impl", "mpi", "--threads", "2", "--n", "12", "--steps", "3", "--repeat", "1", "--warmup", "0");
        assertEquals(0, r.status(), r.err().toString());
        assertEquals(2, r.out().size(), r.out().toString());
        assertEquals("2", cell(r.out().get(1), "threads"));
        assertTrue(r.err().stream().anyMatch(l -> l.contains("no --ranks given")), r.err().toString());
    }

    @Test
    void aFailingRankIsAnExceptionWithItsLine() {
        var variant = new MpiHeatVariant(() -> new MpiHeatLauncher().timeout(Duration.ofSeconds(90)).failRank(1));
        var options = BenchOptions.parse("heat", "--impl", "mpi", "--ranks", "2", "--n", "20", "--steps", "5", "--warmup", "0");
        List<String> notes = new ArrayList<>();
        var e = assertThrows(MpiException.class, () -> variant.run(options, notes::add));
        assertTrue(e.getMessage().contains("rank 1 error: failing on purpose"), e.getMessage());
    }

    @Test
    void weakScalingGrowsTheGridWithTheRanksAndSaysSoInTheSizeColumn() {
        var r = bench("heat", "--impl", "mpi", "--ranks", "1,4", "--n", "30", "--steps", "6", "--scaling", "weak",
                "--halo", "overlap", "--repeat", "1", "--warmup", "0");
        assertEquals(0, r.status(), r.err().toString());
        List<String> rows = r.out().subList(1, r.out().size());
        assertEquals(List.of("30", "60"), rows.stream().map(row -> cell(row, "size")).toList(), "n * sqrt(ranks): " + rows);
        double expected = HeatProblem.checksum(new NaiveHeat().solve(new HeatProblem(60, 6), 1));
        assertEquals(expected, Double.parseDouble(cell(rows.get(1), "checksum")), 0.0, "4 ranks ran the 60 x 60 grid");
        assertTrue(r.err().stream().anyMatch(l -> l.contains("weak: 4 rank(s), n=60") && l.contains("halo")), r.err().toString());
    }

    @Test
    void aWrongScalingOrHaloIsRefusedInOneLine() {
        var r = bench("heat", "--impl", "mpi", "--ranks", "2", "--scaling", "wide");
        assertEquals(Bench.USAGE, r.status());
        assertTrue(r.err().toString().contains("--scaling 'wide' is not allowed: use strong or weak"), r.err().toString());
        r = bench("heat", "--impl", "mpi", "--ranks", "2", "--halo", "async");
        assertTrue(r.err().toString().contains("--halo 'async' is not allowed: use overlap or blocking or both"), r.err().toString());
    }

    @Test
    void haloBothMeasuresBlockingAndOverlappedInOneRunWithTheSameBits() {
        var r = bench("heat", "--impl", "mpi", "--ranks", "2", "--n", "26", "--steps", "7", "--halo", "both",
                "--repeat", "1", "--warmup", "0");
        assertEquals(0, r.status(), r.err().toString());
        List<String> rows = r.out().subList(1, r.out().size());
        assertEquals(List.of("mpi-blocking", "mpi"), rows.stream().map(row -> cell(row, "impl")).toList(), rows.toString());
        double expected = HeatProblem.checksum(new NaiveHeat().solve(new HeatProblem(26, 7), 1));
        for (String row : rows) assertEquals(expected, Double.parseDouble(cell(row, "checksum")), 0.0, row);
    }
}
