//! Sentence structure without a parser: clause boundaries from punctuation and subordinating
//! words, the subject as the nearest actor before the verb in its clause, the object as the
//! first actor after it, and passive voice ("X was attacked by Y").

use crate::mention::Mention;
use crate::tag::{Tagged, VerbMatch};

/// Words that start a new clause: the subject of a verb is never found before them.
const SUBJECT_STOPS: &[&str] = &[
    ";", ":", "that", "when", "after", "before", "because", "while", "where", "although", "though", "if", "since", "until",
    "unless", "whether", "but", "whereas",
];
/// Relative pronouns: the subject of the verb after them is the noun before them.
const RELATIVES: &[&str] = &["who", "which"];
/// Words that end the search for an object.
const OBJECT_STOPS: &[&str] = &[
    ";", ":", "after", "before", "because", "while", "when", "where", "although", "though", "since", "until", "unless", "which",
    "who", "whose", "whereas", "but",
];
/// Prepositions: an actor right after one is not the subject of a later verb.
const PREPOSITIONS: &[&str] = &[
    "by",
    "of",
    "in",
    "on",
    "at",
    "with",
    "to",
    "from",
    "for",
    "against",
    "into",
    "toward",
    "towards",
    "about",
    "over",
    "under",
    "between",
    "among",
    "near",
    "including",
    "than",
];
const BE: &[&str] = &["was", "were", "is", "are", "been", "being", "be", "am", "get", "got", "gets"];

/// Whether a preposition governs the mention ("in Gondor", "by the evil Gondor"): a
/// preposition before its determiners and up to two adjectives, unless the tree makes the
/// mention a subject with no preposition of its own ("In recent years the Taliban have carried
/// out attacks": "recent years" are no adjectives of the Taliban).
pub fn governed_by_preposition(t: &Tagged, m: &Mention) -> bool {
    if let Some(tree) = t.tree() {
        if let Some(head) = tree.head_of(m.start, m.end) {
            if tree.rel_is(head, "nsubj") && tree.child(head, "case").is_none() {
                return false;
            }
        }
    }
    let mut k = m.start;
    let mut adjectives = 0;
    // Skip determiners and adjectives written before the actor ("in south Ithilen", "by the
    // evil Gondor").
    while k > 0 {
        let w = &t.words[k - 1];
        if matches!(w.norm.as_str(), "the" | "a" | "an" | "its" | "their" | "his" | "her") {
            k -= 1;
        } else if adjectives < 2
            && !w.punct
            && !w.capitalized
            && !PREPOSITIONS.contains(&w.norm.as_str())
            && !t.in_verb[k - 1]
            && !SUBJECT_STOPS.contains(&w.norm.as_str())
            && !matches!(w.norm.as_str(), "and" | "or")
        {
            adjectives += 1;
            k -= 1;
        } else {
            break;
        }
    }
    // "Up to 100 ethnic Albanians", "more than 1,000 soldiers": the preposition belongs to the
    // quantity, not to the actor.
    if k > 0 && k < m.start && is_quantity(&t.words[k].norm) {
        let before = |n: usize| (k >= n).then(|| t.words[k - n].norm.as_str());
        let quantifier = matches!((before(2), before(1)), (Some("up"), Some("to")) | (Some("at"), Some("least")))
            || matches!(before(1), Some("than" | "about" | "over" | "around" | "nearly" | "almost" | "some"));
        if quantifier {
            return false;
        }
    }
    k > 0 && PREPOSITIONS.contains(&t.words[k - 1].norm.as_str())
}

fn is_quantity(w: &str) -> bool {
    w.chars().next().is_some_and(|c| c.is_ascii_digit())
        || matches!(w, "two" | "three" | "four" | "five" | "six" | "seven" | "eight" | "nine" | "ten" | "dozens" | "hundreds" | "thousands")
}

