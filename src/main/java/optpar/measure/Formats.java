package optpar.measure;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import tech.tablesaw.columns.numbers.NumberColumnFormatter;

/**
 * How the course's tables print their numbers. Only the printing changes: the columns stay
 * {@code DoubleColumn}s of seconds (or ratios) with full precision, for sorting, charts and CSV.
 *
 * <pre>{@code
 * seconds.setPrintFormatter(Formats.time());     // 0.102666768 prints as "103 ms"
 * speedup.setPrintFormatter(Formats.fixed("0.00"));
 * }</pre>
 */
final class Formats {
    private Formats() {}

    /** Seconds printed with a unit through {@link Timing#format(double)}: "812 ns", "4.56 ms", "1.23 s". */
    static NumberColumnFormatter time() {
        return new NumberColumnFormatter() {
            @Override
            public String format(double seconds) {
                return Double.isNaN(seconds) ? "" : Timing.format(seconds);   // NaN is tablesaw's missing value
            }
        };
    }

    /** A fixed {@link DecimalFormat} pattern, the same in every locale (a dot for decimals). */
    static NumberColumnFormatter fixed(String pattern) {
        return new NumberColumnFormatter(new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(Locale.ROOT)));
    }
}
