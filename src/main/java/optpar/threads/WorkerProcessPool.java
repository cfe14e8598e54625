package optpar.threads;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import optpar.process.ChildProcess;

/**
 * A pool of long-lived worker <em>processes</em>: the Java counterpart of Python's {@code ProcessPoolExecutor}
 * and {@code multiprocessing.Pool}. Each worker is a child JVM ({@link WorkerMain}); jobs and their
 * data travel to it through a pipe and the answers travel back.
 *
 * <p>In Python this is how to use all cores despite the GIL. In Java, threads already use all
 * cores, so a process pool is only worth its costs (a JVM start per worker, every number copied
 * twice) when you need isolation: a crash or memory leak in a job cannot take the caller down.
 * {@code 07-threads-and-processes} measures those costs.
 *
 * <pre>{@code
 * try (var pool = new WorkerProcessPool(2)) {                 // starts 2 child JVMs
 *     Future<double[]> f = pool.submit(WorkerTask.SLOW_SQUARE, new double[] {10, 500});
 *     f.isDone();                                             // false: still sleeping
 *     f.get()[0];                                             // 100.0
 *     List<double[]> out = pool.map(WorkerTask.SQUARE, List.of(new double[] {1, 2}, new double[] {3}));
 * }                                                           // close(): the children exit (or are killed)
 * }</pre>
 */
public final class WorkerProcessPool implements AutoCloseable {
    /** The most workers one pool may start. */
    public static final int MAX_WORKERS = 64;
    /** How long starting the workers may take before the pool gives up and kills them. */
    public static final Duration START_BOUND = Duration.ofSeconds(60);
    /** How long a worker may take to exit after its stdin is closed before it is killed. */
    public static final Duration EXIT_BOUND = Duration.ofSeconds(5);
    /** The default bound of {@link #map(WorkerTask, List)}. */
    public static final Duration MAP_BOUND = Duration.ofSeconds(120);

    private final List<Worker> workers = new ArrayList<>();
    private final BlockingQueue<Worker> idle = new LinkedBlockingQueue<>();
    // One dispatching (virtual) thread per submitted job; it waits for an idle worker, then talks to it.
    private final ExecutorService dispatch = Executors.newVirtualThreadPerTaskExecutor();
    private volatile boolean closed;

