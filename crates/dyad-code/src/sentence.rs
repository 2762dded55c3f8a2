//! Coding one sentence: tag it, build actor mentions, resolve references, then for each verb
//! choose a pattern, find source and target, apply voice and modality. The result keeps every
//! decision so `dyad explain` can show why an event was (or was not) made.

use crate::clause;
use crate::compile::Compiled;
use crate::coref::Memory;
use crate::mention::{self, Mention};
use crate::modality::{self, Modality};
use crate::pattern::{self, PatternMatch};
use crate::tag::{Tagged, VerbMatch};
use crate::CoderOptions;
use crate::tree::Tree;
use dyad_doc::{Document, Sentence};
use dyad_dict::{ActorKind, Dictionaries, DiscardScope};

/// A pattern of the verb that matched, with its specificity.
#[derive(Clone, Debug)]
pub struct Candidate {
    pub pattern: usize,
    pub weight: usize,
    pub matched: PatternMatch,
}

/// One event-to-be: codes and the mentions that fill its roles.
#[derive(Clone, Debug)]
pub struct Coding {
    pub code: Option<String>,
    pub reverse_code: Option<String>,
    pub source: Option<usize>,
    pub target: Option<usize>,
    /// No source in the text, but the police are implied: an agentless passive of an arrest
    /// ("50 persons were arrested"), coded as ICEWS does with the story's police as source.
    pub implicit_police: bool,
    /// How the source and target were found ("pattern", "subject before the verb", "nsubj
    /// (tree)", ...), for `dyad explain`.
    pub source_via: Option<&'static str>,
    pub target_via: Option<&'static str>,
}

