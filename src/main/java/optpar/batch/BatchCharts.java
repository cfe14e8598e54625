package optpar.batch;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import optpar.measure.Charts;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;

/**
 * Where the jobs of a batch ran: one bar per worker, its height the number of jobs it finished.
 * After a member was killed, its bar is short and the survivors' bars are taller.
 * <pre>{@code
 * BatchCharts.jobsPerWorker("Jobs per member", report);
 * }</pre>
 */
public final class BatchCharts {
    private BatchCharts() {}

    /** Jobs finished per worker of {@code report}. */
    public static BufferedImage jobsPerWorker(String title, BatchReport report) {
        Map<String, Integer> per = report.jobsPerWorker();
        if (per.isEmpty()) throw new IllegalArgumentException("the report has no results to chart");
        List<String> names = new ArrayList<>();
        List<Integer> counts = new ArrayList<>();
        per.forEach((worker, n) -> {
            names.add(worker.replace("member ", "").replace(" (pid ", ", pid ").replace(")", ""));
            counts.add(n);
        });
        CategoryChart chart = new CategoryChartBuilder().width(Charts.width()).height(Charts.height()).title(title)
                .xAxisTitle("worker").yAxisTitle("jobs finished").build();
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setLabelsVisible(true);
        chart.getStyler().setYAxisDecimalPattern("0");
        chart.addSeries("jobs", names, counts);
        return Charts.image(chart);
    }
}
