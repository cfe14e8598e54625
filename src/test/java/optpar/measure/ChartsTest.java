package optpar.measure;

import static org.junit.jupiter.api.Assertions.*;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import javax.imageio.ImageIO;
import optpar.heat.HeatProblem;
import optpar.heat.NaiveHeat;
import optpar.mandelbrot.MandelbrotProblem;
import optpar.mandelbrot.ScalarMandelbrot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

class ChartsTest {

    @AfterEach
    void resetSize() {
        Charts.setSize(640, 420);
    }

    /** The picture shows something: more than a handful of distinct colours. */
    static void assertDrawn(BufferedImage img, int w, int h) {
        assertEquals(w, img.getWidth());
        assertEquals(h, img.getHeight());
        java.util.Set<Integer> colours = new java.util.HashSet<>();
        for (int y = 0; y < h; y += 3) for (int x = 0; x < w; x += 3) colours.add(img.getRGB(x, y));
        assertTrue(colours.size() > 5, "the image has only " + colours.size() + " colours");
    }

    static Table sweepTable() {
        var cases = List.<Sweep.Case<?>>of(
                new Sweep.Case<Integer>("fake", true, true, t -> t, x -> x),
                new Sweep.Case<Integer>("serial", false, true, t -> 1, x -> x));
        return Sweep.of("test", cases).threads(1, 2, 4).warmups(0).repeats(1).run();
    }

    @Test
    void xchartChartsHaveTheRequestedSize() {
        Charts.setSize(500, 300);
        assertDrawn(Charts.speedup("s", new int[] {1, 2, 4}, new double[] {1, 1.8, 3}), 500, 300);
        assertDrawn(Charts.speedup(sweepTable()), 500, 300);
        assertDrawn(Charts.bars("b", new String[] {"a", "b", "c"}, new double[] {1, 0.1, 0.01}, true), 500, 300);
        assertDrawn(Charts.bars("b", new String[] {"a", "b"}, new double[] {1, 0.5}, false), 500, 300);
        assertDrawn(Charts.bars("t", sweepTable(), true), 500, 300);
        assertDrawn(Charts.bars("r", List.of(Timing.measure("x", 0, 2, () -> 1)), false), 500, 300);
        Map<String, double[]> m = new LinkedHashMap<>();
        m.put("up", new double[] {1, 2, 3});
        m.put("down", new double[] {3, 2, 1});
        assertDrawn(Charts.lines("l", "x", "y", new double[] {1, 2, 3}, m), 500, 300);
        assertDrawn(Charts.runs(Timing.measure("x", 2, 3, () -> new int[100])), 500, 300);
    }

    @Test
    void rooflineDrawsHeatAndProbe() {
        HeatProblem p = new HeatProblem(16, 3);
        Table heat = Sweep.heat(p).warmups(0).repeats(1).run();
        Table bw = BandwidthProbe.sweep(1, new int[] {1, 2}, 1);
        assertDrawn(Charts.roofline(heat, p, bw), 640, 420);
    }

    @Test
    void heatMapAndMandelbrotImages() {
        double[] u = new NaiveHeat().solve(new HeatProblem(40, 5), 1);
        assertDrawn(Charts.heatMap(u, 40, "heat"), 520, 440);
        assertDrawn(Charts.heatMap(u, 40, "heat", 300, 200), 300, 200);
        var p = new MandelbrotProblem(90, 60, 30);
        assertDrawn(Charts.mandelbrot(new ScalarMandelbrot().compute(p, 1), 90, 60, 30), 90, 60);
    }

    @Test
    void badShapesAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> Charts.heatMap(new double[10], 3, "x"));
        assertThrows(IllegalArgumentException.class, () -> Charts.mandelbrot(new int[10], 3, 3, 5));
        assertThrows(IllegalArgumentException.class, () -> Charts.bars("b", new String[] {"a"}, new double[] {1, 2}, false));
        assertThrows(IllegalArgumentException.class, () -> Charts.setSize(0, 10));
    }

    @Test
    void saveWritesAPng(@TempDir Path dir) throws Exception {
        Random rnd = new Random(1);
        double[] f = new double[25 * 25];
        for (int i = 0; i < f.length; i++) f[i] = rnd.nextDouble();
        Path out = Charts.save(Charts.heatMap(f, 25, "noise"), dir.resolve("sub/heat.png").toString());
        assertTrue(Files.size(out) > 100);
        assertEquals(520, ImageIO.read(out.toFile()).getWidth());
    }
}
