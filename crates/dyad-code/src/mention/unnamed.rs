//! Actors the dictionaries do not know: a proper name that is a verb's argument in the tree
//! ("Lagumdzija suspended aid to Sarajevo", "DHS returned the artifacts to Italy") is an actor
//! all the same, with the unknown code `---` and its words as evidence, as POLECAT keeps actors
//! it cannot resolve. An event needs at least one coded actor beside it (`event.rs`): two
//! unknowns say nothing an analyst can use.
//!
//! Only in mixed-case text, where capitals mark names (`Tagged::names`), and only where the
//! parser tags every word of the name PROPN and attaches it as a subject, object or agent: a
//! name that modifies a noun ("the Pompeii wall panel"), a place ("in Borno State"), a date or
//! a name the dictionaries' phrase already holds ("Algerian Ambassador Amine Kherbi") is not one.

use super::{link, Mention, Unit};
use crate::tag::Tagged;
use crate::tree::Tree;
use dyad_doc::Upos;

/// The code of an actor no dictionary names (PETRARCH writes `---` for an unknown part).
pub const UNNAMED_CODE: &str = "---";

/// Relations of a verb's participants: the subject, objects, and the passive's agent.
const ARGUMENT_RELATIONS: &[&str] = &["nsubj", "obj", "iobj", "obl:agent"];

/// Prepositions that bring a participant of the act ("returned the fossils to Peru", "talks
/// with Xi", "fought against the Taliban"), not a place or a time ("in Borno State", "on
/// Twitter").
const PARTICIPANT_PREPOSITIONS: &[&str] = &["to", "with", "against", "by", "toward", "towards"];

/// Add the sentence's unnamed actors to `mentions` (kept in text order).
pub fn add(t: &Tagged, mentions: &mut Vec<Mention>) {
    let Some(tree) = t.tree() else {
        return;
    };
    for &(run_start, run_end) in &t.names {
        // Inside or right beside a phrase the dictionaries know: part of that phrase ("Senate
        // Majority Leader Mitch McConnell", "Government Accountability Office").
        if mentions.iter().any(|m| m.start <= run_end && run_start <= m.end) {
            continue;
        }
        let Some((start, end)) = proper_name(tree, run_start, run_end) else { continue };
        if !name_like(t, start, end) {
            continue;
        }
        if same_phrase(t, tree, start, end, mentions) || !participant(t, tree, start, end) || is_place(t, start, end) {
            continue;
        }
        let unit = Unit { start, end, codes: vec![UNNAMED_CODE.to_string()], unnamed: true, ..Default::default() };
        let at = mentions.partition_point(|m| m.start < start);
        mentions.insert(at, Mention { start, end, units: vec![unit] });
    }
}

/// The run's words the parser tags as a proper noun, when they all are (after trimming a
/// leading or trailing word it does not: "The", "Meanwhile").
fn proper_name(tree: &Tree, mut start: usize, mut end: usize) -> Option<(usize, usize)> {
    let proper = |k: usize| tree.upos[k] == Upos::PROPN;
    while start < end && !proper(start) {
        start += 1;
    }
    while end > start && !proper(end - 1) {
        end -= 1;
    }
    (start < end && (start..end).all(proper)).then_some((start, end))
}

/// Whether the name is a participant of a predicate: its head word (the one whose head lies
/// outside it) is a subject, object or agent, a participant's preposition's object, or a
/// conjunct of one of these ("DHS and ICE returned ...").
fn participant(t: &Tagged, tree: &Tree, start: usize, end: usize) -> bool {
    let Some(top) = tree.head_of(start, end) else {
        return false;
    };
    let mut w = top;
    // A conjunct stands where the first conjunct stands.
    for _ in 0..4 {
        if !tree.rel_is(w, "conj") {
            break;
        }
        match tree.head[w] {
            Some(h) => w = h,
            None => return false,
        }
    }
    if ARGUMENT_RELATIONS.iter().any(|r| tree.rel_is(w, r)) {
        return true;
    }
    tree.rel_is(w, "obl")
        && tree.child(w, "case").is_some_and(|c| PARTICIPANT_PREPOSITIONS.contains(&t.words[c].norm.as_str()))
}

/// Whether the words look like a name of its own: not one letter ("S&P" split at "&"), not a
/// piece of a name joined by "&" or "-", and not a single word after "the" ("the Charter",
/// "the Act": documents and things; organisations known by "the X" are in the dictionaries).
fn name_like(t: &Tagged, start: usize, end: usize) -> bool {
    let words = &t.words;
    let joined = |k: usize| words.get(k).is_some_and(|w| matches!(w.norm.as_str(), "&" | "-" | "/"));
    let one_letter = end - start == 1 && words[start].norm.chars().count() < 2;
    let the_thing = end - start == 1 && start > 0 && words[start - 1].norm == "the";
    !(one_letter || the_thing || joined(end) || (start > 0 && joined(start - 1)))
}

/// Whether the name and a known phrase are one noun phrase in the tree: a known word hangs on
/// the name through phrase links ("the Mafia boss Albert Anastasia", "The British Foreign
/// Secretary, Sir Geoffrey Howe" as an apposition either way), or the name on a known word.
fn same_phrase(t: &Tagged, tree: &Tree, start: usize, end: usize, mentions: &[Mention]) -> bool {
    let known = |w: usize| mentions.iter().any(|m| m.start <= w && w < m.end);
    let inside = |w: usize| start <= w && w < end;
    // Climb from `w` along phrase links; whether it reaches a word `goal` accepts.
    let reaches = |mut w: usize, goal: &dyn Fn(usize) -> bool| {
        for _ in 0..8 {
            if link(t, tree, w).is_none() {
                return false;
            }
            match tree.head[w] {
                Some(h) if goal(h) => return true,
                Some(h) => w = h,
                None => return false,
            }
        }
        false
    };
    mentions.iter().any(|m| (m.start..m.end).any(|w| reaches(w, &inside))) || (start..end).any(|w| reaches(w, &known))
}

/// A name the built-in gazetteer knows as a place ("Borno", "Chandigarh"): a place, not an
/// actor (places give agents their country: `context.rs`).
fn is_place(t: &Tagged, start: usize, end: usize) -> bool {
    let name: Vec<&str> = t.words[start..end].iter().map(|w| w.norm.as_str()).collect();
    dyad_geo::Gazetteer::builtin().has_name(&name.join(" "))
}
