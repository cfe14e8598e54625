package optpar.batch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import optpar.Course;

/**
 * The simplest batch system: run each job as its own process ({@code java ... optpar.cli.Jobs
 * reduce IN OUT}), at most {@code workers} at a time, like {@code xargs -P} or a batch queue on
 * one machine. Each process is bounded by {@code jobTimeoutSeconds} and killed when it overruns.
 *
 * <p>The price of processes: every job pays a JVM start (a few hundred milliseconds) before it
 * does any work. A cluster engine keeps its worker JVMs running and sends jobs to them instead.
 * <pre>{@code
 * BatchReport r = new ProcessPool(2, 60).run(jobs);
 * }</pre>
 */
public final class ProcessPool {
    private final int workers;
    private final int jobTimeoutSeconds;

    /**
     * @throws IllegalArgumentException when {@code workers} or the timeout is below 1
     */
    public ProcessPool(int workers, int jobTimeoutSeconds) {
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
        // Threads here only wait for processes: the work happens in the child JVMs.
        ExecutorService waiters = Executors.newFixedThreadPool(workers);
        List<Process> running = Collections.synchronizedList(new ArrayList<>());
        try {
            List<Future<JobResult>> futures = new ArrayList<>();
            for (ReduceJob job : jobs) futures.add(waiters.submit(() -> runOne(job, running)));
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
            synchronized (running) {
                for (Process p : running) p.destroyForcibly();
            }
        }
    }

    private JobResult runOne(ReduceJob job, List<Process> running) throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        // A short-lived JVM: a small heap and the serial collector start faster and leave the
        // cores to the other jobs (a parallel collector would start a GC thread per core).
        List<String> cmd = Course.javaCommand(List.of("-Xmx256m", "-XX:+UseSerialGC"), "optpar.cli.Jobs",
                job.cliArgs().toArray(String[]::new));
        // Output to a file, not a pipe: a hung child can then never block us past the time bound.
        Path log = Files.createTempFile("optpar-job-" + job.id() + "-", ".log");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        running.add(p);
        try {
            if (!p.waitFor(jobTimeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("job " + job.id() + " (" + job.in() + ") ran over " + jobTimeoutSeconds + " s and was killed");
            }
            String text = Files.readString(log, StandardCharsets.UTF_8).trim();
            if (p.exitValue() != 0) {
                throw new IllegalStateException("job " + job.id() + " failed with exit " + p.exitValue() + ": " + text);
            }
            String last = text.substring(text.lastIndexOf('\n') + 1);
            return new JobResult(job.id(), Reduced.parse(last), "pid " + p.pid(), (System.nanoTime() - t0) / 1e6, 1);
        } finally {
            p.destroyForcibly();
            running.remove(p);
            Files.deleteIfExists(log);
        }
    }
}
