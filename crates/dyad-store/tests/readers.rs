//! Exports opened by the readers analysts use (pandas, pyarrow, DuckDB, polars), through
//! `tests/readers.py`. Skipped with a message when those Python packages are missing, unless
//! `DYAD_CORPUS_TESTS=1` (CI), where missing packages fail.
mod common;

use common::*;
use dyad_store::{export, Filter, Format, Store};
use std::process::Command;

fn python_readers_available() -> bool {
    Command::new("python3")
        .args(["-c", "import pyarrow, duckdb, pandas"])
        .output()
        .map(|o| o.status.success())
        .unwrap_or(false)
}

#[test]
fn exports_open_in_pandas_pyarrow_and_duckdb() {
    if !python_readers_available() {
        let required = std::env::var("DYAD_CORPUS_TESTS").is_ok_and(|v| v == "1");
        assert!(!required, "DYAD_CORPUS_TESTS=1 but python3 cannot import pyarrow, duckdb, pandas (pip install pyarrow duckdb pandas polars)");
        eprintln!("SKIPPED: python3 with pyarrow, duckdb and pandas not found (pip install pyarrow duckdb pandas polars)");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path().join("t.db")).unwrap();
    store.set_stamp("20260102030405");
    for (d, e) in congratulation_pair() {
        store.add(&d, &e).unwrap();
    }
    for (format, name) in [
        (Format::Gdelt, "events.gdelt.tsv"),
        (Format::GdeltMentions, "mentions.gdelt.tsv"),
        (Format::Parquet, "events.parquet"),
        (Format::Csv, "events.csv"),
        (Format::Jsonl, "events.jsonl"),
    ] {
        let file = std::fs::File::create(dir.path().join(name)).unwrap();
        export(&store, format, &Filter::default(), file).unwrap();
    }
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/readers.py");
    let out = Command::new("python3")
        .arg(script)
        .arg(dir.path())
        .output()
        .unwrap();
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.status.success(), "readers.py failed:\n{text}");
    assert!(text.contains("all read back"), "{text}");
}
