#!/usr/bin/env bash
# Reproduces the README's performance section: every variant side by side in one run per problem,
# on this machine, written as CSV (and a chart) into benchmarks/results-<date>-<host>/.
# Takes about 20 minutes on a laptop-sized machine, less with more cores. Close other work first:
# parallel timings are noisy. The Python rows need Debian's python3-numpy, python3-numba and pypy3
# (./course installs them); without them those rows say "unavailable here (install ...)".
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
out=${1:-$here/results-$(date +%Y-%m-%d)-$(hostname)}
mkdir -p "$out"
course="$here/../course"

# The machine, as the JVM sees it (the bench CLI prints it too, on stderr).
"$course" bench mandelbrot --impl list > /dev/null
grep -m1 "model name" /proc/cpuinfo > "$out/machine.txt" 2>/dev/null || true
nproc >> "$out/machine.txt"

# Memory bandwidth: the roof under the heat equation.
"$course" bench stream --mib 256 --threads 1,2 --repeat 5 --csv "$out/stream.csv"
# Mandelbrot, the heavy setting: SIMD vs scalar on one thread, every parallel variant on 1 and 2,
# each Java variant with its C twin (native, native-simd, native-omp).
"$course" bench mandelbrot --impl all --threads 1,2 --width 1500 --height 1000 --iters 1000 \
  --warmup 1 --repeat 3 --csv "$out/mandelbrot-1000.csv" --plot "$out/mandelbrot-1000.png"
# The lecture's Python on the same image, beside the Java reference and the Vector API (pure
# Python and PyPy run a slice of rows and say so; Numba's compile is not timed).
"$course" bench mandelbrot --impl scalar,vector,vector-threads,native-simd,python-numba,python-numba-parallel,python-numpy,python-pypy,python \
  --threads 1,2 --width 1500 --height 1000 --iters 1000 --warmup 1 --repeat 3 --csv "$out/mandelbrot-python.csv"
# Heat, N=1024, 200 steps, one thread: the best Java against C, and each Java variant's C twin.
"$course" bench heat --impl naive,flat,bands,vector,blocked,native,native-omp,native-blocked --threads 1 --n 1024 --steps 200 \
  --warmup 1 --repeat 3 --csv "$out/heat-1024.csv"
# The lecture's Python heat on the same grid (pure Python runs the first steps and says so).
"$course" bench heat --impl flat,vector,native-omp,python-numpy,python-numba,python-numba-parallel,python \
  --threads 1,2 --n 1024 --steps 200 --warmup 1 --repeat 3 --csv "$out/heat-python.csv"
# Heat, N=4096, two threads: bandwidth and cache blocking, Java and C.
"$course" bench heat --impl flat,bands,vector,blocked,native,native-omp,native-blocked --threads 1,2 --n 4096 --steps 50 \
  --warmup 1 --repeat 3 --csv "$out/heat-4096.csv" --plot "$out/heat-4096.png"
# MPI: the heat problem on 1, 2 and 4 ranks (4 oversubscribes 2 cores), speed-up over vector on one
# thread on the same grid. Strong scaling (N=2048, 100 steps), blocking (mpi-blocking) and overlapped
# (mpi) halo exchange in one run, then weak scaling (n = 1448 sqrt(P)). The # lines on stderr split
# each run's time per step into compute, halo exchange and all-reduce; they go to heat-mpi-*.notes.
"$course" bench heat --impl vector,mpi --threads 1 --ranks 1,2,4 --n 2048 --steps 100 --scaling strong \
  --halo both --warmup 1 --repeat 3 --csv "$out/heat-mpi-strong.csv" 2> "$out/heat-mpi-strong.notes"
"$course" bench heat --impl mpi --ranks 1,2,4 --n 1448 --steps 100 --scaling weak \
  --halo overlap --warmup 1 --repeat 3 --csv "$out/heat-mpi-weak.csv" 2> "$out/heat-mpi-weak.notes"
# MPI with halos 16 rows deep (mpi-halo16): one exchange, then 16 steps in one sweep from cache, beside
# the serial blocked variant (temporal blocking too) on one thread: the best serial code.
"$course" bench heat --impl vector,blocked,mpi --threads 1 --ranks 1,2,4 --n 2048 --steps 100 --scaling strong \
  --halo both --halo-depth 16 --warmup 1 --repeat 3 --csv "$out/heat-mpi-deep.csv" 2> "$out/heat-mpi-deep.notes"
echo "results in $out"
