package optpar.python;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import optpar.measure.Timing;

/**
 * What one run of a Python script measured: its warm-up and measured times (taken inside Python
 * with {@code time.perf_counter}, so the interpreter's start and Numba's compile are not in them),
 * the checksum of its result, and, for pure Python on a slice, how much of the problem it ran.
 *
 * @param variant        the variant's name, e.g. "python-numba"
 * @param threads        the threads it used (1 unless it is parallel)
 * @param warmupSeconds  the warm-up runs
 * @param seconds        the measured runs, scaled to the whole problem when {@code fraction < 1}
 * @param checksum       the checksum of what it computed (of the slice, when it ran a slice)
 * @param compileSeconds Numba's compile (or cache load) before any timing, 0 for others
 * @param fraction       the share of the problem it ran: 1, or less for a slice
 * @param slice          what the slice was ("" for the whole problem)
 */
public record PythonRun(String variant, int threads, List<Double> warmupSeconds, List<Double> seconds, double checksum,
                        double compileSeconds, double fraction, String slice) {

    /** The timing in the course's record: best and median as for Java code; value = the checksum. */
    public Timing.Result<Double> timing() {
        return new Timing.Result<>(variant + " x" + threads, warmupSeconds, seconds, checksum);
    }

    /** The best run, in seconds (scaled to the whole problem for a slice). */
    public double best() {
        return timing().best();
    }

    /** Whether it ran only part of the problem. */
    public boolean sliced() {
        return fraction < 1;
    }

    /** Parses the script's {@code OPTPAR-RESULT key=value ...} line. */
    static Map<String, String> parse(List<String> stdout) {
        for (int i = stdout.size() - 1; i >= 0; i--) {
            String line = stdout.get(i);
            if (line.startsWith("OPTPAR-RESULT ")) {
                Map<String, String> fields = new TreeMap<>();
                for (String kv : line.substring("OPTPAR-RESULT ".length()).trim().split(" ")) {
                    int eq = kv.indexOf('=');
                    if (eq > 0) fields.put(kv.substring(0, eq), kv.substring(eq + 1));
                }
                return fields;
            }
        }
        throw new IllegalStateException("the Python script printed no result line; its last output: "
                + String.join(" | ", stdout.subList(Math.max(0, stdout.size() - 3), stdout.size())));
    }

    static List<Double> times(String list, double scale) {
        if (list == null || list.isBlank() || list.equals("[]")) return List.of();
        List<Double> out = new ArrayList<>();
        for (String s : list.split(",")) out.add(Double.parseDouble(s) * scale);
        return out;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s x%d: best %.4g s of %s, checksum %s%s", variant, threads, best(),
                Arrays.toString(seconds.toArray()), checksum, sliced() ? " (" + slice + ")" : "");
    }
}
