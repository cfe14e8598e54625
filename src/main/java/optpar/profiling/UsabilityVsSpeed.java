package optpar.profiling;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * The lecture's "usability versus speed": write the readable version first, and make a part fast
 * only where the profile says the time goes. The patient of notebook 01 ends by taking the median
 * of its distances; here that step is written twice:
 *
 * <ul>
 *   <li>{@link #readableMedian}: copy, sort, take the middle: obviously right, O(n log n), boxed;</li>
 *   <li>{@link #fastMedian}: quickselect on a {@code double[]}: O(n) on average, no boxes, and
 *       harder to get right (ties, even lengths, a bad pivot).</li>
 * </ul>
 *
 * The fast one wins in isolation, and the whole program hardly notices, because the median is a
 * sliver of its time: the profile (JFR) points at the distance loop instead.
 *
 * <pre>{@code
 * List<Double> d = UsabilityVsSpeed.nearestDistances(2_000, 1);
 * UsabilityVsSpeed.readableMedian(d) == UsabilityVsSpeed.fastMedian(UsabilityVsSpeed.toArray(d));   // true
 * }</pre>
 */
public final class UsabilityVsSpeed {
    private UsabilityVsSpeed() {}

    /** The distances of notebook 01's patient, one per point (computed the slow way, once). */
    public static List<Double> nearestDistances(int n, long seed) {
        List<SlowAnalysis.Point> points = SlowAnalysis.randomPoints(n, seed);
        List<Double> nearest = new ArrayList<>(n);
        for (SlowAnalysis.Point p : points) nearest.add(SlowAnalysis.nearestDistance(p, points));
        return nearest;
    }

    /** The readable median: the patient's own {@code median} (sort a copy, take the middle). */
    public static double readableMedian(List<Double> values) {
        if (values.isEmpty()) throw new IllegalArgumentException("the median of no values is not defined: give at least one");
        return SlowAnalysis.median(values);
    }

    /** The same values as a {@code double[]}. */
    public static double[] toArray(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /**
     * The fast median: quickselect (Hoare's selection) on a copy of the array, so the input stays
     * untouched. For an even length it is the mean of the two middle values, like the readable one.
     */
    public static double fastMedian(double[] values) {
        if (values.length == 0) throw new IllegalArgumentException("the median of no values is not defined: give at least one");
        double[] a = values.clone();
        int m = a.length / 2;
        double upper = select(a, m);
        if (a.length % 2 == 1) return upper;
        // After select(m) every value left of m is <= a[m]: the lower middle is their maximum.
        double lower = a[0];
        for (int i = 1; i < m; i++) lower = Math.max(lower, a[i]);
        return (lower + upper) / 2;
    }

    /** Puts the k-th smallest value at index k (smaller ones left of it) and returns it. */
    private static double select(double[] a, int k) {
        int lo = 0, hi = a.length - 1;
        Random pivots = new Random(a.length);   // a random pivot: no input makes it quadratic on purpose
        while (lo < hi) {
            double pivot = a[lo + pivots.nextInt(hi - lo + 1)];
            int i = lo, j = hi;
            while (i <= j) {                     // Hoare partition around the pivot's value
                while (a[i] < pivot) i++;
                while (a[j] > pivot) j--;
                if (i <= j) {
                    double t = a[i]; a[i] = a[j]; a[j] = t;
                    i++;
                    j--;
                }
            }
            if (k <= j) hi = j;
            else if (k >= i) lo = i;
            else return a[k];                    // between the two halves: equal to the pivot
        }
        return a[k];
    }

    /** The sorted-array median, for tests: the definition, written a third way. */
    static double sortedMedian(double[] values) {
        double[] s = values.clone();
        Arrays.sort(s);
        int m = s.length / 2;
        return s.length % 2 == 1 ? s[m] : (s[m - 1] + s[m]) / 2;
    }
}
