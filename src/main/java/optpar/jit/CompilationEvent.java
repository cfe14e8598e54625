package optpar.jit;

import java.util.List;

/**
 * One line of {@code -XX:+PrintCompilation}: the JIT compiled (or threw away) one method.
 *
 * <p>A line such as {@code 41    9 %     4       M::mandel @ 9 (82 bytes)} reads: 41 ms after
 * start, compilation number 9, an on-stack replacement ({@code %}: the loop that was already
 * running is swapped for compiled code at bytecode 9), tier 4 (C2), method {@code M::mandel},
 * 82 bytes of bytecode. Tiers: 0 interpreter, 1-3 C1 (3 = with full profiling), 4 C2.
 *
 * @param timeMs         ms since the JVM started
 * @param compileId      the compilation's number (an OSR and a normal compile have their own)
 * @param tier           0-4
 * @param osr            true for an on-stack replacement ({@code %})
 * @param osrBci         the bytecode index where OSR enters, or -1
 * @param nativeWrapper  true for a native method's wrapper ({@code n})
 * @param method         {@code package.Class::name}
 * @param bytecodeBytes  the method's bytecode size, or -1 for native methods
 * @param note           what follows, e.g. "made not entrant: not used" (code thrown away), or ""
 * @param inlining       the inlining decisions printed under this line (only for methods
 *                       selected with {@code -XX:CompileCommand=PrintInlining,...})
 */
public record CompilationEvent(double timeMs, int compileId, int tier, boolean osr, int osrBci, boolean nativeWrapper,
                               String method, int bytecodeBytes, String note, List<InliningDecision> inlining) {

    /** Which compiler a tier belongs to: "interpreter", "C1" or "C2". */
    public String compiler() {
        return switch (tier) {
            case 0 -> "interpreter";
            case 4 -> "C2";
            default -> "C1";
        };
    }

    /** True when this line reports code being thrown away, not new code. */
    public boolean madeNotEntrant() {
        return note.startsWith("made not entrant") || note.startsWith("made zombie");
    }
}
