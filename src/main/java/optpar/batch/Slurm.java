package optpar.batch;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import optpar.measure.Progress;
import optpar.process.ChildProcess;
import optpar.process.ChildProcessException;

/**
 * A Slurm cluster as its users see it: the commands {@code sbatch}, {@code squeue}, {@code sacct},
 * {@code scancel} and {@code sinfo}, each run as a child process with a time bound, their answers
 * parsed into Java values. Nothing here is a mock: it talks to a real {@code slurmctld}.
 *
 * <p>Which cluster: {@code SLURM_CONF} when set (as on a real cluster's login node), else the
 * course's own single-node Slurm ({@code ./course slurm start}), else the machine's default
 * configuration ({@code /etc/slurm/slurm.conf}).
 * <pre>{@code
 * Slurm slurm = Slurm.connect();                         // throws one line when no Slurm answers
 * int job = slurm.submit(script, Slurm.arrayRange(100, 2), List.of("reduced"));
 * List<ArrayTask> tasks = slurm.waitFor(job, 100, Duration.ofMinutes(10), c -> System.out.println(c));
 * ArrayTask.table(tasks)
 * }</pre>
 */
public final class Slurm {
    /** Each Slurm command must answer within this; a controller that does not is "down". */
    static final Duration COMMAND_BOUND = Duration.ofSeconds(30);

    private final Path conf;        // null: the environment's SLURM_CONF or Slurm's default
    private final boolean coursesOwn;

    private Slurm(Path conf, boolean coursesOwn) {
        this.conf = conf;
        this.coursesOwn = coursesOwn;
    }

    // ------------------------------------------------------------------ finding the cluster

    /** The course's own Slurm's folder: {@code OPTPAR_SLURM_DIR}, else {@code ~/.optpar/slurm} (see environment/slurm.sh). */
    public static Path courseSlurmDir() {
        String dir = System.getenv("OPTPAR_SLURM_DIR");
        return dir != null && !dir.isBlank() ? Path.of(dir) : Path.of(System.getProperty("user.home"), ".optpar", "slurm");
    }

    /**
     * The cluster that answers: {@code SLURM_CONF}'s, the course's own, or the machine's default.
     *
     * @throws IllegalStateException (one line) when no Slurm answers, saying how to start the course's
     */
    public static Slurm connect() {
        List<String> tried = new ArrayList<>();
        String env = System.getenv("SLURM_CONF");
        Path own = courseSlurmDir().resolve("etc/slurm.conf");
        List<Slurm> candidates = new ArrayList<>();
        if (env != null && !env.isBlank()) candidates.add(new Slurm(Path.of(env), Path.of(env).equals(own)));
        if (Files.isRegularFile(own)) candidates.add(new Slurm(own, true));
        candidates.add(new Slurm(null, false));
        for (Slurm s : candidates) {
            String problem = s.problem();
            if (problem == null) return s;
            tried.add((s.conf == null ? "default configuration" : s.conf) + ": " + problem);
        }
        throw new IllegalStateException("no Slurm answers (" + String.join("; ", tried)
                + "): start the course's own with ./course slurm start");
    }

    /**
     * The cluster configured by {@code slurmConf}, checked to answer.
     *
     * @throws IllegalStateException (one line) when its controller does not answer
     */
    public static Slurm at(Path slurmConf) {
        Slurm s = new Slurm(slurmConf, slurmConf.toAbsolutePath().equals(courseSlurmDir().resolve("etc/slurm.conf").toAbsolutePath()));
        String problem = s.problem();
        if (problem != null) throw new IllegalStateException("the Slurm of " + slurmConf + " does not answer: " + problem);
        return s;
    }

    /** Null when sinfo answers, else its last words. */
    private String problem() {
        if (conf != null && !Files.isRegularFile(conf)) return "no such file";
        if (coursesOwn && !courseControllerRuns()) return "not running";   // sinfo would take 10 s to give up

        try {
            ChildProcess.Result r = command("sinfo", "-h", "-o", "%P").timeout(Duration.ofSeconds(20)).run();
            if (r.succeeded()) return null;
            return lastLine(r);
        } catch (ChildProcessException e) {
            return e.getMessage().lines().findFirst().orElse("sinfo failed");
        }
    }

