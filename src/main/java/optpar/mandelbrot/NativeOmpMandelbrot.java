package optpar.mandelbrot;

import java.lang.foreign.FunctionDescriptor;
import java.lang.invoke.MethodHandle;
import optpar.NativeLibrary;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;

/**
 * The C twin of the parallel Java variants: the lecture's OpenMP slide ({@code #pragma omp parallel
 * for}) over the rows of the scalar C loop, one call from Java with the thread count passed in
 * ({@code optpar_mandelbrot_omp} in {@code src/main/c/mandelbrot.c}, built with {@code -fopenmp}).
 * Where {@link NativeMandelbrot} spreads rows over Java threads, here C's own threads do it.
 *
 * <pre>{@code
 * int[] counts = new NativeOmpMandelbrot().compute(MandelbrotProblem.HEAVY, 2);
 * }</pre>
 */
public final class NativeOmpMandelbrot implements MandelbrotKernel {
    static final String SYMBOL = "optpar_mandelbrot_omp";

    private static final class Handle {
        /** void optpar_mandelbrot_omp(int width, int height, int maxIter, int threads, int *counts) */
        static final MethodHandle H = NativeLibrary.downcall(SYMBOL,
                FunctionDescriptor.ofVoid(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS));
    }

    @Override public String name() { return "native-omp"; }

    @Override public String description() { return "the scalar C loop with #pragma omp parallel for over rows (OpenMP threads)"; }

    @Override public boolean parallel() { return true; }

    @Override public boolean available() { return NativeLibrary.has(SYMBOL); }

    @Override
    public int[] compute(MandelbrotProblem p, int threads) {
        MandelbrotKernel.requireThreads(threads);
        if (!available()) throw new IllegalStateException("native-omp unavailable: " + NativeLibrary.unavailableReason());
        // a block, so invokeExact is a statement: its exact type is (int, int, int, int, MemorySegment)void
        return NativeImage.fill(p, image -> { Handle.H.invokeExact(p.width(), p.height(), p.maxIter(), threads, image); });
    }
}
