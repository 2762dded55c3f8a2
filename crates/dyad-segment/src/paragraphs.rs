//! Paragraphs: runs of non-blank lines, separated by one or more blank lines (lines with
//! only white space). Spans are trimmed of surrounding white space.

use dyad_doc::TextSpan;

use crate::chars::is_space;

pub fn paragraphs(text: &str) -> Vec<TextSpan> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(text.len() / 256 + 1);
    // The first and last byte of the non-blank lines seen since the last blank line.
    let mut current: Option<(usize, usize)> = None;
    let mut line_start = 0;
    while line_start < bytes.len() {
        let line_end = memchr::memchr(b'\n', &bytes[line_start..]).map_or(bytes.len(), |i| line_start + i);
        let line = &text[line_start..line_end];
        if line.chars().all(is_space) {
            if let Some((start, end)) = current.take() {
                push_trimmed(text, start, end, &mut out);
            }
        } else {
            current = Some((current.map_or(line_start, |(s, _)| s), line_end));
        }
        line_start = line_end + 1;
    }
    if let Some((start, end)) = current {
        push_trimmed(text, start, end, &mut out);
    }
    out
}

fn push_trimmed(text: &str, start: usize, end: usize, out: &mut Vec<TextSpan>) {
    let slice = &text[start..end];
    let trimmed_start = slice.trim_start_matches(is_space);
    let start = end - trimmed_start.len();
    let end = start + trimmed_start.trim_end_matches(is_space).len();
    if end > start {
        out.push(TextSpan::new(start, end));
    }
}
