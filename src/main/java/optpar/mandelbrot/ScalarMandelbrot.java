package optpar.mandelbrot;

/**
 * The reference: one thread, plain loops, the lecture's {@code mandel} and {@code create_fractal}
 * written in Java. Every other variant is tested against this one.
 */
public final class ScalarMandelbrot implements MandelbrotKernel {

    @Override public String name() { return "scalar"; }

    @Override public String description() { return "the reference: one thread, plain loops"; }

    @Override public boolean parallel() { return false; }

    @Override
    public int[] compute(MandelbrotProblem p, int threads) {
        if (threads < 1) throw new IllegalArgumentException("threads " + threads + " is not allowed: it must be at least 1");
        int[] counts = new int[p.pixels()];
        for (int r = 0; r < p.height(); r++) {
            double cy = p.y(r);
            for (int c = 0; c < p.width(); c++) {
                counts[r * p.width() + c] = mandel(p.x(c), cy, p.maxIter());
            }
        }
        return counts;
    }

    /**
     * The count of one point: the first i at which |z|^2 >= 4 after the update, or maxIter.
     * The arithmetic order here is the one every variant must keep to give the same bits.
     */
    public static int mandel(double cx, double cy, int maxIter) {
        double zr = 0, zi = 0;
        for (int i = 0; i < maxIter; i++) {
            double nr = zr * zr - zi * zi + cx;
            double ni = 2 * zr * zi + cy;
            zr = nr;
            zi = ni;
            if (zr * zr + zi * zi >= 4) return i;
        }
        return maxIter;
    }
}
