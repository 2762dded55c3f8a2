//! `dyad bench`: throughput and compile-time figures. Each benchmark lives beside the
//! command it measures.

use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    #[command(subcommand)]
    pub what: Bench,
}

#[derive(clap::Subcommand)]
pub enum Bench {
    /// Read + clean + segment throughput (MB/s).
    Ingest(super::clean::BenchArgs),
    /// Dictionary compile time and coding throughput (sentences/s).
    Code(super::code::BenchArgs),
    /// Coding into a fresh database vs. without one.
    Store(super::store::BenchArgs),
    /// Parser model load time; tagging and tag + parse throughput on EWT and news.
    Parse(super::parse::BenchArgs),
}

pub fn run(a: Args) -> anyhow::Result<ExitCode> {
    match a.what {
        Bench::Ingest(b) => super::clean::bench(b),
        Bench::Code(b) => super::code::bench(b),
        Bench::Store(b) => super::store::bench(b),
        Bench::Parse(b) => super::parse::bench(b),
    }
}
