//! `dyad dict who` (placeholder: being written).

use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    pub name: String,
}

pub fn run(_a: Args) -> anyhow::Result<ExitCode> {
    anyhow::bail!("not available yet")
}
