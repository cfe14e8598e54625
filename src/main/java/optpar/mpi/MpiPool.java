package optpar.mpi;

import optpar.Course;
import optpar.batch.BatchReport;
import optpar.batch.JobResult;
import optpar.batch.ReduceJob;
import optpar.batch.Reduction;
import optpar.process.ChildProcess;
import optpar.process.ChildProcessException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;

/**
 * The lecture's {@code MPIPoolExecutor} by hand: a master/worker pool over MPI ranks for many
 * independent jobs (notebook 12's batch). Rank 0 is the master: it hands out one job at a time with
 * {@code MPI_Send}, and whichever worker answers first ({@code MPI_Recv} from {@code MPI_ANY_SOURCE})
 * gets the next one, so fast workers take more jobs. Workers run the job and send back its number and
 * time. Only job numbers travel: the jobs' files are on a file system every rank sees, as on a cluster.
 *
 * <pre>{@code
 * List<ReduceJob> jobs = ReduceJob.forFiles(raw, Path.of("reduced-mpi"), 300);
 * BatchReport r = new MpiPool(3).run(jobs);   // mpirun -np 3: one master, two workers
 * System.out.println(r);                      // "MPI pool (1 master + 2 workers): 40 jobs in 3.1 s ..."
 * }</pre>
 *
 * <pre>
 * master (rank 0)                         worker (rank 1..K-1)
 *   send job 0 to 1, job 1 to 2, ...        loop: recv from 0
 *   loop: recv result from ANY_SOURCE              tag STOP? end
 *         send next job (or STOP) to it            run the job, send [job, ms] to 0
 * </pre>
 * Every rank is a JVM started by {@code mpirun}; the seconds reported are the master's, from the first
 * job sent to the last result (the JVMs' start-up is in {@link #lastWallSeconds()}).
 */
public final class MpiPool {
    /** The main class every rank runs. */
    public static final String RANK_MAIN = Rank.class.getName();
    static final String JOB_TAG = "MPI_POOL_JOB", DONE_TAG = "MPI_POOL_DONE";
    private static final int TAG_WORK = 1, TAG_STOP = 2, TAG_RESULT = 3;

    private final int ranks;
    private Duration timeout = Duration.ofMinutes(5);
    private Consumer<String> output = line -> {};
    private double lastWall = Double.NaN;

    /**
     * A pool of {@code ranks} MPI processes: one master and {@code ranks - 1} workers.
     *
     * @throws IllegalArgumentException when there is no room for a worker (fewer than 2 ranks)
     */
    public MpiPool(int ranks) {
        if (ranks < 2) throw new IllegalArgumentException("an MPI pool needs at least 2 ranks (a master and a worker), not " + ranks);
        this.ranks = ranks;
    }

    /** The most the whole mpirun may take (default 5 minutes); past it every rank is ended. */
    public MpiPool timeout(Duration bound) {
        if (bound.isNegative() || bound.isZero()) throw new IllegalArgumentException("timeout " + bound + " is not allowed: it must be positive");
        this.timeout = bound;
        return this;
    }

    /** Receives every line mpirun and the ranks print. */
    public MpiPool output(Consumer<String> sink) {
        this.output = sink;
        return this;
    }

    /** The whole last mpirun as this JVM saw it, JVM start-ups included. */
    public double lastWallSeconds() {
        return lastWall;
    }

    /**
     * Runs every job on the workers and returns when all are done.
     *
     * @throws MpiException when mpirun is missing, a rank fails, or the run exceeds its time bound
     */
    public BatchReport run(List<ReduceJob> jobs) {
        if (jobs.isEmpty()) throw new IllegalArgumentException("no jobs to run: give at least one");
        Path list;
        try {
            list = Files.createTempFile("optpar-mpi-pool-", ".jobs");
            List<String> lines = new ArrayList<>();
            for (ReduceJob j : jobs) lines.add(j.id() + "\t" + j.in() + "\t" + j.out() + "\t" + j.work());
            Files.write(list, lines);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the job list: " + e.getMessage(), e);
        }
        List<String> cmd = MpiHeatLauncher.mpirunCommand(ranks, null, true);
        cmd.addAll(Course.javaCommand(List.of("-XX:+UseSerialGC", "-Xmx256m"), RANK_MAIN, list.toString()));
        ChildProcess.Result r;
        long start = System.nanoTime();
        try {
            r = MpiHeatLauncher.allowRoot(ChildProcess.of(cmd).timeout(timeout)).onLine(line -> {
                if (!line.startsWith(JOB_TAG) && !line.startsWith("WARNING: Using incubator")) output.accept(line);
            }).run();
        } catch (ChildProcessException e) {
            throw new MpiException("the MPI pool (mpirun -np " + ranks + "): " + e.getMessage(), e);
        } finally {
            try {
                Files.deleteIfExists(list);
            } catch (IOException ignored) {
                // a temporary file left behind: harmless
            }
        }
        lastWall = (System.nanoTime() - start) / 1e9;
        if (r.exitCode() != 0) {
            throw new MpiException("the MPI pool (mpirun -np " + ranks + ") failed (exit " + r.exitCode() + "): "
                    + MpiHeatLauncher.firstError(r.allLines()));
        }
        Map<Integer, ReduceJob> byId = new HashMap<>();
        for (ReduceJob j : jobs) byId.put(j.id(), j);
        List<JobResult> results = new ArrayList<>();
        double seconds = Double.NaN;
        for (String line : r.stdout()) {
            Map<String, String> f = fields(line);
            if (line.startsWith(JOB_TAG + " ")) {
                ReduceJob job = byId.get(Integer.parseInt(f.get("job")));
                results.add(new JobResult(job.id(), Reduction.read(Path.of(job.out())).getFirst(), "rank " + f.get("worker"),
                        Double.parseDouble(f.get("millis")), 1));
            } else if (line.startsWith(DONE_TAG + " ")) {
                seconds = Double.parseDouble(f.get("seconds"));
            }
        }
        if (results.size() != jobs.size() || Double.isNaN(seconds)) {
            throw new MpiException("the MPI pool reported " + results.size() + " of " + jobs.size() + " jobs: "
                    + MpiHeatLauncher.firstError(r.allLines()));
        }
        return new BatchReport("MPI pool (1 master + " + (ranks - 1) + " workers)", ranks - 1, results, seconds, 0,
                List.of(String.format(java.util.Locale.ROOT, "whole mpirun %.1f s (JVM start-ups included)", lastWall)));
    }

