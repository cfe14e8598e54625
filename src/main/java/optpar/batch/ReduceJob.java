package optpar.batch;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One job of the batch: reduce raw file {@code in} into {@code out}. Only paths travel to the
 * worker (as on a cluster with a shared file system), so a job is a few bytes to send.
 *
 * @param id   the job's number (0, 1, ...), like a job array's task id
 * @param in   the raw file (absolute path, readable by every worker)
 * @param out  the reduced file to write
 * @param work bootstrap resamples, the job's CPU work
 */
public record ReduceJob(int id, String in, String out, int work) implements Serializable {

    /**
     * One job per raw file, writing {@code outDir/<same name>}.
     * <pre>{@code
     * List<ReduceJob> jobs = ReduceJob.forFiles(rawFiles, Path.of("reduced"), 200);
     * }</pre>
     */
    public static List<ReduceJob> forFiles(List<Path> raw, Path outDir, int work) {
        List<ReduceJob> jobs = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            Path in = raw.get(i).toAbsolutePath();
            jobs.add(new ReduceJob(i, in.toString(), outDir.toAbsolutePath().resolve(in.getFileName()).toString(), work));
        }
        return jobs;
    }

    /** The job's command line arguments for the course CLI: {@code reduce IN OUT --work B}. */
    public List<String> cliArgs() {
        return List.of("reduce", in, out, "--work", Integer.toString(work));
    }

    /** Runs the job here, in this JVM. */
    public JobResult runHere(String worker, int attempt) {
        long t0 = System.nanoTime();
        Reduced r = Reduction.reduceFile(Path.of(in), Path.of(out), work, false);
        return new JobResult(id, r, worker, (System.nanoTime() - t0) / 1e6, attempt);
    }
}
