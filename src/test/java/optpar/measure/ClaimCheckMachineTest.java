package optpar.measure;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.IntVector;
import optpar.Course;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class ClaimCheckMachineTest {

    @Test
    void aClaimThatHoldsSaysHeldAndOneThatDoesNotSaysWhy() {
        Verdict yes = Claim.expect("boxes are slower", 3.14, r -> r > 1.5, "%.1fx", "escape analysis");
        assertTrue(yes.held());
        assertEquals("held: boxes are slower (3.1x)", yes.line());
        Verdict no = Claim.expect("boxes are slower", 0.9, r -> r > 1.5, "%.1fx", "escape analysis removed them");
        assertFalse(no.held());
        if (Course.quick()) {
            assertEquals(Verdict.Outcome.TOO_SMALL_IN_QUICK_MODE, no.outcome());
        } else {
            assertEquals("not here: boxes are slower (0.9x); escape analysis removed them", no.line());
        }
        assertFalse(Claim.expect("x", Double.NaN, r -> true, "%.1f", "").held(), "NaN never holds");
        assertThrows(IllegalArgumentException.class, () -> Claim.expect("x", 1, r -> true, "%d", ""));
        assertThrows(IllegalArgumentException.class, () -> Claim.expect(" ", 1, r -> true, "%.1f", ""));
    }

    @Test
    void checksThrowWithTheFirstDifference() {
        Check.equal(new int[]{1, 2, 3}, new int[]{1, 2, 3}, "same");
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Check.equal(new int[]{1, 2, 3}, new int[]{1, 5, 3}, "counts"));
        assertTrue(e.getMessage().contains("index 1: 2 vs 5"), e.getMessage());
        // bit for bit: -0.0 is not 0.0 for a bit-identical grid
        assertThrows(IllegalStateException.class, () -> Check.equal(new double[]{0.0}, new double[]{-0.0}, "bits"));
        assertThrows(IllegalStateException.class, () -> Check.that(false, "never"));
        assertThrows(IllegalStateException.class, () -> Check.close(1.0, 1.1, 0.01, "close"));
        assertThrows(IllegalStateException.class, () -> Check.close(1.0, Double.NaN, 0.01, "NaN is not close"));
        Check.close(1.0, 1.005, 0.01, "close enough");
    }

    @Test
    void theMachineIsReadFromTheMachine() {
        Machine m = Machine.here();
        assertEquals(Runtime.getRuntime().availableProcessors(), m.cores());
        assertEquals(DoubleVector.SPECIES_PREFERRED.length(), m.simdLanes(double.class));
        assertEquals(IntVector.SPECIES_PREFERRED.length(), m.simdLanes(int.class));
        assertThrows(IllegalArgumentException.class, () -> m.simdLanes(String.class));
        assertThrows(IllegalArgumentException.class, () -> m.cacheBytes(4));
        assertEquals(48L << 10, Machine.parseSize("48K"));
        assertEquals(32L << 20, Machine.parseSize("32M"));
        assertEquals("512 KiB", Machine.bytes(512 << 10));
        assertEquals("unknown", Machine.bytes(-1));
        assertTrue(m.describe().contains(m.cores() + " cores"));
    }
}
