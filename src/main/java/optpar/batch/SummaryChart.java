package optpar.batch;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The picture at the end of the batch (and of the workflow's plot step): per run, the median with
 * its bootstrap error bar and the plain mean, which the glitches pull upwards.
 * <pre>{@code
 * BufferedImage img = SummaryChart.image(Reduction.read(Path.of("summary.csv")));
 * }</pre>
 */
public final class SummaryChart {
    private SummaryChart() {}

    /** The chart of {@code rows} (x = run number from the file name). */
    public static XYChart chart(List<Reduced> rows) {
        if (rows.isEmpty()) throw new IllegalArgumentException("plot: the summary has no rows");
        double[] x = new double[rows.size()], med = new double[rows.size()], se = new double[rows.size()],
                mean = new double[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            Reduced r = rows.get(i);
            x[i] = r.index() >= 0 ? r.index() : i;
            med[i] = r.median();
            se[i] = r.medianSe();
            mean[i] = r.mean();
        }
        XYChart chart = new XYChartBuilder().width(720).height(400)
                .title("Reduced runs: " + rows.size() + " raw files").xAxisTitle("run").yAxisTitle("value").build();
        chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideNE);
        XYSeries m = chart.addSeries("median ± bootstrap error", x, med, se);
        m.setMarker(SeriesMarkers.CIRCLE);
        XYSeries a = chart.addSeries("mean (biased by glitches)", x, mean);
        a.setMarker(SeriesMarkers.NONE);
        chart.getStyler().setErrorBarsColor(java.awt.Color.DARK_GRAY);
        return chart;
    }

    /** The chart as an image (headless). */
    public static BufferedImage image(List<Reduced> rows) {
        return BitmapEncoder.getBufferedImage(chart(rows));
    }

    /** Writes the chart as a PNG file. */
    public static void png(List<Reduced> rows, Path out) {
        try {
            Path parent = out.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            ImageIO.write(image(rows), "png", out.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + out + ": " + e.getMessage(), e);
        }
    }
}
