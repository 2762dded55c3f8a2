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
    /// Where it happened (the gazetteer's place, and which rule chose it: `from`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<Location>,
    /// The source and target actors' own places ("Ahmedabad police", "a Kabul court"):
    /// GDELT's Actor1Geo and Actor2Geo.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_location: Option<Location>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target_location: Option<Location>,
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

/// A place an event happened in or an actor belongs to, resolved by the gazetteer
/// (`dyad-geo`). The fields are GDELT's geo columns; `from` says which rule chose it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Location {
    /// The place's name as the gazetteer writes it ("Moscow", "Gaza Strip", "Gujarat").
    pub name: String,
    /// ISO 3166-1 alpha-2 ("RU"); empty for a place with no country.
    #[serde(default)]
    pub country: String,
    /// FIPS 10-4 country code, GDELT's ActionGeo_CountryCode ("RS" for Russia).
    #[serde(default)]
    pub fips: String,
    /// GDELT's ADM1 code: FIPS country + first-level division ("RS48"), or the country alone.
    #[serde(default)]
    pub adm1: String,
    pub lat: f64,
    pub lon: f64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub geonames_id: Option<u64>,
    /// GDELT geo type: 1 country, 2 US state, 3 US city, 4 world city, 5 world state or region.
    #[serde(rename = "type")]
    pub geo_type: u8,
    /// Which rule chose it: "parse" (attached to the predicate), "sentence", "dateline",
    /// "actors" (both actors' country), "document" (the country the article is about), or
    /// "actor" (an actor's own place).
    pub from: String,
    /// The words in the text that named it, as character offsets into the article's text
    /// (absent for a country inferred from the actors).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub span: Option<EvidenceSpan>,
}
