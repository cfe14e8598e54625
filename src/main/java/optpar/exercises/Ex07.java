package optpar.exercises;

import optpar.Course;
import optpar.mandelbrot.MandelbrotProblem;
import optpar.mandelbrot.ScalarMandelbrot;
import optpar.threads.WorkerProcessPool;
import optpar.threads.StartCost;
import optpar.threads.WorkerTask;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** The exercises of notebook 07, threads and processes. */
public final class Ex07 {
    private Ex07() {}

    /** Exercise 1: reuse beats start. */
    public static final One one = new One();
    /** Exercise 2: when do processes pay off? */
    public static final Two two = new Two();
    /** Exercise 3: how many can wait? */
    public static final Three three = new Three();

    /** Seconds per empty task submitted to a fixed pool of 2 and waited for (the second of two rounds). */
    static double pooledTaskSeconds(int tasks) throws Exception {
        double perTask = Double.NaN;
        try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
            for (int round = 0; round < 2; round++) {
                long t0 = System.nanoTime();
                List<Future<?>> fs = new ArrayList<>();
                for (int i = 0; i < tasks; i++) fs.add(pool.submit(() -> { }));
                for (Future<?> f : fs) f.get();
                perTask = (System.nanoTime() - t0) / 1e9 / tasks;
            }
        }
        return perTask;
    }

    public static final class One extends Exercise {
        One() {
            super("07", 1, "reuse beats start",
                    "try (ExecutorService pool = Executors.newFixedThreadPool(2)) { submit 1000 tasks () -> { }, keep the futures, get() each }",
                    "time the submits and the gets together, divide by 1000; measure twice and keep the second (the first warms up)",
                    "Ex07.one.check(perTaskSeconds)");
        }

        /** Your seconds per pooled task: between what a hand-off can cost (10 ns) and what the check measures for a new thread. */
        public Outcome judge(double perTaskSeconds) {
            if (!(perTaskSeconds > 0)) return Outcome.notSolved("no time per task yet (give it in seconds)");
            Bounded.Attempt<double[]> own = Bounded.call("the check's own measurement", Bounded.defaultBound(),
                    () -> new double[] {pooledTaskSeconds(1000), StartCost.platformThread(200)});
            if (own.failed()) return own.failure();
            double task = own.value()[0], thread = own.value()[1];
            String both = String.format(Locale.ROOT, "this check measured %.1f us per pooled task and %.1f us per new thread; you gave %.1f us",
                    task * 1e6, thread * 1e6, perTaskSeconds * 1e6);
            // Timings of microseconds vary by tens of times between runs (a cold pool, a busy core): judge the order of things.
            if (perTaskSeconds > 1e-3) return Outcome.wrong("more than a millisecond per task: did you give microseconds instead of seconds, or time the pool's start? " + both);
            if (perTaskSeconds >= thread) return Outcome.wrong("as slow as starting a thread per task: were the tasks submitted to one pool, started once? " + both);
            if (perTaskSeconds < 1e-8) return Outcome.wrong("under 10 ns per task is less than a hand-off can cost: did you wait for every get()? " + both);
            return Outcome.solved(both + ". A pooled task is a queue hand-off; a new thread asks the OS for a stack and a schedulable thread");
        }

        public void check(double perTaskSeconds) { report(() -> judge(perTaskSeconds)); }

        public void mustPass(double perTaskSeconds) { require(() -> judge(perTaskSeconds)); }
    }

    public static final class Two extends Exercise {
        Two() {
            super("07", 2, "when do processes pay off?",
                    "try (var pool = new WorkerProcessPool(2)) { ... } starts the two workers once, outside the timing",
                    "jobs: 8 bands {200, 100, maxIter, b * 100 / 8, (b + 1) * 100 / 8}; time pool.map(WorkerTask.MANDELBROT_ROWS, jobs) against new ScalarMandelbrot().compute(p, 1)",
                    "pass the smallest maxIter you tried at which the processes won: Ex07.two.check(maxIter)");
        }

        /** At your maxIter, 2 worker processes (8 bands) are at least as fast as this JVM's one thread (median ratio of rounds). */
        public Outcome judge(int breakEvenMaxIter) {
            if (breakEvenMaxIter <= 0) return Outcome.notSolved("no maxIter yet");
            if (breakEvenMaxIter > 100_000) return Outcome.wrong("maxIter " + breakEvenMaxIter + " is far past the break-even: try 200, 1000, 5000");
            var p = new MandelbrotProblem(200, 100, breakEvenMaxIter);
            List<double[]> jobs = new ArrayList<>();
            for (int b = 0; b < 8; b++) jobs.add(new double[] {200, 100, breakEvenMaxIter, b * 100 / 8, (b + 1) * 100 / 8});
            Bounded.Attempt<Outcome> o = Bounded.call("the check's measurement", java.time.Duration.ofSeconds(Course.size(180, 90)), () -> {
                try (var pool = new WorkerProcessPool(2)) {
                    return Speed.target(1.0, "2 processes at least as fast as 1 thread in this JVM")
                            .compare("this JVM on 1 thread", () -> new ScalarMandelbrot().compute(p, 1),
                                    "2 worker processes", () -> pool.map(WorkerTask.MANDELBROT_ROWS, jobs));
                }
            });
            if (o.failed()) return o.failure();
            Outcome speed = o.value();
            if (speed.status() == Outcome.Status.TOO_SLOW) {
                return new Outcome(Outcome.Status.WRONG, "at maxIter " + breakEvenMaxIter + " the processes do not win here: " + speed.message());
            }
            return speed.solved() ? Outcome.solved("at maxIter " + breakEvenMaxIter + ": processes " + speed.message()
                    + ". Each band sends five numbers and gets its counts back; once a band costs milliseconds, the work outweighs the messages") : speed;
        }

        public void check(int breakEvenMaxIter) { report(() -> judge(breakEvenMaxIter)); }

        public void mustPass(int breakEvenMaxIter) { require(() -> judge(breakEvenMaxIter)); }
    }

    public static final class Three extends Exercise {
        Three() {
            super("07", 3, "how many can wait?",
                    "Map<Integer, Double> virtual = new TreeMap<>(); for (int c : new int[] {1_000, 10_000, 100_000}) virtual.put(c, WaitingWork.onVirtualThreads(c, 100));",
                    "double platform = WaitingWork.onPlatformPool(100, 1_000, 100);",
                    "Ex07.three.check(virtual, platform)");
        }

        /**
         * Virtual threads: the time grows far less than the number of tasks (each waits 100 ms at the same time);
         * 1000 tasks on 100 platform threads cannot take less than 10 waits.
         */
        public Outcome judge(Map<Integer, Double> virtualSecondsByTasks, double platformPool1000Seconds) {
            if (virtualSecondsByTasks == null || virtualSecondsByTasks.size() < 2) return Outcome.notSolved("time at least two task counts on virtual threads (1,000 and 10,000)");
            if (!(platformPool1000Seconds > 0)) return Outcome.notSolved("the virtual threads are timed; now 1,000 tasks on WaitingWork.onPlatformPool(100, 1_000, 100)");
            TreeMap<Integer, Double> v = new TreeMap<>(virtualSecondsByTasks);
            for (var e : v.entrySet()) {
                if (e.getValue() < 0.1 * 0.95) return Outcome.wrong(e.getKey() + " tasks of 100 ms took " + e.getValue() + " s: less than one wait; are they the 100 ms tasks?");
            }
            int fewest = v.firstKey(), most = v.lastKey();
            double growth = v.get(most) / v.get(fewest), tasksGrowth = most / (double) fewest;
            if (growth > 0.7 * tasksGrowth) {                   // nearly proportional: a fixed pool, not one thread per task
                return Outcome.wrong(String.format(Locale.ROOT, "from %d to %d tasks the time grew %.1fx: virtual threads should wait together (was it a platform pool?)", fewest, most, growth));
            }
            if (platformPool1000Seconds < 0.95) {
                return Outcome.wrong(String.format(Locale.ROOT, "%.2f s for 1,000 tasks of 100 ms on 100 threads is impossible: 100 at a time take at least 10 waits (1 s); "
                        + "did you run 1,000 tasks of 100 ms on a pool of 100?", platformPool1000Seconds));
            }
            return Outcome.solved(String.format(Locale.ROOT, "virtual threads: %d -> %d tasks, the time grew %.1fx; the platform pool took %.2f s (10 waits). "
                    + "A waiting virtual thread is a small heap object, not an OS thread: all wait at once", fewest, most, growth, platformPool1000Seconds));
        }

        public void check(Map<Integer, Double> virtualSecondsByTasks, double platformPool1000Seconds) { report(() -> judge(virtualSecondsByTasks, platformPool1000Seconds)); }

        public void mustPass(Map<Integer, Double> virtualSecondsByTasks, double platformPool1000Seconds) { require(() -> judge(virtualSecondsByTasks, platformPool1000Seconds)); }
    }
}
