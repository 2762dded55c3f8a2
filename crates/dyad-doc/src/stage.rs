use crate::Document;

/// A named pipeline stage: a function over one document that enriches it in place.
/// Stages do no I/O; reading and writing happen at the edges (ingest, store, CLI).
pub trait Stage: Send + Sync {
    fn name(&self) -> &'static str;
    fn run(&self, doc: &mut Document);
}
