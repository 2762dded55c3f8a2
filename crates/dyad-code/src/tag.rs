//! Tagging a sentence: its words, which of them are inside quotation marks, and every actor,
//! agent and verb phrase the dictionaries know (longest match first, left to right).

use crate::compile::{Compiled, NameKind, NounHit, UNKNOWN};
use crate::normalize::{split_words, Word};
use crate::tree::Tree;
use chrono::NaiveDate;
use dyad_doc::Upos;
use dyad_dict::{Dictionaries, DiscardScope};
use rustc_hash::FxHashSet;

/// An actor or agent phrase found in the sentence: words `start..end`.
#[derive(Clone, Debug)]
pub struct NounMatch {
    pub start: usize,
    pub end: usize,
    pub hits: Vec<NounHit>,
}

/// A verb form found in the sentence: words `start..end`, and its verb entry.
#[derive(Clone, Debug)]
pub struct VerbMatch {
    pub start: usize,
    pub end: usize,
    pub entry: u32,
    /// An event noun owned by a possessive pronoun and followed by "with" ("their meeting
    /// with Kim"): the owner is the source, the actor after "with" the target.
    pub nominal: bool,
}

pub struct Tagged {
    pub words: Vec<Word>,
    pub ids: Vec<u32>,
    /// Ids present in the sentence, to skip patterns that cannot match.
    pub present: FxHashSet<u32>,
    pub in_quote: Vec<bool>,
    pub nouns: Vec<NounMatch>,
    pub verbs: Vec<VerbMatch>,
    /// Per word: inside an actor/agent phrase; inside a verb phrase; a verb phrase starts here.
    pub in_noun: Vec<bool>,
    pub in_verb: Vec<bool>,
    pub verb_start: Vec<bool>,
    pub discard: Option<(DiscardScope, usize, usize)>,
    /// The dependency tree over `words`, for sentences that may make an event (see
    /// `sentence::analyse`); `None` when not parsed.
    pub tree: Option<Tree>,
    /// Runs of capitalised words no phrase covers: names the dictionaries may not know
    /// (`find_names`, read by `mention::add_unnamed`); empty unless found.
    pub names: Vec<(usize, usize)>,
}

/// Words that, right before a verb form, show it is used as a noun ("an attack").
const DETERMINERS: &[&str] =
    &["a", "an", "the", "its", "their", "his", "her", "our", "your", "my", "this", "these", "those", "every", "each"];

