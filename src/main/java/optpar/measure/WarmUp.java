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

    /**
     * Calls {@code body} until its time per call has settled (compiled code, not the interpreter),
     * and at most for {@code max}; returns how many times it ran. Settled means: the median of the
     * last {@code 5} calls is within 10% of the median of the 5 before, at least twice in a row.
     * Use it for the Vector API, which is hundreds of times slower until C2 has compiled it, so a
     * fixed count of warm-up calls is either far too few or wasted time.
     *
     * <pre>{@code
     * WarmUp.untilSteady(Duration.ofSeconds(5), () -> Reductions.vectorSum(x));
     * }</pre>
     */
    public static int untilSteady(Duration max, Supplier<?> body) {
        if (max.isNegative() || max.compareTo(Duration.ofMinutes(1)) > 0) {
            throw new IllegalArgumentException("warm-up of " + max + " is not allowed: give 0 to 60 seconds");
        }
        long end = System.nanoTime() + max.toNanos();
        java.util.ArrayList<Long> times = new java.util.ArrayList<>();
        int settled = 0;
        do {
            long t0 = System.nanoTime();
            sink = body.get();
            times.add(System.nanoTime() - t0);
            int n = times.size();
            if (n >= 10 && n % 5 == 0) {
                double recent = median(times.subList(n - 5, n)), before = median(times.subList(n - 10, n - 5));
                settled = Math.abs(recent - before) <= 0.1 * before ? settled + 1 : 0;
                if (settled >= 2) break;
            }
        } while (System.nanoTime() < end);
        return times.size();
    }

    private static double median(java.util.List<Long> xs) {
        long[] s = xs.stream().mapToLong(Long::longValue).sorted().toArray();
        return s[s.length / 2];
    }
}
