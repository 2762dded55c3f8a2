//! The article's text from HTML, around the readability scorer:
//! - before it, [`prune`] takes out what is never article text: navigation, asides,
//!   forms, captions, and elements whose class or id names boilerplate (share bars,
//!   related stories, newsletter boxes, cookie notices, comments);
//! - after it, [`blocks`] turns the chosen content into paragraphs and drops the ones
//!   that are mostly links (related-story lists, tag clouds) or read as boilerplate
//!   (credit lines, "Read more", share prompts).
//!
//! Every walk over the tree is iterative: 10,000 levels of nesting cannot overflow a stack.

use dom_query::{Document, NodeRef};
use regex::Regex;
use std::sync::LazyLock;

/// Elements that are never article text.
const NEVER_TEXT: &str = "nav, aside, footer, form, iframe, button, select, textarea, svg, template, \
dialog, [hidden], [aria-hidden=true], [role=navigation], [role=complementary], [role=contentinfo], [role=dialog]";

/// Class or id words (split at `-`, `_`, spaces and case changes) that name boilerplate.
const BOILERPLATE_WORDS: &[&str] = &[
    "share", "sharing", "sharebar", "social", "socials", "related", "newsletter", "subscribe", "subscription",
    "promo", "advert", "advertisement", "ads", "ad", "adslot", "cookie", "cookies", "consent", "gdpr", "caption",
    "credit", "credits", "comment", "comments", "breadcrumb", "breadcrumbs", "popup", "modal", "sidebar",
    "widget", "recommended", "recommendations", "outbrain", "taboola", "tags", "tagcloud", "paywall", "login",
    "signup", "nav", "navbar", "navigation", "menu", "toolbar", "banner", "sponsor", "sponsored",
    "rating", "author-box", "authorbox", "bio", "disclaimer", "copyright", "pagination",
    "pager", "footer", "masthead", "skip", "sr-only", "visually-hidden",
    "wp-caption-text", "readmore", "gallery", "photo", "photos", "foto", "fotos", "image", "img",
    "bildunterschrift", "bildtext", "legend", "legende", "figure", "read-more", "trending", "popular", "newsletterbox",
];

/// Class words that name the article itself.
const CONTENT_WORDS: &[&str] = &["article", "content", "entry", "story", "post", "body", "text", "main"];

/// Remove boilerplate elements from `doc` before scoring. An element named like
/// boilerplate that holds much of the page's text (a wrapper such as
/// `<div class="content has-sidebar">`) stays.
pub fn prune(doc: &Document) {
    doc.select("script, style, noscript").remove();
    let body_len = doc.body().map(|b| text_len(&b)).unwrap_or(0).max(1);
    doc.select(NEVER_TEXT).remove();
    // Captions go; a long "caption" is the text of a slide show.
    for n in doc.select("figcaption").nodes() {
        if text_len(n) < 250 {
            n.remove_from_parent();
        }
    }
    let mut doomed = Vec::new();
    let Some(body) = doc.body() else { return };
    for n in body.descendants_it() {
        if !n.is_element() {
            continue;
        }
        let name = n.node_name().map(|t| t.to_string()).unwrap_or_default();
        if matches!(name.as_str(), "html" | "body" | "article" | "main" | "p" | "h1") {
            continue;
        }
        if named_boilerplate(&n) {
            doomed.push(n);
        }
    }
    for n in doomed {
        // An ancestor may have gone already; then this one went with it.
        if n.parent().is_none() {
            continue;
        }
        if text_len(&n) * 3 < body_len {
            n.remove_from_parent();
        }
    }
}

fn words(class: &str) -> Vec<&str> {
    class.split(['-', '_']).filter(|w| !w.is_empty()).collect()
}

fn named_boilerplate(n: &NodeRef) -> bool {
    let mut names = String::new();
    for a in ["class", "id"] {
        if let Some(v) = n.attr(a) {
            names.push(' ');
            names.push_str(&v);
        }
    }
    if names.is_empty() {
        return false;
    }
    let lower = names.to_ascii_lowercase();
    let boilerplate = |w: &&str| BOILERPLATE_WORDS.contains(w);
    let classes: Vec<&str> = lower.split_whitespace().collect();
    // One class that says content ("entry", "article__text") outweighs others that say
    // boilerplate ("entry themeform share").
    let content = classes.iter().any(|c| {
        let w = words(c);
        w.iter().any(|w| CONTENT_WORDS.contains(w)) && !w.iter().any(boilerplate)
    });
    !content && classes.iter().any(|c| BOILERPLATE_WORDS.contains(c) || words(c).iter().any(boilerplate))
}

