//! Write [`Dictionaries`] as dyad-format text (docs/dictionaries.md), for
//! `dyad dict convert`. Loading what is written gives the same dictionaries back, up to
//! source locations and PETRARCH pattern texts (re-spelled in dyad's syntax).

use crate::load::dyad::verb_forms;
use crate::*;
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// Names and words that dyad's syntax cannot hold (they would read as comments or
/// separators).
fn writable(s: &str) -> bool {
    !s.is_empty() && !s.contains(['#', '|', '\n']) && s.trim() == s
}

fn range(r: &DateRange) -> String {
    let d = |x: Option<chrono::NaiveDate>| {
        x.map(|d| d.format("%Y-%m-%d").to_string())
            .unwrap_or_default()
    };
    format!("{}..{}", d(r.from), d(r.to))
}

fn alias(a: &Alias) -> String {
    let mut s = a.text.clone();
    if let Some(c) = &a.code {
        write!(s, " [{c}]").ok();
    }
    if let Some(r) = &a.range {
        write!(s, " ({})", range(r)).ok();
    }
    s
}

/// `key: a | b | c`, several lines for long lists.
fn list_field(out: &mut String, key: &str, items: &[String]) {
    for chunk in items.chunks(8) {
        writeln!(out, "  {key}: {}", chunk.join(" | ")).ok();
    }
}

fn event_code(code: &Option<String>, reverse: &Option<String>) -> String {
    let one = |c: &Option<String>| c.clone().unwrap_or_else(|| "---".into());
    match reverse {
        Some(_) => format!("{}:{}", one(code), one(reverse)),
        None => one(code),
    }
}

/// Dyad text for actors. Entries or names that cannot be written are reported in `skipped`.
pub fn actors_text(actors: &[ActorEntry], skipped: &mut Vec<String>) -> String {
    let mut out = String::new();
    for a in actors {
        if !writable(&a.name) {
            skipped.push(format!("{}: actor name `{}`", a.at, a.name));
            continue;
        }
        let mut code = a.code.as_deref().unwrap_or("---").to_string();
        for c in &a.extra_codes {
            code = format!("{code}/{c}");
        }
        writeln!(out, "{} [{code}]", a.name).ok();
        writeln!(out, "  type: {}", format!("{:?}", a.kind).to_lowercase()).ok();
        for (key, list) in [
            ("name", &a.names),
            ("adj", &a.adjectives),
            ("seat", &a.seats),
            ("short", &a.short),
        ] {
            let items: Vec<String> = list
                .iter()
                .filter(|x| {
                    let ok = writable(&x.text);
                    if !ok {
                        skipped.push(format!("{}: {key} `{}`", a.at, x.text));
                    }
                    ok
                })
                .map(alias)
                .collect();
            list_field(&mut out, key, &items);
        }
        for d in &a.dated {
            writeln!(out, "  code: {} {}", d.code, range(&d.range)).ok();
        }
        for n in &a.notes {
            writeln!(out, "  note: {}", n.replace(['#', '\n'], " ")).ok();
        }
        out.push('\n');
    }
    out
}

pub fn agents_text(agents: &[AgentEntry], skipped: &mut Vec<String>) -> String {
    let mut out = String::new();
    for a in agents {
        if !writable(&a.name) {
            skipped.push(format!("{}: agent `{}`", a.at, a.name));
            continue;
        }
        let code = if a.prefix {
            format!("{}~", a.role)
        } else {
            format!("~{}", a.role)
        };
        writeln!(out, "{} [{code}]", a.name).ok();
        let names: Vec<String> = a.names.iter().filter(|n| writable(n)).cloned().collect();
        list_field(&mut out, "name", &names);
    }
    out
}

fn word_ok(w: &str) -> bool {
    writable(w)
        && !w.contains(['(', ')', ' ', '[', ']'])
        && !matches!(w, "*" | "$" | "+" | "^" | "_")
        && !w.starts_with('&')
}

