"""dyad.spark.code on a local[2] Spark session gives the events the CLI gives."""

import os
import sys
from collections import Counter

import pytest

import dyad
from conftest import FIXTURES, cli_events, flat, flat_row


@pytest.fixture(scope="module")
def spark():
    from pyspark.sql import SparkSession  # installed by .ci/run: a missing pyspark fails

    # Workers run this interpreter (the one dyad is installed in), not whatever python3 is on PATH.
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)

    session = (
        SparkSession.builder.master("local[2]")
        .appName("dyad-tests")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.sql.session.timeZone", "UTC")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .getOrCreate()
    )
    yield session
    session.stop()


def test_spark_code_matches_cli(spark, cli, fixture_records):
    import dyad.spark

    expected = cli_events(cli, FIXTURES / "articles.jsonl")
    rows = [{"doc_id": str(r["id"]), "body": r["text"], "published": r.get("date"), "headline": r.get("title")} for r in fixture_records]
    rows.append({"doc_id": "null-text", "body": None, "published": None, "headline": None})
    df = spark.createDataFrame(rows, "doc_id string, body string, published string, headline string").repartition(2)
    events = dyad.spark.code(df, text="body", date="published", id="doc_id", title="headline")
    assert events.schema == dyad.spark.schema()
    got = events.collect()
    # The url is not passed here, so source_url is the article id.
    assert Counter((r["source_url"],) + flat_row(r.asDict()) for r in got) == Counter(
        (e["article"],) + flat(e) for e in expected
    )
    assert events.skipped_rows.value == 2  # the empty text and the null one


@pytest.mark.parametrize("kind", ["jsonl", "parquet folder"])
def test_spark_job_writes_parquet_pandas_reads(tmp_path, kind, fixture_records):
    import subprocess

    import pandas as pd

    articles = FIXTURES / "articles.jsonl"
    if kind == "parquet folder":
        import pyarrow as pa
        import pyarrow.parquet as pq

        articles = tmp_path / "articles"
        articles.mkdir()
        rows = [{**r, "id": str(r["id"])} for r in fixture_records]
        pq.write_table(pa.Table.from_pylist(rows[:4]), articles / "part-0.parquet")
        pq.write_table(pa.Table.from_pylist(rows[4:]), articles / "part-1.parquet")
    out = tmp_path / "events"
    script = FIXTURES.parents[3] / "examples" / "spark_job.py"
    run = subprocess.run(
        [sys.executable, str(script), str(articles), str(out), "--master", "local[2]"],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert run.returncode == 0, run.stderr[-3000:]
    df = pd.read_parquet(out)
    assert len(df) > 10
    assert {"source", "target", "code", "date", "goldstein"} <= set(df.columns)
    parts = {p.name for p in out.iterdir() if p.is_dir()}
    assert "event_date=2024-05-14" in parts and "event_date=undated" in parts, parts
    dated = df[df["event_date"] != "undated"]
    assert (dated["date"].astype(str) == dated["event_date"].astype(str)).all()
    assert "events" in run.stdout


def test_spark_code_without_id_column_numbers_the_rows(spark):
    import dyad.spark

    df = spark.createDataFrame(
        [("Iran rejected a proposal by France.",), ("Egypt urged Israel and Hamas to return to talks.",)], "text string"
    ).repartition(2)
    urls = [r["source_url"] for r in dyad.spark.code(df, date=None).collect()]
    assert urls and all(u.startswith("row:") for u in urls)
    assert len(set(urls)) == 2, urls  # one id per article, unique across partitions
