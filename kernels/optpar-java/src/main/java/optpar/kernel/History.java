package optpar.kernel;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The cells this kernel ran, for Jupyter's history requests: tail, range and search, each entry
 * {@code [session, line, input]} or, with output, {@code [session, line, [input, output]]}.
 * One kernel process is one session.
 */
final class History {

    static final int SESSION = 1;

    private record Entry(int line, String input, String output) {
    }

    private final List<Entry> entries = new ArrayList<>();

    synchronized void add(int line, String input) {
        entries.add(new Entry(line, input, null));
    }

    synchronized void output(int line, String output) {
        for (int i = entries.size() - 1; i >= 0; i--) {
            if (entries.get(i).line == line) {
                entries.set(i, new Entry(line, entries.get(i).input, output));
                return;
            }
        }
    }

    synchronized List<Object[]> tail(int n, boolean withOutput) {
        return rows(entries.subList(Math.max(0, entries.size() - Math.max(0, n)), entries.size()), withOutput);
    }

    /** Lines {@code start} to {@code stop} (exclusive; 0 or less: to the end) of {@code session}. */
    synchronized List<Object[]> range(int session, int start, int stop, boolean withOutput) {
        List<Entry> picked = new ArrayList<>();
        if (session == SESSION || session == 0) {
            for (Entry e : entries) if (e.line >= start && (stop <= 0 || e.line < stop)) picked.add(e);
        }
        return rows(picked, withOutput);
    }

    /** The last {@code n} inputs matching the glob {@code pattern} ({@code *}, {@code ?}). */
    synchronized List<Object[]> search(String pattern, int n, boolean unique, boolean withOutput) {
        Pattern glob = Pattern.compile(globToRegex(pattern == null || pattern.isEmpty() ? "*" : pattern), Pattern.DOTALL);
        List<Entry> matched = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (int i = entries.size() - 1; i >= 0; i--) {
            Entry e = entries.get(i);
            if (!glob.matcher(e.input).matches()) continue;
            if (unique && !seen.add(e.input)) continue;
            matched.addFirst(e);
            if (n > 0 && matched.size() >= n) break;
        }
        return rows(matched, withOutput);
    }

    private static List<Object[]> rows(List<Entry> picked, boolean withOutput) {
        List<Object[]> rows = new ArrayList<>();
        for (Entry e : picked) {
            rows.add(new Object[] {SESSION, e.line, withOutput ? new Object[] {e.input, e.output} : e.input});
        }
        return rows;
    }

    private static String globToRegex(String glob) {
        StringBuilder r = new StringBuilder();
        for (char c : glob.toCharArray()) {
            switch (c) {
                case '*' -> r.append(".*");
                case '?' -> r.append('.');
                default -> r.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return r.toString();
    }
}
