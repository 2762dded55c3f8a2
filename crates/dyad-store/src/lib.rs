//! dyad's embedded database: articles, sentences, coded events and their mentions in SQLite;
//! cross-article deduplication with GDELT's semantics; and exports (GDELT 2.0 events and
//! mentions, JSONL with PLOVER, Parquet, CSV).
//!
//! The write path is [`Store::open`] → [`Store::begin_batch`] → [`Store::add`] … →
//! [`Store::commit`]. Each article is stored with its events in the same transaction, so a run
//! killed at any point leaves whole articles or nothing, and re-running the same input (which
//! skips articles whose content hash is already stored) completes the database.
//! The schema and the deduplication rule are documented in `docs/storage.md`.

mod actor;
mod dedup;
mod error;
pub mod export;
mod explore;
mod hash;
mod query;
mod recode;
mod schema;
mod store;

pub use actor::{split_actor, ActorParts};
pub use dedup::Dedup;
pub use error::StoreError;
pub use explore::{
    ActorSummary, ArticleInfo, Browse, DyadLevel, DyadRow, EventDetail, EventPage, ListedEvent,
    MentionDetail, Partner, Period, PeriodRow, Quads, Snippet, Sort, MAX_FILLED_PERIODS, MAX_LIMIT,
    MAX_OFFSET,
};
pub use export::{export, Format};
pub use hash::{content_hash, source_name};
pub use query::{DyadCount, EventRow, Filter, MentionRow, Stats};
pub use recode::Recoded;
pub use schema::SCHEMA_VERSION;
pub use store::{Added, Options, Store};
