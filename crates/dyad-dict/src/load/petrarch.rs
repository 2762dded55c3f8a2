//! PETRARCH/PETRARCH2 dictionaries (and, through [`Flavor::Tabari`], the older TABARI files
//! they descend from): actors, agents, verbs with synonym sets, discards and issues.
//! Format description: PETRARCH2's `dictionaries.rst`; the quirks handled here come from the
//! Phoenix and validation-suite files themselves.

use super::dyad::{agent_code, event_code};
use super::Content;
use crate::diag::Report;
use crate::inflect;
use crate::text::{is_code_alphabet, words_as_written, words_lower};
use crate::*;
use chrono::NaiveDate;
use std::collections::BTreeMap;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Flavor {
    Petrarch,
    /// TABARI: `[###]` codes mark discards, verb blocks need no `---` header.
    Tabari,
}

pub(crate) fn parse(
    text: &str,
    content: Content,
    flavor: Flavor,
    report: &mut Report,
    dicts: &mut Dictionaries,
) {
    match content {
        Content::Actors => actors(text, flavor, report, dicts),
        Content::Agents => agents(text, report, dicts),
        Content::Verbs | Content::Sets => verbs(text, report, dicts),
        Content::Discards => discards(text, report, dicts),
        Content::Issues => issues(text, report, dicts),
        Content::Codebook => unreachable!("the codebook has its own parser"),
    }
}

