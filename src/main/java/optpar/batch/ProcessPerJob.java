package optpar.batch;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import optpar.process.ChildProcess;
import optpar.process.ChildProcessException;

/**
 * The simplest batch system: run each job as its own process ({@code java ... optpar.cli.Jobs
 * reduce IN OUT}), at most {@code workers} at a time, like {@code xargs -P} or a batch queue on
 * one machine. Each process is bounded by {@code jobTimeoutSeconds} and stopped when it overruns
 * (through {@link ChildProcess}, which also stops the others' when this thread is interrupted).
 *
 * <p>The price of processes: every job pays a JVM start (a few hundred milliseconds) before it
 * does any work. A cluster engine keeps its worker JVMs running and sends jobs to them instead.
 * <pre>{@code
 * BatchReport r = new ProcessPerJob(2, 60).run(jobs);
 * }</pre>
 */
public final class ProcessPerJob {
    private final int workers;
    private final int jobTimeoutSeconds;

    /**
     * @throws IllegalArgumentException when {@code workers} or the timeout is below 1
     */
    public ProcessPerJob(int workers, int jobTimeoutSeconds) {
        if (workers < 1) throw new IllegalArgumentException("workers " + workers + " is not allowed: give at least 1");
        if (jobTimeoutSeconds < 1) throw new IllegalArgumentException("job timeout " + jobTimeoutSeconds + " s is not allowed: give at least 1 s");
        this.workers = workers;
        this.jobTimeoutSeconds = jobTimeoutSeconds;
    }

    /**
     * Runs every job in a child JVM; returns when all are done.
     *
     * @throws IllegalStateException naming the first job that failed or timed out
     */
    public BatchReport run(List<ReduceJob> jobs) {
        long t0 = System.nanoTime();
        // Threads here only wait for processes: the work happens in the child JVMs. Stopping them
        // (shutdownNow interrupts them) stops their children too.
        ExecutorService waiters = Executors.newFixedThreadPool(workers);
        try {
            List<Future<JobResult>> futures = new ArrayList<>();
            for (ReduceJob job : jobs) futures.add(waiters.submit(() -> runOne(job)));
            List<JobResult> results = new ArrayList<>();
            for (Future<JobResult> f : futures) {
                try {
                    results.add(f.get());
                } catch (java.util.concurrent.ExecutionException e) {
                    throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting for the jobs");
                }
            }
            return new BatchReport("process pool", workers, results, (System.nanoTime() - t0) / 1e9, 0, List.of());
        } finally {
            waiters.shutdownNow();
        }
    }

    private JobResult runOne(ReduceJob job) {
        long t0 = System.nanoTime();
        // A short-lived JVM: a small heap and the serial collector start faster and leave the
        // cores to the other jobs (a parallel collector would start a GC thread per core).
        List<String> cmd = ChildProcess.javaCommand(List.of("-Xmx256m", "-XX:+UseSerialGC"), "optpar.cli.Jobs",
                job.cliArgs().toArray(String[]::new));
        ChildProcess.Result r;
        long pid;
        try (ChildProcess.Running child = ChildProcess.of(cmd).start()) {
            pid = child.pid();
            r = child.waitFor(Duration.ofSeconds(jobTimeoutSeconds));
        } catch (ChildProcessException e) {   // past its bound (then stopped) or interrupted
            throw new IllegalStateException("job " + job.id() + " (" + job.in() + "): " + e.getMessage(), e);
        }
        if (!r.succeeded()) {
            List<String> said = r.allLines().stream().filter(l -> !l.isBlank() && !l.startsWith("WARNING: Using incubator")).toList();
            throw new IllegalStateException("job " + job.id() + " failed with exit " + r.exitCode() + ": "
                    + (said.isEmpty() ? "(it printed nothing)" : said.getLast().trim()));
        }
        List<String> out = r.stdout().stream().filter(l -> !l.isBlank()).toList();
        if (out.isEmpty()) throw new IllegalStateException("job " + job.id() + " (" + job.in() + ") printed no result");
        return new JobResult(job.id(), Reduced.parse(out.getLast().trim()), "pid " + pid, r.elapsed().toNanos() / 1e6, 1);
    }
}
