//! `dyad clean` (placeholder: being written).

use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    pub paths: Vec<std::path::PathBuf>,
}

pub fn run(_args: Args) -> anyhow::Result<ExitCode> {
    anyhow::bail!("`dyad clean` is not available yet")
}

#[derive(clap::Args)]
pub struct BenchArgs {}

pub fn bench(_a: BenchArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("not available yet")
}
