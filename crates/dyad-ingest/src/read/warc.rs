//! WARC/1.0 and 1.1 (`.warc`, `.warc.gz`): every `response` record whose HTTP payload is
//! HTML becomes one record, with its target URI and WARC-Date.
//!
//! Hand-written rather than a crate: the framing is a version line, `Name: value` header
//! lines, a blank line and `Content-Length` bytes, and we need our own handling of
//! truncation (which record, how many bytes were missing) and streaming with a size limit;
//! gzip (one member per record, or one for the file) is already handled by `decode::open`.

use super::decode::{megabytes, read_until_bounded, Bounded, Input};
use super::{Record, RecordKind};
use crate::meta::date::parse_date;
use crate::{ErrorKind, InputError};
use dyad_doc::{DateSource, Origin};
use flate2::read::{GzDecoder, ZlibDecoder};
use std::io::{self, Read};

const MAX_HEADER_LINE: usize = 64 << 10;

pub struct WarcReader {
    path: String,
    input: Input,
    limit: usize,
    record: u64,
    done: bool,
}

impl WarcReader {
    pub fn new(path: String, input: Input, limit: usize) -> Self {
        Self { path, input, limit, record: 0, done: false }
    }

    fn err(&self, kind: ErrorKind, msg: impl Into<String>) -> InputError {
        InputError::new(&self.path, Some(self.record), kind, msg)
    }

    fn io_err(&self, e: &io::Error) -> InputError {
        let kind = match self.input.error_kind(e) {
            ErrorKind::Unreadable if e.kind() == io::ErrorKind::UnexpectedEof => ErrorKind::Truncated,
            k => k,
        };
        self.err(kind, self.input.describe(e))
    }

    /// One header line without its line ending; `None` at end of input.
    fn line(&mut self) -> Result<Option<String>, InputError> {
        match read_until_bounded(&mut self.input.reader, b'\n', MAX_HEADER_LINE) {
            Ok(None) => Ok(None),
            Ok(Some(Bounded::TooLarge(_))) => Err(self.err(ErrorKind::MalformedWarc, "header line over 64 KB")),
            Ok(Some(Bounded::Data(b))) => {
                let s = String::from_utf8_lossy(&b);
                Ok(Some(s.trim_end_matches(['\r', '\n']).to_string()))
            }
            Err(e) => Err(self.io_err(&e)),
        }
    }

    /// Read one record; `Ok(None)` at a clean end of input, `Ok(Some(None))` for a record
    /// that is not an HTML response.
    fn read_record(&mut self) -> Result<Option<Option<Record>>, InputError> {
        // Records are separated by blank lines.
        let version = loop {
            match self.line()? {
                None => return Ok(None),
                Some(l) if l.trim().is_empty() => continue,
                Some(l) => break l,
            }
        };
        self.record += 1;
        if !version.starts_with("WARC/") {
            let shown: String = version.chars().take(40).collect();
            return Err(self.err(ErrorKind::MalformedWarc, format!("expected a 'WARC/1.x' line, found '{shown}'")));
        }
        let mut headers: Vec<(String, String)> = Vec::new();
        loop {
            match self.line()? {
                None => return Err(self.err(ErrorKind::Truncated, "input ends inside the record header")),
                Some(l) if l.is_empty() => break,
                Some(l) => match l.split_once(':') {
                    Some((k, v)) => headers.push((k.trim().to_ascii_lowercase(), v.trim().to_string())),
                    None => return Err(self.err(ErrorKind::MalformedWarc, format!("header line without ':': '{l}'"))),
                },
            }
        }
        let get = |name: &str| headers.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str());
        let length: u64 = get("content-length")
            .and_then(|v| v.parse().ok())
            .ok_or_else(|| self.err(ErrorKind::MalformedWarc, "missing or invalid Content-Length"))?;
        let is_response = get("warc-type").is_some_and(|t| t.eq_ignore_ascii_case("response"));
        if !is_response || length > self.limit as u64 {
            let skipped = io::copy(&mut (&mut self.input.reader).take(length), &mut io::sink()).map_err(|e| self.io_err(&e))?;
            if skipped < length {
                return Err(self.truncated(length, skipped));
            }
            if is_response {
                return Err(self.err(
                    ErrorKind::TooLarge,
                    format!("{} is over the {} limit for one article", megabytes(length), megabytes(self.limit as u64)),
                ));
            }
            return Ok(Some(None));
        }
        let mut block = Vec::with_capacity(length as usize);
        (&mut self.input.reader).take(length).read_to_end(&mut block).map_err(|e| self.io_err(&e))?;
        if (block.len() as u64) < length {
            return Err(self.truncated(length, block.len() as u64));
        }
        let url = get("warc-target-uri").map(|u| u.trim_matches(['<', '>']).to_string());
        let id = get("warc-record-id")
            .map(|v| v.trim_matches(['<', '>']).to_string())
            .or_else(|| url.clone())
            .unwrap_or_else(|| format!("{}:{}", self.path, self.record));
        let date = get("warc-date").and_then(parse_date).map(|d| (d, DateSource::Warc));
        let block_type = get("content-type").unwrap_or("").to_ascii_lowercase();
        let payload = if block_type.starts_with("application/http") {
            match http_payload(&block) {
                Some(p) => p,
                None => return Ok(Some(None)),
            }
        } else if block_type.contains("html") {
            Payload { body: block, charset: charset_of(&block_type) }
        } else {
            return Ok(Some(None));
        };
        Ok(Some(Some(Record {
            origin: Origin { path: self.path.clone(), record: Some(self.record) },
            kind: RecordKind::Html,
            bytes: payload.body,
            id,
            url,
            date,
            charset: payload.charset,
        })))
    }

    fn truncated(&self, want: u64, got: u64) -> InputError {
        self.err(ErrorKind::Truncated, format!("Content-Length says {want} bytes but the input ends after {got}"))
    }
}

