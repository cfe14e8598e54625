/*
 * The smallest C functions of the course, for measuring what a call from Java into C costs
 * (optpar.nativecode.CallCost and CrossingCost). They do almost nothing on purpose: what is left
 * to time is the crossing itself.
 */
#include <stdint.h>

/* One addition: the whole cost of calling this is the call. */
int64_t optpar_ffi_increment(int64_t x) {
    return x + 1;
}

/* The sum of n doubles, left to right (the same order as the Java loop, so the same bits:
 * without -ffast-math gcc may not reorder the additions). */
double optpar_ffi_sum(const double *a, int64_t n) {
    double s = 0.0;
    for (int64_t i = 0; i < n; i++) {
        s += a[i];
    }
    return s;
}
