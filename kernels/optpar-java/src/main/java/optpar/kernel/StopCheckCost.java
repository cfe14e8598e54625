package optpar.kernel;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandle;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Arrays;
import java.util.Locale;

/**
 * What the kernel's stop checks cost: the same cell-like loops, loaded once as compiled and once
 * with the checks {@link StopChecks} inserts, timed in alternating rounds. Run by
 * {@code ./course kernel-bench}; measures the thread's CPU time and prints the ratio checked/plain per loop and whether each stays
 * within {@link #BUDGET} (5%). A timed harness, not a unit test: the verdict is computed from
 * what this machine measured, and a busy machine can blur it (run it again).
 *
 * <pre>{@code
 * ./course kernel-bench            # default rounds
 * ./course kernel-bench 30         # more rounds
 * }</pre>
 */
public final class StopCheckCost {

    static final double BUDGET = 1.05;

    /** Loops as a learner writes them in a cell: a reduction the JIT vectorises, a dependent chain. */
    public static final class CellLoops {
        public static long sum(int[] a, int reps) {
            long s = 0;
            for (int r = 0; r < reps; r++) {
                for (int i = 0; i < a.length; i++) s += a[i];
            }
            return s;
        }

        public static long escape(int n) {
            long total = 0;
            for (int p = 0; p < n; p++) {
                double cr = -2.0 + 2.5 * p / n, ci = 0.5 * (p % 97) / 97.0, zr = 0, zi = 0;
                int k = 0;
                while (k < 200 && zr * zr + zi * zi <= 4.0) {
                    double t = zr * zr - zi * zi + cr;
                    zi = 2 * zr * zi + ci;
                    zr = t;
                    k++;
                }
                total += k;
            }
            return total;
        }
    }

    private StopCheckCost() {
    }

    /** Loads {@link CellLoops} anew from its class file, as is or with stop checks. */
    private static Class<?> load(boolean withChecks) throws IOException, ClassNotFoundException {
        String name = CellLoops.class.getName();
        byte[] bytes;
        try (InputStream in = StopCheckCost.class.getResourceAsStream("StopCheckCost$CellLoops.class")) {
            bytes = in.readAllBytes();
        }
        byte[] code = withChecks ? new StopChecks().instrument(bytes) : bytes;
        ClassLoader loader = new ClassLoader(StopCheckCost.class.getClassLoader()) {
            @Override
            protected Class<?> loadClass(String n, boolean resolve) throws ClassNotFoundException {
                if (n.equals(name)) {
                    synchronized (getClassLoadingLock(n)) {
                        Class<?> c = findLoadedClass(n);
                        return c != null ? c : defineClass(n, code, 0, code.length);
                    }
                }
                return super.loadClass(n, resolve);
            }
        };
        return loader.loadClass(name);
    }

    public static void main(String[] args) throws Throwable {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 25;
        if (rounds < 3) throw new IllegalArgumentException("kernel-bench: give 3 or more rounds (default 25)");
        var lookup = MethodHandles.publicLookup();
        // CPU time of this thread, not wall time: time the core spent on other programs (a shared
        // machine) is not counted, so the two variants compare on what they themselves cost.
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        Class<?> plain = load(false), checked = load(true);
        int[] data = new int[1 << 16];
        for (int i = 0; i < data.length; i++) data[i] = (i * 2654435761L) % 1000 < 500 ? i & 1023 : -(i & 511);
        MethodType sumType = MethodType.methodType(long.class, int[].class, int.class);
        MethodType escapeType = MethodType.methodType(long.class, int.class);
        MethodHandle[] sum = {lookup.findStatic(plain, "sum", sumType), lookup.findStatic(checked, "sum", sumType)};
        MethodHandle[] escape = {lookup.findStatic(plain, "escape", escapeType), lookup.findStatic(checked, "escape", escapeType)};
        System.out.printf(Locale.ROOT, "stop-check cost: %d rounds, each loop with and without checks, alternating (thread CPU time)%n", rounds);
        boolean within = true;
        for (String loop : new String[] {"sum", "escape"}) {
            double[][] seconds = new double[2][rounds];
            long expect = 0;
            for (int r = 0; r < rounds + 3; r++) { // 3 rounds warm the JIT up and are not counted
                for (int turn = 0; turn < 2; turn++) {
                    int v = (r + turn) % 2; // who goes first alternates: a drifting machine favours neither
                    long t0 = cpu.getCurrentThreadCpuTime();
                    long result = loop.equals("sum") ? (long) sum[v].invokeExact(data, 3000) : (long) escape[v].invokeExact(100_000);
                    long t1 = cpu.getCurrentThreadCpuTime();
                    if (r == 0 && turn == 0) expect = result;
                    if (result != expect) throw new IllegalStateException(loop + ": the checked loop computed " + result + ", the plain one " + expect);
                    if (r >= 3) seconds[v][r - 3] = (t1 - t0) * 1e-9;
                }
            }
            // The ratio of the two runs of one round (adjacent in time), the median over rounds: a
            // neighbour taking the core for a while moves both runs of a round, and few rounds at all.
            double[] ratios = new double[rounds];
            for (int r = 0; r < rounds; r++) ratios[r] = seconds[1][r] / seconds[0][r];
            Arrays.sort(ratios);
            Arrays.sort(seconds[0]);
            Arrays.sort(seconds[1]);
            double ratio = ratios[rounds / 2];
            double bestRatio = seconds[1][0] / seconds[0][0];
            boolean ok = ratio <= BUDGET;
            within &= ok;
            System.out.printf(Locale.ROOT, "  %-7s plain best %7.2f ms, checked best %7.2f ms; checked/plain: median of rounds %.3f (of bests %.3f) %s%n",
                    loop, seconds[0][0] * 1e3, seconds[1][0] * 1e3, ratio, bestRatio,
                    ok ? "within 5%" : "NOT within 5% here (rerun on a quiet machine before believing it)");
        }
        System.out.println(within ? "stop checks: within 5% of the plain loops" : "stop checks: over 5% on this run");
    }
}
