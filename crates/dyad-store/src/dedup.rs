//! Which coded events are "the same event" across mentions and articles.
use dyad_doc::Event;
use std::fmt;
use std::str::FromStr;

/// The deduplication rule, fixed per database (change it with `dyad recode --dedup`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Dedup {
    /// GDELT's rule: one event per (date, source actor, target actor, event code); every
    /// article and sentence reporting it becomes a mention. (GDELT also keys on the location;
    /// dyad does not: outlets locate one event differently, by dateline or by the city they
    /// name, and that would split their reports.)
    #[default]
    Day,
    /// No merging: every coded mention is its own event.
    None,
}

impl Dedup {
    pub fn as_str(self) -> &'static str {
        match self {
            Dedup::Day => "day",
            Dedup::None => "none",
        }
    }

    /// The key whose equality makes two mentions one event. `article_hash` identifies the
    /// article for the `none` rule.
    pub(crate) fn key(self, e: &Event, article_hash: &str) -> String {
        let date = e.date.map(|d| d.to_string()).unwrap_or_default();
        match self {
            Dedup::Day => format!(
                "day\u{1f}{date}\u{1f}{}\u{1f}{}\u{1f}{}\u{1f}",
                e.source, e.target, e.code
            ),
            Dedup::None => format!(
                "none\u{1f}{article_hash}\u{1f}{}\u{1f}{}\u{1f}{}\u{1f}{}\u{1f}{}",
                e.sentence, e.evidence.verb_span.start, e.source, e.target, e.code
            ),
        }
    }
}

impl fmt::Display for Dedup {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Dedup {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s {
            "day" => Ok(Dedup::Day),
            "none" => Ok(Dedup::None),
            other => Err(format!(
                "unknown dedup rule `{other}` (expected `day` or `none`)"
            )),
        }
    }
}
