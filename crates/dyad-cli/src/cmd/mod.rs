//! One module per subcommand.

pub mod bench;
pub mod clean;
pub mod code;
pub mod dict;
pub mod explain;
pub mod store;
pub mod validate;
