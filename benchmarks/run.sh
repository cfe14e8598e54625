#!/usr/bin/env bash
# Reproduces the README's performance section: every variant side by side in one run per problem,
# on this machine, written as CSV (and a chart) into benchmarks/results-<date>-<host>/.
# Takes about 10 minutes on a laptop-sized machine, less with more cores. Close other work first: parallel timings are noisy.
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
# Mandelbrot, the heavy setting: SIMD vs scalar on one thread, every parallel variant on 1 and 2.
"$course" bench mandelbrot --impl all --threads 1,2 --width 1500 --height 1000 --iters 1000 \
  --warmup 1 --repeat 3 --csv "$out/mandelbrot-1000.csv" --plot "$out/mandelbrot-1000.png"
# Heat, N=1024, 200 steps, one thread: the best Java against C.
"$course" bench heat --impl naive,flat,bands,vector,blocked,native --threads 1 --n 1024 --steps 200 \
  --warmup 1 --repeat 3 --csv "$out/heat-1024.csv"
# Heat, N=4096, two threads: bandwidth and cache blocking.
"$course" bench heat --impl flat,bands,vector,blocked,native --threads 1,2 --n 4096 --steps 50 \
  --warmup 1 --repeat 3 --csv "$out/heat-4096.csv" --plot "$out/heat-4096.png"
# MPI: the heat problem on 1, 2 and 4 ranks (4 oversubscribes 2 cores), speed-up over vector on one
# thread on the same grid. Strong scaling (N=2048, 100 steps), blocking (mpi-blocking) and overlapped
# (mpi) halo exchange in one run, then weak scaling (n = 1448 sqrt(P)). The # lines on stderr split
# each run's time per step into compute, halo exchange and all-reduce; they go to heat-mpi-*.notes.
"$course" bench heat --impl vector,mpi --threads 1 --ranks 1,2,4 --n 2048 --steps 100 --scaling strong \
  --halo both --warmup 1 --repeat 3 --csv "$out/heat-mpi-strong.csv" 2> "$out/heat-mpi-strong.notes"
"$course" bench heat --impl mpi --ranks 1,2,4 --n 1448 --steps 100 --scaling weak \
  --halo overlap --warmup 1 --repeat 3 --csv "$out/heat-mpi-weak.csv" 2> "$out/heat-mpi-weak.notes"
echo "results in $out"
