package optpar.profiling;

/**
 * A program that a safepoint-biased profiler gets wrong: almost all its time is in
 * {@link #sumOfSquares}, a counted loop over an int array, and almost none in {@link #mix}, a tiny
 * method called after each loop. Run with {@code -XX:-UseCountedLoopSafepoints}, the JIT puts no
 * safepoint poll inside the counted loop, so a sampler that needs a safepoint
 * ({@link Profiler#SAFEPOINT_BIASED}) can only see the thread <i>after</i> the loop: it blames the
 * caller or {@code mix}. async-profiler and JFR stop the thread wherever it is and blame the loop.
 * <pre>
 * ./course profile --profiler safepoint optpar.profiling.SafepointBias 200000 200
 * </pre>
 */
public final class SafepointBias {
    private SafepointBias() {}

    static volatile long sink;

    /** The hot part: n multiply-adds in a counted loop (no calls, no allocation). */
    static long sumOfSquares(int[] a) {
        long s = 0;
        for (int i = 0; i < a.length; i++) s += (long) a[i] * a[i];
        return s;
    }

    /** The cold part: a few operations, once per loop. */
    static long mix(long s, int round) {
        return s * 31 + round;
    }

    /** Runs {@code rounds} loops over an array of {@code n} ints. */
    public static long run(int n, int rounds) {
        if (n < 1 || rounds < 1) throw new IllegalArgumentException("n = " + n + ", rounds = " + rounds + " are not allowed; use at least 1 of each");
        int[] a = new int[n];
        for (int i = 0; i < n; i++) a[i] = i % 1000;
        long s = 0;
        for (int r = 0; r < rounds; r++) s = mix(s + sumOfSquares(a), r);
        return s;
    }

    /** {@code SafepointBias [N [ROUNDS]]}: the sums of squares of N ints, ROUNDS times (default 200000, 200). */
    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        sink = run(n, rounds);
    }
}
