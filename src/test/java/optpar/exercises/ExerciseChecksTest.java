package optpar.exercises;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import optpar.batch.BatchReport;
import optpar.batch.JobResult;
import optpar.batch.RawData;
import optpar.batch.Reduced;
import optpar.batch.Reduction;
import optpar.forkjoin.ForkJoinSum;
import optpar.heat.HeatProblem;
import optpar.heat.HeatVariants;
import optpar.jit.KernelTimings;
import optpar.jit.MegamorphicCalls;
import optpar.locks.Watchdog;
import optpar.loops.PrangeRace;
import optpar.mandelbrot.MandelbrotProblem;
import optpar.mandelbrot.ScalarMandelbrot;
import optpar.measure.Sweep;
import optpar.measure.Timing;
import optpar.mpi.MpiHeatResult;
import optpar.races.AtomicCounter;
import optpar.races.SharedCounter;
import optpar.workflow.CwlRun;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.RecursiveTask;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import static org.junit.jupiter.api.Assertions.*;

/** Every check fails on a wrong answer (an off-by-one, a race, the wrong problem size) and passes on the right one. */
class ExerciseChecksTest {
    @BeforeAll
    static void quick() {
        System.setProperty("optpar.quick", "1");
    }

    static void solved(Outcome o) {
        assertTrue(o.solved(), o.toString());
    }

    static void notSolved(Outcome o, Outcome.Status status, String text) {
        assertEquals(status, o.status(), o.toString());
        assertTrue(o.message().contains(text), o.message());
    }

    // ----------------------------------------------------------------- 01
    static double median(double[] xs, double[] ys, boolean offByOne) {
        int n = xs.length;
        double[] best = new double[n];
        for (int i = 0; i < n; i++) {
            double b = Double.POSITIVE_INFINITY;
            for (int j = 0; j < n; j++) if (j != i) b = Math.min(b, (xs[i] - xs[j]) * (xs[i] - xs[j]) + (ys[i] - ys[j]) * (ys[i] - ys[j]));
            best[i] = Math.sqrt(b);
        }
        Arrays.sort(best);
        int m = offByOne ? n / 2 : n / 2;
        return n % 2 == 1 || offByOne ? best[m] : (best[m - 1] + best[m]) / 2;
    }

    @Test
    void ex01() {
        solved(Ex01.one.judge((xs, ys) -> median(xs, ys, false)));
        notSolved(Ex01.one.judge((xs, ys) -> median(xs, ys, true)), Outcome.Status.WRONG, "points xs=");   // off by one: the even-n median
        notSolved(Ex01.one.judge((xs, ys) -> { throw new UnsupportedOperationException("TODO"); }), Outcome.Status.NOT_SOLVED, "not written yet");

        var warmed = new Timing.Result<>("w", List.of(0.3, 0.2, 0.2), List.of(0.1, 0.1, 0.1, 0.1, 0.1), 1.0);
        solved(Ex01.two.judge(0.5, warmed));
        notSolved(Ex01.two.judge(0.5e-3, warmed), Outcome.Status.WRONG, "faster than the warmed-up best");   // ms given as s/1000
        var tooFew = new Timing.Result<>("w", List.of(0.3), List.of(0.1, 0.1, 0.1), 1.0);
        notSolved(Ex01.two.judge(0.5, tooFew), Outcome.Status.WRONG, "3, 5");

        int n = 100_000;
        double small = optpar.measure.AllocationCounter.bytes(() -> list(n, false)) / (double) n;
        double large = optpar.measure.AllocationCounter.bytes(() -> list(n, true)) / (double) n;
        solved(Ex01.three.judge(small, large));
        notSolved(Ex01.three.judge(large, small), Outcome.Status.WRONG, "wrong way round");
        notSolved(Ex01.three.judge(small, small), Outcome.Status.WRONG, "you gave");
    }

    static List<Integer> list(int n, boolean large) {
        var l = new java.util.ArrayList<Integer>(n);
        for (int i = 0; i < n; i++) l.add(large ? i * 1000 : i % 100);
        return l;
    }

