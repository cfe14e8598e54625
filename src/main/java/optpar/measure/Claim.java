package optpar.measure;

import optpar.Course;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.Objects;
import java.util.function.DoublePredicate;

/**
 * A lesson's expectation, checked against what was just measured on this machine.
 *
 * <p>The prose of a notebook says what we expect and why ("a boxed list is slower than a
 * {@code double[]}: every element is an object behind a pointer"). The cell after the measurement
 * asks this class whether that held here, and prints the verdict, so the page never says one thing
 * while its numbers say another:
 *
 * <pre>{@code
 * double ratio = boxed.median() / primitive.median();
 * Claim.expect("summing a List<Double> is slower than summing a double[]", ratio, r -> r > 1.5, "%.1fx slower",
 *         "the JIT may have removed the boxes (escape analysis), or the list fits in cache");
 * // prints:  held: summing a List<Double> is slower than summing a double[] (3.1x slower)
 * // or:      not here: ... (0.9x slower); the JIT may have removed the boxes ...
 * }</pre>
 *
 * <p>A claim that does not hold never throws: it is a finding about this machine, not a bug. In quick
 * mode (the tests' small sizes) a claim that does not hold says the sizes were too small to show it.
 * When {@code OPTPAR_CLAIMS_FILE} names a file, every verdict is appended to it as a CSV row
 * ({@code ./course claims} collects them into the claims report).
 */
public final class Claim {
    private Claim() {}

    /** The environment variable naming the CSV file verdicts are appended to. */
    public static final String CLAIMS_FILE_ENV = "OPTPAR_CLAIMS_FILE";

    /**
     * Checks a numeric expectation.
     *
     * @param claim    the expectation, as the prose states it
     * @param measured the number it is judged on (a ratio, a speed-up, GB/s ...)
     * @param holds    when the expectation holds, given the number
     * @param format   how to print the number, e.g. {@code "%.1fx"} or {@code "%.0f%% of the roof"}
     * @param whyNot   why it may not hold on some machines (printed when it did not)
     */
    public static Verdict expect(String claim, double measured, DoublePredicate holds, String format, String whyNot) {
        Objects.requireNonNull(holds, "holds");
        String shown;
        try {
            shown = String.format(Locale.ROOT, format, measured);
        } catch (java.util.IllegalFormatException e) {
            throw new IllegalArgumentException("Claim.expect: format '" + format + "' cannot print a number; use e.g. \"%.2fx\"");
        }
        boolean held = !Double.isNaN(measured) && holds.test(measured);
        return record(claim, held, shown, measured, whyNot);
    }

    /** Checks an expectation that is not a single number; {@code measured} says what was seen. */
    public static Verdict expect(String claim, boolean held, String measured, String whyNot) {
        return record(claim, held, measured, Double.NaN, whyNot);
    }

    private static Verdict record(String claim, boolean held, String shown, double value, String whyNot) {
        if (claim == null || claim.isBlank()) throw new IllegalArgumentException("Claim.expect: say what is expected (the claim is empty)");
        Verdict.Outcome outcome = held ? Verdict.Outcome.HELD
                : Course.quick() ? Verdict.Outcome.TOO_SMALL_IN_QUICK_MODE : Verdict.Outcome.NOT_HERE;
        Verdict v = new Verdict(claim, shown, value, outcome, whyNot == null ? "" : whyNot);
        System.out.println(v.line());
        appendToReport(v);
        return v;
    }

    private static void appendToReport(Verdict v) {
        String file = System.getenv(CLAIMS_FILE_ENV);
        if (file == null || file.isBlank()) return;
        String notebook = Objects.requireNonNullElse(System.getenv("OPTPAR_NOTEBOOK"), "");
        String row = String.join(",", csv(notebook), csv(v.claim()), csv(v.measured()), v.outcome().label,
                Course.quick() ? "quick" : "full") + "\n";
        try {
            Files.writeString(Path.of(file), row, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            System.err.println("claims report: could not append to " + file + ": " + e.getMessage());
        }
    }

    static String csv(String s) {
        return "\"" + s.replace("\"", "\"\"") + "\"";
    }
}
