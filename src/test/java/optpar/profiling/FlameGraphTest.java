package optpar.profiling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Collapsed stacks, the flame graph's HTML and PNG, and the profile command's options: no sampling involved. */
class FlameGraphTest {

    static final String TEXT = """
            main_[j];work_[j];sqrt_[i] 7
            main_[j];work_[j] 3
            main_[j];other_[0] 2

            main_[j];work_[j];sqrt_[i] 1
            """;

    @Test
    void parsesCollapsedStacksAndAddsUpRepeatedOnes() {
        CollapsedStacks s = CollapsedStacks.parse(TEXT);
        assertEquals(3, s.stacks().size());
        assertEquals(13, s.total());
        assertEquals(8, s.stacks().get(List.of("main_[j]", "work_[j]", "sqrt_[i]")));
        assertEquals(3, s.depth());
        assertEquals(Map.of("sqrt_[i]", 8L, "work_[j]", 3L, "other_[0]", 2L), s.selfByFrame());
        assertEquals(13, s.totalOf("main_[j]"));
        assertEquals(11, s.totalOf("work_[j]"));
        assertEquals("sqrt_[i]", s.hottestFrame().orElseThrow());
        // the text round-trips
        assertEquals(s.stacks(), CollapsedStacks.parse(s.text()).stacks());
    }

    @Test
    void randomStacksMatchAPlainCount() {
        long seed = new Random().nextLong();
        Random r = new Random(seed);
        String[] names = {"a", "b", "c", "d", "e"};
        Map<String, Long> self = new HashMap<>(), total = new HashMap<>();
        StringBuilder text = new StringBuilder();
        long all = 0;
        for (int i = 0; i < 200; i++) {
            int depth = 1 + r.nextInt(6);
            List<String> frames = new ArrayList<>();
            for (int d = 0; d < depth; d++) frames.add(names[r.nextInt(names.length)]);   // recursion happens
            long w = 1 + r.nextInt(50);
            all += w;
            text.append(String.join(";", frames)).append(' ').append(w).append('\n');
            self.merge(frames.getLast(), w, Long::sum);
            for (String f : new java.util.HashSet<>(frames)) total.merge(f, w, Long::sum);
        }
        CollapsedStacks s = CollapsedStacks.parse(text.toString());
        assertEquals(all, s.total(), "seed " + seed);
        assertEquals(self, s.selfByFrame(), "seed " + seed);
        assertEquals(total, s.totalByFrame(), "seed " + seed);
        long most = self.values().stream().mapToLong(Long::longValue).max().orElseThrow();
        assertEquals(most, self.get(s.hottestFrame().orElseThrow()), "seed " + seed);
    }