    // ----------------------------------------------------------------- 02
    static final class Lru<K, V> extends LinkedHashMap<K, V> {
        final int max, slack;
        Lru(int max, boolean accessOrder, int slack) { super(16, 0.75f, accessOrder); this.max = max; this.slack = slack; }
        @Override protected boolean removeEldestEntry(Map.Entry<K, V> e) { return size() > max + slack; }
    }

    record Key(int n, int k) {}

    static long memo(int n, int k, Map<Key, Long> cache, long[] calls) {
        calls[0]++;
        if (k == 0 || k == n) return 1;
        Long known = cache.get(new Key(n, k));
        if (known != null) return known;
        long r = memo(n - 1, k - 1, cache, calls) + memo(n - 1, k, cache, calls);
        cache.put(new Key(n, k), r);
        return r;
    }

    static long plain(int n, int k, long[] calls) {
        calls[0]++;
        return k == 0 || k == n ? 1 : plain(n - 1, k - 1, calls) + plain(n - 1, k, calls);
    }

    @Test
    void ex02() {
        solved(Ex02.one.judge(max -> new Lru<>(max, true, 0)));
        notSolved(Ex02.one.judge(max -> new Lru<>(max, true, 1)), Outcome.Status.WRONG, "max size");   // off by one: keeps max + 1
        notSolved(Ex02.one.judge(max -> new Lru<>(max, false, 0)), Outcome.Status.WRONG, "max size");  // insertion order: FIFO, not LRU
        notSolved(Ex02.one.judge(max -> null), Outcome.Status.NOT_SOLVED, "null");

        long[] p = {0}, m = {0};
        plain(Ex02.N, Ex02.K, p);
        memo(Ex02.N, Ex02.K, new HashMap<>(), m);
        solved(Ex02.two.judge((n, k) -> memo(n, k, new HashMap<>(), new long[1]), p[0], m[0]));
        notSolved(Ex02.two.judge((n, k) -> memo(n, k, new HashMap<>(), new long[1]), p[0] + 1, m[0]), Outcome.Status.WRONG, "one too many");
        long[] p26 = {0};
        plain(26, 13, p26);
        notSolved(Ex02.two.judge((n, k) -> memo(n, k, new HashMap<>(), new long[1]), p26[0], m[0]), Outcome.Status.WRONG, "another C(n, k)");
        notSolved(Ex02.two.judge((n, k) -> k == 0 || k == n ? 1 : memo(n, k, new HashMap<>(), new long[1]) + 1, p[0], m[0]), Outcome.Status.WRONG, "C(n, k)");
        // the plain recursion cannot do C(62, 31): the time bound says it is not memoized
        Outcome plainOnly = Ex02.two.judge((n, k) -> plain(n, k, new long[1]), p[0], m[0]);
        notSolved(plainOnly, Outcome.Status.TIMED_OUT, "is it memoized?");

        int requests = 8_000, keys = 4_000;
        var uniform = optpar.memo.BoundedCacheTradeOff.costly(optpar.memo.CostlyFunction.zipfRequests(requests, keys, 0.0, 3), 1, 1_000);
        var zipf = optpar.memo.BoundedCacheTradeOff.costly(optpar.memo.CostlyFunction.zipfRequests(requests, keys, 1.0, 3), 1, 1_000);
        solved(Ex02.three.judge(uniform.doubleColumn("hit rate").get(1), requests, keys));
        notSolved(Ex02.three.judge(zipf.doubleColumn("hit rate").get(1), requests, keys), Outcome.Status.WRONG, "Zipf");
        // the hit rate of another problem size (4x the keys) is not this one's
        var otherSize = optpar.memo.BoundedCacheTradeOff.costly(optpar.memo.CostlyFunction.zipfRequests(requests, 4 * keys, 0.0, 3), 1, 1_000);
        notSolved(Ex02.three.judge(otherSize.doubleColumn("hit rate").get(1), requests, keys), Outcome.Status.WRONG, "expected");
    }

    // ----------------------------------------------------------------- 03
    static double vectorSumSq(double[] x, boolean dropTail) {
        var s = DoubleVector.SPECIES_PREFERRED;
        DoubleVector acc = DoubleVector.zero(s);
        int i = 0;
        for (; i < s.loopBound(x.length); i += s.length()) {
            DoubleVector v = DoubleVector.fromArray(s, x, i);
            acc = v.fma(v, acc);
        }
        double sum = acc.reduceLanes(VectorOperators.ADD);
        if (!dropTail) for (; i < x.length; i++) sum += x[i] * x[i];
        return sum;
    }