/// "The information ministry of Gondor said", "A group of Moroccan diplomats met": an actor after
/// "of" whose head noun opens the clause stands for the whole subject (as PETRARCH codes it).
/// Not after other prepositions ("an attack by Osgiliath soldiers ... promised").
fn head_of_subject(t: &Tagged, m: &Mention) -> bool {
    let mut k = m.start;
    while k > 0 && matches!(t.words[k - 1].norm.as_str(), "the" | "a" | "an") {
        k -= 1;
    }
    if k == 0 || t.words[k - 1].norm != "of" {
        return false;
    }
    // The head: up to four plain words ("the information ministry") back to the clause start.
    let mut j = k - 1;
    let mut head = 0;
    while j > 0 {
        let w = &t.words[j - 1];
        let s = w.norm.as_str();
        if matches!(s, "the" | "a" | "an") {
            j -= 1;
            continue;
        }
        if w.punct || t.in_noun[j - 1] || t.in_verb[j - 1] || PREPOSITIONS.contains(&s) || SUBJECT_STOPS.contains(&s) || head == 4 {
            break;
        }
        if matches!(s, "and" | "or" | "who" | "which" | "is" | "are" | "was" | "were" | "has" | "have" | "had") {
            return false;
        }
        head += 1;
        j -= 1;
    }
    head > 0 && (j == 0 || matches!(t.words[j - 1].norm.as_str(), ";" | ":" | "\"") || SUBJECT_STOPS.contains(&t.words[j - 1].norm.as_str()))
}

/// "A spokesman for the Turkish army": a bare role (no actor) speaking "for" an actor stands
/// for that actor (TURMIL, not ---GOV).
fn spoken_for(t: &Tagged, mentions: &[Mention], idx: usize, verb_start: usize) -> usize {
    let m = &mentions[idx];
    let bare_role = m.units.iter().all(|u| u.actors.is_empty() && u.pronoun.is_none() && !u.agents.is_empty());
    if !bare_role || t.words.get(m.end).is_none_or(|w| w.norm != "for") {
        return idx;
    }
    let mut k = m.end + 1;
    while k < verb_start && matches!(t.words[k].norm.as_str(), "the" | "a" | "an") {
        k += 1;
    }
    match mention_at(mentions, k) {
        Some((n, actor)) if actor.end <= verb_start && actor.units.iter().all(|u| !u.actors.is_empty()) => n,
        _ => idx,
    }
}

/// The verb match's head word in the tree (the one whose head lies outside the match), when
/// the sentence was parsed.
fn tree_head<'a>(t: &'a Tagged, v: &VerbMatch) -> Option<(&'a crate::tree::Tree, usize)> {
    let tree = t.tree()?;
    Some((tree, tree.head_of(v.start, v.end)?))
}

/// "persons arrested in the state", "the men detained on Monday": a participle the tree
/// attaches to a noun as a reduced relative clause (`acl`, without a subject, auxiliary or
/// "to") is a passive whose subject is that noun. Returns the noun's word.
pub fn reduced_relative(t: &Tagged, v: &VerbMatch) -> Option<usize> {
    let (tree, verb) = tree_head(t, v)?;
    let reduced = tree.upos[verb] == dyad_doc::Upos::VERB
        && tree.rel[verb].as_str() == "acl"
        && !t.words[verb].norm.ends_with("ing")
        && ["nsubj", "aux", "mark", "cop", "obj", "xcomp", "ccomp"].iter().all(|r| tree.child(verb, r).is_none())
        // A main clause elsewhere: a sentence whose root is a noun is the parser misreading
        // its main verb as a modifier ("The group released 19 hostages" read as "the group
        // released").
        && tree.root().is_some_and(|r| r != verb && matches!(tree.upos[r], dyad_doc::Upos::VERB | dyad_doc::Upos::AUX | dyad_doc::Upos::ADJ));
    let noun = tree.head[verb].filter(|_| reduced)?;
    matches!(tree.upos[noun], dyad_doc::Upos::NOUN | dyad_doc::Upos::PROPN | dyad_doc::Upos::PRON).then_some(noun)
}

