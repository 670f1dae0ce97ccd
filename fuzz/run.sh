#!/usr/bin/env bash
# Fuzzes each libFuzzer target for SECONDS (default 600) and prints, per
# target, the executions, the coverage (cov: edges, ft: features) and
# whether it crashed. Builds the fuzz preset first (clang, ASan + UBSan).
#
# Usage: fuzz/run.sh [SECONDS] [TARGET...]
#   FUZZ_PARALLEL=2  run two targets at once (default 1)
#   FUZZ_NICE=10     niceness of the fuzzers (default 10)
# New inputs are kept in build-fuzz/fuzz/long/<target>/corpus, so a later
# run continues where this one stopped; the committed seeds in
# fuzz/corpus/<target>/ are only read. A crash is saved as
# build-fuzz/fuzz/long/<target>/crash-<sha1>; replay it with
#   build-fuzz/fuzz/<target> build-fuzz/fuzz/long/<target>/crash-<sha1>
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-600}
shift || true
targets=("$@")
[[ ${#targets[@]} -eq 0 ]] && targets=(front_matter_fuzz loader_fuzz markdown_fuzz verify_fuzz serve_path_fuzz)
parallel=${FUZZ_PARALLEL:-1}
niceness=${FUZZ_NICE:-10}

cmake --preset fuzz >/dev/null
cmake --build --preset fuzz --target "${targets[@]}"

run_one() {
  local t=$1 work=build-fuzz/fuzz/long/$1
  mkdir -p "$work/corpus"
  local dict=() 
  [[ -f fuzz/dict/$t.dict ]] && dict=(-dict=fuzz/dict/$t.dict)
  nice -n "$niceness" "build-fuzz/fuzz/$t" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
    -max_len=65536 -print_final_stats=1 -artifact_prefix="$work/" "${dict[@]}" \
    "$work/corpus" "fuzz/corpus/$t" >"$work/log.txt" 2>&1
}

summary() {
  local t=$1 rc=$2 log=build-fuzz/fuzz/long/$1/log.txt
  local execs cov ft corpus
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  cov=$(grep -oE 'cov: [0-9]+' "$log" | tail -1 | cut -d' ' -f2)
  ft=$(grep -oE 'ft: [0-9]+' "$log" | tail -1 | cut -d' ' -f2)
  corpus=$(grep -oE 'corp: [0-9]+/[0-9]+[a-zA-Z]*' "$log" | tail -1 | cut -d' ' -f2)
  local status=ok
  [[ $rc -ne 0 ]] && status="FAILED (exit $rc; see $log)"
  printf '%-18s %6ss  execs %-10s cov %-6s ft %-7s corpus %-12s %s\n' \
    "$t" "$seconds" "${execs:-?}" "${cov:-?}" "${ft:-?}" "${corpus:-?}" "$status"
}

failed=0
declare -A pids=()
declare -a order=()
for t in "${targets[@]}"; do
  while [[ ${#pids[@]} -ge $parallel ]]; do
    for running in "${!pids[@]}"; do
      if ! kill -0 "${pids[$running]}" 2>/dev/null; then
        rc=0; wait "${pids[$running]}" || rc=$?
        summary "$running" "$rc"; [[ $rc -ne 0 ]] && failed=1
        unset "pids[$running]"
      fi
    done
    [[ ${#pids[@]} -ge $parallel ]] && sleep 1
  done
  run_one "$t" & pids[$t]=$!
  order+=("$t")
done
for running in "${!pids[@]}"; do
  rc=0; wait "${pids[$running]}" || rc=$?
  summary "$running" "$rc"; [[ $rc -ne 0 ]] && failed=1
done
exit $failed
