package optpar.threads;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import optpar.process.ChildProcess;
import optpar.mandelbrot.MandelbrotProblem;

/**
 * Multithreading you did not ask for, and how to turn it down: the Java counterpart of the lecture's
 * BLAS threads and {@code OMP_NUM_THREADS=1}.
 *
 * <p>A parallel stream (and {@code Arrays.parallelSort}, {@code CompletableFuture.supplyAsync} without an
 * executor...) runs on the JVM's <em>common fork-join pool</em>. Its size is set once, at JVM start,
 * by {@code -Djava.util.concurrent.ForkJoinPool.common.parallelism=P} (default: cores - 1, because the
 * calling thread helps). It cannot be changed afterwards, so each setting is measured in its own
 * child JVM. On a shared batch node, this is the knob to turn down.
 *
 * <pre>{@code
 * var r = ImplicitParallelism.measure(1, new MandelbrotProblem(600, 400, 200), 3);
 * r.threads();   // 2: the one pool worker and the calling thread
 * r.seconds();   // best of 3
 * }</pre>
 */
public final class ImplicitParallelism {
    private ImplicitParallelism() {}

    /** The longest a probe JVM may run before it is killed. */
    public static final long TIMEOUT_SECONDS = 120;

    /**
     * One child JVM's answer.
     *
     * @param requested   the parallelism asked for on the command line (-1: the JVM's default)
     * @param parallelism what the common pool reported
     * @param threads     how many different threads computed rows
     * @param seconds     best time of the repeats
     * @param checksum    the Mandelbrot checksum (the same for every setting)
     */
    public record Result(int requested, int parallelism, int threads, double seconds, long checksum) {}

    /**
     * Runs one parallel stream over the Mandelbrot rows in a child JVM whose common pool has
     * {@code parallelism} workers ({@code -1}: leave the JVM's default).
     *
     * @throws IllegalArgumentException when parallelism is below -1 or above 256, or repeats not in [1, 20]
     * @throws IllegalStateException    when the child fails or runs past two minutes (it is then killed)
     */
    public static Result measure(int parallelism, MandelbrotProblem problem, int repeats) {
        if (parallelism < -1 || parallelism > 256) {
            throw new IllegalArgumentException("parallelism=" + parallelism + " is not allowed: use 0 to 256, or -1 for the default");
        }
        if (repeats < 1 || repeats > 20) throw new IllegalArgumentException("repeats=" + repeats + " is not allowed: use 1 to 20");
        List<String> jvm = new ArrayList<>();
        if (parallelism >= 0) jvm.add("-Djava.util.concurrent.ForkJoinPool.common.parallelism=" + parallelism);
        List<String> cmd = ChildProcess.javaCommand(jvm, CommonPoolProbe.class.getName(),
                String.valueOf(problem.width()), String.valueOf(problem.height()), String.valueOf(problem.maxIter()),
                String.valueOf(repeats));
        String line = runBounded(cmd);
        Map<String, String> kv = new HashMap<>();
        for (String part : line.trim().split("\\s+")) {
            String[] pair = part.split("=", 2);
            if (pair.length == 2) kv.put(pair[0], pair[1]);
        }
        try {
            return new Result(parallelism, Integer.parseInt(kv.get("parallelism")), Integer.parseInt(kv.get("threads")),
                    Double.parseDouble(kv.get("seconds")), Long.parseLong(kv.get("checksum")));
        } catch (RuntimeException e) {
            throw new IllegalStateException("the probe JVM printed something unexpected: " + line);
        }
    }

    private static String runBounded(List<String> cmd) {
        ChildProcess.Result r = ChildProcess.of(cmd).timeout(Duration.ofSeconds(TIMEOUT_SECONDS)).run().requireSuccess();
        return String.join("\n", r.stdout());
    }
}
