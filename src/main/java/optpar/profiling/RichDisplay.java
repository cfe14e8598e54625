package optpar.profiling;

import java.awt.image.BufferedImage;

/**
 * A result with two faces: an interactive HTML page for Jupyter, and a static image of the same
 * thing for viewers that run no scripts. A notebook kernel shows one output carrying both
 * ({@code text/html} from {@link #toHtml()}, {@code image/png} from {@link #toImage()}); the
 * front end picks the one it can show.
 *
 * <p>In a cell, {@code g.show()} (or just {@code g}) as the cell's last expression, or
 * {@code display(g)}, shows both faces.
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
     * What a cell should display: this object, which the course kernel renders with both faces
     * ({@code text/html} and {@code image/png}) in one output. Kept so a cell reads
     * {@code g.show()}; {@code g} alone as the last expression does the same.
     */
    default Object show() {
        return this;
    }
}
