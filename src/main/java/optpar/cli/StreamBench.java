package optpar.cli;

import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import optpar.measure.BandwidthProbe;
import optpar.measure.Charts;
import optpar.measure.Sweep;
import optpar.measure.Timing;

/**
 * {@code bench stream}: the memory-bandwidth probe ({@link BandwidthProbe}: STREAM copy and triad)
 * on each thread count; size = MiB per array, param = bytes STREAM counts per element,
 * gbps = the bandwidth; the chart is GB/s against threads.
 */
final class StreamBench extends BenchProblem {
    @Override public String name() { return "stream"; }

    @Override public List<String> options() { return List.of("--mib"); }

    @Override
    public List<Variant> variants() {
        return List.of(new Variant("copy", "c[i] = a[i], 16 bytes per element", true, true, ""),
                new Variant("triad", "a[i] = b[i] + s*c[i], 24 bytes per element", true, true, ""));
    }

    @Override public List<String> names() { return List.of("copy", "triad"); }

    @Override public String size(BenchOptions o) { return Integer.toString(o.mib()); }

    static int bytesPerElement(String impl) {
        return impl.equals("copy") ? BandwidthProbe.COPY_BYTES_PER_ELEMENT : BandwidthProbe.TRIAD_BYTES_PER_ELEMENT;
    }

    @Override public String param(BenchOptions o, Sweep.Measurement m) { return Integer.toString(bytesPerElement(m.impl())); }

    @Override
    public String gbps(BenchOptions o, Sweep.Measurement m) {
        return num(gbs(o, m));
    }

    private static double gbs(BenchOptions o, Sweep.Measurement m) {
        return (double) bytesPerElement(m.impl()) * o.mib() * (1 << 20) / Double.BYTES / m.seconds() / 1e9;
    }

    /** Three arrays. */
    @Override public double bytesNeeded(BenchOptions o) { return 3.0 * o.mib() * (1 << 20); }

    @Override public String title(BenchOptions o) { return "Memory bandwidth, " + o.mib() + " MiB per array"; }

    /** Copy and/or triad on each thread count, one probe (arrays and threads) per count. */
    @Override
    public void measure(BenchOptions o, List<String> chosen, Consumer<String> notes, Consumer<Sweep.Measurement> onRow) {
        Map<String, Sweep.Measurement> first = new LinkedHashMap<>();
        for (int t : Arrays.stream(o.threads()).distinct().sorted().toArray()) {
            try (BandwidthProbe probe = new BandwidthProbe(o.mib(), t)) {
                probe.copy(); // c = a, so a triad computes STREAM's values whichever kernel runs
                for (String k : chosen) {
                    Timing.Result<Void> r = Timing.measure(k + " x" + t, o.warmup(), o.repeat(),
                            () -> { if (k.equals("copy")) probe.copy(); else probe.triad(); });
                    Sweep.Measurement base = first.get(k);
                    double speedup = base == null ? 1 : base.seconds() / r.best();
                    double eff = base == null ? 1 : speedup * base.threads() / t;
                    Sweep.Measurement m = new Sweep.Measurement(k, t, r, probe.checksum(k), speedup, eff);
                    first.putIfAbsent(k, m);
                    onRow.accept(m);
                }
            }
        }
    }

    /** GB/s against threads, one line per kernel. */
    @Override
    public BufferedImage chart(BenchOptions o, List<Sweep.Measurement> rows) {
        int[] threads = rows.stream().mapToInt(Sweep.Measurement::threads).distinct().sorted().toArray();
        double[] x = Arrays.stream(threads).asDoubleStream().toArray();
        Map<String, double[]> series = new LinkedHashMap<>();
        for (Sweep.Measurement m : rows) {
            int i = Arrays.binarySearch(threads, m.threads());
            series.computeIfAbsent(m.impl(), k -> new double[threads.length])[i] = gbs(o, m);
        }
        return Charts.lines(title(o), "threads", "GB/s", x, series);
    }
}
