#!/usr/bin/env python3
"""Starts the kernel N times in a row and counts the starts that never answer.

A start is dead when the kernel does not answer kernel_info within --bound seconds (the reply must
come on the very client that asked: no retry). Prints the count and the start-to-ready times; exits 1
when a start was dead.

    JUPYTER_DATA_DIR=... /usr/bin/python3 kernels/optpar-java/test/count_starts.py 200
"""
import argparse
import statistics
import sys
import time

from jupyter_client.manager import KernelManager


def one_start(kernel, bound):
    """Seconds from launch to the kernel_info reply, or None when none came within `bound`."""
    km = KernelManager(kernel_name=kernel)
    km.start_kernel()
    kc = km.client()
    kc.start_channels()
    t0 = time.monotonic()
    try:
        kc.wait_for_ready(timeout=bound)
        return time.monotonic() - t0
    except RuntimeError:
        return None
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("starts", type=int, nargs="?", default=20)
    ap.add_argument("--kernel", default="optpar-java")
    ap.add_argument("--bound", type=float, default=30.0, help="seconds a start may take to answer")
    args = ap.parse_args()
    if args.starts < 1:
        sys.exit("count_starts: give 1 or more starts")
    ready, dead = [], 0
    for i in range(1, args.starts + 1):
        took = one_start(args.kernel, args.bound)
        if took is None:
            dead += 1
            print(f"start {i}: no answer within {args.bound:.0f} s", flush=True)
        else:
            ready.append(took)
        if i % 20 == 0:
            print(f"{i} starts, {dead} dead", flush=True)
    if ready:
        ready.sort()
        print(f"start to ready: median {statistics.median(ready):.2f} s, best {ready[0]:.2f} s, "
              f"worst {ready[-1]:.2f} s")
    print(f"starts: {args.starts}, dead: {dead}")
    return 1 if dead else 0


if __name__ == "__main__":
    sys.exit(main())
