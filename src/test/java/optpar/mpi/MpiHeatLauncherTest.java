package optpar.mpi;

import optpar.Available;
import optpar.TestSeed;
import optpar.heat.HeatProblem;
import optpar.heat.NaiveHeat;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Tag;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

/** Real Open MPI: each test starts mpirun with real rank JVMs. */
@Tag("integration")
class MpiHeatLauncherTest {

    @BeforeAll
    static void needsMpirun() {
        Available.require(MpiHeatLauncher.available(),
                "mpirun is not installed here (Debian: openmpi-bin, libopenmpi-dev): the MPI tests need a real Open MPI");
    }

    private static MpiHeatLauncher launcher() {
        return new MpiHeatLauncher().timeout(Duration.ofSeconds(90)).warmup(2);
    }

    /** n chosen at random so that n-2 interior rows do NOT divide evenly over the ranks (except for 1 rank). */
    private static int awkwardN(int ranks, Random rnd) {
        while (true) {
            int n = 20 + rnd.nextInt(60);
            if (ranks == 1 || (n - 2) % ranks != 0) return n;
        }
    }

    @ParameterizedTest(name = "mpirun -np {0}, overlap {1}: the serial grid bit for bit on a random field")
    @CsvSource({"1,false", "2,false", "3,false", "4,false", "1,true", "2,true", "3,true", "4,true"})
    void everyRankCountGivesTheSerialGrid(int ranks, boolean overlap, @TempDir Path dir) {
        Random rnd = TestSeed.random();
        // a random initial field: the lecture's is symmetric, and would hide a north/south slip at a block edge
        var problem = new HeatProblem(awkwardN(ranks, rnd), 10 + rnd.nextInt(40)).withRandomField(1 + rnd.nextInt(1_000_000));
        double[] serial = new NaiveHeat().solve(problem, 1);
        List<String> streamed = new ArrayList<>();

        MpiHeatResult r = launcher().overlap(overlap).gridFile(dir.resolve("grid.bin")).reportEvery(5).repeat(2)
                .output(streamed::add).run(ranks, problem);

        String what = "n=" + problem.n() + " steps=" + problem.steps() + " field seed=" + problem.seed()
                + " ranks=" + ranks + " overlap=" + overlap;
        assertEquals(ranks, r.ranks());
        assertEquals(overlap, r.overlap());
        assertEquals(HeatProblem.checksum(serial), r.checksum(), 0.0, "checksum, " + what);
        assertArrayEquals(serial, r.grid(), "gathered grid, " + what);
        assertEquals(r.checksum(), r.totalHeat(), 1e-12 * Math.abs(r.checksum()),
                "the all-reduced total heat is the same sum in another order");
        for (int rank = 0; rank < ranks; rank++) {
            String prefix = "rank " + rank + " of " + ranks + ":";
            assertTrue(streamed.stream().anyMatch(l -> l.startsWith(prefix)), "rank " + rank + " spoke: " + streamed);
        }
        assertEquals(2, r.runs().size(), "two timed runs: " + r.runs());
        assertEquals(Math.min(r.runs().get(0), r.runs().get(1)), r.seconds(), "seconds is the best run");
        assertTrue(r.seconds() >= 0 && r.wallSeconds() >= r.seconds(), "timings: " + r);
        assertTrue(r.compute() > 0 && r.halo() >= 0 && r.reduce() >= 0
                && r.compute() + r.halo() + r.reduce() <= r.seconds() * 1.01 + 1e-3, "the parts fit in the loop: " + r);
    }

    @ParameterizedTest(name = "mpirun -np {0}, overlap {1}, deep halos: the serial grid bit for bit on a random field")
    @CsvSource({"1,false", "2,false", "3,false", "4,false", "1,true", "2,true", "3,true", "4,true"})
    void deepHalosGiveTheSerialGridForEveryRankCount(int ranks, boolean overlap, @TempDir Path dir) {
        Random rnd = TestSeed.random();
        var problem = new HeatProblem(awkwardN(ranks, rnd), 10 + rnd.nextInt(40)).withRandomField(1 + rnd.nextInt(1_000_000));
        int maxDepth = DeepHaloBlock.maxDepth(new RowBlocks(problem.n(), ranks));
        int depth = 2 + rnd.nextInt(Math.max(1, maxDepth - 1));
        double[] serial = new NaiveHeat().solve(problem, 1);

        MpiHeatResult r = launcher().overlap(overlap).haloDepth(depth).gridFile(dir.resolve("grid.bin")).reportEvery(7)
                .run(ranks, problem);

        String what = "n=" + problem.n() + " steps=" + problem.steps() + " field seed=" + problem.seed()
                + " ranks=" + ranks + " overlap=" + overlap + " halo depth=" + depth;
        assertEquals(depth, r.haloDepth(), what);
        assertArrayEquals(serial, r.grid(), "gathered grid, " + what);
        assertEquals(r.checksum(), r.totalHeat(), 1e-12 * Math.abs(r.checksum()), "total heat, " + what);
    }

    @Test
    void aHaloDeeperThanTheBlocksAllowIsRefusedBeforeLaunching() {
        var e = assertThrows(IllegalArgumentException.class, () -> new MpiHeatLauncher().haloDepth(30).run(2, new HeatProblem(100, 10)));
        assertTrue(e.getMessage().contains("use 1 to 24"), e.getMessage());
    }