/// Characters of text under `n`, counted without recursion.
fn text_len(n: &NodeRef) -> usize {
    n.descendants_it().filter(|d| d.is_text()).map(|d| d.text().trim().len()).sum()
}

/// The paragraph that carries the page's description (its standfirst), as it stands in
/// the page; `None` when no paragraph starts like the description.
pub fn lead_paragraph(doc: &Document, description: Option<&str>) -> Option<String> {
    let by_description = description.filter(|d| d.chars().count() >= 40).and_then(|d| paragraph_starting_like(doc, d));
    by_description.or_else(|| named_lead(doc))
}

/// Class words of an article's standfirst.
const LEAD_WORDS: &[&str] = &["intro", "lead", "lede", "standfirst", "deck", "summary", "excerpt", "abstract"];

/// The first element named as the standfirst (`class="article-intro"`), when it reads as
/// a paragraph: 60 to 1,000 characters, few of them links.
fn named_lead(doc: &Document) -> Option<String> {
    let body = doc.body()?;
    for n in body.descendants_it() {
        if !n.is_element() {
            continue;
        }
        let Some(class) = n.attr("class") else { continue };
        let lower = class.to_ascii_lowercase();
        if !lower.split_whitespace().any(|c| words(c).iter().any(|w| LEAD_WORDS.contains(w))) {
            continue;
        }
        let (chars, links) = text_and_link_len(&n);
        if !(60..=1000).contains(&chars) || links * 4 > chars {
            continue;
        }
        let text = n.text().split_whitespace().collect::<Vec<_>>().join(" ");
        return Some(text);
    }
    None
}

fn paragraph_starting_like(doc: &Document, description: &str) -> Option<String> {
    let prefix: String = description.chars().take(40).collect();
    for n in doc.select("p, h2, div").nodes() {
        // Only an element holding text itself, not a wrapper around the lead.
        if n.children_it(false).any(|c| c.is_element() && block_kind(&c.node_name().unwrap_or_default()).is_some()) {
            continue;
        }
        let text = n.text().split_whitespace().collect::<Vec<_>>().join(" ");
        if text.starts_with(&prefix) && text.len() < 1500 {
            return Some(text);
        }
    }
    None
}

/// A second opinion on where the article is: the element whose own paragraphs (`<p>`
/// children with little link text) hold the most text, grandparents getting half. Its
/// paragraphs, or none when the page has no such paragraphs.
pub fn densest_paragraphs(doc: &Document) -> Vec<Block> {
    let mut score: std::collections::HashMap<dom_query::NodeId, usize> = Default::default();
    for p in doc.select("p").nodes() {
        let (chars, links) = text_and_link_len(p);
        if chars < 60 || links * 3 > chars {
            continue;
        }
        if let Some(parent) = p.parent() {
            *score.entry(parent.id).or_default() += chars;
            if let Some(grand) = parent.parent() {
                *score.entry(grand.id).or_default() += chars / 2;
            }
        }
    }
    let Some((&best, _)) = score.iter().max_by_key(|(id, s)| (**s, std::cmp::Reverse(**id))) else { return Vec::new() };
    let node = NodeRef::new(best, &doc.tree);
    blocks(&node)
}

/// Characters of text under `n`, and how many of them are inside links.
fn text_and_link_len(n: &NodeRef) -> (usize, usize) {
    let (mut all, mut links) = (0, 0);
    for d in n.descendants_it().filter(|d| d.is_text()) {
        let len = d.text().trim().len();
        all += len;
        if d.ancestors_it(Some(8)).any(|a| a.node_name().is_some_and(|t| &*t == "a")) {
            links += len;
        }
    }
    (all, links)
}

