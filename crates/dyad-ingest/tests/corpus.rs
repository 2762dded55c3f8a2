//! Tests on the third-party data in `../shared` (the seed articles, Reuters-21578).
//! Run with `DYAD_CORPUS_TESTS=1 cargo test -p dyad-ingest --test corpus`; without the
//! variable they do nothing; with it and the data missing they fail.

use dyad_doc::DateSource;
use dyad_ingest::{documents, Options};
use std::path::PathBuf;

fn shared(rel: &str) -> Option<PathBuf> {
    if std::env::var("DYAD_CORPUS_TESTS").as_deref() != Ok("1") {
        return None;
    }
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared").join(rel);
    assert!(p.exists(), "DYAD_CORPUS_TESTS=1 but {} is missing", p.display());
    Some(p)
}

/// No line of boilerplate may survive into the text.
fn assert_no_boilerplate(text: &str) {
    for bad in ["Advertisement", "Photo by", "License Photo", "Getty", "Follow ", "COMMENTS", "Please let us know", "Latest Headlines", "split-screen"] {
        assert!(!text.contains(bad), "'{bad}' left in text:\n{text}");
    }
}

#[test]
fn seed_upi() {
    let Some(p) = shared("seeds/001_97ff7f5491bc3784.txt") else { return };
    let opts = Options::default();
    let docs: Vec<_> = documents(&[p], &opts).collect::<Result<_, _>>().unwrap();
    assert_eq!(docs.len(), 1);
    let d = &docs[0];
    assert_eq!(d.id, "001_97ff7f5491bc3784");
    assert_eq!(d.title.as_deref(), Some("Kim Jong Un congratulates Russia's Putin on re-election"));
    assert_eq!(d.author.as_deref(), Some("Jennie Oh"));
    let dl = d.dateline.as_ref().unwrap();
    assert_eq!((dl.place.as_deref(), dl.month, dl.day, dl.year, dl.agency.as_deref()), (Some("Seoul"), Some(3), Some(20), None, Some("UPI")));
    assert_eq!(d.date, None, "the year is not in the article: no date may be invented");
    assert!(d.text.starts_with("North Korean leader Kim Jong Un has congratulated Russian President Vladmir Putin"), "{}", d.text);
    assert!(d.text.ends_with("according to Russia's TASS news agency."), "{}", d.text);
    assert_no_boilerplate(&d.text);
    assert_eq!(d.text.split("\n\n").count(), 12);
    let reasons: Vec<&str> = d.removed.iter().map(|r| r.reason.as_str()).collect();
    assert!(reasons.contains(&"byline (moved to author)"));
    assert_eq!(reasons.iter().filter(|r| **r == "advertisement").count(), 3, "lines 1, 13 and 27");
}

#[test]
fn seed_breitbart_with_date_flag() {
    let Some(p) = shared("seeds/000_d22c485f5553405d.txt") else { return };
    let opts = Options { date: chrono::NaiveDate::from_ymd_opt(2018, 8, 16), ..Options::default() };
    let docs: Vec<_> = documents(&[p], &opts).collect::<Result<_, _>>().unwrap();
    let d = &docs[0];
    assert_eq!(d.title.as_deref(), Some("Vladimir Putin Sends Kim Jong-Un ‘Sincere Congratulations’ on National Holiday"));
    assert_eq!(d.date, chrono::NaiveDate::from_ymd_opt(2018, 8, 16));
    assert_eq!(d.date_source, Some(DateSource::Flag));
    assert!(d.text.starts_with("Russian President Vladimir Putin sent North Korean dictator Kim Jong-un"));
    assert!(d.text.ends_with("because of pressing “internal affairs.”"), "{}", d.text);
    assert_no_boilerplate(&d.text);
    assert!(!d.text.contains('\u{a0}'), "non-breaking spaces are normalised");
    let removed: Vec<(&str, &str)> = d.removed.iter().map(|r| (r.text.as_str(), r.reason.as_str())).collect();
    assert!(removed.contains(&("Maxim Shipenkov/Ed Jones/AFP/Getty", "photo credit")), "{removed:?}");
    assert!(removed.contains(&("putin-kim-jong-un-split-screen-wave", "image slug")), "{removed:?}");
}

#[test]
fn reuters_jsonl() {
    let Some(p) = shared("news/reuters21578.jsonl") else { return };
    let opts = Options::default();
    let (mut ok, mut missing, mut other) = (0, 0, 0);
    let mut first = None;
    for r in documents(&[p], &opts) {
        match r {
            Ok(d) => {
                ok += 1;
                if first.is_none() {
                    first = Some(d);
                }
            }
            Err(e) if e.kind == dyad_ingest::ErrorKind::MissingText => missing += 1,
            Err(e) => {
                other += 1;
                eprintln!("{e}");
            }
        }
    }
    assert_eq!(ok + missing + other, 21578);
    assert!(ok >= 19_700, "{ok} documents");
    assert_eq!(other, 0);
    let d = first.unwrap();
    assert_eq!(d.id, "reuters21578-1");
    assert_eq!(d.title.as_deref(), Some("BAHIA COCOA REVIEW"));
    assert_eq!(d.date, chrono::NaiveDate::from_ymd_opt(1987, 2, 26));
    assert_eq!(d.date_source, Some(DateSource::Field));
    let dl = d.dateline.unwrap();
    assert_eq!((dl.place.as_deref(), dl.month, dl.day, dl.year), (Some("Salvador"), Some(2), Some(26), Some(1987)));
    assert!(d.text.starts_with("Showers continued throughout the week in the Bahia cocoa zone"));
    assert!(!d.text.contains("Reuter\n") && !d.text.ends_with("Reuter"));
}

/// Issue 14's new-user check: the CNN page of trafilatura's evaluation set.
#[test]
fn cnn_page_date_and_web_dateline() {
    let Some(p) = shared("ingest/trafilatura/pages/edition.cnn.com-royal.html") else { return };
    let docs: Vec<_> = documents(&[p], &Options::default()).collect::<Result<_, _>>().unwrap();
    let d = &docs[0];
    assert_eq!(d.date, chrono::NaiveDate::from_ymd_opt(2021, 3, 8));
    let dl = d.dateline.as_ref().expect("dateline");
    assert_eq!((dl.raw.as_str(), dl.place.as_deref(), dl.agency.as_deref()), ("London (CNN)", Some("London"), Some("CNN")));
    assert!(d.text.starts_with("It was the interview that some within Buckingham Palace must have feared"), "{}", &d.text[..200]);
    assert_eq!(d.title.as_deref(), Some("What we learned from Harry and Meghan's explosive interview"));
}

/// Mojibake in the lower-cased Times of India sentences is repaired, and real text is not
/// touched: at most a tenth of the affected records keep a trace.
#[test]
fn ipe_mojibake_repaired() {
    let Some(p) = shared("eval/ipe_dev.jsonl") else { return };
    let (mut repaired, mut left) = (0u64, 0u64);
    for d in documents(&[p], &Options::default()).flatten() {
        repaired += dyad_ingest::mojibake_repairs(&d);
        if d.text.contains("â€™") || d.text.contains("Ã©") || d.text.contains("â€œ") {
            left += 1;
        }
    }
    assert!(repaired >= 1500, "{repaired} runs repaired");
    assert!(left <= 20, "{left} records still hold common mojibake");
}
