package optpar.memo;

import com.github.benmanes.caffeine.cache.Cache;
import java.util.Map;

/**
 * A recursive function whose calls share work: the number of Collatz steps from n down to 1
 * (n → n/2 when even, 3n+1 when odd). The paths of different starting numbers merge, so a cache of
 * already-known step counts cuts most of the work; how much depends on how many entries it may keep.
 * <pre>{@code
 * CollatzSteps.plain(27)                                                  // 111
 * Cache<Long, Integer> c = Caffeine.newBuilder().maximumSize(10_000).build();
 * CollatzSteps.memoized(27, c)                                            // 111, and 111 entries cached
 * }</pre>
 */
public final class CollatzSteps {
    private CollatzSteps() {}

    private static long next(long n) {
        if (n > (Long.MAX_VALUE - 1) / 3) throw new ArithmeticException("Collatz path overflows a long after " + n);
        return n % 2 == 0 ? n / 2 : 3 * n + 1;
    }

    private static void check(long n) {
        if (n < 1) throw new IllegalArgumentException("Collatz steps of " + n + " are not defined; use n >= 1");
    }

    /** No cache: walks the whole path every time. */
    public static int plain(long n) {
        check(n);
        return n == 1 ? 0 : 1 + plain(next(n));
    }

    /** Hand-made cache in a map (grows without bound). */
    public static int memoized(long n, Map<Long, Integer> cache) {
        check(n);
        if (n == 1) return 0;
        Integer known = cache.get(n);
        if (known != null) return known;
        int steps = 1 + memoized(next(n), cache);
        cache.put(n, steps);
        return steps;
    }

    /**
     * Through a (possibly bounded) Caffeine cache. It uses getIfPresent and put, not
     * {@code cache.get(n, fn)}: like {@code computeIfAbsent}, Caffeine's compute must not recurse
     * into the same cache.
     */
    public static int memoized(long n, Cache<Long, Integer> cache) {
        check(n);
        if (n == 1) return 0;
        Integer known = cache.getIfPresent(n);
        if (known != null) return known;
        int steps = 1 + memoized(next(n), cache);
        cache.put(n, steps);
        return steps;
    }
}
