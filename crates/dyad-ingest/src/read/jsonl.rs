//! JSONL: one article per line. Lines are framed here and parsed later (in `build`), so
//! parsing can run in parallel.

use super::decode::{megabytes, read_until_bounded, Bounded, Input};
use super::{Record, RecordKind};
use crate::{ErrorKind, InputError};
use dyad_doc::Origin;

pub struct JsonlReader {
    path: String,
    stem: String,
    input: Input,
    limit: usize,
    line: u64,
    done: bool,
}

impl JsonlReader {
    pub fn new(path: String, stem: String, input: Input, limit: usize) -> Self {
        Self { path, stem, input, limit, line: 0, done: false }
    }
}

impl Iterator for JsonlReader {
    type Item = Result<Record, InputError>;

    fn next(&mut self) -> Option<Self::Item> {
        while !self.done {
            self.line += 1;
            let n = self.line;
            match read_until_bounded(&mut self.input.reader, b'\n', self.limit) {
                Ok(None) => self.done = true,
                Ok(Some(Bounded::TooLarge(len))) => {
                    return Some(Err(InputError::new(
                        &self.path,
                        Some(n),
                        ErrorKind::TooLarge,
                        format!("line of {} is over the {} limit for one article", megabytes(len), megabytes(self.limit as u64)),
                    )))
                }
                Ok(Some(Bounded::Data(bytes))) => {
                    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
                        continue;
                    }
                    return Some(Ok(Record {
                        origin: Origin { path: self.path.clone(), record: Some(n) },
                        kind: RecordKind::JsonLine,
                        bytes,
                        id: format!("{}:{}", self.stem, n),
                        url: None,
                        date: None,
                        charset: None,
                    }));
                }
                Err(e) => {
                    self.done = true;
                    return Some(Err(InputError::new(&self.path, Some(n), self.input.error_kind(&e), self.input.describe(&e))));
                }
            }
        }
        None
    }
}

/// The document fields of one JSONL object, found through the `--field` mapping.
#[derive(Debug, Default)]
pub struct Fields {
    pub text: String,
    pub title: Option<String>,
    pub date: Option<String>,
    pub url: Option<String>,
    pub id: Option<String>,
    pub source: Option<String>,
    pub author: Option<String>,
    pub dateline: Option<String>,
}

/// Parse one line; `Err` is (kind, message) for the caller to place.
pub fn parse_line(line: &str, map: &crate::FieldMap) -> Result<Fields, (ErrorKind, String)> {
    let value: serde_json::Value =
        serde_json::from_str(line).map_err(|e| (ErrorKind::MalformedJson, e.to_string()))?;
    let serde_json::Value::Object(obj) = value else {
        return Err((ErrorKind::MalformedJson, "line is JSON but not an object".into()));
    };
    let get = |key: &str| -> Option<String> {
        match obj.get(key)? {
            serde_json::Value::String(s) if !s.trim().is_empty() => Some(s.clone()),
            serde_json::Value::Number(n) => Some(n.to_string()),
            _ => None,
        }
    };
    let text = match obj.get(&map.text) {
        None => return Err((ErrorKind::MissingText, format!("no '{}' field", map.text))),
        Some(serde_json::Value::String(s)) if !s.trim().is_empty() => s.clone(),
        Some(serde_json::Value::String(_)) => return Err((ErrorKind::MissingText, format!("'{}' is empty", map.text))),
        Some(_) => return Err((ErrorKind::MissingText, format!("'{}' is not a string", map.text))),
    };
    Ok(Fields {
        text,
        title: get(&map.title),
        date: get(&map.date),
        url: get(&map.url),
        id: get(&map.id),
        source: get(&map.source),
        author: get(&map.author),
        dateline: get(&map.dateline),
    })
}
