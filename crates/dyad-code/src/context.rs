//! The story's country: what an agent without a country ("police", "the government",
//! "protesters") belongs to when the story makes it clear, and where that was read.
//!
//! Read from: the countries the story has named so far (one with a clear majority of the
//! country mentions), the dateline's place (a country or capital in the dictionaries, else a
//! place of the built-in gazetteer), and the publisher when the dictionaries name it ("Times
//! of India"); see `StoryContext::country` for the order. Nothing is guessed beyond that.
//! Before any of these, a place named right before the agent gives it its country
//! ("ahmedabad police", `Places`).

use crate::compile::{Compiled, NounHit};
use crate::mention::Mention;
use crate::tag::Tagged;
use crate::CoderOptions;
use dyad_dict::Dictionaries;
use dyad_doc::Document;
use dyad_geo::{find_places, is_lower_case, DocumentPlaces, Gazetteer};
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

/// The ISO3 country of a place name the built-in gazetteer (`dyad_geo`) knows, taking its most
/// likely place ("Ahmedabad" → IND, "Lahore" → PAK), with the gazetteer's own name for it.
/// For names the text itself marks as a place (a dateline); names in running text go through
/// `Places`, which applies the gazetteer's case and ambiguity rules first.
pub fn place_country(place: &str) -> Option<(String, &'static str)> {
    let g = Gazetteer::builtin();
    let best = g.place(dyad_geo::readings(g, place).first()?.place);
    Some((g.country(best.country)?.iso3.clone(), best.name()))
}

/// The places of a document (`dyad_geo::find_places`: case rules, common words, people's
/// names, small towns abroad), found the first time an agent without a country needs them.
pub struct Places {
    enabled: bool,
    found: Option<DocumentPlaces>,
    lower_case: Option<bool>,
}

impl Places {
    pub fn new(options: CoderOptions) -> Self {
        Places { enabled: options.places, found: None, lower_case: None }
    }

    /// An agent without a country ("police", "a court") right after a place name, with one
    /// inside its phrase before the agent word ("ahmedabad police", "a Kabul court"), or, in a
    /// parsed sentence, with a place its head governs by "in"/"of"/"from"/"at" ("police in
    /// Ahmedabad", "the governor of Kandahar") takes the place's country: `---COP` → `INDCOP`,
    /// the unit's `country_from` saying so.
    pub fn give_agents_places(&mut self, doc: &Document, sentence: usize, t: &Tagged, mentions: &mut [Mention]) {
        if !self.enabled {
            return;
        }
        let words = &t.words;
        let tree = t.tree();
        for u in mentions.iter_mut().flat_map(|m| m.units.iter_mut()) {
            if u.pronoun.is_some() || !u.actors.is_empty() || u.end <= u.start || !u.codes.iter().any(|c| lacks_country(c)) {
                continue;
            }
            let g = Gazetteer::builtin();
            // Most agents have no place name near them: ask the name index about the words
            // there (one word or two: "tel aviv") before finding the document's places.
            // In mixed-case text a place name is capitalised (the gazetteer's own rule).
            let caseless = !words.iter().any(|w| w.capitalized);
            let name_word = |k: usize| !words[k].punct && (caseless || words[k].capitalized);
            let named_at = |k: usize| {
                name_word(k)
                    && (g.has_name(&words[k].norm)
                        || k > 0 && name_word(k - 1) && g.has_name(&format!("{} {}", words[k - 1].norm, words[k].norm)))
            };
            // Word ranges that may hold the place: before and inside the phrase (up to, not
            // into, its last word), and the head's place dependents.
            let mut regions: Vec<(usize, usize)> = vec![(u.start.saturating_sub(1), u.end - 1)];
            if let (Some(tree), Some(h)) = (tree, u.head) {
                for c in tree.children(h).iter().copied().filter(|&c| c > h) {
                    match crate::mention::link(t, tree, c) {
                        Some((rank, _)) if rank == crate::mention::RANK_OF || rank == crate::mention::RANK_IN => {
                            let (lo, hi) = tree.span(c);
                            let lo = (lo..hi).find(|&k| !tree.rel_is(k, "case") && !tree.rel_is(k, "det")).unwrap_or(lo);
                            regions.push((lo, hi));
                        }
                        _ => {}
                    }
                }
            }
            let any_name = regions.iter().any(|&(a, b)| (a..b).any(named_at));
            if !any_name {
                continue;
            }
            let found = self.found.get_or_insert_with(|| find_places(g, doc));
            let lower_case = *self.lower_case.get_or_insert_with(|| is_lower_case(doc));
            let before = {
                // From the word before the unit up to (not into) its last word.
                let from = words[u.start.saturating_sub(1)].char_start;
                let (last, first) = (words[u.end - 1].char_start, words[u.start].char_start);
                found.mentions.iter().find(|m| {
                    m.sentence == sentence
                        && m.char_start >= from
                        && m.char_end <= last
                        && (m.char_end > first || u.start > 0 && m.char_end == words[u.start - 1].char_end)
                })
            };
            let governed = || {
                regions[1..].iter().find_map(|&(a, b)| {
                    let (from, to) = (words[a].char_start, words[b - 1].char_end);
                    found.mentions.iter().find(|m| m.sentence == sentence && m.char_start >= from && m.char_end <= to)
                })
            };
            let Some(m) = before.or_else(governed) else { continue };
            let place = g.place(m.place);
            // Lower-case archives: only a place's own name, not one of its alternates ("para"
            // in "para military forces" is an old name of Belém, Brazil), and no small town
            // ("union labour minister" is not Union, New Jersey).
            let small_town = place.kind == dyad_geo::PlaceKind::City && place.population < dyad_geo::LOWER_CASE_TOWN;
            if lower_case && (!dyad_geo::same_letters(&m.text, place.name()) || small_town) {
                continue;
            }
            let Some(country) = g.country(place.country) else { continue };
            let iso3 = country.iso3.clone();
            for code in u.codes.iter_mut().filter(|c| lacks_country(c)) {
                *code = with_country(code, &iso3);
            }
            u.country_from = Some(format!("place: {} (gazetteer)", place.name()));
        }
    }
}

