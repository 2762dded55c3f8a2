//! The story's country: what an agent without a country ("police", "the government",
//! "protesters") belongs to when the story makes it clear, and where that was read.
//!
//! Read from: the countries the story has named so far (one with a clear majority of the
//! country mentions), the dateline's place (a country or capital in the dictionaries, or a
//! place the gazetteer hook knows), and the publisher when the dictionaries name it ("Times
//! of India"); see `StoryContext::country` for the order. Nothing is guessed beyond that.

use crate::compile::{Compiled, NounHit};
use crate::mention::Mention;
use dyad_dict::Dictionaries;
use dyad_doc::Document;
use rustc_hash::FxHashMap;

/// A country for the story, with the evidence for it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StoryCountry {
    /// Three-letter country code.
    pub code: String,
    /// Where it came from, for the event's evidence: `dateline "KABUL"`,
    /// `named in the story (3 of 4 country mentions)`, `source "Times of India"`.
    pub from: String,
}

/// The gazetteer hook: the ISO3 country of a place name in this document ("ahmedabad" → IND),
/// when a gazetteer is wired in. dyad-code has none of its own (crate `dyad-geo` is the
/// gazetteer); until it is connected this knows no place, and only the dictionaries' countries
/// and capitals are used.
pub fn place_country(_doc: &Document, _place: &str) -> Option<String> {
    None
}

#[derive(Clone, Debug, Default)]
pub struct StoryContext {
    dateline: Option<StoryCountry>,
    source: Option<StoryCountry>,
    /// Country code → how many mentions named it, in the sentences coded so far.
    named: FxHashMap<String, usize>,
}

impl StoryContext {
    pub fn new(c: &Compiled, d: &Dictionaries, doc: &Document) -> Self {
        let dateline = doc.dateline.as_ref().and_then(|dl| dl.place.as_deref()).and_then(|place| {
            let code = dictionary_country(c, d, place, doc.date).or_else(|| place_country(doc, place))?;
            Some(StoryCountry { code, from: format!("dateline {place:?}") })
        });
        let source = doc.source.as_deref().and_then(|s| {
            let code = dictionary_country(c, d, s, doc.date)?;
            Some(StoryCountry { code, from: format!("source {s:?}") })
        });
        StoryContext { dateline, source, named: FxHashMap::default() }
    }

    /// Count the countries a sentence names (its actors' country parts; not pronouns or
    /// definite descriptions, which only repeat them).
    pub fn observe(&mut self, c: &Compiled, mentions: &[Mention]) {
        for u in mentions.iter().flat_map(|m| &m.units) {
            if u.pronoun.is_some() || u.actors.is_empty() {
                continue;
            }
            let mut seen: Vec<&str> = Vec::new();
            for code in &u.codes {
                if let Some(cc) = code.get(..3).filter(|cc| c.countries.contains(*cc) && !seen.contains(cc)) {
                    seen.push(cc);
                    *self.named.entry(cc.to_string()).or_default() += 1;
                }
            }
        }
    }

    /// The story's country so far, if it is clear. Countries the story names come first: a
    /// dateline abroad ("SEOUL" on a story about North Korea) says where the reporter is, not
    /// whose government "the regime" is. So: a country with a clear majority of the country
    /// mentions so far; else the dateline's country if it is among the most named; with no
    /// country named yet, the dateline's, else the publisher's.
    pub fn country(&self) -> Option<StoryCountry> {
        let total: usize = self.named.values().sum();
        if total == 0 {
            return self.dateline.clone().or_else(|| self.source.clone());
        }
        let top = self.named.values().copied().max().unwrap_or(0);
        if 2 * top > total {
            let code = self.named.iter().filter(|(_, &n)| n == top).map(|(c, _)| c).min()?;
            return Some(StoryCountry { code: code.clone(), from: format!("named in the story ({top} of {total} country mentions)") });
        }
        self.dateline.clone().filter(|d| self.named.get(&d.code) == Some(&top))
    }
}

/// The country a name stands for in the dictionaries: a country, a capital or seat
/// ("Kabul", "the Kremlin"), or a body of one, when the whole name is one phrase.
fn dictionary_country(c: &Compiled, d: &Dictionaries, name: &str, date: Option<chrono::NaiveDate>) -> Option<String> {
    let words = crate::normalize::split_words(name, 0);
    let ids: Vec<u32> = words.iter().map(|w| c.vocab.get(&w.norm)).collect();
    // Skip a leading article ("The Hindu", "the Times of India").
    let first = usize::from(words.first().is_some_and(|w| w.norm == "the") && ids.len() > 1);
    let (len, hits) = c.nouns.longest_at(&ids, first, |_| true)?;
    if first + len != ids.len() {
        return None;
    }
    hits.iter().find_map(|h| match h {
        NounHit::Actor { entry, code, .. } => {
            let code = code.clone().or_else(|| d.actors[*entry as usize].code_on(date).map(str::to_string))?;
            code.get(..3).filter(|cc| c.countries.contains(*cc)).map(str::to_string)
        }
        NounHit::Agent { .. } => None,
    })
}

/// Whether a composed code lacks a country: `---COP`, `---GOV`.
pub fn lacks_country(code: &str) -> bool {
    code.len() > 3 && code.starts_with("---")
}

/// `---COP` with the story's country `IND` → `INDCOP`.
pub fn with_country(code: &str, country: &str) -> String {
    format!("{country}{}", &code[3..])
}
