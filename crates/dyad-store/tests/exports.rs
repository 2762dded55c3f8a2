//! Every export format, read back with a real reader (CSV/TSV parser, Parquet reader, JSON).
mod common;

use common::*;
use dyad_store::{export, Filter, Format, Store};

fn store(dir: &std::path::Path) -> Store {
    let mut store = Store::open(dir.join("t.db")).unwrap();
    store.set_stamp("20260102030405");
    for (d, e) in congratulation_pair() {
        store.add(&d, &e).unwrap();
    }
    store
}

fn run(store: &Store, format: Format, filter: &Filter) -> Vec<u8> {
    let mut out = Vec::new();
    export(store, format, filter, &mut out).unwrap();
    out
}

fn tsv(bytes: &[u8]) -> Vec<Vec<String>> {
    let mut r = csv::ReaderBuilder::new()
        .delimiter(b'\t')
        .has_headers(false)
        .quoting(false)
        .from_reader(bytes);
    r.records()
        .map(|rec| rec.unwrap().iter().map(String::from).collect())
        .collect()
}

// Column indexes typed integer / float in the GDELT 2.0 codebook.
const GDELT_INTS: &[usize] = &[0, 1, 2, 3, 25, 29, 31, 32, 33, 35, 43, 51, 59];
const GDELT_FLOATS: &[usize] = &[4, 30, 34, 40, 41, 48, 49, 56, 57];

#[test]
fn gdelt_events_have_61_typed_columns() {
    let dir = tempfile::tempdir().unwrap();
    let s = store(dir.path());
    let rows = tsv(&run(&s, Format::Gdelt, &Filter::default()));
    assert_eq!(rows.len(), 2);
    for row in &rows {
        assert_eq!(row.len(), 61, "{row:?}");
        for &i in GDELT_INTS {
            assert!(
                row[i].is_empty() || row[i].parse::<i64>().is_ok(),
                "column {i} `{}` not an integer",
                row[i]
            );
        }
        for &i in GDELT_FLOATS {
            assert!(
                row[i].is_empty() || row[i].parse::<f64>().is_ok(),
                "column {i} `{}` not a number",
                row[i]
            );
        }
    }
    let c = rows
        .iter()
        .find(|r| r[26] == "057")
        .expect("event code keeps its leading zero");
    assert_eq!(&c[1..4], ["20240320", "202403", "2024"]);
    assert!(c[4].starts_with("2024.2"), "FractionDate {}", c[4]);
    assert_eq!(
        (c[5].as_str(), c[6].as_str(), c[7].as_str(), c[12].as_str()),
        ("CHNGOV", "CHINESE PRESIDENT XI JINPING", "CHN", "GOV")
    );
    assert_eq!(
        (c[15].as_str(), c[17].as_str(), c[22].as_str()),
        ("RUSGOV", "RUS", "GOV")
    );
    assert_eq!(
        (
            c[25].as_str(),
            c[27].as_str(),
            c[28].as_str(),
            c[29].as_str()
        ),
        ("1", "057", "05", "1")
    );
    assert_eq!(
        (
            c[31].as_str(),
            c[32].as_str(),
            c[33].as_str(),
            c[34].as_str()
        ),
        ("2", "2", "2", "0")
    );
    assert_eq!(
        (c[59].as_str(), c[60].as_str()),
        ("20260102030405", "https://www.upi.com/a/1")
    );
}

#[test]
fn gdelt_mentions_have_16_columns_one_row_per_mention() {
    let dir = tempfile::tempdir().unwrap();
    let s = store(dir.path());
    let rows = tsv(&run(&s, Format::GdeltMentions, &Filter::default()));
    assert_eq!(rows.len(), 3);
    assert!(rows.iter().all(|r| r.len() == 16));
    let events = tsv(&run(&s, Format::Gdelt, &Filter::default()));
    let congrats = &events.iter().find(|r| r[26] == "057").unwrap()[0];
    let of_congrats: Vec<_> = rows.iter().filter(|r| &r[0] == congrats).collect();
    assert_eq!(of_congrats.len(), 2);
    let sources: Vec<&str> = of_congrats.iter().map(|r| r[4].as_str()).collect();
    assert_eq!(sources, ["upi.com", "news.example.org"]);
    assert_eq!(of_congrats[0][5], "https://www.upi.com/a/1");
    assert_eq!(of_congrats[0][6], "1", "SentenceID is 1-based");
    assert_eq!(
        of_congrats[0][7],
        UPI_TEXT.find("Chinese").unwrap().to_string()
    );
    assert_eq!(of_congrats[1][12], REWRITE_TEXT.chars().count().to_string());
}

