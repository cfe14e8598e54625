package optpar.batch;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The outcome of a batch run: every job's result, the wall time, and how often jobs had to be
 * run again because their worker was lost.
 * <pre>{@code
 * BatchReport r = pool.run(jobs);
 * System.out.println(r);  // "40 jobs in 3.2 s: 12.5 jobs/s on 2 workers, 0 re-run"
 * }</pre>
 *
 * <p>{@code events} says what went wrong on the way (a member lost, which job went back to the queue).
 */
public record BatchReport(String engine, int workers, List<JobResult> results, double seconds, int reruns, List<String> events) {

    /** Jobs finished per second of wall time. */
    public double throughput() {
        return results.size() / seconds;
    }

    /** How many jobs each worker ran (worker name to count). */
    public Map<String, Integer> jobsPerWorker() {
        Map<String, Integer> m = new TreeMap<>();
        for (JobResult r : results) m.merge(r.worker(), 1, Integer::sum);
        return m;
    }

    /**
     * Several runs side by side, one row each: engine, workers, jobs, seconds, jobs/s, re-runs.
     * <pre>{@code
     * BatchReport.table(List.of(serial, pool, cluster));
     * }</pre>
     */
    public static Table table(List<BatchReport> reports) {
        Table t = Table.create("batch runs",
                StringColumn.create("engine"), IntColumn.create("workers"), IntColumn.create("jobs"),
                DoubleColumn.create("seconds"), DoubleColumn.create("jobs/s"), IntColumn.create("re-runs"));
        for (BatchReport r : reports) {
            t.stringColumn(0).append(r.engine());
            t.intColumn(1).append(r.workers());
            t.intColumn(2).append(r.results().size());
            t.doubleColumn(3).append(Math.round(r.seconds() * 100) / 100.0);
            t.doubleColumn(4).append(Math.round(r.throughput() * 10) / 10.0);
            t.intColumn(5).append(r.reruns());
        }
        return t;
    }

    @Override
    public String toString() {
        return String.format("%s: %d jobs in %.2f s: %.1f jobs/s on %d workers, %d re-run",
                engine, results.size(), seconds, throughput(), workers, reruns);
    }
}
