package optpar.jit;

import optpar.heat.HeatProblem;
import optpar.heat.HeatSolver;
import optpar.heat.HeatVariants;
import optpar.mandelbrot.MandelbrotKernel;
import optpar.mandelbrot.MandelbrotProblem;
import optpar.mandelbrot.MandelbrotVariants;

import java.lang.management.ManagementFactory;

/**
 * The program a child JVM runs: one course kernel called several times, each call timed.
 *
 * <pre>
 * java ... optpar.jit.TimedKernel mandelbrot VARIANT WIDTH HEIGHT MAXITER THREADS CALLS
 * java ... optpar.jit.TimedKernel heat VARIANT N STEPS THREADS CALLS
 * java ... optpar.jit.TimedKernel shapes N CALLS
 * </pre>
 * ("shapes" runs the three call-site demos of {@link MegamorphicCalls}, each on its own mix.)
 *
 * It prints one line per call, {@code optpar-call INDEX START_MS NANOS}, where START_MS is the
 * time since the JVM started (the clock of {@code -XX:+PrintCompilation}), and at the end
 * {@code optpar-checksum VALUE}. These lines go to <em>stderr</em>: the JVM's own compilation
 * log goes to stdout, and separate streams cannot interleave in the middle of a line.
 */
public final class TimedKernel {
    private TimedKernel() {}

    /** The prefix of a timing line. */
    static final String CALL = "optpar-call";
    /** The prefix of the checksum line. */
    static final String CHECKSUM = "optpar-checksum";

    public static void main(String[] args) {
        try {
            run(args);
        } catch (IllegalArgumentException e) {
            System.err.println("optpar-error " + e.getMessage());
            System.exit(2);
        }
    }

    private static void run(String[] args) {
        if (args.length == 0) throw new IllegalArgumentException(usage());
        // Time since JVM start, read once; later instants are derived from nanoTime.
        long uptime0 = ManagementFactory.getRuntimeMXBean().getUptime();
        long nano0 = System.nanoTime();
        switch (args[0]) {
            case "mandelbrot" -> {
                need(args, 7);
                MandelbrotKernel k = MandelbrotVariants.byName(args[1]);
                var p = new MandelbrotProblem(num(args[2]), num(args[3]), num(args[4]));
                int threads = num(args[5]), calls = positive(args[6]);
                int[] counts = timeCalls(calls, uptime0, nano0, () -> k.compute(p, threads));
                System.err.println(CHECKSUM + " " + MandelbrotProblem.checksum(counts));
            }
            case "heat" -> {
                need(args, 6);
                HeatSolver s = HeatVariants.byName(args[1]);
                var p = new HeatProblem(num(args[2]), num(args[3]));
                int threads = num(args[4]), calls = positive(args[5]);
                double[] u = timeCalls(calls, uptime0, nano0, () -> s.solve(p, threads));
                System.err.println(CHECKSUM + " " + HeatProblem.checksum(u));
            }
            case "shapes" -> {
                need(args, 3);
                int n = num(args[1]), calls = positive(args[2]);
                MegamorphicCalls.Shape[] one = MegamorphicCalls.shapes(n, 1, 1);
                MegamorphicCalls.Shape[] two = MegamorphicCalls.shapes(n, 2, 2);
                MegamorphicCalls.Shape[] four = MegamorphicCalls.shapes(n, 4, 4);
                double sum = 0;
                for (int i = 0; i < calls; i++) {
                    long t0 = System.nanoTime();
                    sum += MegamorphicCalls.sumOneType(one) + MegamorphicCalls.sumTwoTypes(two) + MegamorphicCalls.sumFourTypes(four);
                    long t1 = System.nanoTime();
                    report(i, uptime0, nano0, t0, t1);
                }
                System.err.println(CHECKSUM + " " + sum);
            }
            default -> throw new IllegalArgumentException("unknown kernel '" + args[0] + "'; " + usage());
        }
    }

    /** Calls {@code body} {@code calls} times, reporting each call's time; returns the last result. */
    private static <T> T timeCalls(int calls, long uptime0, long nano0, java.util.function.Supplier<T> body) {
        T last = null;
        for (int i = 0; i < calls; i++) {
            long t0 = System.nanoTime();
            last = body.get();
            long t1 = System.nanoTime();
            report(i, uptime0, nano0, t0, t1);
        }
        return last;
    }

    private static void report(int i, long uptime0, long nano0, long t0, long t1) {
        double startMs = uptime0 + (t0 - nano0) / 1e6;
        System.err.printf(java.util.Locale.ROOT, "%s %d %.3f %d%n", CALL, i, startMs, t1 - t0);
    }

    private static String usage() {
        return "usage: TimedKernel mandelbrot VARIANT WIDTH HEIGHT MAXITER THREADS CALLS"
                + " | TimedKernel heat VARIANT N STEPS THREADS CALLS | TimedKernel shapes N CALLS";
    }

    private static void need(String[] args, int n) {
        if (args.length != n) throw new IllegalArgumentException("expected " + (n - 1) + " arguments after '" + args[0] + "'; " + usage());
    }

    private static int num(String s) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + s + "' is not a whole number; " + usage());
        }
    }

    private static int positive(String s) {
        int n = num(s);
        if (n < 1) throw new IllegalArgumentException("calls=" + n + " is not allowed: it must be at least 1");
        return n;
    }
}
