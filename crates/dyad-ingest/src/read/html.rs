//! HTML pages: main-content extraction with `dom_smoothie` (a port of Mozilla's
//! Readability), which drops navigation, ads, scripts and comments and finds the title,
//! byline and published time (meta tags, JSON-LD).

use dom_smoothie::{Config, Readability, ReadabilityError, TextMode};

/// What an HTML page yields.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Extracted {
    pub title: Option<String>,
    pub byline: Option<String>,
    /// The page's published time as written in its metadata (parsed later).
    pub published: Option<String>,
    pub site_name: Option<String>,
    /// The article body as text, paragraphs separated by blank lines.
    pub text: String,
}

/// Extract the article from a page; `Err` says why there is none.
pub fn extract(html: &str, url: Option<&str>) -> Result<Extracted, String> {
    let cfg = Config { text_mode: TextMode::Formatted, ..Config::default() };
    // Readability only wants absolute URLs (it resolves links with them); we do not need it.
    let url = url.filter(|u| u.starts_with("http://") || u.starts_with("https://"));
    let mut reader = match Readability::new(html, url, Some(cfg.clone())) {
        Ok(r) => r,
        Err(ReadabilityError::BadDocumentURL) => Readability::new(html, None, Some(cfg)).map_err(|e| e.to_string())?,
        Err(e) => return Err(e.to_string()),
    };
    let article = reader.parse().map_err(|e| match e {
        ReadabilityError::GrabFailed => "no article body found in the page".to_string(),
        other => other.to_string(),
    })?;
    let text = article.text_content.to_string();
    if text.trim().is_empty() {
        return Err("the page's article body has no text".into());
    }
    let non_empty = |s: String| {
        let s = s.trim().to_string();
        (!s.is_empty()).then_some(s)
    };
    Ok(Extracted {
        title: non_empty(article.title),
        byline: article.byline.and_then(non_empty),
        published: article.published_time.and_then(non_empty),
        site_name: article.site_name.and_then(non_empty),
        text,
    })
}

/// The charset a page declares in its first bytes (`<meta charset=...>` or http-equiv).
pub fn meta_charset(bytes: &[u8]) -> Option<String> {
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(4096)]).to_ascii_lowercase();
    let i = head.find("charset=")?;
    let rest = head[i + 8..].trim_start_matches(['"', '\'', ' ']);
    let end = rest.find(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '_')).unwrap_or(rest.len());
    (end > 0).then(|| rest[..end].to_string())
}
