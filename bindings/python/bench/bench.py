#!/usr/bin/env python3
"""Throughput of the Python bindings against the CLI on the same stories (not a test).

    python bindings/python/bench/bench.py --dyad target/release/dyad --limit 5000 [--spark]

Prints stories/s for:
- the CLI, `dyad code --no-db --quiet --threads T` on the first N stories, with its fixed
  start-up (loading and compiling the dictionaries, measured on one story) taken out;
- `Coder.code_many(records, threads=T)` on the same records (the coder built beforehand;
  reading the JSONL into dicts is not timed);
- with --spark: `dyad.spark.code` on local[2], Spark's start-up (session + first job) shown
  separately, then a first run (each worker compiles its coder) and a warm second run.
Each figure is the best of --repeat runs. Build both in release mode first.
"""

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def best(fn, repeat):
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--input", default="../shared/news/reuters21578.jsonl")
    ap.add_argument("--limit", type=int, default=5000)
    ap.add_argument("--threads", default="1,2")
    ap.add_argument("--dyad", default="target/release/dyad", help="the CLI binary (release build)")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--spark", action="store_true")
    a = ap.parse_args()

    import dyad

    lines = []
    with open(a.input, encoding="utf-8") as f:
        for _, line in zip(range(a.limit), f):
            lines.append(line)
    records = [json.loads(line) for line in lines]
    n = len(records)
    tmp = Path(tempfile.mkdtemp())
    stories, one = tmp / "stories.jsonl", tmp / "one.jsonl"
    stories.write_text("".join(lines), encoding="utf-8")
    one.write_text(lines[0], encoding="utf-8")
    print(f"input: first {n} stories of {a.input}")

    def cli(path, threads):
        r = subprocess.run([a.dyad, "code", "--no-db", "--quiet", "--threads", str(threads), str(path)],
                           stderr=subprocess.PIPE, text=True)
        if r.returncode not in (0, 1):  # 1: some stories skipped (no body), as code_many skips them
            sys.exit(f"bench: {a.dyad} failed: {r.stderr[-2000:]}")

    t = time.perf_counter()
    coder = dyad.Coder()
    print(f"dyad.Coder(): {time.perf_counter() - t:.2f} s (built-in dictionaries, compiled once)")
    import warnings

    warnings.simplefilter("ignore", dyad.SkippedRecords)
    for threads in [int(x) for x in a.threads.split(",")]:
        startup = best(lambda: cli(one, threads), a.repeat)
        total = best(lambda: cli(stories, threads), a.repeat)
        cli_rate = n / max(total - startup, 1e-9)
        py = best(lambda: coder.code_many(records, threads=threads), a.repeat)
        py_rate = n / py
        print(
            f"threads {threads}: CLI {cli_rate:,.0f} stories/s ({total:.2f} s, of which {startup:.2f} s start-up); "
            f"code_many {py_rate:,.0f} stories/s ({py:.2f} s); ratio {py_rate / cli_rate:.2f}"
        )

    if a.spark:
        import os

        import dyad.spark
        from pyspark.sql import SparkSession

        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)

        t = time.perf_counter()
        spark = (SparkSession.builder.master("local[2]").appName("dyad-bench")
                 .config("spark.ui.enabled", "false").config("spark.ui.showConsoleProgress", "false")
                 .config("spark.sql.session.timeZone", "UTC").getOrCreate())
        spark.sparkContext.setLogLevel("ERROR")
        spark.range(1).count()
        print(f"spark local[2]: start-up {time.perf_counter() - t:.1f} s (session and a first job)")
        df = spark.read.json(str(stories)).repartition(2).cache()
        df.count()
        for label in ("first run (workers compile their coders)", "warm run"):
            t = time.perf_counter()
            dyad.spark.code(df, text="text", date="date", id="id", title="title").write.format("noop").mode("overwrite").save()
            s = time.perf_counter() - t
            print(f"spark local[2] {label}: {n / s:,.0f} stories/s ({s:.2f} s)")
        spark.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
