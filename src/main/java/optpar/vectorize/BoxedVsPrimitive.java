package optpar.vectorize;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * The same sum over the same numbers, held boxed ({@code List<Double>}: an array of references to
 * separate {@code Double} objects scattered on the heap) and primitive ({@code double[]}: the
 * numbers side by side), each with a loop and with a stream. The Java version of the lecture's
 * "for-loops over Python lists are slow, use NumPy arrays".
 * <pre>{@code
 * double[] x = BoxedVsPrimitive.randomArray(1_000_000, 1);
 * List<Double> boxed = BoxedVsPrimitive.boxed(x);
 * BoxedVsPrimitive.loopOverList(boxed);     // follows a pointer, unboxes, adds
 * BoxedVsPrimitive.loopOverArray(x);        // reads 8 bytes after 8 bytes, adds
 * }</pre>
 * All four sum in index order, so all four give bit-for-bit the same result.
 */
public final class BoxedVsPrimitive {
    private BoxedVsPrimitive() {}

    /** n uniform numbers in [-1, 1), reproducible from the seed. */
    public static double[] randomArray(int n, long seed) {
        if (n < 0) throw new IllegalArgumentException("array length " + n + " is not allowed; use 0 or more");
        Random r = new Random(seed);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) x[i] = 2 * r.nextDouble() - 1;
        return x;
    }

    /**
     * The same numbers boxed into a list; {@code shuffledObjects} allocates the boxes in random
     * order, as a long-running program's heap would have them, so neighbours in the list are not
     * neighbours in memory.
     */
    public static List<Double> boxed(double[] x, boolean shuffledObjects) {
        Double[] boxes = new Double[x.length];
        Integer[] order = new Integer[x.length];
        for (int i = 0; i < x.length; i++) order[i] = i;
        if (shuffledObjects) java.util.Collections.shuffle(Arrays.asList(order), new Random(1));
        for (int i : order) boxes[i] = x[i];          // allocation order = heap order
        return new ArrayList<>(Arrays.asList(boxes));
    }

    /** {@link #boxed(double[], boolean)} with the boxes allocated in order. */
    public static List<Double> boxed(double[] x) {
        return boxed(x, false);
    }

    /** Loop over the boxed list. */
    public static double loopOverList(List<Double> xs) {
        double s = 0;
        for (int i = 0; i < xs.size(); i++) s += xs.get(i);   // unboxing: a load from another object
        return s;
    }

    /** Loop over the primitive array. */
    public static double loopOverArray(double[] x) {
        double s = 0;
        for (int i = 0; i < x.length; i++) s += x[i];
        return s;
    }

    /** A stream over the boxed list. */
    public static double streamOverList(List<Double> xs) {
        return xs.stream().reduce(0.0, Double::sum);         // boxes every partial sum too
    }

    /** A primitive stream over the array (sequential: the order of the additions is kept). */
    public static double streamOverArray(double[] x) {
        return Arrays.stream(x).reduce(0.0, Double::sum);
    }
}
