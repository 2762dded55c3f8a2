//! `dyad dyads [--top 20] [--level country|code]`: the busiest dyads with their cooperation
//! and conflict balance (the query is in dyad-store, shared with `/api/dyads`).

use super::store::{ok_on_broken_pipe, DbArg};
use dyad_store::{DyadLevel, Store, MAX_LIMIT};
use std::io::{IsTerminal, Write};
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub db: DbArg,
    /// How many dyads.
    #[arg(long, default_value_t = 20, value_name = "N", value_parser = clap::value_parser!(u16).range(1..=MAX_LIMIT as i64))]
    pub top: u16,
    /// Group actors by country (first three letters: RUS, PRK, IGO) or by full code (RUSGOV).
    #[arg(long, default_value = "country", value_parser = ["country", "code"])]
    pub level: String,
    /// Output; default: table on a terminal, JSON when piped.
    #[arg(long, value_parser = ["table", "json"])]
    pub format: Option<String>,
}

pub fn run(a: Args) -> anyhow::Result<ExitCode> {
    ok_on_broken_pipe(print(a))
}

fn print(a: Args) -> anyhow::Result<ExitCode> {
    let store = Store::open_read_only(&a.db.db)?;
    let level = DyadLevel::parse(&a.level).map_err(anyhow::Error::msg)?;
    let rows = store.dyads(a.top as usize, level)?;
    let mut out = std::io::stdout().lock();
    let table = a.format.as_deref().map_or(std::io::stdout().is_terminal(), |f| f == "table");
    if !table {
        serde_json::to_writer_pretty(&mut out, &rows)?;
        writeln!(out)?;
        return Ok(ExitCode::SUCCESS);
    }
    writeln!(out, "{:<8} {:<8} {:>6} {:>8} {:>5} {:>8}  {:<20} {:>9}", "source", "target", "events", "mentions", "coop", "conflict", "balance", "goldstein")?;
    for d in &rows {
        // 20 cells: '+' for the cooperation share, '-' for conflict.
        let coop = (d.cooperation as f64 / d.events.max(1) as f64 * 20.0).round() as usize;
        let bar = format!("{}{}", "+".repeat(coop), "-".repeat(20 - coop.min(20)));
        writeln!(
            out,
            "{:<8} {:<8} {:>6} {:>8} {:>5} {:>8}  {bar} {:>9.2}",
            d.source, d.target, d.events, d.mentions, d.cooperation, d.conflict, d.goldstein_mean
        )?;
    }
    if rows.is_empty() {
        eprintln!("dyad: {} has no events", a.db.db.display());
    }
    Ok(ExitCode::SUCCESS)
}
