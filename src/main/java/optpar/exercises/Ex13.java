package optpar.exercises;

import optpar.batch.Reduced;
import optpar.batch.Reduction;
import optpar.workflow.CwlRun;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** The exercises of notebook 13, workflows. */
public final class Ex13 {
    private Ex13() {}

    /** Exercise 1: everything cached. */
    public static final One one = new One();
    /** Exercise 2: change one parameter. */
    public static final Two two = new Two();
    /** Exercise 3: your own step. */
    public static final Three three = new Three();

    static boolean step(String job, String step) {
        return job.equals(step) || job.startsWith(step + "_");
    }

    public static final class One extends Exercise {
        One() {
            super("13", 1, "everything cached",
                    "CwlRun again = Cwl.run(workflow, damaged, runs.resolve(\"out-again\"), timeout, home, List.of(\"--cachedir\", cache.toString()));",
                    "again.cachedJobs() lists the jobs cwltool took from the cache",
                    "Ex13.one.check(again, files)");
        }

        /** The rerun succeeded and took every job from the cache: generate, one reduce per file, merge, plot. */
        public Outcome judge(CwlRun again, int files) {
            if (again == null) return Outcome.notSolved("no rerun yet");
            if (!again.succeeded()) return Outcome.wrong("the rerun failed: " + again.failureSummary());
            List<String> cached = again.cachedJobs();
            long reduces = cached.stream().filter(j -> step(j, "reduce")).count();
            for (String s : new String[] {"generate", "merge", "plot"}) {
                if (cached.stream().noneMatch(j -> step(j, s))) return Outcome.wrong("step " + s + " ran again: was the rerun given the same --cachedir and the same inputs? cached: " + cached);
            }
            if (reduces < files) return Outcome.wrong("only " + reduces + " of " + files + " reduce jobs came from the cache: same inputs, same --cachedir?");
            return Outcome.solved(String.format(Locale.ROOT, "all %d jobs came from the cache; the rerun took %.1f s: cwltool's own start-up and bookkeeping. "
                    + "Like make, a workflow engine makes \"run everything again\" cheap", cached.size(), again.seconds()));
        }

        public void check(CwlRun again, int files) { report(() -> judge(again, files)); }

        public void mustPass(CwlRun again, int files) { require(() -> judge(again, files)); }
    }

    public static final class Two extends Exercise {
        Two() {
            super("13", 2, "change one parameter",
                    "Map<String, Object> moreWork = new LinkedHashMap<>(damaged); moreWork.put(\"work\", work + 10);",
                    "run it with the same --cachedir and look at changed.cachedJobs()",
                    "Ex13.two.check(changed)");
        }

        /** With another {@code work}, only {@code generate} comes from the cache. */
        public Outcome judge(CwlRun changed) {
            if (changed == null) return Outcome.notSolved("no run with the changed parameter yet");
            if (!changed.succeeded()) return Outcome.wrong("the run failed: " + changed.failureSummary());
            List<String> cached = changed.cachedJobs();
            if (cached.isEmpty()) return Outcome.wrong("nothing came from the cache: was the run given the same --cachedir?");
            List<String> others = cached.stream().filter(j -> !step(j, "generate")).toList();
            if (!others.isEmpty()) return Outcome.wrong("jobs " + others + " came from the cache: did the run really get another work?");
            return Outcome.solved("only generate came from the cache: work is an input of every reduce job, so they all ran again, "
                    + "and merge and plot ran because their inputs changed");
        }

        public void check(CwlRun changed) { report(() -> judge(changed)); }

        public void mustPass(CwlRun changed) { require(() -> judge(changed)); }
    }

    public static final class Three extends Exercise {
        Three() {
            super("13", 3, "your own step",
                    "start from workflows/reduce.cwl; change the default of work to 500",
                    "Cwl.run(myTool, Map.of(\"raw\", rawFile), outDir, timeout) runs one tool; its output is outDir/<raw name>.reduced.csv",
                    "Ex13.three.check(one, rawFile)");
        }

        /** Your tool ran and wrote the reduction of the raw file with 500 resamples, equal to the course's own. */
        public Outcome judge(CwlRun run, Path rawFile) {
            if (run == null || rawFile == null) return Outcome.notSolved("run your tool first; pass the run and the raw file");
            if (!run.succeeded()) return Outcome.wrong("your tool failed: " + run.failureSummary());
            String root = rawFile.getFileName().toString().replaceFirst("\\.[^.]*$", "");
            Path out = run.outDir().resolve(root + ".reduced.csv");
            if (!Files.isRegularFile(out)) return Outcome.wrong("no " + out.getFileName() + " in " + run.outDir() + ": is the output glob $(inputs.raw.nameroot).reduced.csv?");
            List<Reduced> rows = Reduction.read(out);
            if (rows.size() != 1) return Outcome.wrong(out.getFileName() + " has " + rows.size() + " rows, expected 1");
            Reduced expected = Reduction.reduceRaw(rawFile, 500, false);
            if (!rows.get(0).toCsvRow().equals(expected.toCsvRow())) {
                Reduced with200 = Reduction.reduceRaw(rawFile, 200, false);
                return Outcome.wrong(rows.get(0).toCsvRow().equals(with200.toCsvRow()) ? "the file was reduced with the default work of 200, not 500"
                        : "the row differs from the reduction with work 500: " + rows.get(0).toCsvRow() + " vs " + expected.toCsvRow());
            }
            return Outcome.solved("your tool wrote the reduction with 500 resamples; a CommandLineTool is a command line with typed inputs and globbed outputs, "
                    + "runnable alone or as a workflow step");
        }

        public void check(CwlRun run, Path rawFile) { report(() -> judge(run, rawFile)); }

        public void mustPass(CwlRun run, Path rawFile) { require(() -> judge(run, rawFile)); }
    }
}
