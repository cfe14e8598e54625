package optpar.measure;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;
import optpar.heat.HeatProblem;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;
import tech.tablesaw.api.Table;

/**
 * Charts for the notebooks, returned as {@link BufferedImage}s: the Java kernel shows an image
 * that is a cell's last value inline. Drawn with XChart, off screen (headless), so they work on a
 * server without a display too.
 *
 * <pre>{@code
 * Table t = Sweep.mandelbrot(p).threads(1, 2, 4).run();
 * Charts.speedup(t);                         // speed-up against threads, ideal line, Amdahl fits
 * Charts.bars("Mandelbrot", t, true);        // best time per variant and thread count, log scale
 * Charts.mandelbrot(counts, p.width(), p.height(), p.maxIter());
 * Charts.heatMap(u, p.n(), "u after 200 steps");
 * Charts.save(Charts.speedup(t), "speedup.png");
 * }</pre>
 *
 * <p>XChart charts are drawn at {@link #width()} x {@link #height()} pixels (640 x 420 unless
 * {@link #setSize(int, int)} changed it); build your own XChart chart and show it with
 * {@link #image(Chart)}.
 */
public final class Charts {
    private Charts() {}

    static {
        // Render without a display: must be set before AWT starts, which it does on first drawing.
        if (System.getProperty("java.awt.headless") == null) System.setProperty("java.awt.headless", "true");
    }

    private static volatile int width = 640;
    private static volatile int height = 420;

    /** The size of the XChart charts drawn from now on, in pixels (the notebook's "figsize"). */
    public static void setSize(int width, int height) {
        checkSize(width, height);
        Charts.width = width;
        Charts.height = height;
    }

    /** The current chart width in pixels. */
    public static int width() {
        return width;
    }

    /** The current chart height in pixels. */
    public static int height() {
        return height;
    }

    /** Any XChart chart as an image (for charts you build yourself). */
    public static BufferedImage image(Chart<?, ?> chart) {
        return BitmapEncoder.getBufferedImage(chart);
    }

    // ---------------------------------------------------------------- speed-up

    /**
     * Speed-up against threads for every variant of a {@link Sweep} table that ran on more than one
     * thread count, with the ideal line (speed-up = threads) and each
     * variant's Amdahl fit (dashed; fitted on the counts up to the cores: past them the cores ran out).
     */
    public static BufferedImage speedup(Table sweep) {
        return speedup("Speed-up", sweep);
    }

    /** {@link #speedup(Table)} with a title; the Amdahl fits use this machine's cores. */
    public static BufferedImage speedup(String title, Table sweep) {
        return speedup(title, sweep, Machine.here().cores());
    }

    /**
     * {@link #speedup(String, Table)} for a sweep measured on a machine with {@code cores} cores (a
     * CSV from another machine is fitted with that machine's cores, not this one's).
     */
    public static BufferedImage speedup(String title, Table sweep, int cores) {
        if (cores < 1) throw new IllegalArgumentException("cores = " + cores + " is not allowed: at least 1");
        Map<String, List<Integer>> byImpl = rowsByImpl(sweep);
        XYChart chart = speedupChart(title);
        int maxThreads = 1, drawn = 0;
        for (var e : byImpl.entrySet()) {
            if (e.getValue().size() < 2) continue; // a serial variant is a single point at 1: nothing to draw
            int[] t = e.getValue().stream().mapToInt(sweep.intColumn(Sweep.THREADS)::getInt).toArray();
            double[] s = e.getValue().stream().mapToDouble(sweep.doubleColumn(Sweep.SPEEDUP)::getDouble).toArray();
            addSpeedupSeries(chart, e.getKey(), t, s, PALETTE[drawn++ % PALETTE.length], cores);
            for (int x : t) maxThreads = Math.max(maxThreads, x);
        }
        addIdeal(chart, maxThreads);
        return image(chart);
    }

