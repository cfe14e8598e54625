package optpar.jit;

import optpar.process.ChildProcess;
import optpar.process.ChildProcessException;

import java.time.Duration;
import java.util.List;

/**
 * Runs a main class of the course in a fresh child JVM, with extra JVM flags and a time bound.
 *
 * <p>Why a child JVM: the JIT's state (what is compiled, the type profiles) belongs to one JVM.
 * To see a method warm up from cold, or to run with {@code -Xint}, we need a JVM that has not run
 * it yet and that started with those flags. This is also what JMH does with its forks.
 * The child runs through {@link ChildProcess} (output to files, the tree stopped at the bound);
 * what this class adds is the JVM's own reason when it rejects a flag.
 *
 * <pre>{@code
 * ChildJvm.Result r = ChildJvm.run(List.of("-Xint"), "optpar.jit.TimedKernel", Duration.ofSeconds(30),
 *         "mandelbrot", "scalar", "300", "200", "20", "1", "3");
 * r.stderr().forEach(System.out::println);
 * }</pre>
 */
public final class ChildJvm {
    private ChildJvm() {}

    /** What a finished child printed, and how long it ran. */
    public record Result(List<String> stdout, List<String> stderr, Duration elapsed) {}

    /**
     * Starts {@code mainClass} with {@link ChildProcess#javaCommand} plus {@code jvmFlags}, waits at most
     * {@code timeout}, and returns its output.
     *
     * @throws IllegalArgumentException when the JVM rejects one of the flags (its own one-line reason)
     * @throws ChildProcessException    when the child runs longer than {@code timeout} (it is stopped)
     *                                  or exits with an error (its last lines)
     */
    public static Result run(List<String> jvmFlags, String mainClass, Duration timeout, String... args) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout " + timeout + " is not allowed: it must be positive");
        }
        ChildProcess.Result r = ChildProcess.of(ChildProcess.javaCommand(jvmFlags, mainClass, args))
                .timeout(timeout).run();
        if (!r.succeeded()) {
            String childError = firstMatching(r.stderr(), "optpar-error ");
            if (childError != null) {
                throw new IllegalArgumentException(childError.substring(childError.indexOf("optpar-error ") + 13));
            }
            String reason = firstMatching(r.stderr(), "Unrecognized VM option", "Improperly specified VM option",
                    "Error: VM option", "Missing +/- setting");
            if (reason != null) {
                throw new IllegalArgumentException("the child JVM rejected its flags " + jvmFlags + ": " + reason.trim());
            }
            r.requireSuccess();
        }
        return new Result(r.stdout(), r.stderr(), r.elapsed());
    }

    private static String firstMatching(List<String> lines, String... parts) {
        for (String line : lines) {
            for (String s : parts) if (line.contains(s)) return line;
        }
        return null;
    }
}
