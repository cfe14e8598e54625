"""The lecture's Mandelbrot (the example of the Numba documentation) in the lecture's four ways:
pure Python loops, Numba's @jit, @njit(parallel=True) with prange, and NumPy array code.

Same image as optpar.mandelbrot.MandelbrotProblem: x in [-2, 1], y in [-1, 1], pixel (row r, column c)
at (-2 + c*3/width, -1 + r*2/height). Two changes from the slide, both so the counts can be compared
with the Java reference: a point that never escapes counts max_iters (the slide returns 255, for a
uint8 image), and the image holds int32 (counts go above 255).

    python3 mandelbrot.py --impl numba --width 1500 --height 1000 --iters 20 --warmup 1 --repeat 3
    pypy3 mandelbrot.py --impl python ...     (the pure Python version needs no NumPy: PyPy runs it)
"""
import argparse
from array import array

from timing import fail, measure, numba_variant, report

IMPLS = ("python", "numba", "numba-parallel", "numpy")


# ---- pure Python: the slide's code without the decorator -------------------------------------
def mandel_py(x, y, max_iters):
    c = complex(x, y)
    z = 0.0j
    for i in range(max_iters):
        z = z * z + c
        if (z.real * z.real + z.imag * z.imag) >= 4:
            return i
    return max_iters


def create_fractal_py(min_x, max_x, min_y, max_y, image, iters, row_step=1):
    height = len(image)                          # a list of rows: no NumPy, so PyPy runs it too
    width = len(image[0])
    pixel_size_x = (max_x - min_x) / width
    pixel_size_y = (max_y - min_y) / height
    for x in range(width):
        real = min_x + x * pixel_size_x
        for y in range(0, height, row_step):     # row_step > 1: a slice of the rows (said so)
            imag = min_y + y * pixel_size_y
            image[y][x] = mandel_py(real, imag, iters)
    return image


def numba_versions():
    """The slide's code with @jit, and the parallel one with prange: defined only when asked for,
    so that the other variants run where Numba is not installed."""
    from numba import jit, njit, prange

    @jit(nopython=True, cache=True)
    def mandel(x, y, max_iters):
        i = 0
        c = complex(x, y)
        z = 0.0j
        for i in range(max_iters):
            z = z * z + c
            if (z.real * z.real + z.imag * z.imag) >= 4:
                return i
        return max_iters

    @jit(nopython=True, cache=True)
    def create_fractal(min_x, max_x, min_y, max_y, image, iters):
        height = image.shape[0]
        width = image.shape[1]
        pixel_size_x = (max_x - min_x) / width
        pixel_size_y = (max_y - min_y) / height
        for x in range(width):
            real = min_x + x * pixel_size_x
            for y in range(height):
                imag = min_y + y * pixel_size_y
                color = mandel(real, imag, iters)
                image[y, x] = color
        return image

    @njit(parallel=True, cache=True)
    def create_fractal_parallel(min_x, max_x, min_y, max_y, image, iters):
        height = image.shape[0]
        width = image.shape[1]
        pixel_size_x = (max_x - min_x) / width
        pixel_size_y = (max_y - min_y) / height
        for y in prange(height):                 # rows in parallel: each row is written by one thread
            imag = min_y + y * pixel_size_y
            for x in range(width):
                real = min_x + x * pixel_size_x
                image[y, x] = mandel(real, imag, iters)
        return image

    return create_fractal, create_fractal_parallel


def flat(image):
    """The image as a flat array('i') of int32, row-major, whatever it was computed in."""
    if isinstance(image, list):
        return array("i", (c for row in image for c in row))
    return array("i", image.astype("int32").ravel().tobytes())


# ---- NumPy: whole-array operations, the escaped pixels dropped as they go ---------------------
def create_fractal_numpy(width, height, iters):
    import numpy as np
    cx = -2.0 + np.arange(width, dtype=np.float64) * (3.0 / width)
    cy = -1.0 + np.arange(height, dtype=np.float64) * (2.0 / height)
    cr = np.tile(cx, height)                     # row-major: pixel k = r*width + c
    ci = np.repeat(cy, width)
    counts = np.full(width * height, iters, dtype=np.int32)
    alive = np.arange(width * height)            # indices of the pixels still iterating
    zr = np.zeros_like(cr)
    zi = np.zeros_like(ci)
    for i in range(iters):
        # real arithmetic in the reference's order (Java's ScalarMandelbrot): z*z + c
        zr, zi = zr * zr - zi * zi + cr, 2 * zr * zi + ci
        out = zr * zr + zi * zi >= 4
        if out.any():
            counts[alive[out]] = i
            keep = ~out
            alive, cr, ci, zr, zi = alive[keep], cr[keep], ci[keep], zr[keep], zi[keep]
            if alive.size == 0:
                break
    return counts.reshape(height, width)


def main():
    a = argparse.ArgumentParser()
    a.add_argument("--impl", required=True, choices=IMPLS)
    a.add_argument("--width", type=int, required=True)
    a.add_argument("--height", type=int, required=True)
    a.add_argument("--iters", type=int, required=True)
    a.add_argument("--threads", type=int, default=1)
    a.add_argument("--warmup", type=int, default=1)
    a.add_argument("--repeat", type=int, default=3)
    a.add_argument("--row-step", type=int, default=1, help="pure Python only: every k-th row")
    a.add_argument("--out", help="write the counts here, int32 little-endian, row-major")
    o = a.parse_args()
    if min(o.width, o.height, o.iters, o.threads, o.row_step) < 1 or o.warmup < 0 or o.repeat < 1:
        fail("mandelbrot.py: sizes, iters, threads, row-step and repeat must be at least 1, warmup at least 0")

    compile_seconds = 0.0
    if o.impl == "python":
        def body():
            image = [[0] * o.width for _ in range(o.height)]
            return create_fractal_py(-2.0, 1.0, -1.0, 1.0, image, o.iters, o.row_step)
    elif o.impl == "numpy":
        def body():
            return create_fractal_numpy(o.width, o.height, o.iters)
    else:
        import numpy as np
        fn, compile_seconds = numba_variant(o.impl, numba_versions, o.threads,
                                            lambda g: g(-2.0, 1.0, -1.0, 1.0, np.zeros((2, 2), dtype=np.int32), 2))

        def body():
            image = np.zeros((o.height, o.width), dtype=np.int32)
            return fn(-2.0, 1.0, -1.0, 1.0, image, o.iters)

    warm, runs, image = measure(body, o.warmup, o.repeat)
    counts = flat(image)
    checksum = sum(sum(counts[r * o.width:(r + 1) * o.width]) for r in range(0, o.height, o.row_step))
    if o.out:
        with open(o.out, "wb") as f:
            counts.tofile(f)                     # int32 in the machine's order (little-endian on x86)
    report(warmup=warm, seconds=runs, checksum=checksum,
           rows=len(range(0, o.height, o.row_step)), row_step=o.row_step, compile_seconds=compile_seconds,
           threads=(o.threads if o.impl == "numba-parallel" else 1))


if __name__ == "__main__":
    main()