    @Test
    void ex03() {
        solved(Ex03.one.judge((x, y) -> { for (int i = 0; i < x.length; i++) y[i] = Math.sqrt(x[i] * x[i] + 1.0) - 1; }));
        notSolved(Ex03.one.judge((x, y) -> { for (int i = 0; i + 1 < x.length; i++) y[i] = Math.sqrt(x[i] * x[i] + 1.0) - 1; }), Outcome.Status.WRONG, "length 1");
        notSolved(Ex03.one.judge((x, y) -> System.arraycopy(Ex03.temporaries(x), 0, y, 0, x.length)), Outcome.Status.WRONG, "temporaries");

        solved(Ex03.two.judge(x -> vectorSumSq(x, false)));
        if (DoubleVector.SPECIES_PREFERRED.length() > 1) {
            notSolved(Ex03.two.judge(x -> vectorSumSq(x, true)), Outcome.Status.WRONG, "length 1");   // forgot the tail
        }

        double[] x = optpar.vectorize.BoxedVsPrimitive.randomArray(1000, 1);
        var s = Timing.measure("scattered", 0, 3, () -> optpar.vectorize.BoxedVsPrimitive.loopOverList(optpar.vectorize.BoxedVsPrimitive.boxed(x, true)));
        var o = Timing.measure("in order", 0, 3, () -> optpar.vectorize.BoxedVsPrimitive.loopOverList(optpar.vectorize.BoxedVsPrimitive.boxed(x, false)));
        var a = Timing.measure("array", 0, 3, () -> optpar.vectorize.BoxedVsPrimitive.loopOverArray(x));
        double share = s.median() > a.median() ? (s.median() - o.median()) / (s.median() - a.median()) : 0;
        solved(Ex03.three.judge(s, o, a, share));
        var other = Timing.measure("in order", 0, 3, () -> optpar.vectorize.BoxedVsPrimitive.loopOverList(optpar.vectorize.BoxedVsPrimitive.boxed(
                optpar.vectorize.BoxedVsPrimitive.randomArray(1000, 2), false)));
        notSolved(Ex03.three.judge(s, other, a, share), Outcome.Status.WRONG, "same numbers");
    }

    // ----------------------------------------------------------------- 04
    @Test
    void ex04() {
        var t = new KernelTimings(new long[] {5_000_000, 1_000_000}, new double[] {0, 5}, "abc");
        var c2 = new KernelTimings(new long[] {9_000_000, 1_000_000}, new double[] {0, 9}, "abc");
        solved(Ex04.one.judge(t, c2, "tiered"));
        notSolved(Ex04.one.judge(t, c2, "c2"), Outcome.Status.WRONG, "C2 alone starts later");
        notSolved(Ex04.one.judge(t, new KernelTimings(new long[] {1}, new double[] {0}, "other"), "tiered"), Outcome.Status.WRONG, "different images");

        solved(Ex04.two.judge(MegamorphicCalls::sumFourTypes));
        notSolved(Ex04.two.judge(shapes -> MegamorphicCalls.sumFourTypes(Arrays.copyOf(shapes, shapes.length - 1))), Outcome.Status.WRONG, "shapes [");

        int m = 200_000;
        double boxed = optpar.jit.BoxingCosts.allocatedBytes(() -> java.util.stream.LongStream.range(0, m).boxed().reduce(0L, Long::sum)) / (double) m;
        double primitive = optpar.jit.BoxingCosts.allocatedBytes(() -> java.util.stream.LongStream.range(0, m).sum()) / (double) m;
        solved(Ex04.three.judge(boxed, primitive));
        notSolved(Ex04.three.judge(boxed * 10, primitive), Outcome.Status.WRONG, "this check counted");
    }

