package optpar.workflow;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import optpar.process.ChildProcess;

/**
 * Runs workflows written in the Common Workflow Language with the reference runner
 * {@code cwltool}, and draws their DAG with Graphviz.
 *
 * <p>The workflow's steps call the course CLI ({@code course jobs ...}); cwltool finds
 * {@code course} on the PATH, so this class puts the course's top folder first on it.
 * Without containers ({@code --no-container}) the steps run as plain processes on this machine;
 * {@code --parallel} lets cwltool run the independent jobs of a scatter at the same time.
 * <pre>{@code
 * CwlRun run = Cwl.run(Path.of("workflows/reduce-many.cwl"), Map.of("files", 10), Path.of("out"), 300);
 * BufferedImage dag = Cwl.dag(Path.of("workflows/reduce-many.cwl"));
 * }</pre>
 */
public final class Cwl {
    private Cwl() {}

    /**
     * The course's top folder (where the {@code course} launcher and {@code workflows/} are):
     * {@code OPTPAR_HOME} when set, else found from where the course's classes were loaded
     * ({@code target/optpar.jar} or {@code target/classes}).
     *
     * @throws IllegalStateException when it cannot be found
     */
    public static Path courseHome() {
        String env = System.getenv("OPTPAR_HOME");
        if (env != null && !env.isBlank()) return Path.of(env).toAbsolutePath();
        try {
            Path p = Path.of(Cwl.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            for (Path d = p; d != null; d = d.getParent()) {
                if (Files.isDirectory(d.resolve("workflows")) && Files.exists(d.resolve("pom.xml"))) return d;
            }
        } catch (Exception ignored) {
            // fall through to the error below
        }
        throw new IllegalStateException("cannot find the course's top folder: set OPTPAR_HOME to it");
    }

    /** True when {@code program} is on the PATH. */
    public static boolean onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) return true;
        }
        return false;
    }

    /** As {@link #run(Path, Map, Path, int, Path, List)} with the course's top folder on the PATH. */
    public static CwlRun run(Path workflow, Map<String, ?> inputs, Path outDir, int timeoutSeconds) {
        return run(workflow, inputs, outDir, timeoutSeconds, courseHome(), List.of());
    }

    /** As {@link #run(Path, Map, Path, int)}, bounded by {@code timeBound}. */
    public static CwlRun run(Path workflow, Map<String, ?> inputs, Path outDir, Duration timeBound) {
        return run(workflow, inputs, outDir, seconds(timeBound));
    }

    /** As {@link #run(Path, Map, Path, int, Path, List)}, bounded by {@code timeBound}. */
    public static CwlRun run(Path workflow, Map<String, ?> inputs, Path outDir, Duration timeBound, Path binDir,
            List<String> extraOptions) {
        return run(workflow, inputs, outDir, seconds(timeBound), binDir, extraOptions);
    }

    private static int seconds(Duration bound) {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, bound.toSeconds()));
    }

    /**
     * Runs {@code cwltool --no-container --parallel --outdir OUT WORKFLOW --name value ...}.
     *
     * @param inputs         the workflow's inputs (written as {@code --name value})
     * @param timeoutSeconds bound on the whole run; cwltool and every step it started are killed after it
     * @param binDir         folder put first on the PATH (holds {@code course})
     * @param extraOptions   more cwltool options, e.g. {@code --cachedir DIR}
     * @throws IllegalStateException when cwltool is missing or the run overran its time bound
     */
    public static CwlRun run(Path workflow, Map<String, ?> inputs, Path outDir, int timeoutSeconds, Path binDir,
            List<String> extraOptions) {
        if (!Files.isRegularFile(workflow)) throw new IllegalArgumentException("no workflow file " + workflow);
        if (timeoutSeconds < 1) throw new IllegalArgumentException("timeout " + timeoutSeconds + " s is not allowed: give at least 1 s");
        requireTool("cwltool", "the CWL reference runner (Debian package cwltool)");
        List<String> cmd = new ArrayList<>(List.of("cwltool", "--no-container", "--parallel", "--outdir", outDir.toAbsolutePath().toString()));
        // Steps get a clean environment; keep what the course launcher needs to find Java.
        for (String var : List.of("JAVA_HOME", "OPTPAR_CLASSPATH", "OPTPAR_HOME")) {
            if (System.getenv(var) != null) cmd.addAll(List.of("--preserve-environment", var));
        }
        cmd.addAll(extraOptions);
        cmd.add(workflow.toAbsolutePath().toString());
        inputs.forEach((k, v) -> cmd.addAll(List.of("--" + k, String.valueOf(v))));
        try {
            Files.createDirectories(outDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + outDir + ": " + e.getMessage(), e);
        }
        // stdout is the outputs' JSON, stderr cwltool's log; a run past its bound is stopped with every step it started.
        ChildProcess.Result r = ChildProcess.of(cmd).timeout(Duration.ofSeconds(timeoutSeconds))
                .env("PATH", binDir.toAbsolutePath() + java.io.File.pathSeparator + System.getenv("PATH")).run();
        return new CwlRun(r.exitCode(), String.join("\n", r.stderr()), String.join("\n", r.stdout()), outDir,
                r.elapsed().toNanos() / 1e9);
    }

    /** The workflow's graph in Graphviz's language, from {@code cwltool --print-dot}. */
    public static String dot(Path workflow) {
        requireTool("cwltool", "the CWL reference runner (Debian package cwltool)");
        return String.join("\n", ChildProcess.of("cwltool", "--print-dot", workflow.toAbsolutePath().toString())
                .timeout(Duration.ofSeconds(60)).run().requireSuccess().stdout());
    }

    /** The workflow's DAG as a picture: {@code cwltool --print-dot} through {@code dot -Tpng}. */
    public static BufferedImage dag(Path workflow) {
        requireTool("dot", "Graphviz (Debian package graphviz)");
        return render(dot(workflow), 80);
    }

    /**
     * The DAG of what actually ran: every job of {@code run} as a box (a scattered step has one job
     * per element: {@code reduce}, {@code reduce_2}, ...), wired as their steps are in the workflow,
     * green when it succeeded, red when it failed, grey when it came from the cache, white when it
     * never started (a step after a failure).
     * <pre>{@code
     * Cwl.jobGraph(workflow, run);
     * }</pre>
     */
    public static BufferedImage jobGraph(Path workflow, CwlRun run) {
        requireTool("dot", "Graphviz (Debian package graphviz)");
        String log = run.plainLog();
        // Step -> step edges of the workflow (cwltool's graph also links inputs and outputs: skip those).
        Map<String, List<String>> next = new LinkedHashMap<>();
        Set<String> steps = new LinkedHashSet<>();
        Matcher edge = Pattern.compile("\"([^\"]+)\" -> \"([^\"]+)\"").matcher(dot(workflow));
        while (edge.find()) {
            String a = edge.group(1), b = edge.group(2);
            if (isStep(workflow, a) && isStep(workflow, b)) {
                next.computeIfAbsent(a, k -> new ArrayList<>()).add(b);
                steps.add(a);
                steps.add(b);
            }
        }
        // The jobs of each step, in the order cwltool reported them.
        Map<String, Set<String>> jobs = new LinkedHashMap<>();
        for (String st : steps) jobs.put(st, new LinkedHashSet<>());
        Matcher job = Pattern.compile("\\[job ([^\\]]+)\\]").matcher(log);
        while (job.find()) {
            String name = job.group(1);
            String step = name.replaceFirst("_\\d+$", "");
            if (jobs.containsKey(step)) jobs.get(step).add(name);
        }
        StringBuilder g = new StringBuilder("digraph jobs {\n rankdir=LR; node [shape=box, style=filled, fontname=Helvetica];\n");
        for (var e : jobs.entrySet()) {
            if (e.getValue().isEmpty()) e.getValue().add(e.getKey() + " (not run)");
            for (String j : e.getValue()) {
                String colour = j.endsWith("(not run)") ? "white"
                        : log.contains("[job " + j + "] completed permanentFail") ? "salmon"
                        : log.contains("[job " + j + "] Using cached output") ? "lightgrey" : "palegreen";
                g.append(" \"").append(j).append("\" [fillcolor=").append(colour).append("];\n");
            }
        }
        for (var e : next.entrySet()) {
            for (String to : e.getValue()) {
                for (String a : jobs.get(e.getKey())) {
                    for (String b : jobs.get(to)) g.append(" \"").append(a).append("\" -> \"").append(b).append("\";\n");
                }
            }
        }
        g.append("}\n");
        return render(g.toString(), 72);
    }

    /** True when {@code name} is a step of the workflow file (a key under {@code steps:}). */
    private static boolean isStep(Path workflow, String name) {
        try {
            String text = Files.readString(workflow);
            int steps = text.indexOf("\nsteps:");
            return steps >= 0 && Pattern.compile("(?m)^  " + Pattern.quote(name) + ":\\s*$")
                    .matcher(text.substring(steps)).find();
        } catch (IOException e) {
            return false;
        }
    }

    private static void requireTool(String program, String what) {
        if (!onPath(program)) throw new IllegalStateException(program + " is not on the PATH: install " + what);
    }

    /** A Graphviz graph drawn by {@code dot} into a PNG file (a file: binary output does not go through text lines). */
    private static BufferedImage render(String graph, int dpi) {
        try {
            Path png = Files.createTempFile("optpar-dot-", ".png");
            try {
                ChildProcess.of("dot", "-Tpng", "-Gdpi=" + dpi, "-o", png.toString()).input(graph)
                        .timeout(Duration.ofSeconds(60)).run().requireSuccess();
                return ImageIO.read(png.toFile());
            } finally {
                Files.deleteIfExists(png);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the picture dot drew: " + e.getMessage(), e);
        }
    }
}
