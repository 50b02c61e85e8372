#!/usr/bin/env python3
"""Run the benchmark's keystroke queries through fzf --filter and SQLite FTS5 on the same data.

Usage: compare.py DATA_DIR [--sample] [--no-fzf]   (DATA_DIR holds annuaire.csv and queries.txt)
Prints one line per tool: key=value pairs (milliseconds), like repere-bench.
fzf is timed per whole process (it has no resident mode); FTS5 per query inside one process,
after the index is built (its build time is reported apart).
"""
import csv, os, resource, sqlite3, statistics, subprocess, sys, time

data_dir = sys.argv[1]
sample = "--sample" in sys.argv
no_fzf = "--no-fzf" in sys.argv  # fzf takes seconds per keystroke at 100k
csv.field_size_limit(1 << 24)

queries = [q for q in open(os.path.join(data_dir, "queries.txt"), encoding="utf-8").read().split("\n") if q]
keystrokes = []
for q in queries:
    prefixes = [q[:n] for n in range(2, len(q) + 1)]
    keystrokes += [prefixes[0], prefixes[-1]] if sample else prefixes

def pct(values, fraction):
    values = sorted(values)
    return values[min(len(values) - 1, round((len(values) - 1) * fraction))]

# One text line per structure: what both tools search (name, types, commune, description).
lines_path = os.path.join(data_dir, "lines.txt")
rows = []
with open(os.path.join(data_dir, "annuaire.csv"), encoding="utf-8", newline="") as handle:
    for row in csv.DictReader(handle, delimiter=";"):
        rows.append((row["nom"], row["types"].replace("|", " "), row["thematiques"].replace("|", " "),
                     row["commune"], row["description"]))
if not os.path.exists(lines_path):
    with open(lines_path, "w", encoding="utf-8") as out:
        for r in rows:
            out.write(" — ".join(r).replace("\n", " ") + "\n")

# fzf: whole process per keystroke, first 50 lines kept.
fzf_times, fzf_cpu = [], []
for q in ([] if no_fzf else keystrokes):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    with open(lines_path, "rb") as source:
        p = subprocess.run(["fzf", "--filter", q], stdin=source, stdout=subprocess.PIPE, check=False)
    _ = p.stdout.split(b"\n")[:50]
    fzf_times.append((time.perf_counter() - start) * 1000)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    fzf_cpu.append((after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime) * 1000)
if fzf_times:
    print(f"tool=fzf keystrokes={len(fzf_times)} median_ms={statistics.median(fzf_times):.3f} "
          f"p99_ms={pct(fzf_times, 0.99):.3f} cpu_median_ms={statistics.median(fzf_cpu):.3f} "
          f"cpu_p99_ms={pct(fzf_cpu, 0.99):.3f}")

# SQLite FTS5 with diacritics removed; prefix query on every word, ranked by bm25, top 50.
db = sqlite3.connect(":memory:")
start, build_cpu = time.perf_counter(), time.thread_time()
db.execute("CREATE VIRTUAL TABLE fts USING fts5(nom, types, thematiques, commune, description, "
           "tokenize = 'unicode61 remove_diacritics 2')")
db.executemany("INSERT INTO fts VALUES (?, ?, ?, ?, ?)", rows)
db.commit()
build_ms = (time.perf_counter() - start) * 1000
build_cpu_ms = (time.thread_time() - build_cpu) * 1000
fts_times, fts_cpu = [], []
for q in keystrokes:
    words = [w for w in "".join(c if c.isalnum() else " " for c in q).split() if w]
    match = " AND ".join(f'"{w}"*' for w in words)
    start, cpu = time.perf_counter(), time.thread_time()
    db.execute("SELECT rowid FROM fts WHERE fts MATCH ? ORDER BY rank LIMIT 50", (match,)).fetchall()
    fts_times.append((time.perf_counter() - start) * 1000)
    fts_cpu.append((time.thread_time() - cpu) * 1000)
print(f"tool=fts5 keystrokes={len(fts_times)} build_ms={build_ms:.0f} build_cpu_ms={build_cpu_ms:.0f} median_ms={statistics.median(fts_times):.3f} "
      f"p99_ms={pct(fts_times, 0.99):.3f} cpu_median_ms={statistics.median(fts_cpu):.3f} "
      f"cpu_p99_ms={pct(fts_cpu, 0.99):.3f}")
