package optpar.jit;

import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the JIT's own log, {@code -XX:+PrintCompilation} (with inlining decisions when
 * {@code -XX:CompileCommand=PrintInlining,Class::method} was given), into records and tables.
 *
 * <p>This is the JVM's counterpart of Numba's diagnostics ({@code @njit} telling you why it could
 * not compile, {@code parallel_diagnostics}): not a guarantee, but the compiler's own account of
 * what it did.
 *
 * <pre>{@code
 * List<CompilationEvent> events = CompilationLog.parse(childStdoutLines);
 * Table t = CompilationLog.table(CompilationLog.forMethod(events, "ScalarMandelbrot::mandel"));
 * }</pre>
 */
public final class CompilationLog {
    private CompilationLog() {}

    // "   41    9 %     4       M::mandel @ 9 (82 bytes)   made not entrant: not used"
    // time, id, flags (% osr, s synchronized, ! exception handler, b blocking, n native), tier, method, [@ bci], (size)
    // The tier is missing when the JVM ran with -XX:-TieredCompilation: then the only compiler is C2.
    private static final Pattern COMPILE = Pattern.compile(
            "^\\s*(\\d+)\\s+(\\d+)\\s+((?:[%s!bn]\\s*)*)(?:(\\d)\\s+)?(\\S+)(?:\\s+@\\s+(\\d+))?\\s+\\((?:(\\d+) bytes|native)\\)\\s*(.*)$");
    // "                              @ 62   M::mandel (82 bytes)   inline (hot)"
    private static final Pattern INLINE = Pattern.compile(
            "^(\\s*)(?:[!msc]+\\s+)?@\\s+(\\d+)\\s+(\\S+)(?:\\s+\\((\\d+) bytes\\))?\\s*(.*)$");

    /**
     * Parses the lines; lines that are neither a compilation nor an inlining decision (the
     * program's own output, JVM warnings) are skipped. Inlining decisions attach to the
     * compilation line above them (see {@link #parse(List, String)} for C2's).
     */
    public static List<CompilationEvent> parse(List<String> lines) {
        return parse(lines, null);
    }

    /**
     * Parses the lines, attaching each block of inlining decisions to a compilation of
     * {@code inliningMethod} (part of a name: the method(s) given to {@code CompileCommand=PrintInlining}).
     *
     * <p>Why this is needed: a compile line is printed when a compilation <em>starts</em>, but C2
     * prints its inlining decisions when it <em>finishes</em>, and other lines come in between. So
     * the blocks are handed, in order, to the compilations of that method that started before them.
     */
    public static List<CompilationEvent> parse(List<String> lines, String inliningMethod) {
        List<CompilationEvent> events = new ArrayList<>();
        List<List<InliningDecision>> blocks = new ArrayList<>(); // blocks.get(k): decisions of events.get(k)
        List<InliningDecision> current = null;                    // the block being read, or null
        int baseIndent = -1;
        for (String line : lines) {
            Matcher c = COMPILE.matcher(line);
            if (c.matches()) {
                current = null;
                String flags = c.group(3);
                events.add(new CompilationEvent(Double.parseDouble(c.group(1)), Integer.parseInt(c.group(2)),
                        c.group(4) == null ? 4 : Integer.parseInt(c.group(4)), flags.contains("%"), c.group(6) == null ? -1 : Integer.parseInt(c.group(6)),
                        flags.contains("n"), c.group(5), c.group(7) == null ? -1 : Integer.parseInt(c.group(7)),
                        c.group(8).trim(), List.of()));
                blocks.add(null);
                continue;
            }
            Matcher in = INLINE.matcher(line);
            if (!in.matches() || events.isEmpty()) {
                current = null;
                continue;
            }
            if (current == null) {
                int owner = ownerOfNextBlock(events, blocks, inliningMethod);
                if (owner < 0) continue; // a block nobody can own (e.g. its compile line was not captured)
                current = new ArrayList<>();
                blocks.set(owner, current);
                baseIndent = in.group(1).length();
            }
            // Each level of inlining is indented two more spaces.
            int depth = 1 + Math.max(0, (in.group(1).length() - baseIndent) / 2);
            current.add(new InliningDecision(depth, Integer.parseInt(in.group(2)), in.group(3),
                    in.group(4) == null ? -1 : Integer.parseInt(in.group(4)), reason(in.group(5))));
        }
        List<CompilationEvent> out = new ArrayList<>();
        for (int k = 0; k < events.size(); k++) {
            CompilationEvent e = events.get(k);
            List<InliningDecision> b = blocks.get(k);
            out.add(b == null ? e : new CompilationEvent(e.timeMs(), e.compileId(), e.tier(), e.osr(), e.osrBci(),
                    e.nativeWrapper(), e.method(), e.bytecodeBytes(), e.note(), List.copyOf(b)));
        }
        return out;
    }

