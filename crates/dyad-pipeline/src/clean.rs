//! The JSON shape `dyad clean` prints and `dyad.clean` returns.

use dyad_doc::Document;
use serde::Serialize;

/// The JSON shape `dyad clean` prints: the document without tokens (and without removed
/// lines unless asked), sentences with their text.
#[derive(Serialize)]
pub struct CleanOutput<'a> {
    pub id: &'a str,
    pub origin: &'a dyad_doc::Origin,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub author: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lang: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dateline: Option<&'a dyad_doc::Dateline>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<chrono::NaiveDate>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date_source: Option<dyad_doc::DateSource>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<&'a str>,
    pub text: &'a str,
    pub sentences: Vec<SentenceOut<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub removed: Option<&'a [dyad_doc::Removed]>,
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    pub notes: &'a [String],
}

#[derive(Serialize)]
pub struct SentenceOut<'a> {
    pub start: usize,
    pub end: usize,
    pub char_start: usize,
    pub char_end: usize,
    pub paragraph: usize,
    pub text: &'a str,
}

pub fn clean_output(doc: &Document, show_removed: bool) -> CleanOutput<'_> {
    CleanOutput {
        id: &doc.id,
        origin: &doc.origin,
        title: doc.title.as_deref(),
        author: doc.author.as_deref(),
        lang: doc.lang.as_deref(),
        dateline: doc.dateline.as_ref(),
        date: doc.date,
        date_source: doc.date_source,
        url: doc.url.as_deref(),
        source: doc.source.as_deref(),
        text: &doc.text,
        sentences: doc
            .sentences
            .iter()
            .map(|s| SentenceOut {
                start: s.start,
                end: s.end,
                char_start: s.char_start,
                char_end: s.char_end,
                paragraph: s.paragraph,
                text: doc.sentence_text(s),
            })
            .collect(),
        removed: show_removed.then_some(doc.removed.as_slice()),
        notes: &doc.notes,
    }
}

