/* The course's Mandelbrot loop in C, called from Java through FFM (optpar.mandelbrot.NativeMandelbrot).
 * Same arithmetic, in the same order, as optpar.mandelbrot.ScalarMandelbrot.mandel; build.sh uses
 * -ffp-contract=off so gcc does not fuse a*b+c into an FMA and the counts stay identical. */
#include <stdint.h>

static int32_t mandel(double cx, double cy, int32_t max_iter) {
    double zr = 0, zi = 0;
    for (int32_t i = 0; i < max_iter; i++) {
        double nr = zr * zr - zi * zi + cx;
        double ni = 2 * zr * zi + cy;
        zr = nr;
        zi = ni;
        if (zr * zr + zi * zi >= 4) return i;
    }
    return max_iter;
}

/* Fills rows [row_from, row_to) of the row-major image counts[height * width]. */
void optpar_mandelbrot_rows(int32_t width, int32_t height, int32_t max_iter,
                            int32_t row_from, int32_t row_to, int32_t *counts) {
    double sx = 3.0 / width, sy = 2.0 / height;
    for (int32_t r = row_from; r < row_to; r++) {
        double cy = -1.0 + r * sy;
        int32_t *out = counts + (int64_t) r * width;
        for (int32_t c = 0; c < width; c++) {
            out[c] = mandel(-2.0 + c * sx, cy, max_iter);
        }
    }
}
