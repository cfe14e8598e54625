package optpar.exercises;

import optpar.memo.BoundedCacheTradeOff;
import optpar.memo.CostlyFunction;

import java.math.BigInteger;
import java.time.Duration;
import java.util.LinkedList;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.IntFunction;

/** The exercises of notebook 02, memoization. */
public final class Ex02 {
    private Ex02() {}

    /** Exercise 1: a true LRU with {@code LinkedHashMap}. */
    public static final One one = new One();
    /** Exercise 2: two arguments, a record key. */
    public static final Two two = new Two();
    /** Exercise 3: no repeats, no gain. */
    public static final Three three = new Three();

    /** The (n, k) the exercise asks about: C(24, 12). */
    public static final int N = 24, K = 12;

    public static final class One extends Exercise {
        One() {
            super("02", 1, "a true LRU",
                    "class Lru<K, V> extends LinkedHashMap<K, V> { Lru(int maxSize) { super(16, 0.75f, true); ... } }",
                    "override protected boolean removeEldestEntry(Map.Entry<K, V> eldest) { return size() > maxSize; }",
                    "pass a factory: Ex02.one.check(max -> new Lru<Integer, Double>(max))");
        }

        /**
         * Serves random request sequences through your map (get; on a miss, put) and compares which keys it keeps and
         * how many misses it has with an exact LRU of the same size.
         */
        public Outcome judge(IntFunction<Map<Integer, Double>> newLru) {
            if (newLru == null) return Outcome.notSolved("no factory yet: pass max -> new Lru<Integer, Double>(max)");
            return Trials.<int[], String>of("the LRU cache")
                    .inputs(30, (r, i) -> {
                        int max = 1 + r.nextInt(2 + i / 3);
                        int[] seq = new int[1 + r.nextInt(4 * (i + 1))];
                        seq[0] = max;                               // the first number is the size, the rest the requests
                        for (int j = 1; j < seq.length; j++) seq[j] = r.nextInt(2 * max + 2);
                        return seq;
                    })
                    .size(s -> s.length)
                    .describe(s -> "max size " + s[0] + ", requests " + Trials.show(java.util.Arrays.copyOfRange(s, 1, s.length)))
                    .reference(Ex02::exactLru)
                    .run("your LRU", s -> serve(newLru.apply(s[0]), s));
        }

        public void check(IntFunction<Map<Integer, Double>> newLru) { report(() -> judge(newLru)); }

        public void mustPass(IntFunction<Map<Integer, Double>> newLru) { require(() -> judge(newLru)); }
    }

    /** An LRU written as a list, most recent last: independent of LinkedHashMap. */
    static String exactLru(int[] s) {
        int max = s[0], misses = 0;
        LinkedList<Integer> order = new LinkedList<>();
        for (int j = 1; j < s.length; j++) {
            Integer key = s[j];
            if (!order.remove(key)) {
                misses++;
                if (order.size() == max) order.removeFirst();
            }
            order.addLast(key);
        }
        return "misses " + misses + ", keeps " + new TreeSet<>(order);
    }

    static String serve(Map<Integer, Double> map, int[] s) {
        if (map == null) return null;
        int misses = 0;
        for (int j = 1; j < s.length; j++) {
            if (map.get(s[j]) == null) {
                misses++;
                map.put(s[j], (double) s[j]);
            }
        }
        return "misses " + misses + ", keeps " + new TreeSet<>(map.keySet());
    }

    /** Your memoized binomial coefficient. */
    @FunctionalInterface
    public interface Binomial {
        long binomial(int n, int k) throws Throwable;
    }

    public static final class Two extends Exercise {
        Two() {
            super("02", 2, "two arguments",
                    "record Key(int n, int k) {}  and a Map<Key, Long>: look up new Key(n, k) before recursing, put the result after",
                    "count calls in both versions; reset calls = 0 before each; ask for C(" + N + ", " + K + ")",
                    "Ex02.two.check((n, k) -> binomialMemo(n, k, new HashMap<>()), plainCalls, memoCalls)");
        }

