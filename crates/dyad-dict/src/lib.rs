//! Dictionaries as data: the in-memory model every loader produces and the coder compiles,
//! the loaders (dyad's format, PETRARCH, TABARI), the built-in set, a writer for dyad's
//! format and the checks behind `dyad dict check`.

pub mod builtin;
pub mod check;
pub mod diag;
pub mod inflect;
pub mod load;
pub mod model;
mod sets;
pub mod stats;
mod text;
pub mod write;

pub use builtin::builtin;
pub use diag::{Diagnostic, Severity};
pub use load::{load_dir, load_file, Content, FileKind, Format, LoadError, LoadOptions, Loaded};
pub use model::*;