impl Iterator for WarcReader {
    type Item = Result<Record, InputError>;

    fn next(&mut self) -> Option<Self::Item> {
        while !self.done {
            match self.read_record() {
                Ok(None) => self.done = true,
                Ok(Some(None)) => continue,
                Ok(Some(Some(rec))) => return Some(Ok(rec)),
                Err(e) => {
                    // A too-large record was skipped cleanly; anything else loses the framing.
                    self.done = e.kind != ErrorKind::TooLarge;
                    return Some(Err(e));
                }
            }
        }
        None
    }
}

struct Payload {
    body: Vec<u8>,
    charset: Option<String>,
}

/// The body of an HTTP response if it is HTML (de-chunked and decompressed).
fn http_payload(block: &[u8]) -> Option<Payload> {
    let (head_end, sep) = match find(block, b"\r\n\r\n") {
        Some(i) => (i, 4),
        None => (find(block, b"\n\n")?, 2),
    };
    let head = String::from_utf8_lossy(&block[..head_end]);
    let mut lines = head.lines();
    let status = lines.next()?;
    if !status.starts_with("HTTP/") {
        return None;
    }
    let mut content_type = String::new();
    let mut chunked = false;
    let mut encoding = String::new();
    for l in lines {
        if let Some((k, v)) = l.split_once(':') {
            let v = v.trim().to_ascii_lowercase();
            match k.trim().to_ascii_lowercase().as_str() {
                "content-type" => content_type = v,
                "transfer-encoding" => chunked = v.contains("chunked"),
                "content-encoding" => encoding = v,
                _ => {}
            }
        }
    }
    if !content_type.contains("html") {
        return None;
    }
    let mut body = block[head_end + sep..].to_vec();
    if chunked {
        body = dechunk(&body).unwrap_or(body);
    }
    if encoding.contains("gzip") {
        let mut out = Vec::new();
        GzDecoder::new(&body[..]).read_to_end(&mut out).ok()?;
        body = out;
    } else if encoding.contains("deflate") {
        let mut out = Vec::new();
        ZlibDecoder::new(&body[..]).read_to_end(&mut out).ok()?;
        body = out;
    }
    Some(Payload { body, charset: charset_of(&content_type) })
}

/// `text/html; charset=ISO-8859-1` → `iso-8859-1`.
fn charset_of(content_type: &str) -> Option<String> {
    let i = content_type.find("charset=")?;
    let v = content_type[i + 8..].split(';').next()?.trim().trim_matches('"');
    (!v.is_empty()).then(|| v.to_string())
}

fn dechunk(mut data: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    loop {
        let eol = find(data, b"\r\n")?;
        let size_text = std::str::from_utf8(&data[..eol]).ok()?;
        let size = usize::from_str_radix(size_text.split(';').next()?.trim(), 16).ok()?;
        data = &data[eol + 2..];
        if size == 0 {
            return Some(out);
        }
        out.extend_from_slice(data.get(..size)?);
        data = data.get(size..)?;
        data = data.strip_prefix(b"\r\n").unwrap_or(data);
    }
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}