    /**
     * Starts {@code workers} child JVMs and waits until each has answered a first tiny job
     * (so the time to construct the pool is the time to start the processes).
     *
     * @throws IllegalArgumentException when workers is not in [1, 64]
     * @throws IllegalStateException    when a worker cannot be started in time (all are then killed)
     */
    public WorkerProcessPool(int workers) {
        if (workers < 1 || workers > MAX_WORKERS) {
            throw new IllegalArgumentException("workers=" + workers + " is not allowed: use 1 to " + MAX_WORKERS);
        }
        List<String> cmd = ChildProcess.javaCommand(List.of("-Xss512k"), WorkerMain.class.getName());
        try {
            for (int i = 0; i < workers; i++) {
                // stdin and stdout are the job pipe; stderr goes to a file (quoted when a worker fails)
                Worker w = new Worker(ChildProcess.of(cmd).pipedStdio().start());
                this.workers.add(w);
                idle.add(w);
            }
            // A first job for every worker at once: returns when all JVMs are up.
            List<Future<double[]>> pings = new ArrayList<>();
            for (int i = 0; i < workers; i++) pings.add(submit(WorkerTask.SQUARE, new double[] {i}));
            long deadline = System.nanoTime() + START_BOUND.toNanos();
            for (Future<double[]> f : pings) f.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (ExecutionException | TimeoutException | InterruptedException | RuntimeException e) {
            close();
            if (e instanceof InterruptedException) Thread.currentThread().interrupt();
            throw new IllegalStateException("could not start " + workers + " worker processes: " + e, e);
        }
    }

    /** How many worker processes this pool has. */
    public int size() {
        return workers.size();
    }

    /** The workers' process handles (pid, alive?), e.g. to check they ended after {@link #close()}. */
    public List<ProcessHandle> processes() {
        return workers.stream().map(w -> w.process.handle()).toList();
    }

    /**
     * Sends one job to the next idle worker; returns at once. Like Python's {@code pool.submit(work, x)}:
     * {@link Future#isDone()} polls without blocking, {@link Future#get()} blocks for the answer.
     *
     * @throws IllegalStateException when the pool is closed
     */
    public Future<double[]> submit(WorkerTask task, double[] input) {
        if (closed) throw new IllegalStateException("the pool is closed: make a new one");
        double[] copy = input.clone();   // the job must not see later changes by the caller
        return dispatch.submit(() -> {
            Worker w = idle.take();
            try {
                double[] out = w.call(task, copy);
                idle.add(w);
                return out;
            } catch (IllegalArgumentException e) {
                idle.add(w);             // the job was bad, the worker is fine
                throw e;
            } catch (IOException e) {
                // the worker died: it stays out of the idle queue for good; say what it printed last
                throw new IllegalStateException("worker process " + w.process.pid() + " died: " + e.getMessage()
                        + "; its last lines: " + w.process.linesSoFar(), e);
            }
        });
    }

    /** {@link #map(WorkerTask, List, Duration)} with a bound of two minutes. */
    public List<double[]> map(WorkerTask task, List<double[]> inputs) {
        return map(task, inputs, MAP_BOUND);
    }

    /**
     * Runs the task on every input across the workers and returns the answers in input order,
     * like {@code multiprocessing.Pool.map}. Blocks until all are done.
     *
     * @throws IllegalStateException when a job fails, or the bound passes (then the pool is closed and
     *                               its workers killed, so nothing is left running)
     */
    public List<double[]> map(WorkerTask task, List<double[]> inputs, Duration bound) {
        List<Future<double[]>> futures = new ArrayList<>();
        for (double[] x : inputs) futures.add(submit(task, x));
        long deadline = System.nanoTime() + bound.toNanos();
        List<double[]> out = new ArrayList<>();
        try {
            for (Future<double[]> f : futures) {
                out.add(f.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS));
            }
        } catch (TimeoutException e) {
            close();
            throw new IllegalStateException("map did not finish within " + bound + ": the pool was closed and its workers killed");
        } catch (ExecutionException e) {
            throw new IllegalStateException("a job failed: " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            throw new IllegalStateException("interrupted while waiting for the workers: the pool was closed", e);
        }
        return out;
    }

    /**
     * Closes every worker's stdin (it then exits by itself), waits up to five seconds for each, and
     * kills those still running. Safe to call twice.
     */
    @Override
    public void close() {
        closed = true;
        for (Worker w : workers) {
            try {
                w.out.close();
            } catch (IOException ignored) {
                // already gone: destroyForcibly below makes sure
            }
        }
        long deadline = System.nanoTime() + EXIT_BOUND.toNanos();
        for (Worker w : workers) {
            try {
                // waitFor stops the worker's tree itself when it does not exit within the bound
                w.process.waitFor(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
            } catch (RuntimeException e) {
                // stopped at the bound, or we were interrupted (the flag stays set): close() kills the rest
            } finally {
                w.process.close();
            }
        }
        dispatch.shutdownNow();   // ends dispatchers still waiting for a worker
    }

    /** One child JVM and the two ends of its pipes. */
    private static final class Worker {
        final ChildProcess.Running process;
        final DataOutputStream out;
        final DataInputStream in;

        Worker(ChildProcess.Running process) {
            this.process = process;
            this.out = new DataOutputStream(new BufferedOutputStream(process.stdin(), 1 << 16));
            this.in = new DataInputStream(new BufferedInputStream(process.stdout(), 1 << 16));
        }

        double[] call(WorkerTask task, double[] input) throws IOException {
            out.writeInt(task.ordinal());
            WorkerMain.writeDoubles(out, input);
            out.flush();
            int status = in.readInt();
            if (status != 0) throw new IllegalArgumentException(in.readUTF());
            return WorkerMain.readDoubles(in);
        }
    }
}
