//! What an HTML page says about itself: publication date (JSON-LD `datePublished`, then
//! `<meta>` tags, then `<time datetime>` in the article, then the URL), title, author, site
//! name, language, and the JSON-LD `articleBody`. Read from the parsed page before any
//! boilerplate is removed (JSON-LD sits in `<script>` elements).

use crate::meta::date::parse_date;
use chrono::NaiveDate;
use dom_query::{Document, NodeRef};
use dyad_doc::DateSource;
use regex::Regex;
use serde_json::Value;
use std::sync::LazyLock;

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PageMeta {
    pub date: Option<(NaiveDate, DateSource)>,
    /// A date field that was present but could not be read (noted, never guessed).
    pub unreadable_date: Option<String>,
    pub title: Option<String>,
    pub author: Option<String>,
    pub site_name: Option<String>,
    pub lang: Option<String>,
    pub article_body: Option<String>,
    /// The page's own summary (`og:description`, `description`).
    pub description: Option<String>,
}

/// `<meta>` names and properties that hold the publication date, most specific first.
const DATE_META: &[&str] = &[
    "article:published_time",
    "og:article:published_time",
    "og:published_time",
    "datepublished",
    "parsely-pub-date",
    "sailthru.date",
    "dc.date.issued",
    "dcterms.issued",
    "dc.date.created",
    "dcterms.created",
    "dc.date",
    "dcterms.date",
    "citation_publication_date",
    "article.published",
    "published_time",
    "publish-date",
    "publish_date",
    "publishdate",
    "pubdate",
    "date",
    "og:updated_time",
];

/// Page metadata; `url` is the page's address when known (a date in it is a fallback).
pub fn read(doc: &Document, url: Option<&str>) -> PageMeta {
    let mut m = PageMeta::default();
    let ld = json_ld(doc);
    let meta = meta_tags(doc);
    let meta_get = |keys: &[&str]| keys.iter().find_map(|k| meta.iter().find(|(n, _)| n == k).map(|(_, v)| v.clone()));

    // Dates, in order of trust; the first source that has one decides.
    let mut raw_dates: Vec<(String, DateSource)> = Vec::new();
    if let Some(d) = ld.date_published.clone() {
        raw_dates.push((d, DateSource::JsonLd));
    }
    for key in DATE_META {
        for (n, v) in &meta {
            if n == key {
                raw_dates.push((v.clone(), DateSource::Html));
            }
        }
    }
    if let Some(t) = article_time(doc) {
        raw_dates.push((t, DateSource::Time));
    }
    for (raw, source) in &raw_dates {
        if let Some(d) = parse_date(raw) {
            m.date = Some((d, *source));
            break;
        }
        m.unreadable_date.get_or_insert_with(|| raw.clone());
    }
    if m.date.is_none() {
        m.date = url.and_then(url_date).map(|d| (d, DateSource::Url));
    }
    if m.date.is_none() {
        m.date = dated_element(doc).map(|d| (d, DateSource::Time));
    }
    if m.date.is_some() {
        m.unreadable_date = None;
    }

    m.site_name = meta_get(&["og:site_name", "application-name"]).or(ld.publisher.clone());
    let title_tag = doc.select("title").nodes().first().map(|n| squash(&n.text()));
    let h1 = doc.select("h1").nodes().first().map(|n| squash(&n.text()));
    m.title = meta_get(&["og:title", "twitter:title"])
        .or(ld.headline.clone())
        .or(h1)
        .or(title_tag)
        .map(|t| strip_site_suffix(&t, m.site_name.as_deref()))
        .filter(|t| !t.is_empty());
    m.author = ld.author.clone().or_else(|| meta_get(&["author", "article:author", "parsely-author", "sailthru.author", "dc.creator"]))
        .filter(|a| !a.starts_with("http"));
    m.lang = doc
        .select("html")
        .nodes()
        .first()
        .and_then(|n| n.attr("lang"))
        .map(|l| l.trim().to_string())
        .filter(|l| !l.is_empty())
        .or_else(|| meta_get(&["og:locale", "content-language", "dc.language"]));
    m.article_body = ld.article_body;
    m.description = meta_get(&["og:description", "description", "twitter:description"]).map(|d| squash(&d));
    m
}

/// Whitespace runs collapsed, ends trimmed.
fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// "Queen's interview: what we learned | CNN" → "Queen's interview: what we learned": a
/// trailing (or leading) part after a separator that is the site name, or short, goes.
pub fn strip_site_suffix(title: &str, site: Option<&str>) -> String {
    let title = squash(title);
    for sep in [" | ", " - ", " – ", " — ", " :: ", " · "] {
        if let Some((head, tail)) = title.rsplit_once(sep) {
            let is_site = site.is_some_and(|s| {
                let (s, t) = (s.to_lowercase(), tail.to_lowercase());
                t.contains(&s) || s.contains(&t)
            });
            if is_site || (tail.split_whitespace().count() <= 3 && head.split_whitespace().count() >= 3 && site.is_none()) {
                return head.trim().to_string();
            }
        }
        if let Some((head, tail)) = title.split_once(sep) {
            if site.is_some_and(|s| head.eq_ignore_ascii_case(s)) {
                return tail.trim().to_string();
            }
        }
    }
    title
}

