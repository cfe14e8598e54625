package optpar.batch;

import java.util.ArrayList;
import java.util.List;

/**
 * The reference: every job one after the other in this JVM. The parallel runs must produce
 * exactly the same reduced files.
 * <pre>{@code
 * BatchReport ref = SingleProcess.run(ReduceJob.forFiles(raw, Path.of("reduced-serial"), 200));
 * }</pre>
 */
public final class SingleProcess {
    private SingleProcess() {}

    public static BatchReport run(List<ReduceJob> jobs) {
        long t0 = System.nanoTime();
        List<JobResult> results = new ArrayList<>();
        String me = "pid " + ProcessHandle.current().pid();
        for (ReduceJob job : jobs) results.add(job.runHere(me, 1));
        return new BatchReport("single process", 1, results, (System.nanoTime() - t0) / 1e9, 0, List.of());
    }
}
