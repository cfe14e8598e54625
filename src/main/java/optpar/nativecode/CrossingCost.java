package optpar.nativecode;

import optpar.NativeLibrary;
import optpar.measure.WarmUp;
import optpar.measure.Timing;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.time.Duration;
import java.util.List;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

/**
 * When does crossing into C pay? The same sum of {@code n} doubles, four ways:
 * <ul>
 *   <li>{@link #sumJava}: a Java loop over a {@code double[]};</li>
 *   <li>{@link #sumCopying}: C, after copying the Java array into native memory on every call (what a
 *       naive binding does: C cannot see the Java heap, and the GC may move arrays);</li>
 *   <li>{@link #sumOffHeap}: C, on data that already lives in native memory ({@link OffHeap}), so
 *       nothing is copied;</li>
 *   <li>{@link #sumHeapCritical}: C reading the Java array in place, allowed by
 *       {@code Linker.Option.critical(true)} (the GC waits while C runs: only for short calls).</li>
 * </ul>
 * All four add left to right, so they give the same bits.
 *
 * <pre>{@code
 * double[] a = CrossingCost.data(1000, 42);
 * double s1 = CrossingCost.sumJava(a), s2 = CrossingCost.sumCopying(a);   // equal
 * try (CrossingCost.OffHeap off = CrossingCost.OffHeap.of(a)) {
 *     double s3 = CrossingCost.sumOffHeap(off);
 * }
 * }</pre>
 */
public final class CrossingCost {
    private CrossingCost() {}

    private static final FunctionDescriptor SUM = FunctionDescriptor.of(JAVA_DOUBLE, ADDRESS, JAVA_LONG);

    private static final class Handles {
        static final MethodHandle SUM_NATIVE = NativeLibrary.downcall("optpar_ffi_sum", SUM);
        static final MethodHandle SUM_HEAP = NativeLibrary.downcall("optpar_ffi_sum", SUM, Linker.Option.critical(true));
    }

    /** {@code n} pseudo-random doubles in [0, 1) from a fixed seed. */
    public static double[] data(int n, long seed) {
        if (n < 0) throw new IllegalArgumentException("n=" + n + " is not allowed: it must be 0 or more");
        return new java.util.Random(seed).doubles(n).toArray();
    }

    /** The sum in Java. */
    public static double sumJava(double[] a) {
        double s = 0;
        for (double v : a) s += v;
        return s;
    }

