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
 * MpiHeatResult r = new MpiHeatLauncher().run(3, new HeatProblem(400, 500));
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
 * @param output      every line mpirun and the ranks printed
 */
public record MpiHeatResult(int ranks, int n, int steps, double seconds, double wallSeconds, double checksum,
                            double totalHeat, Path gridFile, List<Double> runs, List<String> output) {

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
     * A strong-scaling table of runs of one problem: columns {@code ranks, seconds, wall_seconds, speedup,
     * efficiency, checksum}. Speed-up is the step-loop time of the run with the fewest ranks over each
     * run's; efficiency is speed-up per rank relative to that run's rank count (1.0 = perfect).
     *
     * <pre>{@code
     * List<MpiHeatResult> runs = new ArrayList<>();
     * for (int k : new int[] {1, 2, 3}) runs.add(launcher.run(k, problem));
     * MpiHeatResult.table(runs)
     * }</pre>
     */
    public static Table table(List<MpiHeatResult> runs) {
        if (runs.isEmpty()) throw new IllegalArgumentException("no runs to tabulate: run at least one rank count");
        MpiHeatResult base = runs.stream().min(java.util.Comparator.comparingInt(MpiHeatResult::ranks)).orElseThrow();
        IntColumn ranks = IntColumn.create("ranks");
        DoubleColumn seconds = DoubleColumn.create("seconds"), wall = DoubleColumn.create("wall_seconds"),
                speedup = DoubleColumn.create("speedup"), efficiency = DoubleColumn.create("efficiency"),
                checksum = DoubleColumn.create("checksum");
        for (MpiHeatResult r : runs) {
            if (r.n() != base.n() || r.steps() != base.steps()) {
                throw new IllegalArgumentException("a scaling table compares one problem; got n=" + r.n() + " steps=" + r.steps()
                        + " beside n=" + base.n() + " steps=" + base.steps());
            }
            double s = base.seconds() / r.seconds();
            ranks.append(r.ranks());
            seconds.append(r.seconds());
            wall.append(r.wallSeconds());
            speedup.append(s);
            efficiency.append(s * base.ranks() / r.ranks());
            checksum.append(r.checksum());
        }
        // Printed with readable digits, like the course's other sweeps; the values keep full precision.
        var symbols = DecimalFormatSymbols.getInstance(Locale.ROOT);
        for (DoubleColumn c : List.of(seconds, wall)) c.setPrintFormatter(new NumberColumnFormatter(new DecimalFormat("0.000", symbols)));
        for (DoubleColumn c : List.of(speedup, efficiency)) c.setPrintFormatter(new NumberColumnFormatter(new DecimalFormat("0.00", symbols)));
        return Table.create("MPI heat N=" + base.n() + ", " + base.steps() + " steps", ranks, seconds, wall, speedup,
                efficiency, checksum);
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
                    Arrays.stream(fields.get("runs").split(",")).map(Double::valueOf).toList(), List.copyOf(output));
        } catch (RuntimeException e) {
            throw new MpiException("cannot read the result line '" + line + "': " + e.getMessage(), e);
        }
    }
}
