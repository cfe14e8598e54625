package optpar.measure;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * Runs a piece of code again and again for a while, so the JIT has compiled it before it is timed.
 *
 * <p>Why by time and not by count: C2 compiles in background threads, and in a busy JVM (a notebook
 * kernel also runs javac for every cell) its queue can be long. A count of calls that is plenty in a
 * quiet JVM may be over before C2 got to our method. Give it wall-clock time instead.
 *
 * <pre>{@code
 * int calls = WarmUp.runFor(Duration.ofMillis(500), () -> MegamorphicCalls.sumOneType(shapes));
 * var t = Timing.measure("one class", 5, 20, () -> MegamorphicCalls.sumOneType(shapes));
 * }</pre>
 */
public final class WarmUp {
    private WarmUp() {}

    // Results go here so the JIT cannot drop the calls as useless.
    private static volatile Object sink;

    /**
     * Calls {@code body} until {@code duration} has passed (at least once) and returns how many times it ran.
     *
     * @throws IllegalArgumentException when {@code duration} is negative or longer than a minute
     */
    public static int runFor(Duration duration, Supplier<?> body) {
        if (duration.isNegative() || duration.compareTo(Duration.ofMinutes(1)) > 0) {
            throw new IllegalArgumentException("warm-up of " + duration + " is not allowed: give 0 to 60 seconds");
        }
        long end = System.nanoTime() + duration.toNanos();
        int calls = 0;
        do {
            sink = body.get();
            calls++;
        } while (System.nanoTime() < end);
        return calls;
    }
}
