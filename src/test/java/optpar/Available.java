package optpar;

import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * What a test does when a part of the course is not installed here (gcc's native library, Open MPI,
 * Python, cwltool, Slurm...): on a learner's partial install the test is <em>skipped</em>, saying what
 * is missing; in the course's own test run ({@code ./course test} sets {@code OPTPAR_REQUIRE_ALL=1})
 * it <em>fails</em>, so a broken gcc or Open MPI can never give a green run.
 *
 * <pre>{@code
 * Available.require(MpiHeatLauncher.available(), "Open MPI's mpirun (Debian: openmpi-bin)");
 * for (HeatSolver s : solvers) {
 *     if (!Available.usable(s.available(), () -> s.name() + ": " + s.unavailableReason())) continue;
 *     ...
 * }
 * }</pre>
 */
public final class Available {
    private Available() {}

    /** The environment variable (or system property {@code optpar.requireAll}) that turns skips into failures. */
    public static final String REQUIRE_ALL_ENV = "OPTPAR_REQUIRE_ALL";

    /**
     * True when every part must be there: the system property {@code optpar.requireAll}, else
     * {@code OPTPAR_REQUIRE_ALL}, set to anything but empty, 0 or false.
     */
    public static boolean requireAll() {
        String v = System.getProperty("optpar.requireAll");
        if (v == null) v = System.getenv(REQUIRE_ALL_ENV);
        return v != null && !v.isBlank() && !v.equals("0") && !v.equalsIgnoreCase("false");
    }

    /**
     * Goes on when {@code available}; otherwise skips the test (or fails it under {@code OPTPAR_REQUIRE_ALL=1}),
     * naming {@code what} is missing.
     */
    public static void require(boolean available, String what) {
        require(available, () -> what);
    }

    /** {@link #require(boolean, String)} with the message computed only when needed. */
    public static void require(boolean available, Supplier<String> what) {
        if (available) return;
        if (requireAll()) fail(missing(what.get()));
        assumeTrue(false, () -> "skipped: " + what.get() + " is not available here (" + REQUIRE_ALL_ENV + "=1 makes this a failure)");
    }

    /**
     * For a loop over parts, of which some may be missing: true when {@code available}; false (skip this
     * one, test the others) on a partial install; a failure under {@code OPTPAR_REQUIRE_ALL=1}.
     */
    public static boolean usable(boolean available, Supplier<String> what) {
        if (!available && requireAll()) fail(missing(what.get()));
        return available;
    }

    private static String missing(String what) {
        return what + " is missing, and " + REQUIRE_ALL_ENV + "=1 (./course test) requires every part of the course:"
                + " install it (see environment/) or run the tests without " + REQUIRE_ALL_ENV;
    }
}
