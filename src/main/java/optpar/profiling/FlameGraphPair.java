package optpar.profiling;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/**
 * Two flame graphs side by side, before and after a change, with a caption (e.g. the time saved):
 * the HTML puts the two interactive pages next to each other, the image puts the two PNGs.
 * <pre>{@code
 * var pair = FlameGraph.sideBySide(slow, fixed, "412 ms -> 31 ms per call: 13x faster");
 * pair.show()    // the cell's last expression
 * }</pre>
 */
public record FlameGraphPair(FlameGraph before, FlameGraph after, String caption) implements RichDisplay {

    static final int HALF_WIDTH = 700;

    @Override
    public String toHtml() {
        int depth = Math.max(before.stacks().depth(), after.stacks().depth());
        int height = Math.min(900, (depth + 1) * 16 + 110);
        return "<div><p style='margin:0 0 4px 0;font-weight:bold'>" + FlameGraph.escapeHtml(caption) + "</p>"
                + "<div style='display:flex;gap:6px'>"
                + "<div style='flex:1;min-width:0'>" + FlameGraph.iframe(before.page(), height) + "</div>"
                + "<div style='flex:1;min-width:0'>" + FlameGraph.iframe(after.page(), height) + "</div>"
                + "</div></div>";
    }

    /** Both PNGs, {@value #HALF_WIDTH} pixels wide each, bottom-aligned, under the caption. */
    @Override
    public BufferedImage toImage() {
        BufferedImage a = before.toImage(HALF_WIDTH);
        BufferedImage b = after.toImage(HALF_WIDTH);
        int top = 28;
        BufferedImage img = new BufferedImage(2 * HALF_WIDTH + 10, top + Math.max(a.getHeight(), b.getHeight()), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, img.getWidth(), img.getHeight());
            g.setColor(Color.BLACK);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
            String c = FlameGraphImage.cut(g.getFontMetrics(), caption, img.getWidth() - 20);
            g.drawString(c, (img.getWidth() - g.getFontMetrics().stringWidth(c)) / 2, 20);
            // bottom-aligned: the roots of the two graphs on one line
            int h = Math.max(a.getHeight(), b.getHeight());
            g.drawImage(a, 0, top + h - a.getHeight(), null);
            g.drawImage(b, HALF_WIDTH + 10, top + h - b.getHeight(), null);
        } finally {
            g.dispose();
        }
        return img;
    }

    @Override
    public String toString() {
        return caption + "\n" + before.summary() + "\n" + after.summary();
    }
}
