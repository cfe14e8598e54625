package optpar.measure;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * A bar chart of any numeric column of a tablesaw table against a label column: profiles (samples
 * per method), allocations (MB per type), cache sweeps (hit rate per size). Drawn with XChart at the
 * size of {@link Charts} ({@link Charts#bars} is for times in seconds; this one for any quantity).
 * <pre>{@code
 * TableCharts.bars(profile.hotMethods(8), "method", "self %", "Where the CPU was")
 * }</pre>
 */
public final class TableCharts {
    private TableCharts() {}

    /**
     * One bar per row: label from {@code labelColumn}, height from the numeric {@code valueColumn}.
     *
     * @throws IllegalArgumentException when a column is missing or the value column is not numeric
     */
    public static BufferedImage bars(Table table, String labelColumn, String valueColumn, String title) {
        if (!table.columnNames().contains(labelColumn) || !table.columnNames().contains(valueColumn)) {
            throw new IllegalArgumentException("table '" + table.name() + "' has no column '"
                    + (table.columnNames().contains(labelColumn) ? valueColumn : labelColumn) + "'; its columns are " + table.columnNames());
        }
        Column<?> values = table.column(valueColumn);
        if (!(values instanceof tech.tablesaw.api.NumericColumn<?> numeric)) {
            throw new IllegalArgumentException("column '" + valueColumn + "' is not numeric; choose one of the number columns");
        }
        if (table.rowCount() == 0) throw new IllegalArgumentException("table '" + table.name() + "' is empty: nothing to draw");
        List<String> labels = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        for (int i = 0; i < table.rowCount(); i++) {
            labels.add(table.column(labelColumn).getString(i));
            ys.add(numeric.getDouble(i));
        }
        CategoryChart chart = new CategoryChartBuilder().width(Charts.width()).height(Charts.height())
                .title(title).xAxisTitle(labelColumn).yAxisTitle(valueColumn).build();
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setLabelsVisible(true);
        chart.getStyler().setXAxisLabelRotation(labels.size() > 5 || labels.stream().anyMatch(l -> l.length() > 14) ? 30 : 0);
        chart.addSeries(valueColumn, labels, ys);
        return Charts.image(chart);
    }
}
