package optpar.jit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The timings a child JVM reported for one kernel: one entry per call, in call order.
 *
 * <pre>{@code
 * KernelTimings t = KernelTimings.parse(childStderrLines);
 * double firstMs = t.millis(0), bestMs = t.bestMillis();
 * }</pre>
 *
 * @param nanos    the duration of each call
 * @param startMs  when each call started, in ms since the child JVM started
 * @param checksum the kernel's checksum after the last call (to compare across runs)
 */
public record KernelTimings(long[] nanos, double[] startMs, String checksum) {

    /** The number of calls. */
    public int calls() {
        return nanos.length;
    }

    /** Call {@code i}'s duration in milliseconds. */
    public double millis(int i) {
        return nanos[i] / 1e6;
    }

    /** Every call's duration in milliseconds. */
    public double[] millis() {
        return Arrays.stream(nanos).mapToDouble(n -> n / 1e6).toArray();
    }

    /** The fastest call, in ms: the steady state once the JIT is done. */
    public double bestMillis() {
        return Arrays.stream(nanos).min().orElseThrow() / 1e6;
    }

    /** The median call, in ms. */
    public double medianMillis() {
        long[] s = nanos.clone();
        Arrays.sort(s);
        return (s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2.0) / 1e6;
    }

    /**
     * Reads the {@code optpar-call} and {@code optpar-checksum} lines {@link TimedKernel} printed;
     * other lines (JVM warnings) are skipped.
     *
     * @throws IllegalStateException when there is no timing line or no checksum
     */
    public static KernelTimings parse(List<String> lines) {
        List<long[]> calls = new ArrayList<>();
        List<Double> starts = new ArrayList<>();
        String checksum = null;
        for (String line : lines) {
            String[] f = line.trim().split("\\s+");
            if (f[0].equals(TimedKernel.CALL) && f.length == 4) {
                calls.add(new long[]{Long.parseLong(f[3])});
                starts.add(Double.parseDouble(f[2]));
            } else if (f[0].equals(TimedKernel.CHECKSUM) && f.length == 2) {
                checksum = f[1];
            }
        }
        if (calls.isEmpty() || checksum == null) {
            throw new IllegalStateException("the child printed no timings (expected '" + TimedKernel.CALL
                    + "' and '" + TimedKernel.CHECKSUM + "' lines), got: " + String.join(" | ", lines));
        }
        return new KernelTimings(calls.stream().mapToLong(a -> a[0]).toArray(),
                starts.stream().mapToDouble(Double::doubleValue).toArray(), checksum);
    }
}
