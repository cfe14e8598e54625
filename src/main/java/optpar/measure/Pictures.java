package optpar.measure;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.Locale;

/**
 * Raster pictures of computed fields, drawn pixel by pixel (no chart library): the heat field as a
 * colour map with a colour bar, and the Mandelbrot image. Plots with axes are {@link Charts}.
 *
 * <pre>{@code
 * Pictures.heatMap(u, p.n(), "u after 200 steps");
 * Pictures.mandelbrot(counts, p.width(), p.height(), p.maxIter());
 * Charts.save(Pictures.heatMap(u, p.n(), "u"), "heat.png");
 * }</pre>
 */
public final class Pictures {
    private Pictures() {}

    static {
        if (System.getProperty("java.awt.headless") == null) System.setProperty("java.awt.headless", "true");
    }

    /**
     * The heat field as a colour image (viridis colour map), with a title and a colour bar, at the
     * default size of 520 x 440 pixels. Large grids are sampled down to the picture's pixels.
     *
     * <pre>{@code
     * double[] u = new NaiveHeat().solve(new HeatProblem(256, 500), 1);
     * Pictures.heatMap(u, 256, "after 500 steps");
     * }</pre>
     */
    public static BufferedImage heatMap(double[] field, int n, String title) {
        return heatMap(field, n, title, 520, 440);
    }

    /** {@link #heatMap(double[], int, String)} at {@code width x height} pixels. */
    public static BufferedImage heatMap(double[] field, int n, String title, int width, int height) {
        if (n < 1 || (long) n * n != field.length) {
            throw new IllegalArgumentException("field has " + field.length + " values, but n=" + n + " needs n*n=" + (long) n * n);
        }
        checkSize(width, height);
        if (width < 120 || height < 80) throw new IllegalArgumentException("a heat map needs at least 120 x 80 pixels, got " + width + " x " + height);
        double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
        for (double v : field) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        double range = max > min ? max - min : 1;
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = canvas(img);
        int top = 30, barWidth = 20, labelWidth = 70, margin = 10;
        int side = Math.max(1, Math.min(width - barWidth - labelWidth - 3 * margin, height - top - margin));
        // Nearest-neighbour sampling: each picture pixel shows the grid point under its centre.
        for (int py = 0; py < side; py++) {
            int i = (int) ((py + 0.5) * n / side);
            for (int px = 0; px < side; px++) {
                int j = (int) ((px + 0.5) * n / side);
                img.setRGB(margin + px, top + py, viridis((field[i * n + j] - min) / range));
            }
        }
        int bx = margin * 2 + side;
        for (int py = 0; py < side; py++) {
            g.setColor(new Color(viridis(1 - (double) py / Math.max(1, side - 1))));
            g.fillRect(bx, top + py, barWidth, 1);
        }
        g.setColor(Color.BLACK);
        g.drawRect(bx, top, barWidth, side);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        g.drawString(String.format(Locale.ROOT, "%.3g", max), bx + barWidth + 4, top + 10);
        g.drawString(String.format(Locale.ROOT, "%.3g", min), bx + barWidth + 4, top + side);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        g.drawString(title, margin, 20);
        g.dispose();
        return img;
    }

    /**
     * The Mandelbrot image, one pixel per count: points that never escaped ({@code maxIter}) black,
     * the others coloured by how fast they escaped (log scale, viridis).
     *
     * <pre>{@code
     * var p = MandelbrotProblem.LECTURE;
     * Pictures.mandelbrot(new ScalarMandelbrot().compute(p, 1), p.width(), p.height(), p.maxIter());
     * }</pre>
     */
    public static BufferedImage mandelbrot(int[] counts, int width, int height, int maxIter) {
        checkSize(width, height);
        if ((long) width * height != counts.length) {
            throw new IllegalArgumentException("counts has " + counts.length + " values, but " + width + "x" + height
                    + " needs " + (long) width * height);
        }
        if (maxIter < 1) throw new IllegalArgumentException("maxIter " + maxIter + " is not allowed: at least 1");
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        int[] palette = new int[maxIter + 1];
        for (int c = 0; c < maxIter; c++) palette[c] = viridis(Math.log1p(c) / Math.log1p(maxIter));
        palette[maxIter] = 0; // inside the set: black
        int[] rgb = new int[counts.length];
        for (int k = 0; k < counts.length; k++) rgb[k] = palette[Math.clamp(counts[k], 0, maxIter)];
        img.setRGB(0, 0, width, height, rgb, 0, width);
        return img;
    }

    /** The viridis colour map (perceptually uniform, readable in grey), {@code t} in [0, 1], as RGB. */
    static int viridis(double t) {
        // Five anchors of matplotlib's viridis, linearly interpolated: close enough for teaching images.
        int[][] anchors = {{68, 1, 84}, {59, 82, 139}, {33, 145, 140}, {94, 201, 98}, {253, 231, 37}};
        double x = Math.clamp(Double.isNaN(t) ? 0 : t, 0.0, 1.0) * (anchors.length - 1);
        int k = Math.min((int) x, anchors.length - 2);
        double f = x - k;
        int r = (int) Math.round(anchors[k][0] + f * (anchors[k + 1][0] - anchors[k][0]));
        int gr = (int) Math.round(anchors[k][1] + f * (anchors[k + 1][1] - anchors[k][1]));
        int b = (int) Math.round(anchors[k][2] + f * (anchors[k + 1][2] - anchors[k][2]));
        return (r << 16) | (gr << 8) | b;
    }

    private static Graphics2D canvas(BufferedImage img) {
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        g.setStroke(new BasicStroke(1));
        return g;
    }

    private static void checkSize(int width, int height) {
        if (width < 1 || height < 1 || (long) width * height > 100_000_000L) {
            throw new IllegalArgumentException("image size " + width + " x " + height
                    + " is not allowed: both at least 1 and at most 100 million pixels");
        }
    }
}