/// A pattern in dyad's syntax, or `None` if a word cannot be written.
pub fn pattern_text(p: &Pattern) -> Option<String> {
    let mut toks = Vec::new();
    for e in &p.elements {
        toks.push(match e {
            PatternElement::Verb => "*".to_string(),
            PatternElement::Source => "$".to_string(),
            PatternElement::Target => "+".to_string(),
            PatternElement::Skip => "^".to_string(),
            PatternElement::Join => "_".to_string(),
            PatternElement::Set(s) if word_ok(s) => format!("&{s}"),
            PatternElement::Phrase(ws) if ws.len() == 1 && word_ok(&ws[0]) => ws[0].clone(),
            PatternElement::Phrase(ws) if !ws.is_empty() && ws.iter().all(|w| word_ok(w)) => {
                format!("({})", ws.join(" "))
            }
            PatternElement::AnyOf(alts)
                if alts.len() > 1
                    && alts
                        .iter()
                        .all(|a| !a.is_empty() && a.iter().all(|w| word_ok(w))) =>
            {
                format!(
                    "({})",
                    alts.iter()
                        .map(|a| a.join(" "))
                        .collect::<Vec<_>>()
                        .join("|")
                )
            }
            _ => return None,
        });
    }
    Some(format!(
        "{}   [{}]",
        toks.join(" "),
        event_code(&p.code, &p.reverse_code)
    ))
}

/// Keep the author's spelling when it already is dyad syntax meaning the same thing.
fn pattern_line(p: &Pattern) -> Option<String> {
    let mut diags = Vec::new();
    let mut report = crate::diag::Report {
        file: "",
        diags: &mut diags,
    };
    // PETRARCH's upper-case texts are re-spelled in dyad's lower-case style.
    if writable(&p.text) && !p.text.chars().any(char::is_uppercase) {
        if let Some(q) = crate::load::dyad::pattern(&p.text, 0, &mut report) {
            if q.elements == p.elements && q.code == p.code && q.reverse_code == p.reverse_code {
                return Some(p.text.clone());
            }
        }
    }
    pattern_text(p)
}

pub fn verbs_text(verbs: &[VerbEntry], skipped: &mut Vec<String>) -> String {
    let mut out = String::new();
    for v in verbs {
        if v.lemmas.is_empty() || !v.lemmas.iter().all(|l| writable(l)) {
            skipped.push(format!("{}: verb entry {:?}", v.at, v.lemmas));
            continue;
        }
        writeln!(
            out,
            "{} [{}]",
            v.lemmas.join(" | "),
            event_code(&v.code, &v.reverse_code)
        )
        .ok();
        let mut sorted = v.forms.clone();
        sorted.sort();
        sorted.dedup();
        if verb_forms(&v.lemmas, &[]) != sorted {
            let given: Vec<String> = sorted
                .iter()
                .filter(|f| !v.lemmas.contains(f) && writable(f))
                .cloned()
                .collect();
            if verb_forms(&v.lemmas, &given) == sorted {
                list_field(&mut out, "forms", &given);
            } else {
                // Listing every form, lemmas included, switches generation off for all lemmas.
                let all: Vec<String> = sorted.iter().filter(|f| writable(f)).cloned().collect();
                list_field(&mut out, "forms", &all);
            }
        }
        for p in &v.patterns {
            match pattern_line(p) {
                Some(line) => writeln!(out, "  pattern: {line}").map(|_| ()).unwrap_or(()),
                None => skipped.push(format!("{}: pattern `{}`", p.at, p.text)),
            }
        }
        out.push('\n');
    }
    out
}

pub fn sets_text(sets: &BTreeMap<String, Vec<String>>) -> String {
    let mut out = String::new();
    for (name, words) in sets {
        writeln!(out, "&{name}").ok();
        let words: Vec<String> = words.iter().filter(|w| writable(w)).cloned().collect();
        list_field(&mut out, "words", &words);
        out.push('\n');
    }
    out
}

pub fn discards_text(discards: &[Discard], skipped: &mut Vec<String>) -> String {
    let mut out = String::new();
    for d in discards {
        if !writable(&d.phrase) || d.phrase.ends_with(']') {
            skipped.push(format!("{}: discard `{}`", d.at, d.phrase));
            continue;
        }
        let scope = match d.scope {
            DiscardScope::Story => "story",
            DiscardScope::Sentence => "sentence",
        };
        writeln!(out, "{} [{scope}]", d.phrase).ok();
    }
    out
}

