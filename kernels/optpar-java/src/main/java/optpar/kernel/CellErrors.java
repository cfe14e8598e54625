package optpar.kernel;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.UnresolvedReferenceException;

/**
 * Errors as a learner reads them: a compile error names the cell's line and column and puts a caret
 * under the spot; an exception shows its class, message and the cell's own frames, not the frames
 * of JShell and of this kernel that called the cell.
 */
final class CellErrors {

    /** A failed cell: what the notebook shows (ename, evalue, traceback lines). */
    static final class Failure extends Exception {
        final String ename;
        final String evalue;
        final List<String> traceback;

        Failure(String ename, String evalue, List<String> traceback) {
            super(ename + ": " + evalue, null, false, false);
            this.ename = ename;
            this.evalue = evalue;
            this.traceback = traceback;
        }

        static Failure oneLine(String ename, String message) {
            return new Failure(ename, message, List.of(ename + ": " + message));
        }
    }

    /** Where a snippet's source starts: cell number and the cell line before its first line. */
    private record Place(int cell, int linesBefore) {
    }

    private final Map<String, Place> places = new ConcurrentHashMap<>();

    /** Remembers that snippet {@code id} started after {@code linesBefore} lines of cell {@code cell}. */
    void remember(String snippetId, int cell, int linesBefore) {
        places.put(snippetId, new Place(cell, linesBefore));
    }

    /** A compile error at {@code diag} of a snippet that starts at {@code offset} in {@code cell}. */
    static Failure compileError(String cell, int offset, Diag diag) {
        long at = diag.getPosition() >= 0 ? diag.getPosition() : diag.getStartPosition();
        int[] lc = CellSource.lineAndColumn(cell, offset + (int) Math.max(0, at));
        String[] message = diag.getMessage(Locale.ENGLISH).split("\n");
        String head = "line " + lc[0] + ", column " + lc[1] + ": " + message[0];
        List<String> lines = new ArrayList<>();
        lines.add(head);
        String code = CellSource.line(cell, lc[0]);
        lines.add("    " + code);
        lines.add("    " + " ".repeat(Math.max(0, lc[1] - 1)) + "^");
        for (int i = 1; i < message.length; i++) {
            // javac's "location: class $JShell$12" names a wrapper the learner never wrote
            if (!message[i].isBlank() && !message[i].trim().startsWith("location:")) lines.add(message[i]);
        }
        return new Failure("CompileError", head, lines);
    }

    /** An exception thrown by a cell's code. */
    Failure exception(Exception thrown) {
        List<String> lines = new ArrayList<>();
        String name;
        String message;
        if (thrown instanceof UnresolvedReferenceException u) {
            name = "UnresolvedReference";
            message = "'" + u.getSnippet().source().strip().lines().findFirst().orElse("") + "' uses something not declared yet";
            lines.add(name + ": " + message);
            return new Failure(name, message, lines);
        }
        EvalException e = (EvalException) thrown;
        name = e.getExceptionClassName();
        message = e.getMessage() == null ? "" : e.getMessage();
        describe(e, lines, "");
        return new Failure(name, message, lines);
    }

    private void describe(Throwable t, List<String> lines, String prefix) {
        String cls = t instanceof EvalException ee ? ee.getExceptionClassName() : t.getClass().getName();
        lines.add(prefix + cls + (t.getMessage() == null ? "" : ": " + t.getMessage()));
        StackTraceElement[] frames = t.getStackTrace();
        int lastCellFrame = -1;
        for (int i = 0; i < frames.length; i++) if (isCell(frames[i])) lastCellFrame = i;
        int end = lastCellFrame >= 0 ? lastCellFrame + 1 : Math.min(frames.length, 8);
        int hidden = 0;
        for (int i = 0; i < end; i++) {
            StackTraceElement f = frames[i];
            if (isCell(f)) {
                if (hidden > 0) lines.add("        ... " + hidden + " library frames");
                hidden = 0;
                lines.add("    at " + cellFrame(f));
            } else if (isPlumbing(f)) {
                // reflection, lambdas' glue: nothing to read
            } else if (i < 3 || lastCellFrame < 0) {
                lines.add("    at " + f);
            } else {
                hidden++;
            }
        }
        if (hidden > 0) lines.add("        ... " + hidden + " library frames");
        if (t.getCause() != null && t.getCause() != t && lines.size() < 200) describe(t.getCause(), lines, "Caused by: ");
    }

    private static boolean isCell(StackTraceElement f) {
        return f.getFileName() != null && f.getFileName().startsWith("#");
    }

    private static boolean isPlumbing(StackTraceElement f) {
        String c = f.getClassName();
        return c.startsWith("jdk.internal.reflect.") || c.startsWith("java.lang.reflect.") || c.startsWith("java.lang.invoke.")
                || c.startsWith("jdk.jshell.") || c.startsWith("optpar.kernel.");
    }

    /** "main (cell 4, line 2)" for a frame in snippet "#12" of cell 4. */
    private String cellFrame(StackTraceElement f) {
        String method = f.getMethodName().isEmpty() || f.getMethodName().equals("do_it$") ? "<cell>" : f.getMethodName();
        String cls = f.getClassName();
        String owner = cls.isEmpty() || cls.startsWith("$JShell") || cls.startsWith("REPL.") ? "" : cls + ".";
        Place p = places.get(f.getFileName().substring(1));
        if (p == null) return owner + method + " (" + f.getFileName() + ":" + f.getLineNumber() + ")";
        return owner + method + " (cell [" + p.cell + "], line " + (p.linesBefore + f.getLineNumber()) + ")";
    }
}
