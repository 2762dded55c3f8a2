use std::path::{Path, PathBuf};

/// Everything that can go wrong with a database, always naming the file.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("{path}: not a dyad database ({reason})")]
    NotDyad { path: PathBuf, reason: String },
    #[error(
        "{path}: database schema version {found} is newer than this dyad understands \
         (up to {supported}); use a newer dyad"
    )]
    NewerSchema {
        path: PathBuf,
        found: i64,
        supported: i64,
    },
    #[error("{path}: database is locked by another process (another dyad still writing?); try again when it is done")]
    Locked { path: PathBuf },
    #[error("{path}: cannot write: file or folder is read-only (nothing was changed)")]
    ReadOnly { path: PathBuf },
    #[error("{path}: disk full: the current batch was rolled back; everything committed before it is kept")]
    DiskFull { path: PathBuf },
    #[error("{path}: cannot open database: {detail}")]
    CannotOpen { path: PathBuf, detail: String },
    #[error("{path}: no such database")]
    Missing { path: PathBuf },
    #[error(
        "{path}: database deduplicates by `{stored}` but `{requested}` was asked for; \
         re-key it with `dyad recode --dedup {requested}`"
    )]
    DedupMismatch {
        path: PathBuf,
        stored: String,
        requested: String,
    },
    #[error("{path}: {source}")]
    Sqlite {
        path: PathBuf,
        source: rusqlite::Error,
    },
    #[error("{path}: stored record is damaged: {detail}")]
    Corrupt { path: PathBuf, detail: String },
    #[error("export: {0}")]
    Export(String),
    #[error("export: {0}")]
    Io(#[from] std::io::Error),
}

impl StoreError {
    /// Turn a SQLite error into the user-facing error it means.
    pub(crate) fn from_sqlite(path: &Path, e: rusqlite::Error) -> Self {
        use rusqlite::ErrorCode as C;
        let path = path.to_path_buf();
        match e.sqlite_error_code() {
            Some(C::DatabaseBusy | C::DatabaseLocked) => StoreError::Locked { path },
            Some(C::ReadOnly) => StoreError::ReadOnly { path },
            Some(C::DiskFull) => StoreError::DiskFull { path },
            Some(C::NotADatabase) => StoreError::NotDyad {
                path,
                reason: "the file is not an SQLite database".into(),
            },
            Some(C::CannotOpen) => StoreError::CannotOpen {
                path,
                detail: e.to_string(),
            },
            _ => StoreError::Sqlite { path, source: e },
        }
    }
}
