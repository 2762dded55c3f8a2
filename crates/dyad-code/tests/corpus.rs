//! Figures on third-party data in ../shared, run only with `DYAD_CORPUS_TESTS=1` (and then
//! failing loudly if the data is missing). They guard the measured figures in
//! docs/accuracy.md against regressions, with a small margin.

use chrono::NaiveDate;
use dyad_code::validation::{read_records, summarize, validate};
use dyad_code::Coder;
use dyad_doc::Stage;
use std::path::{Path, PathBuf};

fn enabled() -> bool {
    std::env::var("DYAD_CORPUS_TESTS").is_ok_and(|v| v == "1")
}

fn shared(rel: &str) -> PathBuf {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared").join(rel);
    assert!(
        p.exists(),
        "DYAD_CORPUS_TESTS=1 but {} is missing (the corpus tests need ../shared next to the repository)",
        p.display()
    );
    p
}

fn load(dir: &Path) -> dyad_dict::Dictionaries {
    dyad_dict::load_dir(dir, &dyad_dict::LoadOptions::default()).expect("dictionaries load").dicts
}

#[test]
fn petrarch_unit_tests_score() {
    if !enabled() {
        return;
    }
    let coder = Coder::new(&load(&shared("petrarch2/validation/dictionaries")));
    for suite in ["petrarch2/validation/PETR.UnitTest.records.xml", "petrarch2/validation/unittest.jsonl"] {
        let records = read_records(&shared(suite)).expect("suite reads");
        assert_eq!(records.len(), 284, "{suite}");
        let s = summarize(&validate(&coder, &records));
        // Measured: 86.1% correct, 5.2% extra (docs/accuracy.md).
        assert!(s.correct_pct >= 85.1, "{suite}: correct {:.1}% fell", s.correct_pct);
        assert!(s.extra_pct <= 6.5, "{suite}: extra {:.1}% rose", s.extra_pct);
    }
}

/// Read, clean and segment a seed article the way `dyad code` does.
fn seed(name_prefix: &str, date: &str) -> dyad_doc::Document {
    let dir = shared("seeds");
    let path = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.file_name().unwrap().to_string_lossy().starts_with(name_prefix))
        .expect("seed file");
    let opts = dyad_ingest::Options { date: NaiveDate::parse_from_str(date, "%Y-%m-%d").ok(), ..Default::default() };
    let mut doc = dyad_ingest::documents(&[path], &opts).next().expect("one article").expect("article reads");
    dyad_segment::Segmenter.run(&mut doc);
    doc
}

fn triples(coder: &Coder, doc: &dyad_doc::Document) -> Vec<String> {
    coder.code_document(doc).iter().map(|e| format!("{} {} {}", e.source, e.code, e.target)).collect()
}

#[test]
fn seeds_with_builtin_dictionaries() {
    if !enabled() {
        return;
    }
    let coder = Coder::new(&dyad_dict::builtin().dicts);
    let a = triples(&coder, &seed("000", "2018-08-16"));
    assert!(a.contains(&"RUSGOV 051 PRKGOV".to_string()), "{a:?}");
    assert!(a.contains(&"RUSGOV 036 PRKGOV".to_string()), "“I am ready to meet you”: {a:?}");
    assert!(!a.iter().any(|t| t.contains(" 010 ")), "no bare statements: {a:?}");
    let b = triples(&coder, &seed("001", "2018-03-20"));
    assert!(b.contains(&"PRKGOV 051 RUSGOV".to_string()), "{b:?}");
    assert!(b.iter().any(|t| t.starts_with("RUS 051 PRK")), "Russia hails North Korea's steps: {b:?}");
    // "would hold talks with his South Korean and U.S. counterparts".
    assert!(b.iter().any(|t| t.starts_with("PRKGOV 036 KOR")), "{b:?}");
    assert!(b.iter().any(|t| t.starts_with("PRKGOV 036 USA")), "{b:?}");
    assert!(!b.iter().any(|t| t.contains(" 010 ")), "no bare statements: {b:?}");
}

#[test]
fn phoenix_dictionaries_code_the_seeds() {
    if !enabled() {
        return;
    }
    let dicts = load(&shared("petrarch2/dictionaries"));
    assert!(dicts.actors.len() > 10_000 && dicts.verbs.len() > 100);
    let coder = Coder::new(&dicts);
    let events = coder.code_document(&seed("000", "2018-08-16"));
    // Phoenix has no entry for Kim Jong Un: North Korea is the target.
    assert!(events.iter().any(|e| e.source == "RUSGOV" && e.target.starts_with("PRK") && e.root == "05"), "{events:#?}");
    for e in &events {
        assert!(
            e.evidence.pattern.contains("CAMEO.2.0.txt:"),
            "evidence names the pattern's file and line: {}",
            e.evidence.pattern
        );
    }
}
