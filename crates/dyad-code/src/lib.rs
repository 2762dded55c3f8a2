//! The coding engine: dictionaries compiled into matchers (`compile`), and raw sentences coded
//! into CAMEO events with evidence.
//!
//! Pipeline for one sentence (each step its own module):
//! `normalize` (words) → `tag` (actor, agent, verb phrases) → `tree` (the dependency parse,
//! for sentences that can make an event) → `mention` (noun phrases of the tree,
//! compounds, composed codes) → `coref` (pronouns, short names, quotations) → `pattern` +
//! `clause` (which pattern, who is source and target) → `modality` (negation, intent) →
//! `event` (the `Event` records). See docs/coding.md.

mod clause;
pub mod compile;
pub mod context;
mod coref;
mod event;
mod explain;
mod mention;
mod modality;
pub mod normalize;
mod pattern;
mod sentence;
mod tag;
pub mod tree;
pub mod validation;
mod when;

pub use explain::Explanation;
pub use modality::intent_code;

use compile::Compiled;
use dyad_dict::{Dictionaries, DiscardScope};
use dyad_doc::{Document, Event};

/// Compiled dictionaries, ready to code documents. Cheap to share between threads.
pub struct Coder {
    dicts: Dictionaries,
    compiled: Compiled,
    options: CoderOptions,
}

/// Coding conventions that differ between dyad's own dictionaries and PETRARCH/TABARI ones.
/// `Coder::new` picks them from the dictionaries' format (`CoderOptions::for_dictionaries`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct CoderOptions {
    /// Make events with an empty target (`""`, GDELT's empty Actor2) for codes whose meaning
    /// needs none ("declined to comment", "resigned", "launched war games"): see
    /// `sentence::targetless_code`. PETRARCH's suite expects none of them.
    pub targetless: bool,
    /// "will" before a verb is an intention like "would" ("Finland will give a grant" → 0331),
    /// and "refused/declined/failed to VERB" is a rejection (12x) rather than no event.
    /// PETRARCH codes "will meet" as a meeting and a refusal only through its patterns.
    pub dyad_modality: bool,
    /// Let the built-in tagger (`dyad_parse`) rescue verb forms the word-window heuristics
    /// take for nouns ("police in ahmedabad arrested", "A man died").
    pub tagger: bool,
    /// Read places with the built-in gazetteer (`dyad_geo`): a place right before an agent
    /// gives it a country ("ahmedabad police" → INDCOP), and so does a dateline place the
    /// dictionaries do not know (`context.rs`).
    pub places: bool,
    /// A proper name no dictionary knows, as a verb's subject, object or agent in the tree, is
    /// an actor coded `---` (`mention::add_unnamed`): "Lagumdzija suspended aid to Sarajevo"
    /// is `---` → BIH. PETRARCH drops such events.
    pub unnamed_actors: bool,
    /// Before the story has named a country, an agent without one may take a country its own
    /// sentence names ("Nigerian police arrested opposition leaders": NGAOPP), as a reader
    /// does (`StoryContext::country_with`). PETRARCH leaves such agents without a country.
    pub sentence_country: bool,
}

impl CoderOptions {
    /// dyad's conventions for dictionaries in dyad's format (verbs read from `verbs/*.txt`),
    /// PETRARCH's for the others.
    pub fn for_dictionaries(d: &Dictionaries) -> Self {
        let dyad = !d.verbs.is_empty()
            && d.verbs.iter().all(|v| {
                dyad_dict::load::detect(std::path::Path::new(&v.at.file), "")
                    .is_some_and(|k| k.format == dyad_dict::Format::Dyad)
            });
        CoderOptions { targetless: dyad, dyad_modality: dyad, tagger: true, places: true, unnamed_actors: dyad, sentence_country: dyad }
    }
}

impl Coder {
    /// Compile the dictionaries (see `dyad bench code` for how long this takes).
    pub fn new(dicts: &Dictionaries) -> Self {
        Self::with_options(dicts, CoderOptions::for_dictionaries(dicts))
    }

