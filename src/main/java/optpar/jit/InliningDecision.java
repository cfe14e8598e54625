package optpar.jit;

/**
 * One line of the JIT's inlining report ({@code -XX:CompileCommand=PrintInlining,Class::method}):
 * at bytecode {@code bci} of the method being compiled, a call to {@code callee} was inlined
 * (its body copied in, so no call remains) or not, and why.
 *
 * <p>Example line: {@code @ 62   M::mandel (82 bytes)   inline (hot)}. Typical reasons:
 * "inline (hot)", "intrinsic" (replaced by a hand-written instruction sequence), "callee is too
 * large", "no static binding" or "virtual call" (the call site saw too many receiver types).
 *
 * @param depth   1 for calls made by the compiled method itself, 2 for calls inside an inlined callee, ...
 * @param bci     the bytecode index of the call
 * @param callee  {@code package.Class::name}
 * @param calleeBytes the callee's bytecode size, or -1
 * @param reason  the JIT's words
 */
public record InliningDecision(int depth, int bci, String callee, int calleeBytes, String reason) {

    /** True when the callee's body was copied into the caller (inlined or replaced by an intrinsic). */
    public boolean inlined() {
        String r = reason.toLowerCase(java.util.Locale.ROOT);
        if (r.contains("fail") || r.contains("not inline") || r.contains("too large") || r.contains("no static binding")
                || r.contains("virtual call") || r.contains("prohibited")) {
            return false;
        }
        return r.contains("inline") || r.contains("intrinsic") || r.contains("accessor");
    }
}
