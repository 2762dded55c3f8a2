//! HTML building blocks: escaping, the page frame, links, and marking evidence in text.
use std::fmt::Write;

pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// A query-string value.
pub fn q(s: &str) -> String {
    form_urlencoded::byte_serialize(s.as_bytes()).collect()
}

/// The frame every page shares: header with navigation, then `body`.
pub fn page(title: &str, active: &str, body: &str) -> String {
    let mut nav = String::new();
    for (href, name) in [("/", "Overview"), ("/events", "Events"), ("/dyad", "Dyad")] {
        let class = if name == active { r#" class="active""# } else { "" };
        let _ = write!(nav, r#"<a href="{href}"{class}>{name}</a>"#);
    }
    format!(
        r#"<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>{} · dyad</title><link rel="stylesheet" href="/assets/style.css"><link rel="icon" href="/assets/icon.svg" type="image/svg+xml"></head><body><header><a class="brand" href="/">dyad</a><nav>{nav}</nav></header><main>{body}</main><footer>dyad serve · read-only view of the database · events coded with CAMEO</footer></body></html>"#,
        escape(title)
    )
}

/// A span of text to mark, in character offsets.
#[derive(Clone, Copy, Debug)]
pub struct Mark {
    pub start: usize,
    pub end: usize,
    pub class: &'static str,
}

/// `text` escaped, with `marks` wrapped in `<span class=…>`. Offsets are characters; marks
/// out of range are clipped and overlapping ones dropped (later ones lose), so a damaged
/// database cannot break the page.
pub fn marked(text: &str, marks: &[Mark]) -> String {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let byte_at = |c: usize| chars.get(c).map(|(b, _)| *b).unwrap_or(text.len());
    let mut marks: Vec<Mark> = marks
        .iter()
        .map(|m| Mark { start: m.start.min(chars.len()), end: m.end.min(chars.len()), class: m.class })
        .filter(|m| m.start < m.end)
        .collect();
    marks.sort_by_key(|m| (m.start, std::cmp::Reverse(m.end)));
    let mut out = String::with_capacity(text.len() + 64);
    let mut at = 0;
    for m in marks {
        if m.start < at {
            continue;
        }
        out.push_str(&escape(&text[byte_at(at)..byte_at(m.start)]));
        let _ = write!(out, r#"<span class="{}">{}</span>"#, m.class, escape(&text[byte_at(m.start)..byte_at(m.end)]));
        at = m.end;
    }
    out.push_str(&escape(&text[byte_at(at)..]));
    out
}

/// The first `n` characters of `s`, with an ellipsis when cut.
pub fn clip(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        return s.to_string();
    }
    let mut out: String = s.chars().take(n).collect();
    out.push('…');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_and_marks_by_character() {
        assert_eq!(escape(r#"<a href="x">&'"#), "&lt;a href=&quot;x&quot;&gt;&amp;&#39;");
        let text = "Ким <b> congratulated Putin";
        let marks = [
            Mark { start: 0, end: 3, class: "ev-source" },
            Mark { start: 8, end: 21, class: "ev-verb" },
            Mark { start: 10, end: 12, class: "overlap" },
            Mark { start: 22, end: 999, class: "ev-target" },
        ];
        assert_eq!(
            marked(text, &marks),
            r#"<span class="ev-source">Ким</span> &lt;b&gt; <span class="ev-verb">congratulated</span> <span class="ev-target">Putin</span>"#
        );
        assert_eq!(clip("abcdef", 3), "abc…");
    }
}