    /**
     * One speed-up curve: the measured points, the ideal line and the Amdahl fit.
     *
     * <pre>{@code
     * Charts.speedup("row bands", new int[] {1, 2, 4}, new double[] {1, 1.9, 3.4});
     * }</pre>
     */
    public static BufferedImage speedup(String title, int[] threads, double[] speedups) {
        return speedup(title, threads, speedups, Machine.here().cores());
    }

    /** {@link #speedup(String, int[], double[])} for points measured on a machine with {@code cores} cores. */
    public static BufferedImage speedup(String title, int[] threads, double[] speedups, int cores) {
        if (threads.length != speedups.length) {
            throw new IllegalArgumentException("threads (" + threads.length + ") and speedups (" + speedups.length + ") must have the same length");
        }
        if (cores < 1) throw new IllegalArgumentException("cores = " + cores + " is not allowed: at least 1");
        XYChart chart = speedupChart(title);
        addSpeedupSeries(chart, "measured", threads, speedups, PALETTE[0], cores);
        int max = 1;
        for (int t : threads) max = Math.max(max, t);
        addIdeal(chart, max);
        return image(chart);
    }

    private static XYChart speedupChart(String title) {
        XYChart chart = new XYChartBuilder().width(width).height(height).title(title)
                .xAxisTitle("threads").yAxisTitle("speed-up").build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        chart.getStyler().setXAxisDecimalPattern("0");
        return chart;
    }

    private static void addSpeedupSeries(XYChart chart, String name, int[] threads, double[] speedups, Color colour, int cores) {
        double[] x = new double[threads.length];
        for (int i = 0; i < x.length; i++) x[i] = threads[i];
        XYSeries measured = chart.addSeries(name, x, speedups);
        measured.setMarker(SeriesMarkers.CIRCLE);
        // The fit gets the colour of its points, so set both (XChart picks colours only when painting).
        measured.setLineColor(colour);
        measured.setMarkerColor(colour);
        // Amdahl's law assumes a core per thread: past the machine's cores the curve flattens because
        // the cores ran out, not because of a serial part. So the fit sees only counts up to the cores
        // (and needs one of 2..cores threads), and its curve is drawn only that far: what the fit
        // says beyond the cores would be a guess about a machine we did not measure.
        if (!Amdahl.canFitUpTo(threads, cores)) return;
        Amdahl a = Amdahl.fitUpTo(threads, speedups, cores);
        int max = 1;
        for (int t : threads) max = Math.max(max, t);
        int until = Math.max(2, Math.min(max, cores));
        double[] fx = grid(1, until, 50);
        double[] fy = new double[fx.length];
        for (int i = 0; i < fx.length; i++) fy[i] = a.predict(fx[i]);
        XYSeries fit = chart.addSeries(String.format(Locale.ROOT, "%s: Amdahl s = %.3f (fit on <= %d threads)",
                name, a.serialFraction(), cores), fx, fy);
        fit.setMarker(SeriesMarkers.NONE);
        fit.setLineStyle(SeriesLines.DASH_DASH);
        fit.setLineColor(colour);
    }

    /**
     * The ideal: T threads, T times faster. Past the cores only work that waits (sleeps, I/O) can
     * follow it; CPU work flattens there, and the notebooks say so.
     */
    private static void addIdeal(XYChart chart, int maxThreads) {
        XYSeries ideal = chart.addSeries("ideal", new double[] {1, Math.max(2, maxThreads)}, new double[] {1, Math.max(2, maxThreads)});
        ideal.setMarker(SeriesMarkers.NONE);
        ideal.setLineColor(Color.GRAY);
        ideal.setLineStyle(SeriesLines.DOT_DOT);
    }

    // ---------------------------------------------------------------- bars

