package optpar.measure;

import optpar.heat.HeatProblem;
import optpar.mandelbrot.MandelbrotProblem;
import optpar.mandelbrot.ScalarMandelbrot;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

/** The compute probe's loop computes what it claims, and the roofline places points by the model. */
class RooflineTest {

    @Test
    void theFmaLoopComputesTheFusedMultiplyAddsItCounts() {
        long rounds = 1 + new Random().nextInt(5000);
        // the same 12 chains with Math.fma, lane by lane: every lane of a chain holds the same value
        double sum = 0;
        for (int k = 0; k < ComputeProbe.CHAINS; k++) {
            double a = 1.0 + k;
            for (long r = 0; r < rounds; r++) a = Math.fma(a, 0.999999, 1e-6);
            sum += a;
        }
        double lanes = ComputeProbe.SPECIES.length();
        assertEquals(sum * lanes, ComputeProbe.fmaLoop(rounds), 1e-9 * sum * lanes, "rounds " + rounds);
        assertEquals(2.0 * lanes * ComputeProbe.CHAINS * rounds, ComputeProbe.flops(rounds));
    }

    @Test
    void theProbeGivesAPositivePeak() {
        double g = ComputeProbe.gflops(1, 1);
        assertTrue(g > 0 && Double.isFinite(g), "peak " + g);
        assertThrows(IllegalArgumentException.class, () -> ComputeProbe.gflops(0));
    }

    @Test
    void mandelbrotFlopsCountTheIterationsRun() {
        // 3 pixels: escaped at 0 (1 iteration), at 4 (5), never (maxIter = 10)
        assertEquals(10 * (1 + 5 + 10), Roofline.mandelbrotFlops(new int[] {0, 4, 10}, 10));
    }

    @Test
    void pointsSitUnderTheRoofOfTheirIntensity() {
        var roof = new Roofline(new Roofline.Ceilings(2, 20, 40, 10, 16));
        assertEquals(2.5, roof.ceilings().knee(), 1e-12);
        var p = new MandelbrotProblem(40, 30, 50);
        int[] counts = new ScalarMandelbrot().compute(p, 1);
        var mt = Sweep.table("m", List.of(new Sweep.Measurement("native-simd", 2,
                new Timing.Result<>("x", List.of(), List.of(0.001), null), 1, 1, 1)));
        var ht = Sweep.table("h", List.of(new Sweep.Measurement("vector", 1,
                new Timing.Result<>("x", List.of(), List.of(0.5), null), 1, 1, 1),
                new Sweep.Measurement("blocked", 2, new Timing.Result<>("x", List.of(), List.of(0.1), null), 1, 1, 1)));
        var hp = new HeatProblem(1002, 100);
        roof.mandelbrot(mt, p, counts).heat(ht, hp);
        var pts = roof.points();
        assertEquals("c", pts.get(0).kind());
        assertEquals(Roofline.mandelbrotFlops(counts, 50) / (4.0 * 1200), pts.get(0).flopsPerByte(), 1e-9);
        assertEquals(0.5, pts.get(1).flopsPerByte());
        double heatGflops = 8.0 * 1000 * 1000 * 100 / 0.5 / 1e9;
        assertEquals(heatGflops, pts.get(1).gflops(), 1e-9);
        assertEquals(heatGflops / (10 * 0.5), roof.fractionOfRoof(pts.get(1)), 1e-9);   // memory-bound, one-thread roof
        assertEquals(0.5 * 32, pts.get(2).flopsPerByte());                               // blocked: 32 steps per trip
        assertNotNull(roof.chart("test"));
    }
}
