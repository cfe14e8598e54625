package optpar.kernel;

import java.awt.image.BufferedImage;
import java.awt.image.RenderedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import javax.imageio.ImageIO;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.internal.chartpart.Chart;
import tech.tablesaw.api.Table;

/**
 * How a cell's value is shown: images and XChart charts as {@code image/png}, tablesaw tables as
 * {@code text/html}, everything else as text. Every bundle also carries {@code text/plain}, which is
 * what a terminal, a diff of executed notebooks and the tests read.
 *
 * <pre>{@code
 * DisplayData shown = Rendering.render(chart);   // image/png + text/plain
 * }</pre>
 */
final class Rendering {

    /** The MIME types {@code display(value, type)} accepts. */
    static final List<String> TYPES = List.of("text/plain", "text/html", "text/markdown", "text/latex",
            "image/png", "image/svg+xml", "application/json");

    /** Rows of a table shown in the notebook; the rest are summarised. */
    static final int TABLE_ROWS = 20;

    private Rendering() {
    }

    static DisplayData render(Object value) {
        DisplayData d = new DisplayData();
        if (value instanceof RenderedImage image) {
            d.putData("image/png", png(image));
            d.putText("image " + image.getWidth() + "x" + image.getHeight());
        } else if (value instanceof Chart<?, ?> chart) {
            BufferedImage image = BitmapEncoder.getBufferedImage(chart);
            d.putData("image/png", png(image));
            d.putText(chart.getClass().getSimpleName() + " \"" + chart.getTitle() + "\" " + image.getWidth() + "x" + image.getHeight());
        } else if (richFaces(value) instanceof Object[] faces) {
            // a result with two faces (a flame graph): the page for Jupyter, its picture for static viewers
            d.putHTML((String) faces[0]);
            d.putData("image/png", png((RenderedImage) faces[1]));
            d.putText(text(value));
        } else if (value instanceof Table table) {
            d.putHTML(html(table));
            d.putText(table.rowCount() > TABLE_ROWS ? table.print(TABLE_ROWS) : table.printAll());
        } else {
            d.putText(text(value));
        }
        return d;
    }

    /** The value shown as the one MIME type asked for (plus text/plain). */
    static DisplayData render(Object value, String type) {
        if (!TYPES.contains(type)) {
            throw new IllegalArgumentException("display: unknown display type '" + type + "' (allowed: " + String.join(", ", TYPES) + ")");
        }
        DisplayData rich = render(value);
        DisplayData d = new DisplayData();
        Object data = rich.getData(org.dflib.jjava.jupyter.kernel.display.mime.MIMEType.parse(type));
        if (data == null && value instanceof CharSequence s && !type.startsWith("image/png")) data = s.toString();
        if (data == null) {
            throw new IllegalArgumentException("display: a " + (value == null ? "null" : value.getClass().getSimpleName())
                    + " cannot be shown as " + type + " (give a String with the " + type + " text)");
        }
        d.putData(type, data);
        if (!type.equals("text/plain")) d.putText(text(value));
        return d;
    }

    /**
     * The HTML and the image of a value whose class has public {@code String toHtml()} and
     * {@code BufferedImage toImage()} (the support module's {@code RichDisplay}), or null. Found by
     * name, so the kernel does not depend on the support module.
     */
    static Object[] richFaces(Object value) {
        if (value == null) return null;
        try {
            var toHtml = value.getClass().getMethod("toHtml");
            var toImage = value.getClass().getMethod("toImage");
            if (toHtml.getReturnType() != String.class || !RenderedImage.class.isAssignableFrom(toImage.getReturnType())) return null;
            toHtml.setAccessible(true);   // the class may be a cell's own, or not exported
            toImage.setAccessible(true);
            Object html = toHtml.invoke(value), image = toImage.invoke(value);
            return html == null || image == null ? null : new Object[] {html, image};
        } catch (NoSuchMethodException | IllegalAccessException | java.lang.reflect.InaccessibleObjectException e) {
            return null;
        } catch (java.lang.reflect.InvocationTargetException e) {
            throw new IllegalStateException("display: " + value.getClass().getSimpleName() + " could not draw itself: " + e.getCause(), e.getCause());
        }
    }

    static String text(Object value) {
        if (value == null) return "null";
        if (value instanceof Object[] a) return Arrays.deepToString(a);
        if (value instanceof int[] a) return Arrays.toString(a);
        if (value instanceof long[] a) return Arrays.toString(a);
        if (value instanceof double[] a) return Arrays.toString(a);
        if (value instanceof float[] a) return Arrays.toString(a);
        if (value instanceof boolean[] a) return Arrays.toString(a);
        if (value instanceof byte[] a) return Arrays.toString(a);
        if (value instanceof short[] a) return Arrays.toString(a);
        if (value instanceof char[] a) return Arrays.toString(a);
        return String.valueOf(value);
    }

    private static String png(RenderedImage image) {
        var bytes = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Base64.getEncoder().encodeToString(bytes.toByteArray());
    }

    private static String html(Table table) {
        var h = new StringBuilder("<table border=\"1\">\n<thead><tr>");
        for (String name : table.columnNames()) h.append("<th>").append(escape(name)).append("</th>");
        h.append("</tr></thead>\n<tbody>\n");
        int rows = Math.min(table.rowCount(), TABLE_ROWS);
        for (int r = 0; r < rows; r++) {
            h.append("<tr>");
            for (int c = 0; c < table.columnCount(); c++) h.append("<td>").append(escape(table.getString(r, c))).append("</td>");
            h.append("</tr>\n");
        }
        h.append("</tbody></table>\n");
        if (table.rowCount() > rows) h.append("<p>").append(table.rowCount() - rows).append(" more rows of ").append(table.rowCount()).append("</p>\n");
        return h.toString();
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
