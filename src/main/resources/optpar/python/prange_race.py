"""Notebook 10: the lecture's prange_wrong_result, run in Numba itself. Every iteration adds x[i]
to all of y: from several threads at once, the read-modify-write of y races and updates are lost.
The right way, a reduction variable, beside it.

    python3 prange_race.py --n 1000000 --threads 2 --runs 5
"""
import argparse

import numba
import numpy as np
from numba import njit, prange

from timing import report


@njit(parallel=True)
def prange_wrong_result(x):
    n = x.shape[0]
    y = np.zeros(4)
    for i in prange(n):
        # accumulating into the same element of `y` from different
        # parallel iterations of the loop results in a race condition
        y[:] += x[i]
    return y


@njit(parallel=True)
def prange_ok_result(x):
    n = x.shape[0]
    s = 0.0
    for i in prange(n):
        s += x[i]                                 # a scalar reduction: Numba gives each thread its own
    return s


a = argparse.ArgumentParser()
a.add_argument("--n", type=int, required=True)
a.add_argument("--threads", type=int, required=True)
a.add_argument("--runs", type=int, default=5)
o = a.parse_args()
numba.set_num_threads(o.threads)
x = np.arange(o.n, dtype=np.float64) % 7          # whole numbers: every order of adding gives the same sum
truth = float(np.cumsum(x)[-1])
lost = []
for _ in range(o.runs):
    y = prange_wrong_result(x)
    lost.append(float(1 - y.min() / truth))
right = prange_ok_result(x)
report(threads=o.threads, truth=truth, lost=lost, reduction=right, reduction_correct=int(right == truth))
