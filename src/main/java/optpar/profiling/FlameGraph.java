package optpar.profiling;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import javax.imageio.ImageIO;
import one.convert.Arguments;
import tech.tablesaw.api.Table;

/**
 * A recorded profile, shown as a flame graph: interactive HTML made by async-profiler's own
 * converter ({@code one.convert.FlameGraph} from {@code tools.profiler:jfr-converter}: hover a frame
 * for its share, click to zoom, Ctrl+F to search), and a static PNG of the same stacks
 * ({@link FlameGraphImage}).
 *
 * <p>In a notebook cell:
 * <pre>{@code
 * FlameGraph g = Profile.cpu(() -> SlowAnalysis.medianNearestNeighbourDistance(2000, 1));
 * g.show();                          // as the cell's last expression: the page and its PNG twin
 * g.hottestFrame();                  // "optpar.profiling.SlowAnalysis.distance"
 * g.top(8);                          // the frames with most self samples, as a table
 * g.save(Path.of("profiles"), "slow"); // slow.html, slow.png, slow.collapsed, slow.properties
 * }</pre>
 *
 * @param title       what was profiled
 * @param stacks      the work thread's stacks, cut below the work
 * @param allocation  true: weights are bytes allocated; false: CPU samples
 * @param samples     how many samples the stacks came from
 * @param seconds     wall time of the recording
 * @param calls       how many times the work ran in it
 * @param allocatedBytes exact bytes the work's thread allocated (ThreadMXBean), -1 when unknown
 * @param profiler    which profiler recorded, in which mode
 * @param warnings    what the reader should know (too few samples, a fallback)
 */
