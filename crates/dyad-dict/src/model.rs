//! The dictionary model. Every loader (dyad's own format, PETRARCH, TABARI) produces these
//! types; the coder (crate `dyad-code`) compiles them into matchers. Names and words are kept
//! as written; normalisation (case, hyphens, possessives) is the matcher's job.
//!
//! Changes since the skeleton (all additive, `#[serde(default)]`):
//! * `Pattern::reverse_code`, `VerbEntry::reverse_code`: TABARI/PETRARCH paired codes
//!   `[042:043]` — a second event with source and target swapped (`[:173]` = only that one).
//! * `AgentEntry::prefix`: PETRARCH `[NGO~]` agents, whose role goes *before* the actor code.
//! * `IssueEntry::ignore`: PETRARCH `~phrase` issue lines — a match cancels issue coding
//!   for the sentence (`code` is empty then).
//! * Pattern words: in dyad's format each bare word is its own one-word `Phrase` (gaps allowed
//!   between elements); a multi-word `Phrase` is consecutive words (`(financial aid)`,
//!   PETRARCH `{FINANCIAL AID}` or `AIR_STRIKE`).
//! * `PatternElement::Join`: PETRARCH `_` between elements (`NEW_&TIETYPES_RELATIONS`, `IN_*`):
//!   its neighbours must be consecutive in the sentence.
//! * `ActorEntry::extra_codes`: PETRARCH `[FRO/BIL/SAM]` — the name stands for several actors
//!   at once (`code` is the first, these the rest); the coder makes one event per code.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Where an entry was read from, for error messages and event evidence ("verbs/05.txt:12").
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SourceRef {
    pub file: String,
    pub line: usize,
}

impl std::fmt::Display for SourceRef {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}", self.file, self.line)
    }
}

/// An inclusive date range; `None` on a side means open.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DateRange {
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
}

impl DateRange {
    pub fn contains(&self, d: NaiveDate) -> bool {
        self.from.is_none_or(|f| f <= d) && self.to.is_none_or(|t| d <= t)
    }
}

/// A complete set of dictionaries, as loaded.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Dictionaries {
    pub actors: Vec<ActorEntry>,
    pub agents: Vec<AgentEntry>,
    pub verbs: Vec<VerbEntry>,
    /// Synonym sets by name (without the leading `&`), each a list of phrases.
    pub sets: BTreeMap<String, Vec<String>>,
    pub discards: Vec<Discard>,
    pub issues: Vec<IssueEntry>,
    pub codebook: Codebook,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ActorKind {
    Country,
    Territory,
    Person,
    Igo,
    Ngo,
    Party,
    Group,
    Media,
    Business,
    #[default]
    Other,
}

/// A name (or adjective, seat, short form) with an optional code and validity of its own.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Alias {
    pub text: String,
    /// Overrides the entry's code for this name ("the Kremlin [RUSGOV]").
    pub code: Option<String>,
    /// The name is only valid in this range ("Soviet Union (..1991-12-25)").
    pub range: Option<DateRange>,
}

