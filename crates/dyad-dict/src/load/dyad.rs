//! dyad's own dictionary format (docs/dictionaries.md): entries of a header line in column 0
//! (`NAME | NAME [CODE]`) followed by indented `key: value` field lines.

use super::Content;
use crate::diag::Report;
use crate::inflect;
use crate::text::{is_code_alphabet, is_event_code, lines, lower, split_bracket, words_lower};
use crate::*;
use chrono::NaiveDate;

/// One entry as written: its header and field lines.
struct Block<'t> {
    head: &'t str,
    line: usize,
    fields: Vec<Field<'t>>,
}

struct Field<'t> {
    key: &'t str,
    value: &'t str,
    line: usize,
}

fn blocks<'t>(text: &'t str, report: &mut Report) -> Vec<Block<'t>> {
    let mut out: Vec<Block> = Vec::new();
    for (no, line) in lines(text) {
        if line.trim().is_empty() {
            continue;
        }
        if !line.starts_with([' ', '\t']) {
            out.push(Block {
                head: line.trim(),
                line: no,
                fields: Vec::new(),
            });
            continue;
        }
        let Some((key, value)) = line.trim().split_once(':') else {
            report.error(
                no,
                format!("indented line is not `key: value`: `{}`", line.trim()),
            );
            continue;
        };
        match out.last_mut() {
            Some(b) => b.fields.push(Field {
                key: key.trim(),
                value: value.trim(),
                line: no,
            }),
            None => report.error(no, "field line before any entry header"),
        }
    }
    out
}

/// `a | b | c` → ["a", "b", "c"], empty items dropped.
fn list(s: &str) -> impl Iterator<Item = &str> {
    s.split('|').map(str::trim).filter(|x| !x.is_empty())
}

pub(crate) fn parse(text: &str, content: Content, report: &mut Report, dicts: &mut Dictionaries) {
    for b in blocks(text, report) {
        match content {
            Content::Actors => dicts.actors.extend(actor(&b, report)),
            Content::Agents => dicts.agents.extend(agent(&b, report)),
            Content::Verbs => dicts.verbs.extend(verb(&b, report)),
            Content::Sets => {
                if let Some((name, words)) = set(&b, report) {
                    if dicts.sets.insert(name.clone(), words).is_some() {
                        report.warn(b.line, format!("set &{name} defined again: this definition replaces the earlier one"));
                    }
                }
            }
            Content::Discards => dicts.discards.extend(discard(&b, report)),
            Content::Issues => dicts.issues.extend(issue(&b, report)),
            Content::Codebook => unreachable!("the codebook has its own parser"),
        }
    }
}

fn unknown_key(f: &Field, what: &str, allowed: &str, report: &mut Report) {
    report.error(
        f.line,
        format!(
            "unknown key `{}:` in {what} entry (allowed: {allowed})",
            f.key
        ),
    );
}

/// An actor code in brackets: `---`/empty is the null code; otherwise capitals and digits.
fn actor_code(code: &str, line: usize, report: &mut Report) -> Result<Option<String>, ()> {
    match code {
        "" | "---" => Ok(None),
        c if is_code_alphabet(c) => Ok(Some(c.to_string())),
        c => {
            report.error(
                line,
                format!("`[{c}]` is not an actor code (capital letters and digits, e.g. RUSGOV)"),
            );
            Err(())
        }
    }
}

/// `YYYY-MM-DD` (by hand: chrono's format parser is slow enough to show at startup).
pub(crate) fn parse_date(s: &str) -> Option<NaiveDate> {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let num = |r: std::ops::Range<usize>| -> Option<u32> {
        let part = &s[r];
        part.bytes()
            .all(|c| c.is_ascii_digit())
            .then(|| part.parse().ok())?
    };
    NaiveDate::from_ymd_opt(num(0..4)? as i32, num(5..7)?, num(8..10)?)
}

/// `FROM..TO`, either side empty.
pub(crate) fn parse_range(s: &str) -> Result<DateRange, String> {
    let (a, b) = s
        .split_once("..")
        .ok_or_else(|| format!("`{s}` is not a date range FROM..TO"))?;
    let side = |x: &str| -> Result<Option<NaiveDate>, String> {
        let x = x.trim();
        if x.is_empty() {
            Ok(None)
        } else {
            parse_date(x)
                .map(Some)
                .ok_or_else(|| format!("`{x}` is not a date YYYY-MM-DD"))
        }
    };
    let r = DateRange {
        from: side(a)?,
        to: side(b)?,
    };
    if let (Some(f), Some(t)) = (r.from, r.to) {
        if f > t {
            return Err(format!("date range `{s}` ends before it starts"));
        }
    }
    Ok(r)
}

