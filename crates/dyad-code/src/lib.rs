//! The coding engine.