    private static Map<String, String> fields(String line) {
        Map<String, String> f = new HashMap<>();
        for (String w : line.trim().split("\\s+")) {
            int eq = w.indexOf('=');
            if (eq > 0) f.put(w.substring(0, eq), w.substring(eq + 1));
        }
        return f;
    }

    /** The program of every rank: {@code Rank JOBFILE}; rank 0 is the master, the others work. */
    public static final class Rank {
        private Rank() {}

        public static void main(String[] args) {
            Mpi.runRank(mpi -> {                           // a failing rank ends the whole job
                if (args.length != 1) throw new IllegalArgumentException("usage: MpiPool$Rank JOBFILE");
                List<ReduceJob> jobs = new ArrayList<>();
                for (String line : Files.readAllLines(Path.of(args[0]))) {
                    String[] f = line.split("\t");
                    jobs.add(new ReduceJob(Integer.parseInt(f[0]), f[1], f[2], Integer.parseInt(f[3])));
                }
                if (mpi.rank() == 0) master(mpi, jobs);
                else worker(mpi, jobs);
            });
        }

        /** Hands out jobs one by one; whoever returns a result gets the next; STOP when none is left. */
        private static void master(Mpi mpi, List<ReduceJob> jobs) {
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment order = arena.allocate(JAVA_DOUBLE), result = arena.allocate(JAVA_DOUBLE, 2);
                double start = mpi.wtime();
                int next = 0, busy = 0;
                for (int w = 1; w < mpi.size(); w++) {          // one job for every worker to start with
                    if (next < jobs.size()) {
                        order.set(JAVA_DOUBLE, 0, next++);
                        mpi.send(order, w, TAG_WORK);
                        busy++;
                    } else {
                        mpi.send(order, w, TAG_STOP);
                    }
                }
                while (busy > 0) {
                    Mpi.Received from = mpi.recv(result, Mpi.ANY_SOURCE, TAG_RESULT);   // the first to finish
                    int job = (int) result.getAtIndex(JAVA_DOUBLE, 0);
                    System.out.println(JOB_TAG + " job=" + jobs.get(job).id() + " worker=" + from.source()
                            + " millis=" + result.getAtIndex(JAVA_DOUBLE, 1));
                    if (next < jobs.size()) {
                        order.set(JAVA_DOUBLE, 0, next++);
                        mpi.send(order, from.source(), TAG_WORK);
                    } else {
                        mpi.send(order, from.source(), TAG_STOP);
                        busy--;
                    }
                }
                System.out.println(DONE_TAG + " seconds=" + (mpi.wtime() - start));
            }
        }

        /** Runs the job it is sent and answers with [job index, milliseconds], until STOP. */
        private static void worker(Mpi mpi, List<ReduceJob> jobs) {
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment order = arena.allocate(JAVA_DOUBLE), result = arena.allocate(JAVA_DOUBLE, 2);
                while (true) {
                    Mpi.Received got = mpi.recv(order, 0, Mpi.ANY_TAG);
                    if (got.tag() == TAG_STOP) return;
                    int job = (int) order.get(JAVA_DOUBLE, 0);
                    JobResult r = jobs.get(job).runHere("rank " + mpi.rank(), 1);
                    result.setAtIndex(JAVA_DOUBLE, 0, job);
                    result.setAtIndex(JAVA_DOUBLE, 1, r.millis());
                    mpi.send(result, 0, TAG_RESULT);
                }
            }
        }
    }
}
