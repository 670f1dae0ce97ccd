#!/usr/bin/env bash
# The near-duplicate check on a generated cohort: time and peak memory.
# Nothing is committed: the cohort goes to a temporary folder that is removed
# at the end (KEEP=1 keeps it).
#
#   bench/similarity/run.sh [STUDENTS] [REFLECTIONS]     default 1000 x 60
#
# Builds bench_similarity in BUILD (default build-bench) with -DCASFOLIO_BENCH=ON.
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
students=${1:-1000}
reflections=${2:-60}
build=${BUILD:-$repo/build-bench}
work=${WORK:-$(mktemp -d /tmp/casfolio-bench-similarity.XXXXXX)}
[ "${KEEP:-0}" = 1 ] || trap 'rm -rf "$work"' EXIT

cmake -S "$repo" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DCASFOLIO_BENCH=ON -DCASFOLIO_TESTS=OFF >/dev/null
ninja -C "$build" -j2 bench_similarity >/dev/null

python3 "$repo/bench/similarity/generate.py" "$work" --students "$students" --reflections "$reflections"
for mode in "" --load; do
  echo "== bench_similarity $mode"
  /usr/bin/time -v "$build/bench/bench_similarity" "$work" $mode 2>"$work/time.txt"
  grep -E "Elapsed \(wall|Maximum resident" "$work/time.txt"
done
