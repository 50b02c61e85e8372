#!/usr/bin/env bash
# Issue 16 — a national directory at scale, every figure in one run (never part of the tests):
# the same N structures as CSV, as one YAML file and as 101 per-département YAML files; cold load,
# `repere find` cold and warm, the start after editing one of the 101 files, the interactive app's
# start (line mode: the directory is ready when the first search could run), `repere check`, and
# SQLite FTS5 / fzf on the same text (bench/compare.py).
# Usage: bench/scale.sh [N]   (default 100000). Needs python3; fzf optional (apt-get install fzf).
# Wall times are from a shared 2-core machine: CPU time (user + system) is printed next to them.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-100000}
WORK=${BENCH_DIR:-/tmp/repere-bench}/scale-$N
BIN=${BIN:-.build-release/release}
[ -x "$BIN/repere" ] && [ -x "$BIN/repere-bench" ] || {
  swift build -c release --scratch-path .build-release --product repere-bench >&2
  swift build -c release --scratch-path .build-release --product repere >&2
}
export XDG_CACHE_HOME="$WORK/cache"
TIME=(/usr/bin/time -f "wall_s=%e cpu_s=%U+%S peak_rss_kb=%M")

mkdir -p "$WORK"
if [ ! -f "$WORK/csv/annuaire.csv" ]; then
  "$BIN/repere-bench" generate --count "$N" --out "$WORK/csv" >&2
  "$BIN/repere-bench" yaml --data "$WORK/csv" --out "$WORK/yaml1" >&2
  "$BIN/repere-bench" yaml --data "$WORK/csv" --out "$WORK/yaml101" --split >&2
fi
echo "# $N structures; machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%FT%TZ)"

timed() {  # label, command…: one line with the label, then time's figures
  local label=$1
  shift
  local out
  out=$({ "${TIME[@]}" "$@" >/dev/null; } 2>&1 | tail -1) || true
  echo "$label $out"
}

for layout in csv yaml1 yaml101; do
  dir="$WORK/$layout"
  rm -rf "$XDG_CACHE_HOME"
  # In process: parse + build the index, no cache (repeat 0: load only), then keystrokes.
  timed "$layout load+index (in process, no cache):" "$BIN/repere-bench" search --data "$dir" --repeat 0
  echo "$layout keystrokes: $("$BIN/repere-bench" search --data "$dir" --repeat 3)"
  timed "$layout repere find, cold cache (parse, index, write):" \
    "$BIN/repere" find crip --data "$dir" --limit 1
  for _ in 1 2 3 4 5 6 7; do
    timed "$layout repere find, warm cache:" "$BIN/repere" find "maison ado" --place 93200 --data "$dir" --limit 10 \
      --now 2026-11-30T10:00:00+01:00
  done
  if [ "$layout" = yaml101 ]; then
    # Edit one of the 101 files (a name changes), then start again: only that file is parsed.
    file=$(ls "$dir"/annuaire/*.yaml | sed -n 50p)
    sed -i '0,/    nom: /s//    nom: Modifié — /' "$file"
    timed "$layout repere find after editing $(basename "$file"):" "$BIN/repere" find crip --data "$dir" --limit 1
  fi
done

# The interactive app's start on the split directory, with protocols added (line mode: the
# services are loaded before the first question is read, so the mark is when search is ready).
app="$WORK/app"
rm -rf "$app" && mkdir -p "$app" && cp -r Protocols/protocoles "$app/" && cp -r "$WORK/yaml101/." "$app/"
rm -rf "$XDG_CACHE_HOME"
for state in cold warm warm warm; do
  marks=$(REPERE_TIMING=1 "$BIN/repere" --plain --data "$app" --journal "$WORK/journal" </dev/null 2>&1 >/dev/null |
    grep -E "protocols|directory and reference" | tr '\n' ' ') || true
  echo "app ($state cache): $marks"
done

timed "repere check (yaml101):" "$BIN/repere" check --data "$WORK/yaml101"
python3 bench/compare.py "$WORK/csv" --sample | sed "s/^/compare (40 keystrokes): /"
