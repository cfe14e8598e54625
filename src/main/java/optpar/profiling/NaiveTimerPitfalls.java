package optpar.profiling;

import java.util.Random;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Three ways a hand-written {@code System.nanoTime()} loop lies on the JVM, each measured by the
 * very naive timer it warns about. The work is always the same: the sum of square roots of an array.
 *
 * <ol>
 *   <li><b>Warm-up</b> ({@link #warmUp}): the first calls run in the interpreter, later ones in code
 *       compiled by C1 and then C2. Time one call, and you timed the interpreter.</li>
 *   <li><b>Dead-code elimination</b> ({@link #deadCode}): when the result is never used, C2 may
 *       delete the whole loop. The "fast" time is the time of doing nothing.</li>
 *   <li><b>On-stack replacement</b> ({@link #onStackReplacement}): one long call cannot wait for a
 *       compiled version of itself; the JIT swaps the running loop to compiled code half-way (OSR).
 *       Time that call, and you get an average of two different programs.</li>
 * </ol>
 * JMH exists to avoid all three (warm-up iterations, {@code Blackhole}, forked JVMs).
 * <pre>{@code
 * NaiveTimerPitfalls.warmUp(200, 10_000)   // a table: call number, microseconds
 * }</pre>
 * These methods are used nowhere else, so the JIT sees them fresh the first time they run; run them
 * again in the same JVM and warm-up and OSR are gone: the code is already compiled. The notebook
 * runs them with {@link #inFreshJvm} instead: a new JVM each time (the same picture on every rerun),
 * and one whose JIT is not busy compiling the notebook's own cells.
 */
public final class NaiveTimerPitfalls {
    private NaiveTimerPitfalls() {}

    /** Results go here so the JIT cannot prove them unused (except where we want exactly that). */
    private static volatile double sink;

    static double[] data(int n) {
        if (n < 1) throw new IllegalArgumentException("array length " + n + " is not allowed; use at least 1");
        double[] x = new double[n];
        Random r = new Random(42);
        for (int i = 0; i < n; i++) x[i] = 1 + r.nextDouble();
        return x;
    }

    /** The work: used by the warm-up demo only. */
    static double sumOfRootsForWarmUp(double[] x) {
        double s = 0;
        for (double v : x) s += Math.sqrt(v);
        return s;
    }

    /**
     * Times each of the first {@code calls} calls of the same method, one {@code nanoTime} pair per
     * call: the warm-up curve.
     *
     * @return columns "call" (1, 2, ...) and "µs per call"
     */
    public static Table warmUp(int calls, int n) {
        if (calls < 1) throw new IllegalArgumentException("calls = " + calls + " is not allowed; use at least 1");
        double[] x = data(n);
        IntColumn call = IntColumn.create("call");
        DoubleColumn micros = DoubleColumn.create("µs per call");
        for (int c = 1; c <= calls; c++) {
            long t0 = System.nanoTime();
            sink = sumOfRootsForWarmUp(x);
            long t1 = System.nanoTime();
            call.append(c);
            micros.append((t1 - t0) / 1e3);
        }
        return Table.create("Warm-up: the same call, timed again and again", call, micros);
    }

    /** WRONG: the sum is computed and thrown away, so C2 may remove the loop altogether. */
    static void sumOfRootsDiscarded(double[] x) {
        double s = 0;
        for (double v : x) s += Math.sqrt(v);
        // s is never used: dead code
    }

    /** RIGHT: the sum is returned and the caller stores it in a volatile field. */
    static double sumOfRootsReturned(double[] x) {
        double s = 0;
        for (double v : x) s += Math.sqrt(v);
        return s;
    }

    /**
     * The same loop timed with its result thrown away and with its result used, each after
     * {@code warmUpCalls} untimed calls, as the naive timer sees it.
     *
     * @return columns "variant" and "ns per element" (median of {@code reps} timed calls)
     */
    public static Table deadCode(int n, int warmUpCalls, int reps) {
        if (reps < 1) throw new IllegalArgumentException("reps = " + reps + " is not allowed; use at least 1");
        double[] x = data(n);
        for (int i = 0; i < warmUpCalls; i++) {
            sumOfRootsDiscarded(x);
            sink = sumOfRootsReturned(x);
        }
        double[] discarded = new double[reps];
        double[] returned = new double[reps];
        for (int r = 0; r < reps; r++) {
            long t0 = System.nanoTime();
            sumOfRootsDiscarded(x);
            long t1 = System.nanoTime();
            sink = sumOfRootsReturned(x);
            long t2 = System.nanoTime();
            discarded[r] = (t1 - t0) / (double) n;
            returned[r] = (t2 - t1) / (double) n;
        }
        StringColumn variant = StringColumn.create("variant", "result discarded (dead code)", "result used");
        DoubleColumn ns = DoubleColumn.create("ns per element", median(discarded), median(returned));
        return Table.create("Dead-code elimination, seen by a naive timer", variant, ns);
    }

    /**
     * One single call that runs the loop {@code chunks} times over the array and times each pass:
     * the first passes run in the interpreter, then the JIT replaces the running loop with compiled
     * code (on-stack replacement) and the time per element drops, all inside the same call.
     *
     * @return columns "pass" and "ns per element"
     */
    public static Table onStackReplacement(int chunks, int n) {
        if (chunks < 1) throw new IllegalArgumentException("chunks = " + chunks + " is not allowed; use at least 1");
        double[] x = data(n);
        long[] nanos = new long[chunks];
        double s = 0;
        for (int c = 0; c < chunks; c++) {       // this loop is what OSR compiles while it runs
            long t0 = System.nanoTime();
            for (int i = 0; i < n; i++) s += Math.sqrt(x[i]);
            nanos[c] = System.nanoTime() - t0;
        }
        sink = s;
        IntColumn pass = IntColumn.create("pass");
        DoubleColumn ns = DoubleColumn.create("ns per element");
        for (int c = 0; c < chunks; c++) {
            pass.append(c + 1);
            ns.append(nanos[c] / (double) n);
        }
        return Table.create("One call, timed pass by pass (on-stack replacement)", pass, ns);
    }

    /** Each child JVM must finish within this many seconds. */
    public static final int TIMEOUT_SECONDS = 120;

    /**
     * Runs one demo ("warmUp", "deadCode" or "onStackReplacement", with its two int arguments; the
     * dead-code demo takes n and reps and warms up 3000 calls) in a fresh child JVM and returns its table.
     *
     * @throws IllegalArgumentException for an unknown demo name
     */
    public static Table inFreshJvm(String demo, int a, int b) {
        if (!java.util.List.of("warmUp", "deadCode", "onStackReplacement").contains(demo)) {
            throw new IllegalArgumentException("unknown demo '" + demo + "'; allowed: warmUp, deadCode, onStackReplacement");
        }
        var cmd = optpar.process.ChildProcess.javaCommand(java.util.List.of("-Dstdout.encoding=UTF-8"),
                NaiveTimerPitfalls.class.getName(), demo, Integer.toString(a), Integer.toString(b));
        // The bound holds even if the child hangs: its output goes to a file, nothing reads a pipe to its end first.
        var r = optpar.process.ChildProcess.of(cmd).timeout(java.time.Duration.ofSeconds(TIMEOUT_SECONDS))
                .run().requireSuccess();
        if (r.stdout().size() < 2) {
            throw new IllegalStateException("the child JVM printed no table (exit " + r.exitCode() + "): " + r.stdout());
        }
        String csv = String.join("\n", r.stdout().subList(1, r.stdout().size()));
        Table t = Table.read().csv(tech.tablesaw.io.csv.CsvReadOptions.builder(new java.io.StringReader(csv)).build());
        return t.setName(r.stdout().getFirst());
    }

    /** The child of {@link #inFreshJvm}: prints the table's name, then the table as CSV. */
    public static void main(String[] args) throws java.io.IOException {
        int a = Integer.parseInt(args[1]), b = Integer.parseInt(args[2]);
        Table t = switch (args[0]) {
            case "warmUp" -> warmUp(a, b);
            case "deadCode" -> deadCode(a, 3_000, b);
            case "onStackReplacement" -> onStackReplacement(a, b);
            default -> throw new IllegalArgumentException("unknown demo " + args[0]);
        };
        var w = new java.io.StringWriter();
        t.write().csv(w);
        System.out.print(t.name() + "\n" + w);
        System.out.flush();
    }

    static double median(double[] v) {
        double[] s = v.clone();
        java.util.Arrays.sort(s);
        int m = s.length / 2;
        return s.length % 2 == 1 ? s[m] : (s[m - 1] + s[m]) / 2;
    }
}
