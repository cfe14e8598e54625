package optpar.measure;

import java.lang.ref.Reference;
import java.util.ArrayList;
import java.util.LinkedList;
import java.util.List;
import java.util.Random;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The memory footprint of the same numbers held in different structures: a {@code double[]} stores
 * 8 bytes per number, a {@code List<Double>} stores a reference to a separate {@code Double} object
 * (header + value) per number, and a {@code LinkedList} adds a node object on top.
 *
 * <p>Two ways to measure, which should agree: the bytes the building thread allocated (exact,
 * see {@link AllocationCounter}), and the heap still in use after a full GC while the structure is
 * alive ({@link #retainedBytes}, approximate).
 * <pre>{@code
 * Table t = Footprint.compare(1_000_000);   // structure, bytes/number allocated, bytes/number retained
 * }</pre>
 */
public final class Footprint {
    private Footprint() {}

    /**
     * Heap bytes still in use while the object built by {@code build} is alive, measured as the
     * difference of used heap after {@code System.gc()} before and after building it. Approximate
     * (other threads allocate too); use objects of megabytes, not bytes.
     */
    public static long retainedBytes(Supplier<?> build) {
        long before = usedAfterGc();
        Object alive = build.get();
        long after = usedAfterGc();
        Reference.reachabilityFence(alive);   // keeps it alive until after the second measure
        return after - before;
    }

    /**
     * Heap bytes a full GC can reclaim once {@code release} has run (for instance clearing a
     * cache): used heap after GC before, minus after. Approximate, like {@link #retainedBytes}.
     */
    public static long bytesFreedBy(Runnable release) {
        long before = usedAfterGc();
        release.run();
        return before - usedAfterGc();
    }

    private static long usedAfterGc() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 2; i++) System.gc();
        return rt.totalMemory() - rt.freeMemory();
    }

    /** The structures compared, each built from the same {@code n} random numbers. */
    public static List<Structure> structures() {
        return List.of(
                new Structure("double[]", Footprint::primitiveArray),
                new Structure("Double[]", Footprint::boxedArray),
                new Structure("ArrayList<Double>", Footprint::arrayList),
                new Structure("LinkedList<Double>", Footprint::linkedList));
    }

    /** A named way to hold {@code n} numbers. */
    public record Structure(String name, IntFunction<Object> build) {}

    /**
     * Bytes per number of each structure holding {@code n} numbers, allocated and retained.
     *
     * @throws IllegalArgumentException when n is below 1000 (too small to measure retained heap)
     */
    public static Table compare(int n) {
        if (n < 1000) throw new IllegalArgumentException("n = " + n + " is too small to measure; use at least 1000");
        StringColumn name = StringColumn.create("structure");
        DoubleColumn allocated = DoubleColumn.create("allocated bytes/number");
        DoubleColumn retained = DoubleColumn.create("retained bytes/number");
        for (Structure s : structures()) {
            name.append(s.name());
            allocated.append(AllocationCounter.bytes(() -> s.build().apply(n)) / (double) n);
            retained.append(retainedBytes(() -> s.build().apply(n)) / (double) n);
        }
        return Table.create("Footprint of " + n + " numbers", name, allocated, retained);
    }

    static double[] primitiveArray(int n) {
        Random r = new Random(n);
        double[] a = new double[n];
        for (int i = 0; i < n; i++) a[i] = r.nextDouble();
        return a;
    }

    static Double[] boxedArray(int n) {
        Random r = new Random(n);
        Double[] a = new Double[n];
        for (int i = 0; i < n; i++) a[i] = r.nextDouble();   // autoboxing: one Double object each
        return a;
    }

    static List<Double> arrayList(int n) {
        Random r = new Random(n);
        List<Double> a = new ArrayList<>(n);   // pre-sized: no growth garbage in the count
        for (int i = 0; i < n; i++) a.add(r.nextDouble());
        return a;
    }

    static List<Double> linkedList(int n) {
        Random r = new Random(n);
        List<Double> a = new LinkedList<>();
        for (int i = 0; i < n; i++) a.add(r.nextDouble());
        return a;
    }
}
