package optpar.profiling;

import java.awt.image.BufferedImage;

/**
 * A result with two faces: an interactive HTML page for Jupyter, and a static image of the same
 * thing for viewers that run no scripts. A notebook kernel shows one output carrying both
 * ({@code text/html} from {@link #toHtml()}, {@code image/png} from {@link #toImage()}); the
 * front end picks the one it can show.
 *
 * <p>In a cell, {@code g.show()} as the cell's last expression (or {@code display(g.show())}) works
 * with either course kernel: see {@link #show()}.
 * <pre>{@code
 * FlameGraph g = Profile.cpu(() -> work());
 * g.show()   // the cell's last expression
 * }</pre>
 */
public interface RichDisplay {
    /** A self-contained HTML fragment (its scripts isolated in an iframe, so several can share a page). */
    String toHtml();

    /** The same content as a picture. */
    BufferedImage toImage();

    /**
     * What a cell should display. A kernel that knows this type renders it itself (both faces in one
     * output), so this returns {@code this}. Under rapaio-jupyter-kernel 3.0.1, which renders images
     * but has no way to render this type, the HTML is sent at once through its
     * {@code Global.display("text/html", ...)} and the image is returned for the cell to show.
     */
    default Object show() {
        return KernelDisplay.sendHtmlIfRapaio(toHtml()) ? toImage() : this;
    }
}
