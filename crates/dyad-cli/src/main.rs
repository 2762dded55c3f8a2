//! `dyad`: the command line. Each subcommand lives in `cmd/<name>.rs`; this file only
//! parses arguments and dispatches. The work is done by the library crates.

mod cmd;
mod progress;

use clap::{Parser, Subcommand};
use std::process::ExitCode;

// The coder makes and drops many small vectors per sentence; mimalloc serves them faster than
// the system allocator (docs/benchmarks.md, stop 11).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Parser)]
#[command(name = "dyad", version, about = "Political event-data coder: news text in, CAMEO events out.")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Read articles, strip boilerplate, find metadata and segment them; print JSON or text.
    Clean(cmd::clean::Args),
    /// Code articles into CAMEO events (stored in a database and/or printed).
    Code(cmd::code::Args),
    /// Show how a sentence is tokenised, tagged and coded, and why.
    Explain(cmd::explain::Args),
    /// Score dyad against a validation suite (PETRARCH XML or JSONL records).
    Validate(cmd::validate::Args),
    /// Accuracy of the best event per sentence on gold sets (PLOVER, ConfliBERT, CAMEO examples).
    Eval(cmd::eval::Args),
    /// Check, summarise, convert and query dictionaries.
    Dict(cmd::dict::Args),
    /// Re-code the stored articles of a database with (changed) dictionaries.
    Recode(cmd::store::RecodeArgs),
    /// Export stored events (GDELT 2.0, mentions, JSONL/PLOVER, Parquet, CSV).
    Export(cmd::store::ExportArgs),
    /// Summarise a database: articles, sentences, events by root and quad class, top dyads.
    Stats(cmd::store::StatsArgs),
    /// List stored events as a readable table.
    Events(cmd::store::EventsArgs),
    /// A dyad's events per day, week or month (table, CSV, JSON, SVG or PNG).
    Timeline(cmd::timeline::Args),
    /// The busiest dyads with their cooperation and conflict balance.
    Dyads(cmd::dyads::Args),
    /// Browse a database in the web browser: events, evidence, dyad timelines (read-only).
    Serve(cmd::serve::Args),
    /// Tag and parse articles (or the words of a CoNLL-U file) into CoNLL-U; `parse train` trains a model.
    Parse(cmd::parse::Args),
    /// Measure throughput and compile times.
    Bench(cmd::bench::Args),
}

/// mimalloc's `arena_eager_commit` (option 4 in its C enum, which the crate leaves without a
/// constant): with mimalloc 2 and arenas committed only as they are used, coding Reuters on 2
/// threads peaks at 240 MB instead of 290 MB (mimalloc 3, eager), at the same speed.
const MI_OPTION_ARENA_EAGER_COMMIT: libmimalloc_sys::mi_option_t = 4;

fn main() -> ExitCode {
    // SAFETY: called once, before any other thread exists.
    unsafe { libmimalloc_sys::mi_option_set(MI_OPTION_ARENA_EAGER_COMMIT, 0) };
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Clean(a) => cmd::clean::run(a),
        Command::Code(a) => cmd::code::run(a),
        Command::Explain(a) => cmd::explain::run(a),
        Command::Validate(a) => cmd::validate::run(a),
        Command::Eval(a) => cmd::eval::run(a),
        Command::Dict(a) => cmd::dict::run(a),
        Command::Recode(a) => cmd::store::recode(a),
        Command::Export(a) => cmd::store::export(a),
        Command::Stats(a) => cmd::store::stats(a),
        Command::Events(a) => cmd::store::events(a),
        Command::Timeline(a) => cmd::timeline::run(a),
        Command::Dyads(a) => cmd::dyads::run(a),
        Command::Serve(a) => cmd::serve::run(a),
        Command::Parse(a) => cmd::parse::run(a),
        Command::Bench(a) => cmd::bench::run(a),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("dyad: error: {e:#}");
            ExitCode::from(2)
        }
    }
}
