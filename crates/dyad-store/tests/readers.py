"""Open dyad's exports with the readers analysts use: pandas, pyarrow, DuckDB (and polars when
installed). Run by tests/readers.rs with the folder holding the exports; exits non-zero on the
first mismatch."""
import json
import sys
from pathlib import Path

import duckdb
import pandas as pd
import pyarrow.parquet as pq

d = Path(sys.argv[1])

# GDELT 2.0 events: 61 tab-separated columns, no header; GDELT's types.
INT_COLS = [0, 1, 2, 3, 25, 29, 31, 32, 33, 59]
FLOAT_COLS = [4, 30, 34]
STR_COLS = [5, 6, 7, 15, 26, 27, 28, 60]
dtypes = {i: "string" for i in STR_COLS}
g = pd.read_csv(d / "events.gdelt.tsv", sep="\t", header=None, dtype=dtypes, quoting=3, keep_default_na=False, na_values=[""])
assert g.shape == (2, 61), g.shape
for i in INT_COLS:
    assert pd.api.types.is_integer_dtype(g[i]), (i, g[i].dtype)
for i in FLOAT_COLS:
    assert pd.api.types.is_numeric_dtype(g[i]), (i, g[i].dtype)
c = g[g[26] == "057"].iloc[0]
assert (c[27], c[28]) == ("057", "05"), "codes keep leading zeros as strings"
assert (c[31], c[32], c[33]) == (2, 2, 2), (c[31], c[32], c[33])
assert c[7] == "CHN" and c[1] == 20240320 and c[59] == 20260102030405

# GDELT mentions: 16 columns.
m = pd.read_csv(d / "mentions.gdelt.tsv", sep="\t", header=None, quoting=3)
assert m.shape == (3, 16), m.shape
assert set(m[0]) <= set(g[0]), "every mention points at an exported event"

# The same GDELT file through DuckDB's CSV reader.
n = duckdb.sql(f"SELECT count(*), max(column31) FROM read_csv('{d / 'events.gdelt.tsv'}', delim='\t', header=false, quote='', all_varchar=false)").fetchall()[0]
assert n == (2, 2), n

# Parquet: typed columns, readable by pyarrow, pandas and DuckDB.
t = pq.read_table(d / "events.parquet")
assert t.num_rows == 2
types = {f.name: str(f.type) for f in t.schema}
assert types["date"] == "date32[day]", types["date"]
assert types["code"] in ("string", "large_string"), types["code"]
assert types["global_event_id"] == "int64"
assert types["goldstein"] == "double"
assert types["is_root_event"] == "bool"
assert types["date_added"].startswith("timestamp[ms"), types["date_added"]
p = pd.read_parquet(d / "events.parquet")
assert str(p.loc[p["code"] == "057", "date"].iloc[0]) == "2024-03-20"
row = duckdb.sql(f"SELECT code, num_articles, num_sources, typeof(date) FROM '{d / 'events.parquet'}' WHERE code = '057'").fetchall()[0]
assert row == ("057", 2, 2, "DATE"), row
try:
    import polars as pl
except ImportError:
    print("polars not installed: skipped its check")
else:
    pf = pl.read_parquet(d / "events.parquet")
    assert pf.height == 2 and pf.schema["date"] == pl.Date, pf.schema

# CSV with a header.
cs = pd.read_csv(d / "events.csv", dtype={"code": "string", "root_code": "string"})
assert list(cs.columns) == list(p.columns), (list(cs.columns), list(p.columns))
assert set(cs["code"]) == {"057", "051"}
dc = duckdb.sql(f"SELECT count(*) FROM read_csv_auto('{d / 'events.csv'}')").fetchall()[0]
assert dc == (2,), dc

# JSONL.
lines = [json.loads(l) for l in (d / "events.jsonl").read_text().splitlines()]
assert len(lines) == 2 and all("plover_type" in l for l in lines)
j = pd.read_json(d / "events.jsonl", lines=True)
assert len(j) == 2

print("readers: gdelt, mentions, parquet, csv, jsonl all read back")
