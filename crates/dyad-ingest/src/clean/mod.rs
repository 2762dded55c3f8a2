//! Cleaning: take a raw article body apart into title, byline, article paragraphs and the
//! boilerplate lines that were removed (with reasons, for `dyad clean --show-removed`).
//!
//! Line rules live in `rules.rs`; the paragraph-level rule (a caption that repeats the lead)
//! in `caption.rs`; character clean-up in `normalize.rs`.

mod caption;
mod inline;
pub mod mojibake;
mod normalize;
pub mod rules;

pub use normalize::normalize;

use crate::meta::byline;
use dyad_doc::Removed;

/// A cleaned article body.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Cleaned {
    pub title: Option<String>,
    pub author: Option<String>,
    /// Article paragraphs (hard-wrapped lines joined), with the input line each starts on.
    pub paragraphs: Vec<Paragraph>,
    pub removed: Vec<Removed>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Paragraph {
    pub line: usize,
    pub text: String,
    /// Made of one input line (captions are; hard-wrapped paragraphs are not).
    pub single_line: bool,
}

/// Clean `body` (already normalized). With `find_title`, a short first line standing alone
/// is taken as the headline (plain-text inputs; JSONL and HTML carry their own title).
pub fn clean(body: &str, find_title: bool) -> Cleaned {
    let mut out = Cleaned::default();
    let mut para = ParagraphBuilder::default();
    let mut ended: Option<String> = None;
    let lines = lines(body);
    let title_line = if find_title { title_line(&lines) } else { None };
    let inline_words = inline::body_may_have(body);

    for (i, raw) in lines.iter().enumerate() {
        let n = i + 1;
        let mut text = raw.trim();
        if text.is_empty() {
            para.flush(&mut out.paragraphs);
            continue;
        }
        if Some(i) == title_line {
            out.title = Some(text.to_string());
            out.removed.push(removed(n, text, "headline (moved to title)"));
            continue;
        }
        if let Some(marker) = &ended {
            out.removed.push(removed(n, text, &format!("after end-of-article marker '{marker}'")));
            continue;
        }
        if let Some(rest) = rules::strip_glued_ad(text) {
            out.removed.push(removed(n, "Advertisement", "advertisement (glued to the line)"));
            text = rest;
        }
        let body_started = !out.paragraphs.is_empty() || !para.is_empty();
        if !body_started && out.author.is_none() {
            if let Some(author) = byline::parse(text) {
                out.author = Some(author);
                out.removed.push(removed(n, text, "byline (moved to author)"));
                continue;
            }
        }
        // A lower-case line inside a paragraph continues a hard-wrapped sentence: skip the
        // rules (most newswire lines are such).
        let continuation = !para.is_empty() && text.starts_with(|c: char| c.is_lowercase());
        if let Some(verdict) = (!continuation).then(|| rules::classify(text)).flatten() {
            para.flush(&mut out.paragraphs);
            out.removed.push(removed(n, text, verdict.reason));
            if verdict.ends_article && body_started {
                ended = Some(text.to_string());
            }
            continue;
        }
        // Boilerplate glued inside a line of text (line rules above take whole lines).
        let stripped;
        if let Some((rest, cut)) = inline::strip(text, inline_words) {
            for (run, why) in cut {
                out.removed.push(removed(n, &run, why));
            }
            stripped = rest;
            text = stripped.as_str();
            if text.is_empty() {
                continue;
            }
        }
        let indented = raw.starts_with("  ") || raw.starts_with('\t');
        para.push(n, text, indented, &mut out.paragraphs);
    }
    para.flush(&mut out.paragraphs);
    caption::drop_captions_repeating_lead(&mut out);
    out.removed.sort_by_key(|r| r.line);
    out
}

/// The lines of `body`, as `str::lines` gives them ("\r\n" ends a line too, no empty last
/// line), found with a vectorised search and collected into a vector sized for news text
/// (lines of 60-80 characters) so that it rarely reallocates.
fn lines(body: &str) -> Vec<&str> {
    let mut out = Vec::with_capacity(body.len() / 50 + 1);
    let mut start = 0;
    for end in memchr::memchr_iter(b'\n', body.as_bytes()) {
        let line = &body[start..end];
        out.push(line.strip_suffix('\r').unwrap_or(line));
        start = end + 1;
    }
    if start < body.len() {
        out.push(&body[start..]);
    }
    out
}

fn removed(line: usize, text: &str, reason: &str) -> Removed {
    Removed { line, text: text.to_string(), reason: reason.to_string() }
}

/// The headline: the first line that is neither blank nor boilerplate (scraped files may
/// open with "Advertisement"), if it is short, reads like a headline (no sentence-final
/// period) and stands alone (blank line after it, more text below).
fn title_line(lines: &[&str]) -> Option<usize> {
    let i = lines.iter().position(|l| !l.trim().is_empty() && rules::classify(l.trim()).is_none())?;
    let line = lines[i].trim();
    let words = line.split_whitespace().count();
    let alone = lines.get(i + 1).is_none_or(|l| l.trim().is_empty());
    let more = lines[i + 1..].iter().any(|l| !l.trim().is_empty());
    let ends_like_sentence = line.ends_with(['.', ',', ';', ':']) && !line.ends_with("...");
    let ok = alone
        && more
        && (2..=30).contains(&words)
        && line.len() <= 200
        && !ends_like_sentence
        && byline::parse(line).is_none()
        && crate::meta::dateline::split(line).is_none();
    ok.then_some(i)
}