/// `the Kremlin [RUSGOV]`, `Soviet Union (..1991-12-25)`, both, or a plain name.
fn alias(s: &str, line: usize, report: &mut Report) -> Option<Alias> {
    let mut text = s.trim();
    let mut a = Alias::default();
    loop {
        if text.ends_with(']') {
            let (rest, code) = split_bracket(text);
            let Some(code) = code else { break }; // a stray `]` that is part of the name
            a.code = actor_code(code, line, report).ok()?;
            text = rest;
        } else if let Some(body) = text.strip_suffix(')') {
            let Some(open) = body.rfind('(') else { break };
            let inner = &body[open + 1..];
            if !inner.contains("..") {
                break; // a parenthesis that is part of the name
            }
            match parse_range(inner) {
                Ok(r) => a.range = Some(r),
                Err(e) => {
                    report.error(line, e);
                    return None;
                }
            }
            text = body[..open].trim_end();
        } else {
            break;
        }
    }
    if text.is_empty() {
        report.error(line, format!("empty name in `{s}`"));
        return None;
    }
    a.text = text.to_string();
    Some(a)
}

fn kind(s: &str) -> Option<ActorKind> {
    Some(match s {
        "country" => ActorKind::Country,
        "territory" => ActorKind::Territory,
        "person" => ActorKind::Person,
        "igo" => ActorKind::Igo,
        "ngo" => ActorKind::Ngo,
        "party" => ActorKind::Party,
        "group" => ActorKind::Group,
        "media" => ActorKind::Media,
        "business" => ActorKind::Business,
        "other" => ActorKind::Other,
        _ => return None,
    })
}

fn actor(b: &Block, report: &mut Report) -> Option<ActorEntry> {
    let (names, code) = split_bracket(b.head);
    // `[FRO/BIL/SAM]`: the name stands for several actors; the first is the code.
    let mut extra_codes = Vec::new();
    let code = match code {
        Some(c) if c.contains('/') => {
            let mut parts = c.split('/');
            let first = actor_code(parts.next().unwrap_or(""), b.line, report).ok()?;
            for p in parts {
                extra_codes.extend(actor_code(p, b.line, report).ok()?);
            }
            first
        }
        Some(c) => actor_code(c, b.line, report).ok()?,
        None => {
            report.warn(
                b.line,
                format!("actor `{names}` has no [CODE]: it gets the null code"),
            );
            None
        }
    };
    let mut header = list(names);
    let Some(name) = header.next() else {
        report.error(b.line, "actor entry without a name");
        return None;
    };
    let mut e = ActorEntry {
        name: name.to_string(),
        code,
        extra_codes,
        at: report.at(b.line),
        ..Default::default()
    };
    e.names.extend(header.map(Alias::plain));
    for f in &b.fields {
        let target = match f.key {
            "name" => &mut e.names,
            "adj" => &mut e.adjectives,
            "seat" => &mut e.seats,
            "short" => &mut e.short,
            "type" => {
                match kind(&f.value.to_lowercase()) {
                    Some(k) => e.kind = k,
                    None => report.error(f.line, format!("unknown actor type `{}` (country, territory, person, igo, ngo, party, group, media, business, other)", f.value)),
                }
                continue;
            }
            "code" => {
                let parts: Vec<&str> = f.value.split_whitespace().collect();
                match parts.as_slice() {
                    [c, r] => match (actor_code(c, f.line, report), parse_range(r)) {
                        (Ok(Some(code)), Ok(range)) => e.dated.push(DatedCode { code, range }),
                        (Ok(None), _) => {
                            report.error(f.line, "a dated `code:` needs a real code, not ---")
                        }
                        (_, Err(msg)) => report.error(f.line, msg),
                        (Err(()), _) => {}
                    },
                    _ => report.error(
                        f.line,
                        format!("`code: {}` should be `CODE FROM..TO`", f.value),
                    ),
                }
                continue;
            }
            "note" => {
                e.notes.push(f.value.to_string());
                continue;
            }
            "source" => {
                e.notes.push(format!("source: {}", f.value));
                continue;
            }
            _ => {
                unknown_key(
                    f,
                    "actor",
                    "type, name, adj, seat, short, code, note, source",
                    report,
                );
                continue;
            }
        };
        target.extend(list(f.value).filter_map(|s| alias(s, f.line, report)));
    }
    Some(e)
}

/// `[~GOV]` → ("GOV", suffix); `[NGO~]` → ("NGO", prefix).
pub(crate) fn agent_code(code: &str) -> Option<(String, bool)> {
    let code = code.trim();
    let (role, prefix) = if let Some(r) = code.strip_prefix('~') {
        (r.trim(), false)
    } else if let Some(r) = code.strip_suffix('~') {
        (r.trim(), true)
    } else {
        return None;
    };
    is_code_alphabet(role).then(|| (role.to_string(), prefix))
}

