package optpar.measure;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The progress of a long run, shown in place while it runs and summed up in one line when it ends.
 *
 * <p>A full-size sweep runs for minutes; a learner staring at a silent cell cannot tell a slow
 * run from a hung one. Every sweep-like helper of the course (sweeps, probes, scaling runs, job
 * batches) reports through this class:
 *
 * <pre>{@code
 * try (Progress p = Progress.start("heat sweep", 12)) {
 *     for (...) {
 *         p.working("vector, 2 threads");  // what runs now
 *         ...                              // the measurement
 *         p.done();                        // one of 12 done
 *     }
 * }   // leaves: "heat sweep: 12 of 12 done in 14.2 s"
 * }</pre>
 *
 * <p>In a notebook the line is one display, updated in place through its display id (the course
 * kernel installs that view at start-up, see {@link #useView}); in a terminal it goes to stderr,
 * never into a CSV on stdout. {@link #quiet(boolean)} turns it off.
 */
public final class Progress implements AutoCloseable {

    /** What a view is told: {@code done} of {@code total}, the time so far and the estimate of what is left. */
    public record Event(String title, int done, int total, double elapsedSeconds, double secondsLeft, String current, boolean finished) {
        /** The line shown: "heat sweep: 3/12, 4.1 s, about 12 s left; now vector, 2 threads". */
        public String line() {
            if (finished) {
                return String.format(Locale.ROOT, "%s: %d of %d done in %s", title, done, total, Timing.format(elapsedSeconds));
            }
            String left = Double.isNaN(secondsLeft) ? "" : ", about " + Timing.format(secondsLeft) + " left";
            String now = current == null || current.isBlank() ? "" : "; now " + current;
            return String.format(Locale.ROOT, "%s: %d/%d, %s%s%s", title, done, total, Timing.format(elapsedSeconds), left, now);
        }
    }

    /** Where the lines go: shown and replaced in place, then finished with the summary. */
    public interface View {
        /** Shows {@code line}, replacing what this view showed before. */
        void show(String line);

        /** The run ended: show {@code summary} for good. */
        void finish(String summary);
    }

    private static volatile Function<String, View> views = Progress::stderrView;
    private static volatile boolean quiet;
    private static volatile Consumer<Event> listener = e -> { };

    /** Lines are updated at most this often (the last one always shows). */
    static final long MIN_UPDATE_NANOS = 200_000_000L;

    private final String title;
    private final int total;
    private final long start = System.nanoTime();
    private final View view;
    private int done;
    private String current = "";
    private long lastShown;
    private boolean closed;

    private Progress(String title, int total) {
        if (total < 0) throw new IllegalArgumentException("progress of " + title + ": total " + total + " is not allowed; it must be 0 or more");
        this.title = Objects.requireNonNull(title, "title");
        this.total = total;
        this.view = quiet ? null : views.apply(title);
    }

    /** Starts the progress of a run of {@code total} steps. */
    public static Progress start(String title, int total) {
        Progress p = new Progress(title, total);
        p.update(true);
        return p;
    }

    /** Says what runs now (shown with the next update). */
    public void working(String what) {
        current = what;
        update(true);
    }

    /** One more step done. */
    public void done() {
        done = Math.min(total, done + 1);
        update(false);
    }

    /** The steps done so far. */
    public int count() {
        return done;
    }

    /** Ends the run: the one-line summary replaces the progress line. Idempotent. */
    @Override
    public void close() {
        if (closed) return;
        closed = true;
        Event e = event(true);
        listener.accept(e);
        if (view != null) view.finish(e.line());
    }

    private void update(boolean force) {
        long now = System.nanoTime();
        if (!force && now - lastShown < MIN_UPDATE_NANOS && done < total) return;
        lastShown = now;
        Event e = event(false);
        listener.accept(e);
        if (view != null) view.show(e.line());
    }

    private Event event(boolean finished) {
        double elapsed = (System.nanoTime() - start) / 1e9;
        double left = done == 0 || finished ? Double.NaN : elapsed / done * (total - done);
        return new Event(title, done, total, elapsed, left, current, finished);
    }

    /**
     * Installs how progress is shown: the course kernel passes a view that updates one display by
     * its id. {@code null} puts back the default (stderr).
     */
    public static void useView(Function<String, View> factory) {
        views = factory == null ? Progress::stderrView : factory;
    }

    /** Turns progress lines off (the bench CLI's {@code --quiet}) or on again. */
    public static void quiet(boolean off) {
        quiet = off;
    }

    /** Every event of every run goes here too (tests, and tools that log progress). {@code null} removes it. */
    public static void listen(Consumer<Event> events) {
        listener = events == null ? e -> { } : events;
    }

    /** The default view: stderr; on a terminal the line is rewritten in place, elsewhere a line every few seconds. */
    static View stderrView(String title) {
        PrintStream err = System.err;
        boolean terminal = System.console() != null && System.console().isTerminal();
        return new View() {
            long lastPrinted;

            @Override
            public void show(String line) {
                if (terminal) {
                    err.print("\r\033[K" + line);
                    err.flush();
                } else if (System.nanoTime() - lastPrinted > 5_000_000_000L) {
                    lastPrinted = System.nanoTime();
                    err.println(line);
                }
            }

            @Override
            public void finish(String summary) {
                err.println(terminal ? "\r\033[K" + summary : summary);
            }
        };
    }
}
