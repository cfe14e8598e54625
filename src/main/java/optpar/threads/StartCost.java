package optpar.threads;

import java.time.Duration;
import java.util.List;
import optpar.process.ChildProcess;

/**
 * What it costs to start a unit of parallel work, measured: a platform thread (an OS thread), a
 * virtual thread (a JVM-scheduled thread on top of a few OS threads), and a process (a whole child
 * JVM through {@link ChildProcess}). The lecture: "very little overhead to start or stop a Thread";
 * a process "takes some time to start up". Here is how much.
 *
 * <pre>{@code
 * double thread  = StartCost.platformThread(1000);   // seconds per start+join, e.g. 4e-5
 * double virtual = StartCost.virtualThread(1000);    // e.g. 1e-6
 * double jvm     = StartCost.childJvm(3);            // e.g. 0.08 (a JVM that does nothing)
 * }</pre>
 */
public final class StartCost {
    private StartCost() {}

    /** Seconds to start and join one platform thread that does nothing (mean of {@code count}). */
    public static double platformThread(int count) {
        return threads(count, Thread.ofPlatform());
    }

    /** Seconds to start and join one virtual thread that does nothing (mean of {@code count}). */
    public static double virtualThread(int count) {
        return threads(count, Thread.ofVirtual());
    }

    private static double threads(int count, Thread.Builder builder) {
        if (count < 1 || count > 1_000_000) {
            throw new IllegalArgumentException("count=" + count + " is not allowed: use 1 to 1000000");
        }
        Runnable nothing = () -> { };
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            Thread t = builder.start(nothing);
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while joining a thread", e);
            }
        }
        return (System.nanoTime() - start) / 1e9 / count;
    }

    /** The longest a child JVM that does nothing may take before it is killed. */
    public static final long CHILD_TIMEOUT_SECONDS = 30;

    /**
     * Seconds to start a child JVM that does nothing ({@link Noop}) and wait for it to exit (mean of
     * {@code count}). Each child has a time bound; on expiry it is killed and this throws.
     *
     * @throws IllegalArgumentException when count is not in [1, 100]
     * @throws IllegalStateException    when a child fails or runs past the bound
     */
    public static double childJvm(int count) {
        if (count < 1 || count > 100) throw new IllegalArgumentException("count=" + count + " is not allowed: use 1 to 100");
        List<String> cmd = ChildProcess.javaCommand(List.of(), Noop.class.getName());
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) runBounded(cmd);
        return (System.nanoTime() - start) / 1e9 / count;
    }

    static void runBounded(List<String> cmd) {
        ChildProcess.of(cmd).timeout(Duration.ofSeconds(CHILD_TIMEOUT_SECONDS)).run().requireSuccess();
    }
}
