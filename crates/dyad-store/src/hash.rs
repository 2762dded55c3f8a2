//! Content hashes (article identity) and stable event ids.
use dyad_doc::Document;
use sha2::{Digest, Sha256};

/// The article's identity in the database: SHA-256 (hex) over its URL (or id when it has no
/// URL), its source and its cleaned text. The same input read twice gets the same hash, so it is
/// stored once; the same text under another URL is another article (syndicated copies count as
/// separate articles and sources, as in GDELT).
pub fn content_hash(doc: &Document) -> String {
    let mut h = Sha256::new();
    let locator = doc.url.as_deref().unwrap_or(&doc.id);
    for part in [locator, doc.source.as_deref().unwrap_or(""), &doc.text] {
        h.update((part.len() as u64).to_le_bytes());
        h.update(part.as_bytes());
    }
    hex(&h.finalize())
}

/// Who published the article, for `NumSources`: the `source` field, else the URL's host
/// (without `www.`), else the dateline's agency, else "unknown". Lower-cased.
pub fn source_name(doc: &Document) -> String {
    let named = doc
        .source
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty());
    let from_url = doc.url.as_deref().and_then(url_host);
    let agency = doc.dateline.as_ref().and_then(|d| d.agency.as_deref());
    named
        .or(from_url)
        .or(agency)
        .unwrap_or("unknown")
        .trim_start_matches("www.")
        .to_lowercase()
}

fn url_host(url: &str) -> Option<&str> {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let host = rest.split(['/', '?', '#']).next()?;
    // Drop user info and port.
    let host = host.rsplit('@').next()?;
    let host = host.split(':').next()?;
    (!host.is_empty()).then_some(host)
}

/// A stable positive 63-bit integer for a deduplication key (the GDELT GlobalEventID): the same
/// key gives the same id in every run and every database.
pub(crate) fn stable_id(key: &str) -> i64 {
    let digest = Sha256::digest(key.as_bytes());
    let mut b = [0u8; 8];
    b.copy_from_slice(&digest[..8]);
    (u64::from_le_bytes(b) >> 1) as i64
}

pub(crate) fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut s = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        s.push(DIGITS[(b >> 4) as usize] as char);
        s.push(DIGITS[(b & 15) as usize] as char);
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(url: Option<&str>, source: Option<&str>, text: &str) -> Document {
        Document {
            id: "a".into(),
            url: url.map(Into::into),
            source: source.map(Into::into),
            text: text.into(),
            ..Default::default()
        }
    }

    #[test]
    fn hash_depends_on_url_and_text_only_through_content() {
        let a = doc(Some("https://x.org/1"), None, "Text.");
        let mut b = a.clone();
        b.title = Some("another title".into());
        assert_eq!(content_hash(&a), content_hash(&b));
        assert_ne!(
            content_hash(&a),
            content_hash(&doc(Some("https://y.org/1"), None, "Text."))
        );
        assert_ne!(
            content_hash(&a),
            content_hash(&doc(Some("https://x.org/1"), None, "Text!"))
        );
        assert_eq!(content_hash(&a).len(), 64);
    }

    #[test]
    fn source_name_rule() {
        assert_eq!(
            source_name(&doc(Some("https://www.UPI.com/a?b"), None, "")),
            "upi.com"
        );
        assert_eq!(
            source_name(&doc(Some("http://u:p@news.example:8080/x"), None, "")),
            "news.example"
        );
        assert_eq!(
            source_name(&doc(Some("https://upi.com/a"), Some(" Reuters "), "")),
            "reuters"
        );
        assert_eq!(source_name(&doc(None, None, "")), "unknown");
    }

    #[test]
    fn stable_id_is_positive_and_deterministic() {
        let a = stable_id("day|2024-03-20|USA|PRK|051|");
        assert!(a > 0);
        assert_eq!(a, stable_id("day|2024-03-20|USA|PRK|051|"));
        assert_ne!(a, stable_id("day|2024-03-21|USA|PRK|051|"));
    }
}
