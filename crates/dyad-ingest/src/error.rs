use std::fmt;

/// What went wrong with one input; used to count skips by kind in summaries.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ErrorKind {
    /// The file could not be opened or read.
    Unreadable,
    /// The bytes are not text (NUL bytes or mostly control characters).
    Binary,
    /// Nothing but whitespace, or nothing left once boilerplate was removed.
    Empty,
    /// One article (file, line or record) is over the size limit.
    TooLarge,
    /// A gzip stream or a WARC record ends early.
    Truncated,
    /// A JSONL line that is not a JSON object.
    MalformedJson,
    /// A JSONL object without a usable text field.
    MissingText,
    /// A WARC header that does not follow WARC/1.x framing.
    MalformedWarc,
    /// An HTML page where no article body could be found.
    NoBody,
}

impl ErrorKind {
    pub fn label(self) -> &'static str {
        match self {
            ErrorKind::Unreadable => "unreadable",
            ErrorKind::Binary => "binary",
            ErrorKind::Empty => "empty",
            ErrorKind::TooLarge => "too large",
            ErrorKind::Truncated => "truncated",
            ErrorKind::MalformedJson => "malformed JSON",
            ErrorKind::MissingText => "missing text",
            ErrorKind::MalformedWarc => "malformed WARC",
            ErrorKind::NoBody => "no article body",
        }
    }
}

impl fmt::Display for ErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

/// One input that was skipped: where (path, line or record) and why.
/// Displays as `reuters.jsonl:1234: malformed JSON: expected value at column 1`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InputError {
    pub path: String,
    /// 1-based line (JSONL) or record (WARC) number, when the error is inside a file.
    pub record: Option<u64>,
    pub kind: ErrorKind,
    pub message: String,
}

impl InputError {
    pub fn new(path: &str, record: Option<u64>, kind: ErrorKind, message: impl Into<String>) -> Self {
        Self { path: path.to_string(), record, kind, message: message.into() }
    }
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.record {
            Some(n) => write!(f, "{}:{}: {}: {}", self.path, n, self.kind, self.message),
            None => write!(f, "{}: {}: {}", self.path, self.kind, self.message),
        }
    }
}

impl std::error::Error for InputError {}
