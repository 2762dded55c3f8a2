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
    /// Main-text extraction from HTML pages, scored as trafilatura's benchmark scores it
    /// (`--eval EVALDATA PAGES`), with pages/s and MB/s.
    Clean(super::clean_eval::Args),
    /// Dictionary compile time and coding throughput (sentences/s).
    Code(super::code::BenchArgs),
    /// Coding into a fresh database vs. without one.
    Store(super::store::BenchArgs),
    /// Latency of `dyad serve`'s API and pages on a database.
    Serve(super::serve::BenchArgs),
    /// Parser model load time; tagging and tag + parse throughput on EWT and news.
    Parse(super::parse::BenchArgs),
}

pub fn run(a: Args) -> anyhow::Result<ExitCode> {
    match a.what {
        Bench::Ingest(b) => super::clean::bench(b),
        Bench::Clean(b) => super::clean_eval::run(b),
        Bench::Code(b) => super::code::bench(b),
        Bench::Store(b) => super::store::bench(b),
        Bench::Serve(b) => super::serve::bench(b),
        Bench::Parse(b) => super::parse::bench(b),
    }
}
