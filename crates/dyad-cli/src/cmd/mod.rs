//! One module per subcommand; `input` holds the options shared by commands that read articles.

pub mod bench;
pub mod clean;
pub mod code;
pub mod dict;
pub mod dictionaries;
pub mod eval;
pub mod explain;
pub mod input;
pub mod parse;
pub mod store;
pub mod validate;
pub mod who;
