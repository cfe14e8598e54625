package optpar.vectorize;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import optpar.process.ChildProcess;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * When does the JIT turn a plain loop into SIMD code by itself? Measured by switching that
 * optimization off: the same two loops run in two child JVMs, one with C2's default
 * auto-vectorizer (SuperWord) and one with {@code -XX:-UseSuperWord}.
 *
 * <ul>
 *   <li>The element-wise polynomial ({@link Polynomial#fusedLoop}) has independent iterations:
 *       C2 packs as many of them as a vector register holds into one instruction, and switching
 *       that off makes it slower.</li>
 *   <li>The sum ({@link Reductions#scalarSum}) carries {@code s} from one iteration to the next and
 *       must add in order: C2 keeps it scalar, so the switch changes nothing.</li>
 * </ul>
 * <pre>{@code
 * Table t = AutoVectorization.compare(1_000_000, 200);   // loop, with SuperWord, without, ratio
 * }</pre>
 */
public final class AutoVectorization {
    private AutoVectorization() {}

    /** Each child JVM must finish within this many seconds. */
    public static final int TIMEOUT_SECONDS = 120;

    /**
     * Runs {@link #main} in two child JVMs and returns nanoseconds per element of each loop.
     *
     * @throws IllegalArgumentException when n or reps is below 1
     */
    public static Table compare(int n, int reps) {
        if (n < 1 || reps < 1) throw new IllegalArgumentException("n = " + n + ", reps = " + reps + ": both must be at least 1");
        double[] with = runChild(List.of(), n, reps);
        double[] without = runChild(List.of("-XX:-UseSuperWord"), n, reps);
        StringColumn loop = StringColumn.create("loop", "A*x*x + B*x + C (element-wise)", "sum of x (reduction)");
        DoubleColumn on = DoubleColumn.create("ns/element, SuperWord on", with);
        DoubleColumn off = DoubleColumn.create("ns/element, -XX:-UseSuperWord", without);
        DoubleColumn ratio = DoubleColumn.create("slow-down without", off.divide(on).asDoubleArray());
        return Table.create("What the JIT vectorizes by itself", loop, on, off, ratio);
    }

    private static double[] runChild(List<String> jvmOptions, int n, int reps) {
        List<String> cmd = ChildProcess.javaCommand(jvmOptions, AutoVectorization.class.getName(),
                Integer.toString(n), Integer.toString(reps));
        ChildProcess.Result r = ChildProcess.of(cmd).timeout(Duration.ofSeconds(TIMEOUT_SECONDS)).run().requireSuccess();
        for (String line : r.stdout()) {
            if (line.startsWith("RESULT ")) {
                String[] f = line.trim().split(" ");
                return new double[] {Double.parseDouble(f[1]), Double.parseDouble(f[2])};
            }
        }
        throw new IllegalStateException("the child JVM " + jvmOptions + " printed no result:\n" + String.join("\n", r.allLines()));
    }

    /**
     * The child: times both loops (best of {@code reps} after as many warm-up runs) and prints
     * {@code RESULT <ns per element polynomial> <ns per element sum>}.
     */
    public static void main(String[] args) {
        int n = Integer.parseInt(args[0]);
        int reps = Integer.parseInt(args[1]);
        double[] x = BoxedVsPrimitive.randomArray(n, 1);
        double[] out = new double[n];
        double sink = 0;
        List<Double> poly = new ArrayList<>();
        List<Double> sum = new ArrayList<>();
        for (int r = 0; r < 2 * reps; r++) {
            long t0 = System.nanoTime();
            Polynomial.fusedLoop(2, 3, 4, x, out);
            long t1 = System.nanoTime();
            sink += Reductions.scalarSum(x);
            long t2 = System.nanoTime();
            sink += out[r % n];
            if (r >= reps) {                 // the first half was warm-up
                poly.add((t1 - t0) / (double) n);
                sum.add((t2 - t1) / (double) n);
            }
        }
        System.out.println("RESULT " + min(poly) + " " + min(sum) + " " + (sink == 42 ? "!" : ""));
    }

    private static double min(List<Double> v) {
        return v.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
    }
}
