package optpar.heat;

import optpar.Available;
import optpar.Course;
import optpar.NativeLibrary;
import optpar.ThreadLeakCheck;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Every heat variant against {@link NaiveHeat} on fresh random grids (the seed is printed; replay with
 * {@code -Doptpar.seed=...}), odd sizes (n = 3, 4, 5, widths that are not multiples of the vector
 * length), {@code steps = 0}, and thread counts above the cores.
 *
 * <p><b>Every variant is compared bit for bit</b> ({@code assertArrayEquals} without tolerance):
 * flat, bands, vector, blocked and the C code all keep the reference's order of operations (the
 * Vector API and C without FMA contraction do the same IEEE operations lane by lane; temporal blocking
 * changes only <em>when</em> a point is computed, never from what). A future variant that changes the
 * order (say, FMA) would instead be compared within a relative 1e-12 of the largest value, and say so.
 */
class HeatVariantsTest {

    static long seed;
    static List<HeatProblem> problems;
    static final int[] THREADS = {1, 2, 3, 5};

    @BeforeAll
    static void makeProblems() {
        seed = Long.getLong("optpar.seed", System.nanoTime());
        System.out.println("HeatVariantsTest seed " + seed + " (replay with -Doptpar.seed=" + seed + ")");
        Random rnd = new Random(seed);
        problems = new ArrayList<>(List.of(
                new HeatProblem(3, 7),       // one interior point
                new HeatProblem(4, 5),
                new HeatProblem(5, 0),       // no steps: the initial grid
                new HeatProblem(7, 40),
                new HeatProblem(64, 50)));   // deeper than one blocked sweep, several bands
        for (int k = 0; k < 4; k++) problems.add(new HeatProblem(3 + rnd.nextInt(90), rnd.nextInt(70)));
        problems.add(new HeatProblem(101 + rnd.nextInt(40), 33 + rnd.nextInt(20)));
        // The lecture's field is symmetric under transpose and both mirrors, exactly what an i/j or
        // north/south slip preserves: every problem runs again from a random field of the same seed.
        for (HeatProblem p : List.copyOf(problems)) problems.add(p.withRandomField(nonZero(rnd.nextLong())));
    }

    static long nonZero(long seed) {
        return seed == HeatProblem.LECTURE_FIELD ? 1 : seed;
    }

    @Test
    void theRandomFieldBreaksTheSymmetriesAnIndexSlipWouldKeep() {
        int n = 9;
        double[] u = new HeatProblem(n, 0).withRandomField(nonZero(seed)).initial();
        assertArrayEquals(u, new HeatProblem(n, 0).withRandomField(nonZero(seed)).initial(), "the same seed gives the same field");
        assertNotEquals(u[1 * n + 2], u[2 * n + 1], "not symmetric under transpose, seed " + seed);
        assertNotEquals(u[1 * n + 2], u[(n - 2) * n + 2], "not symmetric under the north/south mirror, seed " + seed);
        for (int k = 0; k < n; k++) {
            assertEquals(0.0, u[k]);
            assertEquals(0.0, u[k * n + n - 1]);
        }
        assertThrows(IllegalArgumentException.class, () -> new HeatProblem(n, 0).withRandomField(HeatProblem.LECTURE_FIELD));
        // a one-point slip (south read as north) changes the result of one step on it
        var p = new HeatProblem(n, 1).withRandomField(nonZero(seed));
        double[] right = new NaiveHeat().solve(p, 1);
        double f = p.factor();
        int i = 3, j = 4;
        double slipped = HeatProblem.update(u[i * n + j], u[(i + 1) * n + j], u[(i - 1) * n + j], u[i * n + j - 1], u[i * n + j + 1], f);
        assertEquals(right[i * n + j], slipped, 0.0, "north/south swapped is the same sum: the slip that matters is an i/j swap");
        double transposed = HeatProblem.update(u[j * n + i], u[(j - 1) * n + i], u[(j + 1) * n + i], u[j * n + i - 1], u[j * n + i + 1], f);
        assertNotEquals(right[i * n + j], transposed, "an i/j swap shows on a random field, seed " + seed);
    }

    /** The registered variants plus blocked variants of other depths (1 = plain bands, 3 = odd). */
    static List<HeatSolver> solvers() {
        List<HeatSolver> all = new ArrayList<>(HeatVariants.all());
        all.add(new BlockedHeat(1));
        all.add(new BlockedHeat(3));
        all.add(new BlockedHeat(64));
        return all;
    }

    static String label(HeatSolver s) {
        return s instanceof BlockedHeat b ? s.name() + "(depth " + b.depth() + ")" : s.name();
    }

