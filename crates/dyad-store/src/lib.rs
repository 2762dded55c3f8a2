//! Storage, deduplication and export.
