package optpar.measure;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import optpar.heat.HeatProblem;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * How fast can this machine move data between memory and the cores? A STREAM-like probe
 * (after John McCalpin's STREAM benchmark): <b>copy</b> {@code c[i] = a[i]} and <b>triad</b>
 * {@code a[i] = b[i] + s * c[i]} over arrays far larger than the caches, split over a given number
 * of threads.
 *
 * <p>Bytes are counted as STREAM counts them: copy reads 8 and writes 8 bytes per element
 * (16 B/elem), triad reads 16 and writes 8 (24 B/elem). The hardware actually moves more (a write
 * first reads the cache line, "write-allocate"), but everyone counts this way, so numbers compare.
 *
 * <p>Why it matters: a kernel that does little arithmetic per byte, like the heat stencil, cannot
 * run faster than memory delivers its data, however clever its loops. The heat step reads the grid
 * and writes the other grid: {@code 2 * 8 * N * N} bytes per step ({@link #heatBytes}), like a copy.
 * Draw both with {@link Charts#roofline}.
 *
 * <pre>{@code
 * double gbs = BandwidthProbe.copy(256, 2);          // GB/s of copy, 256 MiB arrays, 2 threads
 * Table bw = BandwidthProbe.sweep(256, new int[] {1, 2}, 5);
 *
 * try (var probe = new BandwidthProbe(256, 2)) {     // reuse the arrays and threads
 *     probe.copyGBs(5);
 *     probe.triadGBs(5);
 * }
 * }</pre>
 *
 * <p>The threads live in a pool created once per probe and reused for every pass, so thread start-up
 * is not measured. Each thread works on one contiguous chunk of each array, and initialises that
 * chunk itself (on multi-socket machines memory is placed near the thread that touches it first).
 */
public final class BandwidthProbe implements AutoCloseable {
    /** The GB/s column of {@link #sweep}. */
    public static final String GBPS = "gbps";
    /** The triad's scalar. */
    public static final double SCALAR = 3.0;
    /** Bytes STREAM counts per element of copy. */
    public static final int COPY_BYTES_PER_ELEMENT = 16;
    /** Bytes STREAM counts per element of triad. */
    public static final int TRIAD_BYTES_PER_ELEMENT = 24;

    private final int mib;
    private final int threads;
    private final double[] a, b, c;
    private final ExecutorService pool;

    /**
     * Allocates three arrays of {@code mib} MiB each and starts {@code threads} worker threads.
     *
     * @throws IllegalArgumentException when {@code mib < 1}, {@code mib > 4096} or {@code threads < 1}
     */
    public BandwidthProbe(int mib, int threads) {
        if (mib < 1 || mib > 4096) throw new IllegalArgumentException("array size " + mib + " MiB is not allowed: use 1 to 4096 MiB");
        if (threads < 1) throw new IllegalArgumentException("threads " + threads + " is not allowed: it must be at least 1");
        checkHeap(mib, Runtime.getRuntime().maxMemory());
        this.mib = mib;
        this.threads = threads;
        int n = elementsFor(mib);
        a = new double[n];
        b = new double[n];
        c = new double[n];
        pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "bandwidth-probe");
            t.setDaemon(true); // never keeps a JVM (or a notebook kernel) alive
            return t;
        });
        parallel((from, to) -> {
            for (int i = from; i < to; i++) {
                a[i] = 1.0;
                b[i] = 2.0;
                c[i] = 0.0;
            }
        });
        warmUpKernels();
    }

    /** The doubles in {@code mib} MiB (computed in long: 2048 MiB is 2^31 bytes, past int). */
    static int elementsFor(int mib) {
        return Math.toIntExact((long) mib * (1 << 20) / Double.BYTES);
    }

    /** Refuses, in one line, three arrays that the heap cannot hold (rather than an OutOfMemoryError). */
    static void checkHeap(int mib, long maxHeapBytes) {
        long need = 3L * mib * (1 << 20);
        if (need > maxHeapBytes * 0.9) {
            throw new IllegalArgumentException("array size " + mib + " MiB is too large for this JVM: the probe needs 3 x " + mib
                    + " MiB but the heap holds at most " + (maxHeapBytes >> 20) + " MiB (use fewer MiB, or raise -Xmx)");
        }
    }

    /**
     * Calls the kernels often on a small scratch array so the JIT compiles them before the first
     * timed pass (a pass over big arrays calls them only a few dozen times).
     */
    private static void warmUpKernels() {
        double[] x = new double[BLOCK], y = new double[BLOCK], z = new double[BLOCK];
        for (int i = 0; i < 3000; i++) {
            copy(x, y, 0, BLOCK);
            triad(x, y, z, 0, BLOCK);
        }
    }

    /** The size of each array in MiB. */
    public int mib() {
        return mib;
    }

    /** The number of threads. */
    public int threads() {
        return threads;
    }

    /** The number of elements of each array. */
    public int elements() {
        return a.length;
    }

    /** One copy pass {@code c = a}; returns its seconds. */
    public double copy() {
        long t0 = System.nanoTime();
        parallel((from, to) -> copy(a, c, from, to));
        return (System.nanoTime() - t0) * 1e-9;
    }

    /** One triad pass {@code a = b + s * c}; returns its seconds. */
    public double triad() {
        long t0 = System.nanoTime();
        parallel((from, to) -> triad(b, c, a, from, to));
        return (System.nanoTime() - t0) * 1e-9;
    }

    /** The best of {@code passes} copy passes (after two warm-up passes) as GB/s (10^9 bytes per second). */
    public double copyGBs(int passes) {
        return (double) COPY_BYTES_PER_ELEMENT * elements() / best(passes, this::copy) / 1e9;
    }

    /** The best of {@code passes} triad passes (after two warm-up passes) as GB/s. */
    public double triadGBs(int passes) {
        return (double) TRIAD_BYTES_PER_ELEMENT * elements() / best(passes, this::triad) / 1e9;
    }

    /**
     * The STREAM check of one kernel: the sum of the array it wrote. After a copy every {@code c[i]}
     * is 1, so "copy" gives {@code elements()}; after a triad every {@code a[i]} is
     * {@code 2 + 3 * 1 = 5}, so "triad" gives {@code 5 * elements()} (once a copy has run).
     */
    public double checksum(String kernel) {
        double[] x = switch (kernel) {
            case "copy" -> c;
            case "triad" -> a;
            default -> throw new IllegalArgumentException("unknown kernel '" + kernel + "'; allowed: copy, triad");
        };
        double s = 0;
        for (double v : x) s += v;
        return s;
    }

    /**
     * The STREAM check of both: after a copy, every {@code c[i]} is 1; after a triad, every {@code a[i]} is
     * {@code 2 + 3 * 1 = 5}. Returns the sum of {@code a} plus the sum of {@code c}, which is
     * {@code 6 * elements()} once both kernels ran.
     */
    public double checksum() {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += a[i] + c[i];
        return s;
    }

    /** Stops the worker threads. */
    @Override
    public void close() {
        pool.shutdownNow();
    }

    /** Copy GB/s on {@code threads} threads with {@code mib}-MiB arrays, best of 5 passes. */
    public static double copy(int mib, int threads) {
        try (var p = new BandwidthProbe(mib, threads)) {
            return p.copyGBs(5);
        }
    }

    /** Triad GB/s on {@code threads} threads with {@code mib}-MiB arrays, best of 5 passes. */
    public static double triad(int mib, int threads) {
        try (var p = new BandwidthProbe(mib, threads)) {
            p.copy(); // c = 1, so the triad computes the STREAM values
            return p.triadGBs(5);
        }
    }

    /**
     * Copy and triad for each thread count: a table with columns impl (copy, triad), threads, mib,
     * seconds (best pass), gbps, checksum.
     */
    public static Table sweep(int mib, int[] threadCounts, int passes) {
        StringColumn impl = StringColumn.create(Sweep.IMPL);
        IntColumn th = IntColumn.create(Sweep.THREADS);
        IntColumn size = IntColumn.create("mib");
        DoubleColumn secs = DoubleColumn.create(Sweep.SECONDS);
        DoubleColumn gbps = DoubleColumn.create(GBPS);
        DoubleColumn check = DoubleColumn.create(Sweep.CHECKSUM);
        try (Progress progress = Progress.start("bandwidth probe, " + mib + " MiB arrays", threadCounts.length)) {
            for (int t : threadCounts) {
                if (Thread.currentThread().isInterrupted()) { // Kernel → Interrupt: end between thread counts
                    throw new java.util.concurrent.CancellationException("bandwidth probe: interrupted");
                }
                progress.working(t + (t == 1 ? " thread" : " threads"));
                try (var p = new BandwidthProbe(mib, t)) {
                    double copy = best(passes, p::copy);
                    double triad = best(passes, p::triad);
                    double sum = p.checksum();
                    for (String k : List.of("copy", "triad")) {
                        double s = k.equals("copy") ? copy : triad;
                        int bytes = k.equals("copy") ? COPY_BYTES_PER_ELEMENT : TRIAD_BYTES_PER_ELEMENT;
                        impl.append(k);
                        th.append(t);
                        size.append(mib);
                        secs.append(s);
                        gbps.append((double) bytes * p.elements() / s / 1e9);
                        check.append(sum);
                    }
                }
                progress.done();
            }
        }
        secs.setPrintFormatter(Formats.time());
        gbps.setPrintFormatter(Formats.fixed("0.0"));
        check.setPrintFormatter(Formats.fixed("0"));   // an integer count of elements, never "1.2582912E7"
        return Table.create("bandwidth " + mib + " MiB arrays", impl, th, size, secs, gbps, check);
    }

    /**
     * The bytes a heat run moves, counted like STREAM: each step reads one N x N grid of doubles and
     * writes the other, {@code 2 * 8 * N * N} bytes per step (the neighbours a point reads were
     * mostly brought into cache by the rows before it, so each value comes from memory once).
     */
    public static double heatBytes(HeatProblem p) {
        return 2.0 * Double.BYTES * p.n() * (double) p.n() * p.steps();
    }

    /** The bandwidth a heat run achieved: {@link #heatBytes} / seconds, in GB/s. */
    public static double heatGBs(HeatProblem p, double seconds) {
        return heatBytes(p) / seconds / 1e9;
    }

    // ---------------------------------------------------------------- the threads

    private interface Chunk {
        void run(int from, int to);
    }

    /** Runs {@code body} on each thread's contiguous chunk and waits for all of them. */
    private void parallel(Chunk body) {
        int n = a.length;
        List<Callable<Void>> tasks = new ArrayList<>(threads);
        for (int t = 0; t < threads; t++) {
            int from = (int) ((long) n * t / threads), to = (int) ((long) n * (t + 1) / threads);
            tasks.add(() -> {
                body.run(from, to);
                return null;
            });
        }
        try {
            for (Future<Void> f : pool.invokeAll(tasks)) f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("bandwidth probe interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("bandwidth probe failed: " + e.getCause(), e.getCause());
        }
    }

    // The kernels are plain static methods called once per block of elements: the JIT compiles a
    // method that is called often far sooner and better than one long loop inside a lambda.
    private static final int BLOCK = 1 << 14;

    private static void copy(double[] src, double[] dst, int from, int to) {
        for (int start = from; start < to; start += BLOCK) copyBlock(src, dst, start, Math.min(to, start + BLOCK));
    }

    private static void copyBlock(double[] src, double[] dst, int from, int to) {
        for (int i = from; i < to; i++) dst[i] = src[i];
    }

    private static void triad(double[] b, double[] c, double[] dst, int from, int to) {
        for (int start = from; start < to; start += BLOCK) triadBlock(b, c, dst, start, Math.min(to, start + BLOCK));
    }

    private static void triadBlock(double[] b, double[] c, double[] dst, int from, int to) {
        for (int i = from; i < to; i++) dst[i] = b[i] + SCALAR * c[i];
    }

    private static double best(int passes, java.util.function.DoubleSupplier pass) {
        if (passes < 1) throw new IllegalArgumentException("passes " + passes + " is not allowed: at least 1");
        pass.getAsDouble(); // warm-up: JIT and page faults
        pass.getAsDouble();
        double best = Double.POSITIVE_INFINITY;
        for (int i = 0; i < passes; i++) best = Math.min(best, pass.getAsDouble());
        return best;
    }
}
