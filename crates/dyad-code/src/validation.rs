//! Scoring against a validation suite of single sentences with gold codings: PETRARCH's
//! unit-test XML (`<Sentence>` with `<Text>` and `<EventCoding>`; `<Parse>` is ignored) or the
//! same records as JSONL (`id`, `date`, `text`, `events[{source,target,code}]`, `noevents`,
//! `error`).
//!
//! The rule is PETRARCH's scorer: per sentence, the gold (source, target, code) triples and
//! dyad's are compared exactly. *Correct* are gold triples dyad produced, *uncoded* gold triples
//! it missed, *extra* triples it produced that the gold does not have. A record with
//! `noevents` or an error flag (discards, bad input) expects no events.

use crate::Coder;
use chrono::NaiveDate;
use dyad_doc::{Document, Sentence};
use serde::Serialize;
use std::collections::BTreeMap;
use std::fmt;
use std::path::Path;

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Record {
    pub id: String,
    pub date: Option<NaiveDate>,
    pub category: String,
    pub text: String,
    pub expected: Vec<Triple>,
    pub noevents: bool,
    pub error: Option<String>,
    /// 1-based line of the record in its file.
    pub line: usize,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Triple {
    pub source: String,
    pub target: String,
    pub code: String,
}

impl fmt::Display for Triple {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {} {}", self.source, self.target, self.code)
    }
}

#[derive(Debug)]
pub struct RecordError {
    pub path: String,
    pub line: usize,
    pub message: String,
}

impl fmt::Display for RecordError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.path, self.line, self.message)
    }
}

impl std::error::Error for RecordError {}

/// Read a suite: `.jsonl` as JSON lines, anything else as PETRARCH XML.
pub fn read_records(path: &Path) -> Result<Vec<Record>, RecordError> {
    let name = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|e| RecordError { path: name.clone(), line: 0, message: e.to_string() })?;
    let text = String::from_utf8_lossy(&bytes);
    if name.ends_with(".jsonl") || text.trim_start().starts_with('{') {
        parse_jsonl(&text, &name)
    } else {
        parse_xml(&text, &name)
    }
}

pub fn parse_jsonl(text: &str, path: &str) -> Result<Vec<Record>, RecordError> {
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let err = |message: String| RecordError { path: path.into(), line: i + 1, message };
        let v: serde_json::Value = serde_json::from_str(line).map_err(|e| err(format!("not JSON: {e}")))?;
        let s = |k: &str| v.get(k).and_then(|x| x.as_str()).map(str::to_string);
        let text = s("text").ok_or_else(|| err("no \"text\" field".into()))?;
        let date = match s("date") {
            Some(d) => Some(NaiveDate::parse_from_str(&d, "%Y-%m-%d").map_err(|e| err(format!("bad date {d:?}: {e}")))?),
            None => None,
        };
        let mut expected = Vec::new();
        for e in v.get("events").and_then(|e| e.as_array()).into_iter().flatten() {
            let f = |k: &str| e.get(k).and_then(|x| x.as_str()).unwrap_or("").to_string();
            expected.push(Triple { source: f("source"), target: f("target"), code: f("code") });
        }
        out.push(Record {
            id: s("id").unwrap_or_else(|| format!("line-{}", i + 1)),
            date,
            category: s("category").unwrap_or_default(),
            text,
            expected,
            noevents: v.get("noevents").and_then(|x| x.as_bool()).unwrap_or(false),
            error: s("error"),
            line: i + 1,
        });
    }
    Ok(out)
}

fn line_of(text: &str, byte: usize) -> usize {
    text[..byte].bytes().filter(|b| *b == b'\n').count() + 1
}

/// Blank out `<!-- ... -->` comments, keeping offsets (and so line numbers) intact.
fn strip_comments(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(s) = rest.find("<!--") {
        out.push_str(&rest[..s]);
        let after = &rest[s..];
        let end = after.find("-->").map_or(after.len(), |e| e + 3);
        for c in after[..end].chars() {
            if c == '\n' {
                out.push('\n');
            } else {
                out.extend(std::iter::repeat_n(' ', c.len_utf8()));
            }
        }
        rest = &after[end..];
    }
    out.push_str(rest);
    out
}

fn attr(tag: &str, name: &str) -> Option<String> {
    let mut from = 0;
    while let Some(p) = tag[from..].find(name) {
        let at = from + p;
        from = at + name.len();
        let before_ok = at == 0 || tag.as_bytes()[at - 1].is_ascii_whitespace();
        let rest = tag[from..].trim_start();
        if !before_ok || !rest.starts_with('=') {
            continue;
        }
        let rest = rest[1..].trim_start();
        let quote = rest.chars().next()?;
        if quote != '"' && quote != '\'' {
            return None;
        }
        let end = rest[1..].find(quote)?;
        return Some(unescape(&rest[1..1 + end]));
    }
    None
}

fn unescape(s: &str) -> String {
    s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&apos;", "'").replace("&amp;", "&")
}