fn agent(b: &Block, report: &mut Report) -> Option<AgentEntry> {
    let (names, code) = split_bracket(b.head);
    let Some((role, prefix)) = code.and_then(agent_code) else {
        report.error(
            b.line,
            format!(
                "agent header `{}` needs a role code like [~GOV] or [NGO~]",
                b.head
            ),
        );
        return None;
    };
    let mut header = list(names);
    let Some(name) = header.next() else {
        report.error(b.line, "agent entry without a name");
        return None;
    };
    let mut e = AgentEntry {
        name: name.to_string(),
        role,
        prefix,
        names: header.map(String::from).collect(),
        at: report.at(b.line),
    };
    for f in &b.fields {
        match f.key {
            "name" => e.names.extend(list(f.value).map(String::from)),
            "note" | "source" => {}
            _ => unknown_key(f, "agent", "name, note, source", report),
        }
    }
    Some(e)
}

/// An event code in brackets: `---` (null), `042`, or paired `042:043` / `:173`.
/// Returns (code, reverse_code).
pub(crate) fn event_code(code: &str) -> Result<(Option<String>, Option<String>), String> {
    let one = |s: &str| -> Result<Option<String>, String> {
        let s = s.trim();
        match s {
            "" | "---" => Ok(None),
            c if is_event_code(c) => Ok(Some(c.to_string())),
            // PETRARCH's validation suite uses variants like `174K`; `dyad dict check` reports
            // codes missing from the codebook.
            c if c.len() <= 6 && c.bytes().all(|b| b.is_ascii_alphanumeric()) => {
                Ok(Some(c.to_string()))
            }
            c => Err(format!(
                "`{c}` is not an event code (digits like 042, or --- for none)"
            )),
        }
    };
    match code.split_once(':') {
        Some((a, b)) => Ok((one(a)?, one(b)?)),
        None => Ok((one(code)?, None)),
    }
}

/// The lemma a given form belongs to: itself if it is a lemma, else the one sharing the
/// longest beginning with it (ties: the first).
fn owner(form: &str, lemmas: &[String]) -> usize {
    if let Some(i) = lemmas.iter().position(|l| l == form) {
        return i;
    }
    let common = |l: &str| {
        l.bytes()
            .zip(form.bytes())
            .take_while(|(a, b)| a == b)
            .count()
    };
    let mut best = 0;
    for (i, l) in lemmas.iter().enumerate() {
        if common(l) > common(&lemmas[best]) {
            best = i;
        }
    }
    best
}

/// Every surface form of a verb entry: lemmas, given forms, and regular forms of the lemmas
/// that have no given forms (multi-word lemmas inflect their first word). Sorted.
pub(crate) fn verb_forms(lemmas: &[String], given: &[String]) -> Vec<String> {
    let mut has_given = vec![false; lemmas.len()];
    for g in given {
        if !lemmas.is_empty() {
            has_given[owner(g, lemmas)] = true;
        }
    }
    let mut forms: Vec<String> = lemmas.iter().chain(given).cloned().collect();
    for (l, given) in lemmas.iter().zip(has_given) {
        if !given {
            let words: Vec<&str> = l.split(' ').collect();
            forms.extend(inflect::phrase_verb_forms(&words, 0));
        }
    }
    forms.sort();
    forms.dedup();
    forms
}

fn verb(b: &Block, report: &mut Report) -> Option<VerbEntry> {
    let (lemmas, code) = split_bracket(b.head);
    let Some(code) = code else {
        report.error(
            b.line,
            format!(
                "verb header `{}` needs a code in brackets ([---] for none)",
                b.head
            ),
        );
        return None;
    };
    let (code, reverse_code) = event_code(code).map_err(|m| report.error(b.line, m)).ok()?;
    let lemmas: Vec<String> = list(lemmas).map(words_lower).collect();
    if lemmas.is_empty() {
        report.error(b.line, "verb entry without a verb");
        return None;
    }
    let mut given = Vec::new();
    let mut patterns = Vec::new();
    for f in &b.fields {
        match f.key {
            "forms" => given.extend(list(f.value).map(words_lower)),
            "pattern" => patterns.extend(pattern(f.value, f.line, report)),
            "note" => {}
            _ => unknown_key(f, "verb", "forms, pattern, note", report),
        }
    }
    Some(VerbEntry {
        forms: verb_forms(&lemmas, &given),
        lemmas,
        code,
        reverse_code,
        patterns,
        at: report.at(b.line),
    })
}