/// The mention holding tree word `w`, or one its noun phrase holds ("a group of Moroccan
/// diplomats", "the spokesman of the army").
pub fn mention_of_word(t: &Tagged, tree: &crate::tree::Tree, mentions: &[Mention], w: usize) -> Option<usize> {
    let holding = |k: usize| mentions.iter().position(|m| m.start <= k && k < m.end);
    holding(w).or_else(|| {
        tree.children(w).iter().copied().filter(|&k| crate::mention::link(t, tree, k).is_some()).find_map(holding)
    })
}

/// The subject the tree gives an active verb whose word window found none: its own `nsubj`,
/// else, for a coordinated verb, its first conjunct's ("Russia lifted the ban on Monday and
/// then restored ties with Georgia"). A verb the tree reads as a noun modifier or adjective
/// (`amod`, `compound`, ADJ) gets none: it is no predicate.
///
/// `force`: the verb's code is force (18–20), which an act or a weapon can do: then a subject
/// that names its doer after "by" gives the doer (`agent_of_phrase`).
pub fn tree_subject(t: &Tagged, mentions: &[Mention], v: &VerbMatch, force: bool) -> Option<usize> {
    let (tree, mut verb) = tree_head(t, v)?;
    if tree.upos[verb] != dyad_doc::Upos::VERB || tree.rel_is(verb, "amod") || tree.rel_is(verb, "compound") {
        return None;
    }
    for _ in 0..4 {
        if let Some(s) = tree.child(verb, "nsubj") {
            return mention_of_word(t, tree, mentions, s)
                .filter(|&m| !governed_by_preposition(t, &mentions[m]))
                .or_else(|| agent_of_phrase(t, tree, mentions, s).filter(|_| force));
        }
        // A conjunct without its "and"/"but" is a misread clause ("criticized Rohan after
        // crowds attacked": `conj` with no `cc`), not a shared subject.
        if !tree.rel_is(verb, "conj") || tree.child(verb, "cc").is_none() {
            return None;
        }
        verb = tree.head[verb]?;
    }
    None
}

/// "A car bombing by the Islamic State group killed 75 people", "the missiles fired by the
/// Israeli military struck a depot": a subject that is no actor but an act or a weapon whose
/// phrase names its doer after "by" (`nmod` with "by", or a participle's `obl:agent`) has
/// that doer as the acting one.
fn agent_of_phrase(t: &Tagged, tree: &crate::tree::Tree, mentions: &[Mention], subject: usize) -> Option<usize> {
    let by = |k: usize| tree.children_with(k, "case").any(|c| t.words[c].norm == "by");
    let agent = tree.children_with(subject, "nmod").find(|&k| by(k)).or_else(|| {
        tree.children_with(subject, "acl").find_map(|p| tree.children_with(p, "obl").find(|&k| by(k)))
    })?;
    mention_of_word(t, tree, mentions, agent)
}

/// The object the tree gives a verb whose word window found none (the window stops at a
/// clause word, a comma or another verb): its `obj`, else its `iobj`.
pub fn tree_object(t: &Tagged, mentions: &[Mention], v: &VerbMatch, skip: Option<usize>) -> Option<usize> {
    let (tree, verb) = tree_head(t, v)?;
    if tree.upos[verb] != dyad_doc::Upos::VERB {
        return None;
    }
    let object = tree.child(verb, "obj").or_else(|| tree.child(verb, "iobj"))?;
    mention_of_word(t, tree, mentions, object).filter(|&m| Some(m) != skip)
}

/// Verbs that report what their subject says or means to do, in any tense: "X said it ...",
/// "X claimed they ...", "X has warned it will ...".
const REPORTING: &[&str] = &[
    "say", "says", "said", "claim", "claims", "claimed", "announce", "announces", "announced", "warn", "warns", "warned",
    "confirm", "confirms", "confirmed", "state", "states", "stated", "insist", "insists", "insisted", "vow", "vows", "vowed",
    "pledge", "pledges", "pledged", "promise", "promises", "promised", "declare", "declares", "declared", "add", "adds",
    "added", "tell", "tells", "told",
];