/// The first of `finders` that finds a mention, with the finder's name.
fn first_found(finders: &[(&'static str, &dyn Fn() -> Option<usize>)]) -> Option<(usize, &'static str)> {
    finders.iter().find_map(|(how, find)| find().map(|m| (m, *how)))
}

#[derive(Clone, Debug)]
pub struct VerbDecision {
    pub verb: VerbMatch,
    pub candidates: Vec<Candidate>,
    /// Index into `candidates` of the pattern that won.
    pub chosen: Option<usize>,
    pub passive: bool,
    pub modality: Modality,
    pub coding: Coding,
    /// Why no event came from this verb, when none did.
    pub skipped: Option<SkipReason>,
}

pub struct Analysis {
    pub tagged: Tagged,
    pub mentions: Vec<Mention>,
    pub decisions: Vec<VerbDecision>,
    pub discard: Option<DiscardScope>,
}

impl Analysis {
    /// Whether some code of the sentence lacks a country (`---COP`, the implicit police), so
    /// that its events need the story's.
    pub fn needs_country(&self) -> bool {
        self.decisions.iter().any(|d| d.coding.implicit_police)
            || self.mentions.iter().flat_map(|m| &m.units).flat_map(|u| &u.codes).any(|c| crate::context::lacks_country(c))
    }
}

#[allow(clippy::too_many_arguments)]
pub fn analyse(
    c: &Compiled,
    d: &Dictionaries,
    options: CoderOptions,
    doc: &Document,
    s: &Sentence,
    memory: &mut Memory,
    explain: bool,
) -> Analysis {
    let (text, char_base, date) = (doc.sentence_text(s), s.char_start, doc.date);
    let mut tagged = Tagged::new(c, d, text, char_base, date, &memory.seen, options.tagger);
    if options.unnamed_actors {
        tagged.find_names(c);
    }
    // Only a sentence that can make an event is parsed (`may_code`), and only when coding it
    // on its words alone makes one or comes near (`tree_may_matter`): parsing is most of the
    // coder's time. With `unnamed_actors`, a name no dictionary knows becomes an actor only
    // through the tree, so a sentence with one is parsed without a trial. `dyad explain`
    // follows the same rules, so that it shows what `dyad code` does.
    if !may_code(c, d, options, &tagged) {
        return code_tagged(c, d, options, doc, tagged, memory, explain);
    }
    let parse = |mut tagged: Tagged| {
        let tokens = doc.tokens.get(s.token_start..s.token_end).unwrap_or(&[]);
        let names = tagged.names_for_parser();
        tagged.tree = Tree::parse_with_names(text, char_base, Some((&doc.text, tokens)), &tagged.words, &names);
        tagged
    };
    if options.unnamed_actors && !tagged.names.is_empty() {
        return code_tagged(c, d, options, doc, parse(tagged), memory, explain);
    }
    let mut trial_memory = memory.clone();
    let trial = code_tagged(c, d, options, doc, tagged, &mut trial_memory, explain);
    if !tree_may_matter(options, &trial) {
        *memory = trial_memory;
        return trial;
    }
    code_tagged(c, d, options, doc, parse(trial.tagged), memory, explain)
}

/// The mentions and verb decisions of a tagged (and perhaps parsed) sentence.
fn code_tagged(c: &Compiled, d: &Dictionaries, options: CoderOptions, doc: &Document, tagged: Tagged, memory: &mut Memory, explain: bool) -> Analysis {
    let date = doc.date;
    let mut mentions = mention::build(&tagged, d, date);
    memory.resolve(&tagged, &mut mentions, |e| d.actors[e as usize].kind == ActorKind::Person, &c.countries);
    // "the country" with no country named before it stands for nothing: not an actor.
    mentions.retain(|m| !m.units.iter().all(|u| u.definite && u.codes.is_empty()));
    // "they" with no group named before stands for nothing: not an actor (and no subject).
    mentions.retain(|m| !m.units.iter().all(|u| matches!(u.pronoun.as_deref(), Some("they" | "them")) && u.codes.is_empty()));
    // Names no dictionary knows, after coreference: no pronoun stands for them.
    if options.unnamed_actors {
        mention::add_unnamed(&tagged, &mut mentions);
    }
    let discard = tagged.discard.map(|(s, _, _)| s);
    // Without any actor no verb can make an event, except an agentless passive arrest (the
    // police are implicit): skip pattern matching otherwise (unless explaining).
    let may_arrest = || {
        tagged.verbs.iter().any(|v| {
            let e = &d.verbs[v.entry as usize];
            e.code.as_deref() == Some(IMPLICIT_POLICE_CODE)
                || e.patterns.iter().any(|p| p.code.as_deref() == Some(IMPLICIT_POLICE_CODE))
        })
    };
    let decisions = if discard.is_some() || (!explain && mentions.is_empty() && !may_arrest()) {
        Vec::new()
    } else {
        // Event nouns ("their meeting with") follow dyad's conventions only.
        let mut decisions: Vec<VerbDecision> = Vec::new();
        for v in tagged.verbs.iter().filter(|v| !v.nominal || options.targetless) {
            // "Putin congratulated Xi ... and invited him": a verb right after "and" shares the
            // subject of the verb before it (coordinated predicates).
            let shared = decisions.last().filter(|p| coordinated(&tagged, &p.verb, v)).and_then(|p| {
                if p.passive {
                    None
                } else {
                    p.coding.source
                }
            });
            decisions.push(decide(c, d, options, &tagged, &mentions, v, shared));
        }
        decisions
    };
    Analysis { tagged, mentions, decisions, discard }
}

/// Whether parsing can change what coding a sentence on its words alone gave, judged from
/// that coding (`trial`): some verb made an event (the tree refines its mentions and
/// arguments), or a verb with a code lacked only a source or a target while an actor stands on
/// the side the tree would take that role from (the subject before an active verb, and, with
/// PETRARCH's conventions, not after a preposition; the object or agent after it; the other
/// way round in the passive), or an arrest lacked its source (a reduced relative may make
/// its police implicit). With `targetless`, a target may also be another actor on the
/// source's side (the tree joins "Czechia and China" into a
/// compound subject that acts on itself). A verb without a code, a negated one or a bare
/// statement makes no event with the tree either.
fn tree_may_matter(options: CoderOptions, trial: &Analysis) -> bool {
    trial.decisions.iter().any(|dec| {
        let Some(why) = &dec.skipped else { return true };
        let Some(missing) = why.missing_role() else { return false };
        let no_source = missing == Role::Source;
        let no_target = missing == Role::Target;
        if dec.coding.code.is_none() && dec.coding.reverse_code.is_none() {
            return false;
        }
        // An arrest with no source may be a reduced relative ("persons arrested in the
        // state"), whose police the tree makes implicit.
        if no_source && dec.coding.code.as_deref() == Some(IMPLICIT_POLICE_CODE) {
            return true;
        }
        // The role's side: before the verb for an active subject or a passive's target.
        let before = no_source != dec.passive;
        let either = no_target && options.targetless;
        let taken = |k: usize| Some(k) == dec.coding.source || Some(k) == dec.coding.target;
        // An active verb's subject is not the object of a preposition, unless the tree says so
        // ("In recent years the Taliban have carried out attacks") or it names the doer of a
        // force verb's subject ("a bombing by X killed"), which dyad's conventions look for.
        let subject = no_source && !dec.passive && !options.targetless;
        trial.mentions.iter().enumerate().any(|(k, m)| {
            !taken(k)
                && (either || if before { m.end <= dec.verb.start } else { m.start >= dec.verb.end })
                && !(subject && clause::governed_by_preposition(&trial.tagged, m))
        })
    })
}

/// Whether the sentence can make an event at all, judged from its dictionary matches alone:
/// a verb whose own code is more than a bare statement, or one of whose coded patterns has
/// its words in the sentence; and actors enough for a source and a target (one, when the
/// code may go without a target or the verb may be an agentless arrest).
fn may_code(c: &Compiled, d: &Dictionaries, options: CoderOptions, t: &Tagged) -> bool {
    if t.nouns.is_empty() && !options.targetless {
        return false;
    }
    t.verbs.iter().any(|v| {
        let e = &d.verbs[v.entry as usize];
        let coded = |code: &Option<String>| code.as_deref().is_some_and(|c| !c.starts_with("01"));
        let own = coded(&e.code) || coded(&e.reverse_code);
        let patterned = || {
            c.patterns[v.entry as usize].iter().any(|p| {
                let pe = &e.patterns[p.index];
                (pe.code.is_some() || pe.reverse_code.is_some())
                    && p.required.iter().all(|firsts| firsts.iter().any(|w| t.present.contains(w)))
            })
        };
        let arrest = || {
            e.code.as_deref() == Some(IMPLICIT_POLICE_CODE) || e.patterns.iter().any(|p| p.code.as_deref() == Some(IMPLICIT_POLICE_CODE))
        };
        // A name no dictionary knows may fill a role beside a known actor.
        let known = t.nouns.len();
        let names = if options.unnamed_actors && known > 0 { t.names.len() } else { 0 };
        let actors = known + names >= 2 || (options.targetless && known > 0) || arrest();
        actors && (own || patterned())
    })
}

/// Whether `v` is coordinated with the verb `prev` before it: "and" (or ", and", "and then")
/// right before `v`, with no other verb, clause word or quotation between them.
fn coordinated(t: &Tagged, prev: &VerbMatch, v: &VerbMatch) -> bool {
    if prev.nominal || v.nominal || v.start < 1 || prev.end > v.start {
        return false;
    }
    let mut k = v.start - 1;
    if t.words[k].norm == "then" && k > 0 {
        k -= 1;
    }
    if t.words[k].norm != "and" {
        return false;
    }
    (prev.end..k).all(|j| {
        let w = &t.words[j];
        !t.verb_start[j] && !(w.punct && matches!(w.norm.as_str(), ";" | ":" | "\"")) && !matches!(w.norm.as_str(), "who" | "which" | "that" | "when" | "while" | "after" | "before" | "because")
    })
}

#[allow(clippy::too_many_arguments)]
fn decide(
    c: &Compiled,
    d: &Dictionaries,
    options: CoderOptions,
    t: &Tagged,
    mentions: &[Mention],
    v: &VerbMatch,
    shared_subject: Option<usize>,
) -> VerbDecision {
    let entry = &d.verbs[v.entry as usize];
    // A reduced relative ("persons arrested in the state") is a passive of the noun it
    // modifies.
    let written_passive = !v.nominal && clause::is_passive(t, v);
    let reduced = if v.nominal || written_passive { None } else { clause::reduced_relative(t, v) };
    let passive = written_passive || reduced.is_some();
    let mut candidates = Vec::new();
    for p in &c.patterns[v.entry as usize] {
        // "+ * by $" reads a passive: with an active verb its "by" is another verb's ("Canada
        // criticized the rebels detained by Peru").
        if !passive && p.passive {
            continue;
        }
        if let Some(matched) = pattern::try_match(t, mentions, p, v) {
            candidates.push(Candidate { pattern: p.index, weight: p.weight, matched });
        }
    }
    // Most specific wins; among equals, the one written first.
    let chosen = candidates
        .iter()
        .enumerate()
        .max_by(|a, b| a.1.weight.cmp(&b.1.weight).then(b.1.pattern.cmp(&a.1.pattern)))
        .map(|(i, _)| i);
    let none = PatternMatch::default();
    let matched = chosen.map(|i| &candidates[i].matched).unwrap_or(&none);
    let (code, mut reverse_code) = match chosen {
        Some(i) => {
            let p = &entry.patterns[candidates[i].pattern];
            (p.code.clone(), p.reverse_code.clone())
        }
        None => (entry.code.clone(), entry.reverse_code.clone()),
    };
    let passive_subject = || match (reduced, t.tree.as_ref()) {
        (Some(noun), Some(tree)) => clause::mention_of_word(t, tree, mentions, noun).map(|m| (m, "the noun the participle modifies (tree)")),
        _ => clause::subject(t, mentions, v.start).map(|m| (m, "the passive's subject")),
    };
    let mut source = matched.source;
    let mut target = matched.target;
    let mut source_via = source.map(|_| "pattern");
    let mut target_via = target.map(|_| "pattern");
    let split = |found: Option<(usize, &'static str)>| (found.map(|f| f.0), found.map(|f| f.1));
    let force = code.as_deref().is_some_and(force_code);
    let after = v.end;
    let arrest_noun = v.nominal && code.as_deref() == Some(IMPLICIT_POLICE_CODE);
    if arrest_noun {
        // "the arrests made by the police", "the arrest of X", "his arrest": the arrester
        // follows "by" (else it is implicit, below); the arrested follow "of" or own the noun.
        if source.is_none() {
            (source, source_via) = split(clause::passive_agent(t, mentions, after).map(|m| (m, "the arrest's agent (by ...)")));
        }
        // A pattern's "+" reads past the noun ("some arrests have been made and people
        // booked"): only the noun's own phrase names the arrested.
        let owner = mentions.iter().position(|m| m.end == v.start).map(|m| (m, "the arrest noun's owner"));
        let of = || clause::of_object(t, mentions, after).map(|m| (m, "the arrested, after \"of\""));
        (target, target_via) = split(owner.or_else(of).filter(|(m, _)| Some(*m) != source));
    } else if v.nominal {
        // "after their meeting with Kim": the pronoun's owner is the nearest actor before it
        // in the sentence; the object after "with" is the target.
        if source.is_none() {
            (source, source_via) = split(mentions.iter().rposition(|m| m.end < v.start).map(|m| (m, "the nearest actor before the noun")));
        }
        if target.is_none() {
            (target, target_via) = split(clause::object(t, mentions, after, source).map(|m| (m, "object after the noun")));
        }
    } else if passive {
        // "X was attacked by Y": Y acts on X. "killed in an Israeli air strike": the act's
        // owner is the agent, not a target a pattern's "+" took after the verb.
        if source.is_none() {
            (source, source_via) = split(first_found(&[
                ("the passive's agent (by ...)", &|| clause::passive_agent(t, mentions, after)),
                ("the owner of the armed act", &|| clause::act_agent(t, mentions, after)),
                ("the doer of the force in the \"when\" clause", &|| {
                    clause::when_clause_doer(t, mentions, after, |w| force && is_force_entry(&d.verbs[w.entry as usize]))
                }),
            ]));
            if source_via == Some("the owner of the armed act") && target == source {
                (target, target_via) = (None, None);
            }
        }
        if target.is_none() {
            (target, target_via) = split(passive_subject().filter(|(s, _)| Some(*s) != source));
        }
    } else {
        if source.is_none() {
            (source, source_via) = split(
                first_found(&[
                    ("shared with the coordinated verb before", &|| shared_subject),
                    ("the speaker of the reporting verb (tree)", &|| clause::reported_speaker(t, mentions, v)),
                    ("subject before the verb", &|| clause::subject(t, mentions, v.start)),
                    ("nsubj (tree)", &|| clause::tree_subject(t, mentions, v, force)),
                ])
                .filter(|(s, _)| Some(*s) != target),
            );
        }
        if target.is_none() {
            (target, target_via) = split(first_found(&[
                ("object after the verb", &|| clause::object(t, mentions, after, source)),
                ("obj (tree)", &|| clause::tree_object(t, mentions, v, source)),
            ]));
        }
        // "Gondor and Osgiliath renewed ties": a compound subject acts on itself.
        // PETRARCH marks such patterns with `%` ("% * [030:030]").
        let marked =
            chosen.is_some_and(|i| entry.patterns[candidates[i].pattern].text.split_whitespace().any(|w| w.starts_with('%')));
        // "Czechia and China signed an agreement": with a symmetric verb (meet, sign, cooperate,
        // fight) each member of a compound subject acts on the others.
        let symmetric = options.targetless && code.as_deref().is_some_and(|c| symmetric_code(c, &entry.lemmas));
        if target.is_none()
            && source.is_some_and(|s| mentions[s].units.len() > 1)
            && (marked || symmetric || clause::reciprocal(t, after))
        {
            (target, target_via) = (source, Some("the compound subject's other members"));
        }
        // "VHP activists and the district police clashed": the members are two phrases; each
        // acts on the other (not when they act together on an object: "A and B met
        // supporters").
        // (An object the pattern names is the act's own: "A and B signed an agreement".)
        let compiled = &c.patterns[v.entry as usize];
        let pattern_object = candidates.iter().any(|k| compiled.iter().any(|p| p.index == k.pattern && p.names_object));
        if (marked || symmetric) && reverse_code.is_none() && (pattern_object || !object_follows(t, v)) {
            let partner = source.and_then(|s| clause::coordinated_partner(t, mentions, s));
            // A pattern may have taken the partner as target already ("+ and $ *"): the
            // symmetric act goes both ways all the same.
            if target.is_none() || target == partner {
                if let Some(p) = partner {
                    (target, target_via) = (Some(p), target_via.or(Some("the other member of the coordinated subject")));
                    reverse_code = code.clone();
                }
            }
        }
    }
    // "Iraqi Kurds demonstrated in Baghdad": an actor acting in its own place does not act on
    // itself (the pair would be dropped); the place is no target, and the event is kept without
    // one when its code allows. "Peruvian students ... in Lima" (PEREDU, PER) keeps its target.
    if options.targetless && !passive && source != target {
        if let (Some(s), Some(o)) = (source, target) {
            let same = mentions[o].codes().iter().all(|c| mentions[s].codes().contains(c));
            if same && code.as_deref().is_some_and(targetless_code) && reverse_code.is_none() {
                (target, target_via) = (None, None);
            }
        }
    }
    let modality = modality::of_verb(t, v, matched, options.dyad_modality);
    // "50 persons were arrested": nobody but the police arrests; the source is implicit.
    let implicit_police = (passive || arrest_noun)
        && source.is_none()
        && reverse_code.is_none()
        && code.as_deref().is_some_and(|c| c == IMPLICIT_POLICE_CODE)
        && !nobody_before(t, v.start);
    if implicit_police && !arrest_noun {
        // The arrested are the passive's subject; a mention after the verb ("..., a police
        // officer said") is not.
        (target, target_via) = split(passive_subject());
    }
    let mut coding = Coding { code, reverse_code, source, target, implicit_police, source_via, target_via };
    // Force without an actor as target still needs victims in the text: "killed two persons",
    // "two persons were killed" (the passive's subject), not "attacked on Monday"; and mutual
    // fighting ("fought shoulder to shoulder with", "clashed") needs the other side.
    let mutual = entry.lemmas.iter().any(|l| matches!(l.as_str(), "fight" | "clash" | "battle"));
    // A pattern without a target slot, or a verb with its object built in, names the act
    // itself: "fired five rounds", "opened fire", "killed in police firing".
    let act_named = v.end - v.start > 1
        || chosen.is_some_and(|i| !entry.patterns[candidates[i].pattern].text.split_whitespace().any(|w| w == "+"));
    let uncoded_victims = !mutual && (passive || act_named || object_follows(t, v));
    let skipped = skip_reason(&mut coding, &modality, chosen.is_some(), passive, options, uncoded_victims);
    VerbDecision { verb: v.clone(), candidates, chosen, passive, modality, coding, skipped }
}

/// A CAMEO code of force: roots 18–20 (assault, fight, mass violence).
pub fn force_code(code: &str) -> bool {
    matches!(code.get(..2), Some("18" | "19" | "20"))
}

/// A verb whose code or one of whose patterns' codes is force: "fire", "shoot", "attack".
fn is_force_entry(e: &dyad_dict::VerbEntry) -> bool {
    let force = |c: &Option<String>| c.as_deref().is_some_and(force_code);
    force(&e.code) || e.patterns.iter().any(|p| force(&p.code))
}

/// Why a verb made no event.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SkipReason {
    /// The chosen pattern's code is `---`.
    NullPattern,
    /// No pattern matched and the verb's own code is `---`.
    NoCode,
    /// A statement verb (01) with no pattern.
    BareStatement,
    /// Negated by the word given.
    Negated(String),
    /// Refused ("declined to"), for a code with no CAMEO rejection code.
    NoRejectionCode(String),
    /// An intention, for a code with no CAMEO intent code.
    NoIntentCode(String),
    /// A passive with no agent.
    NoAgent,
    /// An active verb with no source.
    NoSource,
    /// No target, for a code that needs one.
    NoTarget,
}

impl SkipReason {
    /// The role that is missing, if that is the reason: a tree may find it.
    fn missing_role(&self) -> Option<Role> {
        match self {
            SkipReason::NoAgent | SkipReason::NoSource => Some(Role::Source),
            SkipReason::NoTarget => Some(Role::Target),
            _ => None,
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Role {
    Source,
    Target,
}

impl std::fmt::Display for SkipReason {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SkipReason::NullPattern => write!(f, "the pattern's code is null (---)"),
            SkipReason::NoCode => write!(f, "the verb alone makes no event"),
            SkipReason::BareStatement => write!(f, "a bare statement verb makes no event (no pattern matched)"),
            SkipReason::Negated(w) => write!(f, "negated ({w})"),
            SkipReason::NoRejectionCode(w) => write!(f, "negated ({w}): no CAMEO rejection code for the verb's code"),
            SkipReason::NoIntentCode(w) => write!(f, "intent ({w}) for a code without a CAMEO intent code"),
            SkipReason::NoAgent => write!(f, "passive without an agent (by ...)"),
            SkipReason::NoSource => write!(f, "no source actor"),
            SkipReason::NoTarget => write!(f, "no target actor"),
        }
    }
}

/// Apply the rules that turn a coding into no event (or change its code); say why.
fn skip_reason(
    coding: &mut Coding,
    modality: &Modality,
    by_pattern: bool,
    passive: bool,
    options: CoderOptions,
    uncoded_victims: bool,
) -> Option<SkipReason> {
    if coding.code.is_none() && coding.reverse_code.is_none() {
        return Some(if by_pattern { SkipReason::NullPattern } else { SkipReason::NoCode });
    }
    // "declined to comment": a refused statement is an event (011) even from a bare verb.
    let refused = matches!(modality, Modality::Refusal(_));
    if !by_pattern && !refused && coding.code.as_deref().is_some_and(|c| c.starts_with("01")) {
        return Some(SkipReason::BareStatement);
    }
    match modality {
        Modality::Negated(w) => return Some(SkipReason::Negated(w.to_string())),
        Modality::Refusal(w) => {
            let code = coding.code.as_deref().and_then(modality::refusal_code);
            if code.is_none() {
                return Some(SkipReason::NoRejectionCode(w.to_string()));
            }
            coding.code = code;
            coding.reverse_code = None;
        }
        Modality::Intent(w) => {
            let code = coding.code.as_deref().and_then(modality::intent_code);
            if code.is_none() {
                return Some(SkipReason::NoIntentCode(w.to_string()));
            }
            coding.code = code;
            coding.reverse_code = None;
        }
        Modality::Plain => {}
    }
    if coding.implicit_police {
        return None;
    }
    if coding.source.is_none() {
        return Some(if passive { SkipReason::NoAgent } else { SkipReason::NoSource });
    }
    if coding.target.is_none() {
        let violent = coding.code.as_deref().is_some_and(force_code);
        let alone = options.targetless
            && coding.reverse_code.is_none()
            && coding.code.as_deref().is_some_and(targetless_code)
            && (!violent || uncoded_victims);
        if !alone {
            return Some(SkipReason::NoTarget);
        }
    }
    None
}

/// Whether a noun phrase (an object) follows the verb: not a preposition, conjunction,
/// clause word, day or the end of the sentence ("killed two persons", not "attacked on
/// Monday").
fn object_follows(t: &Tagged, v: &VerbMatch) -> bool {
    t.words.get(v.end).is_some_and(|w| {
        !w.punct
            && !matches!(
                w.norm.as_str(),
                "on" | "in" | "at" | "with" | "for" | "from" | "by" | "about" | "against" | "over" | "near" | "after" | "before"
                    | "during" | "to" | "and" | "or" | "but" | "that" | "which" | "who" | "when" | "while" | "as" | "again"
                    | "back" | "yesterday" | "today" | "tonight" | "overnight" | "earlier" | "later" | "last" | "this"
                    | "monday" | "tuesday" | "wednesday" | "thursday" | "friday" | "saturday" | "sunday"
            )
    })
}

/// "Nobody has been arrested", "no one was detained": a negative subject just before the
/// passive.
fn nobody_before(t: &Tagged, verb: usize) -> bool {
    let from = verb.saturating_sub(4);
    (from..verb).any(|k| {
        let w = t.words[k].norm.as_str();
        w == "nobody" || w == "none" || (w == "no" && t.words.get(k + 1).is_some_and(|n| n.norm == "one"))
    })
}

/// CAMEO's "arrest, detain, or charge with legal action": the code whose agentless passive
/// takes the police as its implicit source.
pub const IMPLICIT_POLICE_CODE: &str = "173";

/// Codes of actions done together: consultations (04, not 042/043 visits), signing an
/// agreement (057), material cooperation (06), and fighting when the verb is "fight" or
/// "clash" (190 is also "attack", which is one-sided).
fn symmetric_code(code: &str, lemmas: &[String]) -> bool {
    let sub = code.get(..3).unwrap_or(code);
    match code.get(..2).unwrap_or(code) {
        "04" => !matches!(sub, "042" | "043"),
        "05" => sub == "057",
        "06" => true,
        "19" => lemmas.iter().any(|l| matches!(l.as_str(), "fight" | "clash")),
        _ => false,
    }
}

/// Codes whose meaning needs no target, made with an empty target when
/// `CoderOptions::targetless` is on: comments on a situation (011–017; 018, condolences over
/// an earthquake), intentions (03: "agreed
/// in principle"; restricting to 034/035 costs 21 ConfliBERT records),
/// yielding (08: "announced a ceasefire", "resigned"), investigations (09), protests (14),
/// military posture (15: "launched war games"), rejections (12: "rejected the plan"),
/// seizures, restrictions, arrests, deportations and repression by an actor whose victims are
/// no actor (171, 172, 173, 174, 175: "police seized weapons", "the district police clamped a curfew on the town",
/// "police arrested four persons", "police fired tear gas"), and force whose victims are no actor (18–20:
/// "police killed two persons" when the victims are written, not mutual fighting; see
/// `decide`).
/// Not bare statements (010), appeals, demands, accusations or threats, which are about someone.
pub fn targetless_code(code: &str) -> bool {
    let root = code.get(..2).unwrap_or(code);
    match root {
        "01" => code.len() >= 3 && matches!(&code[..3], "011" | "012" | "013" | "014" | "015" | "016" | "017" | "018"),
        "17" => code.len() >= 3 && matches!(&code[..3], "171" | "172" | "173" | "174" | "175"),
        "18" | "19" | "20" => true,
        "03" | "08" | "09" | "12" | "14" | "15" => true,
        _ => false,
    }
}
