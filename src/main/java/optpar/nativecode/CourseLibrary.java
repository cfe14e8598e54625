package optpar.nativecode;

import optpar.Course;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The course's C library, {@code liboptpar.so}, opened once with the Foreign Function &amp; Memory API.
 *
 * <p>Three steps bind a C function to Java (the JVM's counterpart of Python's ctypes/cffi, with
 * no glue code to compile):
 * <ol>
 *   <li>{@link SymbolLookup#libraryLookup(Path, Arena)} opens the shared library; the arena decides how
 *       long it stays loaded (here: {@link Arena#global()}, for the life of the JVM);</li>
 *   <li>{@code lookup.find("name")} gives the function's address, a {@link MemorySegment};</li>
 *   <li>{@link Linker#downcallHandle} turns address plus C signature ({@link FunctionDescriptor}) into a
 *       {@link MethodHandle} that Java calls like any method.</li>
 * </ol>
 *
 * <pre>{@code
 * MethodHandle inc = CourseLibrary.downcall("optpar_ffi_increment",
 *         FunctionDescriptor.of(ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG));
 * long two = (long) inc.invokeExact(1L);
 * }</pre>
 */
public final class CourseLibrary {
    private CourseLibrary() {}

    /** The file name gcc writes (src/main/c/build.sh). */
    public static final String FILE = "liboptpar.so";

    private static SymbolLookup lookup;

    /** Where the library is, or null when it was not built (no gcc). */
    public static Path path() {
        Path dir = Course.nativeDir();
        if (dir == null) return null;
        Path p = dir.resolve(FILE);
        return Files.isRegularFile(p) ? p : null;
    }

    /** Whether the library was built and can be opened here. */
    public static boolean available() {
        return path() != null;
    }

    /**
     * The library's symbols, opened on first use.
     *
     * @throws IllegalStateException when the library was not built
     */
    public static synchronized SymbolLookup lookup() {
        if (lookup == null) {
            Path p = path();
            if (p == null) {
                throw new IllegalStateException(FILE + " not found (looked in " + Course.nativeDir()
                        + "): build it with 'mvn package', which needs gcc");
            }
            lookup = SymbolLookup.libraryLookup(p, Arena.global());
        }
        return lookup;
    }

    /**
     * A handle that calls C function {@code name} with signature {@code signature}.
     *
     * @throws IllegalArgumentException when the library has no such function
     */
    public static MethodHandle downcall(String name, FunctionDescriptor signature, Linker.Option... options) {
        MemorySegment address = lookup().find(name).orElseThrow(() -> new IllegalArgumentException(
                "no function '" + name + "' in " + FILE + "; is its .c file in src/main/c?"));
        return Linker.nativeLinker().downcallHandle(address, signature, options);
    }
}
