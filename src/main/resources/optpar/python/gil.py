"""Notebook 07: the lecture's "prefer processes to threads in Python", measured. The same
CPU-bound work (the pure Python Mandelbrot rows of mandelbrot.py, in chunks of rows) on one
thread, on a ThreadPoolExecutor (the GIL lets one thread run Python at a time) and on a
ProcessPoolExecutor (one interpreter, and one GIL, per process).

    python3 gil.py --width 200 --height 120 --iters 100 --workers 2
"""
import argparse
import time
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor

from mandelbrot import mandel_py
from timing import report


def rows(args):
    """Counts of rows [r0, r1) of the image; returns their sum (all the caller needs)."""
    width, height, iters, r0, r1 = args
    s = 0
    for r in range(r0, r1):
        cy = -1.0 + r * (2.0 / height)
        for c in range(width):
            s += mandel_py(-2.0 + c * (3.0 / width), cy, iters)
    return s


def chunks(o, k):
    step = max(1, o.height // (4 * k))            # a few chunks per worker, for balance
    return [(o.width, o.height, o.iters, r, min(o.height, r + step)) for r in range(0, o.height, step)]


def best(f, runs=3):
    times, value = [], None
    for _ in range(runs):
        t0 = time.perf_counter()
        value = f()
        times.append(time.perf_counter() - t0)
    return min(times), value


if __name__ == "__main__":                        # the guard the slide insists on
    a = argparse.ArgumentParser()
    a.add_argument("--width", type=int, required=True)
    a.add_argument("--height", type=int, required=True)
    a.add_argument("--iters", type=int, required=True)
    a.add_argument("--workers", type=int, required=True)
    o = a.parse_args()
    k = o.workers
    serial, s0 = best(lambda: sum(map(rows, chunks(o, 1))))
    with ThreadPoolExecutor(k) as pool:
        threads, s1 = best(lambda: sum(pool.map(rows, chunks(o, k))))
    with ProcessPoolExecutor(k) as pool:
        list(pool.map(rows, chunks(o, k)))        # start the workers before timing
        processes, s2 = best(lambda: sum(pool.map(rows, chunks(o, k))))
    assert s0 == s1 == s2
    report(workers=k, checksum=s0, serial_seconds=serial, threads_seconds=threads, processes_seconds=processes)