pub fn parse_xml(raw: &str, path: &str) -> Result<Vec<Record>, RecordError> {
    let text = strip_comments(raw);
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(p) = text[from..].find("<Sentence") {
        let start = from + p;
        // Not "<Sentences>".
        if !text[start + "<Sentence".len()..].starts_with(|c: char| c.is_whitespace() || c == '>') {
            from = start + 1;
            continue;
        }
        let line = line_of(&text, start);
        let err = |message: &str| RecordError { path: path.into(), line, message: message.into() };
        let head_end = start + text[start..].find('>').ok_or_else(|| err("unterminated <Sentence> tag"))?;
        let head = &text[start..head_end];
        let body_end = head_end + text[head_end..].find("</Sentence>").ok_or_else(|| err("<Sentence> without </Sentence>"))?;
        let body = &text[head_end..body_end];
        from = body_end;
        let date = match attr(head, "date") {
            Some(d) => {
                Some(NaiveDate::parse_from_str(&d, "%Y%m%d").map_err(|_| err(&format!("bad date {d:?} (expected YYYYMMDD)")))?)
            }
            None => None,
        };
        let t0 = body.find("<Text>").ok_or_else(|| err("no <Text>"))? + "<Text>".len();
        let t1 = body.find("</Text>").ok_or_else(|| err("no </Text>"))?;
        let text_words: Vec<&str> = body[t0..t1].split_whitespace().collect();
        let mut rec = Record {
            id: attr(head, "id").unwrap_or_else(|| format!("line-{line}")),
            date,
            category: attr(head, "category").unwrap_or_default(),
            text: unescape(&text_words.join(" ")),
            line,
            ..Default::default()
        };
        let mut k = 0;
        while let Some(p) = body[k..].find("<EventCoding") {
            let s = k + p;
            let e = s + body[s..].find('>').ok_or_else(|| err("unterminated <EventCoding>"))?;
            let tag = &body[s..e];
            k = e;
            if attr(tag, "noevents").is_some_and(|v| v.eq_ignore_ascii_case("true")) {
                rec.noevents = true;
            }
            if let Some(e) = attr(tag, "error") {
                rec.error = Some(e);
            }
            if let (Some(source), Some(target), Some(code)) =
                (attr(tag, "sourcecode"), attr(tag, "targetcode"), attr(tag, "eventcode"))
            {
                rec.expected.push(Triple { source, target, code });
            }
        }
        out.push(rec);
    }
    Ok(out)
}

/// A record as a one-sentence document (the suite's records are single sentences).
pub fn record_document(r: &Record) -> Document {
    let chars = r.text.chars().count();
    Document {
        id: r.id.clone(),
        date: r.date,
        text: r.text.clone(),
        sentences: vec![Sentence {
            start: 0,
            end: r.text.len(),
            char_start: 0,
            char_end: chars,
            paragraph: 0,
            token_start: 0,
            token_end: 0,
        }],
        ..Default::default()
    }
}

#[derive(Clone, Debug, Serialize)]
pub struct SentenceScore {
    pub id: String,
    pub category: String,
    pub text: String,
    pub expected: Vec<Triple>,
    pub produced: Vec<Triple>,
    pub correct: usize,
    pub uncoded: usize,
    pub extra: usize,
}

impl SentenceScore {
    pub fn all_correct(&self) -> bool {
        self.uncoded == 0 && self.extra == 0
    }
}

#[derive(Clone, Debug, Default, Serialize)]
pub struct Summary {
    pub sentences: usize,
    /// Sentences whose produced triples equal the gold exactly.
    pub sentences_correct: usize,
    pub expected: usize,
    pub produced: usize,
    pub correct: usize,
    pub uncoded: usize,
    pub extra: usize,
    /// correct / expected, in percent.
    pub correct_pct: f64,
    /// extra / produced, in percent.
    pub extra_pct: f64,
    /// sentences_correct / sentences, in percent.
    pub sentences_correct_pct: f64,
    /// Per category: (sentences, sentences correct).
    pub categories: BTreeMap<String, (usize, usize)>,
}

/// Score one record given the triples produced for it.
pub fn score_record(r: &Record, produced: Vec<Triple>) -> SentenceScore {
    let expected: Vec<Triple> = if r.noevents || r.error.is_some() { Vec::new() } else { r.expected.clone() };
    let mut produced = produced;
    produced.sort();
    produced.dedup();
    let correct = expected.iter().filter(|e| produced.contains(e)).count();
    let extra = produced.iter().filter(|p| !expected.contains(p)).count();
    SentenceScore {
        id: r.id.clone(),
        category: r.category.clone(),
        text: r.text.clone(),
        uncoded: expected.len() - correct,
        expected,
        produced,
        correct,
        extra,
    }
}

