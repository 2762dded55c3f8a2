//! Metadata found in the text or the container: dates, datelines, bylines.

pub mod byline;
pub mod date;
pub mod dateline;