    /** True when the pid file of the course's slurmctld names a live process. */
    private static boolean courseControllerRuns() {
        try {
            String pid = Files.readString(courseSlurmDir().resolve("run/slurmctld.pid")).trim();
            return ProcessHandle.of(Long.parseLong(pid)).map(ProcessHandle::isAlive).orElse(false);
        } catch (java.io.IOException | NumberFormatException e) {
            return false;
        }
    }

    /** The configuration file in use, or null for Slurm's default. */
    public Path conf() {
        return conf;
    }

    /** True when this is the course's own single-node Slurm (then the node can be taken down on purpose). */
    public boolean coursesOwn() {
        return coursesOwn;
    }

    /** One line per node: name, state, cpus, memory. */
    public List<String> nodes() {
        return run("sinfo", "-h", "-N", "-o", "%N %T %c cpus %m MB").stdout();
    }

    /** The state of the first node as sinfo shows it: idle, mixed, allocated, down*, ... */
    public String nodeState() {
        List<String> out = run("sinfo", "-h", "-N", "-o", "%T").stdout();
        return out.isEmpty() ? "unknown" : out.getFirst().trim();
    }

    /** The cpus of the first node: how many tasks can run at once there. */
    public int cpus() {
        List<String> out = run("sinfo", "-h", "-N", "-o", "%c").stdout();
        return out.isEmpty() ? 0 : Integer.parseInt(out.getFirst().trim().replaceAll("\\D", ""));
    }

    /** Which cluster this is, in one line. */
    public String describe() {
        return (coursesOwn ? "the course's own Slurm" : "Slurm") + " (" + (conf == null ? "default configuration" : "SLURM_CONF=" + conf)
                + "): " + String.join("; ", nodes());
    }

    // ------------------------------------------------------------------ array specifications

    /**
     * The {@code --array} value for tasks 0..tasks-1, at most {@code concurrency} at a time: {@code 0-99%2}.
     *
     * @throws IllegalArgumentException when tasks or concurrency is below 1
     */
    public static String arrayRange(int tasks, int concurrency) {
        if (tasks < 1) throw new IllegalArgumentException("--array of " + tasks + " tasks is not allowed: give 1 or more tasks");
        if (tasks > 100_000) throw new IllegalArgumentException("--array of " + tasks + " tasks is not allowed: at most 100000");
        if (concurrency < 1) throw new IllegalArgumentException("concurrency %" + concurrency + " is not allowed: at least 1 task must run at a time");
        return "0-" + (tasks - 1) + "%" + concurrency;
    }

    /**
     * The {@code --array} value for exactly these task ids: {@code 3,17,42}.
     *
     * @throws IllegalArgumentException when there are none or one is negative
     */
    public static String arrayList(Collection<Integer> ids) {
        if (ids.isEmpty()) throw new IllegalArgumentException("--array of 0 tasks is not allowed: give at least one task id");
        if (ids.stream().anyMatch(i -> i < 0)) throw new IllegalArgumentException("task ids must be 0 or more: " + ids);
        return ids.stream().sorted().map(String::valueOf).collect(Collectors.joining(","));
    }

    // ------------------------------------------------------------------ submitting and watching

    /**
     * {@code sbatch --parsable [--array=A] [options] script [scriptArgs]}: returns the job id.
     *
     * @param array       the {@code --array} value, or null for the script's own {@code #SBATCH --array}
     * @throws IllegalArgumentException when the script does not exist
     * @throws IllegalStateException (one line) when sbatch refuses the job or the queue does not answer
     */
    public int submit(Path script, String array, List<String> scriptArgs, String... options) {
        if (!Files.isRegularFile(script)) {
            throw new IllegalArgumentException("job script " + script + " does not exist: write it first (SlurmScript.write)");
        }
        List<String> cmd = new ArrayList<>(List.of("sbatch", "--parsable"));
        if (array != null) cmd.add("--array=" + array);
        cmd.addAll(List.of(options));
        cmd.add(script.toAbsolutePath().toString());
        cmd.addAll(scriptArgs);
        ChildProcess.Result r = bounded(cmd);
        if (!r.succeeded()) throw new IllegalStateException("sbatch refused " + script.getFileName() + ": " + lastLine(r));
        String id = r.stdout().isEmpty() ? "" : r.stdout().getLast().trim().split(";")[0];
        if (!id.matches("\\d+")) throw new IllegalStateException("sbatch printed no job id: " + r.stdout());
        return Integer.parseInt(id);
    }