    @Test
    void withoutTheGatherOnlyTheAllReducedTotalIsReported() {
        var problem = new HeatProblem(41, 20).withRandomField(99);
        double serial = HeatProblem.checksum(new NaiveHeat().solve(problem, 1));
        MpiHeatResult r = launcher().gather(false).overlap(true).run(2, problem);
        assertTrue(Double.isNaN(r.checksum()), "no grid, no checksum: " + r.checksum());
        assertEquals(serial, r.totalHeat(), 1e-12 * Math.abs(serial), "total heat");
        assertThrows(IllegalStateException.class, r::grid);
        var e = assertThrows(IllegalArgumentException.class,
                () -> launcher().gather(false).gridFile(Path.of("x.bin")).command(2, problem));
        assertTrue(e.getMessage().contains("needs the gathered grid"), e.getMessage());
    }

    /**
     * Memory per rank ~ N^2/P: without the gather, no rank holds the grid, so the block's bytes and the
     * rank process's peak (VmHWM) and private (RssAnon) resident memory fall as ranks are added, for
     * one-row halos (off-heap rows) and deep ones (rows on the heap). The grid is big enough (2 x 48 MiB at
     * 1 rank) that the JVM's own footprint does not hide it.
     */
    @ParameterizedTest(name = "halos {0} row(s) deep: a rank's memory falls with the rank count")
    @org.junit.jupiter.params.provider.ValueSource(ints = {1, 2})
    void aRanksMemoryFallsWithTheRankCount(int depth) {
        var problem = new HeatProblem(2500, 2).withRandomField(5);
        long previousBlock = Long.MAX_VALUE, previousRss = Long.MAX_VALUE, previousAnon = Long.MAX_VALUE;
        List<String> seen = new ArrayList<>();
        for (int ranks : new int[] {1, 2, 4}) {
            MpiHeatResult r = launcher().warmup(0).gather(false).haloDepth(depth).run(ranks, problem);
            seen.add(ranks + " ranks: block " + r.offHeapBytes() + " B, peak RSS " + r.peakRssBytes() + " B, private " + r.anonRssBytes() + " B");
            long ideal = 2L * problem.n() * problem.n() * Double.BYTES / ranks;
            assertTrue(r.offHeapBytes() < previousBlock && r.offHeapBytes() < ideal * 1.05, "block ~ N^2/P: " + seen);
            if (r.peakRssBytes() > 0) {
                assertTrue(r.peakRssBytes() < previousRss, "peak resident memory falls: " + seen);
                assertTrue(r.anonRssBytes() > 0 && r.anonRssBytes() < previousAnon, "private resident memory falls: " + seen);
                previousRss = r.peakRssBytes();
                previousAnon = r.anonRssBytes();
            }
            previousBlock = r.offHeapBytes();
        }
    }

    @Test
    void moreRanksThanCoresAreOversubscribed() {
        var problem = new HeatProblem(12, 7);
        int ranks = 3;
        List<String> cmd = launcher().command(ranks, problem);
        assertEquals(ranks > Runtime.getRuntime().availableProcessors(), cmd.contains("--oversubscribe"), cmd.toString());
        assertTrue(cmd.contains(MpiHeatLauncher.RANK_MAIN), cmd.toString());
    }

    @Test
    void aGridTooSmallForTheRanksIsRefusedBeforeLaunching() {
        var e = assertThrows(IllegalArgumentException.class, () -> launcher().run(3, new HeatProblem(4, 10)));
        assertTrue(e.getMessage().contains("use at most 2 ranks"), e.getMessage());
    }

    @Test
    void aFailingRankEndsTheJobWithItsMessage() {
        long start = System.nanoTime();
        var e = assertThrows(MpiException.class, () -> launcher().failRank(1).run(3, new HeatProblem(30, 1000)));
        assertTrue(e.getMessage().startsWith("mpirun -np 3 failed (exit "), e.getMessage());
        assertTrue(e.getMessage().contains("rank 1 error: failing on purpose at step 1"), e.getMessage());
        assertTrue(System.nanoTime() - start < Duration.ofSeconds(60).toNanos(), "the other ranks were not left waiting");
    }

    @Test
    void aRunOverItsTimeBoundIsEndedWithItsWholeProcessTree(@TempDir Path dir) {
        Path marker = dir.resolve("timeout-marker.bin");   // appears on the ranks' command lines
        var e = assertThrows(MpiException.class, () -> launcher().timeout(Duration.ofSeconds(3)).gridFile(marker)
                .run(2, new HeatProblem(2000, 1_000_000)));
        assertTrue(e.getMessage().contains("did not finish within 3 s"), e.getMessage());
        List<String> left = ProcessHandle.allProcesses().filter(ProcessHandle::isAlive)
                .map(p -> p.info().commandLine().orElse(""))
                .filter(c -> c.contains(marker.toString())).toList();
        assertEquals(List.of(), left, "processes left running after the time-out");
    }

    @Test
    void aMissingMpirunIsNamed() {
        var e = assertThrows(MpiException.class, () -> launcher().mpirun(Path.of("/nonexistent/bin/mpirun"))
                .run(2, new HeatProblem(10, 1)));
        assertTrue(e.getMessage().startsWith("mpirun /nonexistent/bin/mpirun does not exist or is not executable: install Open MPI"),
                e.getMessage());
    }

    @Test
    void aMissingMpiLibraryIsNamedByTheRanks() {
        var e = assertThrows(MpiException.class, () -> launcher().env("OPTPAR_MPI_LIBRARY", "/nonexistent/libmpi.so.40")
                .run(2, new HeatProblem(10, 1)));
        assertTrue(e.getMessage().contains("error: Open MPI's C library /nonexistent/libmpi.so.40 was not found"), e.getMessage());
    }

    @Test
    void badLauncherSettingsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> launcher().timeout(Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> launcher().warmup(-1));
        var e = assertThrows(IllegalArgumentException.class, () -> launcher().failRank(5).command(2, new HeatProblem(10, 1)));
        assertTrue(e.getMessage().contains("use 0..1"), e.getMessage());
    }
}
