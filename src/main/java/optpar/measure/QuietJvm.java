package optpar.measure;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;

/**
 * Lets this JVM's own background work finish before child processes are timed on the same cores.
 *
 * <p>A notebook's kernel is a JVM that keeps working after a cell seems done: its JIT compilers go on
 * compiling (the kernel compiles every cell with javac, whose hot code C2 then compiles for seconds),
 * and its garbage collector cleans up the grids the serial timings left behind. On a machine with few
 * cores that work shares the cores with the MPI ranks or worker processes being timed next: here one
 * MPI rank ran 0.22-0.30 s after the serial timings' garbage, 0.21-0.23 s after a collection, and an
 * idle kernel's compiler threads used several percent of a core for seconds after each cell.
 *
 * <pre>{@code
 * QuietJvm.Settled s = QuietJvm.settle(Duration.ofSeconds(2));   // a full GC, then until the JIT is idle
 * MpiHeatResult r = launcher.run(2, problem);
 * }</pre>
 */
public final class QuietJvm {
    private QuietJvm() {}

    /** How long {@link #settle} waited, and whether the JIT compilers went idle within the bound. */
    public record Settled(long waitedMillis, boolean jitIdle) {}

    /** How often the JIT's total compilation time is read, and how long it must stay unchanged. */
    private static final long POLL_MILLIS = 50, IDLE_MILLIS = 150;

    /**
     * A full garbage collection, then waits until the JIT compilers have compiled nothing for
     * {@value #IDLE_MILLIS} ms, or {@code max} has passed.
     *
     * @throws IllegalArgumentException when {@code max} is not positive
     */
    public static Settled settle(Duration max) {
        if (max.isNegative() || max.isZero()) {
            throw new IllegalArgumentException("a settle bound of " + max + " is not allowed: give a positive duration");
        }
        long start = System.nanoTime(), deadline = start + max.toNanos();
        System.gc();
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        if (jit == null || !jit.isCompilationTimeMonitoringSupported()) {
            return new Settled((System.nanoTime() - start) / 1_000_000, false);
        }
        long last = jit.getTotalCompilationTime(), quietSince = System.nanoTime();
        while (System.nanoTime() < deadline) {
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();   // Interrupt in a notebook: stop waiting, keep the flag
                break;
            }
            long now = jit.getTotalCompilationTime();
            if (now != last) {
                last = now;
                quietSince = System.nanoTime();
            } else if (System.nanoTime() - quietSince >= IDLE_MILLIS * 1_000_000) {
                return new Settled((System.nanoTime() - start) / 1_000_000, true);
            }
        }
        return new Settled((System.nanoTime() - start) / 1_000_000, false);
    }
}