    // ----------------------------------------------------------------- 05
    @Test
    void ex05() throws Throwable {
        Linker linker = Linker.nativeLinker();
        MethodHandle strlen = linker.downcallHandle(linker.defaultLookup().find("strlen").orElseThrow(),
                FunctionDescriptor.of(ValueLayout.JAVA_LONG, ValueLayout.ADDRESS));
        solved(Ex05.one.judge(text -> { try (Arena a = Arena.ofConfined()) { return (long) strlen.invokeExact(a.allocateFrom(text)); } }));
        notSolved(Ex05.one.judge(text -> (long) text.length()), Outcome.Status.WRONG, "expected");   // UTF-16 units, not bytes

        Ex05.Image ref = p -> new ScalarMandelbrot().compute(p, 1);
        Ex05.Image lastRowMissing = p -> { int[] c = new ScalarMandelbrot().compute(p, 1); Arrays.fill(c, (p.height() - 1) * p.width(), c.length, 0); return c; };
        solved(Ex05.two.judge(ref, ref));
        notSolved(Ex05.two.judge(ref, lastRowMissing), Outcome.Status.WRONG, "one-call image");
        solved(Ex05.three.judge(ref));
        // the image of another size (one column more)
        notSolved(Ex05.three.judge(p -> new ScalarMandelbrot().compute(new MandelbrotProblem(p.width() + 1, p.height(), p.maxIter()), 1)),
                Outcome.Status.WRONG, "lengths");
    }

    // ----------------------------------------------------------------- 06
    @Test
    void ex06() {
        var p = new HeatProblem(64, 5);
        var depths = new java.util.ArrayList<Timing.Result<double[]>>();
        for (int d : Ex06.DEPTHS) {
            var solver = new optpar.heat.BlockedHeat(d);
            depths.add(Timing.measure("depth " + d, 0, 1, () -> solver.solve(p, 2)));
        }
        solved(Ex06.one.judge(p, depths));
        notSolved(Ex06.one.judge(new HeatProblem(64, 6), depths), Outcome.Status.WRONG, "another grid");   // measured on another problem
        notSolved(Ex06.one.judge(p, depths.subList(0, 3)), Outcome.Status.NOT_SOLVED, "asks for");

        var m = optpar.measure.Machine.here();
        long llc = Math.max(m.l3Bytes(), m.l2Bytes());
        if (llc > 0) {
            int[] fit = java.util.stream.IntStream.of(128, 512, 4096).filter(s -> 16L * s * s <= llc).toArray();
            solved(Ex06.two.judge(4096, fit));
            notSolved(Ex06.two.judge(4096, 128, 512, 4096), Outcome.Status.WRONG, "fit are");
            notSolved(Ex06.two.judge(4096), Outcome.Status.NOT_SOLVED, "name the sides");
        }
    }

    // ----------------------------------------------------------------- 07
    @Test
    void ex07() throws Exception {
        solved(Ex07.one.judge(Ex07.pooledTaskSeconds(1000)));
        notSolved(Ex07.one.judge(Ex07.pooledTaskSeconds(1000) * 1e6), Outcome.Status.WRONG, "microseconds");   // microseconds given as seconds

        // 07.2 is judged by measuring worker processes at your maxIter (in the solutions notebook); here, what needs no processes
        notSolved(Ex07.two.judge(0), Outcome.Status.NOT_SOLVED, "no maxIter");
        notSolved(Ex07.two.judge(1_000_000), Outcome.Status.WRONG, "far past the break-even");

        solved(Ex07.three.judge(Map.of(1000, 0.11, 10_000, 0.15), 1.02));
        notSolved(Ex07.three.judge(Map.of(1000, 0.11, 10_000, 1.1), 1.02), Outcome.Status.WRONG, "grew");      // a pool of 1000, not virtual threads
        notSolved(Ex07.three.judge(Map.of(1000, 0.11, 10_000, 0.15), 0.11), Outcome.Status.WRONG, "impossible"); // 100 tasks, not 1000
    }

    // ----------------------------------------------------------------- 08
    /** Loses updates for sure: a read, a pause in which other threads read the same value, then the write. */
    static final class PausingRacyCounter implements SharedCounter {
        private long count;
        private final AtomicInteger slow = new AtomicInteger(400);
        @Override public void increment() {
            long v = count;
            if (slow.getAndDecrement() > 0) LockSupport.parkNanos(50_000);
            count = v + 1;
        }
        @Override public long get() { return count; }
    }

