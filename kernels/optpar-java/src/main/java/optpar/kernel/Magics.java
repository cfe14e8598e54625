package optpar.kernel;

import java.util.List;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;

/**
 * The kernel's magics, written as Python's notebook users know them:
 * {@code %%timeit} on the first line of a cell times the rest of the cell, {@code %timeit CODE} on a
 * line times that line. Options: {@code -w N} warm-up loops, {@code -r N} runs, {@code -n N} loops
 * per run (0: chosen by the kernel). Anything else starting with {@code %} is an unknown magic.
 */
final class Magics {

    static final List<String> KNOWN = List.of("%%timeit", "%timeit");

    private Magics() {
    }

    /** Whether a line is a magic: {@code %} then a letter, or {@code %%}, at the start of the line. */
    static boolean isMagicLine(String line) {
        String s = line.stripLeading();
        return s.startsWith("%") && s.length() > 1 && (Character.isLetter(s.charAt(1)) || s.charAt(1) == '%');
    }

    /** Whether the cell uses a magic on any line. */
    static boolean isMagic(String cell) {
        return cell.lines().anyMatch(Magics::isMagicLine);
    }

    /**
     * The Java code that does what the magic cell asks. A line magic becomes one line of code, so the
     * cell's line numbers stay right for errors.
     *
     * @throws CellErrors.Failure for an unknown magic or bad options (a one-line error)
     */
    static String translate(String cell, JShell shell) throws CellErrors.Failure {
        String s = cell.stripLeading();
        if (s.startsWith("%%")) {
            int eol = s.indexOf('\n');
            String first = eol < 0 ? s : s.substring(0, eol);
            String rest = eol < 0 ? "" : s.substring(eol + 1);
            String[] words = first.trim().split("\\s+", 2);
            if (!words[0].equals("%%timeit")) throw unknown(words[0]);
            if (rest.isBlank()) throw CellErrors.Failure.oneLine("MagicError", "%%timeit needs code below its line");
            return "\n".repeat(lineCount(cell) - lineCount(rest)) + timeit(parse(words.length > 1 ? words[1] : "", "%%timeit"), rest, shell);
        }
        StringBuilder code = new StringBuilder();
        for (String line : cell.split("\n", -1)) {
            if (code.length() > 0) code.append('\n');
            if (!isMagicLine(line)) {
                code.append(line);
                continue;
            }
            String[] words = line.trim().split("\\s+", 2);
            if (!words[0].equals("%timeit")) throw unknown(words[0]);
            int[] opts = new int[] {0, 7, 0};
            String body = options(words.length > 1 ? words[1] : "", opts, "%timeit");
            if (body.isBlank()) throw CellErrors.Failure.oneLine("MagicError", "%timeit needs code after it, e.g. %timeit Math.sqrt(2.0)");
            code.append(timeit(opts, body, shell).replace('\n', ' '));
        }
        return code.toString();
    }

    private static int lineCount(String s) {
        return s.split("\n", -1).length;
    }

    private static CellErrors.Failure unknown(String name) {
        return CellErrors.Failure.oneLine("MagicError", "unknown magic " + name + " (known: " + String.join(", ", KNOWN) + ")");
    }

    private static int[] parse(String args, String name) throws CellErrors.Failure {
        int[] opts = new int[] {0, 7, 0};
        String left = options(args, opts, name);
        if (!left.isBlank()) throw CellErrors.Failure.oneLine("MagicError", name + ": unexpected '" + left.trim() + "' (allowed: -w N, -r N, -n N)");
        return opts;
    }

    /** Reads -w/-r/-n into {warmups, repeats, loops}; returns what follows them. */
    private static String options(String args, int[] opts, String name) throws CellErrors.Failure {
        String rest = args.trim();
        while (rest.startsWith("-")) {
            String[] p = rest.split("\\s+", 3);
            int index = switch (p[0]) {
                case "-w" -> 0;
                case "-r" -> 1;
                case "-n" -> 2;
                default -> throw CellErrors.Failure.oneLine("MagicError", name + ": unknown option " + p[0] + " (allowed: -w N, -r N, -n N)");
            };
            try {
                opts[index] = Integer.parseInt(p.length > 1 ? p[1] : "");
            } catch (NumberFormatException e) {
                throw CellErrors.Failure.oneLine("MagicError", name + ": " + p[0] + " needs a whole number, e.g. " + p[0] + " 5");
            }
            if (opts[index] < 0 || (index == 1 && opts[index] < 1)) {
                throw CellErrors.Failure.oneLine("MagicError", name + ": " + p[0] + " " + opts[index] + " is not allowed (-r 1 or more, -w and -n 0 or more)");
            }
            rest = p.length > 2 ? p[2] : "";
        }
        return rest;
    }

    /**
     * A lambda over the code. One expression becomes {@code () -> expression}: Java then picks
     * {@code TimeIt.run(Body)} when it has a value (kept, so the JIT cannot drop the work) and
     * {@code run(Action)} when it is void. Statements become a block.
     */
    private static String timeit(int[] opts, String code, JShell shell) {
        String body = code.strip();
        List<Snippet> snippets = shell.sourceCodeAnalysis().sourceToSnippets(body);
        String bare = stripSemicolon(body);
        boolean expression = snippets.size() == 1 && !bare.contains(";") && !bare.contains("{")
                && !bare.matches("^(if|for|while|do|try|switch|return|throw|synchronized|var|final)\\b.*")
                && (snippets.getFirst().kind() == Snippet.Kind.EXPRESSION || snippets.getFirst().kind() == Snippet.Kind.STATEMENT
                    || snippets.getFirst().subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND);
        String lambda = expression ? "() -> " + bare : "() -> { " + body + "\n;}";
        return "System.out.println(\"timeit: \" + optpar.kernel.TimeIt.run(" + lambda + ", " + opts[0] + ", " + opts[1] + ", " + opts[2] + "));";
    }

    private static String stripSemicolon(String s) {
        String t = s.strip();
        return t.endsWith(";") ? t.substring(0, t.length() - 1) : t;
    }
}