/// "Russia said on Friday it had expelled diplomats", "the rebels claimed that they had
/// attacked": with a tree, the subject "it"/"they" of a clause reported by a verb of saying
/// (`ccomp`) stands for that verb's subject, however many words lie between them. Returns the
/// speaker's mention; `None` without a tree or such a clause.
pub fn reported_speaker(t: &Tagged, mentions: &[Mention], v: &VerbMatch) -> Option<usize> {
    let (tree, verb) = tree_head(t, v)?;
    let pronoun = tree.children_with(verb, "nsubj").next()?;
    if !matches!(t.words[pronoun].norm.as_str(), "it" | "they") || !tree.rel_is(verb, "ccomp") {
        return None;
    }
    let says = tree.head[verb]?;
    if !REPORTING.contains(&t.words[says].norm.as_str()) || t.in_quote[says] {
        return None;
    }
    let speaker = tree.children_with(says, "nsubj").next()?;
    mentions.iter().position(|m| m.start <= speaker && speaker < m.end && m.units.iter().all(|u| !u.unnamed))
}

/// The subject of the verb: the nearest mention before it in the same clause that is not the
/// object of a preposition. Returns the mention's index.
pub fn subject(t: &Tagged, mentions: &[Mention], verb_start: usize) -> Option<usize> {
    let mut k = verb_start;
    let before = mentions.partition_point(|m| m.end <= verb_start);
    let participle = t.words.get(verb_start).is_some_and(|w| w.norm.ends_with("ing"));
    let mut k_after_speech = false;
    let mut candidates = mentions[..before].iter().enumerate().rev().peekable();
    while k > 0 {
        k -= 1;
        // Is there a mention ending right here?
        while let Some((_, m)) = candidates.peek() {
            if m.end > k + 1 {
                candidates.next();
            } else {
                break;
            }
        }
        if let Some(&(idx, m)) = candidates.peek() {
            if m.end == k + 1 {
                // "stoning police, attacking troops, damaging buildings": the object of an
                // earlier verb is not the subject of a participle.
                let object_of_verb = m.start > 0 && t.in_verb[m.start - 1] && participle && !k_after_speech;
                if (!governed_by_preposition(t, m) || head_of_subject(t, m)) && !object_of_verb {
                    return Some(spoken_for(t, mentions, idx, verb_start));
                }
                k = m.start;
                candidates.next();
                continue;
            }
        }
        let w = t.words[k].norm.as_str();
        // A quotation ends the clause, unless it opens right after its speaker
        // ("Putin “extended congratulations ...”").
        if w == "\"" && !mentions.iter().any(|m| m.end == k) {
            return None;
        }
        // "diplomats said the EC is keen to negotiate": a speech verb ends the clause, unless
        // "it"/"they" after it stand for its subject ("Russia said it would attack").
        if crate::coref::SPEECH.contains(&w) && !t.in_quote[k] {
            if !t.words.get(k + 1).is_some_and(|n| matches!(n.norm.as_str(), "it" | "they")) {
                return None;
            }
            k_after_speech = true;
        }
        if RELATIVES.contains(&w) {
            // "Kim, who met Putin": the antecedent right before the relative pronoun.
            let mut j = k;
            while j > 0 && t.words[j - 1].norm == "," {
                j -= 1;
            }
            return mentions.iter().position(|m| m.end == j);
        }
        if SUBJECT_STOPS.contains(&w) {
            return None;
        }
    }
    None
}

/// The object: the first mention after the verb (from word `from` on) before a clause
/// boundary or another verb's infinitive ("called to congratulate Putin": Putin belongs to
/// "congratulate"). `skip` is a mention not to take (the source).
pub fn object(t: &Tagged, mentions: &[Mention], from: usize, skip: Option<usize>) -> Option<usize> {
    let mut k = from;
    let mut comma = false;
    while k < t.words.len() {
        if let Some((idx, m)) = mention_at(mentions, k) {
            // ", a senior official said": after a comma, an actor followed by its own verb is
            // the subject of another clause.
            if comma && verb_follows(t, m.end) {
                return None;
            }
            if Some(idx) != skip {
                return Some(idx);
            }
            k = m.end;
            continue;
        }
        let w = t.words[k].norm.as_str();
        if OBJECT_STOPS.contains(&w) || w == "\"" {
            return None;
        }
        // The next verb starts another predicate: its actors are its own.
        if t.verb_start[k] {
            return None;
        }
        comma |= w == ",";
        k += 1;
    }
    None
}

