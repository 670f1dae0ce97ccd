#!/usr/bin/env bash
# The build benchmark of issue 6, in one run, side by side:
#   - casfolio full build vs Hugo building the same Markdown files with a
#     minimal theme, vs the floor: cmark-gfm rendering all of it concatenated
#     in one process;
#   - incremental rebuild after editing one reflection (`casfolio build`
#     from a cold process, and `casfolio serve`'s rebuild in a warm one);
#   - peak memory (GNU time), and growth from 50 to 200 to 1,000 students.
# Medians of several runs (hyperfine). Writes a Markdown table to stdout and
# to bench/RESULTS.md (with the machine's notes).
#
#   bench/run.sh [SIZES...]          default: 50 200 1000
#
# Environment:
#   CASFOLIO   the binary (default build-speed/casfolio, else build/casfolio);
#              build it with -DCMAKE_BUILD_TYPE=Release
#   RUNS       timed runs per command (default 5; 3 for 1,000 students)
#   WORK       the folder for corpora and outputs (default: /dev/shm/casfolio-bench
#              when /dev/shm is writable, else /tmp/casfolio-bench). Nothing is
#              committed; outputs are removed at the end, corpora too unless KEEP=1.
#   RESULTS    where the table goes (default bench/RESULTS.md; "-" = stdout only)
#   JOBS       --jobs for casfolio (default: all cores)
#
# Needs: hyperfine, hugo, cmark-gfm, GNU time, python3
#   apt-get install -y hyperfine hugo cmark-gfm time python3
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(50 200 1000)
if [ -z "${CASFOLIO:-}" ]; then
  CASFOLIO=$repo/build-speed/casfolio
  [ -x "$CASFOLIO" ] || CASFOLIO=$repo/build/casfolio
fi
casfolio=$(cd "$(dirname "$CASFOLIO")" && pwd)/$(basename "$CASFOLIO")
results=${RESULTS:-$repo/bench/RESULTS.md}
if [ -z "${WORK:-}" ]; then
  if [ -d /dev/shm ] && [ -w /dev/shm ]; then WORK=/dev/shm/casfolio-bench; else WORK=/tmp/casfolio-bench; fi
fi
work=$WORK
jobs=${JOBS:-0}
as_of=2027-06-01

