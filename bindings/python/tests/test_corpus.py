"""Corpus checks (DYAD_CORPUS_TESTS=1): the first 2,000 Reuters stories give exactly the
CLI's events through code, code_many and code_arrow. Missing data fails, never skips."""

from collections import Counter

import pytest

import dyad
from conftest import cli_events, corpus, corpus_check, flat, flat_row, read_jsonl

N = 2000


@pytest.fixture(scope="module")
def reuters(tmp_path_factory, cli):
    src = corpus("news/reuters21578.jsonl")
    head = tmp_path_factory.mktemp("reuters") / "reuters-2000.jsonl"
    with open(src, encoding="utf-8") as f, open(head, "w", encoding="utf-8") as out:
        for _, line in zip(range(N), f):
            out.write(line)
    records = read_jsonl(head)
    assert len(records) == N
    return records, cli_events(cli, head)


@corpus_check
def test_code_many_matches_cli_on_reuters(coder, reuters):
    records, expected = reuters
    assert len(expected) > 300
    with pytest.warns(dyad.SkippedRecords):  # Reuters has stories without a body
        got = coder.code_many(records, threads=2)
    assert got == expected


@corpus_check
def test_code_matches_cli_on_reuters(coder, reuters):
    records, expected = reuters
    by_article = {}
    for e in expected:
        by_article.setdefault(e["article"], []).append(e)
    keys = ("title", "id", "url", "source", "author", "dateline")
    checked = 0
    for r in records:
        if not isinstance(r.get("text"), str) or not r["text"].strip():
            continue
        try:
            # A Reuters date ("26-FEB-1987 15:01:01.79") is one dyad reads or notes; pass it as data.
            events = coder.code(r["text"], date=r.get("date"), **{k: r.get(k) for k in keys})
        except ValueError as e:
            if "is not a date" in str(e):
                events = coder.code(r["text"], **{k: r.get(k) for k in keys})
                assert all(ev["date"] is None for ev in events)
                continue
            raise
        assert events == by_article.get(r["id"], []), r["id"]
        checked += 1
    assert checked > N * 0.9


@corpus_check
def test_code_arrow_matches_cli_on_reuters(coder, reuters):
    import pyarrow as pa

    records, expected = reuters
    table = pa.Table.from_pylist([{k: r.get(k) for k in ("id", "text", "date", "title", "dateline")} for r in records])
    with pytest.warns(dyad.SkippedRecords):
        events = coder.code_arrow(table, threads=2)
    assert events.num_rows == len(expected)
    assert Counter((r["source_url"],) + flat_row(r) for r in events.to_pylist()) == Counter(
        (e["article"],) + flat(e) for e in expected
    )
