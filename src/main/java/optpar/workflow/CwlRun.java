package optpar.workflow;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one {@code cwltool} run left behind: its exit status, its log, and the output folder.
 * <pre>{@code
 * CwlRun run = Cwl.run(workflow, Map.of("files", 10, "damage", 3), Path.of("out"), 300);
 * if (!run.succeeded()) System.out.println(run.failedSteps() + "\n" + run.failureSummary());
 * }</pre>
 *
 * @param exitCode   0 when the whole workflow succeeded
 * @param log        cwltool's log (its stderr): every step and job, started and finished
 * @param outputs    cwltool's answer on stdout: a JSON object naming the output files
 * @param outDir     where cwltool copied the workflow's outputs
 * @param seconds    wall time of the run
 */
public record CwlRun(int exitCode, String log, String outputs, Path outDir, double seconds) {

    private static final Pattern FAILED_STEP = Pattern.compile("\\[step ([^\\]]+)\\] completed permanentFail");
    private static final Pattern FAILED_JOB = Pattern.compile("\\[job ([^\\]]+)\\] completed permanentFail");
    private static final Pattern ANSI = Pattern.compile("\u001B\\[[0-9;]*m");

    /** True when cwltool reports the final status "success". */
    public boolean succeeded() {
        return exitCode == 0;
    }

    /** The workflow steps that failed (for example {@code [reduce]}). */
    public List<String> failedSteps() {
        return matches(FAILED_STEP);
    }

    /** The jobs that failed: a scattered step's jobs are numbered ({@code reduce_3}). */
    public List<String> failedJobs() {
        return matches(FAILED_JOB);
    }

    /** The log lines a person wants after a failure: the failed steps and jobs, and the jobs' own error lines. */
    public String failureSummary() {
        List<String> out = new ArrayList<>();
        for (String line : plainLog().split("\n")) {
            if (line.contains("permanentFail") || line.startsWith("jobs:")) out.add(line.strip());
        }
        return String.join("\n", out);
    }

    /** The jobs cwltool took from its cache instead of running them again. */
    public List<String> cachedJobs() {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("\\[job ([^\\]]+)\\] Using cached output").matcher(plainLog());
        while (m.find()) out.add(m.group(1));
        return out;
    }

    /** The log without terminal colour codes. */
    public String plainLog() {
        return ANSI.matcher(log).replaceAll("");
    }

    private List<String> matches(Pattern p) {
        LinkedHashSet<String> out = new LinkedHashSet<>();
        Matcher m = p.matcher(plainLog());
        while (m.find()) out.add(m.group(1));
        return List.copyOf(out);
    }

    @Override
    public String toString() {
        return (succeeded() ? "workflow succeeded" : "workflow FAILED in step(s) " + failedSteps() + ", job(s) " + failedJobs())
                + String.format(" after %.1f s", seconds);
    }
}
