//! Input options shared by every command that reads articles (placeholder: being written).

#[derive(clap::Args, Clone)]
pub struct InputArgs {
    /// Files or folders to read; `-` for standard input.
    pub paths: Vec<std::path::PathBuf>,
}
