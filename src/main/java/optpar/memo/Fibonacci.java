package optpar.memo;

import com.github.benmanes.caffeine.cache.Cache;
import java.util.HashMap;
import java.util.Map;

/**
 * The classic recursive function to memoize, three ways, with a count of the calls each makes.
 *
 * <ul>
 *   <li>{@link #plain}: exponential, fib(30) makes 1,664,079 calls;</li>
 *   <li>{@link #handMade}: the lecture's dictionary cache ({@code if x in CACHE: return CACHE[x]}),
 *       written with {@code get} and {@code put}: 2n - 1 calls;</li>
 *   <li>{@link #computeIfAbsentRecursive}: the tempting one-liner with {@code Map.computeIfAbsent},
 *       which <b>fails</b>: the mapping function must not change the map, and a recursive one does
 *       (a {@code HashMap} throws {@code ConcurrentModificationException}, a
 *       {@code ConcurrentHashMap} throws {@code IllegalStateException: Recursive update} or may even
 *       hang in old Java versions);</li>
 *   <li>{@link #computeIfAbsentBottomUp}: computeIfAbsent done right: fill the smaller keys first, so
 *       each mapping function only reads the map.</li>
 * </ul>
 * <pre>{@code
 * Fibonacci f = new Fibonacci();
 * f.handMade(80, new HashMap<>());   // 23416728348467685
 * f.calls();                         // 159
 * }</pre>
 */
public final class Fibonacci {
    private long calls;

    /** Calls made since this object was created or {@link #reset()}. */
    public long calls() {
        return calls;
    }

    /** Sets the call count back to zero. */
    public void reset() {
        calls = 0;
    }

    private static void check(int n) {
        if (n < 0 || n > 92) {
            throw new IllegalArgumentException("fib(" + n + ") is not allowed: use 0 <= n <= 92 (fib(93) overflows a long)");
        }
    }

    /** Straight from the definition: fib(n) = fib(n-1) + fib(n-2). */
    public long plain(int n) {
        check(n);
        calls++;
        return n < 2 ? n : plain(n - 1) + plain(n - 2);
    }

    /** The lecture's hand-made cache: look up, else compute (recursing through the cache) and store. */
    public long handMade(int n, Map<Integer, Long> cache) {
        check(n);
        calls++;
        if (n < 2) return n;
        Long known = cache.get(n);
        if (known != null) return known;
        long result = handMade(n - 1, cache) + handMade(n - 2, cache);
        cache.put(n, result);
        return result;
    }

    /**
     * Through a (possibly bounded) Caffeine cache, with getIfPresent and put: Caffeine's
     * {@code cache.get(key, fn)} must not recurse into the same cache either.
     */
    public long throughCache(int n, Cache<Integer, Long> cache) {
        check(n);
        calls++;
        if (n < 2) return n;
        Long known = cache.getIfPresent(n);
        if (known != null) return known;
        long result = throughCache(n - 1, cache) + throughCache(n - 2, cache);
        cache.put(n, result);
        return result;
    }

    /**
     * WRONG: the mapping function recurses, and the recursive calls insert into the map while
     * {@code computeIfAbsent} is still running. Fails for n >= 3.
     */
    public long computeIfAbsentRecursive(int n, Map<Integer, Long> cache) {
        check(n);
        calls++;
        if (n < 2) return n;
        return cache.computeIfAbsent(n, k -> computeIfAbsentRecursive(k - 1, cache) + computeIfAbsentRecursive(k - 2, cache));
    }

    /**
     * RIGHT: compute fib(2), fib(3), ... in order; each mapping function only reads two keys
     * that are already there, so it never changes the map it runs in.
     */
    public long computeIfAbsentBottomUp(int n, Map<Integer, Long> cache) {
        check(n);
        if (n < 2) return n;
        cache.putIfAbsent(0, 0L);
        cache.putIfAbsent(1, 1L);
        for (int k = 2; k <= n; k++) {
            calls++;
            cache.computeIfAbsent(k, key -> cache.get(key - 1) + cache.get(key - 2));
        }
        return cache.get(n);
    }

    /** A plain loop: the reference the tests check the others against. */
    public static long iterative(int n) {
        check(n);
        long a = 0, b = 1;
        for (int i = 0; i < n; i++) {
            long next = a + b;
            a = b;
            b = next;
        }
        return a;
    }

    /** A fresh HashMap, for cells that want one. */
    public static Map<Integer, Long> newCache() {
        return new HashMap<>();
    }
}
