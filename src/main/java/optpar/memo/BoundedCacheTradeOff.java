package optpar.memo;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.stats.CacheStats;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToLongFunction;
import optpar.measure.Footprint;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Memory traded for speed, measured: the same workload run through Caffeine caches of several
 * maximum sizes, the Java counterpart of {@code @functools.lru_cache(maxsize=N)}.
 *
 * <p>The first row runs the plain function, without any cache: the baseline. Then for each size:
 * the hit rate and evictions (Caffeine's {@code recordStats()}), the time, and the heap the cache's
 * entries keep alive (approximate: measured as what a full GC frees when the cache is cleared).
 * Each workload runs once untimed (so the JIT has warmed up, see notebook 1), then five times timed,
 * each on a fresh cache; the table shows the median time.
 * Caffeine's eviction policy is not plain LRU but W-TinyLFU (recency <em>and</em> frequency), which
 * usually keeps more of the useful entries at the same size.
 * <pre>{@code
 * int[] requests = CostlyFunction.zipfRequests(20_000, 5_000, 1.0, 42);
 * Table t = BoundedCacheTradeOff.costly(requests, 2_000, 10, 100, 1_000, BoundedCacheTradeOff.UNBOUNDED);
 * }</pre>
 */
public final class BoundedCacheTradeOff {
    private BoundedCacheTradeOff() {}

    /** A "size" meaning: no maximum (the hand-made dictionary of the lecture). */
    public static final long UNBOUNDED = Long.MAX_VALUE;

    /**
     * A cache of at most {@code maxSize} entries that records statistics. Caffeine evicts in the
     * background (on the common pool), so a busy cache can briefly hold a few more entries than its
     * maximum, and counts vary a little from run to run. (A same-thread executor would make them
     * exact, but it made every write about ten times slower here.)
     */
    public static <K, V> Cache<K, V> newCache(long maxSize) {
        return newCache(maxSize, false);
    }

    /**
     * The same cache, but evicting on the calling thread ({@code executor(Runnable::run)}) when
     * {@code exact}: it then never holds more than its maximum, and its counts are the same on every
     * run and every machine. Used for the tiny caches of {@link #fibonacci}, where background eviction
     * would let a cache of 1 entry briefly hold them all.
     */
    public static <K, V> Cache<K, V> newCache(long maxSize, boolean exact) {
        if (maxSize < 0) throw new IllegalArgumentException("maximum size " + maxSize + " is not allowed; use 0 or more");
        Caffeine<Object, Object> b = Caffeine.newBuilder().recordStats();
        if (maxSize != UNBOUNDED) b.maximumSize(maxSize);
        if (exact) b.executor(Runnable::run);
        return b.build();
    }

    /**
     * Serves {@code requests} of {@link CostlyFunction#value} (with {@code steps}) through a cache of
     * each size in turn.
     */
    public static Table costly(int[] requests, int steps, long... maxSizes) {
        return sweep("Costly function, " + requests.length + " requests", maxSizes, false, (Cache<Integer, Double> cache) -> {
            double sum = 0;
            long[] computed = {0};
            for (int key : requests) {
                sum += cache == null ? CostlyFunction.value(key, steps)
                        : cache.get(key, k -> { computed[0]++; return CostlyFunction.value(k, steps); });
            }
            sink = sum;
            return cache == null ? requests.length : computed[0];
        });
    }

    /**
     * Computes fib(n) recursively through a cache of each size in turn; "computed" counts the calls.
     * The caches evict exactly (on the calling thread), so the counts do not depend on timing: an
     * exact LRU would need only 3 entries (fib(n-1), fib(n-2) and the fib(n-3) just read), while Caffeine's W-TinyLFU refuses most newcomers into a
     * tiny cache (each key of fib is used twice in a row and never again, the pattern its admission
     * filter is built to keep out).
     */
    public static Table fibonacci(int n, long... maxSizes) {
        return sweep("Recursive fib(" + n + ")", maxSizes, true, (Cache<Integer, Long> cache) -> {
            Fibonacci f = new Fibonacci();
            sink = cache == null ? f.plain(n) : f.throughCache(n, cache);
            return f.calls();
        });
    }

    /**
     * Computes the Collatz steps of 1..n through a cache of each size in turn: a recursive function
     * so cheap that looking a number up costs more than computing its next step.
     */
    public static Table collatz(int n, long... maxSizes) {
        if (n < 1) throw new IllegalArgumentException("n = " + n + " is not allowed; use at least 1");
        return sweep("Collatz steps of 1.." + n, maxSizes, false, (Cache<Long, Integer> cache) -> {
            long sum = 0;
            for (long i = 1; i <= n; i++) sum += cache == null ? CollatzSteps.plain(i) : CollatzSteps.memoized(i, cache);
            sink = sum;
            return cache == null ? sum : cache.stats().missCount();   // steps walked = lookups that missed
        });
    }

    private static volatile Object sink;

    /**
     * Runs {@code workload} without a cache (it receives null) and then through a cache of each
     * size; the workload returns how many times the real function body ran ("computed").
     */
    private static <K, V> Table sweep(String title, long[] maxSizes, boolean exact, ToLongFunction<Cache<K, V>> workload) {
        if (maxSizes.length == 0) throw new IllegalArgumentException("give at least one maximum size");
        StringColumn label = StringColumn.create("cache");
        DoubleColumn hitRate = DoubleColumn.create("hit rate");
        LongColumn evictions = LongColumn.create("evictions");
        LongColumn entries = LongColumn.create("entries");
        LongColumn computed = LongColumn.create("computed");
        DoubleColumn millis = DoubleColumn.create("ms");
        DoubleColumn kb = DoubleColumn.create("KB kept");

        workload.applyAsLong(null);                    // warm-up run, not timed
        // Each time is the median of TIMED_RUNS runs: one run on a shared machine can be off by 2x.
        long[] noCache = new long[1];
        millis.append(medianMillis(() -> noCache[0] = workload.applyAsLong(null)));
        computed.append(noCache[0]);
        label.append("no cache");
        hitRate.append(0);
        evictions.append(0);
        entries.append(0);
        kb.append(0);

        for (long size : maxSizes) {
            if (size < 1) throw new IllegalArgumentException("maximum size " + size + " is not allowed; use 1 or more (the 'no cache' row is always there)");
            workload.applyAsLong(newCache(size, exact));      // warm-up run, not timed
            List<Cache<K, V>> caches = new ArrayList<>();   // a fresh cache for every timed run
            long[] count = new long[1];
            millis.append(medianMillis(() -> {
                Cache<K, V> fresh = newCache(size, exact);
                caches.add(fresh);
                count[0] = workload.applyAsLong(fresh);
            }));
            Cache<K, V> cache = caches.getLast();
            computed.append(count[0]);
            cache.cleanUp();
            CacheStats s = cache.stats();
            label.append(size == UNBOUNDED ? "unbounded" : "max " + size);
            hitRate.append(Math.round(s.hitRate() * 1000) / 1000.0);
            evictions.append(s.evictionCount());
            entries.append(cache.estimatedSize());
            caches.subList(0, caches.size() - 1).clear();   // only the last one's heap is measured
            // the heap its entries keep alive: what a full GC frees once they are removed
            long freed = Footprint.bytesFreedBy(() -> {
                cache.invalidateAll();
                cache.cleanUp();
            });
            kb.append(Math.max(0, Math.round(freed / 1024.0)));   // GC noise can make tiny caches look negative
        }
        return Table.create(title, label, computed, hitRate, evictions, entries, millis, kb);
    }

    /** Timed runs per table row; the row shows their median. */
    static final int TIMED_RUNS = 5;

    /** The median of {@link #TIMED_RUNS} runs of {@code run}, in milliseconds (one decimal). */
    private static double medianMillis(Runnable run) {
        double[] ms = new double[TIMED_RUNS];
        for (int r = 0; r < TIMED_RUNS; r++) {
            long t0 = System.nanoTime();
            run.run();
            ms[r] = (System.nanoTime() - t0) / 1e6;
        }
        java.util.Arrays.sort(ms);
        return Math.round(ms[TIMED_RUNS / 2] * 10) / 10.0;
    }
}
