//! The I/O half: walk paths, open (and un-gzip) files, frame them into one [`Record`] per
//! article. One file per input format; decoding helpers in `decode.rs`.

pub mod decode;
pub mod html;
pub mod html_meta;
mod html_text;
pub(crate) mod jsonl;
mod text;
mod warc;

use crate::{ErrorKind, Format, InputError, Options};
use dyad_doc::{DateSource, Origin};
use chrono::NaiveDate;
use std::collections::VecDeque;
use std::io::BufRead;
use std::path::{Path, PathBuf};

/// What the bytes of a [`Record`] are.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RecordKind {
    /// A plain-text article (seed shape: title line, slug, credit, body, boilerplate).
    Text,
    /// One JSONL line, not yet parsed.
    JsonLine,
    /// An HTML page.
    Html,
}

/// One article's raw bytes plus what the container said about it.
#[derive(Clone, Debug)]
pub struct Record {
    pub origin: Origin,
    pub kind: RecordKind,
    pub bytes: Vec<u8>,
    /// Fallback id (file stem, `<stem>:<line>`, WARC record id); a JSONL `id` wins over it.
    pub id: String,
    pub url: Option<String>,
    /// A date from the container (WARC-Date).
    pub date: Option<(NaiveDate, DateSource)>,
    /// Character set named by the container (HTTP Content-Type in a WARC record).
    pub charset: Option<String>,
}

/// Streams [`Record`]s (or errors) from a list of paths; folders are walked in name order.
pub struct Records<'a> {
    opts: &'a Options,
    pending: VecDeque<PathBuf>,
    current: Option<Box<dyn Iterator<Item = Result<Record, InputError>> + Send + 'a>>,
}

/// Read every article under `paths` (`-` is standard input).
pub fn records<'a>(paths: &[PathBuf], opts: &'a Options) -> Records<'a> {
    Records { opts, pending: paths.iter().cloned().collect(), current: None }
}

impl Iterator for Records<'_> {
    type Item = Result<Record, InputError>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if let Some(cur) = &mut self.current {
                match cur.next() {
                    Some(item) => return Some(item),
                    None => self.current = None,
                }
            }
            let path = self.pending.pop_front()?;
            if path.is_dir() {
                match list_dir(&path) {
                    Ok(children) => {
                        for c in children.into_iter().rev() {
                            self.pending.push_front(c);
                        }
                    }
                    Err(e) => return Some(Err(e)),
                }
                continue;
            }
            match open_file(&path, self.opts) {
                Ok(iter) => self.current = Some(iter),
                Err(e) => return Some(Err(e)),
            }
        }
    }
}

/// Extensions read from folders (explicit file arguments are read whatever their name).
const KNOWN_EXTENSIONS: &[&str] = &["txt", "text", "jsonl", "ndjson", "json", "html", "htm", "xhtml", "warc"];

fn list_dir(dir: &Path) -> Result<Vec<PathBuf>, InputError> {
    let err = |e: std::io::Error| InputError::new(&dir.display().to_string(), None, ErrorKind::Unreadable, e.to_string());
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).map_err(err)? {
        let p = entry.map_err(err)?.path();
        let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
        if name.starts_with('.') {
            continue;
        }
        if p.is_dir() || KNOWN_EXTENSIONS.contains(&extension(&p).as_str()) {
            out.push(p);
        }
    }
    out.sort();
    Ok(out)
}

/// The extension that says the format: `a.warc.gz` → `warc`.
fn extension(p: &Path) -> String {
    let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("").to_ascii_lowercase();
    let name = name.strip_suffix(".gz").unwrap_or(&name);
    match name.rsplit_once('.') {
        Some((_, ext)) => ext.to_string(),
        None => String::new(),
    }
}

/// File name without `.gz` and without the format extension: the default document id.
fn stem(p: &Path) -> String {
    if p.as_os_str() == "-" {
        return "stdin".into();
    }
    let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("input");
    let name = name.strip_suffix(".gz").unwrap_or(name);
    match name.rsplit_once('.') {
        Some((s, _)) if !s.is_empty() => s.to_string(),
        _ => name.to_string(),
    }
}

fn format_from_extension(p: &Path) -> Format {
    match extension(p).as_str() {
        "txt" | "text" => Format::Text,
        "jsonl" | "ndjson" | "json" => Format::Jsonl,
        "html" | "htm" | "xhtml" => Format::Html,
        "warc" => Format::Warc,
        _ => Format::Auto,
    }
}

type RecordIter<'a> = Box<dyn Iterator<Item = Result<Record, InputError>> + Send + 'a>;

fn open_file<'a>(path: &Path, opts: &'a Options) -> Result<RecordIter<'a>, InputError> {
    let shown = path.display().to_string();
    let mut input = decode::open(path).map_err(|e| InputError::new(&shown, None, ErrorKind::Unreadable, e.to_string()))?;
    let gzipped = input.gzipped;
    let head = match input.reader.fill_buf() {
        Ok(head) => head,
        Err(e) => {
            let probe = decode::Input { reader: Box::new(std::io::empty()), gzipped };
            return Err(InputError::new(&shown, None, probe.error_kind(&e), probe.describe(&e)));
        }
    };
    if head.is_empty() {
        return Err(InputError::new(&shown, None, ErrorKind::Empty, "empty file"));
    }
    let mut format = opts.format;
    if format == Format::Auto {
        format = format_from_extension(path);
    }
    if format == Format::Auto {
        format = decode::sniff(head);
    }
    // WARC payloads may be images; every other format must start as text.
    if format != Format::Warc && decode::is_binary(head) {
        return Err(InputError::new(&shown, None, ErrorKind::Binary, "binary data, not text"));
    }
    let stem = stem(path);
    Ok(match format {
        Format::Jsonl => Box::new(jsonl::JsonlReader::new(shown, stem, input, opts.max_article_bytes)),
        Format::Warc => Box::new(warc::WarcReader::new(shown, input, opts.max_article_bytes)),
        Format::Html => Box::new(std::iter::once(text::whole_file(shown, stem, input, RecordKind::Html, opts.max_article_bytes))),
        Format::Text | Format::Auto => {
            Box::new(std::iter::once(text::whole_file(shown, stem, input, RecordKind::Text, opts.max_article_bytes)))
        }
    })
}
