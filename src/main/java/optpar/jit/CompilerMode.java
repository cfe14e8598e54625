package optpar.jit;

import java.util.List;

/**
 * The three ways HotSpot can run the same bytecode, chosen by a JVM flag when the JVM starts.
 *
 * <p>Python runs the lecture's Mandelbrot in its interpreter; Numba compiles it once, up front.
 * The JVM does both, in tiers: it starts interpreting, compiles hot methods quickly with C1
 * (little optimisation, with profiling), then recompiles the hottest ones with C2 (full
 * optimisation guided by that profile). The flags below stop it at each tier, so the same
 * kernel can be timed at each.
 *
 * <pre>{@code
 * List<String> flags = CompilerMode.C1.flags();   // [-XX:TieredStopAtLevel=1]
 * }</pre>
 */
public enum CompilerMode {
    /** Bytecode interpreter only: roughly where CPython stands. */
    INTERPRETER("interpreter (-Xint)", List.of("-Xint")),
    /** The quick client compiler C1, no C2: fast to compile, modest code. */
    C1("C1 only (-XX:TieredStopAtLevel=1)", List.of("-XX:TieredStopAtLevel=1")),
    /** The default: interpreter, then C1 with profiling, then C2 for hot code. */
    TIERED("default: tiered up to C2", List.of());

    private final String label;
    private final List<String> flags;

    CompilerMode(String label, List<String> flags) {
        this.label = label;
        this.flags = flags;
    }

    /** A label for tables and charts. */
    public String label() {
        return label;
    }

    /** The JVM flags that select this mode (empty for the default). */
    public List<String> flags() {
        return flags;
    }
}
