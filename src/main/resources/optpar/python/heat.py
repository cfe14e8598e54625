"""The heat equation of the lecture's demo in Python: NumPy slices, Numba loops (@njit), Numba
parallel rows (@njit(parallel=True) with prange), and pure Python loops.

Same problem as optpar.heat.HeatProblem: an n x n grid, u0 = 16 x(1-x) y(1-y) with x = i/(n-1),
y = j/(n-1), the boundary held at 0, and the update  c + f*((south - 2c + north) + (east - 2c + west))
with f = alpha dt/dx^2 = 0.2, in that order, so every variant gives the Java reference's bits. The
checksum is the sequential row-major sum (np.cumsum adds in order; np.sum would add pairwise).

    python3 heat.py --impl numpy --n 1024 --steps 200 --warmup 1 --repeat 3
"""
import argparse

import numpy as np

from timing import fail, measure, numba_variant, report

IMPLS = ("python", "numpy", "numba", "numba-parallel")


def initial(n):
    h = 1.0 / (n - 1)
    u = np.empty((n, n))
    for i in range(n):                            # the same expression, in the same order, as Java
        x = i * h
        y = np.arange(n, dtype=np.float64) * h
        u[i, :] = 16 * x * (1 - x) * y * (1 - y)
    u[0, :] = 0
    u[-1, :] = 0
    u[:, 0] = 0
    u[:, -1] = 0
    return u


def factor(n):
    dx = 1.0 / (n - 1)
    dt = 0.2 * dx * dx
    return 1.0 * dt / (dx * dx)


def solve_numpy(u, steps, f):
    """The lecture's NumPy step: whole slices, one temporary array per operation."""
    v = u.copy()
    for _ in range(steps):
        c = u[1:-1, 1:-1]
        v[1:-1, 1:-1] = c + f * ((u[2:, 1:-1] - 2 * c + u[:-2, 1:-1]) + (u[1:-1, 2:] - 2 * c + u[1:-1, :-2]))
        u, v = v, u
    return u


def solve_python(u, steps, f):
    """Plain Python lists and loops."""
    n = len(u)
    a = u.tolist()
    b = [row[:] for row in a]
    for _ in range(steps):
        for i in range(1, n - 1):
            up, mid, down, out = a[i - 1], a[i], a[i + 1], b[i]
            for j in range(1, n - 1):
                c = mid[j]
                out[j] = c + f * ((down[j] - 2 * c + up[j]) + (mid[j + 1] - 2 * c + mid[j - 1]))
        a, b = b, a
    return np.array(a)


def numba_versions():
    from numba import njit, prange

    @njit(cache=True)
    def solve_numba(u, steps, f):
        n = u.shape[0]
        v = u.copy()
        for _ in range(steps):
            for i in range(1, n - 1):
                for j in range(1, n - 1):
                    c = u[i, j]
                    v[i, j] = c + f * ((u[i + 1, j] - 2 * c + u[i - 1, j]) + (u[i, j + 1] - 2 * c + u[i, j - 1]))
            u, v = v, u
        return u

    @njit(parallel=True, cache=True)
    def solve_numba_parallel(u, steps, f):
        n = u.shape[0]
        v = u.copy()
        for _ in range(steps):
            for i in prange(1, n - 1):           # rows in parallel; the loop's end is the barrier
                for j in range(1, n - 1):
                    c = u[i, j]
                    v[i, j] = c + f * ((u[i + 1, j] - 2 * c + u[i - 1, j]) + (u[i, j + 1] - 2 * c + u[i, j - 1]))
            u, v = v, u
        return u

    return solve_numba, solve_numba_parallel


def main():
    a = argparse.ArgumentParser()
    a.add_argument("--impl", required=True, choices=IMPLS)
    a.add_argument("--n", type=int, required=True)
    a.add_argument("--steps", type=int, required=True)
    a.add_argument("--threads", type=int, default=1)
    a.add_argument("--warmup", type=int, default=1)
    a.add_argument("--repeat", type=int, default=3)
    a.add_argument("--out", help="write the final grid here, float64 little-endian, row-major")
    o = a.parse_args()
    if o.n < 3 or o.steps < 0 or o.threads < 1 or o.warmup < 0 or o.repeat < 1:
        fail("heat.py: n must be at least 3, steps at least 0, threads and repeat at least 1, warmup at least 0")
    f = factor(o.n)
    u0 = initial(o.n)
    compile_seconds = 0.0
    if o.impl == "numpy":
        solve = solve_numpy
    elif o.impl == "python":
        solve = solve_python
    else:
        solve, compile_seconds = numba_variant(o.impl, numba_versions, o.threads, lambda g: g(initial(4), 1, f))
    warm, runs, u = measure(lambda: solve(u0.copy(), o.steps, f), o.warmup, o.repeat)
    if o.out:
        np.ascontiguousarray(u, dtype="<f8").tofile(o.out)
    checksum = float(np.cumsum(u.ravel())[-1])
    report(warmup=warm, seconds=runs, checksum=checksum, steps=o.steps,
           compile_seconds=compile_seconds, threads=(o.threads if o.impl == "numba-parallel" else 1))


if __name__ == "__main__":
    main()
