//! Dictionaries compiled into matchers: every phrase is normalised (see `normalize`), its
//! words interned as ids, and the id sequences put into tries. Verb patterns become id
//! sequences too, with synonym sets expanded, so matching a sentence compares integers.

mod trie;

pub use trie::Trie;

use crate::normalize::phrase_words;
use dyad_dict::{DateRange, Dictionaries, DiscardScope, PatternElement};
use rustc_hash::{FxHashMap, FxHashSet};

/// Id of a sentence word that no dictionary contains.
pub const UNKNOWN: u32 = u32::MAX;

#[derive(Default)]
pub struct Vocab {
    ids: FxHashMap<String, u32>,
}

impl Vocab {
    pub fn intern(&mut self, w: &str) -> u32 {
        if let Some(&id) = self.ids.get(w) {
            return id;
        }
        let id = self.ids.len() as u32;
        self.ids.insert(w.to_string(), id);
        id
    }
    pub fn len(&self) -> usize {
        self.ids.len()
    }
    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }
    pub fn get(&self, w: &str) -> u32 {
        self.ids.get(w).copied().unwrap_or(UNKNOWN)
    }
    fn phrase(&mut self, text: &str) -> Vec<u32> {
        phrase_words(text).iter().map(|w| self.intern(w)).collect()
    }
}

/// Which list of an actor entry a name came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NameKind {
    Name,
    Adjective,
    Seat,
    /// Matches only after the entry's full name appeared in the document.
    Short,
}

/// What an actor or agent phrase stands for.
#[derive(Clone, Debug)]
pub enum NounHit {
    /// `caps`: the name is written in capitals in the dictionary and is one word of two to
    /// four letters ("UN", "WHO", "IS"): it matches only text written in capitals.
    Actor { entry: u32, kind: NameKind, code: Option<String>, range: Option<DateRange>, caps: bool },
    Agent { entry: u32 },
}

/// One element of a compiled verb pattern.
#[derive(Clone, Debug)]
pub enum Element {
    Verb,
    Source,
    Target,
    Skip,
    /// The next element must start right where the previous one ended (PETRARCH `_`).
    Join,
    /// One of these word sequences (a phrase, an alternative, or a synonym set).
    Words(Vec<Vec<u32>>),
}

#[derive(Clone, Debug)]
pub struct CompiledPattern {
    pub elements: Vec<Element>,
    /// Index into the verb entry's `patterns` (for its code, text and file:line).
    pub index: usize,
    /// Specificity: words and actor slots the pattern requires. More specific wins.
    pub weight: usize,
    /// Per word element, the first words of its alternatives: a sentence must contain one of
    /// each list, or the pattern is skipped without matching.
    pub required: Vec<Vec<u32>>,
    /// Written for a passive verb: a target before the verb and "by" with the source after it
    /// ("+ * by $"); `sentence::decide` skips it for an active verb.
    pub passive: bool,
    /// Words follow the verb: the pattern names the act's object itself ("* &agreement").
    pub names_object: bool,
}

pub struct Compiled {
    pub vocab: Vocab,
    pub nouns: Trie<NounHit>,
    /// Verb forms → verb entry index.
    pub verbs: Trie<u32>,
    pub discards: Trie<DiscardScope>,
    /// Per verb entry, its compiled patterns.
    pub patterns: Vec<Vec<CompiledPattern>>,
    /// Codes of the countries (three letters), for "the country" / "the government".
    pub countries: rustc_hash::FxHashSet<String>,
}

/// "UN", "U.N.", "WHO", "IS": one word of two to four letters, all capitals.
fn is_caps_name(text: &str) -> bool {
    let letters = text.chars().filter(|c| c.is_alphabetic()).count();
    (2..=4).contains(&letters)
        && !text.contains(char::is_whitespace)
        && text.chars().all(|c| c.is_uppercase() || c == '.')
}

impl Compiled {
    pub fn new(d: &Dictionaries) -> Self {
        let mut vocab = Vocab::default();
        let mut nouns = Trie::default();
        for (i, a) in d.actors.iter().enumerate() {
            let entry = i as u32;
            // Capitals mean something only where the entry also writes lowercase (dyad's
            // "United Nations" + "UN"), not in PETRARCH's all-capitals files.
            let mixed_case = a.name.chars().any(char::is_lowercase);
            let mut add = |text: &str, kind: NameKind, code: Option<String>, range: Option<DateRange>| {
                let caps = mixed_case && is_caps_name(text);
                nouns.insert(&vocab.phrase(text), NounHit::Actor { entry, kind, code, range, caps });
            };
            add(&a.name, NameKind::Name, None, None);
            for (list, kind) in [
                (&a.names, NameKind::Name),
                (&a.adjectives, NameKind::Adjective),
                (&a.seats, NameKind::Seat),
                (&a.short, NameKind::Short),
            ] {
                for alias in list {
                    add(&alias.text, kind, alias.code.clone(), alias.range);
                }
            }
        }
        for (i, g) in d.agents.iter().enumerate() {
            let entry = i as u32;
            nouns.insert(&vocab.phrase(&g.name), NounHit::Agent { entry });
            for n in &g.names {
                nouns.insert(&vocab.phrase(n), NounHit::Agent { entry });
            }
        }
        let mut verbs = Trie::default();
        let mut patterns = Vec::with_capacity(d.verbs.len());
        let mut set_cache = FxHashMap::default();
        for (i, v) in d.verbs.iter().enumerate() {
            let mut seen = FxHashSet::default();
            for form in v.forms.iter().chain(&v.lemmas) {
                let ids = vocab.phrase(form);
                if seen.insert(ids.clone()) {
                    verbs.insert(&ids, i as u32);
                }
            }
            let compiled = v
                .patterns
                .iter()
                .enumerate()
                .map(|(index, p)| compile_pattern(&p.elements, index, &d.sets, &mut set_cache, &mut vocab))
                .collect();
            patterns.push(compiled);
        }
        let mut discards = Trie::default();
        for x in &d.discards {
            discards.insert(&vocab.phrase(&x.phrase), x.scope);
        }
        // Country entries (PETRARCH files say no kind: a bare three-letter code is a country).
        let countries = d
            .actors
            .iter()
            .filter(|a| match a.kind {
                dyad_dict::ActorKind::Country | dyad_dict::ActorKind::Territory => true,
                dyad_dict::ActorKind::Other => a.code.as_ref().is_some_and(|c| c.len() == 3),
                _ => false,
            })
            .filter_map(|a| a.code.clone())
            .filter(|c| c.len() == 3)
            .collect();
        Compiled { vocab, nouns, verbs, discards, patterns, countries }
    }
}