missing=()
[ -x "$casfolio" ] || { echo "no casfolio at $casfolio (build it, or set CASFOLIO)" >&2; exit 2; }
for tool in hyperfine hugo cmark-gfm python3; do command -v $tool >/dev/null || missing+=("$tool"); done
[ -x /usr/bin/time ] || missing+=("time (GNU)")
if [ ${#missing[@]} -gt 0 ]; then
  echo "missing: ${missing[*]}  (apt-get install -y hyperfine hugo cmark-gfm time python3)" >&2
  exit 2
fi
mkdir -p "$work"
cleanup() {
  rm -rf "$work"/out-* "$work"/hugo-out-* "$work"/cache-* "$work"/serve-* "$work"/casfolio-serve-*
  [ "${KEEP:-0}" = 1 ] || rm -rf "$work"
}
trap cleanup EXIT
export CASFOLIO_CACHE_DIR="$work/cache-default"

ms() { python3 -c "import json,sys; r=json.load(open(sys.argv[1]))['results']; print(' '.join(f'{x[\"median\"]*1000:.0f}' for x in r))" "$1"; }

# The Hugo site: the same Markdown files, a two-template theme. An
# experience's index.md becomes _index.md (a branch bundle), so that Hugo
# renders every reflection beside it as a page of its own, as casfolio does.
hugo_site() {
  local src=$1 dst=$2
  rm -rf "$dst"
  mkdir -p "$dst/layouts/_default" "$dst/content"
  cat >"$dst/config.toml" <<'EOF'
baseURL = "http://localhost/"
title = "bench"
disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404"]
EOF
  cat >"$dst/layouts/_default/single.html" <<'EOF'
<!doctype html><html><head><meta charset="utf-8"><title>{{ .Title }}</title></head>
<body><h1>{{ .Title }}</h1>{{ .Content }}</body></html>
EOF
  cat >"$dst/layouts/_default/list.html" <<'EOF'
<!doctype html><html><head><meta charset="utf-8"><title>{{ .Title }}</title></head>
<body><h1>{{ .Title }}</h1>{{ .Content }}<ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul></body></html>
EOF
  cp -al "$src/students" "$dst/content/students"
  find "$dst/content" -name index.md -execdir mv index.md _index.md \;
}

# Median of `casfolio serve`'s own "rebuilt in N ms" over EDITS edits of one
# reflection, plus the time from the edit to the new version being served.
serve_rebuild() {
  local corpus=$1 reflection=$2 edits=${3:-7}
  local dir="$work/serve-src" log="$work/serve-log"
  rm -rf "$dir" && cp -a "$corpus" "$dir"
  local port
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  TMPDIR="$work" CASFOLIO_CACHE_DIR="$work/cache-serve" \
    "$casfolio" serve "$dir" --port "$port" --as-of $as_of --jobs "$jobs" >"$log" 2>&1 &
  local pid=$!
  python3 - "$dir/$reflection" "$port" "$log" "$edits" <<'PY'
import json, re, statistics, sys, time, urllib.request
path, port, log, edits = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
base = f"http://127.0.0.1:{port}"
def version():
    with urllib.request.urlopen(base + "/__casfolio/version", timeout=5) as r:
        return r.read().decode()
deadline = time.time() + 600
while True:
    try:
        v = version(); break
    except Exception:
        if time.time() > deadline: print("serve did not start", file=sys.stderr); sys.exit(1)
        time.sleep(0.2)
seen = 0
own, end_to_end = [], []
for i in range(edits):
    with open(path, "a", encoding="utf-8") as f:
        f.write(f"\nEdit number {i}.\n")
    t0 = time.time()
    while version() == v:
        if time.time() - t0 > 120: print("no rebuild", file=sys.stderr); sys.exit(1)
        time.sleep(0.002)
    end_to_end.append((time.time() - t0) * 1000)
    v = version()
    time.sleep(0.3)
    times = [float(m) for m in re.findall(r"rebuilt in ([0-9.]+) ms", open(log, encoding="utf-8").read())]
    own.append(times[-1])
print(f"{statistics.median(own):.0f} {statistics.median(end_to_end):.0f}")
PY
  kill -TERM $pid 2>/dev/null || true
  wait $pid 2>/dev/null || true
}

peak_kb() { /usr/bin/time -f "%M" -o "$work/rss" "$@" >/dev/null 2>&1; tail -1 "$work/rss"; }

rows=()
growth=()
for n in "${sizes[@]}"; do
  runs=${RUNS:-$([ "$n" -ge 1000 ] && echo 3 || echo 5)}
  corpus="$work/cohort-$n"
  if [ ! -f "$corpus/cohort.yaml" ]; then
    echo "== generating $n students" >&2
    python3 "$repo/bench/gen_cohort.py" "$corpus" --students "$n" >/dev/null
  fi
  md_files=$(find "$corpus" -name '*.md' | wc -l)
  md_mb=$(find "$corpus" -name '*.md' -print0 | du -cb --files0-from=- | tail -1 | awk '{printf "%.1f", $1/1048576}')
  hugo_site "$corpus" "$work/hugo-$n"
  find "$corpus" -name '*.md' -print0 | sort -z | xargs -0 cat >"$work/all-$n.md"
  out="$work/out-$n" hout="$work/hugo-out-$n" cache="$work/cache-$n"
  reflection=$(cd "$corpus" && find students -path '*experiences/exp-1/*-note-1.md' | sort | head -1)

  echo "== $n students: full builds ($runs runs each)" >&2
  hyperfine --style basic --runs "$runs" --warmup 1 --export-json "$work/full-$n.json" \
    --prepare "rm -rf '$out' '$cache'" -n casfolio \
    "CASFOLIO_CACHE_DIR='$cache' '$casfolio' build '$corpus' --out '$out' --as-of $as_of --jobs $jobs" \
    --prepare "rm -rf '$hout'" -n hugo "hugo --quiet -s '$work/hugo-$n' -d '$hout'" \
    --prepare "true" -n cmark-gfm \
    "cmark-gfm -e table -e strikethrough -e autolink -e tasklist '$work/all-$n.md' >/dev/null" >&2
  read -r t_cas t_hugo t_floor < <(ms "$work/full-$n.json")
  pages_cas=$(find "$out" -name '*.html' | wc -l)
  pages_hugo=$(find "$hout" -name '*.html' | wc -l)

  echo "== $n students: incremental (one reflection edited)" >&2
  # The out folder and the cache are warm from the last full build.
  hyperfine --style basic --runs "$runs" --warmup 1 --export-json "$work/incr-$n.json" \
    --prepare "echo 'One more line.' >>'$corpus/$reflection'" \
    "CASFOLIO_CACHE_DIR='$cache' '$casfolio' build '$corpus' --out '$out' --as-of $as_of --jobs $jobs" >&2
  t_incr=$(ms "$work/incr-$n.json")
  if "$casfolio" serve --help 2>/dev/null | grep -q -- --port; then
    read -r t_serve t_serve_e2e < <(serve_rebuild "$corpus" "$reflection")
  else
    t_serve=- t_serve_e2e=-
  fi

  echo "== $n students: peak memory" >&2
  rm -rf "$out" "$cache" "$hout"
  m_cas=$(peak_kb env CASFOLIO_CACHE_DIR="$cache" "$casfolio" build "$corpus" --out "$out" --as-of $as_of --jobs "$jobs")
  m_hugo=$(peak_kb hugo --quiet -s "$work/hugo-$n" -d "$hout")
  m_floor=$(peak_kb cmark-gfm -e table -e strikethrough -e autolink -e tasklist "$work/all-$n.md")
  rm -rf "$out" "$cache" "$hout" "$work/hugo-$n" "$work/all-$n.md"

  row=$(python3 - "$n" "$md_files" "$md_mb" "$pages_cas" "$pages_hugo" "$t_cas" "$t_hugo" "$t_floor" "$t_incr" \
    "$t_serve" "$t_serve_e2e" "$m_cas" "$m_hugo" "$m_floor" <<'PY'
import sys
n, files, mb, pc, ph, tc, th, tf, ti, ts, tse, mc, mh, mf = sys.argv[1:]
tc, th, tf, mc, mh, mf = float(tc), float(th), float(tf), int(mc), int(mh), int(mf)
mib = lambda kb: f"{kb / 1024:.0f} MB"
print(f"| {n} | {files} ({mb} MB) | {pc} / {ph} | {tc:.0f} ms | {th:.0f} ms | {tf:.0f} ms | "
      f"{tc / th:.2f} | {tc / tf:.1f} | {ti} ms | {ts} ms ({tse} ms) | {mib(mc)} | {mib(mh)} | {mc / mh:.2f} |")
PY
)
  rows+=("$row")
  growth+=("$n $t_cas $t_hugo $m_cas $m_hugo")
  echo "$row" >&2
done

table=$(
  echo "| students | Markdown files | HTML pages casfolio / Hugo | casfolio full | Hugo full | cmark-gfm floor | casfolio ÷ Hugo | casfolio ÷ floor | one reflection: \`build\` | one reflection: \`serve\` (edit → served) | peak memory casfolio | peak memory Hugo | memory ÷ Hugo |"
  echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
  printf '%s\n' "${rows[@]}"
  echo
  echo "Growth (time and peak memory per student, relative to the smallest size):"
  echo
  printf '%s\n' "${growth[@]}" | python3 -c '
import sys
rows = [l.split() for l in sys.stdin if l.strip()]
base = rows[0]
print("| students | casfolio ms/student | Hugo ms/student | casfolio KB/student | Hugo KB/student |")
print("|---:|---:|---:|---:|---:|")
for n, tc, th, mc, mh in rows:
    n = int(n)
    print(f"| {n} | {float(tc)/n:.2f} | {float(th)/n:.2f} | {int(mc)/n:.0f} | {int(mh)/n:.0f} |")
'
)
notes=$(
  echo "- machine: $(lscpu | sed -n 's/^Model name: *//p' | head -1), $(nproc) cores, $(free -g | awk '/^Mem:/ {print $2}') GB RAM; load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "- work folder: $work ($(df -T "$work" | awk 'NR==2 {print $2}'))"
  echo "- $("$casfolio" --version), $(hugo version | cut -d' ' -f1-2), $(cmark-gfm --version | head -1 | cut -d' ' -f1-2), $(hyperfine --version)"
  echo "- casfolio --jobs $jobs; medians of ${RUNS:-5} runs (3 at 1,000 students) after one warm-up; $(date -u +%Y-%m-%d)"
)
echo
echo "$table"
echo
echo "$notes"
if [ "$results" != - ]; then
  python3 - "$results" "$table" "$notes" <<'PY'
import re, sys
path, table, notes = sys.argv[1:]
try:
    text = open(path, encoding="utf-8").read()
except FileNotFoundError:
    text = "# Benchmark results\n\n<!-- bench:begin -->\n<!-- bench:end -->\n"
block = "<!-- bench:begin -->\n" + table + "\n\n" + notes + "\n<!-- bench:end -->"
if "<!-- bench:begin -->" in text:
    text = re.sub(r"<!-- bench:begin -->.*?<!-- bench:end -->", lambda m: block, text, flags=re.S)
else:
    text += "\n" + block + "\n"
open(path, "w", encoding="utf-8").write(text)
PY
  echo "(written to $results)" >&2
fi
