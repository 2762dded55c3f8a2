use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// One coded event: who did what to whom, when, with the evidence a person needs to check it.
/// The JSON field names are dyad's public output format (`dyad code --format jsonl`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Event {
    /// The article's id (`Document::id`).
    pub article: String,
    /// Index of the sentence within the article (0-based).
    pub sentence: usize,
    pub sentence_text: String,
    /// Event date (ISO 8601): the publication date, or a relative date resolved against it.
    pub date: Option<NaiveDate>,
    /// CAMEO actor codes ("RUSGOV", "PRKGOV", "IGOUNO").
    pub source: String,
    pub target: String,
    /// CAMEO event code, 2–4 digits, as a string ("051", "0311").
    pub code: String,
    /// The two-digit root ("05").
    pub root: String,
    /// 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict.
    pub quad_class: u8,
    pub goldstein: f64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub plover_type: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub plover_mode: Option<String>,
    /// Where it happened, when the text says (a place name).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<String>,
    pub evidence: Evidence,
}

/// Where in the text the event was found and which dictionary entries fired.
/// Span offsets are character offsets into the article's cleaned text.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Evidence {
    /// Character offsets of the sentence in the article's cleaned text.
    pub sentence_start: usize,
    pub sentence_end: usize,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_span: Option<EvidenceSpan>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target_span: Option<EvidenceSpan>,
    pub verb_span: EvidenceSpan,
    /// The verb pattern that fired, as written in its dictionary, with file:line.
    pub pattern: String,
    /// The dictionary entries that resolved the actors, with file:line.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_entry: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target_entry: Option<String>,
    /// Modality or negation that changed the code ("intent: would", "negated: did not").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub modifier: Option<String>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct EvidenceSpan {
    pub start: usize,
    pub end: usize,
    pub text: String,
}