public record FlameGraph(String title, CollapsedStacks stacks, boolean allocation, long samples, double seconds,
                         int calls, long allocatedBytes, String profiler, List<String> warnings) implements RichDisplay {

    /** Below this many samples a flame graph is mostly noise. */
    public static final int ENOUGH_SAMPLES = 100;

    /** The width of the PNG, in pixels. */
    public static final int IMAGE_WIDTH = 1000;

    public FlameGraph {
        warnings = List.copyOf(warnings);
    }

    /** Wall time of one call of the work. */
    public double secondsPerCall() {
        return calls == 0 ? Double.NaN : seconds / calls;
    }

    /** Exact bytes allocated per call of the work (-1 when unknown). */
    public long allocatedBytesPerCall() {
        return allocatedBytes < 0 || calls == 0 ? -1 : allocatedBytes / calls;
    }

    /**
     * The method with most self weight, its kinds added up (interpreted, compiled and inlined runs of
     * one method are one method here); "none" for an empty profile.
     */
    public String hottestFrame() {
        return stacks.mapFrames(FrameKind::plainName).hottestFrame().orElse("none");
    }

    /** The share (0 to 1) of the weight whose stack contains a frame named {@code method} (any kind). */
    public double shareOf(String method) {
        long all = stacks.total();
        if (all == 0) return 0;
        long in = stacks.stacks().entrySet().stream()
                .filter(e -> e.getKey().stream().anyMatch(f -> FrameKind.plainName(f).equals(method)))
                .mapToLong(java.util.Map.Entry::getValue).sum();
        return (double) in / all;
    }

    /**
     * The share (0 to 1) of the weight whose stack contains {@code method} running as {@code kind}
     * (e.g. {@code mandel} as {@link FrameKind#INLINED}: the JIT copied it into its caller).
     */
    public double shareOf(String method, FrameKind kind) {
        return shareOfExactFrame(method + kind.suffix);
    }

    private double shareOfExactFrame(String frame) {
        long all = stacks.total();
        if (all == 0) return 0;
        long in = stacks.stacks().entrySet().stream().filter(e -> e.getKey().contains(frame))
                .mapToLong(java.util.Map.Entry::getValue).sum();
        return (double) in / all;
    }

    /** The share (0 to 1) of the samples whose leaf (where the CPU was) ran as {@code kind}. */
    public double leafShare(FrameKind kind) {
        return stacks.leafShare(java.util.EnumSet.of(kind));
    }

    /**
     * Per kind of code (interpreted, C1, C2, inlined, native, JVM, kernel), the percentage of each
     * profile's samples whose leaf ran as that kind: where the CPU was, by who made the code.
     */
    public static Table kindsTable(FlameGraph... graphs) {
        tech.tablesaw.api.StringColumn kind = tech.tablesaw.api.StringColumn.create("leaf frame's kind");
        for (FrameKind k : FrameKind.values()) kind.append(k.label);
        Table t = Table.create("where the CPU was, by kind of code (% of samples)", kind);
        for (FlameGraph g : graphs) {
            tech.tablesaw.api.DoubleColumn c = tech.tablesaw.api.DoubleColumn.create(g.title());
            for (FrameKind k : FrameKind.values()) c.append(Math.round(1000 * g.leafShare(k)) / 10.0);
            t.addColumns(c);
        }
        return t;
    }

    /** The {@code top} frames by self weight: where the CPU was (or what was allocated, and where). */
    public Table top(int top) {
        Table t = stacks.top(top, (allocation ? "allocated" : "self time") + ": " + title);
        if (allocation) {
            // the leaves of allocation stacks are the types allocated (async-profiler marks them like inlined frames)
            t.stringColumn("kind").set(t.stringColumn("kind").isEqualTo(FrameKind.INLINED.label), "type allocated");
            t.stringColumn("kind").set(t.stringColumn("kind").isEqualTo(FrameKind.KERNEL.label), "type allocated outside a TLAB");
            t.column("self %").setName("bytes %");
        }
        return t;
    }

    /** One paragraph: samples, time, calls, profiler, and the warnings. */
    public String summary() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%s: %d %s in %.2f s (%d call%s of the work, %s each), %s",
                title, samples, allocation ? "allocation samples" : "samples", seconds, calls, calls == 1 ? "" : "s",
                duration(secondsPerCall()), profiler));
        if (allocatedBytes >= 0) {
            sb.append(String.format(Locale.ROOT, "; allocated %s per call", bytes(allocatedBytesPerCall())));
        }
        for (String w : warnings) sb.append("\nwarning: ").append(w);
        return sb.toString();
    }

    /** The subtitle of the pictures: the numbers, then the profiler. */
    String subtitle() {
        String weight = allocation ? "widths: bytes allocated (" + bytes(stacks.total()) + " sampled)" : "widths: CPU samples";
        return String.format(Locale.ROOT, "%d samples in %.2f s, %d call%s of %s each; %s%n%s", samples, seconds, calls,
                calls == 1 ? "" : "s", duration(secondsPerCall()), weight, profiler);
    }

    /** The interactive page, whole: async-profiler's flame graph HTML, made by its converter. */
    public String page() {
        // The converter prints the title into the page as it is: escape it.
        Arguments args = new Arguments("--title", escapeHtml(title + (allocation ? " (allocations: widths are bytes; the page calls them samples)" : "")));
        one.convert.FlameGraph fg = new one.convert.FlameGraph(args);
        try {
            fg.parseCollapsed(new StringReader(stacks.text()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PrintStream ps = new PrintStream(out, true, StandardCharsets.UTF_8)) {
            fg.dump(ps);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /**
     * The interactive flame graph as an HTML fragment: the page in an iframe (its script and element
     * ids would clash with a second flame graph on the same notebook page). The summary is not in it:
     * {@link Profile} prints it.
     */
    @Override
    public String toHtml() {
        return iframe(page(), Math.min(900, (stacks.depth() + 1) * 16 + 110));
    }

    static String iframe(String page, int height) {
        return "<iframe style='width:100%;height:" + height + "px;border:1px solid #ddd' srcdoc=\""
                + page.replace("&", "&amp;").replace("\"", "&quot;") + "\"></iframe>";
    }

    /** The static flame graph, {@link #IMAGE_WIDTH} pixels wide. */
    @Override
    public BufferedImage toImage() {
        return toImage(IMAGE_WIDTH);
    }

    public BufferedImage toImage(int width) {
        return FlameGraphImage.draw(stacks, title, subtitle(), width, allocation);
    }

    /** The static flame graph as PNG bytes. */
    public byte[] toPng() {
        return png(toImage());
    }

    static byte[] png(BufferedImage img) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * Writes {@code name}.html (the interactive page), {@code name}.png, {@code name}.collapsed (the
     * stacks, for any flame graph tool) and {@code name}.properties (the rest) into {@code dir}.
     *
     * @return the paths written, HTML first
     */
    public List<Path> save(Path dir, String name) {
        try {
            Files.createDirectories(dir);
            List<Path> written = new ArrayList<>();
            written.add(Files.writeString(dir.resolve(name + ".html"), page()));
            written.add(Files.write(dir.resolve(name + ".png"), toPng()));
            written.add(Files.writeString(dir.resolve(name + ".collapsed"), stacks.text()));
            Properties p = new Properties();
            p.setProperty("title", title);
            p.setProperty("allocation", "" + allocation);
            p.setProperty("samples", "" + samples);
            p.setProperty("seconds", "" + seconds);
            p.setProperty("calls", "" + calls);
            p.setProperty("allocatedBytes", "" + allocatedBytes);
            p.setProperty("profiler", profiler);
            p.setProperty("warnings", String.join("\n", warnings));
            Path props = dir.resolve(name + ".properties");
            try (var w = Files.newBufferedWriter(props)) {
                p.store(w, "optpar profile");
            }
            written.add(props);
            return written;
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the flame graph into " + dir + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads back what {@link #save} wrote.
     *
     * @throws IllegalArgumentException when the files are not there
     */
    public static FlameGraph load(Path dir, String name) {
        Path props = dir.resolve(name + ".properties");
        Path collapsed = dir.resolve(name + ".collapsed");
        if (!Files.isRegularFile(props) || !Files.isRegularFile(collapsed)) {
            throw new IllegalArgumentException("no saved profile '" + name + "' in " + dir + " (looked for " + name + ".properties and .collapsed)");
        }
        try {
            Properties p = new Properties();
            try (var r = Files.newBufferedReader(props)) {
                p.load(r);
            }
            String w = p.getProperty("warnings", "");
            return new FlameGraph(p.getProperty("title"), CollapsedStacks.parse(Files.readString(collapsed)),
                    Boolean.parseBoolean(p.getProperty("allocation")), Long.parseLong(p.getProperty("samples")),
                    Double.parseDouble(p.getProperty("seconds")), Integer.parseInt(p.getProperty("calls")),
                    Long.parseLong(p.getProperty("allocatedBytes")), p.getProperty("profiler"),
                    w.isEmpty() ? List.of() : List.of(w.split("\n")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Two flame graphs side by side (before and after a change), with a caption such as the time saved. */
    public static FlameGraphPair sideBySide(FlameGraph before, FlameGraph after, String caption) {
        return new FlameGraphPair(before, after, caption);
    }

    @Override
    public String toString() {
        return summary();
    }

    /** "412 ms", "38.1 µs", "1.25 s". */
    public static String duration(double s) {
        if (Double.isNaN(s)) return "unknown";
        if (s >= 1) return String.format(Locale.ROOT, "%.2f s", s);
        if (s >= 1e-3) return String.format(Locale.ROOT, "%.3g ms", s * 1e3);
        return String.format(Locale.ROOT, "%.3g µs", s * 1e6);
    }

    /** "812 B", "39.1 MB": bytes for a reader. */
    public static String bytes(long b) {
        if (b < 0) return "unknown";
        if (b < 10_000) return b + " B";
        if (b < 1_000_000) return String.format(Locale.ROOT, "%.1f KB", b / 1e3);
        if (b < 10_000_000_000L) return String.format(Locale.ROOT, "%.1f MB", b / 1e6);
        return String.format(Locale.ROOT, "%.1f GB", b / 1e9);
    }

    static String escapeHtml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("'", "&#39;").replace("\"", "&quot;");
    }
}
