use chrono::NaiveDate;

/// How to read a path. `Auto` decides by extension (after `.gz`), then by content.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Format {
    #[default]
    Auto,
    Text,
    Jsonl,
    Html,
    Warc,
}

impl std::str::FromStr for Format {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s.to_ascii_lowercase().as_str() {
            "auto" => Ok(Format::Auto),
            "text" | "txt" => Ok(Format::Text),
            "jsonl" | "ndjson" | "json" => Ok(Format::Jsonl),
            "html" | "htm" => Ok(Format::Html),
            "warc" => Ok(Format::Warc),
            other => Err(format!("unknown input format '{other}' (expected auto, text, jsonl, html or warc)")),
        }
    }
}

/// Which JSONL keys hold each document field. Defaults to the field's own name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldMap {
    pub text: String,
    pub title: String,
    pub date: String,
    pub url: String,
    pub id: String,
    pub source: String,
    pub author: String,
    pub dateline: String,
}

impl Default for FieldMap {
    fn default() -> Self {
        Self {
            text: "text".into(),
            title: "title".into(),
            date: "date".into(),
            url: "url".into(),
            id: "id".into(),
            source: "source".into(),
            author: "author".into(),
            dateline: "dateline".into(),
        }
    }
}

impl FieldMap {
    /// Apply one `FIELD=KEY` mapping, e.g. `text=body` or `title=headline`.
    pub fn set(&mut self, mapping: &str) -> Result<(), String> {
        let (field, key) = mapping
            .split_once('=')
            .ok_or_else(|| format!("field mapping '{mapping}' is not FIELD=KEY (e.g. text=body)"))?;
        let key = key.trim().to_string();
        if key.is_empty() {
            return Err(format!("field mapping '{mapping}' has an empty key"));
        }
        let slot = match field.trim() {
            "text" => &mut self.text,
            "title" => &mut self.title,
            "date" => &mut self.date,
            "url" => &mut self.url,
            "id" => &mut self.id,
            "source" => &mut self.source,
            "author" => &mut self.author,
            "dateline" => &mut self.dateline,
            other => {
                return Err(format!(
                    "unknown field '{other}' in '{mapping}' (expected text, title, date, url, id, source, author or dateline)"
                ))
            }
        };
        *slot = key;
        Ok(())
    }
}

/// Everything that changes how inputs are read and cleaned.
#[derive(Clone, Debug)]
pub struct Options {
    pub format: Format,
    /// `--date`: overrides every date the input carries.
    pub date: Option<NaiveDate>,
    pub fields: FieldMap,
    /// Articles (a file, a JSONL line, a WARC record) larger than this are skipped.
    pub max_article_bytes: usize,
}

impl Default for Options {
    fn default() -> Self {
        Self { format: Format::Auto, date: None, fields: FieldMap::default(), max_article_bytes: 16 << 20 }
    }
}