/// The mention starting at word `k` (mentions are in sentence order).
pub fn mention_at(mentions: &[Mention], k: usize) -> Option<(usize, &Mention)> {
    let i = mentions.partition_point(|m| m.start < k);
    mentions.get(i).filter(|m| m.start == k).map(|m| (i, m))
}

/// A verb (or a speech verb the dictionaries may not list) at word `k`, after at most two
/// adverbs or auxiliaries.
pub(crate) fn verb_follows(t: &Tagged, k: usize) -> bool {
    (k..(k + 3).min(t.words.len()))
        .find(|&j| {
            !(t.words[j].norm.ends_with("ly")
                || BE.contains(&t.words[j].norm.as_str())
                || matches!(t.words[j].norm.as_str(), "has" | "have" | "had" | "will" | "would"))
        })
        .is_some_and(|j| t.verb_start[j] || crate::coref::SPEECH.contains(&t.words[j].norm.as_str()))
}

/// Words after a verb that make a compound subject act on itself ("Gondor and Osgiliath
/// delayed their meeting", "renewed ties").
const RECIPROCAL: &[&str] = &["their", "each", "one", "mutual", "bilateral", "together", "jointly", "ties", "relations"];

/// "VHP activists and the south district police clashed": the actor joined by "and" to mention
/// `m` from before it, past at most four plain words ("the south 24 parganas").
pub fn coordinated_partner(t: &Tagged, mentions: &[Mention], m: usize) -> Option<usize> {
    let start = mentions[m].start;
    let and = (start.saturating_sub(5)..start).rev().find(|&k| t.words[k].norm == "and")?;
    // Plain: not a capitalised word, which would make "and" part of a name ("the US Food and
    // Drug Administration").
    let plain = (and + 1..start).all(|k| !t.words[k].punct && !t.verb_start[k] && !t.in_noun[k] && !t.words[k].capitalized);
    // The partner may end in a name no dictionary knows ("U.S. Trade Representative Robert
    // B. Zoellick and ...").
    let named = |p: &Mention| p.end <= and && and - p.end <= 4 && (p.end..and).all(|k| t.words[k].capitalized && !t.in_noun[k]);
    let partner = mentions.iter().position(named)?;
    (plain && partner != m).then_some(partner)
}

/// Does the clause after the verb mark the action as reciprocal among a compound subject?
pub fn reciprocal(t: &Tagged, from: usize) -> bool {
    t.words[from..]
        .iter()
        .take(6)
        .take_while(|w| !OBJECT_STOPS.contains(&w.norm.as_str()))
        .any(|w| RECIPROCAL.contains(&w.norm.as_str()))
}

/// "was (fiercely) opposed": a form of "be" within two words before a verb that does not end
/// in -ing.
pub fn is_passive(t: &Tagged, v: &VerbMatch) -> bool {
    let form = &t.words[v.end - 1].norm;
    if form.ends_with("ing") || (form.ends_with('s') && !form.ends_with("ss")) {
        return false;
    }
    let mut k = v.start;
    for _ in 0..3 {
        if k == 0 {
            return false;
        }
        k -= 1;
        let w = t.words[k].norm.as_str();
        if BE.contains(&w) {
            return true;
        }
        if !(w.ends_with("ly") || w == "not" || w == "also" || w == "and") {
            return false;
        }
    }
    false
}

/// Nouns of an armed act whose owner did what the passive verb says: "killed in police
/// firing", "wounded in an Israeli air strike", "died in army shelling".
const ARMED_ACTS: &[&str] = &[
    "firing", "fire", "strike", "strikes", "airstrike", "airstrikes", "raid", "raids", "attack", "attacks", "shelling",
    "bombing", "bombings", "bombardment", "crackdown", "offensive", "operation", "operations", "action", "assault",
    "ambush", "gunfire", "crossfire", "encounter", "clash", "clashes", "lathicharge", "lathi-charge", "baton-charge",
];