#[test]
fn jsonl_has_event_json_plover_counts_and_evidence() {
    let dir = tempfile::tempdir().unwrap();
    let s = store(dir.path());
    let out = String::from_utf8(run(&s, Format::Jsonl, &Filter::default())).unwrap();
    let lines: Vec<serde_json::Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2);
    let c = lines.iter().find(|v| v["code"] == "057").unwrap();
    assert_eq!(c["plover_type"], "SUPPORT");
    assert_eq!(c["source"], "CHNGOV");
    assert_eq!(c["num_articles"], 2);
    assert_eq!(c["mentions"].as_array().unwrap().len(), 2);
    assert_eq!(c["evidence"]["verb_span"]["text"], "congratulated");
    assert_eq!(
        c["mentions"][1]["evidence"]["source_span"]["text"],
        "Chinese President Xi Jinping"
    );
    // The stored event JSON is dyad's event JSON: it deserializes as an Event.
    let ev: dyad_doc::Event = serde_json::from_value(c.clone()).unwrap();
    assert_eq!(ev.target, "RUSGOV");
}

#[test]
fn csv_has_header_and_typed_text() {
    let dir = tempfile::tempdir().unwrap();
    let s = store(dir.path());
    let out = run(
        &s,
        Format::Csv,
        &Filter {
            actor: Some("CHN".into()),
            ..Filter::default()
        },
    );
    let mut r = csv::Reader::from_reader(out.as_slice());
    let header: Vec<String> = r.headers().unwrap().iter().map(String::from).collect();
    let names: Vec<&str> = dyad_store::export::columns()
        .iter()
        .map(|c| c.name)
        .collect();
    assert_eq!(header, names);
    let rows: Vec<csv::StringRecord> = r.records().map(Result::unwrap).collect();
    assert_eq!(
        rows.len(),
        2,
        "CHN is source of one event and target of the other"
    );
    let col = |name: &str| names.iter().position(|n| *n == name).unwrap();
    let c = rows.iter().find(|r| &r[col("code")] == "057").unwrap();
    assert_eq!(&c[col("date")], "2024-03-20");
    assert_eq!(&c[col("num_sources")], "2");
    assert_eq!(&c[col("date_added")], "2026-01-02T03:04:05Z");
}

#[test]
fn parquet_reads_back_with_types() {
    use parquet::basic::{ConvertedType, Type as Physical};
    use parquet::file::reader::{FileReader, SerializedFileReader};
    let dir = tempfile::tempdir().unwrap();
    let s = store(dir.path());
    let out = run(&s, Format::Parquet, &Filter::default());
    assert_eq!(&out[..4], b"PAR1");
    let path = dir.path().join("e.parquet");
    std::fs::write(&path, &out).unwrap();
    let reader = SerializedFileReader::new(std::fs::File::open(&path).unwrap()).unwrap();
    let meta = reader.metadata();
    assert_eq!(meta.file_metadata().num_rows(), 2);
    let schema = meta.file_metadata().schema_descr();
    let find = |name: &str| {
        (0..schema.num_columns())
            .map(|i| schema.column(i))
            .find(|c| c.name() == name)
            .unwrap()
    };
    assert_eq!(find("date").physical_type(), Physical::INT32);
    assert_eq!(find("date").converted_type(), ConvertedType::DATE);
    assert_eq!(find("code").converted_type(), ConvertedType::UTF8);
    assert_eq!(find("global_event_id").physical_type(), Physical::INT64);
    assert_eq!(find("goldstein").physical_type(), Physical::DOUBLE);
    let rows: Vec<String> = reader
        .get_row_iter(None)
        .unwrap()
        .map(|r| r.unwrap().to_string())
        .collect();
    assert!(
        rows.iter()
            .any(|r| r.contains("code: \"057\"") && r.contains("num_articles: 2")),
        "{rows:?}"
    );
}

#[test]
fn empty_exports_are_valid() {
    let dir = tempfile::tempdir().unwrap();
    let s = Store::open(dir.path().join("e.db")).unwrap();
    assert!(run(&s, Format::Gdelt, &Filter::default()).is_empty());
    let pq = run(&s, Format::Parquet, &Filter::default());
    assert_eq!(&pq[pq.len() - 4..], b"PAR1");
    let csv = String::from_utf8(run(&s, Format::Csv, &Filter::default())).unwrap();
    assert_eq!(csv.lines().count(), 1, "header only");
}

#[test]
fn format_names_parse() {
    for name in Format::ALL {
        assert!(name.parse::<Format>().is_ok(), "{name}");
    }
    let err = "xlsx".parse::<Format>().unwrap_err();
    assert!(err.contains("gdelt-mentions"), "{err}");
}

#[test]
fn unstored_rows_match_a_store_holding_only_that_article() {
    let dir = tempfile::tempdir().unwrap();
    let (doc, events) = congratulation_pair().remove(0);
    let mut store = Store::open(dir.path().join("one.db")).unwrap();
    store.set_stamp("20260102030405");
    store.add(&doc, &events).unwrap();
    let stored = store.events(&Filter::default()).unwrap();
    assert!(!stored.is_empty());
    for s in &stored {
        let e = events.iter().find(|e| e.source == s.source && e.target == s.target && e.code == s.code).unwrap();
        let mut u = export::unstored_row(&doc, e, "20260102030405");
        // The store may link its root mention; an unstored row has none.
        u.root_mention = s.root_mention;
        assert_eq!(&u, s);
        assert_eq!(export::row(&u), export::row(s));
    }
}
