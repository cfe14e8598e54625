package optpar.mpi;

import optpar.Course;
import optpar.heat.HeatProblem;

import optpar.process.ChildProcess;
import optpar.process.ChildProcessException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Starts the heat problem on K MPI ranks with Open MPI's {@code mpirun}, streams what the ranks print,
 * and returns rank 0's result. The notebook, the bench CLI and the tests all launch through this class.
 *
 * <pre>{@code
 * var launcher = new MpiHeatLauncher().output(System.out::println).timeout(Duration.ofMinutes(1));
 * for (int k : new int[] {1, 2, 3}) {
 *     MpiHeatResult r = launcher.run(k, new HeatProblem(400, 500));
 *     System.out.println(k + " ranks: " + r.seconds() + " s, checksum " + r.checksum());
 * }
 * }</pre>
 *
 * The command it runs ({@link #command}) is
 * <pre>
 * mpirun -np K [--oversubscribe] --bind-to none --mca mpi_yield_when_idle 1 \
 *        java &lt;course JVM options&gt; -XX:+UseG1GC -XX:ParallelGCThreads=1 -XX:ConcGCThreads=1 -cp &lt;course classpath&gt; optpar.mpi.MpiHeatRank N STEPS ...
 * </pre>
 * <ul>
 * <li>{@code --oversubscribe} only when K exceeds the cores: by default mpirun refuses to start more
 *     ranks than it has slots (cores).</li>
 * <li>{@code --bind-to none}: a JVM is more than one thread (JIT compiler, garbage collector); pinned to
 *     one core it would compete with itself.</li>
 * <li>{@code mpi_yield_when_idle 1}: a rank waiting for a message gives its core away instead of
 *     spinning. On a laptop or a shared machine, where ranks share cores with other work, spinning can
 *     starve the very rank being waited for; on a dedicated cluster node you would leave it off
 *     ({@link #yieldWhenIdle(boolean)}).</li>
 * <li>Open MPI refuses to run as root unless two variables say it may; they are set only when this JVM
 *     runs as root (containers, CI).</li>
 * </ul>
 * Every failure is one clear line in an {@link MpiException} (or {@link IllegalArgumentException} for
 * bad input): mpirun missing, a rank that fails, a run that exceeds its time bound (the whole process tree
 * is then ended). Nothing is left running.
 */
public final class MpiHeatLauncher {
    /** The main class every rank runs. */
    public static final String RANK_MAIN = MpiHeatRank.class.getName();

    /**
     * The rank JVMs' own options: G1 with one thread for each of its parts, since each rank is one thread
     * of work (by default a collector starts threads for every core, in every rank). Not the serial
     * collector: with it the deep-halo sweep ran 1.4x slower here (N=2048, 100 steps, halos 16 rows
     * deep, one rank: 0.35-0.37 s against 0.22-0.26 s with G1, which is as fast as {@code blocked} in one
     * JVM). Its two grid arrays lie back to back in the young generation, G1 puts each large array in
     * regions of its own; spacing the arrays differently under the serial collector gave 0.30-0.41 s, so
     * the exact cause is not pinned down.
     */
    static final List<String> RANK_JVM_OPTIONS = List.of("-XX:+UseG1GC", "-XX:ParallelGCThreads=1", "-XX:ConcGCThreads=1");

    /** Every rank JVM prints this (the course's JVM options add the Vector API module); it says nothing about the run. */
    private static final String INCUBATOR_WARNING = "WARNING: Using incubator modules: jdk.incubator.vector";

    private Duration timeout = Duration.ofMinutes(2);
    private Consumer<String> output = line -> {};
    private int warmup = MpiHeatRank.AUTO_WARMUP;
    private int repeat = 1;
    private int reportEvery = 0;
    private Path gridFile;
    private int failRank = -1;
    private boolean yieldWhenIdle = true;
    private boolean overlap = false;
    private int haloDepth = 1;
    private boolean gather = true;
    private Path mpirunPath;
    private final java.util.Map<String, String> environment = new java.util.LinkedHashMap<>();

    /** The most a run may take, mpirun and JVM start-up included (default 2 minutes). */
    public MpiHeatLauncher timeout(Duration timeout) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout " + timeout + " is not allowed: it must be positive");
        }
        this.timeout = timeout;
        return this;
    }

    /** Receives every line mpirun and the ranks print, on the calling thread, as it arrives. */
    public MpiHeatLauncher output(Consumer<String> output) {
        this.output = output;
        return this;
    }

    /**
     * Untimed warm-up steps each rank takes before the clock starts (0 to see a cold JVM). The default
     * picks them from the grid and the rank count, so that every rank's rows are compiled
     * ({@link MpiHeatRank#autoWarmupSteps}).
     */
    public MpiHeatLauncher warmup(int steps) {
        if (steps < 0) throw new IllegalArgumentException("warm-up " + steps + " is not allowed: use 0 or more steps");
        this.warmup = steps;
        return this;
    }

    /** Timed runs per launch, each from the initial field (default 1); the result's seconds is the best. */
    public MpiHeatLauncher repeat(int runs) {
        if (runs < 1) throw new IllegalArgumentException("repeat " + runs + " is not allowed: use 1 or more timed runs");
        this.repeat = runs;
        return this;
    }

    /** Every {@code k} steps rank 0 prints the all-reduced total heat (default 0: only at the end). */
    public MpiHeatLauncher reportEvery(int k) {
        if (k < 0) throw new IllegalArgumentException("report interval " + k + " is not allowed: use 0 (only at the end) or more");
        this.reportEvery = k;
        return this;
    }

    /** Rank 0 writes the final grid there ({@link MpiHeatResult#grid()} reads it back); null for none. */
    public MpiHeatLauncher gridFile(Path file) {
        this.gridFile = file;
        return this;
    }

    /** Makes rank {@code r} fail at its first step, to see how the job ends; -1 (default) for none. */
    public MpiHeatLauncher failRank(int r) {
        this.failRank = r;
        return this;
    }

    /**
     * Whether the halo exchange overlaps the interior update (non-blocking {@code MPI_Isend}/{@code MPI_Irecv},
     * then {@code MPI_Waitall}); default false: the blocking {@code MPI_Sendrecv} first, then the whole block.
     */
    public MpiHeatLauncher overlap(boolean yes) {
        this.overlap = yes;
        return this;
    }

    /**
     * Halos {@code rows} deep (default 1): each exchange sends that many rows each way, and the ranks then
     * take that many steps in one sweep from cache ({@link DeepHaloBlock}). At most half the smallest
     * block's rows ({@link DeepHaloBlock#maxDepth}); {@link #command} says so before launching.
     */
    public MpiHeatLauncher haloDepth(int rows) {
        if (rows < 1) throw new IllegalArgumentException("halo depth " + rows + " is not allowed: use 1 or more rows");
        this.haloDepth = rows;
        return this;
    }

    /**
     * Whether rank 0 gathers the final grid (default true). Without it no process ever holds the whole
     * grid: the result's checksum is NaN and its total heat the all-reduced one ({@code --no-gather}).
     */
    public MpiHeatLauncher gather(boolean yes) {
        this.gather = yes;
        return this;
    }

    /** Whether waiting ranks give their core away (default true; see the class comment). */
    public MpiHeatLauncher yieldWhenIdle(boolean yes) {
        this.yieldWhenIdle = yes;
        return this;
    }

    /** Uses this mpirun instead of looking one up (e.g. another Open MPI install). */
    public MpiHeatLauncher mpirun(Path mpirun) {
        this.mpirunPath = mpirun;
        return this;
    }

    /**
     * An environment variable for mpirun and every rank, e.g. {@code OMPI_MCA_btl=self,vader} to choose
     * Open MPI's transports, or {@code OPTPAR_MPI_LIBRARY} to load another libmpi.
     */
    public MpiHeatLauncher env(String name, String value) {
        environment.put(name, value);
        return this;
    }

    /** mpirun: {@code OPTPAR_MPIRUN} when set, else the first {@code mpirun} on the PATH. */
    public static Optional<Path> mpirun() {
        String explicit = System.getenv("OPTPAR_MPIRUN");
        if (explicit != null && !explicit.isBlank()) {
            Path p = Path.of(explicit);
            return Files.isExecutable(p) ? Optional.of(p) : Optional.empty();
        }
        String path = System.getenv("PATH");
        if (path == null) return Optional.empty();
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (dir.isEmpty()) continue;
            Path p = Path.of(dir, "mpirun");
            if (Files.isExecutable(p)) return Optional.of(p);
        }
        return Optional.empty();
    }

    /** True when mpirun can be found (Debian: {@code apt-get install openmpi-bin libopenmpi-dev}). */
    public static boolean available() {
        return mpirun().isPresent();
    }

    /** True when this JVM runs as root (uid 0), where Open MPI needs its allow-root variables. */
    public static boolean runningAsRoot() {
        try {
            return ((Number) Files.getAttribute(Path.of("/proc/self"), "unix:uid")).intValue() == 0;
        } catch (Exception e) {
            return "root".equals(System.getProperty("user.name"));
        }
    }

    /**
     * The command line {@link #run} starts, for showing and for copying into a terminal.
     *
     * @throws IllegalArgumentException when the grid has fewer interior rows than ranks
     * @throws MpiException when mpirun is not installed
     */
    public List<String> command(int ranks, HeatProblem problem) {
        // each rank needs at least one interior row, and halos no deeper than the blocks allow: say so before launching
        DeepHaloBlock.requireDepth(haloDepth, new RowBlocks(problem.n(), ranks));
        if (failRank >= ranks) {
            throw new IllegalArgumentException("failRank " + failRank + " is not a rank of this run: use 0.." + (ranks - 1) + " or -1 for none");
        }
        List<String> cmd = mpirunCommand(ranks, mpirunPath, yieldWhenIdle);
        if (!gather && gridFile != null) {
            throw new IllegalArgumentException("a grid file needs the gathered grid: use gather(true) or gridFile(null)");
        }
        List<String> args = new ArrayList<>(List.of(Integer.toString(problem.n()), Integer.toString(problem.steps()),
                "--warmup", warmup == MpiHeatRank.AUTO_WARMUP ? "auto" : Integer.toString(warmup), "--repeat", Integer.toString(repeat),
                "--report-every", Integer.toString(reportEvery)));
        if (overlap) args.add("--overlap");
        if (haloDepth > 1) args.addAll(List.of("--halo-depth", Integer.toString(haloDepth)));
        if (!gather) args.add("--no-gather");
        if (problem.randomField()) args.addAll(List.of("--seed", Long.toString(problem.seed())));
        if (gridFile != null) args.addAll(List.of("--grid-out", gridFile.toAbsolutePath().toString()));
        if (failRank >= 0) args.addAll(List.of("--fail-rank", Integer.toString(failRank)));
        cmd.addAll(Course.javaCommand(RANK_JVM_OPTIONS, RANK_MAIN, args.toArray(String[]::new)));
        return cmd;
    }

    /**
     * {@code mpirun -np K [--oversubscribe] --bind-to none [--mca mpi_yield_when_idle 1]}: the start of
     * every MPI command line of the course (see the class comment), for {@link MpiPool} too.
     */
    static List<String> mpirunCommand(int ranks, Path mpirunPath, boolean yieldWhenIdle) {
        Optional<Path> found = mpirunPath == null ? mpirun() : Optional.of(mpirunPath).filter(Files::isExecutable);
        Path mpirun = found.orElseThrow(() -> new MpiException((mpirunPath == null ? "mpirun was not found on the PATH"
                : "mpirun " + mpirunPath + " does not exist or is not executable")
                + ": install Open MPI (Debian: apt-get install openmpi-bin libopenmpi-dev) or set OPTPAR_MPIRUN"));
        List<String> cmd = new ArrayList<>(List.of(mpirun.toString(), "-np", Integer.toString(ranks)));
        if (ranks > Course.cores()) cmd.add("--oversubscribe");
        cmd.addAll(List.of("--bind-to", "none"));
        if (yieldWhenIdle) cmd.addAll(List.of("--mca", "mpi_yield_when_idle", "1"));
        return cmd;
    }

    /** Open MPI refuses to run as root unless told twice that it may (containers, CI). */
    static ChildProcess allowRoot(ChildProcess child) {
        if (runningAsRoot()) child.env("OMPI_ALLOW_RUN_AS_ROOT", "1").env("OMPI_ALLOW_RUN_AS_ROOT_CONFIRM", "1");
        return child;
    }

    /**
     * Runs the problem on {@code ranks} MPI ranks and returns rank 0's result.
     *
     * @throws IllegalArgumentException when the grid is too small for the rank count
     * @throws MpiException when mpirun is missing, a rank fails, or the run exceeds its time bound
     */
    public MpiHeatResult run(int ranks, HeatProblem problem) {
        List<String> cmd = command(ranks, problem);
        ChildProcess child = allowRoot(ChildProcess.of(cmd).timeout(timeout));
        environment.forEach(child::env);
        if (gridFile != null) {
            try {
                Files.deleteIfExists(gridFile);   // a stale grid must not pass for this run's
            } catch (IOException e) {
                throw new UncheckedIOException("cannot replace the grid file " + gridFile + ": " + e.getMessage(), e);
            }
        }
        // ChildProcess hands each line to us on this thread as it arrives (a notebook prints it from the
        // cell), and ends mpirun with every rank under it at the deadline or on Interrupt.
        child.onLine(line -> {
            if (!line.equals(INCUBATOR_WARNING)) output.accept(line);   // every rank JVM says it; it says nothing
        });
        long start = System.nanoTime();
        ChildProcess.Result r;
        try {
            r = child.run();
        } catch (ChildProcessException e) {
            if (Thread.currentThread().isInterrupted()) {
                throw new MpiException("interrupted while waiting for mpirun -np " + ranks + "; its processes were ended", e);
            }
            if (e.getMessage().contains("did not finish within")) {
                throw new MpiException("mpirun -np " + ranks + " did not finish within " + timeout.toSeconds()
                        + " s and was ended with all its ranks (shrink n or steps, or raise the launcher's timeout)", e);
            }
            throw new MpiException("mpirun -np " + ranks + ": " + e.getMessage(), e);
        }
        double wall = (System.nanoTime() - start) / 1e9;
        List<String> lines = r.allLines();
        if (r.exitCode() != 0) {
            throw new MpiException("mpirun -np " + ranks + " failed (exit " + r.exitCode() + "): " + firstError(lines));
        }
        String resultLine = r.stdout().stream().filter(l -> l.startsWith(MpiHeatRank.RESULT_TAG + " ")).reduce((x, y) -> y)
                .orElseThrow(() -> new MpiException("mpirun -np " + ranks + " ended without rank 0's " + MpiHeatRank.RESULT_TAG
                        + " line: " + firstError(lines)));
        return MpiHeatResult.parse(resultLine, wall, gridFile, lines);
    }

    /** The line that best says what went wrong: a rank's "error:" line, else mpirun's last words. */
    static String firstError(List<String> lines) {
        for (String line : lines) {
            if (line.contains("error: ")) return line.trim();
        }
        List<String> meaningful = lines.stream().map(String::trim)
                .filter(l -> !l.isEmpty() && !l.startsWith("---")).toList();
        if (meaningful.isEmpty()) return "no output";
        return String.join(" ", meaningful.subList(Math.max(0, meaningful.size() - 3), meaningful.size()));
    }
}