    pub fn with_options(dicts: &Dictionaries, options: CoderOptions) -> Self {
        Coder { dicts: dicts.clone(), compiled: Compiled::new(dicts), options }
    }

    pub fn options(&self) -> CoderOptions {
        self.options
    }

    pub fn dictionaries(&self) -> &Dictionaries {
        &self.dicts
    }

    /// Code a segmented document. Events come in sentence order, then verb order.
    pub fn code_document(&self, doc: &Document) -> Vec<Event> {
        self.code_document_parsed(doc).0
    }

    /// The same, with the parses (over the document's tokens) of the sentences that made
    /// events, for later stages that read the tree (`dyad_geo::locate_events_parsed`).
    pub fn code_document_parsed(&self, doc: &Document) -> (Vec<Event>, dyad_parse::SentenceParses) {
        let mut parses = dyad_parse::SentenceParses::default();
        let mut memory = coref::Memory::default();
        let mut story = context::StoryContext::new(&self.compiled, &self.dicts, self.options, doc);
        let mut places = context::Places::new(self.options);
        let mut events = Vec::new();
        for (i, s) in doc.sentences.iter().enumerate() {
            if too_long(s) {
                continue;
            }
            let mut a = sentence::analyse(&self.compiled, &self.dicts, self.options, doc, s, &mut memory, false);
            if a.discard == Some(DiscardScope::Story) {
                return (Vec::new(), dyad_parse::SentenceParses::default());
            }
            places.give_agents_places(doc, i, &a.tagged, &mut a.mentions);
            // The story's country is read only for a sentence with an agent lacking one.
            let needs = a.needs_country();
            let country = |roles: &[usize]| if needs { self.story_country(&story, &a, roles) } else { None };
            let before = events.len();
            events.extend(event::events(&self.dicts, doc, i, s, &a, &country, self.options.targetless));
            story.observe(&self.compiled, &a.mentions);
            if events.len() > before {
                if let Some(tokens) = a.tagged.tree.as_mut().and_then(|t| t.tokens.take()) {
                    parses.insert(i, tokens);
                }
            }
        }
        (events, parses)
    }

    /// The story's country for the agents without one of an event whose roles are the mentions
    /// `roles` (`CoderOptions::sentence_country`).
    fn story_country(&self, story: &context::StoryContext, a: &sentence::Analysis, roles: &[usize]) -> Option<context::StoryCountry> {
        if self.options.sentence_country {
            story.country_with(&self.compiled, &a.mentions, roles)
        } else {
            story.country()
        }
    }

    /// Code one sentence of a document and keep every step, for `dyad explain`.
    pub fn explain(&self, doc: &Document, sentence: usize) -> Explanation {
        let mut memory = coref::Memory::default();
        let mut story = context::StoryContext::new(&self.compiled, &self.dicts, self.options, doc);
        let mut places = context::Places::new(self.options);
        // Earlier sentences set up names, speakers and the story's country the explained
        // sentence may refer to.
        for (i, s) in doc.sentences.iter().enumerate().take(sentence) {
            let mut a = sentence::analyse(&self.compiled, &self.dicts, self.options, doc, s, &mut memory, false);
            places.give_agents_places(doc, i, &a.tagged, &mut a.mentions);
            story.observe(&self.compiled, &a.mentions);
        }
        let Some(s) = doc.sentences.get(sentence) else {
            return Explanation::empty(sentence, doc.sentences.len());
        };
        let mut a = sentence::analyse(&self.compiled, &self.dicts, self.options, doc, s, &mut memory, true);
        places.give_agents_places(doc, sentence, &a.tagged, &mut a.mentions);
        if too_long(s) {
            let mut e = Explanation::new(&self.dicts, doc, sentence, a, Vec::new());
            e.discard = Some(format!(
                "not coded: {} tokens, more than {MAX_SENTENCE_TOKENS} (a run-together table or list, not a sentence)",
                s.token_end - s.token_start
            ));
            return e;
        }
        let country = |roles: &[usize]| self.story_country(&story, &a, roles);
        let events = event::events(&self.dicts, doc, sentence, s, &a, &country, self.options.targetless);
        Explanation::new(&self.dicts, doc, sentence, a, events)
    }

