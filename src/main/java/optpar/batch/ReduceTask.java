package optpar.batch;

import java.io.Serializable;
import java.util.concurrent.Callable;

/**
 * A job as the cluster sees it: a small serializable object that travels to a member and runs
 * there. The class must be on every member's classpath (it is: members run the course jar).
 */
public record ReduceTask(ReduceJob job, int attempt) implements Callable<JobResult>, Serializable {
    @Override
    public JobResult call() {
        String where = System.getProperty("optpar.member", "pid " + ProcessHandle.current().pid());
        return job.runHere(where, attempt);
    }
}
