package optpar.kernel;

import java.util.ArrayList;
import java.util.List;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.Completeness;

/**
 * A cell cut into the snippets JShell evaluates one by one, each with its place in the cell, so that
 * an error can name the cell's line and column.
 */
final class CellSource {

    /** One snippet: the source JShell gets, and where it starts in the cell. */
    record Piece(String source, int offset) {
    }

    private CellSource() {
    }

    static List<Piece> split(SourceCodeAnalysis analysis, String cell) {
        List<Piece> pieces = new ArrayList<>();
        String rest = cell;
        while (!rest.isBlank()) {
            int offset = cell.length() - rest.length();
            SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(rest);
            Completeness c = info.completeness();
            if (c == Completeness.EMPTY) break;
            if ((c == Completeness.COMPLETE || c == Completeness.COMPLETE_WITH_SEMI) && info.source() != null) {
                // JShell numbers a snippet's lines from its first non-blank one: so does the kernel.
                String source = info.source().stripLeading();
                pieces.add(new Piece(source, offset + leadingSkip(rest, source)));
                if (info.remaining().length() >= rest.length()) break; // no progress: never loop
                rest = info.remaining();
            } else {
                // Incomplete or invalid: JShell's compiler says what is wrong with the rest.
                String source = rest.stripLeading();
                pieces.add(new Piece(source, offset + rest.length() - source.length()));
                break;
            }
        }
        return pieces;
    }

    /** How far into {@code rest} the snippet's own text begins (JShell drops blanks and comments before it). */
    private static int leadingSkip(String rest, String source) {
        String head = source.length() > 12 ? source.substring(0, 12) : source;
        int at = rest.indexOf(head);
        return at < 0 ? 0 : at;
    }

    /** Line (from 1) and column (from 1) of {@code position} in {@code text}. */
    static int[] lineAndColumn(String text, int position) {
        int line = 1, column = 1;
        for (int i = 0; i < Math.min(position, text.length()); i++) {
            if (text.charAt(i) == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        return new int[] {line, column};
    }

    /** The whole line {@code line} (from 1) of {@code text}. */
    static String line(String text, int line) {
        String[] lines = text.split("\n", -1);
        return line >= 1 && line <= lines.length ? lines[line - 1] : "";
    }
}
