//! Dictionaries as data: the in-memory model every loader produces and the coder compiles.

pub mod model;

pub use model::*;
