#!/usr/bin/env bash
# Lookup benchmarks on generated directories (10k, 100k, 1M structures) — never part of the tests.
# Usage: bench/run.sh [SIZES…]   (default: 10000 100000 1000000). Needs fzf and python3 (sqlite3).
# Generated data goes to ${BENCH_DIR:-/tmp/repere-bench}, never into the repository.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ $# -gt 0 ]; then SIZES=("$@"); else SIZES=(10000 100000 1000000); fi
WORK=${BENCH_DIR:-/tmp/repere-bench}
mkdir -p "$WORK"
command -v fzf >/dev/null || { echo "fzf missing: apt-get install fzf" >&2; exit 1; }

swift build -c release --scratch-path .build-release --product repere-bench >&2
swift build -c release --scratch-path .build-release --product repere >&2
BIN=.build-release/release
export XDG_CACHE_HOME="$WORK/cache"

echo "# machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%FT%TZ)"
"$BIN/repere-bench" reference --data Protocols --repeat 20 | sed 's/^/reference: /'
"$BIN/repere-bench" startup --data Tests/RepereLookupTests/Fixtures/bundle --repeat 20 | sed 's/^/startup: /'

for n in "${SIZES[@]}"; do
  dir="$WORK/$n"
  [ -f "$dir/annuaire.csv" ] || "$BIN/repere-bench" generate --count "$n" --out "$dir" >&2
  repeat=5; [ "$n" -ge 1000000 ] && repeat=2
  rm -rf "$XDG_CACHE_HOME"
  echo "size=$n cold:  $("$BIN/repere-bench" search --data "$dir" --repeat "$repeat")"
  # First cached run writes the cache, the second reads it.
  /usr/bin/time -f "%e s %M KB" "$BIN/repere" find crip --data "$dir" --limit 1 >/dev/null 2>"$WORK/cold-find.txt" || true
  echo "size=$n cache-build: repere find $(tail -1 "$WORK/cold-find.txt")"
  "$BIN/repere-bench" search --data "$dir" --repeat 1 --cache >/dev/null  # writes repere-bench's own cache
  echo "size=$n cached: $("$BIN/repere-bench" search --data "$dir" --repeat "$repeat" --cache)"
  "$BIN/repere" find crip --data "$dir" --limit 1 >/dev/null  # the cache is warm from here on
  for i in 1 2 3 4 5 6 7 8 9 10 11; do
    /usr/bin/time -f "%e %M" "$BIN/repere" find "maison ado" --place 93200 --data "$dir" --limit 10 \
      --now 2026-11-30T10:00:00+01:00 >/dev/null 2>>"$WORK/find-$n.txt"
  done
  echo "size=$n find: $(tail -11 "$WORK/find-$n.txt" | sort -n | awk '{a[NR]=$1; m=($2>m?$2:m)} END {printf "median_s=%s max_rss_kb=%s", a[6], m}')"  # max over warm runs
  sample=""; [ "$n" -ge 1000000 ] && sample="--sample"
  python3 bench/compare.py "$dir" $sample | sed "s/^/size=$n /"
done