    @Test
    void ex08() {
        solved(Ex08.one.judge(AtomicCounter::new));
        notSolved(Ex08.one.judge(PausingRacyCounter::new), Outcome.Status.WRONG, "threads x");
        notSolved(Ex08.one.judge(() -> new SharedCounter() {       // off by one: starts at 1
            final java.util.concurrent.atomic.AtomicLong c = new java.util.concurrent.atomic.AtomicLong(1);
            public void increment() { c.incrementAndGet(); }
            public long get() { return c.get(); }
        }), Outcome.Status.WRONG, "1 thread x");

        var ok = new Watchdog.Result(false, -1, List.of(), null, false, true);
        var cycle3 = new Watchdog.Result(true, 100, List.of("t1 waits", "t2 waits", "t3 waits"), "t1", false, true);
        var cycle2 = new Watchdog.Result(true, 100, List.of("t1 waits", "t2 waits"), "t1", false, true);
        solved(Ex08.two.judge(cycle3, ok));
        solved(Ex08.two.judge(ok, ok));
        notSolved(Ex08.two.judge(cycle2, ok), Outcome.Status.WRONG, "three");
        notSolved(Ex08.two.judge(ok, cycle3), Outcome.Status.WRONG, "ORDERED run deadlocked");
    }

    // ----------------------------------------------------------------- 09
    static final class Quad extends RecursiveTask<Long> {
        final long[] a; final int lo, hi, t; final boolean offByOne;
        Quad(long[] a, int lo, int hi, int t, boolean offByOne) { this.a = a; this.lo = lo; this.hi = hi; this.t = t; this.offByOne = offByOne; }
        protected Long compute() {
            if (hi - lo <= t) { long s = 0; for (int i = lo; i < hi; i++) s += ForkJoinSum.work(a[i]); return s; }
            int q = (hi - lo) / 4;
            var p1 = new Quad(a, lo, lo + q, t, offByOne);
            var p2 = new Quad(a, lo + q, lo + 2 * q, t, offByOne);
            var p3 = new Quad(a, lo + 2 * q, lo + 3 * q, t, offByOne);
            var p4 = new Quad(a, lo + 3 * q + (offByOne ? 1 : 0), hi, t, offByOne);
            p1.fork(); p2.fork(); p3.fork();
            long s4 = p4.compute();
            return p3.join() + p2.join() + p1.join() + s4;
        }
    }

    @Test
    void ex09() {
        solved(Ex09.one.judge((d, t) -> java.util.concurrent.ForkJoinPool.commonPool().invoke(new Quad(d, 0, d.length, t, false))));
        notSolved(Ex09.one.judge((d, t) -> java.util.concurrent.ForkJoinPool.commonPool().invoke(new Quad(d, 0, d.length, t, true))), Outcome.Status.WRONG, "threshold");

        var img = new MandelbrotProblem(50, 40, 20);
        solved(Ex09.two.judge(img, 20));
        notSolved(Ex09.two.judge(img, 16), Outcome.Status.WRONG, "chunks");

        var cases = List.<Sweep.Case<?>>of(
                new Sweep.Case<int[]>("bands", true, true, t -> optpar.forkjoin.RowScheduling.STATIC_BANDS.run(img, t, 0).counts(), MandelbrotProblem::checksum),
                new Sweep.Case<int[]>("cyclic", true, true, t -> optpar.mandelbrot.MandelbrotVariants.byName("threads").compute(img, t), MandelbrotProblem::checksum));
        var split = Sweep.of("splits", cases).threads(1, 2).warmups(0).repeats(1).run();
        solved(Ex09.three.judge(split, "B"));
        notSolved(Ex09.three.judge(split, "A"), Outcome.Status.WRONG, "not A");
        var wrongSize = List.<Sweep.Case<?>>of(cases.get(0),
                new Sweep.Case<int[]>("cyclic", true, true, t -> optpar.mandelbrot.MandelbrotVariants.byName("threads").compute(new MandelbrotProblem(50, 41, 20), t), MandelbrotProblem::checksum));
        notSolved(Ex09.three.judge(Sweep.of("splits", wrongSize).threads(1).warmups(0).repeats(1).run(), "B"), Outcome.Status.WRONG, "different images");
    }

