package optpar.mandelbrot;

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
 * Every Mandelbrot variant gives exactly the counts of {@link ScalarMandelbrot}: identical ints, pixel
 * by pixel, on fresh random images (the seed is printed so a failure can be replayed with
 * {@code -Doptpar.seed=...}), on odd sizes, and on thread counts above the machine's cores.
 */
class MandelbrotVariantsTest {

    static long seed;
    static List<MandelbrotProblem> problems;
    static List<int[]> expected = new ArrayList<>();

    /** Thread counts, including ones above the cores of a small machine (oversubscription). */
    static final int[] THREADS = {1, 2, 3, 5};

    @BeforeAll
    static void makeProblems() {
        seed = Long.getLong("optpar.seed", System.nanoTime());
        System.out.println("MandelbrotVariantsTest seed " + seed + " (replay with -Doptpar.seed=" + seed + ")");
        Random rnd = new Random(seed);
        problems = new ArrayList<>(List.of(
                new MandelbrotProblem(1, 1, 50),
                new MandelbrotProblem(7, 3, 100),
                new MandelbrotProblem(13, 5, 1),       // maxIter 1: only the first iteration
                new MandelbrotProblem(2, 9, 200)));
        for (int k = 0; k < 4; k++) {
            // widths deliberately not multiples of the vector length
            problems.add(new MandelbrotProblem(1 + rnd.nextInt(97), 1 + rnd.nextInt(40), 1 + rnd.nextInt(400)));
        }
        problems.add(new MandelbrotProblem(150, 100, 1000));  // the heavy setting, smaller
        for (MandelbrotProblem p : problems) expected.add(new ScalarMandelbrot().compute(p, 1));
    }

    static List<MandelbrotKernel> kernels() {
        List<MandelbrotKernel> all = new ArrayList<>(MandelbrotVariants.all());
        all.add(new ThreadsMandelbrot(ThreadsMandelbrot.Split.BANDS));   // not registered, but taught
        return all;
    }

    @TestFactory
    Stream<DynamicTest> everyVariantGivesTheReferenceCountsExactly() {
        List<DynamicTest> tests = new ArrayList<>();
        for (MandelbrotKernel k : kernels()) {
            for (int t : k.parallel() ? THREADS : new int[]{1}) {
                tests.add(DynamicTest.dynamicTest(k.name() + " on " + t + " thread(s)", () -> {
                    Available.require(k.available(), () -> k.name() + ": " + k.unavailableReason());
                    for (int i = 0; i < problems.size(); i++) {
                        MandelbrotProblem p = problems.get(i);
                        int[] actual = k.compute(p, t);
                        assertArrayEquals(expected.get(i), actual, () -> k.name() + " on " + t + " threads differs for " + p + ", seed " + seed);
                    }
                }));
            }
        }
        return tests.stream();
    }

    /**
     * A larger image, where long chaotic orbits near the set's edge amplify any difference in rounding
     * into different counts: an FMA slipped into one vector lane's update was caught here while the small
     * images above still agreed. Run once per variant (2 threads) to keep the suite short.
     */
    static final MandelbrotProblem ROUNDING_DETECTOR = new MandelbrotProblem(300, 200, 1000);

    @TestFactory
    Stream<DynamicTest> noVariantChangesTheRoundingOnALargerImage() {
        int[] reference = new ScalarMandelbrot().compute(ROUNDING_DETECTOR, 1);
        return kernels().stream().map(k -> DynamicTest.dynamicTest(k.name(), () -> {
            Available.require(k.available(), () -> k.name() + ": " + k.unavailableReason());
            assertArrayEquals(reference, k.compute(ROUNDING_DETECTOR, 2), k.name() + " differs on " + ROUNDING_DETECTOR);
        }));
    }

    @Test
    void theTestImageIsNotTrivial() {
        // A comparison on an image where every count is the same would prove little.
        int[] counts = new ScalarMandelbrot().compute(new MandelbrotProblem(150, 100, 1000), 1);
        assertTrue(java.util.Arrays.stream(counts).anyMatch(c -> c == 1000), "some pixels must be in the set");
        assertTrue(java.util.Arrays.stream(counts).anyMatch(c -> c < 5), "some pixels must escape early");
        assertTrue(java.util.Arrays.stream(counts).distinct().count() > 20, "many different counts");
    }

    @Test
    void variantsAreRegisteredInTeachingOrder() {
        assertEquals(List.of("scalar", "threads", "executor", "forkjoin", "stream", "vector", "vector-threads", "native"),
                MandelbrotVariants.all().stream().map(MandelbrotKernel::name).toList());
        assertInstanceOf(VectorMandelbrot.class, MandelbrotVariants.byName("vector"));
    }

    @Test
    void unknownNameIsAOneLineError() {
        var e = assertThrows(IllegalArgumentException.class, () -> MandelbrotVariants.byName("gpu"));
        assertTrue(e.getMessage().contains("gpu") && e.getMessage().contains("scalar"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test
    void threadCountBelowOneIsRejectedByEveryVariant() {
        var p = new MandelbrotProblem(4, 4, 10);
        for (MandelbrotKernel k : kernels()) {
            for (int t : new int[]{0, -3}) {
                var e = assertThrows(IllegalArgumentException.class, () -> k.compute(p, t), k.name());
                assertTrue(e.getMessage().contains("threads " + t), e.getMessage());
                assertFalse(e.getMessage().contains("\n"));
            }
        }
    }

    @Test
    void badProblemsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new MandelbrotProblem(0, 5, 10));
        assertThrows(IllegalArgumentException.class, () -> new MandelbrotProblem(5, -1, 10));
        assertThrows(IllegalArgumentException.class, () -> new MandelbrotProblem(5, 5, 0));
    }

    @Test
    void parallelVariantsLeaveNoThreadsRunning() {
        var p = new MandelbrotProblem(40, 30, 100);
        for (MandelbrotKernel k : kernels()) {
            if (!k.parallel() || !Available.usable(k.available(), () -> k.name() + ": " + k.unavailableReason())) continue;
            ThreadLeakCheck.assertNoLeftoverThreads(() -> k.compute(p, 3), Duration.ofSeconds(2));
        }
    }

    @Test
    void nativeReportsAvailabilityCorrectly() {
        var k = new NativeMandelbrot();
        Path dir = Course.nativeDir();
        boolean libraryThere = dir != null && Files.isRegularFile(dir.resolve(NativeLibrary.FILE));
        assertEquals(libraryThere, k.available(), "available() must say whether " + NativeLibrary.FILE + " is there");
        if (k.available()) {
            assertEquals("", k.unavailableReason());
        } else {
            assertFalse(k.unavailableReason().isBlank(), "an unavailable variant must say why");
            var e = assertThrows(IllegalStateException.class, () -> k.compute(new MandelbrotProblem(3, 3, 3), 1));
            assertTrue(e.getMessage().contains(k.unavailableReason()));
        }
    }
}
