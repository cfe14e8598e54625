package optpar.kernel;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;

/**
 * What a cell may call to show things (imported by the kernel's init script):
 *
 * <pre>{@code
 * display(chart);                       // an output now, even in the middle of a cell
 * String id = display("step 0");        // every display has an id ...
 * updateDisplay(id, "step 1");          // ... to replace it in place, from this cell or a later one
 * display("<b>bold</b>", "text/html");  // one MIME type, given by name
 * clearOutput();                        // clears this cell's output so far
 * clearOutput(true);                    // ... just before the next output arrives (no flicker in a loop)
 * }</pre>
 */
public final class Display {

    private static final AtomicLong NEXT = new AtomicLong();
    /** Set by the kernel: sends a display_data (false) or update_display_data (true) message. */
    private static volatile Sender sender;

    interface Sender {
        void send(DisplayData data, boolean update);
    }

    /** Set by the kernel: sends a clear_output message (wait: only when the next output comes). */
    private static volatile Consumer<Boolean> clearer;

    private Display() {
    }

    static void install(Sender s, Consumer<Boolean> clear) {
        sender = s;
        clearer = clear;
    }

    /** Clears the output of the running cell at once (Jupyter's {@code clear_output()}). */
    public static void clearOutput() {
        clearOutput(false);
    }

    /**
     * Clears the output of the running cell; with {@code wait}, only when the next output arrives, so
     * a loop that clears and prints again shows no empty moment (Jupyter's {@code clear_output(wait=True)}).
     */
    public static void clearOutput(boolean wait) {
        Consumer<Boolean> c = clearer;
        if (c == null) throw new IllegalStateException("clearOutput: no notebook kernel is running in this JVM");
        c.accept(wait);
    }

    /** Shows {@code value} as the kernel shows a cell's value; returns the display's id. */
    public static String display(Object value) {
        return show(Rendering.render(value), null);
    }

    /** Shows {@code value} as the given MIME type, e.g. "text/html"; returns the display's id. */
    public static String display(Object value, String mimeType) {
        return show(Rendering.render(value, mimeType), null);
    }

    /** Replaces the display {@code id} (returned by {@code display}) with {@code value}. */
    public static void updateDisplay(String id, Object value) {
        show(Rendering.render(value), id);
    }

    /** Replaces the display {@code id} with {@code value} shown as the given MIME type. */
    public static void updateDisplay(String id, Object value, String mimeType) {
        show(Rendering.render(value, mimeType), id);
    }

    private static String show(DisplayData data, String updateId) {
        Sender s = sender;
        if (s == null) throw new IllegalStateException("display: no notebook kernel is running in this JVM");
        if (updateId != null && (updateId.isBlank())) throw new IllegalArgumentException("updateDisplay: the id is empty (use the id display(...) returned)");
        String id = updateId != null ? updateId : "optpar-" + ProcessHandle.current().pid() + "-" + NEXT.incrementAndGet();
        data.setDisplayId(id);
        s.send(data, updateId != null);
        return id;
    }

}