    // ----------------------------------------------------------------- 10
    @Test
    void ex10() {
        var flat = HeatVariants.byName("flat");
        solved(Ex10.one.judge(flat::solve));
        // the wrong problem size: one step too many
        notSolved(Ex10.one.judge((p, t) -> flat.solve(new HeatProblem(p.n(), p.steps() + 1), t)), Outcome.Status.WRONG, "steps");
        // one buffer, updated in place: reads neighbours already written (the race of a missing double buffer)
        notSolved(Ex10.one.judge((p, t) -> {
            int n = p.n();
            double[] u = p.initial();
            for (int s = 0; s < p.steps(); s++) {
                java.util.stream.IntStream.range(1, n - 1).parallel().forEach(i -> {
                    for (int j = 1; j < n - 1; j++) { int k = i * n + j; u[k] = HeatProblem.update(u[k], u[k - n], u[k + n], u[k - 1], u[k + 1], p.factor()); }
                });
            }
            return u;
        }), Outcome.Status.WRONG, "n=");

        var rows = Sweep.mandelbrot(new MandelbrotProblem(60, 40, 20)).impls("stream").threads(1, 2).warmups(0).repeats(1).run();
        int[] ts = rows.intColumn(Sweep.THREADS).asIntArray();
        double sp2 = rows.doubleColumn(Sweep.SPEEDUP).get(Arrays.stream(ts).boxed().toList().indexOf(2));
        double s = (2 / sp2 - 1) / (2 - 1);
        solved(Ex10.two.judge(s, rows));
        // p instead of p - 1 gives s/2. Where s/2 also equals 1 - s (s near 2/3, a speed-up near 1.2 on this
        // tiny image) the judge names that mistake instead: both are wrong answers.
        // (And where s is near 0, a perfect speed-up, s/2 is within the tolerance of s: then a plainly wrong 0.3 more.)
        double halved = Math.abs(s / 2 - s) > 0.02 ? s / 2 : s + 0.3;
        notSolved(Ex10.two.judge(halved, rows), Outcome.Status.WRONG,
                Math.abs(halved - (1 - s)) <= 0.01 ? "parallel fraction" : "expected");

        solved(Ex10.three.judge(PrangeRace::reduction));
        notSolved(Ex10.three.judge((x, t) -> PrangeRace.reduction(Arrays.copyOf(x, Math.max(0, x.length - 1)), t)), Outcome.Status.WRONG, "whole numbers");
    }

    // ----------------------------------------------------------------- 11
    static double[] blocks(HeatProblem p, int k, boolean exchange) {
        var split = new optpar.mpi.RowBlocks(p.n(), k);
        double[] together = p.initial();
        try (Arena arena = Arena.ofConfined()) {
            var parts = new optpar.mpi.HeatBlock[k];
            for (int r = 0; r < k; r++) parts[r] = new optpar.mpi.HeatBlock(p, split, r, arena);
            for (int s = 0; s < p.steps(); s++) {
                if (exchange) {
                    for (int r = 0; r + 1 < k; r++) {
                        parts[r].haloBelow().copyFrom(parts[r + 1].firstOwnRow());
                        parts[r + 1].haloAbove().copyFrom(parts[r].lastOwnRow());
                    }
                }
                for (var b : parts) b.step();
            }
            for (var b : parts) java.lang.foreign.MemorySegment.copy(b.ownRows(), ValueLayout.JAVA_DOUBLE, 0, together, b.first() * p.n(), b.rows() * p.n());
        }
        return together;
    }

    static MpiHeatResult mpi(int ranks, int n, double seconds, double checksum) {
        return new MpiHeatResult(ranks, n, 100, seconds, seconds, checksum, 0, null, List.of(seconds), false, 1, 0, 0, 0, 0, 0, 0, List.of());
    }

