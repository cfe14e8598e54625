package optpar.heat;

import optpar.OffHeapGrids;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;

/**
 * The marshalling every whole-solve C heat call shares: two native grids holding the initial field
 * (both carry the boundary), one call that runs all steps, the result copied back.
 */
final class NativeGrids {
    private NativeGrids() {}

    /** A C solve over two grids: returns 0 when the result is in {@code a}, 1 when in {@code b}. */
    @FunctionalInterface
    interface Solve {
        int call(MemorySegment a, MemorySegment b) throws Throwable;
    }

    static double[] solve(HeatProblem p, Solve c) {
        double[] initial = p.initial();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment[] grids = OffHeapGrids.pair(arena, initial.length);   // not two allocations: see there
            MemorySegment a = grids[0], b = grids[1];
            MemorySegment.copy(initial, 0, a, JAVA_DOUBLE, 0, initial.length);
            MemorySegment.copy(initial, 0, b, JAVA_DOUBLE, 0, initial.length);
            return (c.call(a, b) == 0 ? a : b).toArray(JAVA_DOUBLE);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("native call failed: " + e, e);
        }
    }
}