impl Tagged {
    /// For each word, whether the parser should see it capitalised: in a sentence written
    /// without capitals, the words of actor names and country adjectives the dictionaries
    /// found ("kosovo", "afghan"). Empty for cased text.
    pub fn names_for_parser(&self) -> Vec<bool> {
        if !caseless(&self.words) {
            return Vec::new();
        }
        let mut names = vec![false; self.words.len()];
        for m in &self.nouns {
            if m.hits.iter().any(|h| matches!(h, NounHit::Actor { .. })) {
                for n in &mut names[m.start..m.end.min(self.words.len())] {
                    *n = true;
                }
            }
        }
        names
    }
    /// `seen` holds the actor entries whose full name already appeared in the document:
    /// their short forms ("Putin") may match.
    pub fn new(
        c: &Compiled,
        d: &Dictionaries,
        text: &str,
        char_base: usize,
        date: Option<NaiveDate>,
        seen: &FxHashSet<u32>,
        use_tagger: bool,
    ) -> Self {
        let words = split_words(text, char_base);
        let ids: Vec<u32> = words.iter().map(|w| c.vocab.get(&w.norm)).collect();
        let present = ids.iter().copied().filter(|&i| i != UNKNOWN).collect();
        // Archives stored in lower case ("bsf jawans", "un envoy"): capitals say nothing
        // about acronyms there, so only acronyms that are also common words are doubted.
        let caseless = caseless(&words);
        let plain_acronym = |w: &Word| {
            (caseless && !COMMON_SHORT_WORDS.contains(&w.norm.as_str()))
                // British style writes a four-letter acronym as a name: "Nato", "Opec", "Farc".
                || (w.capitalized && w.norm.chars().count() == 4 && !ORDINARY_FOUR_LETTER_WORDS.contains(&w.norm.as_str()))
        };
        let mut in_quote = Vec::with_capacity(words.len());
        let mut open = false;
        for w in &words {
            let is_quote = w.punct && w.norm == "\"";
            if is_quote {
                open = !open;
            }
            in_quote.push(open && !is_quote);
        }

        // A hit for a phrase starting at word `at`.
        let valid_at = |at: usize| {
            let words = &words;
            move |h: &NounHit| match h {
                NounHit::Agent { .. } => true,
                NounHit::Actor { entry, kind, range, caps, .. } => {
                    let in_range = match (range, date) {
                        (Some(r), Some(d)) => r.contains(d),
                        _ => true,
                    };
                    // "UN" is not the "Un" of "Kim Jong Un", "WHO" not "Who".
                    in_range && (*kind != NameKind::Short || seen.contains(entry)) && (!caps || words[at].upper || plain_acronym(&words[at]))
                }
            }
        };
        let mut nouns = Vec::new();
        let mut i = 0;
        while i < words.len() {
            // A one-word name of three letters or fewer ("UN", "US") is an acronym unless the
            // text writes it as a name on its own: "Jong-un", "Kim Jong Un" and the pronoun "us"
            // are not the UN or the USA. Short forms ("Kim") only match after the full name.
            let mut found = c.nouns.longest_at(&ids, i, valid_at(i));
            // Prefer a longer phrase starting inside this one: "the North Korean leader" is
            // "North Korean" + "leader", not "the North" + "Korean leader".
            if let Some((len, _)) = &found {
                let len = *len;
                if let Some(j) = (i + 1..i + len)
                    .find(|&j| c.nouns.longest_at(&ids, j, valid_at(j)).is_some_and(|(l, _)| j + l > i + len && l >= len))
                {
                    i = j;
                    found = c.nouns.longest_at(&ids, j, valid_at(j));
                }
            }
            let w = &words[i];
            let inside_name = i > 0 && words[i - 1].capitalized && !words[i - 1].punct;
            let acronym_doubt =
                w.norm.chars().count() <= 3 && !w.upper && (!w.capitalized || inside_name) && !plain_acronym(w);
            match found {
                Some((len, hits))
                    if !acronym_doubt
                        || len > 1
                        || hits
                            .iter()
                            .all(|h| matches!(h, NounHit::Agent { .. } | NounHit::Actor { kind: NameKind::Short, .. })) =>
                {
                    nouns.push(NounMatch { start: i, end: i + len, hits: hits.into_iter().cloned().collect() });
                    i += len;
                }
                _ => i += 1,
            }
        }

        // "Defence Secretary Tom King": a one-word capitalised role right after a title and an
        // unknown capitalised word is a surname, not a second role.
        let surname = |k: usize| {
            let m: &NounMatch = &nouns[k];
            let is_agent = |m: &NounMatch| m.hits.iter().all(|h| matches!(h, NounHit::Agent { .. }));
            m.end == m.start + 1
                && is_agent(m)
                && words[m.start].capitalized
                && m.start >= 2
                && k > 0
                && nouns[k - 1].end == m.start - 1
                && is_agent(&nouns[k - 1])
                && words[m.start - 1].capitalized
                && !words[m.start - 1].punct
        };
        let names: Vec<bool> = (0..nouns.len()).map(surname).collect();
        let mut k = 0;
        nouns.retain(|_| {
            k += 1;
            !names[k - 1]
        });
        let mut in_noun = vec![false; words.len()];
        for m in &nouns {
            in_noun[m.start..m.end].fill(true);
        }
        let lexical: Vec<&Word> = words.iter().filter(|w| !w.punct).collect();
        let title_case = lexical.len() >= 3 && lexical.iter().filter(|w| w.capitalized).count() * 10 >= lexical.len() * 6;
        // The tagger's parts of speech for the whole sentence, read once when the heuristics
        // take a verb form for a noun in a caseless sentence with an actor or agent (without
        // capitals the heuristics are half blind). Mixed-case sentences tag a window around
        // each such form only: tagging whole sentences halved the speed (docs/accuracy.md).
        let mut upos: Option<Vec<Upos>> = None;
        // The words as written, sliced out of the text once a form needs the tagger.
        let mut written: Option<Vec<&str>> = None;
        let mut verbs = Vec::new();
        let mut n = 0;
        let mut i = 0;
        while i < words.len() {
            while n < nouns.len() && nouns[n].end <= i {
                n += 1;
            }
            if n < nouns.len() && nouns[n].start <= i {
                i = nouns[n].end;
                continue;
            }
            match c.verbs.longest_at(&ids, i, |_| true) {
                Some((len, entries)) => {
                    // "Venezuela finance minister": a bare form between a name and a role is
                    // part of the role's noun phrase.
                    let form = words[i + len - 1].norm.as_str();
                    let bare = !(form.ends_with('s') || form.ends_with("ed") || form.ends_with("ing"));
                    let role_after = nouns
                        .get(n)
                        .is_some_and(|m| m.start == i + len && m.hits.iter().any(|h| matches!(h, NounHit::Agent { .. })));
                    let name_before = i > 0 && (in_noun[i - 1] || words[i - 1].capitalized);
                    // "the U.S. attack on ...": a bare form between a determiner + name and a
                    // preposition (not "the Philippines and the CAR agree that").
                    let after_the_name = bare
                        && words.get(i + len).is_some_and(|w| NOUN_PREPOSITIONS.contains(&w.norm.as_str()))
                        && nouns.iter().rev().find(|m| m.end == i).is_some_and(|m| {
                            // The determiner may be one modifier away: "an anti-Gondor parade".
                            let det = (1..=2)
                                .filter(|d| m.start >= *d)
                                .find(|d| DETERMINERS.contains(&words[m.start - d].norm.as_str()));
                            let modifiers_only = det.is_some_and(|d| {
                                (m.start - d + 1..m.start).all(|k| !words[k].punct && !words[k].capitalized && !in_noun[k])
                            });
                            modifiers_only
                                && det.is_some_and(|d| {
                                    m.start - d < 1 || !matches!(words[m.start - d - 1].norm.as_str(), "and" | "or" | ",")
                                })
                                && m.hits.iter().all(|h| matches!(h, NounHit::Actor { .. }))
                        });
                    // "U.S. Treasury Butcher": a capitalised form inside a sentence is a name,
                    // unless the sentence is a title-case headline.
                    let capital_name = words[i].capitalized && i > 0 && !words[i - 1].punct && !title_case;
                    let heuristic = || {
                        noun_use(&words, i, |k| in_noun[k]) || (bare && role_after && name_before) || after_the_name || capital_name
                    };
                    // The tagger rescues verbs the heuristics take for nouns ("police on sunday
                    // arrested"); right after a determiner or possessive ("the arrested men",
                    // which UD tags VERB) the form is a noun modifier all the same. "-ing"
                    // forms after a noun are mostly reduced relatives ("the roads leading into
                    // Mordor"): the heuristics keep those. Its NOUN tags are not trusted over
                    // the heuristics: measured, they cost more events than they saved
                    // (docs/accuracy.md).
                    let mut noun_use = heuristic();
                    // Right after a determiner, possessive, preposition or number the form is a
                    // noun whatever the tag says ("the attack", "of support"): no tagging there.
                    let plainly_noun = i > 0 && {
                        let p = &words[i - 1];
                        DETERMINERS.contains(&p.norm.as_str()) || p.possessive || NOUN_PREPOSITIONS.contains(&p.norm.as_str()) || is_number(&p.norm)
                    };
                    // A rescued verb needs an actor or agent phrase before it for its subject:
                    // with none (`n == 0`: no phrase ends before the form), no tagging. (Also
                    // tagging after a subject pronoun, "they filed", cost an IPE arrest.)
                    if noun_use && use_tagger && !plainly_noun && n > 0 && !form.ends_with("ing") {
                        let forms = written.get_or_insert_with(|| written_forms(text, char_base, &words));
                        let verb_tag = if caseless {
                            let tags = upos.get_or_insert_with(|| tag_forms(forms, |t| t.to_vec()).unwrap_or_default());
                            tags.get(i + len - 1).copied()
                        } else {
                            // Mixed case: tag only a window around the form (tagging whole
                            // sentences halves the speed).
                            let from = i.saturating_sub(WINDOW);
                            let to = (i + len + WINDOW).min(words.len());
                            tag_forms(&forms[from..to], |t| t.get(i + len - 1 - from).copied()).flatten()
                        };
                        if verb_tag == Some(Upos::VERB) {
                            noun_use = false;
                        }
                    }
                    // A verb phrase must not run into an actor name.
                    let clipped = nouns.get(n).is_some_and(|m| m.start < i + len);
                    let arrest = d.verbs[*entries[0] as usize].code.as_deref() == Some(crate::sentence::IMPLICIT_POLICE_CODE);
                    let nominal = noun_use && (nominal_use(&words, i, len) || (arrest && arrest_noun(&words, i, len)));
                    if (!noun_use || nominal) && !clipped {
                        verbs.push(VerbMatch { start: i, end: i + len, entry: *entries[0], nominal });
                    }
                    i += len;
                }
                None => i += 1,
            }
        }
        let _ = d;

        let mut discard = None;
        for i in 0..words.len() {
            if let Some((len, scopes)) = c.discards.longest_at(&ids, i, |_| true) {
                let scope = if scopes.contains(&&DiscardScope::Story) { DiscardScope::Story } else { DiscardScope::Sentence };
                discard = Some((scope, i, i + len));
                if scope == DiscardScope::Story {
                    break;
                }
            }
        }
        let mut in_verb = vec![false; words.len()];
        let mut verb_start = vec![false; words.len()];
        for v in &verbs {
            in_verb[v.start..v.end].fill(true);
            verb_start[v.start] = true;
        }
        Tagged { words, ids, present, in_quote, nouns, verbs, in_noun, in_verb, verb_start, discard, tree: None, names: Vec::new() }
    }