    @Test
    void ex11() {
        solved(Ex11.one.judge((p, k) -> blocks(p, k, true)));
        notSolved(Ex11.one.judge((p, k) -> blocks(p, k, false)), Outcome.Status.WRONG, "blocks");   // no halo exchange

        solved(Ex11.two.judge(mpi(2, 200, 0.10, 7), mpi(2, 200, 0.12, 7)));
        notSolved(Ex11.two.judge(mpi(2, 200, 0.10, 7), mpi(2, 201, 0.12, 7)), Outcome.Status.WRONG, "different problems");
        notSolved(Ex11.two.judge(mpi(2, 200, 0.10, 7), mpi(3, 200, 0.12, 7)), Outcome.Status.WRONG, "K = 2");

        solved(Ex11.three.judge(List.of(mpi(1, 200, 0.1, 1), mpi(2, 283, 0.11, 2), mpi(3, 346, 0.13, 3)), 200));
        notSolved(Ex11.three.judge(List.of(mpi(1, 200, 0.1, 1), mpi(2, 200, 0.06, 2)), 200), Outcome.Status.WRONG, "n(K)");   // strong, not weak
    }

    // ----------------------------------------------------------------- 12
    static BatchReport report(String engine, int jobs, double seconds) {
        var results = new java.util.ArrayList<JobResult>();
        for (int j = 0; j < jobs; j++) results.add(new JobResult(j, null, "w" + (j % 2), 1, 1));
        return new BatchReport(engine, 2, results, seconds, 0, List.of());
    }

    @Test
    void ex12() {
        solved(Ex12.one.judge(report("hazelcast", 8, 2.0), report("hazelcast", 8, 1.9)));
        notSolved(Ex12.one.judge(report("hazelcast", 8, 2.0), report("hazelcast", 12, 1.9)), Outcome.Status.WRONG, "different numbers");

        solved(Ex12.two.judge(report("single", 8, 0.05), report("pool", 8, 3.0)));
        notSolved(Ex12.two.judge(report("single", 8, 3.0), report("pool", 8, 0.05)), Outcome.Status.WRONG, "tiny");

        var ref = List.of(new Reduced("raw-0000.csv", 10, 1, 1, 1, 0.1, 0), new Reduced("raw-0001.csv", 10, 2, 1, 2, 0.1, 0));
        solved(Ex12.three.judge(report("hazelcast", 2, 1), ref, ref));
        notSolved(Ex12.three.judge(report("hazelcast", 1, 1), ref.subList(0, 1), ref), Outcome.Status.WRONG, "differ");
    }

    // ----------------------------------------------------------------- 13
    static CwlRun cwl(int exit, Path out, String... cachedJobs) {
        StringBuilder log = new StringBuilder();
        for (String j : cachedJobs) log.append("INFO [job ").append(j).append("] Using cached output in /tmp/x\n");
        return new CwlRun(exit, log.toString(), "{}", out, 1.0);
    }

    @Test
    void ex13(@TempDir Path dir) {
        solved(Ex13.one.judge(cwl(0, dir, "generate", "reduce", "reduce_2", "merge", "plot"), 2));
        notSolved(Ex13.one.judge(cwl(0, dir, "generate", "reduce", "merge", "plot"), 2), Outcome.Status.WRONG, "1 of 2");
        notSolved(Ex13.one.judge(cwl(0, dir, "reduce", "reduce_2", "merge", "plot"), 2), Outcome.Status.WRONG, "generate ran again");

        solved(Ex13.two.judge(cwl(0, dir, "generate")));
        notSolved(Ex13.two.judge(cwl(0, dir, "generate", "reduce")), Outcome.Status.WRONG, "came from the cache");

        List<Path> raw = RawData.generate(dir.resolve("raw"), 1, 300, 42, -1);
        Path out = dir.resolve("out");
        Reduction.reduceFile(raw.get(0), out.resolve("raw-0000.reduced.csv"), 500, false);
        solved(Ex13.three.judge(cwl(0, out), raw.get(0)));
        Path out200 = dir.resolve("out200");
        Reduction.reduceFile(raw.get(0), out200.resolve("raw-0000.reduced.csv"), 200, false);
        notSolved(Ex13.three.judge(cwl(0, out200), raw.get(0)), Outcome.Status.WRONG, "default work of 200");
        notSolved(Ex13.three.judge(cwl(1, out), raw.get(0)), Outcome.Status.WRONG, "failed");
    }
}
