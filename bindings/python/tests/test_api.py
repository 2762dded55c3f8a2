"""Coder.code, code_many, code_arrow and clean give exactly what the CLI gives on the same input."""

import json
from collections import Counter

import pytest

import dyad
from conftest import FIXTURES, cli_events, flat, flat_row, read_jsonl


FIELDS = ("date", "title", "id", "url", "source")


def test_code_matches_cli_record_by_record(cli, coder, fixture_records):
    expected = cli_events(cli, FIXTURES / "articles.jsonl")
    assert len(expected) > 10
    got = []
    for r in fixture_records:
        if not r["text"].strip():
            with pytest.raises(ValueError, match="empty"):
                coder.code(r["text"], **{k: r.get(k) for k in FIELDS})
            continue
        got.extend(coder.code(r["text"], **{k: r.get(k) for k in FIELDS}))
    assert got == expected


@pytest.mark.parametrize("threads", [1, 2, None])
def test_code_many_matches_cli(cli, coder, fixture_records, threads):
    expected = cli_events(cli, FIXTURES / "articles.jsonl")
    with pytest.warns(dyad.SkippedRecords, match=r"skipped 1 of 7 records \(1 missing text\)"):
        got = coder.code_many(fixture_records, threads=threads)
    assert got == expected


def test_code_many_accepts_any_iterable_and_no_records(coder, fixture_records):
    assert coder.code_many(iter(fixture_records[:2])) == coder.code_many(fixture_records[:2])
    assert coder.code_many([]) == []


def test_events_carry_evidence(coder):
    text = open(FIXTURES.parents[3] / "examples" / "article.txt", encoding="utf-8").read()
    events = coder.code(text, date="2025-04-01")
    assert events, "the example article has events"
    e = events[0]
    assert e["date"] == "2025-04-01"
    assert e["evidence"]["verb_span"]["text"]
    assert ":" in e["evidence"]["pattern"]  # file:line of the pattern


def test_code_arrow_matches_cli(cli, coder, fixture_records):
    import pyarrow as pa

    expected = cli_events(cli, FIXTURES / "articles.jsonl")
    urls = {str(r["id"]): r.get("url") or str(r["id"]) for r in fixture_records}
    table = pa.Table.from_pylist([{k: (str(v) if k == "id" else v) for k, v in r.items()} for r in fixture_records])
    with pytest.warns(dyad.SkippedRecords):
        events = coder.code_arrow(table)
    assert events.schema == dyad.event_schema()
    rows = events.to_pylist()
    assert Counter((r["source_url"],) + flat_row(r) for r in rows) == Counter((urls[e["article"]],) + flat(e) for e in expected)
    assert all(r["num_mentions"] == 1 and r["date_added"] is not None for r in rows)


def test_code_arrow_schema_and_rows_are_the_parquet_exports(cli, coder, tmp_path):
    """One article stored and exported by the CLI gives the rows code_arrow gives."""
    import subprocess

    import pyarrow as pa
    import pyarrow.parquet as pq

    rec = read_jsonl(FIXTURES / "articles.jsonl")[0]
    src = tmp_path / "one.jsonl"
    src.write_text(json.dumps(rec) + "\n")
    db, out = tmp_path / "t.db", tmp_path / "t.parquet"
    subprocess.run([str(cli), "code", "--quiet", "--db", str(db), "--dedup", "none", str(src)], check=True, capture_output=True)
    subprocess.run([str(cli), "export", "--db", str(db), "--format", "parquet", "-o", str(out)], check=True, capture_output=True)
    exported = pq.read_table(out)
    mine = coder.code_arrow(pa.Table.from_pylist([rec]))
    assert exported.schema.remove_metadata() == mine.schema
    drop = ["global_event_id", "date_added"]  # the `none` rule keys by article; time of storing
    key = lambda r: (r["source"], r["target"], r["code"], r["source_name"], r["target_name"])
    assert sorted(exported.drop_columns(drop).to_pylist(), key=key) == sorted(mine.drop_columns(drop).to_pylist(), key=key)


def test_code_arrow_skips_null_and_empty_text(coder):
    import pyarrow as pa

    t = pa.table({"text": [None, "", "Iran rejected a proposal by France."], "id": ["a", "b", "c"], "date": ["2020-01-01"] * 3})
    with pytest.warns(dyad.SkippedRecords, match="skipped 2 of 3"):
        events = coder.code_arrow(t)
    assert set(events.column("source_url").to_pylist()) == {"c"}


def test_code_arrow_reads_date_columns(coder):
    import datetime

    import pyarrow as pa

    t = pa.table({"text": ["Iran rejected a proposal by France."], "date": pa.array([datetime.date(2019, 9, 9)], pa.date32())})
    events = coder.code_arrow(t)
    assert events.column("date").to_pylist() == [datetime.date(2019, 9, 9)] * events.num_rows
    assert events.num_rows >= 1


def test_clean_matches_cli(cli, fixture_records, tmp_path):
    import subprocess

    rec = fixture_records[0]
    src = tmp_path / "one.jsonl"
    src.write_text(json.dumps(rec) + "\n")
    out = subprocess.run([str(cli), "clean", str(src)], capture_output=True, text=True, check=True)
    expected = json.loads(out.stdout)
    got = dyad.clean(rec["text"], date=rec["date"], title=rec["title"], id=rec["id"], url=rec["url"], source=rec["source"])
    # The origin names where the article came from: a file for the CLI, Python here.
    assert got.pop("origin") == {"path": "<python>", "record": 1}
    expected.pop("origin")
    assert got == expected
    assert got["dateline"]["place"] if isinstance(got.get("dateline"), dict) and "place" in got["dateline"] else True
    assert [s["text"] for s in got["sentences"]][0].startswith("The foreign ministers")


def test_to_pandas(coder, fixture_records):
    import pandas as pd

    with pytest.warns(dyad.SkippedRecords):
        events = coder.code_many(fixture_records)
    df = dyad.to_pandas(events)
    assert len(df) == len(events)
    assert "evidence.verb_span.text" in df.columns
    assert pd.api.types.is_datetime64_any_dtype(df["date"])
    with pytest.warns(dyad.SkippedRecords):
        table = coder.code_arrow(__import__("pyarrow").Table.from_pylist([{**r, "id": str(r["id"])} for r in fixture_records]))
    assert len(dyad.to_pandas(table)) == len(events)


def test_coder_pickles_by_recipe(coder):
    import pickle

    again = pickle.loads(pickle.dumps(coder))
    assert again.code("Iran rejected a proposal by France.", date="2019-09-09") == coder.code(
        "Iran rejected a proposal by France.", date="2019-09-09"
    )


def test_code_many_releases_the_gil(coder, fixture_records):
    """Another Python thread keeps running while code_many codes: no long stall between its steps."""
    import threading
    import time
    import warnings

    records = [r for r in fixture_records if r["text"].strip()] * 300
    t = time.perf_counter()
    coder.code_many(records, threads=1)
    alone = time.perf_counter() - t
    done = threading.Event()

    def work():
        coder.code_many(records, threads=1)
        done.set()

    worker = threading.Thread(target=work)
    stamps = [time.perf_counter()]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        worker.start()
        while not done.is_set():
            stamps.append(time.perf_counter())
    worker.join()
    longest_stall = max(b - a for a, b in zip(stamps, stamps[1:]))
    # Holding the GIL for the whole call would stall this loop for about `alone` seconds.
    assert longest_stall < alone / 2, (longest_stall, alone)
