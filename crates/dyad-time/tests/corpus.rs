//! Dates in the seed articles (../shared, not part of the repository). Run with
//! `DYAD_CORPUS_TESTS=1 cargo test -p dyad-time --test corpus`; with the variable set and
//! the data missing the test fails.

use std::path::PathBuf;

use chrono::NaiveDate;
use dyad_time::{resolve, Precision};

fn seed(name: &str) -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/seeds").join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("DYAD_CORPUS_TESTS=1 but {} cannot be read: {e}", path.display()))
}

/// The first line containing `needle`.
fn line<'a>(text: &'a str, needle: &str) -> &'a str {
    text.lines().find(|l| l.contains(needle)).unwrap_or_else(|| panic!("no line with {needle:?}"))
}

#[test]
fn seed_article_dates() {
    if std::env::var("DYAD_CORPUS_TESTS").map_or(true, |v| v != "1") {
        return;
    }
    let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
    // UPI, published 2018-03-20 (a Tuesday, per its dateline).
    let upi = seed("001_97ff7f5491bc3784.txt");
    let r = resolve(line(&upi, "On Tuesday, Russian media"), d(2018, 3, 20)).unwrap();
    assert_eq!((r.date, r.precision, r.text.as_str()), (d(2018, 3, 20), Precision::Day, "On Tuesday"));
    let r = resolve(line(&upi, "Kulik said Russia"), d(2018, 3, 20)).unwrap();
    assert_eq!((r.date, r.precision), (d(2018, 3, 1), Precision::Month));
    // Breitbart, published 2018-08-16 (a Thursday; Korea's liberation day is August 15).
    let breitbart = seed("000_d22c485f5553405d.txt");
    let r = resolve(line(&breitbart, "state media reported on Thursday"), d(2018, 8, 16)).unwrap();
    assert_eq!(r.date, d(2018, 8, 16));
    let r = resolve(line(&breitbart, "In 2015, the two countries"), d(2018, 8, 16)).unwrap();
    assert_eq!((r.date, r.precision), (d(2015, 1, 1), Precision::Year));
}
