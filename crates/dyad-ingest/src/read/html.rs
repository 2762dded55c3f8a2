//! HTML pages. The page is parsed once (html5ever, through `dom_query`); its metadata is
//! read (`html_meta`), elements that are never article text are pruned (`html_text`), the
//! main content is chosen by `dom_smoothie` (a port of Mozilla's Readability scoring),
//! and that content is cut into paragraphs, dropping link lists and site furniture.
//! A JSON-LD `articleBody` replaces the result when it is clearly the fuller text.

use super::html_meta::{self, PageMeta};
use super::html_text::{self, boilerplate_reason, Block, BlockKind};
use dom_query::Document;
use dom_smoothie::{Config, Readability, ReadabilityError};

/// What an HTML page yields.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Extracted {
    pub meta: PageMeta,
    /// The article body as text, paragraphs separated by blank lines.
    pub text: String,
    /// Paragraphs of the chosen content that were dropped, with the reason.
    pub removed: Vec<(String, &'static str)>,
}

/// Extract the article from a page; `Err` says why there is none.
pub fn extract(html: &str, url: Option<&str>) -> Result<Extracted, String> {
    match extract_from(Document::from(html), url, true) {
        // Pruning can take too much from an odd page: then score the page as it is.
        Ok(e) if e.text.len() >= 200 => Ok(e),
        first => match extract_from(Document::from(html), url, false) {
            Ok(e) if first.as_ref().is_ok_and(|f| f.text.len() >= e.text.len()) => first,
            Ok(e) => Ok(e),
            Err(e) => first.or(Err(e)),
        },
    }
}

fn extract_from(doc: Document, url: Option<&str>, prune: bool) -> Result<Extracted, String> {
    if doc.body().is_none_or(|b| b.children_it(false).next().is_none()) {
        let why = if doc.select("frameset").exists() { "a frameset page, with no text of its own" } else { "the page has no <body>, or an empty one" };
        return Err(why.into());
    }
    let meta = html_meta::read(&doc, url);
    if prune {
        html_text::prune(&doc);
    }
    let lead = html_text::lead_paragraph(&doc, meta.description.as_deref());
    let densest = html_text::densest_paragraphs(&doc);
    // No URL: readability would only use it to resolve links, which we drop.
    let mut reader = Readability::with_document(doc, None, Some(Config::default())).map_err(|e| e.to_string())?;
    let chosen = reader.parse();
    let mut out = Extracted { meta, ..Extracted::default() };
    let mut kept: Vec<Block> = Vec::new();
    match chosen {
        Ok(article) => {
            let content = Document::fragment(article.content);
            for b in html_text::blocks(&content.root()) {
                match boilerplate_reason(&b) {
                    Some(why) => out.removed.push((b.text, why)),
                    None => kept.push(b),
                }
            }
        }
        Err(ReadabilityError::GrabFailed) => {}
        Err(e) => return Err(e.to_string()),
    }
    // Readability sometimes picks a teaser or a list beside the article; the container of
    // the most paragraph text then holds much more.
    let dense: Vec<Block> = densest.into_iter().filter(|b| boilerplate_reason(b).is_none()).collect();
    let len = |bs: &[Block]| bs.iter().map(|b| b.text.len()).sum::<usize>();
    if 2 * len(&dense) > 3 * len(&kept) {
        kept = dense;
    }
    trim_tail(&mut kept, &mut out.removed);
    let mut kept: Vec<String> = kept.into_iter().map(|b| b.text).collect();
    // The standfirst often sits beside the headline, outside the scored content.
    if let Some(lead) = lead {
        let prefix: String = lead.chars().take(60).collect();
        if !kept.iter().any(|k| k.contains(&prefix)) {
            kept.insert(0, lead);
        }
    }
    let text_len: usize = kept.iter().map(|k| k.len()).sum();
    if let Some(body) = out.meta.article_body.as_deref().filter(|b| prefer_article_body(b, text_len)) {
        kept = if body.contains("<p") || body.contains("<br") {
            // Some sites put markup in articleBody.
            html_text::blocks(&Document::fragment(body).root()).into_iter().map(|b| b.text).collect()
        } else {
            let body = if html_text::has_entity(body) { html_text::decode_entities(body) } else { body.to_string() };
            body.split('\n').map(str::trim).filter(|l| !l.is_empty()).map(String::from).collect()
        };
    }
    out.text = kept.join("\n\n");
    if out.text.trim().is_empty() {
        return Err("no article body found in the page".into());
    }
    Ok(out)
}

/// Short blocks after the article's last full paragraph are its furniture: author boxes,
/// "more from" headings, rating prompts, sponsor lines. List items stay (a closing list is
/// often the article's own: steps, ingredients, rankings).
fn trim_tail(kept: &mut Vec<Block>, removed: &mut Vec<(String, &'static str)>) {
    let full = |b: &Block| b.text.chars().count() >= TAIL_MIN_CHARS && b.text.trim_end().ends_with(['.', '!', '?', '"', '”', '»', ')', '“', ':']);
    let Some(last) = kept.iter().rposition(full) else { return };
    if kept[last + 1..].iter().all(|b| b.text.chars().count() < TAIL_MIN_CHARS) {
        let tail: Vec<Block> = kept.drain(last + 1..).collect();
        for b in tail {
            let sentence = b.text.ends_with(['.', '!', '?']) && b.text.split_whitespace().count() >= 6;
            if b.kind == BlockKind::ListItem || sentence {
                kept.push(b);
            } else {
                removed.push((b.text, "short line after the article's last paragraph"));
            }
        }
    }
}

const TAIL_MIN_CHARS: usize = 100;

/// A JSON-LD `articleBody` wins when it is long and much longer than what scoring kept
/// (scoring missed part of the article, or chose a teaser).
fn prefer_article_body(body: &str, extracted_len: usize) -> bool {
    body.len() >= 500 && body.len() > extracted_len * 3 / 2
}

/// The charset a page declares in its first bytes (`<meta charset=...>` or http-equiv).
pub fn meta_charset(bytes: &[u8]) -> Option<String> {
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(4096)]).to_ascii_lowercase();
    let i = head.find("charset=")?;
    let rest = head[i + 8..].trim_start_matches(['"', '\'', ' ']);
    let end = rest.find(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '_')).unwrap_or(rest.len());
    (end > 0).then(|| rest[..end].to_string())
}
