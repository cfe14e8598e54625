/* The heat equation's 5-point update in C, called from Java through FFM (optpar.heat.NativeHeat).
 * Same arithmetic, in the same order, as optpar.heat.HeatProblem.update:
 *     c + f * ((south - 2c + north) + (east - 2c + west))
 * build.sh uses -ffp-contract=off (no FMA), so the result is bit-identical to the Java reference;
 * gcc -O3 -march=native vectorizes the inner loop by itself, for the SIMD width of the CPU it builds on. */
#include <stdint.h>

/* One step for the interior rows [row_from, row_to) of an n x n row-major grid: src -> dst.
 * Boundary rows and columns are not written. */
void optpar_heat_rows(int32_t n, double f, const double *restrict src, double *restrict dst,
                      int32_t row_from, int32_t row_to) {
    for (int32_t i = row_from; i < row_to; i++) {
        const double *up = src + (int64_t) (i - 1) * n;
        const double *mid = src + (int64_t) i * n;
        const double *down = src + (int64_t) (i + 1) * n;
        double *out = dst + (int64_t) i * n;
        for (int32_t j = 1; j < n - 1; j++) {
            double c = mid[j];
            out[j] = c + f * ((down[j] - 2 * c + up[j]) + (mid[j + 1] - 2 * c + mid[j - 1]));
        }
    }
}

/* All steps on one thread, without returning to Java between steps. The two buffers must both
 * hold the initial grid (so both have the boundary). Returns 0 when the result is in a, 1 when in b. */
int32_t optpar_heat_solve(int32_t n, int32_t steps, double f, double *a, double *b) {
    for (int32_t s = 0; s < steps; s++) {
        const double *src = (s % 2 == 0) ? a : b;
        double *dst = (s % 2 == 0) ? b : a;
        optpar_heat_rows(n, f, src, dst, 1, n - 1);
    }
    return steps % 2;
}

/* ---- The C twins of the parallel and blocked Java variants -------------------------------------- */
#include <omp.h>

/* OpenMP: all steps inside one parallel region; `omp for` hands each thread a band of rows
 * (static schedule: the same rows every step, so they stay in that core's cache) and its implicit
 * barrier ends the step. The twin of `bands`/`vector` on threads. Returns 0 (result in a) or 1 (in b). */
int32_t optpar_heat_omp(int32_t n, int32_t steps, double f, double *a, double *b, int32_t threads) {
    #pragma omp parallel num_threads(threads)
    for (int32_t s = 0; s < steps; s++) {
        const double *src = (s % 2 == 0) ? a : b;
        double *dst = (s % 2 == 0) ? b : a;
        #pragma omp for schedule(static)
        for (int32_t i = 1; i < n - 1; i++) optpar_heat_rows(n, f, src, dst, i, i + 1);
    }
    return steps % 2;
}

/* Temporal blocking, the twin of optpar.heat.BlockedHeat with the same tiles: bands of rows (one per
 * thread, StepTeam.bandStart), each swept as a trapezoid of d steps, then the triangles around the
 * edges between bands filled in; a barrier after each. grid[s & 1] holds step s. */
static void row_step(double *const grid[2], int32_t n, double f, int32_t s, int32_t i) {
    optpar_heat_rows(n, f, grid[s & 1], grid[(s + 1) & 1], i, i + 1);
}

static int32_t band_start(int32_t n, int32_t bands, int32_t w) {
    return 1 + (int32_t) ((int64_t) (n - 2) * w / bands);
}

int32_t optpar_heat_blocked(int32_t n, int32_t steps, double f, double *a, double *b, int32_t depth, int32_t threads) {
    double *const grid[2] = {a, b};
    int32_t bands = threads < n - 2 ? threads : n - 2;
    int32_t min_band = (n - 2) / bands;
    int32_t d = depth;
    if (bands > 1) {                           /* neighbouring triangles must not overlap */
        d = depth < min_band / 2 ? depth : min_band / 2;
        if (d < 1) d = 1;
    }
    #pragma omp parallel num_threads(bands)
    {
        /* OpenMP may give fewer threads than asked: then a thread sweeps several bands in turn */
        int32_t me = omp_get_thread_num(), team = omp_get_num_threads();
        for (int32_t s0 = 0; s0 < steps; s0 += d) {
            int32_t dd = steps - s0 < d ? steps - s0 : d;
            for (int32_t w = me; w < bands; w += team) {
                int32_t r0 = band_start(n, bands, w), r1 = band_start(n, bands, w + 1);
                /* the trapezoid: at wavefront position p, step s0+t+1 of row p-t */
                for (int32_t p = r0; p < r1 + dd - 1; p++) {
                    for (int32_t t = 0; t < dd; t++) {
                        int32_t i = p - t;
                        int32_t lo = r0 == 1 ? r0 : r0 + t;
                        int32_t hi = r1 == n - 1 ? r1 : r1 - t;
                        if (i >= lo && i < hi) row_step(grid, n, f, s0 + t, i);
                    }
                }
            }
            #pragma omp barrier
            for (int32_t w = me; w < bands; w += team) {
                if (w == 0) continue;              /* the triangle around band w's upper edge */
                int32_t x = band_start(n, bands, w);
                for (int32_t t = 1; t < dd; t++)
                    for (int32_t i = x - t; i < x + t; i++) row_step(grid, n, f, s0 + t, i);
            }
            #pragma omp barrier
        }
    }
    return steps % 2;
}
