//! What the integration tests share: the built-in coder and a sentence's events as
//! "SOURCE CODE TARGET" triples.

// Each test binary uses only part of this module.
#![allow(dead_code)]

use dyad_code::Coder;
use dyad_doc::Event;
use std::sync::OnceLock;

/// The coder with the built-in dictionaries, compiled once per test binary.
pub fn builtin() -> &'static Coder {
    static C: OnceLock<Coder> = OnceLock::new();
    C.get_or_init(|| Coder::new(&dyad_dict::builtin().dicts))
}

/// The events of `text` coded by `coder` as a document dated 2019-06-01.
pub fn events_with(coder: &Coder, text: &str) -> Vec<Event> {
    let mut doc = dyad_segment::segment_text(text);
    doc.date = chrono::NaiveDate::from_ymd_opt(2019, 6, 1);
    coder.code_document(&doc)
}

pub fn triples(events: &[Event]) -> Vec<String> {
    events.iter().map(|e| format!("{} {} {}", e.source, e.code, e.target)).collect()
}

/// The built-in coder's events of `text` as triples.
pub fn code(text: &str) -> Vec<String> {
    triples(&events_with(builtin(), text))
}