pub fn summarize(scores: &[SentenceScore]) -> Summary {
    let mut s = Summary { sentences: scores.len(), ..Default::default() };
    for x in scores {
        s.expected += x.expected.len();
        s.produced += x.produced.len();
        s.correct += x.correct;
        s.uncoded += x.uncoded;
        s.extra += x.extra;
        s.sentences_correct += x.all_correct() as usize;
        let c = s.categories.entry(x.category.clone()).or_default();
        c.0 += 1;
        c.1 += x.all_correct() as usize;
    }
    let pct = |a: usize, b: usize| if b == 0 { 0.0 } else { 100.0 * a as f64 / b as f64 };
    s.correct_pct = pct(s.correct, s.expected);
    s.extra_pct = pct(s.extra, s.produced);
    s.sentences_correct_pct = pct(s.sentences_correct, s.sentences);
    s
}

/// Score events produced elsewhere (`dyad code` output), matched to records by article id.
pub fn score_events(records: &[Record], events: &[(String, Triple)]) -> Vec<SentenceScore> {
    let mut by_article: BTreeMap<&str, Vec<Triple>> = BTreeMap::new();
    for (article, t) in events {
        by_article.entry(article.as_str()).or_default().push(t.clone());
    }
    records.iter().map(|r| score_record(r, by_article.remove(r.id.as_str()).unwrap_or_default())).collect()
}

/// Code every record and score it.
pub fn validate(coder: &Coder, records: &[Record]) -> Vec<SentenceScore> {
    records
        .iter()
        .map(|r| {
            let doc = record_document(r);
            let produced = coder
                .code_document(&doc)
                .into_iter()
                .map(|e| Triple { source: e.source, target: e.target, code: e.code })
                .collect();
            score_record(r, produced)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const XML: &str = r#"<Sentences>
<!-- <Sentence id="COMMENTED"> </Sentence> -->
<Sentence date="19950101" id="T-1" category="DEMO" sentence="true">
<EventCoding sourcecode="ARN" targetcode="GON" eventcode="064"></EventCoding>
<EventCoding sourcecode='"INJURY TOLL"' targetcode="OSG" eventcode="223"></EventCoding>
<Text>
Arnor is about to restore
ties &amp; more.
</Text>
<Parse>(ROOT (S ...))</Parse>
</Sentence>
<Sentence date="19950102" id="T-2" category="ERROR" sentence="true">
<EventCoding error="storydiscard"></EventCoding>
<Text>x</Text>
</Sentence>
<Sentence date="19950103" id="T-3" category="X" sentence="true">
<EventCoding noevents = "True"></EventCoding>
<Text>y</Text>
</Sentence>
</Sentences>"#;

    #[test]
    fn reads_petrarch_xml() {
        let r = parse_xml(XML, "t.xml").unwrap();
        assert_eq!(r.len(), 3);
        assert_eq!(r[0].id, "T-1");
        assert_eq!(r[0].text, "Arnor is about to restore ties & more.");
        assert_eq!(r[0].date, NaiveDate::from_ymd_opt(1995, 1, 1));
        assert_eq!(r[0].expected[1].source, "\"INJURY TOLL\"");
        assert_eq!(r[0].line, 3);
        assert_eq!(r[1].error.as_deref(), Some("storydiscard"));
        assert!(r[2].noevents);
        let bad = parse_xml("<Sentence date=\"1995\" id=\"x\"><Text>a</Text></Sentence>", "b.xml").unwrap_err();
        assert!(bad.to_string().starts_with("b.xml:1: bad date"));
    }

    #[test]
    fn reads_jsonl_and_reports_bad_lines() {
        let ok = r#"{"id": "A", "date": "1995-01-01", "text": "t", "events": [{"source": "ARN", "target": "GON", "code": "064"}], "noevents": false, "error": null}"#;
        let r = parse_jsonl(ok, "u.jsonl").unwrap();
        assert_eq!(r[0].expected, vec![Triple { source: "ARN".into(), target: "GON".into(), code: "064".into() }]);
        let e = parse_jsonl(&format!("{ok}\n{{not json"), "u.jsonl").unwrap_err();
        assert_eq!(e.line, 2);
    }

    #[test]
    fn scoring_rule() {
        let rec = Record {
            expected: vec![
                Triple { source: "A".into(), target: "B".into(), code: "01".into() },
                Triple { source: "B".into(), target: "A".into(), code: "01".into() },
            ],
            ..Default::default()
        };
        let s = score_record(
            &rec,
            vec![
                Triple { source: "A".into(), target: "B".into(), code: "01".into() },
                Triple { source: "A".into(), target: "C".into(), code: "01".into() },
            ],
        );
        assert_eq!((s.correct, s.uncoded, s.extra), (1, 1, 1));
        assert!(!s.all_correct());
        let noev = Record { noevents: true, ..Default::default() };
        assert!(score_record(&noev, vec![]).all_correct());
        let sum = summarize(&[s, score_record(&noev, vec![])]);
        assert_eq!((sum.expected, sum.correct, sum.extra, sum.sentences_correct), (2, 1, 1, 1));
        assert_eq!(sum.correct_pct, 50.0);
    }
}
