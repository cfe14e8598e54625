package optpar.memo;

import java.util.Random;

/**
 * A costly, pure function of an integer key, and a realistic stream of requests for it: the
 * situation {@code functools.lru_cache(maxsize=...)} is made for.
 *
 * <p>The function is a numerical integral (trapezoid rule) of {@code exp(-x²)·cos(key·x)} over
 * [0, 5] with {@code steps} steps: about 20 ns per step. The requests follow a Zipf law: a few keys
 * are asked for very often, most keys rarely, as for the pages of a web site or the words of a text.
 * <pre>{@code
 * double v = CostlyFunction.value(3, 2_000);
 * int[] requests = CostlyFunction.zipfRequests(10_000, 5_000, 1.0, 42);
 * }</pre>
 */
public final class CostlyFunction {
    private CostlyFunction() {}

    /**
     * The integral for this key, with {@code steps} trapezoids.
     *
     * @throws IllegalArgumentException when steps is below 1
     */
    public static double value(int key, int steps) {
        if (steps < 1) throw new IllegalArgumentException("steps = " + steps + " is not allowed; use at least 1");
        double h = 5.0 / steps, sum = 0;
        for (int i = 0; i <= steps; i++) {
            double x = i * h;
            double f = Math.exp(-x * x) * Math.cos(key * x);
            sum += (i == 0 || i == steps) ? f / 2 : f;
        }
        return sum * h;
    }

    /**
     * {@code count} keys in 0..keys-1, key k drawn with probability proportional to 1/(k+1)^exponent.
     *
     * @throws IllegalArgumentException when count or keys is below 1 or the exponent is negative
     */
    public static int[] zipfRequests(int count, int keys, double exponent, long seed) {
        if (count < 1 || keys < 1) throw new IllegalArgumentException("count = " + count + ", keys = " + keys + ": both must be at least 1");
        if (!(exponent >= 0)) throw new IllegalArgumentException("exponent " + exponent + " is not allowed; use 0 (uniform) or more");
        double[] cdf = new double[keys];
        double total = 0;
        for (int k = 0; k < keys; k++) {
            total += 1 / Math.pow(k + 1, exponent);
            cdf[k] = total;
        }
        Random r = new Random(seed);
        int[] out = new int[count];
        for (int i = 0; i < count; i++) {
            int at = java.util.Arrays.binarySearch(cdf, r.nextDouble() * total);
            out[i] = Math.min(keys - 1, at >= 0 ? at : -at - 1);
        }
        return out;
    }
}
