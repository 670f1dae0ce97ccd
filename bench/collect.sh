#!/usr/bin/env bash
# The collect benchmark of issue 12 (not a test): 200 local bare repositories
# of 10 commits each, then
#   1. a first `casfolio collect` (clones all 200, writes the ledger),
#   2. a second one with nothing new (the number the issue targets: < 5 s on 2 cores),
#   3. `git fetch` of the same 200 into clones that are already up to date,
#      one after another in one shell (the ratio's denominator).
# Prints one line per step with the wall time; nothing is written to the repository.
#
#   bench/collect.sh [COUNT] [COMMITS]        default: 200 10
#
# Environment: CASFOLIO (the binary; default build/casfolio), JOBS (--jobs, default
# all cores), WORK (default /dev/shm/casfolio-collect-bench, else /tmp/...), KEEP=1
# to keep it. Needs git (to make the repositories and for step 3).
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
count=${1:-200}
commits=${2:-10}
casfolio=${CASFOLIO:-$repo/build/casfolio}
jobs=${JOBS:-0}
if [ -z "${WORK:-}" ]; then
  if [ -w /dev/shm ]; then WORK=/dev/shm/casfolio-collect-bench; else WORK=/tmp/casfolio-collect-bench; fi
fi
rm -rf "$WORK"
mkdir -p "$WORK/remotes" "$WORK/trees" "$WORK/cohort" "$WORK/staff" "$WORK/clones"
[ -n "${KEEP:-}" ] || trap 'rm -rf "$WORK"' EXIT
export GIT_CONFIG_NOSYSTEM=1 HOME="$WORK" GIT_AUTHOR_NAME=s GIT_AUTHOR_EMAIL=s@x GIT_COMMITTER_NAME=s GIT_COMMITTER_EMAIL=s@x

now() { date +%s.%N; }
elapsed() { echo "$2 - $1" | bc; }

list="$WORK/cohort/repositories.txt"
: > "$list"
for i in $(seq -w 1 "$count"); do
  id="s$i"
  git init -q --bare -b main "$WORK/remotes/$id.git"
  w="$WORK/trees/$id"
  git init -q -b main "$w"
  printf 'name: Student %s\nlanguage: en\n' "$i" > "$w/portfolio.yaml"
  mkdir -p "$w/reflections"
  for c in $(seq 1 "$commits"); do
    printf -- '---\ndate: 2026-09-%02d\n---\nReflection %s of %s.\n' "$c" "$c" "$id" > "$w/reflections/2026-09-$(printf %02d "$c").md"
    GIT_AUTHOR_DATE="2026-09-${c}T12:00:00Z" GIT_COMMITTER_DATE="2026-09-${c}T12:00:00Z" \
      git -C "$w" add -A && git -C "$w" commit -q -m "c$c"
  done
  git -C "$w" push -q "$WORK/remotes/$id.git" main
  echo "$id ../remotes/$id.git" >> "$list"
done
printf 'school: Bench\nlanguage: en\nstaff: ../staff\nrepositories: repositories.txt\n' > "$WORK/cohort/cohort.yaml"
export CASFOLIO_CACHE_DIR="$WORK/cache"

t0=$(now); "$casfolio" collect "$WORK/cohort" --jobs "$jobs" >/dev/null; t1=$(now)
echo "first collect ($count repositories, $commits commits each): $(elapsed "$t0" "$t1") s; $(wc -l < "$WORK/staff/ledger.jsonl") ledger lines"
t0=$(now); "$casfolio" collect "$WORK/cohort" --jobs "$jobs" >/dev/null; t1=$(now)
second=$(elapsed "$t0" "$t1")
echo "second collect, nothing new: $second s; $(wc -l < "$WORK/staff/ledger.jsonl") ledger lines"

for i in $(seq -w 1 "$count"); do git clone -q --bare "$WORK/remotes/s$i.git" "$WORK/clones/s$i.git"; done
t0=$(now)
for i in $(seq -w 1 "$count"); do git -C "$WORK/clones/s$i.git" fetch -q origin '+refs/heads/*:refs/heads/*'; done
t1=$(now)
fetch=$(elapsed "$t0" "$t1")
echo "git fetch of the same $count, nothing new, one after another: $fetch s"
echo "ratio second collect / git fetch: $(echo "scale=2; $second / $fetch" | bc)"