    /// The sentence's tree, when it was parsed and covers every word.
    pub fn tree(&self) -> Option<&Tree> {
        self.tree.as_ref().filter(|tree| tree.len() == self.words.len())
    }

    /// Find `names`: runs of capitalised words no phrase covers (for `unnamed_actors` only).
    pub fn find_names(&mut self, c: &Compiled) {
        let words = &self.words;
        let caseless = caseless(words);
        // A headline capitalises its verbs and function words too ("Minister Urged To Quit"):
        // capitals mark no names there (a short sentence full of names also has many capitals).
        let headline = words
            .iter()
            .enumerate()
            .skip(1)
            .any(|(k, w)| w.capitalized && !w.upper && (self.in_verb[k] || HEADLINE_WORDS.contains(&w.norm.as_str())));
        if caseless || headline {
            return;
        }
        // A run holding a name the dictionaries know but did not take here (a short form
        // before its full name, "Un" in "Ri Un") is left alone: it is not unknown.
        let known_at = |k: usize| c.nouns.longest_at(&self.ids, k, |_| true).is_some();
        self.names = name_runs(words, &self.in_noun, &self.in_verb, known_at);
    }
}

/// Runs of capitalised words outside the actor, agent and verb phrases found ("Lagumdzija",
/// "Daniel Squadron", "DHS"), for mixed-case text, where capitals mark names. Month and day
/// names break a run: they are dates.
fn name_runs(words: &[Word], in_noun: &[bool], in_verb: &[bool], known_at: impl Fn(usize) -> bool) -> Vec<(usize, usize)> {
    let name_word =
        |k: usize| (words[k].capitalized || words[k].upper) && !words[k].punct && !in_noun[k] && !in_verb[k] && !CALENDAR.contains(&words[k].norm.as_str());
    let mut runs = Vec::new();
    let mut k = 0;
    while k < words.len() {
        if !name_word(k) {
            k += 1;
            continue;
        }
        let start = k;
        while k < words.len() && name_word(k) {
            k += 1;
            // "Holcomb's office": a possessive ends the name.
            if words[k - 1].possessive {
                break;
            }
        }
        if !(start..k).any(&known_at) {
            runs.push((start, k));
        }
    }
    runs
}

