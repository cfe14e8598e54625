package optpar.heat;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import optpar.NativeLibrary;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;
import static java.lang.foreign.ValueLayout.JAVA_INT;

/**
 * The C twin of {@link BandsHeat}/{@link VectorHeat} on threads: one OpenMP parallel region for all
 * steps, {@code #pragma omp for} hands out the rows, its implicit barrier ends each step
 * ({@code optpar_heat_omp}, the thread count passed in). One call from Java for the whole solve.
 * Bit-identical to the reference.
 *
 * <pre>{@code
 * double[] u = new NativeOmpHeat().solve(new HeatProblem(4096, 100), 2);
 * }</pre>
 */
public final class NativeOmpHeat implements HeatSolver {
    static final String SYMBOL = "optpar_heat_omp";

    private static final class Handle {
        /** int optpar_heat_omp(int n, int steps, double f, double *a, double *b, int threads) */
        static final MethodHandle H = NativeLibrary.downcall(SYMBOL,
                FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_DOUBLE, ADDRESS, ADDRESS, JAVA_INT));
    }

    @Override public String name() { return "native-omp"; }

    @Override public String description() { return "the C update with #pragma omp for over rows, one parallel region for all steps"; }

    @Override public boolean parallel() { return true; }

    @Override public boolean available() { return NativeLibrary.has(SYMBOL); }

    @Override
    public double[] solve(HeatProblem p, int threads) {
        HeatSolver.requireThreads(threads);
        if (!available()) throw new IllegalStateException("native-omp unavailable: " + NativeLibrary.unavailableReason());
        return NativeGrids.solve(p, (a, b) -> (int) Handle.H.invokeExact(p.n(), p.steps(), p.factor(), a, b, threads));
    }
}
