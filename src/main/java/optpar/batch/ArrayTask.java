package optpar.batch;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * One task of a job array as Slurm's accounting ({@code sacct}) recorded it.
 *
 * @param jobId    the array's job id (what {@code sbatch} printed)
 * @param task     the task's index ({@code $SLURM_ARRAY_TASK_ID}); -1 for a line that stands for tasks not started
 *                 yet; 0 for a job that is not an array
 * @param state    COMPLETED, FAILED, NODE_FAIL, CANCELLED, TIMEOUT, PENDING, RUNNING, ...
 * @param elapsed  seconds it ran (sacct counts whole seconds)
 * @param node     where it ran (empty when it never started)
 * @param exitCode the job script's exit status ({@code sacct}'s ExitCode before the colon)
 * @param signal   the signal that ended it, 0 for none (after the colon)
 * @param waited   seconds between submission and start, -1 when it has not started
 */
public record ArrayTask(int jobId, int task, String state, double elapsed, String node, int exitCode, int signal, double waited) {

    /** States after which a task will not run again by itself. */
    static final Set<String> FINAL = Set.of("COMPLETED", "FAILED", "NODE_FAIL", "CANCELLED", "TIMEOUT", "OUT_OF_MEMORY",
            "BOOT_FAIL", "DEADLINE", "PREEMPTED");

    /** True once the task will not change any more (it finished, failed or was cancelled). */
    public boolean isFinal() {
        return task >= 0 && FINAL.contains(state.split(" ")[0]);   // "CANCELLED by 0" is CANCELLED
    }

    /** True when it ran to the end with exit status 0. */
    public boolean completed() {
        return state.equals("COMPLETED");
    }

    /**
     * The task ids that did not complete, for resubmitting: {@code Slurm.arrayList(ArrayTask.notCompleted(tasks))}.
     */
    public static Set<Integer> notCompleted(List<ArrayTask> tasks) {
        Set<Integer> ids = new TreeSet<>();
        for (ArrayTask t : tasks) if (t.task() >= 0 && !t.completed()) ids.add(t.task());
        return ids;
    }

    /**
     * The tasks as a tablesaw table: job, task, state, elapsed_s, node, exit, signal, waited_s.
     * <pre>{@code
     * ArrayTask.table(slurm.accounting(jobId)).where(t -> t.stringColumn("state").isNotEqualTo("COMPLETED"))
     * }</pre>
     */
    public static Table table(List<ArrayTask> tasks) {
        Table t = Table.create("sacct", IntColumn.create("job"), IntColumn.create("task"), StringColumn.create("state"),
                DoubleColumn.create("elapsed_s"), StringColumn.create("node"), IntColumn.create("exit"),
                IntColumn.create("signal"), DoubleColumn.create("waited_s"));
        List<ArrayTask> sorted = new ArrayList<>(tasks);
        sorted.sort(java.util.Comparator.comparingInt(ArrayTask::jobId).thenComparingInt(ArrayTask::task));
        for (ArrayTask a : sorted) {
            t.intColumn(0).append(a.jobId());
            t.intColumn(1).append(a.task());
            t.stringColumn(2).append(a.state());
            t.doubleColumn(3).append(a.elapsed());
            t.stringColumn(4).append(a.node());
            t.intColumn(5).append(a.exitCode());
            t.intColumn(6).append(a.signal());
            t.doubleColumn(7).append(a.waited());
        }
        return t;
    }

    /**
     * Parses one line of {@code sacct -X -P -n -o JobID,State,Elapsed,NodeList,ExitCode,Submit,Start}.
     *
     * @throws IllegalArgumentException when the line does not have those seven fields
     */
    static ArrayTask parse(String line) {
        String[] f = line.trim().split("\\|", -1);
        if (f.length != 7) throw new IllegalArgumentException("not a sacct line (JobID|State|Elapsed|NodeList|ExitCode|Submit|Start): '" + line + "'");
        String id = f[0];
        int us = id.indexOf('_');
        int job = Integer.parseInt(us < 0 ? id.replaceAll("\\D.*", "") : id.substring(0, us));
        // "27_3" is task 3; "27_[4-9%2]" stands for tasks not started yet; a plain "27" is a job of one task, 0.
        int task = us < 0 ? 0 : id.substring(us + 1).matches("\\d+") ? Integer.parseInt(id.substring(us + 1)) : -1;
        String[] exit = f[4].split(":");
        int code = exit.length > 0 && exit[0].matches("\\d+") ? Integer.parseInt(exit[0]) : 0;
        int sig = exit.length > 1 && exit[1].matches("\\d+") ? Integer.parseInt(exit[1]) : 0;
        String node = f[3].equals("None assigned") ? "" : f[3];
        double waited = -1;
        try {
            waited = java.time.Duration.between(java.time.LocalDateTime.parse(f[5]), java.time.LocalDateTime.parse(f[6])).toMillis() / 1000.0;
        } catch (java.time.format.DateTimeParseException e) {
            // "Unknown" or "None": not started yet
        }
        return new ArrayTask(job, task, f[1], seconds(f[2]), node, code, sig, waited);
    }

    /** sacct's elapsed time, {@code [D-]HH:MM:SS} or {@code MM:SS}, in seconds. */
    static double seconds(String elapsed) {
        String s = elapsed.trim();
        int days = 0;
        int dash = s.indexOf('-');
        if (dash >= 0) {
            days = Integer.parseInt(s.substring(0, dash));
            s = s.substring(dash + 1);
        }
        double total = 0;
        for (String part : s.split(":")) total = total * 60 + Double.parseDouble(part);
        return days * 86_400 + total;
    }
}
