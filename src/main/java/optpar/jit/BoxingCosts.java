package optpar.jit;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What breaks the JIT, part 2: boxing. A {@code Long} or {@code Integer} is an object on the heap;
 * arithmetic on it unboxes, computes, and allocates a new box for the result. The JIT can sometimes
 * remove the box (escape analysis), but not reliably, and never for boxes stored in collections.
 * The primitive version is what Numba's "nopython mode" gives you in the lecture.
 *
 * <pre>{@code
 * long[] data = BoxingCosts.data(1_000_000, 42);
 * long wrong = BoxingCosts.sumBoxed(data);       // a Long accumulator: a new Long per step
 * long right = BoxingCosts.sumPrimitive(data);   // a long accumulator: a register
 * long bytes = BoxingCosts.allocatedBytes(() -> BoxingCosts.sumBoxed(data));
 * }</pre>
 */
public final class BoxingCosts {
    private BoxingCosts() {}

    /** {@code n} pseudo-random values in [0, 1000) from a fixed seed. */
    public static long[] data(int n, long seed) {
        if (n < 0) throw new IllegalArgumentException("n=" + n + " is not allowed: it must be 0 or more");
        return new java.util.Random(seed).longs(n, 0, 1000).toArray();
    }

    /** Wrong: {@code Long sum} looks like {@code long sum}, but every {@code +=} boxes a new Long. */
    public static long sumBoxed(long[] values) {
        Long sum = 0L;
        for (long v : values) sum += v;
        return sum;
    }

    /** Right: a primitive accumulator. */
    public static long sumPrimitive(long[] values) {
        long sum = 0;
        for (long v : values) sum += v;
        return sum;
    }

    /** Wrong: a histogram in a {@code Map<Integer, Integer>}: a box per key and per count update. */
    public static Map<Integer, Integer> histogramBoxed(long[] values, int buckets) {
        checkBuckets(buckets);
        Map<Integer, Integer> h = new HashMap<>();
        for (long v : values) h.merge((int) (v % buckets), 1, Integer::sum);
        return h;
    }

    /** Right: the same histogram in an {@code int[]}. */
    public static int[] histogramPrimitive(long[] values, int buckets) {
        checkBuckets(buckets);
        int[] h = new int[buckets];
        for (long v : values) h[(int) (v % buckets)]++;
        return h;
    }

    /** The values as a {@code List<Long>} (one box per element, as in a Python list). */
    public static List<Long> boxedList(long[] values) {
        List<Long> out = new ArrayList<>(values.length);
        for (long v : values) out.add(v);
        return out;
    }

    /** Wrong: summing a {@code List<Long>}: each element is a pointer to chase and a box to unpack. */
    public static long sumList(List<Long> values) {
        long sum = 0;
        for (Long v : values) sum += v;
        return sum;
    }

    /**
     * The bytes this thread allocated on the heap while running {@code work} (HotSpot's per-thread
     * allocation counter; the notebook kernel runs a cell on one thread).
     */
    public static long allocatedBytes(Runnable work) {
        var bean = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long id = Thread.currentThread().threadId();
        long before = bean.getThreadAllocatedBytes(id);
        work.run();
        return bean.getThreadAllocatedBytes(id) - before;
    }

    private static void checkBuckets(int buckets) {
        if (buckets < 1) throw new IllegalArgumentException("buckets=" + buckets + " is not allowed: it must be at least 1");
    }
}
