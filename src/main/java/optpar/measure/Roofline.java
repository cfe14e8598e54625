package optpar.measure;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import optpar.heat.BlockedHeat;
import optpar.heat.HeatProblem;
import optpar.mandelbrot.MandelbrotProblem;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import tech.tablesaw.api.Table;

/**
 * The roofline model (Williams, Waterman, Patterson 2009), measured on this machine: GFLOP/s against
 * arithmetic intensity (flops per byte moved to or from memory), under two roofs: the memory roof
 * {@code bandwidth x intensity} ({@link BandwidthProbe}, STREAM copy) and the compute roof
 * ({@link ComputeProbe}, the Vector API FMA peak), each for one thread and for all threads. A kernel
 * left of the knee is memory-bound (the heat equation, about 0.5 flop/byte); right of it, compute-bound
 * (Mandelbrot: one 4-byte count for hundreds of flops). Each variant is a point: Java, C twins and
 * Python with different markers, so a twin pair sits side by side at the same intensity.
 *
 * <pre>{@code
 * Roofline roof = Roofline.measure(Course.threads(1, 2), 128);         // the two probes
 * roof.mandelbrot(mandelSweep, p, counts).heat(heatSweep, hp);        // the Sweep tables
 * roof.chart("this machine's roofline");
 * }</pre>
 */
public final class Roofline {

    /** Flops per heat point update: 2c, two subtractions, three additions, the multiply by f, the add of c. */
    public static final double HEAT_FLOPS_PER_POINT = 8;
    /** Bytes per heat point update, counted as STREAM counts a copy (read one grid, write the other). */
    public static final double HEAT_BYTES_PER_POINT = 16;
    /** Flops per Mandelbrot iteration: zr*zr - zi*zi + cx (4), 2*zr*zi + cy (3), |z|^2 (3). */
    public static final double MANDELBROT_FLOPS_PER_ITERATION = 10;

    /**
     * A kernel on the chart.
     *
     * @param label        e.g. "heat vector x2"
     * @param flopsPerByte its arithmetic intensity
     * @param gflops       what it achieved
     * @param kind         "java", "c" or "python" (the marker)
     * @param threads      the threads it ran on (1: judged against the one-thread roofs)
     */
    public record Point(String label, double flopsPerByte, double gflops, String kind, int threads) {}

