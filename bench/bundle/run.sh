#!/usr/bin/env bash
# Bundle throughput on a generated cohort, against `zip -r` of the same files
# in the same run. Nothing here is committed: the cohort and every zip go to
# a temporary folder that is removed at the end (KEEP=1 keeps it).
#
#   bench/bundle/run.sh [STUDENTS]          default 200
#
# Environment: CASFOLIO (default build/casfolio), CLIP_KB (size of one
# incompressible "video" per student, default 1024), WORK (a folder to use).
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
students=${1:-200}
casfolio=${CASFOLIO:-$repo/build/casfolio}
clip_kb=${CLIP_KB:-1024}
work=${WORK:-$(mktemp -d /tmp/casfolio-bench-bundle.XXXXXX)}
[ -x "$casfolio" ] || { echo "no casfolio at $casfolio (build it, or set CASFOLIO)" >&2; exit 2; }
command -v zip >/dev/null || { echo "zip is not installed" >&2; exit 2; }
[ "${KEEP:-0}" = 1 ] || trap 'rm -rf "$work"' EXIT

now() { date +%s.%N; }
secs() { python3 -c "print(f'{$2 - $1:.2f}')"; }
mb() { python3 -c "print(f'{$1 / 1048576:.1f}')"; }
rate() { python3 -c "print(f'{$1 / 1048576 / ($3 - $2):.1f}')"; }
bytes_in() { du -sb "$@" | awk '{s += $1} END {print s}'; }

echo "generating $students students in $work ..."
python3 "$repo/bench/gen_cohort.py" "$work/content" --students "$students" --images 1 >/dev/null
# Evidence as schools have it: a real photo (re-encoded by the site) and a
# video clip (stored, streamed) per student, both linked from an experience.
python3 - "$work/content" "$repo/content/students/aruzhan-bekova/experiences/river-cleanup/river.jpg" "$clip_kb" <<'PY'
import os, random, shutil, sys
root, photo, clip_kb = sys.argv[1], sys.argv[2], int(sys.argv[3])
rng = random.Random(5)
for sid in sorted(os.listdir(os.path.join(root, "students"))):
    exp = os.path.join(root, "students", sid, "experiences", "exp-1")
    shutil.copyfile(photo, os.path.join(exp, "river.jpg"))
    with open(os.path.join(exp, "clip.mp4"), "wb") as f:
        f.write(rng.randbytes(clip_kb * 1024))
    with open(os.path.join(exp, "index.md"), "a", encoding="utf-8") as f:
        f.write("\n![the river](river.jpg)\n\n[A short video](clip.mp4)\n")
PY
echo "sources: $(find "$work/content" -type f | wc -l) files, $(mb "$(bytes_in "$work/content")") MB"

# 1. casfolio bundle: load, check, render each student's site, hash, zip.
t0=$(now)
/usr/bin/time -f "%M" -o "$work/rss" "$casfolio" bundle "$work/content" --out "$work/dist" --as-of 2027-06-15 --timings \
  >"$work/bundle.log" 2>"$work/timings.log"
t1=$(now)
rss_kb=$(tail -1 "$work/rss")
# "timings: loading and checks A s, rendering B s, hashing and zipping C s"
read -r t_load t_render t_write < <(grep '^timings:' "$work/timings.log" | grep -o '[0-9.]* s' | tr -d ' s' | tr '\n' ' '; echo)
zips=$(ls "$work/dist"/*.zip | wc -l)
out_bytes=$(bytes_in "$work/dist")

# The same files, unpacked: what `zip -r` gets to pack.
mkdir -p "$work/unpacked/students" "$work/unpacked/cohort"
for z in "$work/dist"/*-cas-portfolio.zip; do unzip -q "$z" -d "$work/unpacked/students"; done
unzip -q "$work/dist/cohort-cas-portfolios.zip" -d "$work/unpacked/cohort"
in_students=$(bytes_in "$work/unpacked/students")
in_cohort=$(bytes_in "$work/unpacked/cohort")
in_all=$((in_students + in_cohort))

# 2. zip -r of exactly those files: one zip per student, then the cohort one.
mkdir -p "$work/zip-r"
t2=$(now)
(cd "$work/unpacked/students" && for d in */; do zip -r -q "$work/zip-r/${d%/}.zip" "$d"; done)
(cd "$work/unpacked/cohort" && zip -r -q "$work/zip-r/cohort-cas-portfolios.zip" cohort-cas-portfolios)
t3=$(now)
zipr_bytes=$(bytes_in "$work/zip-r")
# The same with media stored rather than deflated, as casfolio does.
media=.jpg:.jpeg:.png:.gif:.webp:.pdf:.mp4:.mov:.webm:.mp3:.m4a:.ogg:.zip:.docx:.pptx
mkdir -p "$work/zip-rn"
t8=$(now)
(cd "$work/unpacked/students" && for d in */; do zip -r -q -n "$media" "$work/zip-rn/${d%/}.zip" "$d"; done)
(cd "$work/unpacked/cohort" && zip -r -q -n "$media" "$work/zip-rn/cohort-cas-portfolios.zip" cohort-cas-portfolios)
t9=$(now)
ziprn_bytes=$(bytes_in "$work/zip-rn")

# For scale: rendering the cohort's site alone, when `casfolio build` can.
build_row=""
if "$casfolio" build --help 2>/dev/null | grep -q -- "--out"; then
  t6=$(now)
  "$casfolio" build "$work/content" --out "$work/site" --as-of 2027-06-15 >/dev/null 2>&1 || true
  t7=$(now)
  build_row="| casfolio build (the cohort site alone, for scale) | $(mb "$(bytes_in "$work/content")") | $(secs $t6 $t7) | | $(mb "$(bytes_in "$work/site")") |"
fi

# 3. Verify every bundle, and a second run gives the same bytes.
t4=$(now)
"$casfolio" verify "$work/dist"/*.zip >"$work/verify.log"
t5=$(now)
"$casfolio" bundle "$work/content" --out "$work/dist2" --as-of 2027-06-15 >/dev/null
same=yes
for z in "$work/dist"/*.zip; do cmp -s "$z" "$work/dist2/$(basename "$z")" || same=no; done

echo
echo "| step | input MB | seconds | MB/s | output MB |"
echo "|---|---:|---:|---:|---:|"
echo "| casfolio bundle ($zips zips; includes load, checks, rendering) | $(mb $in_all) | $(secs $t0 $t1) | $(rate $in_all $t0 $t1) | $(mb $out_bytes) |"
echo "| … of which loading and checks / rendering | | $t_load / $t_render | | |"
echo "| … of which hashing and zipping (the write stage) | $(mb $in_all) | $t_write | $(rate $in_all 0 $t_write) | |"
echo "| zip -r of the same files | $(mb $in_all) | $(secs $t2 $t3) | $(rate $in_all $t2 $t3) | $(mb $zipr_bytes) |"
echo "| zip -r -n (media stored, as casfolio does) | $(mb $in_all) | $(secs $t8 $t9) | $(rate $in_all $t8 $t9) | $(mb $ziprn_bytes) |"
[ -n "$build_row" ] && echo "$build_row"
echo "| casfolio verify (every zip, nested ones too) | $(mb $out_bytes) | $(secs $t4 $t5) | $(rate $out_bytes $t4 $t5) | |"
echo
echo "peak memory of casfolio bundle: $(mb $((rss_kb * 1024))) MB"
echo "second run byte-identical: $same"
