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
        MandelbrotKernel.requireThreads(threads);
        int[] counts = new int[p.pixels()];
        for (int r = 0; r < p.height(); r++) {
            row(p, r, counts);
        }
        return counts;
    }

    /**
     * Fills row {@code r} of {@code counts} with the scalar loop. The parallel variants hand out
     * rows to threads and call this: the rows are independent, so any split gives the same counts.
     */
    public static void row(MandelbrotProblem p, int r, int[] counts) {
        double cy = p.y(r);
        int w = p.width();
        int base = r * w;
        for (int c = 0; c < w; c++) {
            counts[base + c] = mandel(p.x(c), cy, p.maxIter());
        }
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
