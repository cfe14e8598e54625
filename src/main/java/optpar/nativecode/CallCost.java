package optpar.nativecode;

import optpar.NativeLibrary;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.invoke.MethodHandle;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

/**
 * What one call into C costs: the same one-addition function, called {@code n} times in a row,
 * as a Java method and as a C function through FFM.
 *
 * <p>The Java method is inlined by the JIT: the loop becomes additions and no call is left.
 * The C function is opaque to the JIT: each call is a real call, plus the FFM transition (switch the
 * thread's state so the GC knows it is in native code, and back). {@link Linker.Option#critical}
 * skips that transition for short functions that never block or call back into Java.
 *
 * <p>The binding itself is three lines of FFM (see {@link optpar.NativeLibrary}): find the symbol in
 * {@code liboptpar.so}, describe its C signature with a {@link FunctionDescriptor}, and ask the
 * {@link Linker} for a {@link MethodHandle}.
 *
 * <pre>{@code
 * long a = CallCost.javaCalls(1_000_000);        // 1_000_000
 * long b = CallCost.nativeCalls(1_000_000);      // 1_000_000, but each step crossed into C
 * }</pre>
 */
public final class CallCost {
    private CallCost() {}

    private static final FunctionDescriptor LONG_TO_LONG = FunctionDescriptor.of(JAVA_LONG, JAVA_LONG);

    // static final: the JIT treats the handle as a constant and links the call site directly.
    private static final class Handles {
        static final MethodHandle INCREMENT = NativeLibrary.downcall("optpar_ffi_increment", LONG_TO_LONG);
        static final MethodHandle INCREMENT_CRITICAL = NativeLibrary.downcall("optpar_ffi_increment", LONG_TO_LONG,
                Linker.Option.critical(false));
    }

    /** The Java twin of {@code optpar_ffi_increment}. */
    public static long increment(long x) {
        return x + 1;
    }

    /** {@code n} calls of the Java method; returns {@code n}. */
    public static long javaCalls(long n) {
        checkCount(n);
        long x = 0;
        for (long i = 0; i < n; i++) x = increment(x);
        return x;
    }

    /** {@code n} calls of the C function through an ordinary downcall; returns {@code n}. */
    public static long nativeCalls(long n) {
        checkCount(n);
        long x = 0;
        try {
            for (long i = 0; i < n; i++) x = (long) Handles.INCREMENT.invokeExact(x);
        } catch (Throwable t) {
            throw new IllegalStateException("the call into C failed: " + t, t);
        }
        return x;
    }

    /** {@code n} calls of the C function through a critical downcall (no thread-state transition); returns {@code n}. */
    public static long criticalCalls(long n) {
        checkCount(n);
        long x = 0;
        try {
            for (long i = 0; i < n; i++) x = (long) Handles.INCREMENT_CRITICAL.invokeExact(x);
        } catch (Throwable t) {
            throw new IllegalStateException("the call into C failed: " + t, t);
        }
        return x;
    }

    private static void checkCount(long n) {
        if (n < 0) throw new IllegalArgumentException("n=" + n + " is not allowed: the number of calls must be 0 or more");
    }
}