    @TestFactory
    Stream<DynamicTest> everyVariantIsBitIdenticalToTheReference() {
        List<DynamicTest> tests = new ArrayList<>();
        for (HeatSolver s : solvers()) {
            for (int t : s.parallel() ? THREADS : new int[]{1}) {
                tests.add(DynamicTest.dynamicTest(label(s) + " on " + t + " thread(s)", () -> {
                    Available.require(s.available(), () -> s.name() + ": " + s.unavailableReason());
                    for (HeatProblem p : problems) {
                        double[] expected = new NaiveHeat().solve(p, 1);
                        double[] actual = s.solve(p, t);
                        assertArrayEquals(expected, actual, () -> label(s) + " on " + t + " threads differs for " + p + ", seed " + seed);
                    }
                }));
            }
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> invariantsOfTheSolution() {
        // Checked on every variant, not only the reference: an index slip in a fast variant that
        // happened to agree on one grid would still break a symmetry here.
        List<DynamicTest> tests = new ArrayList<>();
        for (HeatSolver s : solvers()) {
            tests.add(DynamicTest.dynamicTest(label(s), () -> {
                Available.require(s.available(), () -> s.name() + ": " + s.unavailableReason());
                int n = 33 + new Random(seed).nextInt(40);
                int t = s.parallel() ? 2 : 1;
                double[] early = s.solve(new HeatProblem(n, 10), t);
                double[] late = s.solve(new HeatProblem(n, 30), t);
                for (double[] u : new double[][]{early, late}) {
                    double max = max(u);
                    for (int i = 0; i < n; i++) {
                        // boundary untouched: exactly 0
                        assertEquals(0.0, u[i], 0.0, "top boundary");
                        assertEquals(0.0, u[(n - 1) * n + i], 0.0, "bottom boundary");
                        assertEquals(0.0, u[i * n], 0.0, "left boundary");
                        assertEquals(0.0, u[i * n + n - 1], 0.0, "right boundary");
                        for (int j = 0; j < n; j++) {
                            double v = u[i * n + j];
                            // symmetric in x <-> y and under the mirrors x -> 1-x, y -> 1-y (up to the
                            // rounding of the initial values, which are not exactly symmetric)
                            assertEquals(v, u[j * n + i], 1e-12 * max, "transpose at " + i + "," + j);
                            assertEquals(v, u[(n - 1 - i) * n + j], 1e-12 * max, "mirror in x at " + i + "," + j);
                            assertEquals(v, u[i * n + (n - 1 - j)], 1e-12 * max, "mirror in y at " + i + "," + j);
                        }
                    }
                }
                double[] start = new HeatProblem(n, 0).initial();
                // decay: with the boundary held at 0, the peak and the total heat both fall
                assertTrue(max(early) < max(start) && max(late) < max(early), "the maximum must decrease");
                assertTrue(HeatProblem.checksum(early) < HeatProblem.checksum(start)
                        && HeatProblem.checksum(late) < HeatProblem.checksum(early), "the total heat must decrease");
                assertTrue(min(late) >= 0, "no negative temperatures (the scheme is stable for dt = 0.2 dx^2)");
            }));
        }
        return tests.stream();
    }

    static double max(double[] u) {
        double m = Double.NEGATIVE_INFINITY;
        for (double v : u) m = Math.max(m, v);
        return m;
    }

    static double min(double[] u) {
        double m = Double.POSITIVE_INFINITY;
        for (double v : u) m = Math.min(m, v);
        return m;
    }

    @Test
    void stepsZeroReturnsTheInitialGrid() {
        var p = new HeatProblem(9, 0);
        for (HeatSolver s : solvers()) {
            if (Available.usable(s.available(), () -> s.name() + ": " + s.unavailableReason())) {
                assertArrayEquals(p.initial(), s.solve(p, 2), label(s));
            }
        }
    }

    @Test
    void variantsAreRegisteredInTeachingOrder() {
        assertEquals(List.of("naive", "flat", "bands", "vector", "blocked", "native"),
                HeatVariants.all().stream().map(HeatSolver::name).toList());
        assertInstanceOf(BlockedHeat.class, HeatVariants.byName("blocked"));
        var e = assertThrows(IllegalArgumentException.class, () -> HeatVariants.byName("cuda"));
        assertTrue(e.getMessage().contains("cuda") && e.getMessage().contains("naive"), e.getMessage());
    }

    @Test
    void badInputIsAOneLineError() {
        var p = new HeatProblem(8, 3);
        for (HeatSolver s : solvers()) {
            for (int t : new int[]{0, -1}) {
                var e = assertThrows(IllegalArgumentException.class, () -> s.solve(p, t), label(s));
                assertTrue(e.getMessage().contains("threads " + t), e.getMessage());
                assertFalse(e.getMessage().contains("\n"));
            }
        }
        assertThrows(IllegalArgumentException.class, () -> new HeatProblem(2, 10), "n = 2 has no interior point");
        assertThrows(IllegalArgumentException.class, () -> new HeatProblem(-5, 10));
        assertThrows(IllegalArgumentException.class, () -> new HeatProblem(10, -1));
        assertThrows(IllegalArgumentException.class, () -> new HeatProblem(50_000, 1), "n*n too large for one array");
        var e = assertThrows(IllegalArgumentException.class, () -> new BlockedHeat(0));
        assertTrue(e.getMessage().contains("depth 0"), e.getMessage());
    }

    @Test
    void parallelVariantsLeaveNoThreadsRunning() {
        var p = new HeatProblem(40, 20);
        for (HeatSolver s : solvers()) {
            if (!s.parallel() || !Available.usable(s.available(), () -> s.name() + ": " + s.unavailableReason())) continue;
            ThreadLeakCheck.assertNoLeftoverThreads(() -> s.solve(p, 3), Duration.ofSeconds(2));
        }
    }

    @Test
    void nativeReportsAvailabilityCorrectly() {
        var s = new NativeHeat();
        Path dir = Course.nativeDir();
        boolean libraryThere = dir != null && Files.isRegularFile(dir.resolve(NativeLibrary.FILE));
        assertEquals(libraryThere, s.available(), "available() must say whether " + NativeLibrary.FILE + " is there");
        if (s.available()) {
            assertEquals("", s.unavailableReason());
        } else {
            assertFalse(s.unavailableReason().isBlank(), "an unavailable variant must say why");
            var e = assertThrows(IllegalStateException.class, () -> s.solve(new HeatProblem(5, 1), 1));
            assertTrue(e.getMessage().contains(s.unavailableReason()));
        }
    }
}