    /**
     * Timing bars, one per label. {@code log} puts the time axis on a log scale, so a 100x
     * difference and a 2x difference both stay readable.
     *
     * <pre>{@code
     * Charts.bars("heat N=1024", new String[] {"naive", "flat"}, new double[] {2.1, 0.9}, true);
     * }</pre>
     */
    public static BufferedImage bars(String title, String[] labels, double[] seconds, boolean log) {
        if (labels.length != seconds.length) {
            throw new IllegalArgumentException("labels (" + labels.length + ") and seconds (" + seconds.length + ") must have the same length");
        }
        if (labels.length == 0) throw new IllegalArgumentException("no bars to draw: give at least one label");
        for (double s : seconds) {
            if (!(s > 0) || Double.isInfinite(s)) {
                throw new IllegalArgumentException("time " + s + " is not allowed in a bar chart: times must be positive and finite");
            }
        }
        // One unit for the whole chart, chosen so the fastest bar is at least 1 of it: bars and
        // ticks then read "25.52 ms", not ".025517658".
        double fastest = java.util.Arrays.stream(seconds).min().orElseThrow();
        TimeUnitScale unit = TimeUnitScale.of(fastest);
        CategoryChart chart = new CategoryChartBuilder().width(width).height(height).title(title)
                .xAxisTitle("").yAxisTitle("time" + (log ? " (log scale)" : "")).build();
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setYAxisLogarithmic(log);
        chart.getStyler().setLabelsVisible(true);
        chart.getStyler().setYAxisDecimalPattern("#,##0.## " + unit.symbol());   // ticks and bar labels
        chart.getStyler().setXAxisLabelRotation(labels.length > 6 ? 45 : 0);
        List<Double> ys = new ArrayList<>();
        for (double s : seconds) ys.add(s * unit.perSecond());
        if (log) {
            // Bars grow from the axis minimum, which XChart puts at 0 unless told: on a log axis,
            // start at the decade below the fastest time.
            chart.getStyler().setYAxisMin(Math.pow(10, Math.floor(Math.log10(fastest * unit.perSecond()))));
        }
        chart.addSeries("time", List.of(labels), ys);
        return image(chart);
    }

    /**
     * A unit of time for a chart: {@code s}, {@code ms}, {@code µs} or {@code ns}, the largest in
     * which {@code seconds} is at least 1.
     */
    record TimeUnitScale(String symbol, double perSecond) {
        static TimeUnitScale of(double seconds) {
            if (seconds >= 1) return new TimeUnitScale("s", 1);
            if (seconds >= 1e-3) return new TimeUnitScale("ms", 1e3);
            if (seconds >= 1e-6) return new TimeUnitScale("µs", 1e6);
            return new TimeUnitScale("ns", 1e9);
        }
    }

    /** Bars of the best time of each {@link Timing.Result}. */
    public static BufferedImage bars(String title, List<? extends Timing.Result<?>> results, boolean log) {
        String[] labels = results.stream().map(Timing.Result::label).toArray(String[]::new);
        double[] best = results.stream().mapToDouble(Timing.Result::best).toArray();
        return bars(title, labels, best, log);
    }

    /** Bars of a {@link Sweep} table: one bar per row, labelled "impl xT". */
    public static BufferedImage bars(String title, Table sweep, boolean log) {
        String[] labels = new String[sweep.rowCount()];
        double[] secs = new double[sweep.rowCount()];
        for (int i = 0; i < sweep.rowCount(); i++) {
            labels[i] = sweep.stringColumn(Sweep.IMPL).get(i) + " x" + sweep.intColumn(Sweep.THREADS).getInt(i);
            secs[i] = sweep.doubleColumn(Sweep.SECONDS).getDouble(i);
        }
        return bars(title, labels, secs, log);
    }

    // ---------------------------------------------------------------- lines

    /**
     * A general XY chart: several named series over the same x values.
     *
     * <pre>{@code
     * Charts.lines("Bandwidth", "threads", "GB/s", new double[] {1, 2},
     *              Map.of("copy", new double[] {17, 24}));
     * }</pre>
     */
    public static BufferedImage lines(String title, String xLabel, String yLabel, double[] x, Map<String, double[]> series) {
        return lines(title, xLabel, yLabel, x, series, false);
    }

