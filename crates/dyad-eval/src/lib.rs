//! Scoring dyad against gold-standard data sets.
//!
//! `gold` reads the data sets into one record type; `score` compares dyad's events for each
//! record with the gold annotation and keeps the figures and the most common kinds of error.
//! Coding itself is not done here: the caller codes each record's text and hands the events in,
//! so the scorer can be tested without a coder.

pub mod gold;
pub mod ipe;
pub mod location;
pub mod score;

pub use gold::{read_gold, GoldError, GoldEvent, GoldPlace, GoldRecord};
pub use ipe::{IpeReport, IpeScorer};
pub use location::{LocationReport, LocationScorer};
pub use score::{Report, Scorer};
