package optpar.jit;

import optpar.TestSeed;
import optpar.mandelbrot.MandelbrotProblem;
import optpar.mandelbrot.ScalarMandelbrot;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

/** The child-JVM runner: results, the time bound, and clear errors. Each test starts real JVMs. */
@Tag("integration")   // starts real child JVMs
class ChildJvmTest {

    @Test
    void aBadFlagIsAOneLineIllegalArgument() {
        var e = assertThrows(IllegalArgumentException.class, () -> JitModes.runMandelbrot(List.of("-XX:+NoSuchFlagAnywhere"),
                new MandelbrotProblem(10, 10, 5), "scalar", 1, 1, Duration.ofSeconds(30)));
        assertTrue(e.getMessage().contains("NoSuchFlagAnywhere"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
    }

    @Test
    void aChildThatRunsTooLongIsStopped() {
        long t0 = System.nanoTime();
        var e = assertThrows(IllegalStateException.class, () -> JitModes.runMandelbrot(List.of("-Xint"),
                new MandelbrotProblem(3000, 2000, 100_000), "scalar", 1, 100, Duration.ofMillis(1500)));
        double seconds = (System.nanoTime() - t0) / 1e9;
        assertTrue(e.getMessage().contains("did not finish within 1.5 s"), e.getMessage());
        assertTrue(seconds < 15, "the runner waited " + seconds + " s");
    }

    @Test
    void anUnknownVariantIsReportedByName() {
        var e = assertThrows(IllegalArgumentException.class, () -> JitModes.runMandelbrot(List.of(),
                new MandelbrotProblem(10, 10, 5), "no-such-variant", 1, 1, Duration.ofSeconds(30)));
        assertTrue(e.getMessage().contains("no-such-variant"), e.getMessage());
    }

    @Test
    void nonPositiveTimeoutIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> ChildJvm.run(List.of(), TimedKernel.class.getName(), Duration.ZERO));
    }

    @Test
    void everyModeComputesTheSameImageAsTheReference() {
        Random rnd = TestSeed.random();
        var p = new MandelbrotProblem(20 + rnd.nextInt(40), 10 + rnd.nextInt(30), 5 + rnd.nextInt(40));
        long expected = MandelbrotProblem.checksum(new ScalarMandelbrot().compute(p, 1));
        Map<CompilerMode, KernelTimings> t = JitModes.compare(p, "scalar", 3, Duration.ofSeconds(60));
        assertEquals(List.of(CompilerMode.values()), List.copyOf(t.keySet()));
        for (KernelTimings k : t.values()) {
            assertEquals(Long.toString(expected), k.checksum());
            assertEquals(3, k.calls());
            assertTrue(k.bestMillis() > 0);
        }
        assertEquals(3, JitModes.table(t).rowCount());
    }

    @Test
    void heatRunsInAChildToo() {
        var r = ChildJvm.run(List.of(), TimedKernel.class.getName(), Duration.ofSeconds(30), "heat", "naive", "17", "5", "1", "2");
        KernelTimings t = KernelTimings.parse(r.stderr());
        assertEquals(2, t.calls());
        double expected = optpar.heat.HeatProblem.checksum(new optpar.heat.NaiveHeat().solve(new optpar.heat.HeatProblem(17, 5), 1));
        assertEquals(expected, Double.parseDouble(t.checksum()));
    }
}
