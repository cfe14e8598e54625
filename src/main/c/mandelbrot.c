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

/* ---- The C twins of the parallel and SIMD Java variants ---------------------------------------- */
#include <omp.h>

/* OpenMP: the lecture's `#pragma omp parallel for` over rows, on `threads` threads (dynamic
 * schedule in chunks of 4 rows: rows near the set cost far more than rows outside it). */
void optpar_mandelbrot_omp(int32_t width, int32_t height, int32_t max_iter, int32_t threads, int32_t *counts) {
    #pragma omp parallel for schedule(dynamic, 4) num_threads(threads)
    for (int32_t r = 0; r < height; r++) {
        optpar_mandelbrot_rows(width, height, max_iter, r, r + 1, counts);
    }
}

/* SIMD with GCC's vector extensions, the twin of optpar.mandelbrot.VectorMandelbrot: L doubles per
 * vector (as wide as the widest registers -march=native gives, like Java's SPECIES_PREFERRED), two
 * vectors iterated together, a mask of the lanes still running, counts recorded when a lane escapes.
 * Same operations in the same order as the scalar loop, so the counts are identical. */
#if defined(__AVX512F__)
#define OPTPAR_VBYTES 64
#elif defined(__AVX__)
#define OPTPAR_VBYTES 32
#else
#define OPTPAR_VBYTES 16
#endif
typedef double vd __attribute__((vector_size(OPTPAR_VBYTES)));
typedef int64_t vl __attribute__((vector_size(OPTPAR_VBYTES)));
#define L ((int32_t) (OPTPAR_VBYTES / sizeof(double)))

/* The lanes a vector holds: the Java side checks it equals its own lane count. */
int32_t optpar_simd_lanes(void) { return L; }

static int any(vl m) {
    int64_t x = 0;
    for (int k = 0; k < L; k++) x |= m[k];
    return x != 0;
}

static void simd_row(int32_t width, int32_t height, int32_t max_iter, int32_t r, int32_t *counts) {
    double sx = 3.0 / width;
    double cyv = -1.0 + r * (2.0 / height);
    vd cy = cyv - (vd){0};                         /* broadcast */
    for (int32_t c = 0; c < width; c += 2 * L) {
        vd cx0, cx1;
        vl active0, active1;
        for (int k = 0; k < L; k++) {
            cx0[k] = -2.0 + (c + k) * sx;          /* = MandelbrotProblem.x(c + k), also past the row's end */
            cx1[k] = -2.0 + (c + L + k) * sx;
            active0[k] = c + k < width ? -1 : 0;   /* lanes past the end start inactive */
            active1[k] = c + L + k < width ? -1 : 0;
        }
        vd zr0 = {0}, zi0 = {0}, zr1 = {0}, zi1 = {0};
        vl count0 = (vl){0} + max_iter, count1 = count0;
        for (int32_t i = 0; i < max_iter; i++) {
            vd nr0 = zr0 * zr0 - zi0 * zi0 + cx0;
            vd nr1 = zr1 * zr1 - zi1 * zi1 + cx1;
            vd ni0 = zr0 * 2.0 * zi0 + cy;         /* (2*zr)*zi, as in the scalar code */
            vd ni1 = zr1 * 2.0 * zi1 + cy;
            zr0 = nr0; zi0 = ni0; zr1 = nr1; zi1 = ni1;
            vl out0 = (zr0 * zr0 + zi0 * zi0 >= 4.0) & active0;
            vl out1 = (zr1 * zr1 + zi1 * zi1 >= 4.0) & active1;
            if (any(out0 | out1)) {                /* rare: only when some lane escapes now */
                count0 = (count0 & ~out0) | (((vl){0} + i) & out0);
                count1 = (count1 & ~out1) | (((vl){0} + i) & out1);
                active0 &= ~out0;
                active1 &= ~out1;
                if (!any(active0 | active1)) break;
            }
        }
        int32_t *out = counts + (int64_t) r * width + c;
        for (int k = 0; k < L && c + k < width; k++) out[k] = (int32_t) count0[k];
        for (int k = 0; k < L && c + L + k < width; k++) out[L + k] = (int32_t) count1[k];
    }
}

/* The SIMD rows on `threads` OpenMP threads (1: the twin of `vector`; more: of `vector-threads`). */
void optpar_mandelbrot_simd(int32_t width, int32_t height, int32_t max_iter, int32_t threads, int32_t *counts) {
    #pragma omp parallel for schedule(dynamic, 4) num_threads(threads)
    for (int32_t r = 0; r < height; r++) simd_row(width, height, max_iter, r, counts);
}
#undef L
