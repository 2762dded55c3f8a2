//! Byte-level helpers: opening files (gzip by magic number, `-` for stdin), sniffing the
//! format, spotting binary data, and decoding text that is not UTF-8.

use crate::{ErrorKind, Format};
use encoding_rs::{Encoding, UTF_8, WINDOWS_1252};
use flate2::bufread::MultiGzDecoder;
use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::Path;

/// An opened input: a buffered reader over the (un-gzipped) bytes.
pub struct Input {
    pub reader: Box<dyn BufRead + Send>,
    pub gzipped: bool,
}

const BUF: usize = 256 << 10;

/// Open a path (`-` is stdin); gzip is recognised by its magic bytes, not its name.
pub fn open(path: &Path) -> io::Result<Input> {
    let raw: Box<dyn Read + Send> =
        if path.as_os_str() == "-" { Box::new(io::stdin()) } else { Box::new(File::open(path)?) };
    let mut buffered = BufReader::with_capacity(BUF, raw);
    let gzipped = buffered.fill_buf()?.starts_with(&[0x1f, 0x8b]);
    let reader: Box<dyn BufRead + Send> = if gzipped {
        Box::new(BufReader::with_capacity(BUF, MultiGzDecoder::new(buffered)))
    } else {
        Box::new(buffered)
    };
    Ok(Input { reader, gzipped })
}

impl Input {
    /// A read error inside a gzip stream almost always means it was cut short.
    pub fn error_kind(&self, e: &io::Error) -> ErrorKind {
        if self.gzipped
            && matches!(e.kind(), io::ErrorKind::UnexpectedEof | io::ErrorKind::InvalidInput | io::ErrorKind::InvalidData)
        {
            ErrorKind::Truncated
        } else {
            ErrorKind::Unreadable
        }
    }

    pub fn describe(&self, e: &io::Error) -> String {
        if self.error_kind(e) == ErrorKind::Truncated {
            format!("gzip stream is truncated or corrupt ({e})")
        } else {
            e.to_string()
        }
    }
}

/// Guess the format from the first bytes of a file whose name did not say.
pub fn sniff(head: &[u8]) -> Format {
    let head = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
    let start = head.iter().position(|b| !b.is_ascii_whitespace()).unwrap_or(head.len());
    let head = &head[start..];
    if head.starts_with(b"WARC/") {
        return Format::Warc;
    }
    if head.starts_with(b"{") {
        return Format::Jsonl;
    }
    if head.starts_with(b"<") {
        let sample = String::from_utf8_lossy(&head[..head.len().min(2048)]).to_ascii_lowercase();
        if ["<!doctype html", "<html", "<head", "<body", "<article", "<p>", "<div", "<meta"]
            .iter()
            .any(|t| sample.contains(t))
        {
            return Format::Html;
        }
    }
    Format::Text
}

/// Binary data: a NUL byte, or many control characters, in the first 8 KiB.
pub fn is_binary(bytes: &[u8]) -> bool {
    // UTF-16 text is full of NUL bytes; its byte-order mark says what it is.
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return false;
    }
    let sample = &bytes[..bytes.len().min(8192)];
    if sample.contains(&0) {
        return true;
    }
    let control = sample.iter().filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c | 0x03)).count();
    control * 10 > sample.len().max(1)
}

/// Decode bytes to text. UTF-8 (with or without BOM) passes through; UTF-16 with a BOM
/// and a charset the container named are honoured; anything else that is not UTF-8 is
/// read as Windows-1252 (the superset of Latin-1 that such text almost always is).
/// Returns the text and, when it was not UTF-8, a note saying how it was decoded.
pub fn decode_text(bytes: Vec<u8>, charset: Option<&str>) -> (String, Option<String>) {
    if let Some((enc, bom)) = Encoding::for_bom(&bytes) {
        if enc == UTF_8 {
            let rest = bytes[bom..].to_vec();
            return match String::from_utf8(rest) {
                Ok(s) => (s, None),
                Err(e) => decode_legacy(e.as_bytes(), WINDOWS_1252),
            };
        }
        let (text, _, _) = enc.decode(&bytes);
        return (text.into_owned(), Some(format!("decoded as {}", enc.name())));
    }
    match String::from_utf8(bytes) {
        Ok(s) => (s, None),
        Err(e) => {
            let named = charset.and_then(|c| Encoding::for_label(c.trim().as_bytes())).filter(|&enc| enc != UTF_8);
            decode_legacy(e.as_bytes(), named.unwrap_or(WINDOWS_1252))
        }
    }
}

fn decode_legacy(bytes: &[u8], enc: &'static Encoding) -> (String, Option<String>) {
    let (text, _) = enc.decode_without_bom_handling(bytes);
    (text.into_owned(), Some(format!("not valid UTF-8; decoded as {}", enc.name().to_ascii_lowercase())))
}

/// What happened when reading a bounded chunk.
pub enum Bounded {
    Data(Vec<u8>),
    /// The chunk was longer than the limit; it was read past and dropped.
    TooLarge(u64),
}

/// Read up to `limit` bytes until `delim` (inclusive) or EOF; longer chunks are consumed
/// and reported, so one huge line never sits in memory.
pub fn read_until_bounded(r: &mut dyn BufRead, delim: u8, limit: usize) -> io::Result<Option<Bounded>> {
    let mut out = Vec::new();
    let n = r.take(limit as u64 + 1).read_until(delim, &mut out)?;
    if n == 0 {
        return Ok(None);
    }
    if n <= limit || out.last() == Some(&delim) {
        return Ok(Some(Bounded::Data(out)));
    }
    // Over the limit: skip to the end of the chunk a buffer at a time.
    let mut total = n as u64;
    loop {
        let buf = r.fill_buf()?;
        if buf.is_empty() {
            break;
        }
        let (used, done) = match buf.iter().position(|&b| b == delim) {
            Some(i) => (i + 1, true),
            None => (buf.len(), false),
        };
        r.consume(used);
        total += used as u64;
        if done {
            break;
        }
    }
    Ok(Some(Bounded::TooLarge(total)))
}

/// Read the whole stream, up to `limit` bytes.
pub fn read_all_bounded(r: &mut dyn BufRead, limit: usize) -> io::Result<Bounded> {
    let mut out = Vec::new();
    let n = r.take(limit as u64 + 1).read_to_end(&mut out)?;
    if n > limit {
        let rest = io::copy(r, &mut io::sink())?;
        return Ok(Bounded::TooLarge(n as u64 + rest));
    }
    Ok(Bounded::Data(out))
}

/// "16.0 MB" for messages.
pub fn megabytes(n: u64) -> String {
    format!("{:.1} MB", n as f64 / 1_000_000.0)
}
