package optpar;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

/**
 * The two off-heap grids of a stencil (the one read and the one written each step), placed as the
 * JVM places an array and its clone: in one allocation, the second a cache line after the first,
 * on huge pages where Linux gives them.
 *
 * <p>Why not two {@code arena.allocate} calls: grids of many megabytes are two {@code mmap} regions,
 * and glibc put the second exactly one page (4 KiB) below the first. Every row of one grid then sat
 * 4 KiB from the same row of the other, and the temporally blocked C heat ran 1.6x slower than with
 * any other offset tried (measured here with a C driver: offsets of 0, 64 bytes, 1, 2, 8, 16 and 32
 * KiB were all fast, 4 KiB slow). The JVM never hit it: an array and its clone lie side by side.
 *
 * <p>Why huge pages: the course's JVMs run with {@code -XX:+UseTransparentHugePages}, so Java arrays
 * sit on 2 MiB pages, as NumPy's large arrays do (it asks for them). A loop streaming over 4 KiB pages
 * ran several times slower here (the CPU's prefetcher stops at each page's end). So the C twins'
 * grids ask for the same ({@code madvise(MADV_HUGEPAGE)}); where that is not possible they still work.
 *
 * <pre>{@code
 * try (Arena arena = Arena.ofConfined()) {
 *     MemorySegment[] grids = OffHeapGrids.pair(arena, (long) n * n);
 *     MemorySegment src = grids[0], dst = grids[1];
 * }
 * }</pre>
 */
public final class OffHeapGrids {
    private OffHeapGrids() {}

    /** Bytes between the end of the first grid and the start of the second: one cache line. */
    public static final long GAP_BYTES = 64;

    /** A huge page of x86-64 and arm64 Linux: allocations this big are aligned to it and advised. */
    static final long HUGE_PAGE = 2L << 20;

    /** Linux's {@code MADV_HUGEPAGE} and {@code MADV_DONTNEED}. */
    private static final int MADV_HUGEPAGE = 14, MADV_DONTNEED = 4;

    /** {@code int madvise(void *addr, size_t length, int advice)}, or null where libc has none (not Linux). */
    private static final MethodHandle MADVISE = System.getProperty("os.name", "").startsWith("Linux")
            ? Linker.nativeLinker().defaultLookup().find("madvise")
                    .map(f -> Linker.nativeLinker().downcallHandle(f, FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_LONG, JAVA_INT)))
                    .orElse(null)
            : null;

    /** Two grids of {@code doubles} doubles each, 64-byte aligned, from one allocation of {@code arena}. */
    public static MemorySegment[] pair(Arena arena, long doubles) {
        if (doubles < 1) throw new IllegalArgumentException("a grid of " + doubles + " doubles is not allowed: give at least 1");
        long bytes = JAVA_DOUBLE.byteSize() * doubles;
        long total = 2 * bytes + GAP_BYTES;
        boolean huge = total >= HUGE_PAGE;
        MemorySegment both = arena.allocate(total, huge ? HUGE_PAGE : 64);
        if (huge) adviseHugePages(both);
        return new MemorySegment[] {both.asSlice(0, bytes), both.asSlice(bytes + GAP_BYTES, bytes)};
    }

    /**
     * Asks Linux to back the whole huge pages of {@code s} with huge pages; whether it did is up to it.
     * The arena has already zeroed the segment, so its pages exist, as small ones: they are given back
     * ({@code MADV_DONTNEED}: the next touch maps fresh zeroed pages, the contents the arena promised),
     * and those fresh pages are huge. Without that step the advice came too late to matter.
     */
    static boolean adviseHugePages(MemorySegment s) {
        if (MADVISE == null) return false;
        long start = (s.address() + HUGE_PAGE - 1) / HUGE_PAGE * HUGE_PAGE;
        long length = (s.address() + s.byteSize() - start) / HUGE_PAGE * HUGE_PAGE;
        if (length <= 0) return false;
        try {
            MemorySegment at = MemorySegment.ofAddress(start);
            return (int) MADVISE.invokeExact(at, length, MADV_HUGEPAGE) == 0
                    && (int) MADVISE.invokeExact(at, length, MADV_DONTNEED) == 0;
        } catch (Throwable e) {
            return false;   // an advice only: the grids work on small pages too
        }
    }
}
