package optpar.measure;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * Correctness checks for notebook cells: each prints {@code ok: what} when it holds and throws
 * with a one-line message when it does not, so a wrong result fails the cell (and the notebook
 * test) instead of printing {@code false} that nobody reads.
 *
 * <pre>{@code
 * Check.equal(reference.counts(), vector.counts(), "vector counts equal the scalar reference");
 * Check.close(2.0, total, 1e-12, "total heat is conserved");
 * Check.that(lost > 0, "the unsynchronized counter lost updates");
 * }</pre>
 */
public final class Check {
    private Check() {}

    /** Passes when {@code condition} is true. */
    public static void that(boolean condition, String what) {
        if (!condition) throw new IllegalStateException("check failed: " + what);
        System.out.println("ok: " + what);
    }

    /** Passes when {@code expected} equals {@code actual} (arrays element by element, bit for bit for doubles). */
    public static void equal(Object expected, Object actual, String what) {
        if (!Objects.deepEquals(expected, actual)) {
            throw new IllegalStateException("check failed: " + what + ": expected " + show(expected) + " but got " + show(actual)
                    + firstDifference(expected, actual));
        }
        System.out.println("ok: " + what);
    }

    /** Passes when {@code |expected - actual| <= tolerance}. */
    public static void close(double expected, double actual, double tolerance, String what) {
        if (!(Math.abs(expected - actual) <= tolerance)) {
            throw new IllegalStateException(String.format(Locale.ROOT, "check failed: %s: expected %s within %s but got %s (off by %s)",
                    what, expected, tolerance, actual, Math.abs(expected - actual)));
        }
        System.out.println("ok: " + what);
    }

    private static String show(Object o) {
        return shorten(o, 80);
    }

    /** A value as one line of at most {@code max} characters: arrays element by element, cut with "...". */
    public static String shorten(Object o, int max) {
        if (o == null) return "null";
        String s;
        if (o instanceof int[] a) s = Arrays.toString(a);
        else if (o instanceof long[] a) s = Arrays.toString(a);
        else if (o instanceof double[] a) s = Arrays.toString(a);
        else if (o instanceof Object[] a) s = Arrays.deepToString(a);
        else s = String.valueOf(o);
        return s.length() <= max ? s : s.substring(0, Math.max(0, max - 3)) + "...";
    }

    private static String firstDifference(Object expected, Object actual) {
        if (expected instanceof int[] e && actual instanceof int[] a) return diffAt(e.length, a.length, i -> e[i] != a[i], i -> e[i] + " vs " + a[i]);
        if (expected instanceof long[] e && actual instanceof long[] a) return diffAt(e.length, a.length, i -> e[i] != a[i], i -> e[i] + " vs " + a[i]);
        if (expected instanceof double[] e && actual instanceof double[] a) {
            return diffAt(e.length, a.length, i -> Double.doubleToLongBits(e[i]) != Double.doubleToLongBits(a[i]), i -> e[i] + " vs " + a[i]);
        }
        return "";
    }

    private static String diffAt(int n, int m, java.util.function.IntPredicate differs, java.util.function.IntFunction<String> show) {
        if (n != m) return " (lengths " + n + " and " + m + ")";
        for (int i = 0; i < n; i++) if (differs.test(i)) return " (first difference at index " + i + ": " + show.apply(i) + ")";
        return "";
    }
}
