package optpar;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The course's C library ({@code liboptpar.so}, built from {@code src/main/c} by the Maven build)
 * opened once with the Foreign Function &amp; Memory API, the Java answer to Cython and ctypes.
 *
 * <p>When the library is missing (no gcc at build time, or {@link Course#nativeDir()} finds nothing)
 * nothing fails at class loading: {@link #available()} is false and {@link #unavailableReason()} says
 * why, so the native variants report themselves unavailable and every Java variant still runs.
 *
 * <pre>{@code
 * if (NativeLibrary.available()) {
 *     // void optpar_heat_rows(int n, double f, const double *src, double *dst, int rowFrom, int rowTo)
 *     MethodHandle rows = NativeLibrary.downcall("optpar_heat_rows", FunctionDescriptor.ofVoid(
 *             ValueLayout.JAVA_INT, ValueLayout.JAVA_DOUBLE, ValueLayout.ADDRESS, ValueLayout.ADDRESS,
 *             ValueLayout.JAVA_INT, ValueLayout.JAVA_INT));
 * } else {
 *     System.out.println(NativeLibrary.unavailableReason());
 * }
 * }</pre>
 */
public final class NativeLibrary {
    private NativeLibrary() {}

    /** The file name of the library inside {@link Course#nativeDir()}. */
    public static final String FILE = "liboptpar.so";

    private static final SymbolLookup LOOKUP;
    private static final String PROBLEM;

    static {
        SymbolLookup lookup = null;
        String problem = null;
        Path dir = Course.nativeDir();
        if (dir == null) {
            problem = "the native library was not built: no native folder found (build with gcc installed:"
                    + " mvn package, or set OPTPAR_NATIVE_DIR)";
        } else if (!Files.isRegularFile(dir.resolve(FILE))) {
            problem = "the native library " + dir.resolve(FILE) + " is missing (was gcc installed when the course was built?)";
        } else {
            try {
                passiveOpenMpWaits();
                // The global arena: the library stays loaded for the life of the JVM.
                lookup = SymbolLookup.libraryLookup(dir.resolve(FILE), Arena.global());
            } catch (RuntimeException e) {
                problem = "the native library " + dir.resolve(FILE) + " could not be loaded: " + e.getMessage();
            }
        }
        LOOKUP = lookup;
        PROBLEM = problem;
    }

    /**
     * OpenMP's threads (the C twins) spin while they wait at a barrier unless told otherwise. On a
     * machine whose cores are shared (a notebook's JVM, other programs) a spinning thread takes the
     * core its team mate needs, and a parallel loop runs several times slower than on one thread. So,
     * unless the user set it, {@code OMP_WAIT_POLICY=passive} (sleep while waiting) is put in this
     * process's environment before libgomp reads it, which it does when the library is loaded.
     */
    private static void passiveOpenMpWaits() {
        if (System.getenv("OMP_WAIT_POLICY") != null) return;
        try (Arena a = Arena.ofConfined()) {
            var linker = java.lang.foreign.Linker.nativeLinker();
            var setenv = linker.defaultLookup().find("setenv");
            if (setenv.isEmpty()) return;
            MethodHandle h = linker.downcallHandle(setenv.get(), FunctionDescriptor.of(java.lang.foreign.ValueLayout.JAVA_INT,
                    java.lang.foreign.ValueLayout.ADDRESS, java.lang.foreign.ValueLayout.ADDRESS, java.lang.foreign.ValueLayout.JAVA_INT));
            int ignored = (int) h.invokeExact(a.allocateFrom("OMP_WAIT_POLICY"), a.allocateFrom("passive"), 0);
        } catch (Throwable e) {
            // not essential: OpenMP then spins while waiting, which is only slower on a busy machine
        }
    }

    /** Whether {@code liboptpar.so} was found and loaded. */
    public static boolean available() {
        return LOOKUP != null;
    }

    /** Why the library is unavailable, or an empty string when it is available. */
    public static String unavailableReason() {
        return PROBLEM == null ? "" : PROBLEM;
    }

    /** Whether the library exports {@code symbol}. */
    public static boolean has(String symbol) {
        return LOOKUP != null && LOOKUP.find(symbol).isPresent();
    }

    /**
     * A method handle that calls the C function {@code symbol} with the given signature.
     *
     * @throws IllegalStateException when the library or the symbol is missing (the message says why)
     */
    public static MethodHandle downcall(String symbol, FunctionDescriptor signature, Linker.Option... options) {
        if (LOOKUP == null) throw new IllegalStateException(PROBLEM);
        Optional<MemorySegment> address = LOOKUP.find(symbol);
        if (address.isEmpty()) {
            throw new IllegalStateException("the native library has no function " + symbol + " (rebuild it: mvn package)");
        }
        return Linker.nativeLinker().downcallHandle(address.get(), signature, options);
    }
}
