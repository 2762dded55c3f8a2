//! Checks behind `dyad dict check`: problems a loader cannot see line by line.
//! Each finding names the entry's file:line.

use crate::diag::{Diagnostic, Severity};
use crate::*;
use std::collections::{BTreeMap, BTreeSet};

fn push(out: &mut Vec<Diagnostic>, at: &SourceRef, severity: Severity, message: String) {
    out.push(Diagnostic {
        file: at.file.clone(),
        line: at.line,
        severity,
        message,
    });
}

/// Names are compared case-insensitively, hyphen = space, whitespace collapsed.
pub fn normalise_name(s: &str) -> String {
    s.to_lowercase()
        .replace(['-', '_'], " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// All checks, in a stable order.
pub fn check(d: &Dictionaries) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    empty(d, &mut out);
    event_codes(d, &mut out);
    actor_codes(d, &mut out);
    name_conflicts(d, &mut out);
    dated_overlaps(d, &mut out);
    verb_forms(d, &mut out);
    patterns(d, &mut out);
    sets(d, &mut out);
    // Verbs split from one PETRARCH block share patterns: report each line once.
    let mut seen = BTreeSet::new();
    out.retain(|x| seen.insert((x.file.clone(), x.line, x.message.clone())));
    out
}

fn empty(d: &Dictionaries, out: &mut Vec<Diagnostic>) {
    let at = SourceRef {
        file: "(dictionaries)".into(),
        line: 0,
    };
    if d.actors.is_empty() {
        push(
            out,
            &at,
            Severity::Error,
            "no actors: nothing can be coded".into(),
        );
    }
    if d.verbs.is_empty() {
        push(
            out,
            &at,
            Severity::Error,
            "no verbs: nothing can be coded".into(),
        );
    }
    if d.codebook.entries.is_empty() {
        push(
            out,
            &at,
            Severity::Error,
            "no codebook: events would have no Goldstein score or quad class".into(),
        );
    }
    if d.agents.is_empty() {
        push(
            out,
            &at,
            Severity::Warning,
            "no agents: role words (president, army) will not be coded".into(),
        );
    }
}

fn event_codes(d: &Dictionaries, out: &mut Vec<Diagnostic>) {
    if d.codebook.entries.is_empty() {
        return;
    }
    let mut check = |code: &Option<String>, at: &SourceRef, what: &str| {
        let Some(c) = code else { return };
        if d.codebook.entries.contains_key(c) {
            return;
        }
        match d.codebook.lookup(c) {
            Some(parent) => push(
                out,
                at,
                Severity::Warning,
                format!(
                    "{what} code {c} is not in the codebook (scored as its parent {})",
                    parent.code
                ),
            ),
            None => push(
                out,
                at,
                Severity::Error,
                format!("{what} code {c} is not in the codebook"),
            ),
        }
    };
    for v in &d.verbs {
        check(&v.code, &v.at, "verb");
        check(&v.reverse_code, &v.at, "verb");
        for p in &v.patterns {
            check(&p.code, &p.at, "pattern");
            check(&p.reverse_code, &p.at, "pattern");
        }
    }
}

/// CAMEO actor codes are 3-letter blocks of capitals (digits appear in a few PETRARCH codes).
fn actor_code_problem(code: &str) -> Option<(Severity, String)> {
    if !code
        .bytes()
        .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
        || code.is_empty()
    {
        Some((
            Severity::Error,
            format!("`{code}` is not an actor code (capital letters and digits)"),
        ))
    } else if !code.len().is_multiple_of(3) {
        Some((
            Severity::Warning,
            format!("actor code {code} is not made of 3-letter parts"),
        ))
    } else {
        None
    }
}

fn actor_codes(d: &Dictionaries, out: &mut Vec<Diagnostic>) {
    for a in &d.actors {
        let aliases = a
            .names
            .iter()
            .chain(&a.adjectives)
            .chain(&a.seats)
            .chain(&a.short);
        let codes = a
            .code
            .iter()
            .chain(&a.extra_codes)
            .chain(a.dated.iter().map(|c| &c.code))
            .chain(aliases.filter_map(|x| x.code.as_ref()));
        for c in codes {
            if let Some((sev, msg)) = actor_code_problem(c) {
                push(out, &a.at, sev, format!("{}: {msg}", a.name));
            }
        }
        if a.code.is_none() && a.dated.is_empty() {
            push(
                out,
                &a.at,
                Severity::Info,
                format!(
                    "{} has the null code: it is recognised but never coded",
                    a.name
                ),
            );
        }
    }
    for g in &d.agents {
        if let Some((sev, msg)) = actor_code_problem(&g.role) {
            push(out, &g.at, sev, format!("agent {}: {msg}", g.name));
        }
    }
}

fn name_conflicts(d: &Dictionaries, out: &mut Vec<Diagnostic>) {
    // name → (code, where first seen)
    let mut seen: BTreeMap<String, (Option<&str>, &SourceRef)> = BTreeMap::new();
    for a in &d.actors {
        let own = a.code_on(None);
        let header = std::iter::once((a.name.as_str(), own));
        let aliases = a
            .names
            .iter()
            .chain(&a.seats)
            .chain(&a.short)
            .map(|x| (x.text.as_str(), x.code.as_deref().or(own)));
        let mut in_entry = BTreeSet::new();
        for (name, code) in header.chain(aliases) {
            let key = normalise_name(name);
            if !in_entry.insert(key.clone()) {
                continue; // the same name twice in one entry is harmless
            }
            match seen.get(&key) {
                None => {
                    seen.insert(key, (code, &a.at));
                }
                Some((c0, at0)) if *c0 != code => push(
                    out,
                    &a.at,
                    Severity::Warning,
                    format!(
                        "`{name}` is {} here but {} at {at0}",
                        code.unwrap_or("---"),
                        c0.unwrap_or("---")
                    ),
                ),
                Some((_, at0)) => push(
                    out,
                    &a.at,
                    Severity::Info,
                    format!("`{name}` is also listed at {at0} (same code)"),
                ),
            }
        }
    }
}

fn dated_overlaps(d: &Dictionaries, out: &mut Vec<Diagnostic>) {
    for a in &d.actors {
        for (i, x) in a.dated.iter().enumerate() {
            for y in &a.dated[i + 1..] {
                // Ranges that touch on one day (a handover date) are normal.
                let start = x.range.from.max(y.range.from);
                let end = match (x.range.to, y.range.to) {
                    (Some(p), Some(q)) => Some(p.min(q)),
                    (p, q) => p.or(q),
                };
                let overlap = match (start, end) {
                    (Some(s), Some(e)) => (e - s).num_days() >= 1,
                    _ => true,
                };
                if overlap && x.code != y.code {
                    push(
                        out,
                        &a.at,
                        Severity::Warning,
                        format!("{}: dated codes {} and {} overlap", a.name, x.code, y.code),
                    );
                }
            }
        }
    }
}

fn verb_forms(d: &Dictionaries, out: &mut Vec<Diagnostic>) {
    let mut seen: BTreeMap<&str, &VerbEntry> = BTreeMap::new();
    for v in &d.verbs {
        for f in &v.forms {
            match seen.get(f.as_str()) {
                None => {
                    seen.insert(f, v);
                }
                Some(w) if w.code != v.code && !std::ptr::eq(*w, v) => push(
                    out,
                    &v.at,
                    Severity::Warning,
                    format!(
                        "verb form `{f}` has default code {} here but {} at {}",
                        v.code.as_deref().unwrap_or("---"),
                        w.code.as_deref().unwrap_or("---"),
                        w.at
                    ),
                ),
                // The coder reads a form with the first entry that lists it: another entry's
                // own patterns are never tried for it.
                Some(w) if !std::ptr::eq(*w, v) && !v.patterns.is_empty() && w.patterns.iter().map(|p| &p.text).ne(v.patterns.iter().map(|p| &p.text)) => push(
                    out,
                    &v.at,
                    Severity::Warning,
                    format!("verb form `{f}` also belongs to the entry at {}, which is read first: this entry's patterns are never tried for `{f}`", w.at),
                ),
                Some(_) => {}
            }
        }
    }
}

fn patterns(d: &Dictionaries, out: &mut Vec<Diagnostic>) {
    for v in &d.verbs {
        let mut earlier: Vec<&Pattern> = Vec::new();
        for p in &v.patterns {
            let verbs = p
                .elements
                .iter()
                .filter(|e| **e == PatternElement::Verb)
                .count();
            if verbs != 1 {
                push(out, &p.at, Severity::Error, format!("pattern `{}` has {verbs} `*` (verb) elements; it needs exactly one and can never match", p.text));
            }
            for e in &p.elements {
                if let PatternElement::Set(s) = e {
                    if !d.sets.contains_key(s) {
                        push(
                            out,
                            &p.at,
                            Severity::Error,
                            format!(
                                "pattern `{}` uses undefined set &{s}: it can never match",
                                p.text
                            ),
                        );
                    }
                }
            }
            match earlier.iter().find(|q| q.elements == p.elements) {
                Some(q) if q.code != p.code => push(
                    out,
                    &p.at,
                    Severity::Warning,
                    format!(
                        "pattern `{}` repeats {} with another code: only one can win",
                        p.text, q.at
                    ),
                ),
                Some(q) => push(
                    out,
                    &p.at,
                    Severity::Info,
                    format!("pattern `{}` repeats {}", p.text, q.at),
                ),
                None => earlier.push(p),
            }
        }
    }
}

fn sets(d: &Dictionaries, out: &mut Vec<Diagnostic>) {
    // Sets carry no SourceRef in the model: name the set instead.
    let at = |name: &str| SourceRef {
        file: format!("&{name}"),
        line: 0,
    };
    for (name, words) in &d.sets {
        if words.is_empty() {
            push(
                out,
                &at(name),
                Severity::Warning,
                format!("set &{name} is empty"),
            );
        }
        for w in words {
            if let Some(r) = w.strip_prefix('&') {
                if !d.sets.contains_key(r) {
                    push(
                        out,
                        &at(name),
                        Severity::Error,
                        format!("set &{name} names undefined set &{r}"),
                    );
                }
            }
        }
        if reaches(d, name, name, &mut BTreeSet::new()) {
            push(
                out,
                &at(name),
                Severity::Error,
                format!("set &{name} contains itself (circular set references)"),
            );
        }
    }
}

/// Does set `from` (through its `&` members) reach `target`?
fn reaches<'a>(
    d: &'a Dictionaries,
    from: &'a str,
    target: &str,
    seen: &mut BTreeSet<&'a str>,
) -> bool {
    for w in d.sets.get(from).into_iter().flatten() {
        if let Some(r) = w.strip_prefix('&') {
            if r == target || (seen.insert(r) && reaches(d, r, target, seen)) {
                return true;
            }
        }
    }
    false
}
