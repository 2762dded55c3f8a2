#!/usr/bin/env python3
"""Code a folder of articles (JSONL or Parquet) into events with dyad on Spark, written as
Parquet partitioned by event date.

    python examples/spark_job.py ARTICLES OUT [--master local[4]] [--text body --date published --id doc_id]

ARTICLES is a JSONL or Parquet file, or a folder of them (JSONL: .jsonl/.json, optionally
.gz); OUT receives one folder per event date (`event_date=2018-08-16/`, `event_date=undated/`),
each holding the events with the Parquet export's columns; pandas, DuckDB and Spark read the
folder as one table. Needs `pip install ./bindings/python pyspark` and Java 17.
"""

import argparse
import sys
import time
from pathlib import Path


def input_format(path: Path) -> str:
    files = [path] if path.is_file() else sorted(p for p in path.rglob("*") if p.is_file() and not p.name.startswith((".", "_")))
    if not files:
        sys.exit(f"spark_job: no input files under {path}")
    kinds = {"parquet" if p.suffix == ".parquet" else "json" for p in files}
    if len(kinds) > 1:
        sys.exit(f"spark_job: {path} mixes Parquet and JSONL files; give one kind")
    return kinds.pop()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("articles", type=Path, help="JSONL or Parquet file, or a folder of them")
    ap.add_argument("out", help="output folder (overwritten)")
    ap.add_argument("--master", default=None, help="Spark master, e.g. local[4] (default: spark-submit's)")
    ap.add_argument("--text", default="text", help="text column (default: text)")
    ap.add_argument("--date", default="date", help="publication date column, when present (default: date)")
    ap.add_argument("--id", default="id", help="article id column, when present (default: id)")
    ap.add_argument("--title", default="title", help="title column, when present (default: title)")
    ap.add_argument("--dictionaries", default=None, help="dictionary folder every worker can read (default: built-in)")
    a = ap.parse_args()
    if not a.articles.exists():
        sys.exit(f"spark_job: {a.articles} does not exist")

    import os

    # Local workers run this interpreter (the one dyad is installed in), not python3 on PATH.
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    from pyspark.sql import SparkSession

    import dyad.spark

    started = time.perf_counter()
    builder = (
        SparkSession.builder.appName("dyad")
        .config("spark.sql.session.timeZone", "UTC")
        .config("spark.ui.showConsoleProgress", "false")
    )
    if a.master:
        builder = builder.master(a.master)
    spark = builder.getOrCreate()
    spark.sparkContext.setLogLevel("ERROR")

    fmt = input_format(a.articles)
    articles = spark.read.parquet(str(a.articles)) if fmt == "parquet" else spark.read.json(str(a.articles))
    date = a.date if a.date in articles.columns else None
    ident = a.id if a.id in articles.columns else None
    title = a.title if a.title in articles.columns else None
    events = dyad.spark.code(articles, text=a.text, date=date, id=ident, title=title, dictionaries=a.dictionaries)
    # Partition by a string copy of the date, "undated" when there is none: a null partition
    # (Spark's __HIVE_DEFAULT_PARTITION__) is one that pandas/pyarrow cannot read back yet.
    from pyspark.sql import functions as F

    by_day = events.withColumn("event_date", F.coalesce(F.date_format("date", "yyyy-MM-dd"), F.lit("undated")))
    by_day.write.mode("overwrite").partitionBy("event_date").parquet(a.out)

    written = spark.read.parquet(a.out).count()
    print(
        f"spark_job: {written} events from {a.articles} ({events.skipped_rows.value} articles skipped) "
        f"written to {a.out} in {time.perf_counter() - started:.1f} s"
    )
    spark.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
