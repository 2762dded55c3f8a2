//! Input side of dyad: read articles from plain text, JSONL, HTML and WARC files (each
//! optionally gzipped, or from standard input), strip boilerplate, and find title, byline,
//! dateline and publication date.
//!
//! Two layers, so callers can parallelise the expensive half:
//! - [`records`] does the I/O: it walks paths, un-gzips, frames files into one raw
//!   [`Record`] per article (a file, a JSONL line, a WARC response) and streams them, so a
//!   2 GB WARC is never held in memory.
//! - [`build`] is a pure function from a [`Record`] to a cleaned [`Document`] (decoding,
//!   parsing, boilerplate removal, metadata). It does not segment: that is `dyad-segment`.
//!
//! [`documents`] chains the two. Every failure is an [`InputError`] naming the file and the
//! line or record; callers skip it and go on.

mod build;
pub mod clean;
mod error;
pub mod meta;
mod options;
pub mod read;

pub use build::build;
pub use error::{ErrorKind, InputError};
pub use options::{FieldMap, Format, Options};
pub use read::{records, Record, RecordKind, Records};

use dyad_doc::Document;
use std::path::PathBuf;

/// How many mojibake runs cleaning repaired in `doc` (read from its note), for summaries.
pub fn mojibake_repairs(doc: &Document) -> u64 {
    doc.notes
        .iter()
        .filter_map(|n| n.strip_prefix(clean::mojibake::NOTE)?.trim_start().strip_prefix('(')?.split(' ').next()?.parse::<u64>().ok())
        .sum()
}

/// Read and clean every article under `paths`, in order, one result per article.
pub fn documents<'a>(
    paths: &[PathBuf],
    opts: &'a Options,
) -> impl Iterator<Item = Result<Document, InputError>> + 'a {
    records(paths, opts).map(move |r| r.and_then(|rec| build(rec, opts)))
}
