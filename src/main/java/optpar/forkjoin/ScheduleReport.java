package optpar.forkjoin;

import java.util.List;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * One run of a {@link RowScheduling}: wall time, the work (iterations) each thread did, busiest
 * first, the number of steals (fork-join only) and the image.
 *
 * <pre>{@code
 * ScheduleReport r = RowScheduling.STATIC_BANDS.run(new MandelbrotProblem(600, 400, 500), 4, 0);
 * r.workPerThread();   // e.g. [4.1e6, 4.0e6, 0.9e6, 0.9e6]: the middle bands did most
 * r.imbalance();       // busiest / average, e.g. 1.6; the best possible speed-up is threads / imbalance
 * }</pre>
 *
 * @param way           how rows were handed out
 * @param threads       threads used
 * @param grain         rows per task or chunk
 * @param seconds       wall time
 * @param workPerThread iterations done by each thread, busiest first
 * @param steals        tasks stolen by idle workers (fork-join), 0 otherwise
 * @param counts        the image, row-major
 */
public record ScheduleReport(RowScheduling way, int threads, int grain, double seconds, List<Long> workPerThread,
                             long steals, int[] counts) {

    /** Busiest thread's work over the average: 1.0 is perfectly even; speed-up cannot exceed threads / imbalance. */
    public double imbalance() {
        long max = 0, sum = 0;
        for (long w : workPerThread) {
            max = Math.max(max, w);
            sum += w;
        }
        return sum == 0 ? 1.0 : (double) max / ((double) sum / workPerThread.size());
    }

    @Override
    public String toString() {
        return String.format("%-15s %2d threads: %.3f s, imbalance %.2f, steals %d", way.name().toLowerCase(), threads,
                seconds, imbalance(), steals);
    }

    /**
     * Reports as a table: way, threads, grain, seconds, imbalance, best possible speed-up
     * ({@code threads / imbalance}), steals.
     */
    public static Table table(List<ScheduleReport> reports) {
        StringColumn way = StringColumn.create("way");
        IntColumn threads = IntColumn.create("threads");
        IntColumn grain = IntColumn.create("grain");
        DoubleColumn seconds = DoubleColumn.create("seconds");
        DoubleColumn imbalance = DoubleColumn.create("imbalance");
        DoubleColumn bound = DoubleColumn.create("max speed-up");
        LongColumn steals = LongColumn.create("steals");
        for (ScheduleReport r : reports) {
            way.append(r.way().name().toLowerCase());
            threads.append(r.threads());
            grain.append(r.grain());
            seconds.append(r.seconds());
            imbalance.append(Math.round(100 * r.imbalance()) / 100.0);
            bound.append(Math.round(100 * r.threads() / r.imbalance()) / 100.0);
            steals.append(r.steals());
        }
        return Table.create("Row scheduling", way, threads, grain, seconds, imbalance, bound, steals);
    }
}
