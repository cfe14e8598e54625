package optpar.mpi;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.numbers.NumberColumnFormatter;

import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;

/**
 * What one {@code mpirun} of the heat problem gave: rank 0's result line plus the launcher's own clock.
 *
 * <pre>{@code
 * MpiHeatResult r = new MpiHeatLauncher().overlap(true).run(3, new HeatProblem(400, 500));
 * r.checksum();      // equals HeatProblem.checksum(new NaiveHeat().solve(problem, 1)), bit for bit
 * r.seconds();       // the step loop of the slowest rank
 * r.wallSeconds();   // the whole run: mpirun, JVM start-up, MPI_Init, gathering
 * }</pre>
 *
 * @param ranks       how many processes ran
 * @param n           grid points per side
 * @param steps       time steps
 * @param seconds     the timed step loop of the slowest rank ({@code MPI_Wtime}, after a barrier), best of {@code runs}
 * @param wallSeconds the whole mpirun as the launcher saw it
 * @param checksum    {@code HeatProblem.checksum} of the gathered final grid
 * @param totalHeat   the all-reduced sum of the blocks' sums (equal to the checksum up to rounding)
 * @param gridFile    the final grid (raw little-endian doubles, row-major), or null when not asked for
 * @param runs        the seconds of every timed run ({@link MpiHeatLauncher#repeat(int)}), in order
 * @param overlap     whether the halo exchange overlapped the interior update
 * @param haloDepth   the halo rows exchanged each way, and the steps taken per exchange ({@link MpiHeatLauncher#haloDepth})
 * @param compute     seconds the slowest rank spent updating rows in the best run
 * @param halo        seconds the slowest rank spent exchanging halos (waiting included) in the best run
 * @param reduce      seconds the slowest rank spent in all-reduces in the best run
 * @param offHeapBytes the largest block of any rank in bytes (its rows, halos, two buffers): off-heap for one-row
 *                     halos, for deep ones ({@link DeepHaloBlock}) heap arrays plus the off-heap message buffers
 * @param peakRssBytes the largest peak resident memory of any rank process ({@code VmHWM}), -1 if unknown
 * @param anonRssBytes the largest private resident memory of any rank process at the end ({@code RssAnon}: heap,
 *                     off-heap and the JVM's own, not the libraries or Open MPI's shared memory), -1 if unknown
 * @param output      every line mpirun and the ranks printed
 */
