package optpar.profiling;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.EnumSet;
import java.util.Set;

/**
 * Draws collapsed stacks as a static flame graph (the PNG twin of the interactive page, for viewers
 * that run no scripts: nbconvert, GitHub, a README).
 *
 * <p>How to read one: each box is a frame; its <b>width</b> is its share of the samples (or bytes), its
 * parent is the box below it (who called it). The x order is alphabetical, not time. A wide box with
 * nothing on top is a frame where the CPU itself was: the place to look first. Boxes narrower than
 * a pixel are left out, labels that do not fit are cut.
 * <pre>{@code
 * BufferedImage img = FlameGraphImage.draw(stacks, "SlowAnalysis, cpu", "1234 samples", 1000, false);
 * }</pre>
 */
public final class FlameGraphImage {
    private FlameGraphImage() {}

    static final int ROW = 17;          // pixels per frame row
    static final int MARGIN = 10;
    static final int HEADER = 58;        // title and two lines of subtitle
    static final int LEGEND = 22;

    /**
     * Draws the stacks, root at the bottom, {@code width} pixels wide.
     *
     * @throws IllegalArgumentException when the width is below 200 pixels
     */
    public static BufferedImage draw(CollapsedStacks stacks, String title, String subtitle, int width, boolean allocation) {
        if (width < 200) throw new IllegalArgumentException("flame graph width " + width + " px is too small; use at least 200");
        CollapsedStacks.Node root = stacks.tree();
        int rows = Math.max(1, stacks.depth() + 1);                     // +1: the "all" root
        int height = HEADER + rows * ROW + LEGEND + 2 * MARGIN;
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            g.setColor(Color.BLACK);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 15));
            centered(g, title, width, MARGIN + 15);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
            g.setColor(Color.DARK_GRAY);
            String[] lines = subtitle.split("\n", 2);
            centered(g, lines[0], width, MARGIN + 33);
            if (lines.length > 1) centered(g, lines[1], width, MARGIN + 48);
            int bottom = HEADER + MARGIN + rows * ROW;                    // y below the root row
            if (root.total() == 0) {
                g.setColor(Color.GRAY);
                centered(g, "no samples", width, bottom - ROW / 2);
            } else {
                double pxPerUnit = (width - 2.0 * MARGIN) / root.total();
                g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
                drawNode(g, root, MARGIN, bottom - ROW, pxPerUnit, true);
            }
            legend(g, kindsIn(stacks), bottom + 6, allocation);
        } finally {
            g.dispose();
        }
        return img;
    }

    private static void drawNode(Graphics2D g, CollapsedStacks.Node node, double x, int y, double pxPerUnit, boolean isRoot) {
        double w = node.total() * pxPerUnit;
        if (w < 1) return;
        FrameKind kind = isRoot ? FrameKind.NATIVE : FrameKind.of(node.name());
        g.setColor(isRoot ? new Color(0xe0e0e0) : shade(kind.color, node.name()));
        g.fillRect((int) Math.round(x), y, Math.max(1, (int) Math.round(x + w) - (int) Math.round(x) - 1), ROW - 1);
        if (w > 20) {
            g.setColor(Color.BLACK);
            String label = isRoot ? "all" : FrameKind.plainName(node.name());
            g.drawString(fit(g.getFontMetrics(), label, (int) w - 6), (int) Math.round(x) + 3, y + ROW - 5);
        }
        double cx = x;
        for (CollapsedStacks.Node child : node.children()) {
            drawNode(g, child, cx, y - ROW, pxPerUnit, false);
            cx += child.total() * pxPerUnit;
        }
    }

    /** The palette colour, varied a little per name (deterministically, unlike the page's Math.random). */
    static Color shade(Color base, String name) {
        double v = (name.hashCode() & 0xff) / 255.0;
        int r = Math.min(255, base.getRed() + (int) (30 * v));
        int gr = Math.min(255, base.getGreen() + (int) (30 * v));
        int b = Math.min(255, base.getBlue() + (int) (30 * v));
        return new Color(r, gr, b);
    }

    /** The label cut to fit {@code room} pixels, ending in ".." when cut; "" when not even that fits. */
    static String fit(FontMetrics fm, String label, int room) {
        if (fm.stringWidth(label) <= room) return label;
        // Prefer the simple class name: "optpar.profiling.SlowAnalysis.distance" -> "SlowAnalysis.distance"
        int dot = label.lastIndexOf('.', label.lastIndexOf('.') - 1);
        if (dot > 0 && fm.stringWidth(label.substring(dot + 1)) <= room) return label.substring(dot + 1);
        for (int n = label.length() - 1; n > 0; n--) {
            String s = label.substring(0, n) + "..";
            if (fm.stringWidth(s) <= room) return s;
        }
        return "";
    }

    /** The text cut at the end to fit {@code room} pixels ("..." when cut). */
    static String cut(FontMetrics fm, String text, int room) {
        if (fm.stringWidth(text) <= room) return text;
        for (int n = text.length() - 1; n > 0; n--) {
            String s = text.substring(0, n) + "...";
            if (fm.stringWidth(s) <= room) return s;
        }
        return "";
    }

    private static Set<FrameKind> kindsIn(CollapsedStacks stacks) {
        Set<FrameKind> kinds = EnumSet.noneOf(FrameKind.class);
        stacks.stacks().keySet().forEach(frames -> frames.forEach(f -> kinds.add(FrameKind.of(f))));
        return kinds;
    }

    private static void legend(Graphics2D g, Set<FrameKind> kinds, int y, boolean allocation) {
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        int x = MARGIN;
        for (FrameKind k : kinds) {
            g.setColor(k.color);
            g.fillRect(x, y, 12, 12);
            g.setColor(Color.DARK_GRAY);
            // async-profiler marks an allocated type (the top frame of an allocation stack) like an inlined frame
            String label = allocation && k == FrameKind.INLINED ? "inlined, or the type allocated (top)" : k.label;
            g.drawString(label, x + 16, y + 10);
            x += 26 + g.getFontMetrics().stringWidth(label);
        }
    }

    private static void centered(Graphics2D g, String s, int width, int y) {
        FontMetrics fm = g.getFontMetrics();
        String t = cut(fm, s, width - 2 * MARGIN);
        g.drawString(t, (width - fm.stringWidth(t)) / 2, y);
    }
}
