//! The built-in dictionaries: every file under the repository's `dictionaries/` folder,
//! compiled into the binary and parsed at startup.

use crate::diag::Report;
use crate::load::{self, Loaded};
use crate::Codebook;
use std::path::Path;
use std::sync::OnceLock;

mod files {
    include!(concat!(env!("OUT_DIR"), "/builtin_files.rs"));
}

/// The built-in files as (path relative to `dictionaries/`, text).
pub fn files() -> &'static [(&'static str, &'static str)] {
    files::FILES
}

/// Parse the built-in dictionaries. SourceRefs name files relative to `dictionaries/`
/// (`verbs/04-consult.txt:12`).
pub fn builtin() -> Loaded {
    let mut loaded = Loaded::default();
    for (rel, text) in files() {
        match load::detect(Path::new(rel), text) {
            Some(kind) => {
                load::parse_into(text, rel, kind, &mut loaded.dicts, &mut loaded.diagnostics)
            }
            None => loaded.diagnostics.push(crate::Diagnostic {
                file: rel.to_string(),
                line: 0,
                severity: crate::Severity::Info,
                message: "skipped: not recognised as a dictionary file".into(),
            }),
        }
    }
    loaded
}

/// The built-in codebook alone (parsed once).
pub fn codebook() -> Codebook {
    static BOOK: OnceLock<Codebook> = OnceLock::new();
    BOOK.get_or_init(|| {
        let mut book = Codebook::default();
        let mut diags = Vec::new();
        for (rel, text) in files() {
            if *rel == "cameo.txt" {
                let mut report = Report {
                    file: rel,
                    diags: &mut diags,
                };
                load::codebook::parse(text, &mut report, &mut book);
            }
        }
        book
    })
    .clone()
}
