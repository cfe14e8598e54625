package optpar.measure;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
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
        fitTitle(chart, title, width);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);   // the fits' names are long: below the plot
        chart.getStyler().setXAxisDecimalPattern("0");
        chart.getStyler().setyAxisTickLabelsFormattingFunction(Formats::number);
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
        double fastest = java.util.Arrays.stream(seconds).min().orElseThrow();
        double slowest = java.util.Arrays.stream(seconds).max().orElseThrow();
        // A log axis shows one tick per decade: with less than a decade between the bars it would
        // show one tick or none, so a linear axis reads better there.
        boolean logAxis = log && slowest / fastest >= 10;
        // One unit for the whole chart, chosen so the fastest bar is at least 1 of it: bars and
        // ticks then read "25.5", with the unit in the axis title, not ".025517658".
        TimeUnitScale unit = TimeUnitScale.of(fastest);
        if (labels.length <= MAX_BARS) return barChart(title, labels, seconds, logAxis, unit, fastest, slowest, width, height);
        // More bars than fit side by side: split into charts of at most MAX_BARS, stacked, on one scale.
        List<BufferedImage> parts = new ArrayList<>();
        int chunks = (labels.length + MAX_BARS - 1) / MAX_BARS;
        for (int c = 0; c < chunks; c++) {
            int from = c * labels.length / chunks, to = (c + 1) * labels.length / chunks;
            parts.add(barChart(title + " (" + (c + 1) + "/" + chunks + ")", java.util.Arrays.copyOfRange(labels, from, to),
                    java.util.Arrays.copyOfRange(seconds, from, to), logAxis, unit, fastest, slowest, width, height * 3 / 4));
        }
        return stack(parts);
    }

    /** The most bars drawn side by side in one chart; more are split ({@link #bars}) or grouped (sweep tables). */
    public static final int MAX_BARS = 8;

    private static BufferedImage barChart(String title, String[] labels, double[] seconds, boolean logAxis, TimeUnitScale unit,
                                          double fastest, double slowest, int w, int h) {
        CategoryChart chart = new CategoryChartBuilder().width(w).height(h).title(title)
                .xAxisTitle("").yAxisTitle("time (" + unit.symbol() + ")" + (logAxis ? ", log scale" : "")).build();
        fitTitle(chart, title, w);
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setYAxisLogarithmic(logAxis);
        chart.getStyler().setLabelsVisible(true);
        numberFormat(chart, logAxis, fastest * unit.perSecond());
        int longest = java.util.Arrays.stream(labels).mapToInt(String::length).max().orElse(0);
        chart.getStyler().setXAxisLabelRotation(labels.length * (Math.max(longest, 4) + 2) * 8 >= w - 100 ? 30 : 0);
        List<Double> ys = new ArrayList<>();
        for (double s : seconds) ys.add(s * unit.perSecond());
        if (logAxis) {
            // Bars grow from the axis minimum, which XChart puts at 0 unless told: on a log axis,
            // start at the decade below the fastest time.
            chart.getStyler().setYAxisMin(Math.pow(10, Math.floor(Math.log10(fastest * unit.perSecond()))));
        } else {
            chart.getStyler().setYAxisMin(0.0);
        }
        chart.getStyler().setYAxisMax(slowest * unit.perSecond() * (logAxis ? 2 : 1.15));   // room for the bar labels
        chart.addSeries("time", List.of(labels), ys);
        return image(chart);
    }

    /**
     * Ticks and bar labels with about 3 significant digits. On a linear axis a formatting function
     * does it; XChart 3.8 places a log axis's ticks wrongly when given one, so a log axis gets a
     * decimal pattern with as many decimals as the smallest value needs.
     */
    private static void numberFormat(CategoryChart chart, boolean logAxis, double smallest) {
        if (!logAxis) {
            chart.getStyler().setyAxisTickLabelsFormattingFunction(Formats::number);
            return;
        }
        chart.getStyler().setYAxisDecimalPattern(smallest >= 100 ? "#,##0" : smallest >= 10 ? "#,##0.#" : "#,##0.##");
    }

    /** Images one above the other, on a white background, as wide as the widest. */
    static BufferedImage stack(List<BufferedImage> parts) {
        int w = parts.stream().mapToInt(BufferedImage::getWidth).max().orElse(1);
        int h = parts.stream().mapToInt(BufferedImage::getHeight).sum();
        BufferedImage out = new BufferedImage(w, Math.max(1, h), BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = out.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, w, h);
        int y = 0;
        for (BufferedImage p : parts) {
            g.drawImage(p, 0, y, null);
            y += p.getHeight();
        }
        g.dispose();
        return out;
    }

    /** Shrinks the title's font until the title fits the chart's width (XChart clips it otherwise). */
    static void fitTitle(Chart<?, ?> chart, String title, int w) {
        Font font = chart.getStyler().getChartTitleFont();
        java.awt.Graphics2D g = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics();
        while (font.getSize() > 9 && g.getFontMetrics(font).stringWidth(title) > w - 24) font = font.deriveFont(font.getSize2D() - 1);
        g.dispose();
        chart.getStyler().setChartTitleFont(font);
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

    /**
     * Bars of a {@link Sweep} table (its median times): grouped, one group per variant and one
     * colour per thread count, so a sweep of 6 variants on 4 thread counts reads as 6 groups, not
     * 24 bars in a row. A sweep with one thread count is plain bars.
     */
    public static BufferedImage bars(String title, Table sweep, boolean log) {
        String timeColumn = sweep.columnNames().contains(Sweep.MEDIAN) ? Sweep.MEDIAN : Sweep.SECONDS;
        List<String> impls = new ArrayList<>(new java.util.LinkedHashSet<>(sweep.stringColumn(Sweep.IMPL).asList()));
        List<Integer> threadCounts = new ArrayList<>(new java.util.TreeSet<>(sweep.intColumn(Sweep.THREADS).asList()));
        double[] secs = sweep.doubleColumn(timeColumn).asDoubleArray();
        if (threadCounts.size() == 1) {
            String[] labels = new String[sweep.rowCount()];
            for (int i = 0; i < labels.length; i++) labels[i] = sweep.stringColumn(Sweep.IMPL).get(i);
            return bars(title, labels, secs, log);
        }
        double fastest = java.util.Arrays.stream(secs).min().orElseThrow(), slowest = java.util.Arrays.stream(secs).max().orElseThrow();
        if (!(fastest > 0)) throw new IllegalArgumentException("times must be positive to draw bars; the sweep has " + fastest);
        boolean logAxis = log && slowest / fastest >= 10;
        TimeUnitScale unit = TimeUnitScale.of(fastest);
        CategoryChart chart = new CategoryChartBuilder().width(width).height(height).title(title)
                .xAxisTitle("").yAxisTitle("median time (" + unit.symbol() + ")" + (logAxis ? ", log scale" : "")).build();
        fitTitle(chart, title, width);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        chart.getStyler().setYAxisLogarithmic(logAxis);
        numberFormat(chart, logAxis, fastest * unit.perSecond());
        chart.getStyler().setXAxisLabelRotation(impls.size() > 4 ? 30 : 0);
        chart.getStyler().setYAxisMin(logAxis ? Math.pow(10, Math.floor(Math.log10(fastest * unit.perSecond()))) : 0.0);
        for (int t : threadCounts) {
            List<String> xs = new ArrayList<>();
            List<Double> ys = new ArrayList<>();
            for (String impl : impls) {
                xs.add(impl);
                double v = Double.NaN;
                for (int i = 0; i < sweep.rowCount(); i++) {
                    if (sweep.stringColumn(Sweep.IMPL).get(i).equals(impl) && sweep.intColumn(Sweep.THREADS).getInt(i) == t) v = secs[i];
                }
                // a serial variant ran on one thread only: leave its other bars out (XChart needs a number: the axis minimum)
                ys.add(Double.isNaN(v) ? (logAxis ? chart.getStyler().getYAxisMin() : 0.0) : v * unit.perSecond());
            }
            chart.addSeries(t + (t == 1 ? " thread" : " threads"), xs, ys);
        }
        return image(chart);
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
        fitTitle(chart, title, width);
        chart.getStyler().setYAxisLogarithmic(logY);
        chart.getStyler().setLegendVisible(series.size() > 1);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);   // never on top of the data
        chart.getStyler().setxAxisTickLabelsFormattingFunction(Formats::number);   // never 15 digits
        chart.getStyler().setyAxisTickLabelsFormattingFunction(Formats::number);
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
        chart.getStyler().setyAxisTickLabelsFormattingFunction(Formats::number);
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
        fitTitle(chart, chart.getTitle(), width);
        chart.getStyler().setyAxisTickLabelsFormattingFunction(Formats::number);
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

    // ---------------------------------------------------------------- raster images (see Pictures)

    /** The heat field as a colour image: {@link Pictures#heatMap(double[], int, String)}. */
    public static BufferedImage heatMap(double[] field, int n, String title) {
        return Pictures.heatMap(field, n, title);
    }

    /** {@link Pictures#heatMap(double[], int, String, int, int)}. */
    public static BufferedImage heatMap(double[] field, int n, String title, int width, int height) {
        return Pictures.heatMap(field, n, title, width, height);
    }

    /** The Mandelbrot image: {@link Pictures#mandelbrot(int[], int, int, int)}. */
    public static BufferedImage mandelbrot(int[] counts, int width, int height, int maxIter) {
        return Pictures.mandelbrot(counts, width, height, maxIter);
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