/// Lines with `#` comments (and for actors `;` comments) removed; `<!-- ... -->` lines and
/// blank lines skipped. Leading whitespace is kept (actor date lines are indented).
fn content_lines<'t>(
    text: &'t str,
    semicolon: bool,
) -> impl Iterator<Item = (usize, &'t str)> + 't {
    crate::text::lines(text).filter_map(move |(no, l)| {
        let l = if semicolon {
            l.split(';').next().unwrap_or("").trim_end()
        } else {
            l
        };
        (!l.trim().is_empty() && !l.trim_start().starts_with("<!")).then_some((no, l))
    })
}

/// `YYYYMMDD` or `YYMMDD` (two-digit years: 00–29 → 20xx, 30–99 → 19xx).
fn date(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    if !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let (y, rest) = match s.len() {
        8 => (s[..4].parse::<i32>().ok()?, &s[4..]),
        6 => {
            let yy = s[..2].parse::<i32>().ok()?;
            (if yy < 30 { 2000 + yy } else { 1900 + yy }, &s[2..])
        }
        _ => return None,
    };
    NaiveDate::from_ymd_opt(y, rest[..2].parse().ok()?, rest[2..].parse().ok()?)
}

/// One `[CODE]`, `[CODE >D]`, `[CODE <D]` or `[CODE D-D]` group.
enum Restriction {
    /// The code and any further codes (`[FRO/BIL/SAM]`).
    Default(Option<String>, Vec<String>),
    Dated(DatedCode),
}

fn restriction(body: &str, line: usize, report: &mut Report) -> Option<Restriction> {
    let body = body.trim();
    let (code, cond) = match body.find(char::is_whitespace) {
        Some(i) => (&body[..i], body[i..].trim()),
        None => (body, ""),
    };
    // `[FRO/BIL/SAM]`: several actors at once; the first is the code, the rest extras.
    let mut codes = Vec::new();
    for part in code.split('/') {
        match part {
            "---" | "" => codes.push(None),
            c if is_code_alphabet(c) => codes.push(Some(c.to_string())),
            c if is_code_alphabet(&c.to_uppercase()) => {
                report.warn(
                    line,
                    format!("lower-case actor code `{c}` read as {}", c.to_uppercase()),
                );
                codes.push(Some(c.to_uppercase()));
            }
            c => {
                report.error(
                    line,
                    format!("`{c}` is not an actor code (capital letters and digits)"),
                );
                return None;
            }
        }
    }
    let code = codes.first().cloned().flatten();
    let extra: Vec<String> = codes.into_iter().skip(1).flatten().collect();
    if !extra.is_empty() && !cond.is_empty() {
        report.warn(
            line,
            format!("several codes `[{body}]` with a date: only {} is dated", code.as_deref().unwrap_or("---")),
        );
    }
    if cond.is_empty() {
        return Some(Restriction::Default(code, extra));
    }
    let bad = |report: &mut Report, why: &str| {
        report.error(line, format!("date restriction `[{body}]`: {why} (expected >DATE, <DATE or DATE-DATE, dates YYYYMMDD or YYMMDD)"));
    };
    let range = if let Some(d) = cond.strip_prefix('>') {
        date(d).map(|d| DateRange {
            from: Some(d),
            to: None,
        })
    } else if let Some(d) = cond.strip_prefix('<') {
        date(d).map(|d| DateRange {
            from: None,
            to: Some(d),
        })
    } else if let Some((a, b)) = cond.split_once('-') {
        match (date(a), date(b)) {
            (Some(f), Some(t)) if f <= t => Some(DateRange {
                from: Some(f),
                to: Some(t),
            }),
            (Some(_), Some(_)) => {
                bad(report, "the range ends before it starts");
                return None;
            }
            _ => None,
        }
    } else {
        None
    };
    let Some(range) = range else {
        bad(report, "unreadable date");
        return None;
    };
    let Some(code) = code else {
        report.warn(
            line,
            format!("`[{body}]`: a dated null code cannot be expressed in dyad; ignored"),
        );
        return None;
    };
    Some(Restriction::Dated(DatedCode { code, range }))
}

/// Split `NAME [A] [B >D]` into the name and its bracket groups.
fn name_and_brackets(s: &str) -> (&str, Vec<&str>) {
    let Some(open) = s.find('[') else {
        return (s.trim(), Vec::new());
    };
    let name = s[..open].trim();
    let groups = s[open + 1..]
        .split('[')
        .map(|g| g.split(']').next().unwrap_or(""))
        .collect();
    (name, groups)
}

fn guess_kind(file: &str, e: &ActorEntry) -> ActorKind {
    let f = file.to_lowercase();
    let code = e
        .code
        .as_deref()
        .or(e.dated.first().map(|d| d.code.as_str()))
        .unwrap_or("");
    if !e.dated.is_empty() {
        ActorKind::Person
    } else if code.starts_with("IGO") {
        ActorKind::Igo
    } else if code.starts_with("NGO") || code.starts_with("NGM") {
        ActorKind::Ngo
    } else if f.contains("milnonstate") {
        ActorKind::Group
    } else if f.contains("countr") && code.len() == 3 {
        ActorKind::Country
    } else {
        ActorKind::Other
    }
}

fn actors(text: &str, flavor: Flavor, report: &mut Report, dicts: &mut Dictionaries) {
    let mut current: Option<ActorEntry> = None;
    let flush = |e: Option<ActorEntry>, report: &mut Report, dicts: &mut Dictionaries| {
        if let Some(mut e) = e {
            e.kind = guess_kind(report.file, &e);
            dicts.actors.push(e);
        }
    };
    for (no, line) in content_lines(text, true) {
        let indented = line.starts_with([' ', '\t']);
        let t = line.trim();
        if indented && t.starts_with('[') {
            let Some(e) = current.as_mut() else {
                report.error(no, "date restriction before any actor");
                continue;
            };
            let (_, groups) = name_and_brackets(t);
            for g in groups {
                apply(restriction(g, no, report), e, no, report);
            }
        } else if let Some(syn) = t.strip_prefix('+') {
            let Some(e) = current.as_mut() else {
                report.error(no, "synonym `+...` before any actor");
                continue;
            };
            // `+A_ +B_`: two synonyms on one line.
            for part in syn.split(" +") {
                let (name, groups) = name_and_brackets(part);
                let name = words_as_written(name);
                if name.is_empty() {
                    report.error(no, "empty synonym");
                    continue;
                }
                let mut alias = Alias::plain(name);
                for g in groups {
                    match restriction(g, no, report) {
                        Some(Restriction::Default(c, extra)) => {
                            if !extra.is_empty() {
                                report.warn(no, "several codes on a synonym: dyad keeps the first for it");
                            }
                            alias.code = c
                        }
                        Some(Restriction::Dated(_)) => report.warn(no, "a dated code on a synonym applies to its whole entry in dyad; ignored here"),
                        None => {}
                    }
                }
                e.names.push(alias);
            }
        } else {
            if indented {
                report.warn(
                    no,
                    format!("indented actor name `{t}`: read as a new actor"),
                );
            }
            flush(current.take(), report, dicts);
            let (name, groups) = name_and_brackets(t);
            let name = words_as_written(name);
            if name.is_empty() {
                report.error(no, format!("actor line without a name: `{t}`"));
                continue;
            }
            if flavor == Flavor::Tabari && groups.first().is_some_and(|g| g.trim() == "###") {
                dicts.discards.push(Discard {
                    phrase: name,
                    scope: DiscardScope::Sentence,
                    at: report.at(no),
                });
                continue;
            }
            let mut e = ActorEntry {
                name,
                at: report.at(no),
                ..Default::default()
            };
            for g in groups {
                apply(restriction(g, no, report), &mut e, no, report);
            }
            current = Some(e);
        }
    }
    flush(current.take(), report, dicts);
}

fn apply(r: Option<Restriction>, e: &mut ActorEntry, line: usize, report: &mut Report) {
    match r {
        Some(Restriction::Default(c, extra)) => {
            if !extra.is_empty() || c.is_some() {
                e.extra_codes = extra;
            }
            if e.code.is_some() && c.is_some() && e.code != c {
                report.warn(
                    line,
                    format!(
                        "second default code {} for {} (was {}): the later one wins",
                        c.as_deref().unwrap_or("---"),
                        e.name,
                        e.code.as_deref().unwrap_or("---")
                    ),
                );
            }
            if c.is_some() || e.code.is_none() {
                e.code = c;
            }
        }
        Some(Restriction::Dated(d)) => e.dated.push(d),
        None => {}
    }
}

/// Plural in the case the phrase is written in (PETRARCH files are upper-case).
fn plural_like(phrase: &str) -> String {
    let p = inflect::phrase_plural(&phrase.to_lowercase());
    if phrase.chars().any(|c| c.is_lowercase()) {
        p
    } else {
        p.to_uppercase()
    }
}

/// Expand `!NAME!` substitution markers: every listed value replaces the marker.
fn expand_macros(
    s: &str,
    macros: &BTreeMap<String, Vec<String>>,
    depth: usize,
) -> Result<Vec<String>, String> {
    let Some(start) = s.find('!') else {
        return Ok(vec![s.to_string()]);
    };
    let Some(len) = s[start + 1..].find('!') else {
        return Err(format!("unclosed substitution marker in `{s}`"));
    };
    let name = &s[start + 1..start + 1 + len];
    let values = macros
        .get(name)
        .ok_or_else(|| format!("undefined substitution marker !{name}!"))?;
    if depth > 8 {
        return Err(format!("substitution markers nested too deeply in `{s}`"));
    }
    let mut out = Vec::new();
    for v in values {
        let replaced = format!("{}{}{}", &s[..start], v, &s[start + len + 2..]);
        out.extend(expand_macros(&replaced, macros, depth + 1)?);
    }
    Ok(out)
}

fn agents(text: &str, report: &mut Report, dicts: &mut Dictionaries) {
    let mut macros: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for (no, line) in content_lines(text, false) {
        let t = line.trim();
        if t.starts_with('!') && t.contains('=') {
            let (lhs, rhs) = t.split_once('=').unwrap_or_default();
            let name = lhs.trim().trim_matches('!').to_string();
            let values: Vec<String> = rhs
                .split(',')
                .map(|v| v.trim().replace(' ', ""))
                .filter(|v| !v.is_empty())
                .collect();
            if name.is_empty() || values.is_empty() {
                report.error(
                    no,
                    format!("substitution set should be `!NAME! = A, B, C`: `{t}`"),
                );
            } else {
                macros.insert(name, values);
            }
            continue;
        }
        let Some(open) = t.rfind('[') else {
            report.error(
                no,
                format!("agent line has no role code like [~GOV]: `{t}`"),
            );
            continue;
        };
        // `[~LEG}` is a known typo form; accept either closer.
        let code = t[open + 1..].trim_end_matches([']', '}', ' ']);
        let Some((role, prefix)) = agent_code(code) else {
            report.error(
                no,
                format!("`[{code}]` is not an agent code like [~GOV] or [NGO~]"),
            );
            continue;
        };
        let mut phrase = t[..open].trim();
        let mut plurals: Option<Vec<String>> = None;
        if let Some(b) = phrase.find('{') {
            let inner = phrase[b + 1..].trim_end().trim_end_matches('}');
            plurals = Some(inner.split_whitespace().map(words_as_written).collect());
            phrase = phrase[..b].trim();
        }
        let expanded = match expand_macros(phrase, &macros, 0) {
            Ok(v) => v,
            Err(e) => {
                report.error(no, e);
                continue;
            }
        };
        // Regular plurals unless `{...}` gives them or a substitution marker spelled them out.
        let plural = plurals.is_none() && !phrase.contains('!');
        let mut names: Vec<String> = Vec::new();
        for p in &expanded {
            let p = words_as_written(p);
            if !p.is_empty() {
                let pl = plural.then(|| plural_like(&p));
                names.push(p);
                names.extend(pl);
            }
        }
        names.extend(plurals.unwrap_or_default());
        if names.is_empty() {
            report.error(no, format!("agent line without a phrase: `{t}`"));
            continue;
        }
        let name = names.remove(0);
        names.dedup();
        dicts.agents.push(AgentEntry {
            name,
            role,
            prefix,
            names,
            at: report.at(no),
        });
    }
}

fn discards(text: &str, report: &mut Report, dicts: &mut Dictionaries) {
    for (no, line) in content_lines(text, false) {
        let t = line.trim();
        let (scope, phrase) = match t.strip_prefix('+') {
            Some(p) => (DiscardScope::Story, p),
            None => (DiscardScope::Sentence, t),
        };
        let phrase = words_as_written(phrase);
        if phrase.is_empty() {
            report.error(no, "empty discard phrase");
            continue;
        }
        dicts.discards.push(Discard {
            phrase,
            scope,
            at: report.at(no),
        });
    }
}

/// Expand one issue word: `n:crime` (singular, plural), `v:purge` (verb forms),
/// `al+zarqawi` (with a space and with a hyphen).
fn issue_word(w: &str) -> Vec<String> {
    if let Some(n) = w.strip_prefix("n:") {
        vec![n.to_string(), inflect::plural(n)]
    } else if let Some(v) = w.strip_prefix("v:") {
        inflect::verb_forms(v).to_vec()
    } else if w.contains('+') {
        let parts: Vec<Vec<String>> = w.split('+').map(issue_word).collect();
        let mut out = Vec::new();
        for sep in [" ", "-"] {
            out.extend(product(&parts, sep));
        }
        out
    } else {
        vec![w.to_string()]
    }
}

fn product(parts: &[Vec<String>], sep: &str) -> Vec<String> {
    parts.iter().fold(vec![String::new()], |acc, options| {
        acc.iter()
            .flat_map(|a| {
                options.iter().map(move |o| {
                    if a.is_empty() {
                        o.clone()
                    } else {
                        format!("{a}{sep}{o}")
                    }
                })
            })
            .collect()
    })
}

/// `<ISSUE CATEGORY="KIDNAP" TYPE="COUNTEVENT">` → `KIDNAP`.
fn issue_category(tag: &str) -> Option<String> {
    let rest = &tag[tag.find("CATEGORY=")? + "CATEGORY=".len()..];
    let rest = rest.trim_start_matches('"');
    Some(rest[..rest.find(['"', ' ', '>'])?].to_string())
}

fn issues(text: &str, report: &mut Report, dicts: &mut Dictionaries) {
    let mut category: Option<String> = None;
    for (no, line) in content_lines(text, false) {
        let t = line.trim();
        if t.starts_with("</") {
            category = None;
            continue;
        }
        if t.starts_with('<') {
            category = issue_category(t);
            continue;
        }
        let (body, code, ignore) = if let Some(p) = t.strip_prefix('~') {
            (p.trim_start_matches('~'), String::new(), true)
        } else {
            let (mut body, code) = crate::text::split_bracket(t);
            while let (rest, Some(again)) = crate::text::split_bracket(body) {
                report.warn(
                    no,
                    format!("second code [{again}] on one issue line: ignored"),
                );
                body = rest;
            }
            match (code, &category) {
                (Some(c), _) if !c.is_empty() => (body, c.to_string(), false),
                (None, Some(cat)) if !t.contains([']', '[']) => {
                    report.warn(
                        no,
                        format!("issue `{t}` has no [CODE]: using its category {cat}"),
                    );
                    (body, cat.clone(), false)
                }
                _ => {
                    report.error(
                        no,
                        format!("issue line should be `phrase [CODE]` or `~phrase`: `{t}`"),
                    );
                    continue;
                }
            }
        };
        let words: Vec<Vec<String>> = body
            .to_lowercase()
            .split_whitespace()
            .map(issue_word)
            .collect();
        if words.is_empty() {
            report.error(no, "empty issue phrase");
            continue;
        }
        for phrase in product(&words, " ") {
            dicts.issues.push(IssueEntry {
                phrase,
                code: code.clone(),
                ignore,
                at: report.at(no),
            });
        }
    }
}

// ---- verbs ----

struct VerbLine {
    lemma: String,
    forms: Vec<String>,
    code: Option<(Option<String>, Option<String>)>,
}

struct Block {
    code: (Option<String>, Option<String>),
    line: usize,
    verbs: Vec<VerbLine>,
    patterns: Vec<Pattern>,
}

struct SetBuilder {
    name: String,
    plurals: bool,
    words: Vec<String>,
    line: usize,
}

/// PETRARCH set labels: `&AUXVERB1_` → `auxverb1` (the `_` only switches plurals off).
fn set_name(label: &str) -> String {
    label.trim().trim_end_matches('_').to_lowercase()
}

/// `+CORDON_OFF {+CORDONED_OFF ...} [code]`, `WIRE_+TAP`, `HURRY {HURRIES HURRIED}`.
fn verb_line(t: &str, no: usize, report: &mut Report) -> Option<VerbLine> {
    let (rest, code) = crate::text::split_bracket(t);
    let code = match code {
        Some(c) => Some(
            event_code(c.trim_end_matches('!'))
                .map_err(|m| report.error(no, m))
                .ok()?,
        ),
        None => None,
    };
    let (lemma_tok, irregular) = match rest.find('{') {
        Some(b) => {
            let inner = rest[b + 1..].trim_end().trim_end_matches('}');
            (
                rest[..b].trim(),
                Some(
                    inner
                        .split_whitespace()
                        .map(|f| words_lower(&f.replace('+', "")))
                        .collect::<Vec<_>>(),
                ),
            )
        }
        None => (rest.trim(), None),
    };
    if lemma_tok.is_empty() {
        report.error(no, format!("verb line without a verb: `{t}`"));
        return None;
    }
    // TABARI allowed `LASH OUT` where PETRARCH writes `LASH_OUT`.
    let words: Vec<String> = lemma_tok
        .split(['_', ' ', '\t'])
        .filter(|w| !w.is_empty())
        .map(|w| w.to_lowercase())
        .collect();
    let head = words.iter().position(|w| w.starts_with('+')).unwrap_or(0);
    let words: Vec<String> = words
        .iter()
        .map(|w| w.trim_start_matches('+').to_string())
        .collect();
    if words.iter().any(|w| w.is_empty()) || words.is_empty() {
        report.error(no, format!("empty verb in `{t}`"));
        return None;
    }
    let lemma = words.join(" ");
    let mut forms = vec![lemma.clone()];
    match irregular {
        Some(irr) => forms.extend(irr),
        None => {
            let refs: Vec<&str> = words.iter().map(String::as_str).collect();
            forms.extend(inflect::phrase_verb_forms(&refs, head));
        }
    }
    Some(VerbLine { lemma, forms, code })
}

/// Break one pattern token into elements: `IN_AND_*_OUT` → Phrase[in and], Join, Verb, Join,
/// Phrase[out]. `_` means consecutive, so elements of one token are joined (not across `^`).
fn token_elements(tok: &str, out: &mut Vec<PatternElement>, dropped: &mut Vec<&'static str>) {
    let mut words: Vec<String> = Vec::new();
    let first = out.len();
    let push = |out: &mut Vec<PatternElement>, el: PatternElement| {
        let joinable = |e: &PatternElement| !matches!(e, PatternElement::Skip | PatternElement::Join);
        if out.len() > first && out.last().is_some_and(joinable) && joinable(&el) {
            out.push(PatternElement::Join);
        }
        out.push(el);
    };
    let flush = |words: &mut Vec<String>, out: &mut Vec<PatternElement>| {
        if !words.is_empty() {
            push(out, PatternElement::Phrase(std::mem::take(words)));
        }
    };
    for piece in tok.split('_').filter(|p| !p.is_empty()) {
        let el = match piece {
            "*" => Some(PatternElement::Verb),
            "$" => Some(PatternElement::Source),
            "+" => Some(PatternElement::Target),
            "^" => Some(PatternElement::Skip),
            "%" => {
                dropped.push("%");
                None
            }
            p if p.starts_with('&') => Some(PatternElement::Set(set_name(&p[1..]))),
            p => {
                words.push(p.to_lowercase());
                continue;
            }
        };
        flush(&mut words, out);
        if let Some(el) = el {
            push(out, el);
        }
    }
    flush(&mut words, out);
}

/// Linearise a PETRARCH pattern: `(PREP NOUN)` gives its words in order, `{A B}` is a
/// consecutive phrase (`{A | B}` alternatives), `_` joins words consecutively.
fn petrarch_elements(
    body: &str,
    dropped: &mut Vec<&'static str>,
) -> Result<Vec<PatternElement>, String> {
    let mut out = Vec::new();
    let spaced = body.replace(['(', ')'], " ");
    let mut rest = spaced.trim();
    while !rest.is_empty() {
        if let Some(group) = rest.strip_prefix('{') {
            let close = group.find('}').ok_or("`{` without `}`")?;
            let inner = &group[..close];
            if inner.contains('|') {
                let alts: Vec<Vec<String>> = inner
                    .split('|')
                    .map(|a| {
                        words_lower(a)
                            .split(' ')
                            .filter(|w| !w.is_empty())
                            .map(String::from)
                            .collect()
                    })
                    .collect();
                if alts.iter().any(Vec::is_empty) {
                    return Err("empty alternative in `{ | }`".into());
                }
                out.push(PatternElement::AnyOf(alts));
            } else {
                let joined = inner.split_whitespace().collect::<Vec<_>>().join("_");
                token_elements(&joined, &mut out, dropped);
            }
            rest = group[close + 1..].trim_start();
            continue;
        }
        let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
        let tok = &rest[..end];
        if tok.contains('}') || tok.contains('{') {
            return Err(format!("unbalanced braces at `{tok}`"));
        }
        token_elements(tok, &mut out, dropped);
        rest = rest[end..].trim_start();
    }
    Ok(out)
}

fn pattern_line(t: &str, no: usize, report: &mut Report) -> Option<Pattern> {
    let body = t.trim_start_matches('-').trim();
    let (elems, code) = crate::text::split_bracket(body);
    let Some(code) = code else {
        report.error(no, format!("pattern has no [CODE]: `{t}`"));
        return None;
    };
    let (code, reverse_code) = event_code(code.trim_end_matches('!'))
        .map_err(|m| report.error(no, format!("pattern `{body}`: {m}")))
        .ok()?;
    let mut dropped = Vec::new();
    let elements = petrarch_elements(elems, &mut dropped)
        .map_err(|m| report.error(no, format!("pattern `{body}`: {m}")))
        .ok()?;
    if !dropped.is_empty() {
        report.info(
            no,
            "`%` (compound actor) is not supported: the element is ignored",
        );
    }
    if elements.is_empty() {
        report.error(no, "empty pattern");
        return None;
    }
    Some(Pattern {
        elements,
        code,
        reverse_code,
        text: body.to_string(),
        at: report.at(no),
    })
}

fn flush_block(b: Option<Block>, report: &mut Report, dicts: &mut Dictionaries) {
    let Some(b) = b else { return };
    if b.verbs.is_empty() {
        if !b.patterns.is_empty() {
            report.error(b.line, "verb block has patterns but no verbs");
        }
        return;
    }
    // Verbs with a code of their own become entries of their own, sharing the patterns.
    let mut groups: Vec<VerbEntry> = Vec::new();
    for v in b.verbs {
        let (code, reverse_code) = v.code.unwrap_or_else(|| b.code.clone());
        let entry = match groups
            .iter_mut()
            .find(|g| g.code == code && g.reverse_code == reverse_code)
        {
            Some(g) => g,
            None => {
                groups.push(VerbEntry {
                    code,
                    reverse_code,
                    patterns: b.patterns.clone(),
                    at: report.at(b.line),
                    ..Default::default()
                });
                groups.last_mut().expect("just pushed")
            }
        };
        entry.lemmas.push(v.lemma);
        entry.forms.extend(v.forms);
    }
    for mut g in groups {
        g.forms.sort();
        g.forms.dedup();
        dicts.verbs.push(g);
    }
}

fn flush_set(s: Option<SetBuilder>, report: &mut Report, dicts: &mut Dictionaries) {
    let Some(s) = s else { return };
    if s.words.is_empty() {
        report.warn(s.line, format!("set &{} has no members", s.name));
    }
    if dicts.sets.insert(s.name.clone(), s.words).is_some() {
        report.warn(
            s.line,
            format!(
                "set &{} defined again: this definition replaces the earlier one",
                s.name
            ),
        );
    }
}

fn verbs(text: &str, report: &mut Report, dicts: &mut Dictionaries) {
    let mut block: Option<Block> = None;
    let mut set: Option<SetBuilder> = None;
    for (no, line) in content_lines(text, false) {
        let t = line.trim();
        if t.starts_with("---") {
            flush_set(set.take(), report, dicts);
            flush_block(block.take(), report, dicts);
            let inner = t.trim_matches('-').trim();
            let code = match crate::text::split_bracket(inner).1 {
                Some(c) => match event_code(c) {
                    Ok(c) => c,
                    Err(m) => {
                        report.error(no, format!("block header: {m}; using the null code"));
                        (None, None)
                    }
                },
                None => (None, None),
            };
            block = Some(Block {
                code,
                line: no,
                verbs: Vec::new(),
                patterns: Vec::new(),
            });
        } else if let Some(label) = t.strip_prefix('&') {
            flush_set(set.take(), report, dicts);
            flush_block(block.take(), report, dicts);
            let label = label.trim();
            if label.is_empty() || label.contains(char::is_whitespace) {
                report.error(no, format!("set label should be `&NAME`: `{t}`"));
                continue;
            }
            set = Some(SetBuilder {
                name: set_name(label),
                plurals: !label.ends_with('_'),
                words: Vec::new(),
                line: no,
            });
        } else if t.starts_with('~') {
            report.info(
                no,
                "verb transformation (`~`) lines are not supported: skipped",
            );
        } else if let (Some(s), Some(member)) = (set.as_mut(), t.strip_prefix('+')) {
            let member = member.trim();
            let no_plural = member.ends_with('_') || member.starts_with('&');
            let phrase = words_lower(member);
            if phrase.is_empty() {
                report.error(no, "empty set member");
                continue;
            }
            let plural = (s.plurals && !no_plural).then(|| inflect::phrase_plural(&phrase));
            s.words.push(phrase);
            s.words.extend(plural);
        } else if t.starts_with('-') {
            flush_set(set.take(), report, dicts);
            match block.as_mut() {
                Some(b) => b.patterns.extend(pattern_line(t, no, report)),
                None => report.error(
                    no,
                    "pattern outside a verb block (no `--- NAME [CODE] ---` line before it)",
                ),
            }
        } else {
            flush_set(set.take(), report, dicts);
            // A verb after patterns starts a new block (TABARI files have no `---` headers).
            if block.as_ref().is_none_or(|b| !b.patterns.is_empty()) {
                flush_block(block.take(), report, dicts);
                block = Some(Block {
                    code: (None, None),
                    line: no,
                    verbs: Vec::new(),
                    patterns: Vec::new(),
                });
            }
            if let Some(v) = verb_line(t, no, report) {
                block.as_mut().expect("block exists").verbs.push(v);
            }
        }
    }
    flush_set(set.take(), report, dicts);
    flush_block(block.take(), report, dicts);
}
