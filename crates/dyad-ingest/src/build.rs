//! From a raw [`Record`] to a cleaned [`Document`]: decode, parse the container (JSON
//! fields, HTML extraction), clean the body, then settle title, author, dateline and date.
//! Pure: no I/O, so callers may run it on many records in parallel.

use crate::clean::{self, Paragraph};
use crate::meta::{byline, date::parse_date, dateline};
use crate::read::{decode, html, jsonl, Record, RecordKind};
use crate::{ErrorKind, InputError, Options};
use chrono::{Datelike, NaiveDate};
use dyad_doc::{DateSource, Document, Removed, TextSpan};

/// What a container says about the article besides its body.
#[derive(Default)]
struct Parsed {
    body: String,
    title: Option<String>,
    author: Option<String>,
    date: Option<(NaiveDate, DateSource)>,
    dateline: Option<String>,
    source: Option<String>,
    /// Plain text: look for a headline on the first line.
    find_title: bool,
}

pub fn build(rec: Record, opts: &Options) -> Result<Document, InputError> {
    let err = |kind: ErrorKind, msg: String| InputError::new(&rec.origin.path, rec.origin.record, kind, msg);
    if rec.bytes.iter().all(|b| b.is_ascii_whitespace()) {
        let what = if rec.kind == RecordKind::JsonLine { "blank line" } else { "empty input" };
        return Err(err(ErrorKind::Empty, what.into()));
    }
    // (A JSONL line with control bytes fails as malformed JSON instead.)
    if rec.kind != RecordKind::JsonLine && decode::is_binary(&rec.bytes) {
        return Err(err(ErrorKind::Binary, "binary data, not text".into()));
    }
    let mut doc = Document { id: rec.id.clone(), origin: rec.origin.clone(), url: rec.url.clone(), ..Document::default() };
    let charset = match rec.kind {
        RecordKind::Html => rec.charset.clone().or_else(|| html::meta_charset(&rec.bytes)),
        _ => rec.charset.clone(),
    };
    let (text, note) = decode::decode_text(rec.bytes, charset.as_deref());
    doc.notes.extend(note);

    let mut html_removed = Vec::new();
    let parsed = match rec.kind {
        RecordKind::Text => Parsed { body: text, find_title: true, ..Parsed::default() },
        RecordKind::JsonLine => {
            let f = jsonl::parse_line(&text, &opts.fields).map_err(|(k, m)| err(k, m))?;
            if let Some(id) = f.id {
                doc.id = id;
            }
            doc.url = f.url.or(doc.url);
            let date = field_date(f.date.as_deref(), DateSource::Field, &mut doc.notes);
            Parsed {
                body: f.text,
                title: f.title,
                author: f.author,
                date,
                dateline: f.dateline,
                source: f.source,
                find_title: false,
            }
        }
        RecordKind::Html => {
            let page = html::extract(&text, rec.url.as_deref()).map_err(|m| err(ErrorKind::NoBody, m))?;
            let m = page.meta;
            if let Some(raw) = m.unreadable_date {
                doc.notes.push(format!("could not read the date '{raw}'"));
            }
            html_removed = page.removed;
            doc.lang = m.lang;
            Parsed {
                body: page.text,
                title: m.title,
                author: m.author.map(|b| byline::parse(&b).unwrap_or(b)),
                date: m.date.or(rec.date),
                source: m.site_name,
                ..Parsed::default()
            }
        }
    };
    // Paragraphs the HTML extractor dropped come first in `removed`, at line 0 (they
    // have no line in the cleaned body).
    doc.removed.extend(html_removed.into_iter().map(|(text, reason)| Removed { line: 0, text, reason: reason.into() }));
    finish(doc, parsed, opts).map_err(|m| err(ErrorKind::Empty, m))
}

/// Parse a date the input gave; an unparseable one is noted, never guessed.
fn field_date(raw: Option<&str>, source: DateSource, notes: &mut Vec<String>) -> Option<(NaiveDate, DateSource)> {
    let raw = raw?;
    match parse_date(raw) {
        Some(d) => Some((d, source)),
        None => {
            notes.push(format!("could not read the date '{raw}'"));
            None
        }
    }
}