    /** {@link #lines(String, String, String, double[], Map)} with an optional log-scale y axis. */
    public static BufferedImage lines(String title, String xLabel, String yLabel, double[] x, Map<String, double[]> series, boolean logY) {
        if (series.isEmpty()) throw new IllegalArgumentException("no series to draw: give at least one");
        XYChart chart = new XYChartBuilder().width(width).height(height).title(title)
                .xAxisTitle(xLabel).yAxisTitle(yLabel).build();
        chart.getStyler().setYAxisLogarithmic(logY);
        chart.getStyler().setLegendVisible(series.size() > 1);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        for (var e : series.entrySet()) {
            if (e.getValue().length != x.length) {
                throw new IllegalArgumentException("series '" + e.getKey() + "' has " + e.getValue().length
                        + " values but there are " + x.length + " x values");
            }
            chart.addSeries(e.getKey(), x, e.getValue()).setMarker(x.length <= 30 ? SeriesMarkers.CIRCLE : SeriesMarkers.NONE);
        }
        return image(chart);
    }

    /** One series: {@code lines(title, xLabel, yLabel, x, Map.of(yLabel, y))}. */
    public static BufferedImage lines(String title, String xLabel, String yLabel, double[] x, double[] y) {
        Map<String, double[]> m = new LinkedHashMap<>();
        m.put(yLabel, y);
        return lines(title, xLabel, yLabel, x, m);
    }

    /**
     * Every run's time in order, warm-ups included, in milliseconds: the JIT compiling the code
     * shows as the first runs being slower.
     *
     * <pre>{@code
     * Charts.runs(Timing.runs("scalar from cold", 15, () -> k.compute(p, 1)));
     * }</pre>
     */
    public static BufferedImage runs(Timing.Result<?> result) {
        List<Double> all = result.allSeconds();
        double[] x = new double[all.size()];
        double[] y = new double[all.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = i + 1;
            y[i] = all.get(i) * 1e3;
        }
        XYChart chart = new XYChartBuilder().width(width).height(height).title(result.label() + ": every run")
                .xAxisTitle("run" + (result.warmupSeconds().isEmpty() ? "" : " (the first " + result.warmupSeconds().size() + " are warm-ups)"))
                .yAxisTitle("milliseconds").build();
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setXAxisDecimalPattern("0");
        chart.addSeries(result.label(), x, y).setMarker(SeriesMarkers.CIRCLE);
        return image(chart);
    }

    // ---------------------------------------------------------------- roofline

    /**
     * The heat timings as achieved memory bandwidth, under the bandwidth the probe measured: a
     * roofline for a kernel that is limited by memory. Each heat step reads the grid once and writes
     * it once, {@code 2 * 8 * N * N} bytes (see {@link BandwidthProbe#heatBytes(HeatProblem)}), counted
     * the way STREAM counts its copy; so a heat variant at the probe's copy line moves data as fast
     * as this machine can. Above the line means the grid (partly) stays in cache: cache blocking.
     *
     * <pre>{@code
     * Table heat = Sweep.heat(p).threads(1, 2).run();
     * Table bw = BandwidthProbe.sweep(256, new int[] {1, 2}, 3);
     * Charts.roofline(heat, p, bw);
     * }</pre>
     *
     * @param heatSweep a {@link Sweep#heat} table (columns impl, threads, seconds)
     * @param problem   the problem the sweep ran
     * @param probe     a {@link BandwidthProbe#sweep} table (columns impl = copy/triad, threads, gbps)
     */
    public static BufferedImage roofline(Table heatSweep, HeatProblem problem, Table probe) {
        XYChart chart = new XYChartBuilder().width(width).height(height)
                .title(String.format(Locale.ROOT, "Heat N=%d, %d steps: achieved bandwidth", problem.n(), problem.steps()))
                .xAxisTitle("threads").yAxisTitle("GB/s (16 bytes per point per step)").build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        chart.getStyler().setXAxisDecimalPattern("0");
        chart.getStyler().setYAxisMin(0.0);
        double bytes = BandwidthProbe.heatBytes(problem);
        for (var e : rowsByImpl(heatSweep).entrySet()) {
            double[] x = e.getValue().stream().mapToDouble(heatSweep.intColumn(Sweep.THREADS)::getInt).toArray();
            double[] y = e.getValue().stream().mapToDouble(i -> bytes / heatSweep.doubleColumn(Sweep.SECONDS).getDouble(i) / 1e9).toArray();
            chart.addSeries(e.getKey(), x, y).setMarker(SeriesMarkers.CIRCLE);
        }
        for (var e : rowsByImpl(probe).entrySet()) {
            double[] x = e.getValue().stream().mapToDouble(probe.intColumn(Sweep.THREADS)::getInt).toArray();
            double[] y = e.getValue().stream().mapToDouble(probe.doubleColumn(BandwidthProbe.GBPS)::getDouble).toArray();
            XYSeries s = chart.addSeries("probe: " + e.getKey(), x, y);
            s.setMarker(SeriesMarkers.NONE);
            s.setLineStyle(SeriesLines.DASH_DASH);
            s.setLineWidth(3);
            s.setLineColor(e.getKey().equals("copy") ? Color.DARK_GRAY : Color.GRAY);
        }
        return image(chart);
    }