/// Every `<meta>` with a name, property or itemprop, lower-cased, with its content.
fn meta_tags(doc: &Document) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for n in doc.select("meta").nodes() {
        let Some(content) = n.attr("content").or_else(|| n.attr("datetime")) else { continue };
        let content = content.trim();
        if content.is_empty() {
            continue;
        }
        for key in ["property", "name", "itemprop", "http-equiv"] {
            if let Some(k) = n.attr(key) {
                out.push((k.trim().to_ascii_lowercase(), content.to_string()));
            }
        }
    }
    out
}

/// `<time datetime>` in the article: one marked as the publication date (`pubdate`,
/// itemprop datePublished), else the first inside `<article>` or `<main>`.
fn article_time(doc: &Document) -> Option<String> {
    let attr = |n: &NodeRef| n.attr("datetime").map(|d| d.trim().to_string()).filter(|d| !d.is_empty());
    let marked = doc.select("time[pubdate], time[itemprop=datePublished], [itemprop=datePublished][datetime]");
    if let Some(d) = marked.nodes().iter().find_map(attr) {
        return Some(d);
    }
    for scope in ["article time[datetime]", "main time[datetime]"] {
        if let Some(d) = doc.select(scope).nodes().iter().find_map(attr) {
            return Some(d);
        }
    }
    None
}

/// Class or id words of the elements where pages print their date ("post-date",
/// "entry-meta", "published").
const DATE_CLASS_WORDS: &[&str] = &["date", "time", "posted", "published", "publish", "pubdate", "datum", "fecha", "meta", "byline", "dateline", "timestamp"];

/// A date printed in a short element whose class or id names a date ("Posted on 6 August
/// 2009", "06.08.2009"): the first one in the page.
fn dated_element(doc: &Document) -> Option<NaiveDate> {
    let body = doc.body()?;
    for n in body.descendants_it() {
        if !n.is_element() {
            continue;
        }
        let mut names = String::new();
        for a in ["class", "id"] {
            if let Some(v) = n.attr(a) {
                names.push(' ');
                names.push_str(&v.to_ascii_lowercase());
            }
        }
        let named = names.split(|c: char| !c.is_ascii_alphanumeric()).any(|w| DATE_CLASS_WORDS.contains(&w));
        if !named {
            continue;
        }
        let text = n.text();
        if text.len() > 200 {
            continue;
        }
        if let Some(d) = date_in_text(&text) {
            return Some(d);
        }
    }
    None
}

static TEXT_DATE: LazyLock<Regex> = LazyLock::new(|| {
    let months = "jan(?:uary|uar)?|feb(?:ruary|ruar)?|m(?:ar(?:ch)?|ärz|aerz)|apr(?:il)?|ma[iy]|jun[ei]?|jul[iy]?|aug(?:ust)?|sep(?:t(?:ember)?)?|o[ck]t(?:ober)?|nov(?:ember)?|de[cz](?:ember)?";
    Regex::new(&format!(
        r"(?i)\b(?:(?P<d1>\d{{1,2}})\.(?P<m1>\d{{1,2}})\.(?P<y1>(?:19|20)\d{{2}})|(?P<y2>(?:19|20)\d{{2}})-(?P<m2>\d{{2}})-(?P<d2>\d{{2}})|(?P<d3>\d{{1,2}})(?:\.|st|nd|rd|th)?\s+(?P<mn3>{months})\.?,?\s+(?P<y3>(?:19|20)\d{{2}})|(?P<mn4>{months})\.?\s+(?P<d4>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y4>(?:19|20)\d{{2}}))\b"
    ))
    .unwrap()
});

/// The first date written in `text`: 06.08.2009, 2009-08-06, 6. August 2009, 6 Aug 2009,
/// August 6, 2009 (English and German month names).
pub fn date_in_text(text: &str) -> Option<NaiveDate> {
    let c = TEXT_DATE.captures(text)?;
    let num = |k: &str| c.name(k).and_then(|m| m.as_str().parse::<u32>().ok());
    let month = |k: &str| c.name(k).and_then(|m| month_of(m.as_str()));
    let (y, m, d) = if let Some(y) = num("y1") {
        (y, num("m1")?, num("d1")?)
    } else if let Some(y) = num("y2") {
        (y, num("m2")?, num("d2")?)
    } else if let Some(y) = num("y3") {
        (y, month("mn3")?, num("d3")?)
    } else {
        (num("y4")?, month("mn4")?, num("d4")?)
    };
    NaiveDate::from_ymd_opt(y as i32, m, d)
}

fn month_of(name: &str) -> Option<u32> {
    let n = name.to_lowercase();
    crate::meta::date::month_number(&n).or(match n.as_str() {
        "januar" => Some(1),
        "februar" => Some(2),
        "märz" | "maerz" => Some(3),
        "mai" => Some(5),
        "juni" => Some(6),
        "juli" => Some(7),
        "okt" | "oktober" => Some(10),
        "dez" | "dezember" => Some(12),
        _ => None,
    })
}

