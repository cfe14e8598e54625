package optpar.measure;

import java.math.BigDecimal;
import java.math.MathContext;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import tech.tablesaw.columns.numbers.NumberColumnFormatter;

/**
 * How the course prints numbers, in one place: tables ({@link Timing#table}), charts' ticks and bar
 * labels ({@link Charts}) and printed lines all use these, so a time reads the same everywhere.
 * Only the printing changes: the columns stay {@code DoubleColumn}s of seconds (or ratios) with full
 * precision, for sorting, charts and CSV.
 *
 * <pre>{@code
 * Formats.seconds(0.102666768);                  // "103 ms": a unit and 3 significant digits
 * Formats.number(0.015873015873);                // "0.0159": never 15 digits on an axis
 * seconds.setPrintFormatter(Formats.time());     // a tablesaw column of seconds printed as "103 ms"
 * speedup.setPrintFormatter(Formats.fixed("0.00"));
 * }</pre>
 */
public final class Formats {
    private Formats() {}

    /** A duration for people: "812 ns", "35.2 µs", "4.56 ms", "1.23 s", "1234 s" (3 significant digits). */
    public static String seconds(double seconds) {
        if (!Double.isFinite(seconds)) return seconds + " s";
        if (seconds == 0) return "0 s";
        if (Math.abs(seconds) >= 999.5) return String.format(Locale.ROOT, "%.0f s", seconds);
        // Round to three significant digits before picking the unit: 0.9996 s is "1.00 s", not "1.00e+03 ms".
        double r = new BigDecimal(seconds).round(new MathContext(3)).doubleValue();
        double a = Math.abs(r);
        if (a >= 1) return digits(r) + " s";
        if (a >= 1e-3) return digits(r * 1e3) + " ms";
        if (a >= 1e-6) return digits(r * 1e6) + " µs";
        return digits(r * 1e9) + " ns";
    }

    /**
     * A value of {@code unit} (e.g. milliseconds on a chart whose axis is in ms) with at most 3
     * significant digits and no trailing zeros: "25.5 ms", "120 ms", "0.5 ms".
     */
    public static String inUnit(double value, String unit) {
        return number(value) + " " + unit;
    }

    /**
     * A plain number for an axis tick or a label: at most 3 significant digits, no trailing zeros,
     * thousands grouped, scientific notation only for very large or very small values.
     */
    public static String number(double v) {
        if (!Double.isFinite(v)) return String.valueOf(v);
        if (v == 0) return "0";
        double a = Math.abs(v);
        double r = new BigDecimal(v).round(new MathContext(3)).doubleValue();
        // judged after rounding: 999,700 rounds to 1,000,000, which is too long for a tick
        if (Math.abs(r) >= 1e6 || a < 1e-4) return String.format(Locale.ROOT, "%.2e", v);
        if (Math.abs(r) >= 1000) return new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ROOT)).format(r);
        BigDecimal b = new BigDecimal(Double.toString(r)).stripTrailingZeros();
        return b.scale() <= 0 ? b.toBigInteger().toString() : b.toPlainString();
    }

    /** Seconds printed with {@link #seconds(double)}, for a tablesaw column ("103 ms"). */
    public static NumberColumnFormatter time() {
        return new NumberColumnFormatter() {
            @Override
            public String format(double seconds) {
                return Double.isNaN(seconds) ? "" : Formats.seconds(seconds);   // NaN is tablesaw's missing value
            }
        };
    }

    /** A fixed {@link DecimalFormat} pattern, the same in every locale (a dot for decimals). */
    public static NumberColumnFormatter fixed(String pattern) {
        return new NumberColumnFormatter(new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(Locale.ROOT)));
    }

    /** Three significant digits of a value below 1000. */
    private static String digits(double v) {
        return String.format(Locale.ROOT, "%.3g", v);
    }
}
