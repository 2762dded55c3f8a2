//! One module per subcommand; `input` holds the options shared by commands that read articles.

pub mod bench;
pub mod clean;
pub mod clean_eval;
pub mod code;
pub mod dict;
pub mod dictionaries;
pub mod dyads;
pub mod eval;
pub mod explain;
pub mod serve;
pub mod input;
pub mod parse;
pub mod store;
pub mod timeline;
pub mod validate;
pub mod who;
