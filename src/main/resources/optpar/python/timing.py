"""The course's timing, in Python: warm-up runs first (Numba compiles on the first call), then
measured runs; the Java side reads one JSON line and takes the best and the median, exactly as
optpar.measure.Timing does for Java code."""
import sys
import time


def measure(body, warmups, repeats):
    """Runs body() warmups times untimed-for-the-result, then repeats times; returns
    (warm-up seconds, measured seconds, the last result)."""
    warm, runs, result = [], [], None
    for _ in range(warmups):
        t0 = time.perf_counter()
        result = body()
        warm.append(time.perf_counter() - t0)
    for _ in range(repeats):
        t0 = time.perf_counter()
        result = body()
        runs.append(time.perf_counter() - t0)
    return warm, runs, result


def numba_variant(impl, versions, threads, compile_on):
    """The Numba function for impl ("numba" or "numba-parallel") from versions() = (serial,
    parallel), with its thread count set, compiled (or loaded from the cache) by one call
    compile_on(fn) on a tiny input first: never part of any timing. Returns (fn, compile seconds)."""
    import numba
    serial, parallel = versions()
    fn = parallel if impl == "numba-parallel" else serial
    if impl == "numba-parallel":
        numba.set_num_threads(threads)
    t0 = time.perf_counter()
    compile_on(fn)
    return fn, time.perf_counter() - t0


def report(**fields):
    """The one line the Java side parses (optpar.python.PythonRun): key=value pairs, lists joined
    by commas, floats in repr (the shortest text that reads back as the same double)."""
    def text(v):
        return ",".join(repr(float(x)) for x in v) if isinstance(v, (list, tuple)) else repr(v)
    print("OPTPAR-RESULT " + " ".join(k + "=" + text(v) for k, v in fields.items()), flush=True)


def fail(message):
    print(message, file=sys.stderr, flush=True)
    sys.exit(2)
