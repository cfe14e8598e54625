package optpar.profiling;

import java.util.Locale;

/**
 * Which profiler records: async-profiler (it sees native and JVM frames too, and is not limited to
 * Java code), or Java Flight Recorder (built into the JVM, works everywhere), or whichever works
 * here ({@link #AUTO}: async-profiler when its native library loads, else JFR).
 * The environment variable {@code OPTPAR_PROFILER} (auto, async, jfr) chooses for {@code AUTO}.
 */
public enum Profiler {
    AUTO, ASYNC, JFR,
    /** A naive sampler that asks for the thread's stack ({@code Thread.getStackTrace}): safepoint-biased, for comparison. */
    SAFEPOINT_BIASED;

    /** The environment variable that overrides {@code AUTO}. */
    public static final String ENV = "OPTPAR_PROFILER";

    /**
     * Parses "auto", "async" (or "async-profiler") and "jfr".
     *
     * @throws IllegalArgumentException for anything else, saying what is allowed
     */
    public static Profiler parse(String name) {
        return switch (name.strip().toLowerCase(Locale.ROOT)) {
            case "auto", "" -> AUTO;
            case "async", "async-profiler" -> ASYNC;
            case "jfr" -> JFR;
            case "safepoint", "safepoint_biased", "safepoint-biased" -> SAFEPOINT_BIASED;
            default -> throw new IllegalArgumentException("profiler '" + name + "' is not known; use auto, async, jfr or safepoint");
        };
    }

    /** AUTO replaced by the environment's choice, when it makes one. */
    Profiler resolved() {
        if (this != AUTO) return this;
        String env = System.getenv(ENV);
        return env == null || env.isBlank() ? AUTO : parse(env);
    }
}