/// Function words a headline capitalises and running text does not.
const HEADLINE_WORDS: &[&str] = &["to", "of", "in", "on", "for", "with", "at", "by", "from", "as", "is", "are", "was", "were", "and", "or", "a", "an", "over", "after", "into"];

/// Month and day names (capitalised, tagged PROPN, but dates).
const CALENDAR: &[&str] = &[
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "monday", "tuesday", "wednesday",
    "thursday", "friday", "saturday", "sunday",
];

/// The words as written: slices of `text` (whose first character is document character
/// `char_base`), found in one pass; words come in text order.
fn written_forms<'t>(text: &'t str, char_base: usize, words: &[Word]) -> Vec<&'t str> {
    if text.is_ascii() {
        let at = |c: usize| (c - char_base).min(text.len());
        return words.iter().map(|w| &text[at(w.char_start)..at(w.char_end).max(at(w.char_start))]).collect();
    }
    let mut bytes = text.char_indices().map(|(b, _)| b);
    // `next` is the byte offset of document character `at`.
    let (mut at, mut next) = (char_base, bytes.next().unwrap_or(text.len()));
    let mut byte_of = |c: usize| {
        while at < c {
            next = bytes.next().unwrap_or(text.len());
            at += 1;
        }
        next
    };
    words
        .iter()
        .map(|w| {
            let (s, e) = (byte_of(w.char_start), byte_of(w.char_end));
            &text[s..e.max(s)]
        })
        .collect()
}

