package optpar.kernel;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;

/**
 * {@code System.out} and {@code System.err} for the whole kernel JVM: whatever thread writes
 * (the cell's, a pool's, a parallel stream's, a virtual thread), the text reaches the notebook.
 *
 * <p>Each thread collects its own line; a finished line joins the stream's text at once, so lines of
 * several threads never mix within a line. A flusher thread sends the text every {@link #FLUSH_MILLIS}
 * to the current cell ({@link #sendTo}), and a line left unfinished (a {@code print} without newline,
 * a progress dot) after {@link #PARTIAL_MILLIS}. {@link #flush()} sends everything at the end of a cell,
 * before its result.
 *
 * <pre>{@code
 * CellOutput output = new CellOutput((stream, text) -> publish(stream, text));
 * System.setOut(output.out());
 * }</pre>
 */
final class CellOutput {

    static final long FLUSH_MILLIS = 100;
    static final long PARTIAL_MILLIS = 250;

    private final Stream out = new Stream("stdout");
    private final Stream err = new Stream("stderr");
    private final PrintStream outPrint = new PrintStream(out, false, StandardCharsets.UTF_8);
    private final PrintStream errPrint = new PrintStream(err, false, StandardCharsets.UTF_8);
    private volatile BiConsumer<String, String> target;
    private final Object sending = new Object();

    /** @param fallback where text goes before any cell ran (the kernel's own stderr) */
    CellOutput(BiConsumer<String, String> fallback) {
        this.target = fallback;
        Thread flusher = new Thread(this::flushLoop, "cell-output");
        flusher.setDaemon(true);
        flusher.start();
    }

    PrintStream out() {
        return outPrint;
    }

    PrintStream err() {
        return errPrint;
    }

    /** From now on text goes to {@code target} (name "stdout" or "stderr", text). */
    void sendTo(BiConsumer<String, String> target) {
        this.target = target;
    }

    /** Sends every pending character now, unfinished lines included. */
    void flush() {
        synchronized (sending) {
            out.send(true);
            err.send(true);
        }
    }

    private void flushLoop() {
        while (true) {
            try {
                Thread.sleep(FLUSH_MILLIS);
                synchronized (sending) {
                    out.send(false);
                    err.send(false);
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                // a closed socket at shutdown: nothing left to send to
            }
        }
    }

    /** A thread's unfinished line. */
    private static final class Line {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        long since;
    }

    private final class Stream extends OutputStream {
        private final String name;
        private final ThreadLocal<Line> line = ThreadLocal.withInitial(Line::new);
        private final Set<Line> unfinished = ConcurrentHashMap.newKeySet();
        private final ByteArrayOutputStream ready = new ByteArrayOutputStream();

        Stream(String name) {
            this.name = name;
        }

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            Line mine = line.get();
            synchronized (mine) {
                int lastNewline = -1;
                for (int i = off + len - 1; i >= off; i--) {
                    if (b[i] == '\n') {
                        lastNewline = i;
                        break;
                    }
                }
                if (lastNewline < 0) {
                    if (mine.bytes.size() == 0) {
                        mine.since = System.nanoTime();
                        unfinished.add(mine);
                    }
                    mine.bytes.write(b, off, len);
                    return;
                }
                synchronized (ready) {
                    ready.write(mine.bytes.toByteArray(), 0, mine.bytes.size());
                    ready.write(b, off, lastNewline + 1 - off);
                }
                mine.bytes.reset();
                int rest = off + len - lastNewline - 1;
                if (rest > 0) {
                    mine.since = System.nanoTime();
                    mine.bytes.write(b, lastNewline + 1, rest);
                    unfinished.add(mine);
                } else {
                    unfinished.remove(mine);
                }
            }
        }

        /** Sends the finished lines, and unfinished ones that waited long enough (or all). */
        void send(boolean all) {
            long now = System.nanoTime();
            for (Line l : unfinished) {
                synchronized (l) {
                    if (l.bytes.size() > 0 && (all || now - l.since > PARTIAL_MILLIS * 1_000_000)) {
                        synchronized (ready) {
                            ready.write(l.bytes.toByteArray(), 0, l.bytes.size());
                        }
                        l.bytes.reset();
                    }
                    if (l.bytes.size() == 0) unfinished.remove(l);
                }
            }
            String text;
            synchronized (ready) {
                if (ready.size() == 0) return;
                text = ready.toString(StandardCharsets.UTF_8);
                ready.reset();
            }
            target.accept(name, text);
        }
    }
}
