//! The one document type that flows through dyad's stages (ingest → clean → segment →
//! code → store), and the event record that coding produces.
//!
//! Stages enrich a [`Document`] in place; spans ([`TextSpan`], [`Token`], [`Sentence`]) are
//! offsets into `Document::text`, so they are views into the document, never copies.

mod document;
mod event;
mod stage;
mod syntax;

pub use document::*;
pub use event::*;
pub use stage::Stage;
pub use syntax::{DepRel, Upos, DEPREL_NAMES};
