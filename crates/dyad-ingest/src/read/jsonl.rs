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
    use serde::de::DeserializeSeed;
    let mut de = serde_json::Deserializer::from_str(line);
    let wanted = WantedFields { map }
        .deserialize(&mut de)
        .and_then(|w| de.end().map(|_| w))
        .map_err(|e| (ErrorKind::MalformedJson, e.to_string()))?;
    let Some(mut values) = wanted else {
        return Err((ErrorKind::MalformedJson, "line is JSON but not an object".into()));
    };
    let text = match values.iter().position(|(k, _)| *k == map.text) {
        None => return Err((ErrorKind::MissingText, format!("no '{}' field", map.text))),
        Some(i) => match values.swap_remove(i).1 {
            serde_json::Value::String(s) if !s.trim().is_empty() => s,
            serde_json::Value::String(_) => return Err((ErrorKind::MissingText, format!("'{}' is empty", map.text))),
            _ => return Err((ErrorKind::MissingText, format!("'{}' is not a string", map.text))),
        },
    };
    let mut take = |key: &str| -> Option<String> {
        let i = values.iter().position(|(k, _)| k == key)?;
        match values.swap_remove(i).1 {
            serde_json::Value::String(s) if !s.trim().is_empty() => Some(s),
            serde_json::Value::Number(n) => Some(n.to_string()),
            _ => None,
        }
    };
    Ok(Fields {
        text,
        title: take(&map.title),
        date: take(&map.date),
        url: take(&map.url),
        id: take(&map.id),
        source: take(&map.source),
        author: take(&map.author),
        dateline: take(&map.dateline),
    })
}

/// Deserializes only the mapped keys of an object (others are skipped unparsed into
/// values), so wide records cost little. `None` when the JSON is not an object.
struct WantedFields<'a> {
    map: &'a crate::FieldMap,
}

impl WantedFields<'_> {
    fn wants(&self, key: &str) -> bool {
        let m = self.map;
        [&m.text, &m.title, &m.date, &m.url, &m.id, &m.source, &m.author, &m.dateline].iter().any(|k| *k == key)
    }
}

impl<'de> serde::de::DeserializeSeed<'de> for WantedFields<'_> {
    type Value = Option<Vec<(String, serde_json::Value)>>;

    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> serde::de::Visitor<'de> for WantedFields<'_> {
    type Value = Option<Vec<(String, serde_json::Value)>>;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a JSON object")
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut access: A) -> Result<Self::Value, A::Error> {
        let mut out = Vec::with_capacity(8);
        while let Some(Key(key)) = access.next_key::<Key<'de>>()? {
            if self.wants(&key) {
                out.push((key.into_owned(), access.next_value::<serde_json::Value>()?));
            } else {
                access.next_value::<serde::de::IgnoredAny>()?;
            }
        }
        Ok(Some(out))
    }

    // Any other JSON value is well-formed but not an article.
    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut access: A) -> Result<Self::Value, A::Error> {
        while access.next_element::<serde::de::IgnoredAny>()?.is_some() {}
        Ok(None)
    }
    fn visit_str<E>(self, _: &str) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_bool<E>(self, _: bool) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_i64<E>(self, _: i64) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_u64<E>(self, _: u64) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_f64<E>(self, _: f64) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_unit<E>(self) -> Result<Self::Value, E> {
        Ok(None)
    }
}

/// An object key, borrowed from the line when it has no escapes. (Serde's own `Cow<str>`
/// always copies, which costs an allocation for every key of every line.)
struct Key<'de>(std::borrow::Cow<'de, str>);

impl<'de> serde::Deserialize<'de> for Key<'de> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_str(KeyVisitor)
    }
}

struct KeyVisitor;

impl<'de> serde::de::Visitor<'de> for KeyVisitor {
    type Value = Key<'de>;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("an object key")
    }
    fn visit_borrowed_str<E>(self, s: &'de str) -> Result<Key<'de>, E> {
        Ok(Key(std::borrow::Cow::Borrowed(s)))
    }
    fn visit_str<E>(self, s: &str) -> Result<Key<'de>, E> {
        Ok(Key(std::borrow::Cow::Owned(s.to_string())))
    }
    fn visit_string<E>(self, s: String) -> Result<Key<'de>, E> {
        Ok(Key(std::borrow::Cow::Owned(s)))
    }
}

#[cfg(test)]
mod tests {
    use super::parse_line;
    use crate::FieldMap;

    #[test]
    fn keys_with_and_without_escapes() {
        let map = FieldMap::default();
        let f = parse_line(r#"{"te\u0078t": "Body\nline", "title": "T", "other": [1, {"a": 2}], "id": 7}"#, &map).unwrap();
        assert_eq!(f.text, "Body\nline");
        assert_eq!(f.title.as_deref(), Some("T"));
        assert_eq!(f.id.as_deref(), Some("7"));
        assert!(parse_line(r#"{"title": "no body"}"#, &map).is_err());
        assert!(parse_line(r#"{"text": "x", }"#, &map).is_err());
    }
}