    @Test
    void badLinesAreNamedByNumber() {
        var e = assertThrows(IllegalArgumentException.class, () -> CollapsedStacks.parse("a;b 3\na;b three\n"));
        assertTrue(e.getMessage().contains("line 2"), e.getMessage());
        assertTrue(e.getMessage().contains("frame;frame"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> CollapsedStacks.parse("nonumber"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> CollapsedStacks.parse("a;;b 1")).getMessage().contains("empty frame"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> CollapsedStacks.parse("a -1")).getMessage().contains("negative"));
        assertTrue(CollapsedStacks.parse("\n\n").isEmpty());
        assertTrue(CollapsedStacks.empty().hottestFrame().isEmpty());
    }

    @Test
    void framesAreRenamedMergedAndCutAtTheMarker() {
        CollapsedStacks s = CollapsedStacks.parse(TEXT);
        CollapsedStacks plain = s.mapFrames(FrameKind::plainName);
        assertEquals(11, plain.totalOf("work"));
        CollapsedStacks cut = CollapsedStacks.parse("[t tid=1];Thread.run_[j];loop_[j];work_[j] 5\n[t tid=1];other_[j] 2\n");
        assertEquals(Map.of(List.of("work_[j]"), 5L, List.of("[t tid=1]", "other_[j]"), 2L), cut.above(f -> f.startsWith("loop")).stacks());
        assertEquals(Map.of(List.of("[t tid=1]", "work_[j]"), 5L, List.of("[t tid=1]", "other_[j]"), 2L),
                cut.above(f -> f.startsWith("loop"), true).stacks());
        assertEquals(Map.of(List.of("main_[j]", "x_[j]"), 4L, List.of("other_[j]"), 1L),
                CollapsedStacks.parse("run_[j];invoke_[j];main_[j];x_[j] 4\nother_[j] 1\n").from(f -> f.startsWith("main")).stacks());
        assertEquals(11.0 / 13, s.leafShare(EnumSet.of(FrameKind.INLINED, FrameKind.JIT_COMPILED)), 1e-12);   // sqrt 8 + work 3
    }

    @Test
    void frameKindsFollowAsyncProfilersSuffixes() {
        assertEquals(FrameKind.INTERPRETED, FrameKind.of("A.m_[0]"));
        assertEquals(FrameKind.C1_COMPILED, FrameKind.of("A.m_[1]"));
        assertEquals(FrameKind.JIT_COMPILED, FrameKind.of("A.m_[j]"));
        assertEquals(FrameKind.INLINED, FrameKind.of("A.m_[i]"));
        assertEquals(FrameKind.KERNEL, FrameKind.of("do_page_fault_[k]"));
        assertEquals(FrameKind.CPP, FrameKind.of("CompileBroker::compile"));
        assertEquals(FrameKind.NATIVE, FrameKind.of("__memmove_avx_unaligned"));
        assertEquals("A.m", FrameKind.plainName("A.m_[i]"));
        assertEquals("memcpy", FrameKind.plainName("memcpy"));
        assertEquals("java.util.ArrayList.add_[j]", Recorder.dotted("java/util/ArrayList.add_[j]"));
        assertEquals("libc.so.6/memcpy", Recorder.dotted("libc.so.6/memcpy"));   // native names stay as they are
        assertEquals("Try$$Lambda.run_[j]", Profile.tidyLambda("Try$$Lambda.0x00000000780af928.run_[j]"));
    }

    static FlameGraph graph(String title, String text, boolean allocation) {
        CollapsedStacks s = CollapsedStacks.parse(text);
        return new FlameGraph(title, s, allocation, s.total(), 1.5, 3, 3000, "test profiler", List.of("a warning"));
    }

    @Test
    void thePngDrawsEachFrameInItsKindsColourWithWidthByWeight() throws Exception {
        // root "a" (JIT) holds everything; on it "b" (inlined) 3/4 and "c" (interpreted) 1/4; "d" on b
        FlameGraph g = graph("colours", "a_[j];b_[i];d_[j] 30\na_[j];c_[0] 10\n", false);
        BufferedImage img = g.toImage(1000);
        assertEquals(1000, img.getWidth());
        int rows = 4;   // all, a, b/c, d
        assertEquals(FlameGraphImage.HEADER + rows * FlameGraphImage.ROW + FlameGraphImage.LEGEND + 2 * FlameGraphImage.MARGIN, img.getHeight());
        int bottom = FlameGraphImage.HEADER + FlameGraphImage.MARGIN + rows * FlameGraphImage.ROW;
        int rowA = bottom - 2 * FlameGraphImage.ROW + 2, rowBC = bottom - 3 * FlameGraphImage.ROW + 2;
        int usable = 1000 - 2 * FlameGraphImage.MARGIN;
        // sample away from labels (their text starts at the left edge of a box): the right part of each box
        assertKind(FrameKind.JIT_COMPILED, img.getRGB(FlameGraphImage.MARGIN + usable - 20, rowA));
        assertKind(FrameKind.INLINED, img.getRGB(FlameGraphImage.MARGIN + usable * 3 / 4 - 20, rowBC));
        assertKind(FrameKind.INTERPRETED, img.getRGB(FlameGraphImage.MARGIN + usable - 20, rowBC));
        // on b: d, the same width; above c: nothing
        assertKind(FrameKind.JIT_COMPILED, img.getRGB(FlameGraphImage.MARGIN + usable * 3 / 4 - 20, rowBC - FlameGraphImage.ROW));
        assertEquals(Color.WHITE.getRGB(), img.getRGB(FlameGraphImage.MARGIN + usable - 20, rowBC - FlameGraphImage.ROW));
        // and it encodes as a PNG that reads back at the same size
        BufferedImage back = ImageIO.read(new ByteArrayInputStream(g.toPng()));
        assertEquals(img.getHeight(), back.getHeight());
    }

    /** The drawn colour is the kind's base colour lightened by at most 30 per channel. */
    static void assertKind(FrameKind kind, int rgb) {
        Color c = new Color(rgb), base = kind.color;
        int dr = c.getRed() - base.getRed(), dg = c.getGreen() - base.getGreen(), db = c.getBlue() - base.getBlue();
        assertTrue(dr >= 0 && dr <= 30 && dg >= 0 && dg <= 30 && db >= 0 && db <= 30, kind + " expected near " + base + ", got " + c);
    }

    @Test
    void emptyAndNarrowPictures() {
        FlameGraph empty = graph("nothing", "", true);
        BufferedImage img = empty.toImage();
        assertTrue(img.getHeight() > 50);
        assertEquals("none", empty.hottestFrame());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> empty.toImage(100)).getMessage().contains("at least 200"));
        // side by side: both images, under a caption
        var pair = FlameGraph.sideBySide(graph("before", "a_[j] 5\n", false), graph("after", "a_[j];b_[j] 5\n", false), "5x faster");
        assertEquals(2 * FlameGraphPair.HALF_WIDTH + 10, pair.toImage().getWidth());
        assertTrue(pair.toHtml().contains("5x faster"));
    }

    @Test
    void theHtmlIsTheConvertersPageEscapedIntoAnIframe() {
        FlameGraph g = graph("<b>median</b> & co", TEXT, false);
        String page = g.page();
        assertTrue(page.startsWith("<!DOCTYPE html>"), page.substring(0, 50));
        assertTrue(page.contains("const cpool"), "the converter's frame table");
        assertTrue(page.contains("'work") || page.contains("work'"), "frame names are in the page");
        assertTrue(page.contains("&lt;b&gt;median&lt;/b&gt; &amp; co"), "the title is escaped");
        assertFalse(page.contains("<b>median"), "no raw title");
        String html = g.toHtml();
        assertTrue(html.contains("<iframe") && html.contains("srcdoc=\""));
        String srcdoc = html.substring(html.indexOf("srcdoc=\"") + 8, html.lastIndexOf("\"></iframe>"));
        assertFalse(srcdoc.contains("\""), "quotes inside srcdoc are escaped");
        assertTrue(g.summary().contains("warning: a warning"), "the summary says the warnings");
        // one method in several kinds is one method in the table and for the hottest frame
        FlameGraph kinds = graph("kinds", "m_[0] 3\nm_[j] 3\nn_[j] 5\n", false);
        assertEquals("m", kinds.hottestFrame());
        assertEquals(List.of("m", "n"), kinds.top(5).stringColumn("frame").asList());
    }

    @Test
    void saveAndLoadRoundTrip(@TempDir Path dir) throws Exception {
        FlameGraph g = graph("round trip", TEXT, true);
        List<Path> written = g.save(dir, "x");
        assertEquals(List.of("x.html", "x.png", "x.collapsed", "x.properties"), written.stream().map(p -> p.getFileName().toString()).toList());
        for (Path p : written) assertTrue(Files.size(p) > 0, p.toString());
        FlameGraph back = FlameGraph.load(dir, "x");
        assertEquals(g, back);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> FlameGraph.load(dir, "y")).getMessage().contains("no saved profile"));
    }

    @Test
    void allocationTablesNameTheTypes() {
        var t = graph("alloc", "m_[j];java.lang.Double_[i] 300\nm_[j];double[]_[k] 100\n", true).top(5);
        assertEquals(List.of("java.lang.Double", "double[]"), t.stringColumn("frame").asList());
        assertEquals(List.of("type allocated", "type allocated outside a TLAB"), t.stringColumn("kind").asList());
        assertEquals(75.0, t.doubleColumn("bytes %").get(0));
    }

    @Test
    void profileCommandOptions() {
        var o = ProfileMain.Options.parse("--alloc", "--seconds", "2", "--profiler", "jfr", "--out", "x", "profiling.SlowAnalysis", "300", "--x");
        assertTrue(o.allocation());
        assertEquals(2.0, o.seconds());
        assertEquals(Profiler.JFR, o.profiler());
        assertEquals("profiling.SlowAnalysis", o.mainClass());
        assertEquals(List.of("300", "--x"), o.args(), "options after the class are the program's");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ProfileMain.Options.parse("--seconds", "0", "A")).getMessage().contains("not allowed"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ProfileMain.Options.parse("--bogus", "A")).getMessage().contains("unknown option"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ProfileMain.Options.parse("--alloc")).getMessage().contains("no class"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ProfileMain.Options.parse("--profiler", "perf", "A")).getMessage().contains("auto, async, jfr or safepoint"));
        assertEquals("main", ProfileMain.mainOf("profiling.SlowAnalysis").getName());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ProfileMain.mainOf("NoSuchClass")).getMessage().contains("not found"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ProfileMain.mainOf("optpar.profiling.FrameKind")).getMessage().contains("no public static void main"));
    }

    @Test
    void theFirstFixGivesTheSameMedian() {
        long seed = new Random().nextLong();
        int n = 50 + new Random(seed).nextInt(400);
        assertEquals(SlowAnalysis.medianNearestNeighbourDistance(n, seed), SlowAnalysis.medianWithRunningMinimum(n, seed), 0.0, "seed " + seed + ", n " + n);
    }

    @Test
    void theSafepointBiasDemoComputesItsSums() {
        long seed = new Random().nextLong();
        Random r = new Random(seed);
        int n = 1 + r.nextInt(5000), rounds = 1 + r.nextInt(20);
        long s = 0;
        for (int k = 0; k < rounds; k++) {
            long sq = 0;
            for (int i = 0; i < n; i++) sq += (long) (i % 1000) * (i % 1000);
            s = (s + sq) * 31 + k;
        }
        assertEquals(s, SafepointBias.run(n, rounds), "seed " + seed);
        assertThrows(IllegalArgumentException.class, () -> SafepointBias.run(0, 1));
    }
}