/// The built-in tagger's (`dyad_parse`) UPOS tags of `forms`, handed to `f` (they live in
/// the tagger's per-thread buffers); `None` for a run too long to be a sentence.
fn tag_forms<R>(forms: &[&str], f: impl FnOnce(&[Upos]) -> R) -> Option<R> {
    if forms.len() > MAX_TAGGED_WORDS {
        return None;
    }
    Some(dyad_parse::Parser::builtin().analyse(forms, false, |a| f(a.tags)))
}

/// Words on each side of a verb form that the tagger reads in mixed-case text.
const WINDOW: usize = 2;

/// Longer "sentences" (run-together tables, lists) are not tagged: the heuristics decide.
const MAX_TAGGED_WORDS: usize = 400;

/// Four-letter acronyms of actors that are also ordinary words or given names when written
/// "Care", "Aids", "Alba": only their capitals make them the acronym.
const ORDINARY_FOUR_LETTER_WORDS: &[&str] = &["care", "aids", "alba", "mena", "deva", "sana", "kuna", "suna", "wafa", "mois", "milf", "anza", "isna"];

/// Short words that coincide with acronyms of actors ("us", "who", "is", "map", "ice"): in
/// caseless text they are read as the words.
const COMMON_SHORT_WORDS: &[&str] = &[
    "us", "it", "is", "who", "in", "on", "at", "as", "an", "or", "am", "be", "do", "go", "no", "so", "to", "up", "we", "me",
    "my", "he", "if", "of", "by", "all", "can", "may", "had", "her", "his", "its", "our", "out", "via", "ran", "man", "hit",
    "aid", "war", "oil", "gas", "art", "son", "sun", "win", "top", "new", "not", "for", "are", "was", "has", "did", "get",
    "got", "let", "per", "one", "two", "six", "ten", "bad", "big", "end", "few", "set", "put", "see", "use", "way", "day",
    "say", "act", "age", "ask", "law", "car", "key", "job", "pay", "tax", "fed", "ice", "raw", "map", "tap", "spa", "nam",
    "cis", "eta", "ira", "pdf", "sdf", "npa", "adf", "idb", "and", "but", "nor", "yet", "the", "a", "i", "you", "she",
    "him", "them", "they", "our", "own", "off", "now", "how", "why", "any", "too", "ago", "far", "low", "sea", "air",
];

/// "their meeting with", "his talks with": an event noun right after a possessive pronoun and
/// right before "with".
fn nominal_use(words: &[Word], i: usize, len: usize) -> bool {
    i > 0
        && matches!(words[i - 1].norm.as_str(), "their" | "its" | "his" | "her")
        && words.get(i + len).is_some_and(|w| w.norm == "with")
}

/// "the arrest of X", "his arrest", "the arrests made by the police", "some arrests have been
/// made": the noun of an arrest that happened. Not one asked for or denied ("demanded the
/// arrest of", "a warrant for his arrest", "no arrests").
fn arrest_noun(words: &[Word], i: usize, len: usize) -> bool {
    if len != 1 || !matches!(words[i].norm.as_str(), "arrest" | "arrests") {
        return false;
    }
    let next = words.get(i + 1).map(|w| w.norm.as_str());
    let named = matches!(next, Some("of" | "made" | "were" | "have" | "had" | "has" | "was"))
        || (i > 0 && matches!(words[i - 1].norm.as_str(), "his" | "her" | "their"));
    let unreal = words[i.saturating_sub(4)..i].iter().any(|w| ARREST_NOT_MADE.contains(&w.norm.as_str()));
    named && !unreal
}

/// Words before an arrest noun that say the arrest has not happened.
const ARREST_NOT_MADE: &[&str] = &[
    "no", "without", "any", "demand", "demanded", "demanding", "demands", "call", "called", "calling", "calls", "seek",
    "sought", "seeking", "seeks", "urge", "urged", "urging", "order", "ordered", "ordering", "orders", "warrant",
    "warrants", "want", "wanted", "wants", "press", "pressed", "pressing", "for", "avoid", "avoided", "evade", "evaded",
    "escape", "escaped", "resist", "resisted", "fear", "feared", "fearing", "threat", "threatened", "possible", "imminent",
];

