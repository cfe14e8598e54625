package optpar.heat;

import java.lang.foreign.FunctionDescriptor;
import java.lang.invoke.MethodHandle;
import optpar.NativeLibrary;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;
import static java.lang.foreign.ValueLayout.JAVA_INT;

/**
 * The C twin of {@link BlockedHeat}: the same temporal blocking with the same tiles (one band of
 * rows per thread, each swept as a trapezoid of {@code depth} steps, then the triangles between
 * bands, a barrier after each), on OpenMP threads ({@code optpar_heat_blocked}). Bit-identical to
 * the reference and to {@link BlockedHeat} for every depth and thread count.
 *
 * <pre>{@code
 * double[] u = new NativeBlockedHeat().solve(new HeatProblem(4096, 100), 2);
 * }</pre>
 */
public final class NativeBlockedHeat implements HeatSolver {
    static final String SYMBOL = "optpar_heat_blocked";

    private static final class Handle {
        /** int optpar_heat_blocked(int n, int steps, double f, double *a, double *b, int depth, int threads) */
        static final MethodHandle H = NativeLibrary.downcall(SYMBOL,
                FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_DOUBLE, ADDRESS, ADDRESS, JAVA_INT, JAVA_INT));
    }

    private final int depth;

    /** {@link BlockedHeat#DEFAULT_DEPTH} steps per sweep, as the Java variant. */
    public NativeBlockedHeat() {
        this(BlockedHeat.DEFAULT_DEPTH);
    }

    /** @param depth steps per sweep, at least 1 */
    public NativeBlockedHeat(int depth) {
        if (depth < 1) throw new IllegalArgumentException("depth " + depth + " is not allowed: steps per sweep must be at least 1");
        this.depth = depth;
    }

    /** Steps per sweep. */
    public int depth() {
        return depth;
    }

    @Override public String name() { return "native-blocked"; }

    @Override public String description() { return "blocked in C: the same " + depth + "-step trapezoids and triangles on OpenMP threads"; }

    @Override public boolean parallel() { return true; }

    @Override public boolean available() { return NativeLibrary.has(SYMBOL); }

    @Override
    public double[] solve(HeatProblem p, int threads) {
        HeatSolver.requireThreads(threads);
        if (!available()) throw new IllegalStateException("native-blocked unavailable: " + NativeLibrary.unavailableReason());
        return NativeGrids.solve(p, (a, b) -> (int) Handle.H.invokeExact(p.n(), p.steps(), p.factor(), a, b, depth, threads));
    }
}
