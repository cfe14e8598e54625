package optpar;

import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.fail;

/** Test helper: asserts that a piece of code leaves no thread of its own running behind. */
public final class ThreadLeakCheck {
    private ThreadLeakCheck() {}

    /**
     * Runs {@code action}, then waits up to {@code grace} for every thread it started to end
     * (a pool's worker may still be unwinding for a moment after {@code close()}); fails naming the
     * threads that are still alive.
     */
    public static void assertNoLeftoverThreads(Runnable action, Duration grace) {
        Set<Thread> before = Thread.getAllStackTraces().keySet();
        action.run();
        long deadline = System.nanoTime() + grace.toNanos();
        Set<Thread> left;
        do {
            left = Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> !before.contains(t) && t.isAlive())
                    .collect(Collectors.toSet());
            if (left.isEmpty()) return;
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        } while (System.nanoTime() < deadline);
        fail("threads still running after the call returned: "
                + left.stream().map(Thread::getName).sorted().collect(Collectors.joining(", ")));
    }
}