/// A sentence written without any capital (a lower-cased archive).
fn caseless(words: &[Word]) -> bool {
    !words.iter().any(|w| w.capitalized || w.upper)
}

/// Prepositions (not "to"): a verb form right after one, or after one and an adjective, is a
/// noun ("of great support", "in an accord").
const NOUN_PREPOSITIONS: &[&str] =
    &["of", "in", "on", "at", "with", "for", "from", "by", "about", "against", "over", "without", "under"];

/// Is the verb form at `i` used as a noun? After a determiner or possessive ("an attack",
/// "Russia's support"), or after a preposition or determiner and one unknown word
/// ("of great support", "urgent issues").
fn noun_use(words: &[Word], i: usize, in_noun: impl Fn(usize) -> bool) -> bool {
    if i == 0 {
        return false;
    }
    let prev = &words[i - 1];
    let p = prev.norm.as_str();
    // "Moon Jae-in criticized": the last word of a name is not a preposition.
    if in_noun(i - 1) && !prev.possessive {
        return false;
    }
    if DETERMINERS.contains(&p) || NOUN_PREPOSITIONS.contains(&p) || prev.possessive {
        return true;
    }
    // "urgent issues", "a brief private visit", "an 800 million ducat trade protocol": up to
    // three unknown lowercase words (adjectives, numbers) after a determiner or preposition.
    let unknown_modifier = |k: usize| {
        let w = &words[k];
        !w.punct
            && !w.capitalized
            && !in_noun(k)
            && !FUNCTION_WORDS.contains(&w.norm.as_str())
            && !DETERMINERS.contains(&w.norm.as_str())
            && !NOUN_PREPOSITIONS.contains(&w.norm.as_str())
            && !is_number(&w.norm)
            && !w.norm.ends_with("ed")
            && !TIME_WORDS.contains(&w.norm.as_str())
    };
    // "its allies demanded", "the soldiers attacked": a past form after a plural noun is the
    // noun's verb, not a compound noun.
    let plural = |w: &Word| w.norm.len() > 3 && w.norm.ends_with('s') && !w.norm.ends_with("ss");
    if words[i].norm.ends_with("ed") && plural(prev) && unknown_modifier(i - 1) {
        return false;
    }
    let mut k = i;
    while k > 0 && i - k < 3 && unknown_modifier(k - 1) {
        k -= 1;
    }
    // "Iranian missile attack": modifiers after a country adjective make a compound noun.
    if k > 0
        && k + 1 == i
        && in_noun(k - 1)
        && !words[k - 1].possessive
        && !words[i].norm.ends_with('s')
        && !words[i].norm.ends_with("ed")
    {
        return true;
    }
    if k < i && k > 0 {
        let before = words[k - 1].norm.as_str();
        if DETERMINERS.contains(&before) || NOUN_PREPOSITIONS.contains(&before) || is_number(before) {
            return true;
        }
    }
    if is_number(p) {
        return true;
    }
    // "very close", "too late": an adverb of degree makes the form an adjective.
    if matches!(p, "very" | "too" | "so" | "more" | "most" | "less") {
        return true;
    }
    unknown_modifier(i - 1) && ["al", "ent", "ant", "ive", "ic", "ous"].iter().any(|s| p.ends_with(s))
}

/// Days and times: "police on sunday arrested" (a caseless archive) is a verb after a date,
/// not a noun after a preposition and a modifier.
const TIME_WORDS: &[&str] = &[
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "yesterday", "today", "tonight",
    "morning", "evening", "night", "afternoon", "week", "weekend", "month", "year", "later", "earlier",
];

/// Words that are never adjectives in front of a noun.
const FUNCTION_WORDS: &[&str] = &[
    "and", "or", "but", "to", "not", "be", "is", "are", "was", "were", "been", "being", "has", "have", "had", "will", "would",
    "can", "could", "should", "may", "might", "must", "shall", "did", "does", "do", "that", "which", "who", "it", "he", "she",
    "they", "we", "i", "you", "also", "then", "now", "just", "again",
];

pub(crate) fn is_number(w: &str) -> bool {
    w.chars().any(|c| c.is_ascii_digit()) && w.chars().all(|c| c.is_ascii_digit() || c == '.' || c == ',')
        || matches!(
            w,
            "two"
                | "three"
                | "four"
                | "five"
                | "six"
                | "seven"
                | "eight"
                | "nine"
                | "ten"
                | "several"
                | "many"
                | "some"
                | "all"
                | "both"
        )
}