fn compile_pattern(
    elements: &[PatternElement],
    index: usize,
    sets: &std::collections::BTreeMap<String, Vec<String>>,
    set_cache: &mut FxHashMap<String, Vec<Vec<u32>>>,
    vocab: &mut Vocab,
) -> CompiledPattern {
    let mut out = Vec::new();
    let mut weight = 0;
    let mut required: Vec<Vec<u32>> = Vec::new();
    for e in elements {
        let el = match e {
            PatternElement::Verb => Element::Verb,
            PatternElement::Source => {
                weight += 1;
                Element::Source
            }
            PatternElement::Target => {
                weight += 1;
                Element::Target
            }
            PatternElement::Skip => Element::Skip,
            PatternElement::Join => Element::Join,
            PatternElement::Phrase(words) => {
                let ids = phrase_ids(words, vocab);
                if ids.is_empty() {
                    continue;
                }
                weight += ids.len();
                Element::Words(vec![ids])
            }
            PatternElement::AnyOf(alts) => {
                let alts: Vec<Vec<u32>> = alts.iter().map(|a| phrase_ids(a, vocab)).filter(|a| !a.is_empty()).collect();
                if alts.is_empty() {
                    continue;
                }
                weight += alts.iter().map(Vec::len).min().unwrap_or(1);
                Element::Words(alts)
            }
            PatternElement::Set(name) => {
                let mut alts = set_cache
                    .entry(name.clone())
                    .or_insert_with(|| {
                        let mut alts = Vec::new();
                        expand_set(name, sets, vocab, &mut alts, 0);
                        alts
                    })
                    .clone();
                if alts.is_empty() {
                    // An unknown set matches nothing, so the pattern can never fire.
                    alts.push(vec![UNKNOWN - 1]);
                }
                weight += alts.iter().map(Vec::len).min().unwrap_or(1);
                Element::Words(alts)
            }
        };
        if let Element::Words(alts) = &el {
            let mut firsts: Vec<u32> = alts.iter().map(|a| a[0]).collect();
            firsts.sort_unstable();
            firsts.dedup();
            required.push(firsts);
        }
        out.push(el);
    }
    // Check the most selective list first.
    required.sort_by_key(Vec::len);
    if !out.iter().any(|e| matches!(e, Element::Verb)) {
        out.insert(0, Element::Verb);
    }
    let by = vocab.intern("by");
    let passive = out.iter().position(|e| matches!(e, Element::Verb)).is_some_and(|v| {
        out[..v].iter().any(|e| matches!(e, Element::Target))
            && out[v + 1..].windows(2).any(|p| {
                matches!(&p[0], Element::Words(alts) if alts.iter().any(|a| a.as_slice() == [by])) && matches!(p[1], Element::Source)
            })
    });
    let names_object =
        out.iter().position(|e| matches!(e, Element::Verb)).is_some_and(|v| out[v + 1..].iter().any(|e| matches!(e, Element::Words(_))));
    CompiledPattern { elements: out, index, weight, required, passive, names_object }
}

fn phrase_ids(words: &[String], vocab: &mut Vocab) -> Vec<u32> {
    words
        .iter()
        .flat_map(|w| phrase_words(w))
        .filter(|w| w.chars().any(|c| c.is_alphanumeric()))
        .map(|w| vocab.intern(&w))
        .collect()
}

fn find_set<'a>(name: &str, sets: &'a std::collections::BTreeMap<String, Vec<String>>) -> Option<&'a Vec<String>> {
    let name = name.trim_start_matches('&');
    sets.get(name)
        .or_else(|| sets.get(&name.to_uppercase()))
        .or_else(|| sets.get(&name.to_lowercase()))
        .or_else(|| sets.iter().find(|(k, _)| k.eq_ignore_ascii_case(name)).map(|(_, v)| v))
}

fn expand_set(
    name: &str,
    sets: &std::collections::BTreeMap<String, Vec<String>>,
    vocab: &mut Vocab,
    out: &mut Vec<Vec<u32>>,
    depth: usize,
) {
    let Some(phrases) = find_set(name, sets) else { return };
    for p in phrases {
        let p = p.trim();
        if let Some(inner) = p.strip_prefix('&') {
            if depth < 4 {
                expand_set(inner, sets, vocab, out, depth + 1);
            }
        } else {
            let ids = vocab.phrase(p);
            if !ids.is_empty() {
                out.push(ids);
            }
        }
    }
}