/// One paragraph-like run of text in the extracted content.
#[derive(Debug, Clone, PartialEq)]
pub struct Block {
    pub text: String,
    /// Characters of that text inside links.
    pub link_chars: usize,
    pub kind: BlockKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockKind {
    Paragraph,
    Heading,
    ListItem,
}

fn block_kind(name: &str) -> Option<BlockKind> {
    Some(match name {
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => BlockKind::Heading,
        "li" | "dt" | "dd" => BlockKind::ListItem,
        "p" | "div" | "section" | "article" | "main" | "header" | "blockquote" | "pre" | "ul" | "ol" | "dl" | "table"
        | "tr" | "td" | "th" | "figure" | "br" | "hr" | "address" | "center" | "details" | "summary" | "tbody"
        | "thead" => BlockKind::Paragraph,
        _ => return None,
    })
}

/// The paragraphs under `root`, in order, with their link density.
pub fn blocks(root: &NodeRef) -> Vec<Block> {
    let mut out = Vec::new();
    let mut cur = Block { text: String::new(), link_chars: 0, kind: BlockKind::Paragraph };
    // (node, leaving?) pairs: an explicit stack instead of recursion.
    let mut stack: Vec<(NodeRef, bool)> = vec![(*root, false)];
    let mut in_link = 0usize;
    let mut kinds: Vec<BlockKind> = Vec::new();
    while let Some((n, leaving)) = stack.pop() {
        if n.is_text() {
            let t = n.text();
            push_text(&mut cur, &t, in_link > 0);
            continue;
        }
        if !n.is_element() && !n.is_document() && !n.is_fragment() {
            continue;
        }
        let name = n.node_name().map(|t| t.to_string()).unwrap_or_default();
        let kind = block_kind(&name);
        if leaving {
            if name == "a" {
                in_link = in_link.saturating_sub(1);
            }
            if kind.is_some() {
                flush(&mut cur, &mut out);
                kinds.pop();
                cur.kind = kinds.last().copied().unwrap_or(BlockKind::Paragraph);
            }
            continue;
        }
        if matches!(name.as_str(), "script" | "style" | "noscript" | "template") {
            continue;
        }
        if let Some(k) = kind {
            flush(&mut cur, &mut out);
            // A list item stays one even when it wraps a paragraph.
            let k = if kinds.last() == Some(&BlockKind::ListItem) && k == BlockKind::Paragraph { BlockKind::ListItem } else { k };
            kinds.push(k);
            cur.kind = k;
        }
        if name == "a" {
            in_link += 1;
        }
        stack.push((n, true));
        let children: Vec<NodeRef> = n.children_it(true).collect();
        for c in children {
            stack.push((c, false));
        }
    }
    flush(&mut cur, &mut out);
    out
}

fn push_text(cur: &mut Block, t: &str, in_link: bool) {
    let mut added = 0;
    let starts_space = t.starts_with(char::is_whitespace);
    for (i, w) in t.split_whitespace().enumerate() {
        if !cur.text.is_empty() && (i > 0 || starts_space) {
            cur.text.push(' ');
        }
        cur.text.push_str(w);
        added += w.len();
    }
    if t.ends_with(char::is_whitespace) && !cur.text.is_empty() && !cur.text.ends_with(' ') {
        cur.text.push(' ');
    }
    if in_link {
        cur.link_chars += added;
    }
}

fn flush(cur: &mut Block, out: &mut Vec<Block>) {
    let text = cur.text.trim();
    if !text.is_empty() {
        let text = if has_entity(text) { decode_entities(text) } else { text.to_string() };
        out.push(Block { text, link_chars: cur.link_chars, kind: cur.kind });
    }
    cur.text.clear();
    cur.link_chars = 0;
}

static ENTITY: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"&(?:[A-Za-z]{2,8}|#[0-9]{2,5}|#x[0-9A-Fa-f]{2,4});").unwrap());

/// Text still holding character references after parsing: the page escaped them twice
/// ("Atl&amp;acirc;ntico").
pub fn has_entity(text: &str) -> bool {
    text.contains('&') && ENTITY.is_match(text)
}

/// Decode the references with the HTML parser's own table (`<` escaped first, so the text
/// cannot turn into markup).
pub fn decode_entities(text: &str) -> String {
    let fragment = Document::fragment(text.replace('<', "&lt;"));
    let decoded = fragment.root().text().to_string();
    if decoded.trim().is_empty() {
        text.to_string()
    } else {
        decoded
    }
}