#[derive(Clone, Debug, Default)]
pub struct StoryContext {
    /// The dateline's country: from the dictionaries at once; from the gazetteer (`unread`,
    /// the place name) only the first time a country is asked for.
    dateline: std::cell::OnceCell<Option<StoryCountry>>,
    unread: Option<String>,
    source: Option<StoryCountry>,
    /// Country code → how many mentions named it, in the sentences coded so far.
    named: FxHashMap<String, usize>,
}

impl StoryContext {
    pub fn new(c: &Compiled, d: &Dictionaries, options: CoderOptions, doc: &Document) -> Self {
        let place = doc.dateline.as_ref().and_then(|dl| dl.place.as_deref());
        let dateline = std::cell::OnceCell::new();
        let mut unread = None;
        if let Some(place) = place {
            match dictionary_country(c, d, place, doc.date) {
                Some(code) => {
                    let _ = dateline.set(Some(StoryCountry { code, from: format!("dateline {place:?}") }));
                }
                None if options.places => unread = Some(place.to_string()),
                None => {}
            }
        }
        let source = doc.source.as_deref().and_then(|s| {
            let code = dictionary_country(c, d, s, doc.date)?;
            Some(StoryCountry { code, from: format!("source {s:?}") })
        });
        StoryContext { dateline, unread, source, named: FxHashMap::default() }
    }

    /// Count the countries a sentence names (its actors' country parts; not pronouns or
    /// definite descriptions, which only repeat them).
    pub fn observe(&mut self, c: &Compiled, mentions: &[Mention]) {
        count_countries(c, mentions.iter(), &mut self.named);
    }

    /// The story's country so far, if it is clear. Countries the story names come first: a
    /// dateline abroad ("SEOUL" on a story about North Korea) says where the reporter is, not
    /// whose government "the regime" is. So: a country with a clear majority of the country
    /// mentions so far; else the dateline's country if it is among the most named; with no
    /// country named yet, the dateline's, else the publisher's.
    pub fn country(&self) -> Option<StoryCountry> {
        let total: usize = self.named.values().sum();
        if total == 0 {
            return self.dateline().or_else(|| self.source.clone());
        }
        let top = self.named.values().copied().max().unwrap_or(0);
        if 2 * top > total {
            let code = self.named.iter().filter(|(_, &n)| n == top).map(|(c, _)| c).min()?;
            return Some(StoryCountry { code: code.clone(), from: format!("named in the story ({top} of {total} country mentions)") });
        }
        self.dateline().filter(|d| self.named.get(&d.code) == Some(&top))
    }

    /// `country`, for an event of a sentence whose mentions are `mentions`, the event's roles
    /// being the mentions `roles`: when the story gives none (no country named before, no
    /// dateline or publisher with one), the one country a sentence names, outside the event,
    /// does ("Vice
    /// President X declined to resign despite pressure by the Kenya Anti-Corruption
    /// Commission"). Not the event's own other side: "the government criticized Rohan" is no
    /// Rohan government.
    pub fn country_with(&self, c: &Compiled, mentions: &[Mention], roles: &[usize]) -> Option<StoryCountry> {
        // The story's own evidence first: countries named before, the dateline, the publisher.
        if !self.named.is_empty() || self.dateline().is_some() || self.source.is_some() {
            return self.country();
        }
        // Only a sentence about one country: with two, a bare role may belong to either
        // ("Canada criticized the rebels detained by Peru").
        let mut all = FxHashMap::default();
        count_countries(c, mentions.iter(), &mut all);
        if all.len() != 1 {
            return None;
        }
        let code = all.into_keys().next()?;
        let mut outside = FxHashMap::default();
        count_countries(c, mentions.iter().enumerate().filter(|(k, _)| !roles.contains(k)).map(|(_, m)| m), &mut outside);
        let n = *outside.get(&code)?;
        Some(StoryCountry { code, from: format!("named in the sentence ({n} of {n} country mentions)") })
    }

    fn dateline(&self) -> Option<StoryCountry> {
        self.dateline
            .get_or_init(|| {
                let place = self.unread.as_deref()?;
                let (code, name) = place_country(place)?;
                Some(StoryCountry { code, from: format!("dateline {place:?} (place: {name}, gazetteer)") })
            })
            .clone()
    }
}



/// Count the countries the mentions name (their actors' country parts, once per unit; not
/// pronouns or definite descriptions, which only repeat them) into `named`.
fn count_countries<'m>(c: &Compiled, mentions: impl Iterator<Item = &'m Mention>, named: &mut FxHashMap<String, usize>) {
    for u in mentions.flat_map(|m| &m.units) {
        if u.pronoun.is_some() || u.actors.is_empty() {
            continue;
        }
        let mut seen: Vec<&str> = Vec::new();
        for code in &u.codes {
            if let Some(cc) = code.get(..3).filter(|cc| c.countries.contains(*cc) && !seen.contains(cc)) {
                seen.push(cc);
                *named.entry(cc.to_string()).or_default() += 1;
            }
        }
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
