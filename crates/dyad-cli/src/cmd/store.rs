//! `dyad recode|export|stats|events` (placeholder: being written).

use std::process::ExitCode;

#[derive(clap::Args)]
pub struct RecodeArgs {}
#[derive(clap::Args)]
pub struct ExportArgs {}
#[derive(clap::Args)]
pub struct StatsArgs {}
#[derive(clap::Args)]
pub struct EventsArgs {}

pub fn recode(_a: RecodeArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("not available yet")
}
pub fn export(_a: ExportArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("not available yet")
}
pub fn stats(_a: StatsArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("not available yet")
}
pub fn events(_a: EventsArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("not available yet")
}

#[derive(clap::Args)]
pub struct BenchArgs {}

pub fn bench(_a: BenchArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("not available yet")
}
