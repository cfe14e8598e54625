package optpar.profiling;

import java.awt.image.BufferedImage;

/**
 * A result with two faces: an interactive HTML page for Jupyter, and a static image of the same
 * thing for viewers that run no scripts. A notebook kernel shows one output carrying both
 * ({@code text/html} from {@link #toHtml()}, {@code image/png} from {@link #toImage()}); the
 * front end picks the one it can show.
 * <pre>{@code
 * FlameGraph g = Profile.cpu(() -> work());
 * display("text/html", g.toHtml());   // the interactive flame graph (rapaio kernel)
 * display(g.toImage());              // its PNG twin
 * }</pre>
 */
public interface RichDisplay {
    /** A self-contained HTML fragment (its scripts isolated in an iframe, so several can share a page). */
    String toHtml();

    /** The same content as a picture. */
    BufferedImage toImage();
}
