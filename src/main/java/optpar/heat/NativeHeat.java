package optpar.heat;

import optpar.OffHeapGrids;
import optpar.NativeLibrary;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;
import static java.lang.foreign.ValueLayout.JAVA_INT;

/**
 * The same update in C ({@code src/main/c/heat.c}, gcc -O3 -march=native -ffp-contract=off, which
 * vectorizes the inner loop by itself for the CPU it runs on), called through the Foreign Function &amp; Memory API.
 *
 * <p>The grids live in native memory from an {@link Arena}: the initial grid is copied in once, all
 * steps run on it, and the result is copied out. That marshalling is the price of calling C: two
 * zeroed native allocations and two copies of the grid, nothing next to 200 steps of a 1024 grid,
 * but on a 4096 grid (128 MiB per copy) it costs about as much as a few steps. Threads are honoured: on one thread the whole solve
 * is one call into C ({@code optpar_heat_solve}); on more, each Java thread of a {@link StepTeam}
 * calls C ({@code optpar_heat_rows}) for its own band every step, with a barrier between steps (the
 * arena is shared so every thread may pass the segments). Without FMA contraction the C code keeps
 * {@link HeatProblem#update}'s order: bit-identical to the Java reference.
 *
 * <p>When the library was not built, {@link #available()} is false and {@link #unavailableReason()}
 * says why; {@link #solve} then throws {@link IllegalStateException} with that reason.
 *
 * <pre>{@code
 * var c = new NativeHeat();
 * double[] u = c.available() ? c.solve(new HeatProblem(1024, 200), 1) : null;
 * }</pre>
 */
public final class NativeHeat implements HeatSolver {

    static final String ROWS = "optpar_heat_rows";
    static final String SOLVE = "optpar_heat_solve";

    /** Looked up on first use (holder idiom): loading this class never fails. */
    private static final class Handles {
        /** void optpar_heat_rows(int n, double f, const double *src, double *dst, int rowFrom, int rowTo) */
        static final MethodHandle ROWS_H = NativeLibrary.downcall(ROWS,
                FunctionDescriptor.ofVoid(JAVA_INT, JAVA_DOUBLE, ADDRESS, ADDRESS, JAVA_INT, JAVA_INT));
        /** int optpar_heat_solve(int n, int steps, double f, double *a, double *b) */
        static final MethodHandle SOLVE_H = NativeLibrary.downcall(SOLVE,
                FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_DOUBLE, ADDRESS, ADDRESS));
    }

    @Override public String name() { return "native"; }

    @Override public String description() { return "the same update in C (gcc -O3 -march=native), called through FFM; bands over Java threads"; }

    @Override public boolean parallel() { return true; }

    @Override public boolean available() { return NativeLibrary.has(ROWS) && NativeLibrary.has(SOLVE); }

    /** Why this variant cannot run here, or "" when it can. */
    public String unavailableReason() {
        if (!NativeLibrary.available()) return NativeLibrary.unavailableReason();
        return available() ? "" : "the native library lacks " + ROWS + " or " + SOLVE + " (rebuild it: mvn package)";
    }

    @Override
    public double[] solve(HeatProblem p, int threads) {
        HeatSolver.requireThreads(threads);
        if (!available()) throw new IllegalStateException("native heat unavailable: " + unavailableReason());
        int n = p.n();
        double f = p.factor();
        double[] initial = p.initial();
        try (Arena arena = Arena.ofShared()) {
            MemorySegment[] grids = OffHeapGrids.pair(arena, (long) n * n);   // not two allocations: see there
            MemorySegment a = grids[0], b = grids[1];
            MemorySegment.copy(initial, 0, a, JAVA_DOUBLE, 0, initial.length);
            MemorySegment.copy(initial, 0, b, JAVA_DOUBLE, 0, initial.length);   // both carry the boundary
            int inB;
            if (threads == 1) {
                inB = (int) Handles.SOLVE_H.invokeExact(n, p.steps(), f, a, b);
            } else {
                int bands = Math.min(threads, n - 2);
                StepTeam.run(bands, p.steps(), (w, step) -> {
                    MemorySegment src = step % 2 == 0 ? a : b, dst = step % 2 == 0 ? b : a;
                    try {
                        Handles.ROWS_H.invokeExact(n, f, src, dst, StepTeam.bandStart(n, bands, w), StepTeam.bandStart(n, bands, w + 1));
                    } catch (Throwable e) {
                        throw new IllegalStateException("native call failed: " + e, e);
                    }
                });
                inB = p.steps() % 2;
            }
            return (inB == 0 ? a : b).toArray(JAVA_DOUBLE);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("native call failed: " + e, e);
        }
    }
}
