#!/usr/bin/env bash
# Builds the course's native kernels (liboptpar.so) for the FFM variants.
# Without gcc it says so and stops cleanly: the native variants then report
# themselves unavailable and every Java variant still runs.
set -u
out=${1:?usage: build.sh OUTPUT_DIR}
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$out"
if ! command -v gcc >/dev/null 2>&1; then
  echo "optpar: gcc not found; native variants will be unavailable" >&2
  exit 0
fi
srcs=$(ls "$here"/*.c 2>/dev/null)
[ -n "$srcs" ] || exit 0
# -ffp-contract=off on purpose: gcc would otherwise fuse a*b+c into one FMA (different rounding),
# and the C code must give the same bits as the Java reference. -fopenmp: the OpenMP twins
# (#pragma omp parallel for, the thread count passed in from Java).
gcc -O3 -march=native -ffp-contract=off -fopenmp -fPIC -shared -o "$out/liboptpar.so" $srcs -lm \
  || { echo "optpar: gcc failed; native variants will be unavailable" >&2; exit 0; }
