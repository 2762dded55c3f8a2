//! An article given field by field (a Python dict, a DataFrame row) as the same raw
//! [`Record`] a JSONL line with those fields is, so it is cleaned and coded exactly as
//! `dyad code` codes that line.

use dyad_doc::Origin;
use dyad_ingest::{meta::date::parse_date, ErrorKind, InputError, Options, Record, RecordKind};
use serde::Serialize;

/// The JSONL input fields of one article. Empty strings count as absent.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Article {
    pub text: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Publication date in any shape dyad reads ("2018-08-16", "16 August 2018", "20180816").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub author: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dateline: Option<String>,
}

/// Why an article given by a caller cannot be coded: a caller's mistake, unlike a bad record
/// in a file (which is skipped and counted).
#[derive(Debug, thiserror::Error)]
pub enum ArticleError {
    #[error("date '{0}' is not a date dyad reads (use YYYY-MM-DD, e.g. 2018-08-16)")]
    Date(String),
    #[error(transparent)]
    Input(#[from] InputError),
}

impl Article {
    /// An error when the article's date is given but is not a date dyad reads. For a date a
    /// caller passed explicitly; in data (a file, a table) a bad date is only noted on the
    /// document, as `dyad code` does.
    pub fn check_date(&self) -> Result<(), ArticleError> {
        match self.date.as_deref().filter(|d| !d.trim().is_empty()) {
            Some(d) if parse_date(d).is_none() => Err(ArticleError::Date(d.to_string())),
            _ => Ok(()),
        }
    }

    /// The record a JSONL file would hold for this article, as line `line` of `origin`.
    /// `id` is the fallback id when the article has none.
    pub fn record(&self, origin: &str, line: u64, id: &str, opts: &Options) -> Result<Record, ArticleError> {
        let blank = |s: &Option<String>| s.as_deref().is_none_or(|s| s.trim().is_empty());
        if self.text.len() > opts.max_article_bytes {
            return Err(InputError::new(
                origin,
                Some(line),
                ErrorKind::TooLarge,
                format!("{} bytes of text, over the {} MB limit per article", self.text.len(), opts.max_article_bytes >> 20),
            )
            .into());
        }
        // Absent and empty fields are the same thing to the JSONL reader; drop empty ones so
        // the record is the one a file written without them would hold.
        let mut a = self.clone();
        for f in [&mut a.title, &mut a.date, &mut a.id, &mut a.url, &mut a.source, &mut a.author, &mut a.dateline] {
            if blank(f) {
                *f = None;
            }
        }
        let bytes = serde_json::to_vec(&a).expect("an article serialises to JSON");
        Ok(Record {
            origin: Origin { path: origin.to_string(), record: Some(line) },
            kind: RecordKind::JsonLine,
            bytes,
            id: id.to_string(),
            url: None,
            date: None,
            charset: None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bad_dates_are_errors_good_ones_records() {
        let opts = Options::default();
        let a = Article { text: "Russia condemned Ukraine.".into(), date: Some("32/13/2020".into()), ..Default::default() };
        let e = a.check_date().unwrap_err();
        assert!(e.to_string().contains("'32/13/2020' is not a date"), "{e}");
        assert!(a.record("python", 1, "python:1", &opts).is_ok(), "in data a bad date is only noted");
        let a = Article { date: Some("2020-02-29".into()), ..a };
        a.check_date().unwrap();
        let rec = a.record("python", 1, "python:1", &opts).unwrap();
        assert_eq!(rec.kind, RecordKind::JsonLine);
        let v: serde_json::Value = serde_json::from_slice(&rec.bytes).unwrap();
        assert_eq!(v["date"], "2020-02-29");
        assert!(v.get("title").is_none());
    }

    #[test]
    fn oversized_text_is_too_large() {
        let opts = Options { max_article_bytes: 10, ..Options::default() };
        let a = Article { text: "x".repeat(11), ..Default::default() };
        match a.record("python", 3, "python:3", &opts) {
            Err(ArticleError::Input(e)) => assert_eq!((e.kind, e.record), (ErrorKind::TooLarge, Some(3))),
            other => panic!("{other:?}"),
        }
    }
}