    /** The ceilings, measured: FMA peak and copy bandwidth on one thread and on {@code threads}. */
    public record Ceilings(int threads, double peak1, double peakAll, double bandwidth1, double bandwidthAll) {
        /** The intensity where the all-threads roofs meet: left of it, memory decides. */
        public double knee() {
            return peakAll / bandwidthAll;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "roofs measured here: FMA peak %.1f GFLOP/s on 1 thread, %.1f on %d; copy %.1f GB/s on 1 thread, %.1f on %d; knee at %.2f flop/byte",
                    peak1, peakAll, threads, bandwidth1, bandwidthAll, threads, knee());
        }
    }

    private final Ceilings ceilings;
    private final List<Point> points = new ArrayList<>();

    /** A roofline with ceilings measured elsewhere. */
    public Roofline(Ceilings ceilings) {
        this.ceilings = ceilings;
    }

    /** Measures both ceilings on 1 thread and on the most of {@code threads}, with {@code mib}-MiB copy arrays. */
    public static Roofline measure(int[] threads, int mib) {
        int all = java.util.Arrays.stream(threads).max().orElse(1);
        double p1 = ComputeProbe.gflops(1), b1 = BandwidthProbe.copy(mib, 1);
        double pa = all == 1 ? p1 : ComputeProbe.gflops(all), ba = all == 1 ? b1 : BandwidthProbe.copy(mib, all);
        return new Roofline(new Ceilings(all, p1, pa, b1, ba));
    }

    /** The ceilings. */
    public Ceilings ceilings() {
        return ceilings;
    }

    /** The points added so far. */
    public List<Point> points() {
        return List.copyOf(points);
    }

    /**
     * The ceilings from a {@link BandwidthProbe#sweep} table already measured (its copy rows on 1 and
     * on the most threads), and the compute probe measured now.
     */
    public static Roofline withBandwidth(Table probe) {
        int all = 1;
        double b1 = Double.NaN, ba = Double.NaN;
        for (int i = 0; i < probe.rowCount(); i++) {
            if (!probe.stringColumn(Sweep.IMPL).get(i).equals("copy")) continue;
            int t = probe.intColumn(Sweep.THREADS).getInt(i);
            double gbps = probe.doubleColumn(BandwidthProbe.GBPS).getDouble(i);
            if (t == 1) b1 = gbps;
            if (t >= all) { all = t; ba = gbps; }
        }
        if (Double.isNaN(b1)) throw new IllegalArgumentException("the probe table needs a copy row on 1 thread");
        double p1 = ComputeProbe.gflops(1), pa = all == 1 ? p1 : ComputeProbe.gflops(all);
        return new Roofline(new Ceilings(all, p1, pa, b1, ba));
    }

    /** Adds one point. */
    public Roofline point(String label, double flopsPerByte, double gflops, String kind, int threads) {
        points.add(new Point(label, flopsPerByte, gflops, kind, threads));
        return this;
    }

    /** "c" for the C twins (native...), "python" for python..., else "java". */
    public static String kind(String impl) {
        return impl.startsWith("native") ? "c" : impl.startsWith("python") ? "python" : "java";
    }

    /** The flops a Mandelbrot image takes: {@value #MANDELBROT_FLOPS_PER_ITERATION} per iteration each pixel runs. */
    public static double mandelbrotFlops(int[] counts, int maxIter) {
        double iterations = 0;
        for (int c : counts) iterations += c < maxIter ? c + 1 : maxIter;
        return MANDELBROT_FLOPS_PER_ITERATION * iterations;
    }

    /** Every row of a {@link Sweep#mandelbrot} table as a point; {@code counts} are the reference's. */
    public Roofline mandelbrot(Table sweep, MandelbrotProblem p, int[] counts) {
        double flops = mandelbrotFlops(counts, p.maxIter());
        double intensity = flops / (Integer.BYTES * (double) p.pixels());   // the image is all that goes to memory
        for (int i = 0; i < sweep.rowCount(); i++) {
            String impl = sweep.stringColumn(Sweep.IMPL).get(i);
            int t = sweep.intColumn(Sweep.THREADS).getInt(i);
            point("mandelbrot " + impl + " x" + t, intensity, flops / sweep.doubleColumn(Sweep.SECONDS).getDouble(i) / 1e9, kind(impl), t);
        }
        return this;
    }

    /**
     * Every row of a {@link Sweep#heat} table as a point at 0.5 flop/byte, except the blocked ones:
     * they bring each row from memory once per {@link BlockedHeat#DEFAULT_DEPTH} steps, so their
     * intensity is that many times higher (at best).
     */
    public Roofline heat(Table sweep, HeatProblem p) {
        double flops = HEAT_FLOPS_PER_POINT * (p.n() - 2.0) * (p.n() - 2.0) * p.steps();
        for (int i = 0; i < sweep.rowCount(); i++) {
            String impl = sweep.stringColumn(Sweep.IMPL).get(i);
            int t = sweep.intColumn(Sweep.THREADS).getInt(i);
            double intensity = HEAT_FLOPS_PER_POINT / HEAT_BYTES_PER_POINT * (impl.contains("blocked") ? Math.min(BlockedHeat.DEFAULT_DEPTH, p.steps()) : 1);
            point("heat " + impl + " x" + t, intensity, flops / sweep.doubleColumn(Sweep.SECONDS).getDouble(i) / 1e9, kind(impl), t);
        }
        return this;
    }

    /**
     * The share of its roof a point reaches at its intensity (1 = on the roof): the one-thread roofs
     * for a one-thread point, the all-threads roofs otherwise.
     */
    public double fractionOfRoof(Point pt) {
        boolean one = pt.threads() == 1;
        double peak = one ? ceilings.peak1() : ceilings.peakAll(), bw = one ? ceilings.bandwidth1() : ceilings.bandwidthAll();
        return pt.gflops() / Math.min(peak, bw * pt.flopsPerByte());
    }

    /** The best share of its roof among the points whose label starts with {@code prefix} (NaN if none). */
    public double bestFraction(String prefix) {
        return points.stream().filter(p -> p.label().startsWith(prefix)).mapToDouble(this::fractionOfRoof).max().orElse(Double.NaN);
    }

    /** The chart: log-log, the two roofs for 1 and all threads, every point with its marker. */
    public BufferedImage chart(String title) {
        XYChart chart = new XYChartBuilder().width(Math.max(Charts.width(), 820)).height(Math.max(Charts.height(), 520))
                .title(title).xAxisTitle("arithmetic intensity (flops per byte of memory traffic)").yAxisTitle("GFLOP/s").build();
        var st = chart.getStyler();
        st.setXAxisLogarithmic(true);
        st.setYAxisLogarithmic(true);
        st.setLegendPosition(Styler.LegendPosition.OutsideE);
        st.setLegendFont(st.getLegendFont().deriveFont(10f));
        double lo = 0.05, hi = 1e4;
        for (Point pt : points) {
            lo = Math.min(lo, pt.flopsPerByte() / 2);
            hi = Math.max(hi, pt.flopsPerByte() * 2);
        }
        roof(chart, String.format(Locale.ROOT, "roof, 1 thread (%.1f GB/s, %.1f GFLOP/s)", ceilings.bandwidth1(), ceilings.peak1()),
                ceilings.bandwidth1(), ceilings.peak1(), lo, hi, Color.GRAY);
        if (ceilings.threads() > 1) {
            roof(chart, String.format(Locale.ROOT, "roof, %d threads (%.1f GB/s, %.1f GFLOP/s)", ceilings.threads(),
                    ceilings.bandwidthAll(), ceilings.peakAll()), ceilings.bandwidthAll(), ceilings.peakAll(), lo, hi, Color.BLACK);
        }
        for (Point pt : points) {
            XYSeries s = chart.addSeries(pt.label(), new double[] {pt.flopsPerByte()}, new double[] {pt.gflops()});
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            s.setMarker(switch (pt.kind()) {
                case "c" -> SeriesMarkers.DIAMOND;
                case "python" -> SeriesMarkers.TRIANGLE_UP;
                default -> SeriesMarkers.CIRCLE;
            });
        }
        return Charts.image(chart);
    }

    private static void roof(XYChart chart, String name, double bw, double peak, double lo, double hi, Color color) {
        double knee = peak / bw;
        double[] x = knee > lo && knee < hi ? new double[] {lo, knee, hi} : new double[] {lo, hi};
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) y[i] = Math.min(peak, bw * x[i]);
        XYSeries s = chart.addSeries(name, x, y);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        s.setMarker(SeriesMarkers.NONE);
        s.setLineColor(color);
        s.setLineStyle(new BasicStroke(2.5f));
    }
}
