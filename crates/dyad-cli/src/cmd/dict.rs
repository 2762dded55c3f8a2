//! `dyad dict` (placeholder: being written).

use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    #[command(subcommand)]
    pub command: DictCommand,
}

#[derive(clap::Subcommand)]
pub enum DictCommand {
    /// Check dictionaries for errors.
    Check { dir: Option<std::path::PathBuf> },
    /// What a name resolves to on a date.
    Who(super::who::Args),
}

pub fn run(_args: Args) -> anyhow::Result<ExitCode> {
    anyhow::bail!("`dyad dict` is not available yet")
}