/// Joins consecutive lines into paragraphs. Hard-wrapped text (newswire, e-mail) is
/// unwrapped; a new paragraph starts at a blank line, an indented line, or after a long
/// line that ends a sentence (scraped text with one paragraph per line).
#[derive(Default)]
struct ParagraphBuilder {
    line: usize,
    text: String,
    last_len: usize,
    lines: usize,
}

impl ParagraphBuilder {
    fn is_empty(&self) -> bool {
        self.text.is_empty()
    }

    fn push(&mut self, n: usize, line: &str, indented: bool, out: &mut Vec<Paragraph>) {
        let after_long_sentence = self.last_len > 100 && ends_sentence(&self.text);
        if indented || after_long_sentence {
            self.flush(out);
        }
        if self.text.is_empty() {
            self.line = n;
            self.lines = 0;
            // Room for a typical paragraph, so joining its lines rarely reallocates.
            self.text.reserve(PARAGRAPH_CAPACITY);
        } else {
            self.text.push(' ');
        }
        self.lines += 1;
        self.text.push_str(line);
        self.last_len = line.len();
    }

    fn flush(&mut self, out: &mut Vec<Paragraph>) {
        if !self.text.is_empty() {
            out.push(Paragraph { line: self.line, text: std::mem::take(&mut self.text), single_line: self.lines == 1 });
        }
        self.last_len = 0;
    }
}

const PARAGRAPH_CAPACITY: usize = 512;

fn ends_sentence(text: &str) -> bool {
    text.trim_end().ends_with(['.', '!', '?', '"', '”', '’', '\''])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_like_str_lines() {
        for body in ["", "\n", "a", "a\n", "a\r\nb\r\n", "a\n\nb", "\r\n\r", "x\ny\r", "one\ntwo\n\n"] {
            assert_eq!(lines(body), body.lines().collect::<Vec<_>>(), "{body:?}");
        }
    }

    #[test]
    fn unwraps_hard_wrapped_paragraphs() {
        let body = "Showers continued throughout the week in\nthe Bahia cocoa zone, alleviating the drought.\n    The dry period means the temporao will be late.\n Reuter\n";
        let c = clean(body, false);
        let texts: Vec<&str> = c.paragraphs.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(
            texts,
            ["Showers continued throughout the week in the Bahia cocoa zone, alleviating the drought.", "The dry period means the temporao will be late."]
        );
        assert_eq!(c.paragraphs[1].line, 3);
        assert_eq!(c.removed.len(), 1);
        assert_eq!((c.removed[0].line, c.removed[0].reason.as_str()), (4, "agency sign-off"));
        assert_eq!(c.title, None);
    }

    #[test]
    fn one_paragraph_per_line_stays_split() {
        let a = "Russian President Vladimir Putin sent North Korean leader Kim Jong Un greetings on the national holiday.";
        let b = "Kim thanked him the next day.";
        let c = clean(&format!("{a}\n{b}\n"), false);
        assert_eq!(c.paragraphs.len(), 2);
    }

    #[test]
    fn title_byline_and_trailing_sections() {
        let body = "Leaders Meet in Hanoi\n\nBy Jane Roe\n\nHANOI, May 2 (AFP) -- The two leaders met.\n\nThey agreed to talk again.\n\nCOMMENTS\n\nSome reader wrote this.\n";
        let c = clean(body, true);
        assert_eq!(c.title.as_deref(), Some("Leaders Meet in Hanoi"));
        assert_eq!(c.author.as_deref(), Some("Jane Roe"));
        let texts: Vec<&str> = c.paragraphs.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(texts, ["HANOI, May 2 (AFP) -- The two leaders met.", "They agreed to talk again."]);
        let reasons: Vec<(usize, &str)> = c.removed.iter().map(|r| (r.line, r.reason.as_str())).collect();
        assert_eq!(
            reasons,
            [
                (1, "headline (moved to title)"),
                (3, "byline (moved to author)"),
                (9, "comments section"),
                (11, "after end-of-article marker 'COMMENTS'")
            ]
        );
    }

    #[test]
    fn title_after_leading_boilerplate() {
        let c = clean("Advertisement\n\nKim Congratulates Putin\n\nBy Jennie Oh\nThe text.\n", true);
        assert_eq!(c.title.as_deref(), Some("Kim Congratulates Putin"));
        assert_eq!(c.author.as_deref(), Some("Jennie Oh"));
        assert_eq!(c.removed[0].reason, "advertisement");
    }

    #[test]
    fn no_title_when_first_line_is_a_sentence() {
        let c = clean("The minister arrived in Paris on Monday.\n\nShe met her counterpart.\n", true);
        assert_eq!(c.title, None);
        assert_eq!(c.paragraphs.len(), 2);
    }
}