pub fn issues_text(issues: &[IssueEntry], skipped: &mut Vec<String>) -> String {
    let mut out = String::new();
    for i in issues {
        if !writable(&i.phrase) || i.phrase.ends_with(']') {
            skipped.push(format!("{}: issue `{}`", i.at, i.phrase));
            continue;
        }
        writeln!(
            out,
            "{} [{}]",
            i.phrase,
            if i.ignore { "ignore" } else { &i.code }
        )
        .ok();
    }
    out
}

pub fn codebook_text(book: &Codebook) -> String {
    let mut out = String::from("#code\tgoldstein\tquad\tplover_type\tplover_mode\tname\n");
    for e in book.entries.values() {
        let o = |x: &Option<String>| x.clone().unwrap_or_default();
        writeln!(
            out,
            "{}\t{}\t{}\t{}\t{}\t{}",
            e.code,
            e.goldstein,
            e.quad_class,
            o(&e.plover_type),
            o(&e.plover_mode),
            e.name
        )
        .ok();
    }
    out
}

/// `verbs/Phoenix.Countries.actors.txt` → `phoenix-countries`.
fn stem(file: &str) -> String {
    let name = Path::new(file)
        .file_name()
        .map(|n| n.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    let mut s: String = name
        .trim_end_matches(".txt")
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect();
    for drop in ["-actors", "-agents", "-verbs", "-discards", "-issues"] {
        s = s.replace(drop, "");
    }
    let s = s.trim_matches('-').to_string();
    if s.is_empty() || s == "sets" {
        "dictionary".into()
    } else {
        s
    }
}

/// Write the whole set in dyad's layout under `out`: `actors/<source>.txt`, `agents.txt`,
/// `verbs/<source>.txt`, `verbs/sets.txt`, `discards.txt`, `issues.txt`, `cameo.txt`.
/// Returns the files written and what could not be written.
pub fn write_dir(d: &Dictionaries, out: &Path) -> std::io::Result<(Vec<PathBuf>, Vec<String>)> {
    let mut skipped = Vec::new();
    let mut files: Vec<(PathBuf, String)> = Vec::new();
    let mut by_file: BTreeMap<String, Vec<ActorEntry>> = BTreeMap::new();
    for a in &d.actors {
        by_file.entry(stem(&a.at.file)).or_default().push(a.clone());
    }
    for (s, actors) in by_file {
        files.push((
            out.join("actors").join(format!("{s}.txt")),
            actors_text(&actors, &mut skipped),
        ));
    }
    let mut verbs_by_file: BTreeMap<String, Vec<VerbEntry>> = BTreeMap::new();
    for v in &d.verbs {
        verbs_by_file
            .entry(stem(&v.at.file))
            .or_default()
            .push(v.clone());
    }
    for (s, verbs) in verbs_by_file {
        files.push((
            out.join("verbs").join(format!("{s}.txt")),
            verbs_text(&verbs, &mut skipped),
        ));
    }
    if !d.agents.is_empty() {
        files.push((out.join("agents.txt"), agents_text(&d.agents, &mut skipped)));
    }
    if !d.sets.is_empty() {
        files.push((out.join("verbs").join("sets.txt"), sets_text(&d.sets)));
    }
    if !d.discards.is_empty() {
        files.push((
            out.join("discards.txt"),
            discards_text(&d.discards, &mut skipped),
        ));
    }
    if !d.issues.is_empty() {
        files.push((out.join("issues.txt"), issues_text(&d.issues, &mut skipped)));
    }
    if !d.codebook.entries.is_empty() {
        files.push((out.join("cameo.txt"), codebook_text(&d.codebook)));
    }
    let mut written = Vec::new();
    for (path, text) in files {
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)?;
        }
        std::fs::write(&path, text)?;
        written.push(path);
    }
    Ok((written, skipped))
}
