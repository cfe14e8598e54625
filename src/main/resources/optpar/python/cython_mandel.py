"""Notebook 05: the lecture's Cython. The Mandelbrot loop with C types (cdef), compiled at run
time by cython3 and gcc into a build folder (reused while the source is unchanged), then timed.

    python3 cython_mandel.py --width 300 --height 200 --iters 100 --build-dir /tmp/x
"""
import argparse
import os
import sys

from timing import fail, measure, report

PYX = r'''
# cython: boundscheck=False, wraparound=False, cdivision=True
def create_fractal(int width, int height, int max_iter, int[:, :] image):
    cdef double sx = 3.0 / width, sy = 2.0 / height
    cdef double cx, cy, zr, zi, nr, ni
    cdef int r, c, i, count
    for r in range(height):
        cy = -1.0 + r * sy
        for c in range(width):
            cx = -2.0 + c * sx
            zr = 0.0
            zi = 0.0
            count = max_iter
            for i in range(max_iter):
                nr = zr * zr - zi * zi + cx
                ni = 2 * zr * zi + cy
                zr = nr
                zi = ni
                if zr * zr + zi * zi >= 4:
                    count = i
                    break
            image[r, c] = count
'''

a = argparse.ArgumentParser()
a.add_argument("--width", type=int, required=True)
a.add_argument("--height", type=int, required=True)
a.add_argument("--iters", type=int, required=True)
a.add_argument("--build-dir", required=True)
o = a.parse_args()
import importlib.util
import shutil
import subprocess
import sysconfig
import time

import numpy as np

if shutil.which("cython3") is None:
    fail("unavailable here (install cython3)")
os.makedirs(o.build_dir, exist_ok=True)
pyx = os.path.join(o.build_dir, "mandel_cy.pyx")
so = os.path.join(o.build_dir, "mandel_cy" + sysconfig.get_config_var("EXT_SUFFIX"))
t0 = time.perf_counter()
if not (os.path.exists(so) and open(pyx).read() == PYX if os.path.exists(pyx) else False):
    with open(pyx, "w") as f:
        f.write(PYX)
    # Cython translates the typed Python into C; gcc compiles it like the course's C (no FMA contraction)
    subprocess.run(["cython3", "-3", pyx, "-o", pyx[:-4] + ".c"], check=True, timeout=300)
    subprocess.run(["gcc", "-O3", "-march=native", "-ffp-contract=off", "-shared", "-fPIC",
                    "-I" + sysconfig.get_paths()["include"], pyx[:-4] + ".c", "-o", so], check=True, timeout=300)
spec = importlib.util.spec_from_file_location("mandel_cy", so)
mandel_cy = importlib.util.module_from_spec(spec)
spec.loader.exec_module(mandel_cy)
build = time.perf_counter() - t0


def body():
    image = np.zeros((o.height, o.width), dtype=np.int32)
    mandel_cy.create_fractal(o.width, o.height, o.iters, image)
    return image


warm, runs, image = measure(body, 1, 3)
report(seconds=runs, checksum=int(image.sum(dtype=np.int64)), build_seconds=build)