/// "two persons were killed in police firing", "a boy died in an Israeli air strike": the
/// agent of a passive (or of "died") named by the act it happened in, "in"/"during" + an actor
/// phrase + an armed act, within the clause. Returns the actor's mention.
pub fn act_agent(t: &Tagged, mentions: &[Mention], from: usize) -> Option<usize> {
    let mut k = from;
    while k < t.words.len() && k < from + MAX_ACT_GAP {
        let w = t.words[k].norm.as_str();
        if OBJECT_STOPS.contains(&w) || t.words[k].punct {
            return None;
        }
        if matches!(w, "in" | "during" | "by") {
            let j = past_determiners(t, k + 1);
            let (idx, m) = mention_at(mentions, j)?;
            // The act right after the actor, past at most one modifier ("police retaliatory
            // firing", "Israeli air strike").
            let act = (m.end..(m.end + 3).min(t.words.len())).find(|&a| ARMED_ACTS.contains(&t.words[a].norm.as_str()))?;
            let between_plain = (m.end..act).all(|b| !t.words[b].punct && !t.in_noun[b]);
            return between_plain.then_some(idx);
        }
        k += 1;
    }
    None
}

/// "one person was killed when the police fired on the mob": an agentless passive of force
/// done by the subject of the "when" (or "as", "after") clause that follows it, when that
/// clause's verb is itself force (`is_force`).
pub fn when_clause_doer(t: &Tagged, mentions: &[Mention], from: usize, is_force: impl Fn(&VerbMatch) -> bool) -> Option<usize> {
    let end = (from + MAX_WHEN_GAP).min(t.words.len());
    let at = (from..end)
        .take_while(|&k| !matches!(t.words[k].norm.as_str(), ";" | "." | "\"" | "but"))
        .find(|&k| matches!(t.words[k].norm.as_str(), "when" | "as" | "after"))?;
    let (idx, m) = mentions.iter().enumerate().find(|(_, m)| m.start > at && m.start <= at + 2)?;
    let verb = t.verbs.iter().find(|v| v.start >= m.end && v.start <= m.end + 3)?;
    let plain = (m.end..verb.start).all(|k| !t.words[k].punct && !t.in_noun[k]);
    (plain && is_force(verb)).then_some(idx)
}

/// How far after a passive verb its "when" clause may start ("was killed and six others
/// injured in the eastern part of the city on Tuesday night when ...").
const MAX_WHEN_GAP: usize = 16;

/// How far after the verb an act's "in"/"during" may stand ("killed on Tuesday night in
/// police firing").
const MAX_ACT_GAP: usize = 6;

/// The first word at or after `k` that is not "the", "a" or "an".
fn past_determiners(t: &Tagged, mut k: usize) -> usize {
    while k < t.words.len() && matches!(t.words[k].norm.as_str(), "the" | "a" | "an") {
        k += 1;
    }
    k
}

/// "the arrest of three Hamas militants": the mention right after the "of" at `from`, past
/// determiners and numbers.
pub fn of_object(t: &Tagged, mentions: &[Mention], from: usize) -> Option<usize> {
    if t.words.get(from).is_none_or(|w| w.norm != "of") {
        return None;
    }
    let mut k = past_determiners(t, from + 1);
    while k < from + 4 && t.words.get(k).is_some_and(|w| crate::tag::is_number(&w.norm)) {
        k = past_determiners(t, k + 1);
    }
    mentions.iter().position(|m| m.start == k)
}

/// The agent of a passive verb: the mention after "by" (within the clause).
pub fn passive_agent(t: &Tagged, mentions: &[Mention], from: usize) -> Option<usize> {
    let mut k = from;
    while k < t.words.len() {
        let w = t.words[k].norm.as_str();
        if OBJECT_STOPS.contains(&w) {
            return None;
        }
        if w == "by" {
            let j = past_determiners(t, k + 1);
            return mentions.iter().position(|m| m.start <= j && j < m.end.max(m.start + 1));
        }
        k += 1;
    }
    None
}