impl Alias {
    pub fn plain(text: impl Into<String>) -> Self {
        Self {
            text: text.into(),
            code: None,
            range: None,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DatedCode {
    pub code: String,
    pub range: DateRange,
}

/// An actor: a country, organisation, group or person.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActorEntry {
    /// Canonical name (also matched).
    pub name: String,
    /// Default code when no dated code applies; `None` is the null code.
    pub code: Option<String>,
    /// Further default codes (`[FRO/BIL/SAM]`): the name stands for each of these actors too.
    #[serde(default)]
    pub extra_codes: Vec<String>,
    pub kind: ActorKind,
    /// Further full names and variants.
    pub names: Vec<Alias>,
    /// Adjectives and demonyms: code alone as the country, compose with agents.
    pub adjectives: Vec<Alias>,
    /// Capitals and seats of power (metonyms).
    pub seats: Vec<Alias>,
    /// Forms that match only after a full name appeared in the same document.
    pub short: Vec<Alias>,
    /// Dated codes (offices held).
    pub dated: Vec<DatedCode>,
    pub notes: Vec<String>,
    pub at: SourceRef,
}

impl ActorEntry {
    /// The code this actor has on `date` (dated codes first, then the default).
    /// Without a date, an open-ended (current) dated code wins, else the default.
    pub fn code_on(&self, date: Option<NaiveDate>) -> Option<&str> {
        let hit = match date {
            Some(d) => self.dated.iter().find(|c| c.range.contains(d)),
            None => self.dated.iter().find(|c| c.range.to.is_none()),
        };
        hit.map(|c| c.code.as_str()).or(self.code.as_deref())
    }

    /// Every code this actor has on `date`: the dated code if one applies, else the default
    /// code followed by `extra_codes`. Empty: the null code.
    pub fn codes_on(&self, date: Option<NaiveDate>) -> Vec<&str> {
        match self.code_on(date) {
            None => Vec::new(),
            Some(c) if Some(c) == self.code.as_deref() => {
                std::iter::once(c).chain(self.extra_codes.iter().map(String::as_str)).collect()
            }
            Some(c) => vec![c],
        }
    }
}

/// A role word that composes with a country ("President" + RUS → RUSGOV).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AgentEntry {
    pub name: String,
    /// The role code without `~` ("GOV", "MIL", "GOVFRM").
    pub role: String,
    /// `[NGO~]`: the role is written before the actor code (NGO + USA → NGOUSA).
    #[serde(default)]
    pub prefix: bool,
    /// Further forms, plurals included (no plurals are generated at match time).
    pub names: Vec<String>,
    pub at: SourceRef,
}

/// One element of a verb pattern, in sentence order.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum PatternElement {
    /// The verb itself (`*`).
    Verb,
    /// The source actor slot (`$`).
    Source,
    /// The target actor slot (`+`).
    Target,
    /// Consecutive words that must appear ("congratulations", "financial aid"), lowercase.
    Phrase(Vec<String>),
    /// One of several phrases (`(a|b c)`, PETRARCH `{...}` alternatives).
    AnyOf(Vec<Vec<String>>),
    /// Any phrase of a synonym set (`&name`, without the `&`).
    Set(String),
    /// TABARI/PETRARCH `^`: skip to the end of the current noun phrase.
    Skip,
    /// The elements on either side are consecutive in the sentence, no words between
    /// (PETRARCH `_`: `NEW_&TIETYPES_RELATIONS`, `IN_*`; dyad's format writes a lone `_`).
    Join,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Pattern {
    pub elements: Vec<PatternElement>,
    /// `None` is the null code (`---`): matching it suppresses an event.
    pub code: Option<String>,
    /// Paired code (`[042:043]`): also an event with source and target swapped.
    #[serde(default)]
    pub reverse_code: Option<String>,
    /// The pattern as written in its file, for evidence and `dyad explain`.
    pub text: String,
    pub at: SourceRef,
}

/// A verb block: synonymous verbs sharing a default code and patterns.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct VerbEntry {
    /// Base forms as written ("congratulate", "call for", "cordon off").
    pub lemmas: Vec<String>,
    /// Every surface form to match (inflections generated or given), lowercase; multi-word
    /// verbs keep their spaces ("called for").
    pub forms: Vec<String>,
    /// Code when no pattern matches; `None` means the verb alone makes no event.
    pub code: Option<String>,
    /// Paired default code (`[013:012]`): also an event with source and target swapped.
    #[serde(default)]
    pub reverse_code: Option<String>,
    pub patterns: Vec<Pattern>,
    pub at: SourceRef,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DiscardScope {
    /// Drop the whole article (PETRARCH `+` discards).
    Story,
    /// Drop the sentence.
    Sentence,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Discard {
    pub phrase: String,
    pub scope: DiscardScope,
    pub at: SourceRef,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct IssueEntry {
    pub phrase: String,
    pub code: String,
    /// An ignore phrase (PETRARCH `~...`): when it matches, no issues are coded for the sentence.
    #[serde(default)]
    pub ignore: bool,
    pub at: SourceRef,
}

/// The CAMEO event codebook.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Codebook {
    pub entries: BTreeMap<String, CodebookEntry>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CodebookEntry {
    pub code: String,
    pub name: String,
    pub goldstein: f64,
    pub quad_class: u8,
    pub plover_type: Option<String>,
    pub plover_mode: Option<String>,
}

impl Codebook {
    /// The entry for `code`, falling back to its parent (4-digit → 3-digit → root).
    pub fn lookup(&self, code: &str) -> Option<&CodebookEntry> {
        let mut c = code;
        loop {
            if let Some(e) = self.entries.get(c) {
                return Some(e);
            }
            if c.len() <= 2 {
                return None;
            }
            c = &c[..c.len() - 1];
        }
    }
}