public record MpiHeatResult(int ranks, int n, int steps, double seconds, double wallSeconds, double checksum,
                            double totalHeat, Path gridFile, List<Double> runs, boolean overlap, int haloDepth, double compute,
                            double halo, double reduce, long offHeapBytes, long peakRssBytes, long anonRssBytes,
                            List<String> output) {

    /** Seconds per step of the step loop (slowest rank, best run). */
    public double secondsPerStep() {
        return seconds / Math.max(1, steps);
    }

    /** The final grid, flat and row-major ({@code u[i * n + j]}), read from {@link #gridFile}. */
    public double[] grid() {
        if (gridFile == null) {
            throw new IllegalStateException("this run wrote no grid: ask for one with MpiHeatLauncher.gridFile(path)");
        }
        try (Arena arena = Arena.ofConfined(); FileChannel ch = FileChannel.open(gridFile)) {
            long bytes = (long) n * n * Double.BYTES;
            if (ch.size() != bytes) {
                throw new IllegalStateException(gridFile + " holds " + ch.size() + " bytes, expected " + bytes + " for n=" + n);
            }
            MemorySegment data = ch.map(FileChannel.MapMode.READ_ONLY, 0, bytes, arena);
            return data.toArray(JAVA_DOUBLE.withOrder(ByteOrder.LITTLE_ENDIAN));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the grid file " + gridFile + ": " + e.getMessage(), e);
        }
    }

    /**
     * A scaling table: columns {@code ranks, n, seconds, serial_seconds, speedup, efficiency, compute_ms,
     * halo_ms, reduce_ms} (the last three per step), one row per run. The speed-up is counted against
     * the best serial code on the same grid ({@code serialSeconds.applyAsDouble(n)}, e.g. the vector
     * variant on one thread), not against one MPI rank: so it also works for weak scaling, where every
     * run has its own n. Efficiency is speed-up per rank; the ideal is speed-up = ranks, efficiency 1.
     *
     * <pre>{@code
     * Table t = MpiHeatResult.table(runs, n -> vectorOneThreadSeconds.get(n));
     * }</pre>
     */
    public static Table table(List<MpiHeatResult> runs, java.util.function.IntToDoubleFunction serialSeconds) {
        if (runs.isEmpty()) throw new IllegalArgumentException("no runs to tabulate: run at least one rank count");
        IntColumn ranks = IntColumn.create("ranks"), ns = IntColumn.create("n");
        DoubleColumn seconds = DoubleColumn.create("seconds"), serial = DoubleColumn.create("serial_seconds"),
                speedup = DoubleColumn.create("speedup"), efficiency = DoubleColumn.create("efficiency"),
                compute = DoubleColumn.create("compute_ms"), halo = DoubleColumn.create("halo_ms"),
                reduce = DoubleColumn.create("reduce_ms");
        int steps = runs.getFirst().steps();
        for (MpiHeatResult r : runs) {
            if (r.steps() != steps) {
                throw new IllegalArgumentException("a scaling table compares runs of equal steps; got " + r.steps() + " beside " + steps);
            }
            double base = serialSeconds.applyAsDouble(r.n());
            double s = base / r.seconds();
            ranks.append(r.ranks());
            ns.append(r.n());
            seconds.append(r.seconds());
            serial.append(base);
            speedup.append(s);
            efficiency.append(s / r.ranks());
            double perStep = 1e3 / Math.max(1, r.steps());
            compute.append(r.compute() * perStep);
            halo.append(r.halo() * perStep);
            reduce.append(r.reduce() * perStep);
        }
        // Printed with readable digits, like the course's other sweeps; the values keep full precision.
        var symbols = DecimalFormatSymbols.getInstance(Locale.ROOT);
        for (DoubleColumn c : List.of(seconds, serial)) c.setPrintFormatter(new NumberColumnFormatter(new DecimalFormat("0.000", symbols)));
        for (DoubleColumn c : List.of(speedup, efficiency, compute, halo, reduce)) c.setPrintFormatter(new NumberColumnFormatter(new DecimalFormat("0.00", symbols)));
        return Table.create("MPI heat, " + steps + " steps", ranks, ns, seconds, serial, speedup, efficiency, compute, halo, reduce);
    }

    /** Parses rank 0's {@value MpiHeatRank#RESULT_TAG} line. */
    static MpiHeatResult parse(String line, double wallSeconds, Path gridFile, List<String> output) {
        var fields = new java.util.HashMap<String, String>();
        for (String word : line.trim().split("\\s+")) {
            int eq = word.indexOf('=');
            if (eq > 0) fields.put(word.substring(0, eq), word.substring(eq + 1));
        }
        try {
            return new MpiHeatResult(Integer.parseInt(fields.get("ranks")), Integer.parseInt(fields.get("n")),
                    Integer.parseInt(fields.get("steps")), Double.parseDouble(fields.get("seconds")), wallSeconds,
                    Double.parseDouble(fields.get("checksum")), Double.parseDouble(fields.get("total_heat")),
                    gridFile != null && Files.exists(gridFile) ? gridFile : null,
                    Arrays.stream(fields.get("runs").split(",")).map(Double::valueOf).toList(),
                    Boolean.parseBoolean(fields.getOrDefault("overlap", "false")),
                    Integer.parseInt(fields.getOrDefault("halo_depth", "1")),
                    Double.parseDouble(fields.getOrDefault("compute", "NaN")), Double.parseDouble(fields.getOrDefault("halo", "NaN")),
                    Double.parseDouble(fields.getOrDefault("reduce", "NaN")),
                    Long.parseLong(fields.getOrDefault("offheap_bytes", "-1")), Long.parseLong(fields.getOrDefault("peak_rss_bytes", "-1")),
                    Long.parseLong(fields.getOrDefault("anon_rss_bytes", "-1")),
                    List.copyOf(output));
        } catch (RuntimeException e) {
            throw new MpiException("cannot read the result line '" + line + "': " + e.getMessage(), e);
        }
    }
}