static URL_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"/((?:19|20)\d{2})[/-](0?[1-9]|1[0-2])[/-](0?[1-9]|[12]\d|3[01])(?:[/_.-]|$)|[/_-]((?:19|20)\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])[/_.-]").unwrap()
});

/// A date written in a URL path: `/2020/04/10/`, `/2020-04-10-`, `/20200410/`.
pub fn url_date(url: &str) -> Option<NaiveDate> {
    let c = URL_DATE.captures(url)?;
    let (y, mo, d) = if c.get(1).is_some() { (&c[1], &c[2], &c[3]) } else { (&c[4], &c[5], &c[6]) };
    NaiveDate::from_ymd_opt(y.parse().ok()?, mo.parse().ok()?, d.parse().ok()?)
}

#[derive(Default)]
struct JsonLd {
    date_published: Option<String>,
    headline: Option<String>,
    author: Option<String>,
    publisher: Option<String>,
    article_body: Option<String>,
}

/// The first article-like object in the page's JSON-LD (`@graph` and arrays searched, with
/// an explicit stack: a hostile page cannot nest its way into a stack overflow).
fn json_ld(doc: &Document) -> JsonLd {
    let mut out = JsonLd::default();
    for script in doc.select(r#"script[type="application/ld+json"]"#).nodes() {
        let text = script.text();
        let Ok(value) = serde_json::from_str::<Value>(text.trim()) else { continue };
        let mut stack = vec![&value];
        while let Some(v) = stack.pop() {
            match v {
                Value::Array(items) => stack.extend(items.iter().rev()),
                Value::Object(map) => {
                    if let Some(g) = map.get("@graph") {
                        stack.push(g);
                    }
                    let s = |k: &str| map.get(k).and_then(Value::as_str).map(str::trim).filter(|s| !s.is_empty()).map(String::from);
                    let is_article = map.contains_key("datePublished") || map.contains_key("articleBody") || map.contains_key("headline");
                    if !is_article {
                        continue;
                    }
                    if out.date_published.is_none() {
                        out.date_published = s("datePublished").or_else(|| s("dateCreated"));
                    }
                    if out.headline.is_none() {
                        out.headline = s("headline");
                    }
                    if out.article_body.is_none() {
                        out.article_body = s("articleBody");
                    }
                    if out.author.is_none() {
                        out.author = map.get("author").and_then(name_of);
                    }
                    if out.publisher.is_none() {
                        out.publisher = map.get("publisher").and_then(name_of);
                    }
                }
                _ => {}
            }
        }
    }
    out
}

/// `"Jane Roe"`, `{"name": "Jane Roe"}` or a list of them (names joined with "and").
fn name_of(v: &Value) -> Option<String> {
    let one = |v: &Value| match v {
        Value::String(s) => Some(s.trim().to_string()),
        Value::Object(m) => m.get("name").and_then(Value::as_str).map(|s| s.trim().to_string()),
        _ => None,
    };
    let names: Vec<String> = match v {
        Value::Array(items) => items.iter().filter_map(one).collect(),
        other => one(other).into_iter().collect(),
    };
    let names: Vec<String> = names.into_iter().filter(|n| !n.is_empty()).collect();
    (!names.is_empty()).then(|| names.join(" and "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn url_dates() {
        let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d);
        assert_eq!(url_date("https://edition.cnn.com/2021/03/08/uk/royal-interview/index.html"), d(2021, 3, 8));
        assert_eq!(url_date("https://x.org/news/2020-04-10-talks-resume"), d(2020, 4, 10));
        assert_eq!(url_date("https://x.org/a/20200410/story.html"), d(2020, 4, 10));
        assert_eq!(url_date("https://x.org/a/2020/13/40/story"), None);
        assert_eq!(url_date("https://x.org/story-12345678"), None);
    }

    #[test]
    fn dates_in_text() {
        let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d);
        assert_eq!(date_in_text("Posted on 6. August 2009 by admin"), d(2009, 8, 6));
        assert_eq!(date_in_text("veröffentlicht am 06.08.2009, 14:00"), d(2009, 8, 6));
        assert_eq!(date_in_text("März 3, 2020"), d(2020, 3, 3));
        assert_eq!(date_in_text("Updated: January 22nd, 2014"), d(2014, 1, 22));
        assert_eq!(date_in_text("2019-12-19 10:00"), d(2019, 12, 19));
        assert_eq!(date_in_text("32.13.2019 and 1,000 readers"), None);
    }

    #[test]
    fn site_suffix() {
        assert_eq!(strip_site_suffix("Talks resume | CNN", Some("CNN International")), "Talks resume");
        assert_eq!(strip_site_suffix("Talks resume in Geneva - BBC News", None), "Talks resume in Geneva");
        assert_eq!(strip_site_suffix("Reuters - Talks resume in Geneva", Some("Reuters")), "Talks resume in Geneva");
        assert_eq!(strip_site_suffix("Well-known - a story", None), "Well-known - a story");
    }
}
