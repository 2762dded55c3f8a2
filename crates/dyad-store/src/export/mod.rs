//! Exports of the stored events. One file per format; each streams rows from the database.
mod csv;
mod gdelt;
mod jsonl;
mod mentions;
mod parquet;
mod table;

use crate::error::StoreError;
use crate::query::Filter;
use crate::store::Store;
use std::io::Write;
use std::str::FromStr;

pub use table::{columns, row, unstored_row, Column, Kind, Value};

/// An export format (`dyad export --format`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// GDELT 2.0 event table: 61 tab-separated columns, no header.
    Gdelt,
    /// GDELT 2.0 mentions table: 16 tab-separated columns, no header.
    GdeltMentions,
    /// One JSON object per event: dyad's event JSON, PLOVER type/mode, counts and mentions.
    Jsonl,
    /// The flat event table with typed columns.
    Parquet,
    /// The flat event table with a header row.
    Csv,
}

impl Format {
    pub const ALL: [&'static str; 5] = ["gdelt", "gdelt-mentions", "jsonl", "parquet", "csv"];
}

impl FromStr for Format {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        Ok(match s {
            "gdelt" => Format::Gdelt,
            "gdelt-mentions" | "mentions" => Format::GdeltMentions,
            "jsonl" | "json" => Format::Jsonl,
            "parquet" => Format::Parquet,
            "csv" => Format::Csv,
            other => {
                return Err(format!(
                    "unknown export format `{other}` (expected one of {})",
                    Format::ALL.join(", ")
                ))
            }
        })
    }
}

/// Write the events selected by `filter` to `out`; returns the number of rows written.
pub fn export<W: Write + Send>(
    store: &Store,
    format: Format,
    filter: &Filter,
    out: W,
) -> Result<usize, StoreError> {
    match format {
        Format::Gdelt => gdelt::write(store, filter, out),
        Format::GdeltMentions => mentions::write(store, filter, out),
        Format::Jsonl => jsonl::write(store, filter, out),
        Format::Parquet => parquet::write(store, filter, out),
        Format::Csv => csv::write(store, filter, out),
    }
}