    // ---------------------------------------------------------------- images of fields

    /**
     * The heat field as a colour image (viridis colour map), with a title and a colour bar, at the
     * default size of 520 x 440 pixels. Large grids are sampled down to the picture's pixels.
     *
     * <pre>{@code
     * double[] u = new NaiveHeat().solve(new HeatProblem(256, 500), 1);
     * Charts.heatMap(u, 256, "after 500 steps");
     * }</pre>
     */
    public static BufferedImage heatMap(double[] field, int n, String title) {
        return heatMap(field, n, title, 520, 440);
    }

    /** {@link #heatMap(double[], int, String)} at {@code width x height} pixels. */
    public static BufferedImage heatMap(double[] field, int n, String title, int width, int height) {
        if (n < 1 || (long) n * n != field.length) {
            throw new IllegalArgumentException("field has " + field.length + " values, but n=" + n + " needs n*n=" + (long) n * n);
        }
        checkSize(width, height);
        if (width < 120 || height < 80) throw new IllegalArgumentException("a heat map needs at least 120 x 80 pixels, got " + width + " x " + height);
        double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
        for (double v : field) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        double range = max > min ? max - min : 1;
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = canvas(img);
        int top = 30, barWidth = 20, labelWidth = 70, margin = 10;
        int side = Math.max(1, Math.min(width - barWidth - labelWidth - 3 * margin, height - top - margin));
        // Nearest-neighbour sampling: each picture pixel shows the grid point under its centre.
        for (int py = 0; py < side; py++) {
            int i = (int) ((py + 0.5) * n / side);
            for (int px = 0; px < side; px++) {
                int j = (int) ((px + 0.5) * n / side);
                img.setRGB(margin + px, top + py, viridis((field[i * n + j] - min) / range));
            }
        }
        int bx = margin * 2 + side;
        for (int py = 0; py < side; py++) {
            g.setColor(new Color(viridis(1 - (double) py / Math.max(1, side - 1))));
            g.fillRect(bx, top + py, barWidth, 1);
        }
        g.setColor(Color.BLACK);
        g.drawRect(bx, top, barWidth, side);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        g.drawString(String.format(Locale.ROOT, "%.3g", max), bx + barWidth + 4, top + 10);
        g.drawString(String.format(Locale.ROOT, "%.3g", min), bx + barWidth + 4, top + side);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        g.drawString(title, margin, 20);
        g.dispose();
        return img;
    }