    /// What a name resolves to through the same matcher: the actor and agent phrases found in
    /// `text`, longest first, with entries (for `dyad dict who`).
    pub fn lookup(&self, text: &str) -> Vec<NameMatch> {
        let words = normalize::split_words(text, 0);
        let ids: Vec<u32> = words.iter().map(|w| self.compiled.vocab.get(&w.norm)).collect();
        let mut out = Vec::new();
        let mut i = 0;
        while i < ids.len() {
            match self.compiled.nouns.longest_at(&ids, i, |_| true) {
                Some((len, hits)) => {
                    let phrase =
                        text.chars().skip(words[i].char_start).take(words[i + len - 1].char_end - words[i].char_start).collect();
                    for h in hits {
                        out.push(match h {
                            compile::NounHit::Actor { entry, kind, code, .. } => NameMatch {
                                phrase: String::clone(&phrase),
                                actor: Some(*entry as usize),
                                agent: None,
                                kind: format!("{kind:?}").to_lowercase(),
                                code_override: code.clone(),
                            },
                            compile::NounHit::Agent { entry } => NameMatch {
                                phrase: String::clone(&phrase),
                                actor: None,
                                agent: Some(*entry as usize),
                                kind: "agent".into(),
                                code_override: None,
                            },
                        });
                    }
                    i += len;
                }
                None => i += 1,
            }
        }
        out
    }

    /// The actor mentions in `text` with their composed codes on `date`, as the coder builds
    /// them ("Russian President" → RUSGOV), for `dyad dict who`. Short forms match as if their
    /// full name had appeared.
    pub fn resolve(&self, text: &str, date: Option<chrono::NaiveDate>) -> Vec<(String, Vec<String>)> {
        let seen = (0..self.dicts.actors.len() as u32).collect();
        let mut t = tag::Tagged::new(&self.compiled, &self.dicts, text, 0, date, &seen, false);
        // Noun phrases come from the tree, as in coding.
        t.tree = tree::Tree::parse_with_names(text, 0, None, &t.words, &t.names_for_parser());
        mention::build(&t, &self.dicts, date)
            .iter()
            .map(|m| {
                let (a, b) = (t.words[m.start].char_start, t.words[m.end - 1].char_end);
                (text.chars().skip(a).take(b - a).collect(), m.codes())
            })
            .collect()
    }

    /// Sizes of the compiled matchers: (vocabulary words, noun phrases, verb forms, patterns).
    pub fn stats(&self) -> (usize, usize, usize, usize) {
        let c = &self.compiled;
        (c.vocab.len(), c.nouns.phrases(), c.verbs.phrases(), c.patterns.iter().map(Vec::len).sum())
    }
}

/// Sentences longer than this (in tokens) make no events: news sentences are far shorter, and
/// longer "sentences" are run-together tables, lists or junk whose word windows code nonsense.
pub const MAX_SENTENCE_TOKENS: usize = 300;

fn too_long(s: &dyad_doc::Sentence) -> bool {
    s.token_end.saturating_sub(s.token_start) > MAX_SENTENCE_TOKENS
}

/// A phrase of a looked-up name and the dictionary entry it matched.
#[derive(Clone, Debug)]
pub struct NameMatch {
    pub phrase: String,
    /// Index into `Dictionaries::actors`.
    pub actor: Option<usize>,
    /// Index into `Dictionaries::agents`.
    pub agent: Option<usize>,
    /// name, adjective, seat, short or agent.
    pub kind: String,
    /// The name's own code, when it has one ("the Kremlin [RUSGOV]").
    pub code_override: Option<String>,
}
