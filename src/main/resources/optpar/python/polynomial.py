"""Notebook 03: the lecture's `result = A * x**2 + B * x + C` in NumPy (each operation makes a
temporary array), and the "one loop, no extra memory" version the slide writes in C, here with
Numba's @njit. Times are the best of the runs after a warm-up (Numba's compile excluded).

    python3 polynomial.py --n 2000000
"""
import argparse

import numpy as np

from timing import measure, report

a = argparse.ArgumentParser()
a.add_argument("--n", type=int, required=True)
o = a.parse_args()
A, B, C = 2.0, 3.0, 4.0
x = np.random.default_rng(1).random(o.n)
_, numpy_runs, r1 = measure(lambda: A * x**2 + B * x + C, 2, 5)
fields = dict(n=o.n, numpy_seconds=min(numpy_runs))
try:
    from numba import njit

    @njit(cache=True)
    def fused(A, B, C, x, out):
        for i in range(x.size):
            out[i] = A * x[i] * x[i] + B * x[i] + C
        return out

    out = np.empty_like(x)
    _, numba_runs, r2 = measure(lambda: fused(A, B, C, x, out), 2, 5)
    fields.update(numba_seconds=min(numba_runs), max_difference=float(np.max(np.abs(r1 - r2))))
except ImportError:
    fields.update(numba_seconds=-1.0)
report(**fields)
