package optpar.mandelbrot;

import java.lang.foreign.FunctionDescriptor;
import java.lang.invoke.MethodHandle;
import optpar.NativeLibrary;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;

/**
 * The C twin of {@link VectorMandelbrot} (one thread) and {@link VectorThreadsMandelbrot} (more):
 * GCC vector extensions with as many lanes as the Java species, two vectors iterated together, a
 * mask of the running lanes, counts stored when a lane escapes; rows over OpenMP threads
 * ({@code optpar_mandelbrot_simd}). The same operations in the same order: identical counts.
 * {@link #lanes()} is the C side's lane count; when it differs from the Java species (a CPU where
 * gcc and the JVM choose different widths) the comparison is still fair but no longer lane for lane.
 *
 * <pre>{@code
 * var k = new NativeSimdMandelbrot();
 * int[] counts = k.compute(MandelbrotProblem.HEAVY, 1);
 * System.out.println(k.lanes() + " lanes in C, " + VectorMandelbrot.SPECIES.length() + " in Java");
 * }</pre>
 */
public final class NativeSimdMandelbrot implements MandelbrotKernel {
    static final String SYMBOL = "optpar_mandelbrot_simd";

    private static final class Handle {
        /** void optpar_mandelbrot_simd(int width, int height, int maxIter, int threads, int *counts) */
        static final MethodHandle H = NativeLibrary.downcall(SYMBOL,
                FunctionDescriptor.ofVoid(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS));
        static final MethodHandle LANES = NativeLibrary.downcall("optpar_simd_lanes", FunctionDescriptor.of(JAVA_INT));
    }

    @Override public String name() { return "native-simd"; }

    @Override public String description() {
        return "the vector variant in C: gcc vector extensions, two vectors, masks; rows over OpenMP threads";
    }

    @Override public boolean parallel() { return true; }

    @Override public boolean available() { return NativeLibrary.has(SYMBOL); }

    /** Doubles per vector in the C code (set by gcc -march=native). */
    public int lanes() {
        try {
            return (int) Handle.LANES.invokeExact();
        } catch (Throwable e) {
            throw new IllegalStateException("native call failed: " + e, e);
        }
    }

    @Override
    public int[] compute(MandelbrotProblem p, int threads) {
        MandelbrotKernel.requireThreads(threads);
        if (!available()) throw new IllegalStateException("native-simd unavailable: " + NativeLibrary.unavailableReason());
        // a block, so invokeExact is a statement: its exact type is (int, int, int, int, MemorySegment)void
        return NativeImage.fill(p, image -> { Handle.H.invokeExact(p.width(), p.height(), p.maxIter(), threads, image); });
    }
}