/// Short lines that are site furniture in any article: credits, share and follow prompts,
/// "read more" and "related" headers, newsletter and cookie notices (several languages).
static FURNITURE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?ix)^(?:
        (?:photo|foto|fot|bild|image|picture|crédit|credit|crédito|źródło|quelle|fuente|source|fotó|photograph|titelbild|bildquelle)s?\.?\s*(?:credit|photos?)?\s*[:©(]
      | bild\s+via\b | abbildung\s+\d+\s*: | domena\s+publiczna
      | (?:©|\(c\)|copyright)\s
      | (?:read|see)\s+(?:more|also)\b | more\s+on\s+this | related(?:\s+(?:articles?|stories|posts|content|news))?\s*:?$
      | (?:lesen\s+sie\s+(?:auch|mehr)|auch\s+interessant|mehr\s+zum\s+thema|das\s+könnte\s+(?:sie|dich)|weitere\s+artikel|empfohlene)
      | (?:lire\s+aussi|à\s+lire\s+aussi|voir\s+aussi|lea\s+también|le\s+puede\s+interesar|te\s+puede\s+interesar|leia\s+também|czytaj\s+(?:też|także|więcej))
      | share\s+(?:this|on|via)\b | (?:diesen\s+)?artikel\s+teilen | teilen\s*: | partager | compartir
      | follow\s+us\b | sign\s+up\b | subscribe\b | abonniere | newsletter | cookie | we\s+use\s+cookies
      | (?:advertisement|anzeige|werbung|reklama|publicidad|publicité)\s*$
      | (?:tags?|schlagw(?:o|ö)rter|kategorie|category|categories|themen|topics)\s*:
      | image\s+(?:copyright|caption)\b | media\s+playback\s+is\s+unsupported
      | zurück\b | back\s+to\s+top
      | über\s+(?:den|die)\s+autor(?:in)?\b | about\s+the\s+author | inhaltsverzeichnis | table\s+of\s+contents
      | neueste\s+(?:artikel|beiträge) | latest\s+(?:articles|news|stories|posts) | meist\s*-?\s*(?:gelesen|diskutiert|kommentiert)
      | most\s+(?:read|popular|viewed) | valora\s+esta | rate\s+this | (?:artikel\s+)?bewerten\b
    )").unwrap()
});

/// Words that mark a short block as a notice about the site, wherever they stand in it.
static NOTICE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:subscri(?:be|ber|bers|ption)|newsletter|cookies?|privacy\s+policy|datenschutz|privatsphäre|abonnier\w*|eingeloggt|log\s?in\b|sign\s+in|all\s+rights\s+reserved|alle\s+rechte|werbung|anzeige|gesponsert|sponsored)\b").unwrap()
});

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn twice_escaped_references_are_decoded() {
        assert!(has_entity("Atl&acirc;ntico"));
        assert_eq!(decode_entities("Atl&acirc;ntico &amp; <b> &#8217;s"), "Atlântico & <b> ’s");
        assert!(!has_entity("AT&T and R&D; fine"));
    }

    #[test]
    fn credit_lines() {
        assert!(is_credit_line("AFP / MARCO BERTORELLO"));
        assert!(is_credit_line("Judy Eddy/WENN.com"));
        assert!(!is_credit_line("Berlin and Hamburg agreed"));
        assert!(!is_credit_line("The 24/7 service"));
    }
}

/// "AFP / MARCO BERTORELLO", "Judy Eddy/WENN.com": names joined by slashes, nothing else.
fn is_credit_line(text: &str) -> bool {
    if !text.contains('/') || text.ends_with(['.', '!', '?', ':']) {
        return false;
    }
    let words: Vec<&str> = text.split(|c: char| c.is_whitespace() || c == '/').filter(|w| !w.is_empty()).collect();
    (2..=7).contains(&words.len()) && words.iter().all(|w| w.starts_with(|c: char| c.is_uppercase()) || *w == "via")
}

/// Why a block is not article text, or `None` when it is.
pub fn boilerplate_reason(b: &Block) -> Option<&'static str> {
    let chars = b.text.chars().count();
    let density = b.link_chars as f64 / b.text.len().max(1) as f64;
    if density > 0.5 && (b.kind != BlockKind::Paragraph || chars < 200) {
        return Some("mostly links (menu, tags or related stories)");
    }
    if chars <= 120 && FURNITURE.is_match(&b.text) {
        return Some("site furniture (credit, share, read-more or newsletter line)");
    }
    if chars <= 60 && is_credit_line(&b.text) {
        return Some("photo credit line");
    }
    if chars <= 160 && NOTICE.is_match(&b.text) {
        return Some("notice about the site (subscription, cookies, advertising)");
    }
    None
}
