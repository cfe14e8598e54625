package optpar;

import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

import static org.junit.jupiter.api.Assertions.*;

/** The skip-or-fail rule of {@link Available}, in both modes. */
class AvailableTest {

    private static void inMode(String requireAll, Runnable body) {
        String before = System.getProperty("optpar.requireAll");
        System.setProperty("optpar.requireAll", requireAll);
        try {
            body.run();
        } finally {
            if (before == null) System.clearProperty("optpar.requireAll");
            else System.setProperty("optpar.requireAll", before);
        }
    }

    @Test
    void aMissingPartIsSkippedOnAPartialInstallAndFailsWhenEverythingIsRequired() {
        inMode("0", () -> {
            assertDoesNotThrow(() -> Available.require(true, "gcc"));
            var skip = assertThrows(TestAbortedException.class, () -> Available.require(false, "gcc"));
            assertTrue(skip.getMessage().contains("gcc"), skip.getMessage());
            assertFalse(Available.usable(false, () -> "gcc"));
            assertTrue(Available.usable(true, () -> "gcc"));
        });
        inMode("1", () -> {
            assertDoesNotThrow(() -> Available.require(true, "gcc"));
            var e = assertThrows(AssertionFailedError.class, () -> Available.require(false, "Open MPI's mpirun"));
            assertTrue(e.getMessage().contains("Open MPI's mpirun") && e.getMessage().contains(Available.REQUIRE_ALL_ENV), e.getMessage());
            assertThrows(AssertionFailedError.class, () -> Available.usable(false, () -> "native"));
            assertTrue(Available.usable(true, () -> "native"));
        });
    }
}