    /** The sbatch command line {@link #submit} runs, to show it. */
    public static String sbatchLine(Path script, String array, List<String> scriptArgs, String... options) {
        List<String> cmd = new ArrayList<>(List.of("sbatch"));
        if (array != null) cmd.add("--array=" + array);
        cmd.addAll(List.of(options));
        cmd.add(script.getFileName().toString());
        cmd.addAll(scriptArgs);
        return String.join(" ", cmd);
    }

    /** How many of a job's tasks wait and run now ({@code squeue -r}: one line per array task). */
    public record QueueCount(int pending, int running, int total) {
        /** Tasks no longer in the queue (finished one way or another). */
        public int done() {
            return Math.max(0, total - pending - running);
        }

        @Override
        public String toString() {
            return pending + " pending, " + running + " running, " + done() + " done of " + total;
        }
    }

    /** The queue's view of job {@code jobId} that has {@code total} tasks. */
    public QueueCount count(int jobId, int total) {
        ChildProcess.Result r = bounded(List.of("squeue", "-h", "-r", "-j", Integer.toString(jobId), "-o", "%T"));
        if (!r.succeeded()) {
            if (String.join(" ", r.allLines()).contains("Invalid job id")) return new QueueCount(0, 0, total);   // long gone
            throw new IllegalStateException("squeue did not answer: " + lastLine(r));
        }
        int pending = 0, running = 0;
        for (String s : r.stdout()) {
            if (s.isBlank()) continue;
            if (s.trim().equals("PENDING")) pending++;
            else running++;               // RUNNING, COMPLETING, CONFIGURING: holding a core
        }
        return new QueueCount(pending, running, total);
    }

    /**
     * The queue count as a progress line updated in place ({@link Progress}: one display in a notebook,
     * stderr in a terminal): tasks done of all, and how many run and wait now. Close it when the wait is over.
     * <pre>{@code
     * try (Slurm.LiveCount live = Slurm.liveCount("job " + job, 100)) {
     *     slurm.waitFor(job, 100, Duration.ofMinutes(10), live);
     * }
     * }</pre>
     */
    public static LiveCount liveCount(String title, int total) {
        return new LiveCount(title, total);
    }

    /** See {@link #liveCount}. */
    public static final class LiveCount implements Consumer<QueueCount>, AutoCloseable {
        private final Progress progress;
        private String last = "";

        private LiveCount(String title, int total) {
            progress = Progress.start(title, total);
        }

        @Override
        public void accept(QueueCount c) {
            while (progress.count() < c.done()) progress.done();
            String now = c.running() + " running, " + c.pending() + " pending";
            if (!now.equals(last)) progress.working(now);
            last = now;
        }

        @Override
        public void close() {
            progress.close();
        }
    }

