"""Notebook 02: the lecture's memoization in Python. fib(n) by plain recursion, then with
functools.lru_cache(maxsize=1000) (cleared before each run, so every run fills it again).

    python3 memo.py --n 26
"""
import argparse
from functools import lru_cache

from timing import measure, report


def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


@lru_cache(maxsize=1000)
def fib_cached(n):
    return n if n < 2 else fib_cached(n - 1) + fib_cached(n - 2)


def cached_run(n):
    fib_cached.cache_clear()
    return fib_cached(n)


a = argparse.ArgumentParser()
a.add_argument("--n", type=int, required=True)
o = a.parse_args()
_, plain, value = measure(lambda: fib(o.n), 1, 3)
_, cached, value2 = measure(lambda: cached_run(o.n), 1, 5)
assert value == value2
report(n=o.n, value=value, plain_seconds=min(plain), cached_seconds=min(cached),
       misses=fib_cached.cache_info().misses)
