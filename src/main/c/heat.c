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