    /**
     * Polls the queue until {@code stop} holds for the count (or the job has left the queue), at most {@code bound}.
     *
     * @throws IllegalStateException when the bound passes first (the job is left as it is: cancel it or wait more)
     */
    public QueueCount waitUntil(int jobId, int total, Predicate<QueueCount> stop, Duration bound, Consumer<QueueCount> progress) {
        long deadline = System.nanoTime() + bound.toNanos();
        while (true) {
            QueueCount c = count(jobId, total);
            progress.accept(c);
            if (stop.test(c) || c.pending() + c.running() == 0) return c;
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("job " + jobId + ": still " + c + " after " + bound.toSeconds() + " s");
            }
            pause(Duration.ofMillis(500));
        }
    }

    /**
     * Waits until every task of job {@code jobId} (tasks {@code 0..total-1}; a job that is no array counts as
     * task 0) has left the queue and sacct has its final state; returns sacct's record of each task.
     *
     * @throws IllegalStateException when that takes longer than {@code bound}: the job is then cancelled
     *                               ({@code scancel}) so that nothing is left running
     */
    public List<ArrayTask> waitFor(int jobId, int total, Duration bound, Consumer<QueueCount> progress) {
        java.util.Set<Integer> ids = new java.util.TreeSet<>();
        for (int i = 0; i < total; i++) ids.add(i);
        return waitFor(jobId, ids, bound, progress);
    }

    /** {@link #waitFor(int, int, Duration, Consumer)} for the tasks of an {@code --array} value ({@code 0-99%2}, {@code 3,17}). */
    public List<ArrayTask> waitFor(int jobId, String array, Duration bound, Consumer<QueueCount> progress) {
        return waitFor(jobId, arrayIds(array), bound, progress);
    }

    private List<ArrayTask> waitFor(int jobId, java.util.Set<Integer> ids, Duration bound, Consumer<QueueCount> progress) {
        try {
            waitUntil(jobId, ids.size(), c -> false, bound, progress);
        } catch (IllegalStateException e) {
            cancel(jobId);
            throw new IllegalStateException(e.getMessage() + "; cancelled it (scancel " + jobId + ")");
        }
        // The controller sends each task's end to slurmdbd; sacct may lag it by a moment (and show an
        // array's job as one plain id at first): wait until it has every task, each in a final state.
        long sacctDeadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            List<ArrayTask> tasks = accounting(jobId);
            java.util.Set<Integer> seen = new java.util.TreeSet<>();
            for (ArrayTask t : tasks) seen.add(t.task());
            if (seen.equals(ids) && tasks.stream().allMatch(ArrayTask::isFinal)) return tasks;
            if (System.nanoTime() > sacctDeadline) {
                throw new IllegalStateException("job " + jobId + " left the queue but sacct still shows "
                        + tasks.stream().map(t -> t.task() + ":" + t.state()).toList() + " for tasks " + ids
                        + " after 30 s (is slurmdbd running? ./course slurm status)");
            }
            pause(Duration.ofMillis(500));
        }
    }

    /**
     * The task ids an {@code --array} value names: {@code 0-5%2} gives 0..5, {@code 3,17} gives 3 and 17,
     * {@code 0-10:5} gives 0, 5, 10.
     *
     * @throws IllegalArgumentException when it is not such a value
     */
    public static java.util.Set<Integer> arrayIds(String array) {
        java.util.Set<Integer> ids = new java.util.TreeSet<>();
        String spec = array.contains("%") ? array.substring(0, array.indexOf('%')) : array;
        try {
            for (String part : spec.split(",")) {
                int step = 1;
                if (part.contains(":")) {
                    step = Integer.parseInt(part.substring(part.indexOf(':') + 1));
                    part = part.substring(0, part.indexOf(':'));
                }
                String[] ends = part.split("-");
                int from = Integer.parseInt(ends[0].trim()), to = ends.length > 1 ? Integer.parseInt(ends[1].trim()) : from;
                for (int i = from; i <= to; i += Math.max(1, step)) ids.add(i);
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--array=" + array + " is not an array of task ids (e.g. 0-99%2 or 3,17)");
        }
        if (ids.isEmpty()) throw new IllegalArgumentException("--array of 0 tasks is not allowed: give at least one task id");
        return ids;
    }

    /** What sacct recorded for each task of job {@code jobId} (one row per task, {@code -X}: no job steps). */
    public List<ArrayTask> accounting(int jobId) {
        ChildProcess.Result r = bounded(List.of("sacct", "-j", Integer.toString(jobId), "-X", "-P", "-n",
                "-o", "JobID,State,Elapsed,NodeList,ExitCode,Submit,Start"));
        if (!r.succeeded()) throw new IllegalStateException("sacct did not answer: " + lastLine(r));
        return r.stdout().stream().filter(l -> !l.isBlank()).map(ArrayTask::parse).toList();
    }

    /** {@code scancel jobId}: ends every task of the job that still waits or runs. */
    public void cancel(int jobId) {
        bounded(List.of("scancel", Integer.toString(jobId)));
    }

    // ------------------------------------------------------------------ the course's own node

    /**
     * Kills the node's {@code slurmd} and the job steps running there, as a crashed machine would
     * ({@code ./course slurm node-down}). Only for the course's own Slurm.
     *
     * @throws IllegalStateException on another cluster (the course never touches a Slurm it did not start)
     */
    public void nodeDown() {
        courseSlurm("node-down");
    }

    /** Starts the node's {@code slurmd} again ({@code ./course slurm node-up}). */
    public void nodeUp() {
        courseSlurm("node-up");
    }

    /**
     * Polls sinfo until the node's state satisfies {@code wanted}, at most {@code bound}; returns that state.
     *
     * @throws IllegalStateException when the bound passes first
     */
    public String waitForNode(Predicate<String> wanted, String what, Duration bound) {
        long deadline = System.nanoTime() + bound.toNanos();
        while (true) {
            String state = nodeState();
            if (wanted.test(state)) return state;
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the node did not become " + what + " within " + bound.toSeconds() + " s (it is " + state + ")");
            }
            pause(Duration.ofSeconds(1));
        }
    }

    private void courseSlurm(String command) {
        if (!coursesOwn) {
            throw new IllegalStateException("this is not the course's own Slurm (" + describe() + "): the course takes down only a node it started");
        }
        ChildProcess.Result r = ChildProcess.of("bash", courseLauncher().resolveSibling("environment/slurm.sh").toString(), command)
                .timeout(Duration.ofSeconds(60)).run();
        if (!r.succeeded()) throw new IllegalStateException("./course slurm " + command + " failed: " + lastLine(r));
    }

    /**
     * The course's launcher, {@code <course folder>/course}: {@code OPTPAR_HOME} (set by the course kernel),
     * else the first folder upwards from here that has it.
     *
     * @throws IllegalStateException when it cannot be found
     */
    public static Path courseLauncher() {
        String home = System.getenv("OPTPAR_HOME");
        if (home != null && Files.isExecutable(Path.of(home, "course"))) return Path.of(home, "course").toAbsolutePath();
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isExecutable(p.resolve("course")) && Files.isDirectory(p.resolve("environment"))) return p.resolve("course");
        }
        throw new IllegalStateException("cannot find the course's launcher: set OPTPAR_HOME to the course folder");
    }

    // ------------------------------------------------------------------ plumbing

    private ChildProcess command(String... cmd) {
        return command(List.of(cmd));
    }

    private ChildProcess command(List<String> cmd) {
        ChildProcess c = ChildProcess.of(cmd);
        if (conf != null) c.env("SLURM_CONF", conf.toAbsolutePath().toString());
        return c;
    }

    private ChildProcess.Result bounded(List<String> cmd) {
        try {
            return command(cmd).timeout(COMMAND_BOUND).run();
        } catch (ChildProcessException e) {
            throw new IllegalStateException(cmd.getFirst() + " did not answer within " + COMMAND_BOUND.toSeconds()
                    + " s: is the queue down? (./course slurm status)", e);
        }
    }

    private ChildProcess.Result run(String... cmd) {
        ChildProcess.Result r = bounded(List.of(cmd));
        if (!r.succeeded()) throw new IllegalStateException(cmd[0] + " failed: " + lastLine(r) + " (is the queue down? ./course slurm status)");
        return r;
    }

    private static String lastLine(ChildProcess.Result r) {
        List<String> all = r.allLines().stream().filter(l -> !l.isBlank()).toList();
        return all.isEmpty() ? "exit code " + r.exitCode() + ", no output" : all.getLast().trim();
    }

    private static void pause(Duration d) {
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the queue");
        }
    }
}
