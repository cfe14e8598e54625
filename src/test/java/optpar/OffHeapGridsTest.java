package optpar;

import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import org.junit.jupiter.api.Test;

class OffHeapGridsTest {
    @Test
    void theTwoGridsAreDisjointAlignedAndOneCacheLineApart() {
        try (Arena arena = Arena.ofConfined()) {
            for (long doubles : new long[] {1, 7, 1024 * 1024 + 3}) {
                MemorySegment[] g = OffHeapGrids.pair(arena, doubles);
                assertEquals(8 * doubles, g[0].byteSize());
                assertEquals(8 * doubles, g[1].byteSize());
                assertEquals(0, g[0].address() % (16 * doubles + 64 >= OffHeapGrids.HUGE_PAGE ? OffHeapGrids.HUGE_PAGE : 64),
                        "first grid aligned: to a huge page when the pair is that big, else to a cache line");
                assertEquals(g[0].address() + 8 * doubles + OffHeapGrids.GAP_BYTES, g[1].address(), "second one cache line after the first");
                // zeroed, as an arena promises, also where the pages were given back for huge ones
                for (long k = 0; k < doubles; k += Math.max(1, doubles / 997)) {
                    assertEquals(0.0, g[0].getAtIndex(JAVA_DOUBLE, k), "grid a at " + k);
                    assertEquals(0.0, g[1].getAtIndex(JAVA_DOUBLE, k), "grid b at " + k);
                }
                // writing one never shows in the other
                g[0].setAtIndex(JAVA_DOUBLE, doubles - 1, 42.0);
                g[0].setAtIndex(JAVA_DOUBLE, 0, 43.0);
                assertEquals(0.0, g[1].getAtIndex(JAVA_DOUBLE, 0));
                assertEquals(0.0, g[1].getAtIndex(JAVA_DOUBLE, doubles - 1));
            }
        }
    }

    @Test
    void onLinuxTheAdviceIsAccepted() {
        org.junit.jupiter.api.Assumptions.assumeTrue(System.getProperty("os.name").startsWith("Linux"), "madvise is Linux's");
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment s = arena.allocate(3 * OffHeapGrids.HUGE_PAGE, OffHeapGrids.HUGE_PAGE);
            assertEquals(true, OffHeapGrids.adviseHugePages(s), "madvise(MADV_HUGEPAGE) returned an error");
            assertEquals(false, OffHeapGrids.adviseHugePages(s.asSlice(1, 4096)), "less than one whole huge page: nothing to advise");
        }
    }

    @Test
    void anEmptyGridIsRefusedWithItsSize() {
        try (Arena arena = Arena.ofConfined()) {
            var e = assertThrows(IllegalArgumentException.class, () -> OffHeapGrids.pair(arena, 0));
            assertEquals("a grid of 0 doubles is not allowed: give at least 1", e.getMessage());
        }
    }
}
