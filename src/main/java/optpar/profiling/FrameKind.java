package optpar.profiling;

import java.awt.Color;

/**
 * What kind of code a frame of a stack sample was running, as async-profiler marks it in collapsed
 * stacks: a suffix on the frame's name ({@code SlowAnalysis.distance_[j]}). The flame graph colours
 * frames by kind, so the JIT's work is visible: light green interpreted, green compiled by C2, pale
 * green compiled by C1, aqua inlined into its caller, red native, yellow the JVM's own C++ code.
 *
 * <p>The colours are async-profiler's own (its {@code flame.html} palette), so the static PNG and the
 * interactive page look alike.
 * <pre>{@code
 * FrameKind.of("SlowAnalysis.distance_[i]");      // INLINED
 * FrameKind.plainName("SlowAnalysis.distance_[i]"); // "SlowAnalysis.distance"
 * }</pre>
 */
public enum FrameKind {
    INTERPRETED("_[0]", 0xb2e1b2, "interpreted"),
    JIT_COMPILED("_[j]", 0x50e150, "compiled (C2)"),
    INLINED("_[i]", 0x50cccc, "inlined"),
    NATIVE("", 0xe15a5a, "native"),
    CPP("", 0xc8c83c, "JVM (C++)"),
    KERNEL("_[k]", 0xe17d00, "kernel"),
    C1_COMPILED("_[1]", 0xcce880, "compiled (C1)");

    /** The suffix async-profiler appends in collapsed stacks ({@code ann} style); empty for none. */
    public final String suffix;
    /** The base colour of the flame graph's palette. */
    public final Color color;
    /** A word for a legend. */
    public final String label;

    FrameKind(String suffix, int rgb, String label) {
        this.suffix = suffix;
        this.color = new Color(rgb);
        this.label = label;
    }

    /** The kind of a frame name, from its suffix, or, without one, from its look (as the converter does). */
    public static FrameKind of(String frame) {
        for (FrameKind k : values()) {
            if (!k.suffix.isEmpty() && frame.endsWith(k.suffix)) return k;
        }
        if (frame.contains("::")) return CPP;                       // HotSpot's C++: CompileBroker::compile...
        return NATIVE;
    }

    /** The frame name without its kind suffix. */
    public static String plainName(String frame) {
        FrameKind k = of(frame);
        return k.suffix.isEmpty() ? frame : frame.substring(0, frame.length() - k.suffix.length());
    }

    /** True for the kinds that are Java code (interpreted, compiled or inlined). */
    public boolean isJava() {
        return this == INTERPRETED || this == JIT_COMPILED || this == INLINED || this == C1_COMPILED;
    }
}