fn finish(mut doc: Document, mut p: Parsed, opts: &Options) -> Result<Document, String> {
    let (body, mut repairs) = clean::mojibake::repair(&p.body);
    if let Some(t) = p.title.take() {
        let (t, n) = clean::mojibake::repair(&t);
        repairs += n;
        p.title = Some(t.into_owned());
    }
    if repairs > 0 {
        doc.notes.push(format!("{} ({repairs} runs of UTF-8 read as Windows-1252)", clean::mojibake::NOTE));
    }
    let body = clean::normalize(&body);
    let mut c = clean::clean(&body, p.find_title);
    doc.title = p.title.map(|t| clean::normalize(&t).trim().to_string()).or(c.title.take());
    doc.author = p.author.or(c.author.take());

    // HTML bodies often repeat the headline.
    if let (Some(title), Some(first)) = (&doc.title, c.paragraphs.first()) {
        if first.text.trim().eq_ignore_ascii_case(title.trim()) {
            let p = c.paragraphs.remove(0);
            c.removed.push(Removed { line: p.line, text: p.text, reason: "headline repeated in the body".into() });
        }
    }
    // The dateline prefix of the first paragraph moves to `doc.dateline`.
    if let Some(first) = c.paragraphs.first_mut() {
        if let Some((d, rest)) = dateline::split(&first.text) {
            let rest = rest.trim().to_string();
            doc.dateline = Some(d);
            if rest.is_empty() {
                c.paragraphs.remove(0);
            } else {
                first.text = rest;
            }
        }
    }
    if doc.dateline.is_none() {
        if let Some(raw) = p.dateline.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
            doc.dateline = Some(match dateline::split(raw) {
                Some((d, _)) => d,
                None => dyad_doc::Dateline { raw: raw.to_string(), ..Default::default() },
            });
        }
    }
    if c.paragraphs.is_empty() {
        return Err(format!("no article text left after cleaning ({} lines removed as boilerplate)", c.removed.len()));
    }

    settle_date(&mut doc, opts.date, p.date);
    doc.source = p
        .source
        .or_else(|| doc.dateline.as_ref().and_then(|d| d.agency.clone()))
        .or_else(|| doc.url.as_deref().and_then(url_host));
    doc.removed.extend(c.removed);
    set_text(&mut doc, &c.paragraphs);
    Ok(doc)
}

/// Publication date, in order: `--date`, the input's own date, a dateline that has a year.
/// A dateline without a year gets one from the publication date, never an invented one.
fn settle_date(doc: &mut Document, flag: Option<NaiveDate>, field: Option<(NaiveDate, DateSource)>) {
    let from_dateline = doc.dateline.as_ref().and_then(|d| {
        NaiveDate::from_ymd_opt(d.year?, d.month?, d.day?).map(|date| (date, DateSource::Dateline))
    });
    let chosen = flag.map(|d| (d, DateSource::Flag)).or(field).or(from_dateline);
    if let Some((date, source)) = chosen {
        doc.date = Some(date);
        doc.date_source = Some(source);
        if let Some(d) = doc.dateline.as_mut() {
            if d.year.is_none() && d.month.is_some() {
                // A story dated early January with a late-December dateline is from last year.
                let year = if d.month == Some(12) && date.month() == 1 { date.year() - 1 } else { date.year() };
                d.year = Some(year);
            }
        }
    }
}

fn url_host(url: &str) -> Option<String> {
    let rest = url.split_once("://")?.1;
    let host = rest.split(['/', '?', '#']).next()?.rsplit('@').next()?;
    let host = host.split(':').next()?.trim_start_matches("www.");
    (!host.is_empty()).then(|| host.to_string())
}

fn set_text(doc: &mut Document, paragraphs: &[Paragraph]) {
    let len = paragraphs.iter().map(|p| p.text.len() + 2).sum();
    let mut text = String::with_capacity(len);
    doc.paragraphs.reserve(paragraphs.len());
    for p in paragraphs {
        if !text.is_empty() {
            text.push_str("\n\n");
        }
        let start = text.len();
        text.push_str(&p.text);
        doc.paragraphs.push(TextSpan::new(start, text.len()));
    }
    doc.text = text;
}

#[cfg(test)]
mod tests {
    use super::url_host;

    #[test]
    fn hosts() {
        assert_eq!(url_host("https://www.upi.com/Top_News/2018/03/20/x.html").as_deref(), Some("upi.com"));
        assert_eq!(url_host("http://user@example.org:8080/a").as_deref(), Some("example.org"));
        assert_eq!(url_host("not a url"), None);
    }
}