        /**
         * Your memoized C(n, k) against exact arithmetic on random (n, k) up to n = 62 (the plain recursion cannot finish
         * those within the time bound), and your two call counts for C(24, 12).
         */
        public Outcome judge(Binomial memo, long plainCalls, long memoCalls) {
            if (memo == null) return Outcome.notSolved("no memoized binomial yet");
            Outcome right = Trials.<int[], Long>of("C(n, k)")
                    .inputs(30, (r, i) -> {
                        int n = Math.min(62, 2 * i + r.nextInt(3));
                        return new int[] {n, r.nextInt(n + 1)};
                    })
                    .plus(new int[] {0, 0}, new int[] {1, 1}, new int[] {62, 31})
                    .size(in -> in[0])
                    .describe(in -> "n=" + in[0] + ", k=" + in[1])
                    .reference(in -> exact(in[0], in[1]))
                    .bound(Duration.ofSeconds(3))
                    .run("your memoized binomial", in -> memo.binomial(in[0], in[1]));
            if (!right.solved()) {
                return right.status() == Outcome.Status.TIMED_OUT
                        ? new Outcome(right.status(), right.message() + ": is it memoized? the plain recursion makes 2 C(n, k) - 1 calls")
                        : right;
            }
            long expectedPlain = 2 * exact(N, K) - 1;
            long states = (long) (K + 1) * (N - K + 1);
            if (plainCalls == 0 && memoCalls == 0) return Outcome.notSolved("memoized C(n, k) is right; now pass the two call counts for C(" + N + ", " + K + ")");
            if (plainCalls != expectedPlain) {
                String why = plainCalls == 2 * exact(N, K) ? " (one too many: reset calls = 0 before the plain call?)"
                        : plainCalls == 2 * exact(26, 13) - 1 || plainCalls == 2 * exact(30, 15) - 1 ? " (that is another C(n, k): the exercise asks for C(" + N + ", " + K + "))" : "";
                return Outcome.wrong("the plain recursion makes " + expectedPlain + " calls for C(" + N + ", " + K + "), you counted " + plainCalls + why);
            }
            if (memoCalls < 1 || memoCalls > 2 * states + 1) {
                return Outcome.wrong("with the cache, C(" + N + ", " + K + ") needs at most " + (2 * states + 1)
                        + " calls (two per (n, k) pair of its triangle, " + states + " pairs); you counted " + memoCalls);
            }
            return right.and(String.format(Locale.ROOT, "C(%d, %d): %d calls plain, %d with the cache (%.0fx fewer): each (n, k) is computed once",
                    N, K, plainCalls, memoCalls, plainCalls / (double) memoCalls));
        }

        public void check(Binomial memo, long plainCalls, long memoCalls) { report(() -> judge(memo, plainCalls, memoCalls)); }

        public void mustPass(Binomial memo, long plainCalls, long memoCalls) { require(() -> judge(memo, plainCalls, memoCalls)); }
    }

    static long exact(int n, int k) {
        BigInteger c = BigInteger.ONE;
        for (int i = 0; i < k; i++) c = c.multiply(BigInteger.valueOf(n - i)).divide(BigInteger.valueOf(i + 1));
        return c.longValueExact();
    }

    public static final class Three extends Exercise {
        Three() {
            super("02", 3, "no repeats, no gain",
                    "CostlyFunction.zipfRequests(requests, keys, 0.0, 3) gives uniform requests; serve them with BoundedCacheTradeOff.costly(..., 50, 1_000)",
                    "the hit rate is the table's \"hit rate\" column: table.doubleColumn(\"hit rate\").get(1) is the cache of 1000",
                    "pass the hit rate and the sizes: Ex02.three.check(hitRate, requests, keys)");
        }

        /** Your hit rate with uniform requests, against the check's own run (within 0.03). */
        public Outcome judge(double uniformHitRate, int requests, int keys) {
            if (Double.isNaN(uniformHitRate)) return Outcome.notSolved("no hit rate yet");
            double uniform = hitRate(requests, keys, 0.0), zipf = hitRate(requests, keys, 1.0);
            if (Math.abs(uniformHitRate - zipf) < 0.03 && Math.abs(zipf - uniform) > 0.06) {
                return Outcome.wrong(String.format(Locale.ROOT, "%.3f is the hit rate of the Zipf requests: exponent 0.0 makes them uniform (about %.3f)", uniformHitRate, uniform));
            }
            return close("hit rate of 1000 entries with uniform requests", uniformHitRate, uniform, 0.03,
                    String.format(Locale.ROOT, "With Zipf requests it is %.3f. Uniform requests rarely repeat a key while it is cached: the hit rate is about "
                            + "the fraction of the keys the cache holds (1000 of %d), minus first requests. A cache pays only when requests concentrate on few keys.", zipf, keys));
        }

        private static double hitRate(int requests, int keys, double exponent) {
            var t = BoundedCacheTradeOff.costly(CostlyFunction.zipfRequests(requests, keys, exponent, 11), 1, 1_000);
            return t.doubleColumn("hit rate").get(1);
        }

        public void check(double uniformHitRate, int requests, int keys) { report(() -> judge(uniformHitRate, requests, keys)); }

        public void mustPass(double uniformHitRate, int requests, int keys) { require(() -> judge(uniformHitRate, requests, keys)); }
    }
}