    /** The sum in C, copying the array into native memory first (allocate + copy + call + free). */
    public static double sumCopying(double[] a) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment seg = arena.allocate(JAVA_DOUBLE, a.length);
            MemorySegment.copy(a, 0, seg, JAVA_DOUBLE, 0, a.length);
            return (double) Handles.SUM_NATIVE.invokeExact(seg, (long) a.length);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** The sum in C of data already off the heap: only the call is paid. */
    public static double sumOffHeap(OffHeap data) {
        try {
            return (double) Handles.SUM_NATIVE.invokeExact(data.segment(), data.length());
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** The sum in C reading the Java array where it is (a critical call with heap access). */
    public static double sumHeapCritical(double[] a) {
        try {
            return (double) Handles.SUM_HEAP.invokeExact(MemorySegment.ofArray(a), (long) a.length);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    private static final Duration WARM_UP = Duration.ofMillis(150);

    /** The four ways, in the column order of {@link #sweep}. */
    public static final List<String> WAYS = List.of("Java loop", "C, copying the array", "C, data off-heap", "C, reading the heap array");

    /**
     * Times the four ways for each array length and returns the cost per element (ns), so small and
     * large calls can be compared on one chart. Each timing repeats the call often enough to touch
     * about {@code elementsPerTiming} elements (a single short call is below the clock's resolution).
     *
     * <pre>{@code
     * Table t = CrossingCost.sweep(new int[]{1, 10, 100, 1000, 10_000, 100_000}, 1_000_000);
     * }</pre>
     *
     * @throws IllegalArgumentException when a length is below 1 or elementsPerTiming below 1
     */
    public static Table sweep(int[] lengths, int elementsPerTiming) {
        if (elementsPerTiming < 1) throw new IllegalArgumentException("elementsPerTiming=" + elementsPerTiming + " is not allowed: it must be at least 1");
        IntColumn n = IntColumn.create("elements per call");
        DoubleColumn[] cols = WAYS.stream().map(w -> DoubleColumn.create(w + " (ns/element)")).toArray(DoubleColumn[]::new);
        // Let the JIT compile the four loops before the first (smallest) length is timed.
        double[] warm = data(16, 16);
        try (OffHeap off = OffHeap.of(warm)) {
            WarmUp.runFor(WARM_UP, () -> repeatJava(warm, 1000));
            WarmUp.runFor(WARM_UP, () -> repeatCopying(warm, 100));
            WarmUp.runFor(WARM_UP, () -> repeatOffHeap(off, 1000));
            WarmUp.runFor(WARM_UP, () -> repeatHeapCritical(warm, 1000));
        }
        for (int len : lengths) {
            if (len < 1) throw new IllegalArgumentException("length " + len + " is not allowed: it must be at least 1");
            double[] a = data(len, len);
            int calls = Math.max(1, elementsPerTiming / len);
            try (OffHeap off = OffHeap.of(a)) {
                n.append(len);
                // One lambda per way, each calling its own loop: a shared loop calling the four ways
                // through one interface would be a megamorphic call site (notebook 04) and time that instead.
                cols[0].append(perElement(Timing.measure(WAYS.get(0), 3, 5, () -> repeatJava(a, calls)), calls, len));
                cols[1].append(perElement(Timing.measure(WAYS.get(1), 3, 5, () -> repeatCopying(a, calls)), calls, len));
                cols[2].append(perElement(Timing.measure(WAYS.get(2), 3, 5, () -> repeatOffHeap(off, calls)), calls, len));
                cols[3].append(perElement(Timing.measure(WAYS.get(3), 3, 5, () -> repeatHeapCritical(a, calls)), calls, len));
            }
        }
        Table t = Table.create("sum of n doubles: cost per element", n);
        for (DoubleColumn c : cols) t.addColumns(c);
        return t;
    }

    private static double perElement(Timing.Result<?> r, int calls, int len) {
        return r.best() * 1e9 / ((double) calls * len);
    }

    // The repeat loops add up the results so the JIT cannot drop the calls.
    private static double repeatJava(double[] a, int calls) {
        double s = 0;
        for (int i = 0; i < calls; i++) s += sumJava(a);
        return s;
    }

    private static double repeatCopying(double[] a, int calls) {
        double s = 0;
        for (int i = 0; i < calls; i++) s += sumCopying(a);
        return s;
    }

    private static double repeatOffHeap(OffHeap off, int calls) {
        double s = 0;
        for (int i = 0; i < calls; i++) s += sumOffHeap(off);
        return s;
    }

    private static double repeatHeapCritical(double[] a, int calls) {
        double s = 0;
        for (int i = 0; i < calls; i++) s += sumHeapCritical(a);
        return s;
    }

    /** The sweep as a log-log chart: ns per element over elements per call, one line per way. */
    public static XYChart chart(Table sweep) {
        XYChart chart = new XYChartBuilder().width(optpar.measure.Charts.width()).height(optpar.measure.Charts.height()).title("When does crossing into C pay? (log-log)")
                .xAxisTitle("elements per call").yAxisTitle("ns per element").build();
        chart.getStyler().setXAxisLogarithmic(true);
        chart.getStyler().setYAxisLogarithmic(true);
        double[] x = sweep.intColumn(0).asDoubleArray();
        for (int c = 1; c < sweep.columnCount(); c++) {
            chart.addSeries(WAYS.get(c - 1), x, sweep.doubleColumn(c).asDoubleArray());
        }
        return chart;
    }

    /**
     * doubles in native memory, owned by an arena: close it (try-with-resources) to free them.
     * Python's counterpart is a NumPy array handed to C: the data never moves.
     */
    public record OffHeap(Arena arena, MemorySegment segment, long length) implements AutoCloseable {
        /** A native copy of {@code a}. */
        public static OffHeap of(double[] a) {
            // shared, not confined: a notebook may run the next cell on another thread
            Arena arena = Arena.ofShared();
            MemorySegment seg = arena.allocate(JAVA_DOUBLE, a.length);
            MemorySegment.copy(a, 0, seg, JAVA_DOUBLE, 0, a.length);
            return new OffHeap(arena, seg, a.length);
        }

        @Override
        public void close() {
            arena.close();
        }
    }

    private static RuntimeException rethrow(Throwable t) {
        if (t instanceof RuntimeException r) return r;
        if (t instanceof Error e) throw e;
        return new IllegalStateException("the call into C failed: " + t, t);
    }
}
