package optpar.measure;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The arithmetic ceiling of this machine, measured: the peak GFLOP/s of a Vector API fused
 * multiply-add loop, on one thread and on several. The companion of {@link BandwidthProbe} (the
 * memory ceiling); together they are the two roofs of {@link Roofline}.
 *
 * <p>Each thread keeps {@value #CHAINS} independent accumulators ({@code acc = acc * x + y},
 * {@link DoubleVector#fma}) so the FMA units never wait for a result: one FMA has a latency of a few
 * cycles, and a core can start one or two per cycle, so a single chain would measure the latency, not
 * the throughput. Each FMA counts as 2 flops per lane. Real code rarely reaches this peak: it also
 * loads, compares, branches.
 *
 * <pre>{@code
 * double one = ComputeProbe.gflops(1);                          // one core
 * double all = ComputeProbe.gflops(Machine.here().cores());     // every core
 * }</pre>
 */
public final class ComputeProbe {
    private ComputeProbe() {}

    /** Independent FMA chains per thread. */
    public static final int CHAINS = 12;

    static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;

    /** FMA rounds (CHAINS vector FMAs each) per thread in one measured pass. */
    static final int ROUNDS = 4_000_000;

    private static volatile double sink;

    /** The flops of {@code rounds} rounds on one thread. */
    static double flops(long rounds) {
        return 2.0 * SPECIES.length() * CHAINS * rounds;
    }

    /** One thread's loop: {@code rounds} rounds of {@value #CHAINS} independent vector FMAs. */
    static double fmaLoop(long rounds) {
        DoubleVector x = DoubleVector.broadcast(SPECIES, 0.999999), y = DoubleVector.broadcast(SPECIES, 1e-6);
        DoubleVector a0 = DoubleVector.broadcast(SPECIES, 1.0), a1 = a0.add(1), a2 = a0.add(2), a3 = a0.add(3),
                a4 = a0.add(4), a5 = a0.add(5), a6 = a0.add(6), a7 = a0.add(7), a8 = a0.add(8), a9 = a0.add(9),
                a10 = a0.add(10), a11 = a0.add(11);
        for (long r = 0; r < rounds; r++) {
            a0 = a0.fma(x, y); a1 = a1.fma(x, y); a2 = a2.fma(x, y); a3 = a3.fma(x, y);
            a4 = a4.fma(x, y); a5 = a5.fma(x, y); a6 = a6.fma(x, y); a7 = a7.fma(x, y);
            a8 = a8.fma(x, y); a9 = a9.fma(x, y); a10 = a10.fma(x, y); a11 = a11.fma(x, y);
        }
        // Use every chain, so none is dead code.
        return a0.add(a1).add(a2).add(a3).add(a4).add(a5).add(a6).add(a7).add(a8).add(a9).add(a10).add(a11)
                .reduceLanes(jdk.incubator.vector.VectorOperators.ADD);
    }

    /** Peak GFLOP/s on {@code threads} threads: best of 5 passes after a warm-up that lets C2 compile the loop. */
    public static double gflops(int threads) {
        return gflops(threads, 5);
    }

    /** Peak GFLOP/s on {@code threads} threads, best of {@code passes} passes. */
    public static double gflops(int threads, int passes) {
        if (threads < 1) throw new IllegalArgumentException("threads " + threads + " is not allowed: it must be at least 1");
        if (passes < 1) throw new IllegalArgumentException("passes " + passes + " is not allowed: use 1 or more");
        warmUp();
        double best = Double.POSITIVE_INFINITY;
        for (int p = 0; p < passes; p++) best = Math.min(best, pass(threads, ROUNDS));
        return threads * flops(ROUNDS) / best / 1e9;
    }

    /** Interpreted, the Vector API is very slow: run the loop until C2 has compiled it (notebook 04). */
    private static void warmUp() {
        long end = System.nanoTime() + 400_000_000L;
        double s = 0;
        while (System.nanoTime() < end) s += fmaLoop(20_000);
        sink = s;
    }

    /** Seconds for every thread to finish {@code rounds} rounds, started together. */
    private static double pass(int threads, long rounds) {
        CyclicBarrier start = new CyclicBarrier(threads + 1);
        List<Thread> team = new ArrayList<>();
        double[] out = new double[threads];
        for (int t = 0; t < threads; t++) {
            int me = t;
            Thread th = new Thread(() -> {
                try {
                    start.await();
                } catch (Exception e) {
                    return;
                }
                out[me] = fmaLoop(rounds);
            }, "compute-probe-" + t);
            th.setDaemon(true);
            team.add(th);
            th.start();
        }
        try {
            start.await();
            long t0 = System.nanoTime();
            for (Thread th : team) th.join();
            double secs = (System.nanoTime() - t0) / 1e9;
            double s = 0;
            for (double v : out) s += v;
            sink = s;
            return secs;
        } catch (Exception e) {
            for (Thread th : team) th.interrupt();
            throw new IllegalStateException("compute probe interrupted", e);
        }
    }
}