    /**
     * The Mandelbrot image, one pixel per count: points that never escaped ({@code maxIter}) black,
     * the others coloured by how fast they escaped (log scale, viridis).
     *
     * <pre>{@code
     * var p = MandelbrotProblem.LECTURE;
     * Charts.mandelbrot(new ScalarMandelbrot().compute(p, 1), p.width(), p.height(), p.maxIter());
     * }</pre>
     */
    public static BufferedImage mandelbrot(int[] counts, int width, int height, int maxIter) {
        checkSize(width, height);
        if ((long) width * height != counts.length) {
            throw new IllegalArgumentException("counts has " + counts.length + " values, but " + width + "x" + height
                    + " needs " + (long) width * height);
        }
        if (maxIter < 1) throw new IllegalArgumentException("maxIter " + maxIter + " is not allowed: at least 1");
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        int[] palette = new int[maxIter + 1];
        for (int c = 0; c < maxIter; c++) palette[c] = viridis(Math.log1p(c) / Math.log1p(maxIter));
        palette[maxIter] = 0; // inside the set: black
        int[] rgb = new int[counts.length];
        for (int k = 0; k < counts.length; k++) rgb[k] = palette[Math.clamp(counts[k], 0, maxIter)];
        img.setRGB(0, 0, width, height, rgb, 0, width);
        return img;
    }

    /**
     * Writes an image as PNG (creating missing folders) and returns the path.
     *
     * <pre>{@code
     * Charts.save(Charts.speedup(table), "target/speedup.png");
     * }</pre>
     */
    public static Path save(BufferedImage image, String path) {
        return save(image, Path.of(path));
    }

    /** {@link #save(BufferedImage, String)} with a {@link Path}. */
    public static Path save(BufferedImage image, Path path) {
        try {
            Path parent = path.toAbsolutePath().getParent();
            if (parent != null) Files.createDirectories(parent);
            if (!ImageIO.write(image, "png", path.toFile())) throw new IOException("no PNG writer available");
            return path;
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + path + ": " + e.getMessage(), e);
        }
    }

    // ---------------------------------------------------------------- helpers

    /** Distinct series colours (matplotlib's "tab10"). */
    private static final Color[] PALETTE = {new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c),
            new Color(0xd62728), new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f),
            new Color(0xbcbd22), new Color(0x17becf)};

    /** The viridis colour map (perceptually uniform, readable in grey), {@code t} in [0, 1], as RGB. */
    static int viridis(double t) {
        // Five anchors of matplotlib's viridis, linearly interpolated: close enough for teaching images.
        int[][] anchors = {{68, 1, 84}, {59, 82, 139}, {33, 145, 140}, {94, 201, 98}, {253, 231, 37}};
        double x = Math.clamp(Double.isNaN(t) ? 0 : t, 0.0, 1.0) * (anchors.length - 1);
        int k = Math.min((int) x, anchors.length - 2);
        double f = x - k;
        int r = (int) Math.round(anchors[k][0] + f * (anchors[k + 1][0] - anchors[k][0]));
        int gr = (int) Math.round(anchors[k][1] + f * (anchors[k + 1][1] - anchors[k][1]));
        int b = (int) Math.round(anchors[k][2] + f * (anchors[k + 1][2] - anchors[k][2]));
        return (r << 16) | (gr << 8) | b;
    }

    private static Graphics2D canvas(BufferedImage img) {
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        g.setStroke(new BasicStroke(1));
        return g;
    }

    private static void checkSize(int width, int height) {
        if (width < 1 || height < 1 || (long) width * height > 100_000_000L) {
            throw new IllegalArgumentException("image size " + width + " x " + height
                    + " is not allowed: both at least 1 and at most 100 million pixels");
        }
    }

    /** Row numbers grouped by the "impl" column, in first-seen order. */
    static Map<String, List<Integer>> rowsByImpl(Table t) {
        if (!t.columnNames().contains(Sweep.IMPL) || !t.columnNames().contains(Sweep.THREADS)) {
            throw new IllegalArgumentException("table '" + t.name() + "' needs columns " + Sweep.IMPL + " and " + Sweep.THREADS
                    + "; it has " + t.columnNames());
        }
        Map<String, List<Integer>> m = new LinkedHashMap<>();
        for (int i = 0; i < t.rowCount(); i++) {
            m.computeIfAbsent(t.stringColumn(Sweep.IMPL).get(i), k -> new ArrayList<>()).add(i);
        }
        return m;
    }

    private static double[] grid(double from, double to, int points) {
        double[] g = new double[points];
        for (int i = 0; i < points; i++) g[i] = from + (to - from) * i / (points - 1);
        return g;
    }
}
