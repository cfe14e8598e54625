package optpar.jit;

import optpar.Course;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a main class of the course in a fresh child JVM, with extra JVM flags and a time bound.
 *
 * <p>Why a child JVM: the JIT's state (what is compiled, the type profiles) belongs to one JVM.
 * To see a method warm up from cold, or to run with {@code -Xint}, we need a JVM that has not run
 * it yet and that started with those flags. This is also what JMH does with its forks.
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
     * Starts {@code mainClass} with {@link Course#javaCommand} plus {@code jvmFlags}, waits at most
     * {@code timeout}, and returns its output.
     *
     * @throws IllegalArgumentException when the JVM rejects one of the flags (its own one-line reason)
     * @throws IllegalStateException    when the child runs longer than {@code timeout} (it is killed)
     *                                  or exits with an error (the last line it printed on stderr)
     */
    public static Result run(List<String> jvmFlags, String mainClass, Duration timeout, String... args) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout " + timeout + " is not allowed: it must be positive");
        }
        List<String> cmd = Course.javaCommand(jvmFlags, mainClass, args);
        Path out = null, err = null;
        Process p = null;
        long start = System.nanoTime();
        try {
            // Output goes to files, not pipes: a child that prints a lot can never block on a full pipe.
            out = Files.createTempFile("optpar-child", ".out");
            err = Files.createTempFile("optpar-child", ".err");
            p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                throw new IllegalStateException("child JVM (" + mainClass + " " + String.join(" ", jvmFlags)
                        + ") ran longer than " + timeout.toMillis() + " ms and was stopped; give it a smaller problem or a longer timeout");
            }
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
            List<String> stdout = Files.readAllLines(out, StandardCharsets.UTF_8);
            List<String> stderr = Files.readAllLines(err, StandardCharsets.UTF_8);
            if (p.exitValue() != 0) {
                String reason = firstMatching(stderr, "Unrecognized VM option", "Improperly specified VM option",
                        "Error: VM option", "Missing +/- setting");
                String childError = firstMatching(stderr, "optpar-error ");
                if (childError != null) {
                    throw new IllegalArgumentException(childError.substring(childError.indexOf("optpar-error ") + 13));
                }
                if (reason != null) {
                    throw new IllegalArgumentException("the child JVM rejected its flags " + jvmFlags + ": " + reason.trim());
                }
                throw new IllegalStateException("child JVM " + mainClass + " exited with code " + p.exitValue()
                        + ": " + lastNonBlank(stderr));
            }
            return new Result(stdout, stderr, elapsed);
        } catch (IOException e) {
            throw new IllegalStateException("could not start a child JVM (" + cmd.getFirst() + "): " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the child JVM", e);
        } finally {
            if (p != null && p.isAlive()) p.destroyForcibly();
            deleteQuietly(out);
            deleteQuietly(err);
        }
    }

    private static String firstMatching(List<String> lines, String... starts) {
        for (String line : lines) {
            for (String s : starts) if (line.contains(s)) return line;
        }
        return null;
    }

    private static String lastNonBlank(List<String> lines) {
        List<String> rev = new ArrayList<>(lines);
        for (int i = rev.size() - 1; i >= 0; i--) if (!rev.get(i).isBlank()) return rev.get(i).trim();
        return "(no message)";
    }

    private static void deleteQuietly(Path p) {
        if (p == null) return;
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // a leftover temp file is harmless
        }
    }
}