/// `$ * + on [051]` → elements and code.
pub(crate) fn pattern(s: &str, line: usize, report: &mut Report) -> Option<Pattern> {
    let (body, code) = split_bracket(s);
    let Some(code) = code else {
        report.error(line, format!("pattern `{s}` has no [CODE] at the end"));
        return None;
    };
    let (code, reverse_code) = event_code(code).map_err(|m| report.error(line, m)).ok()?;
    let elements = pattern_elements(body)
        .map_err(|m| report.error(line, format!("pattern `{s}`: {m}")))
        .ok()?;
    if elements.is_empty() {
        report.error(line, "empty pattern");
        return None;
    }
    Some(Pattern {
        elements,
        code,
        reverse_code,
        text: s.trim().to_string(),
        at: report.at(line),
    })
}

fn pattern_elements(body: &str) -> Result<Vec<PatternElement>, String> {
    let mut out = Vec::new();
    let mut rest = body.trim();
    while !rest.is_empty() {
        if let Some(group) = rest.strip_prefix('(') {
            let close = group.find(')').ok_or("`(` without `)`")?;
            let alts: Vec<Vec<String>> = group[..close]
                .split('|')
                .map(|a| a.split_whitespace().map(lower).collect::<Vec<_>>())
                .collect();
            if alts.iter().any(|a| a.is_empty()) {
                return Err("empty alternative in `( | )`".into());
            }
            out.push(if alts.len() == 1 {
                PatternElement::Phrase(alts.into_iter().next().unwrap_or_default())
            } else {
                PatternElement::AnyOf(alts)
            });
            rest = group[close + 1..].trim_start();
            continue;
        }
        let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
        let tok = &rest[..end];
        rest = rest[end..].trim_start();
        out.push(match tok {
            "*" => PatternElement::Verb,
            "$" => PatternElement::Source,
            "+" => PatternElement::Target,
            "^" => PatternElement::Skip,
            "_" => PatternElement::Join,
            t if t.contains(')') => return Err(format!("`)` without `(` in `{t}`")),
            t if t.contains('(') => return Err(format!("`(` must start a word group: `{t}`")),
            t => match t.strip_prefix('&') {
                Some("") => return Err("`&` without a set name".into()),
                Some(set) => PatternElement::Set(lower(set)),
                None => PatternElement::Phrase(vec![lower(t)]),
            },
        });
    }
    Ok(out)
}

fn set(b: &Block, report: &mut Report) -> Option<(String, Vec<String>)> {
    let Some(name) = b
        .head
        .strip_prefix('&')
        .map(str::trim)
        .filter(|n| !n.is_empty() && !n.contains(' '))
    else {
        report.error(
            b.line,
            format!("a set header is `&name`, found `{}`", b.head),
        );
        return None;
    };
    let mut words = Vec::new();
    for f in &b.fields {
        match f.key {
            "words" => words.extend(list(f.value).map(words_lower)),
            "note" => {}
            _ => unknown_key(f, "set", "words, note", report),
        }
    }
    if words.is_empty() {
        report.warn(b.line, format!("set &{name} has no words"));
    }
    Some((name.to_lowercase(), words))
}

fn discard(b: &Block, report: &mut Report) -> Option<Discard> {
    let (phrase, scope) = split_bracket(b.head);
    let scope = match scope {
        Some("story") => DiscardScope::Story,
        Some("sentence") => DiscardScope::Sentence,
        _ => {
            report.error(
                b.line,
                format!(
                    "a discard is `phrase [story]` or `phrase [sentence]`, found `{}`",
                    b.head
                ),
            );
            return None;
        }
    };
    if phrase.is_empty() {
        report.error(b.line, "empty discard phrase");
        return None;
    }
    Some(Discard {
        phrase: phrase.to_string(),
        scope,
        at: report.at(b.line),
    })
}

fn issue(b: &Block, report: &mut Report) -> Option<IssueEntry> {
    let (phrase, code) = split_bracket(b.head);
    let (code, ignore) = match code {
        Some("ignore") => (String::new(), true),
        Some(c) if !c.is_empty() && !c.contains(char::is_whitespace) => (c.to_string(), false),
        _ => {
            report.error(
                b.line,
                format!(
                    "an issue is `phrase [CODE]` or `phrase [ignore]`, found `{}`",
                    b.head
                ),
            );
            return None;
        }
    };
    if phrase.is_empty() {
        report.error(b.line, "empty issue phrase");
        return None;
    }
    Some(IssueEntry {
        phrase: phrase.to_string(),
        code,
        ignore,
        at: report.at(b.line),
    })
}
