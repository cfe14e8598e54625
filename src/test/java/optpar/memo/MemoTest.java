package optpar.memo;

import optpar.TestSeed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.benmanes.caffeine.cache.Cache;
import java.util.ConcurrentModificationException;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

class MemoTest {
    private final Random random = TestSeed.random();

    @Test
    void everyFibonacciVariantEqualsTheLoop() {
        for (int trial = 0; trial < 20; trial++) {
            int n = random.nextInt(93);
            long expected = Fibonacci.iterative(n);
            Fibonacci f = new Fibonacci();
            assertEquals(expected, f.handMade(n, new HashMap<>()), "handMade " + n);
            assertEquals(expected, f.computeIfAbsentBottomUp(n, new HashMap<>()), "bottomUp " + n);
            if (n <= 25) assertEquals(expected, f.plain(n), "plain " + n);
        }
        assertEquals(23416728348467685L, Fibonacci.iterative(80));
    }

    @Test
    void memoizationCutsTheCalls() {
        Fibonacci f = new Fibonacci();
        f.plain(25);
        assertEquals(242785, f.calls());           // 2 fib(26) - 1
        f.reset();
        f.handMade(25, new HashMap<>());
        assertEquals(2 * 25 - 1, f.calls());
    }

    @Test
    void recursiveComputeIfAbsentFails() {
        Fibonacci f = new Fibonacci();
        assertEquals(1, f.computeIfAbsentRecursive(2, new HashMap<>()), "fib(2) only reads the base cases: no change, no failure");
        assertThrows(ConcurrentModificationException.class, () -> f.computeIfAbsentRecursive(20, new HashMap<>()));
    }

    @Test
    void badInputGetsAClearError() {
        var e = assertThrows(IllegalArgumentException.class, () -> new Fibonacci().plain(93));
        assertTrue(e.getMessage().contains("92"));
        assertThrows(IllegalArgumentException.class, () -> CollatzSteps.plain(0));
        assertThrows(IllegalArgumentException.class, () -> CostlyFunction.value(1, 0));
        assertThrows(IllegalArgumentException.class, () -> CostlyFunction.zipfRequests(10, 0, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> BoundedCacheTradeOff.newCache(-1));
        assertThrows(IllegalArgumentException.class, () -> BoundedCacheTradeOff.collatz(10, 0));
    }

    @Test
    void cachedCollatzEqualsUncachedOnRandomInputs() {
        Map<Long, Integer> map = new HashMap<>();
        Cache<Long, Integer> tiny = BoundedCacheTradeOff.newCache(5);
        Cache<Long, Integer> big = BoundedCacheTradeOff.newCache(100_000);
        for (int trial = 0; trial < 2000; trial++) {
            long n = 1 + random.nextInt(1_000_000);
            int expected = CollatzSteps.plain(n);
            assertEquals(expected, CollatzSteps.memoized(n, map));
            assertEquals(expected, CollatzSteps.memoized(n, tiny));
            assertEquals(expected, CollatzSteps.memoized(n, big));
        }
        assertEquals(111, CollatzSteps.plain(27));
        tiny.cleanUp();   // pending evictions, now
        assertTrue(tiny.estimatedSize() <= 5, "bounded: " + tiny.estimatedSize());
    }

    @Test
    void cachedCostlyFunctionEqualsUncached() {
        int[] requests = CostlyFunction.zipfRequests(500, 50, 1.0, random.nextLong());
        Cache<Integer, Double> cache = BoundedCacheTradeOff.newCache(10);
        for (int key : requests) {
            assertEquals(CostlyFunction.value(key, 100), cache.get(key, k -> CostlyFunction.value(k, 100)));
        }
        // the integral of exp(-x^2) over [0, 5] is sqrt(pi)/2 (up to the tiny tail beyond 5)
        assertEquals(Math.sqrt(Math.PI) / 2, CostlyFunction.value(0, 10_000), 1e-8);
    }

    @Test
    void zipfRequestsFavourSmallKeys() {
        int[] r = CostlyFunction.zipfRequests(20_000, 1000, 1.0, 1);
        int[] counts = new int[1000];
        for (int k : r) counts[k]++;
        assertTrue(counts[0] > 5 * counts[50], "key 0: " + counts[0] + ", key 50: " + counts[50]);
        for (int k : r) assertTrue(k >= 0 && k < 1000);
    }

    @Tag("integration")   // measures freed memory through full GCs (the collector's heuristics)
    @Test
    void tradeOffTableShowsHitRateGrowingWithSize() {
        int[] requests = CostlyFunction.zipfRequests(3000, 500, 1.0, 3);
        Table t = BoundedCacheTradeOff.costly(requests, 50, 20, BoundedCacheTradeOff.UNBOUNDED);
        assertEquals(3, t.rowCount());
        assertEquals(0.0, t.doubleColumn("hit rate").get(0), "no cache, no hits");
        assertTrue(t.doubleColumn("hit rate").get(1) > 0.1, t.print());
        assertEquals(3000, t.longColumn("computed").get(0));
        assertTrue(t.doubleColumn("hit rate").get(2) > t.doubleColumn("hit rate").get(1), t.print());
        assertEquals(0, t.longColumn("evictions").get(2), "unbounded never evicts");
        long distinct = java.util.Arrays.stream(requests).distinct().count();
        assertEquals(distinct, t.longColumn("entries").get(2));
        assertEquals(1.0 - distinct / 3000.0, t.doubleColumn("hit rate").get(2), 0.001);

        System.out.println(t.print());
        Table c = BoundedCacheTradeOff.collatz(2000, 100, BoundedCacheTradeOff.UNBOUNDED);
        // each number is missed once and its path stops at the first hit: hits <= n
        assertTrue(c.doubleColumn("hit rate").get(2) > 0.25, c.print());
        assertEquals(0.0, c.doubleColumn("hit rate").get(0), c.print());
        System.out.println(c.print());

        Table f = BoundedCacheTradeOff.fibonacci(25, 2, 64, BoundedCacheTradeOff.UNBOUNDED);
        System.out.println(f.print());
        assertEquals(242785, f.longColumn("computed").get(0));
        assertEquals(49, f.longColumn("computed").get(3), "unbounded: each fib(k) once");
        assertEquals(49, f.longColumn("computed").get(2), "64 entries hold all 24 keys: as few as unbounded");
        assertEquals(2, f.longColumn("entries").get(1), "exact eviction: never more than the maximum");
        // W-TinyLFU refuses most new keys into a cache of 2 (an exact LRU of 3 would compute 49)
        assertTrue(f.longColumn("computed").get(1) > 10 * 49, f.print());
    }

    @Test
    void fibonacciThroughABoundedCacheIsStillRight() {
        for (long size : new long[] {1, 2, 3, 50}) {
            int n = random.nextInt(93);
            assertEquals(Fibonacci.iterative(n), new Fibonacci().throughCache(n, BoundedCacheTradeOff.newCache(size)), "size " + size);
        }
    }
}
