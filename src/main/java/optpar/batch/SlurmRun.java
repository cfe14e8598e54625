package optpar.batch;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One submission of the reduce job array and what came of it: the job id, the wall time from
 * {@code sbatch} until the queue was empty, and sacct's record of every task.
 * <pre>{@code
 * SlurmRun run = SlurmRun.submit(slurm, script, Slurm.arrayRange(100, 2), "reduced", 100, Duration.ofMinutes(10));
 * run.report()   // a BatchReport, to compare with the process pool and the Hazelcast cluster
 * }</pre>
 *
 * @param jobId       the array's job id
 * @param array       the {@code --array} value it was submitted with
 * @param seconds     wall time from submission until no task was left in the queue
 * @param tasks       sacct's record of each task
 * @param out         the folder the reduced files were written to
 */
public record SlurmRun(int jobId, String array, double seconds, List<ArrayTask> tasks, Path out) {

    /**
     * Submits {@code script OUT} with {@code --array=array} and waits (at most {@code bound}) for every task,
     * showing the queue's count as it goes ({@link Slurm#liveCount}).
     *
     * @param outName the output folder, inside the data folder the script runs in
     * @param count   how many tasks {@code array} holds (for the live count; checked against {@code array})
     * @throws IllegalArgumentException when {@code count} is not the number of tasks {@code array} names
     */
    public static SlurmRun submit(Slurm slurm, Path script, String array, String outName, int count, Duration bound) {
        int named = Slurm.arrayIds(array).size();
        if (named != count) throw new IllegalArgumentException("--array=" + array + " names " + named + " tasks, not " + count);
        long t0 = System.nanoTime();
        long[] empty = {0};
        int job = slurm.submit(script, array, List.of(outName));
        List<ArrayTask> tasks;
        try (Slurm.LiveCount live = Slurm.liveCount("job " + job + " --array=" + array, count)) {
            tasks = slurm.waitFor(job, array, bound, c -> {
                live.accept(c);
                if (c.pending() + c.running() == 0 && empty[0] == 0) empty[0] = System.nanoTime();
            });
        }
        double seconds = ((empty[0] == 0 ? System.nanoTime() : empty[0]) - t0) / 1e9;
        return new SlurmRun(job, array, seconds, tasks, script.toAbsolutePath().getParent().resolve(outName));
    }

    /** The number after {@code %} in the array value (Integer.MAX_VALUE when there is none). */
    public int concurrency() {
        int pct = array.indexOf('%');
        return pct < 0 ? Integer.MAX_VALUE : Integer.parseInt(array.substring(pct + 1));
    }

    /** The ids of the tasks that did not complete (to resubmit with {@code --array=}). */
    public java.util.Set<Integer> notCompleted() {
        return ArrayTask.notCompleted(tasks);
    }

    /**
     * This run as a {@link BatchReport}: one result per completed task, read back from its reduced file,
     * with the node it ran on and sacct's elapsed time. Workers are the {@code %N} limit.
     */
    public BatchReport report() {
        List<JobResult> results = new ArrayList<>();
        for (ArrayTask t : tasks) {
            if (!t.completed()) continue;
            Path file = out.resolve(RawData.fileName(t.task()));
            if (!Files.isRegularFile(file)) throw new IllegalStateException("task " + t.task() + " COMPLETED but wrote no " + file);
            results.add(new JobResult(t.task(), Reduction.read(file).getFirst(), t.node(), t.elapsed() * 1000, 1));
        }
        int n = concurrency();
        return new BatchReport("Slurm array %" + n, n == Integer.MAX_VALUE ? 0 : n, results, seconds, 0, List.of());
    }

    @Override
    public String toString() {
        long done = tasks.stream().filter(ArrayTask::completed).count();
        return String.format("job %d --array=%s: %d of %d tasks COMPLETED in %.1f s (%.2f tasks/s)",
                jobId, array, done, tasks.size(), seconds, done / seconds);
    }
}