    // C2 may append how it chose the callee ("callee changed to ... \\-> TypeProfile (...)"): keep the verdict.
    private static String reason(String text) {
        int cut = text.indexOf("callee changed to");
        return (cut < 0 ? text : text.substring(0, cut)).trim();
    }

    private static int ownerOfNextBlock(List<CompilationEvent> events, List<List<InliningDecision>> blocks, String method) {
        if (method == null) {
            int last = events.size() - 1;
            return blocks.get(last) == null ? last : -1;
        }
        for (int k = 0; k < events.size(); k++) {
            CompilationEvent e = events.get(k);
            if (blocks.get(k) == null && !e.madeNotEntrant() && !e.nativeWrapper() && e.method().contains(method)) return k;
        }
        return -1;
    }

    /** The events whose method name contains {@code name}, e.g. "ScalarMandelbrot::mandel" or "optpar.". */
    public static List<CompilationEvent> forMethod(List<CompilationEvent> events, String name) {
        return events.stream().filter(e -> e.method().contains(name)).toList();
    }

    /**
     * A table of the inlining decisions of every compilation in {@code events} that has some:
     * compiled method, tier, OSR, callee, inlined?, reason.
     */
    public static Table inliningTable(List<CompilationEvent> events) {
        StringColumn method = StringColumn.create("compiled method");
        IntColumn tier = IntColumn.create("tier");
        BooleanColumn osr = BooleanColumn.create("OSR");
        StringColumn callee = StringColumn.create("callee");
        BooleanColumn inlined = BooleanColumn.create("inlined");
        StringColumn reason = StringColumn.create("reason");
        for (CompilationEvent e : events) {
            for (InliningDecision d : e.inlining()) {
                method.append(e.method().substring(e.method().lastIndexOf('.', e.method().indexOf("::")) + 1));
                tier.append(e.tier());
                osr.append(e.osr());
                callee.append(d.callee());
                inlined.append(d.inlined());
                reason.append(d.reason());
            }
        }
        return Table.create("inlining decisions", method, tier, osr, callee, inlined, reason);
    }

    /** A table with one row per event: time, id, tier, compiler, OSR, method, bytes, note. */
    public static Table table(List<CompilationEvent> events) {
        DoubleColumn time = DoubleColumn.create("ms");
        IntColumn id = IntColumn.create("id");
        IntColumn tier = IntColumn.create("tier");
        StringColumn compiler = StringColumn.create("compiler");
        BooleanColumn osr = BooleanColumn.create("OSR");
        StringColumn method = StringColumn.create("method");
        IntColumn bytes = IntColumn.create("bytes");
        StringColumn note = StringColumn.create("note");
        for (CompilationEvent e : events) {
            time.append(e.timeMs());
            id.append(e.compileId());
            tier.append(e.tier());
            compiler.append(e.compiler());
            osr.append(e.osr());
            method.append(e.osr() ? e.method() + " @ " + e.osrBci() : e.method());
            bytes.append(e.bytecodeBytes());
            note.append(e.note());
        }
        return Table.create("what the JIT compiled", time, id, tier, compiler, osr, method, bytes, note);
    }

    /** A table of the inlining decisions under one compilation: depth, bci, callee, inlined?, reason. */
    public static Table inliningTable(CompilationEvent event) {
        IntColumn depth = IntColumn.create("depth");
        IntColumn bci = IntColumn.create("bci");
        StringColumn callee = StringColumn.create("callee");
        BooleanColumn inlined = BooleanColumn.create("inlined");
        StringColumn reason = StringColumn.create("reason");
        for (InliningDecision d : event.inlining()) {
            depth.append(d.depth());
            bci.append(d.bci());
            callee.append(d.callee());
            inlined.append(d.inlined());
            reason.append(d.reason());
        }
        return Table.create("inlining in " + event.method() + " (tier " + event.tier() + ")", depth, bci, callee, inlined, reason);
    }
}
