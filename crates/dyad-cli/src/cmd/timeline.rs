//! `dyad timeline --source PRK --target RUS [--by month] [--format table|csv|json|svg|png]`:
//! a dyad's events per period, the same series as `/api/timeline` (the query is in dyad-store).

use super::store::{ok_on_broken_pipe, DbArg};
use anyhow::{bail, Context};
use dyad_store::{Browse, Period, PeriodRow, Store};
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub db: DbArg,
    /// Source actor: a CAMEO code or prefix (PRK, RUSGOV) or a name in the text (Kim Jong Un).
    /// Omitted: any source.
    #[arg(long, value_name = "ACTOR")]
    pub source: Option<String>,
    /// Target actor, like --source.
    #[arg(long, value_name = "ACTOR")]
    pub target: Option<String>,
    /// Period: day, week (ISO) or month.
    #[arg(long, default_value = "month", value_parser = ["day", "week", "month"])]
    pub by: String,
    /// Output; default: table on a terminal, JSON when piped.
    #[arg(long, value_parser = ["table", "csv", "json", "svg", "png"])]
    pub format: Option<String>,
    /// Write to FILE instead of standard output.
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

/// A typed actor as a code prefix: the code itself when events have it, else a name match.
pub fn resolve(store: &Store, typed: Option<&str>, flag: &str) -> anyhow::Result<Option<String>> {
    let Some(typed) = typed.filter(|t| !t.trim().is_empty()) else { return Ok(None) };
    match store.resolve_actor(typed)? {
        Some(code) => Ok(Some(code)),
        None => match Browse::parse_actor(typed) {
            // A well-formed code with no events: an empty series, not an error.
            Ok(code) => Ok(Some(code)),
            Err(_) => bail!("{flag} {typed:?}: no actor code or name in the database matches"),
        },
    }
}

pub fn run(a: Args) -> anyhow::Result<ExitCode> {
    ok_on_broken_pipe(print(a))
}

fn print(a: Args) -> anyhow::Result<ExitCode> {
    let store = Store::open_read_only(&a.db.db)?;
    let source = resolve(&store, a.source.as_deref(), "--source")?;
    let target = resolve(&store, a.target.as_deref(), "--target")?;
    let by = Period::parse(&a.by).map_err(anyhow::Error::msg)?;
    let rows = store.timeline(source.as_deref(), target.as_deref(), by)?;
    let to_terminal = a.output.is_none() && std::io::stdout().is_terminal();
    let format = a.format.clone().unwrap_or_else(|| if to_terminal { "table" } else { "json" }.into());
    let label = format!("{} → {} per {}", source.as_deref().unwrap_or("any"), target.as_deref().unwrap_or("any"), by.as_str());
    let bytes = match format.as_str() {
        "json" => {
            let mut v = serde_json::to_vec_pretty(&rows)?;
            v.push(b'\n');
            v
        }
        "csv" => csv(&rows)?,
        "svg" => dyad_serve::chart::timeline_svg(&rows, &label).into_bytes(),
        "png" => {
            if to_terminal {
                bail!("PNG is binary: give --output FILE or redirect standard output");
            }
            dyad_serve::chart::timeline_png(&rows).context("encoding the PNG")?
        }
        _ => table(&rows, &label).into_bytes(),
    };
    match &a.output {
        Some(path) => std::fs::write(path, &bytes).with_context(|| format!("writing {}", path.display()))?,
        None => {
            let mut out = std::io::stdout().lock();
            out.write_all(&bytes)?;
            out.flush()?;
        }
    }
    if rows.is_empty() {
        eprintln!("dyad: no dated events for {label}");
    }
    Ok(ExitCode::SUCCESS)
}

fn csv(rows: &[PeriodRow]) -> anyhow::Result<Vec<u8>> {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(["period", "events", "goldstein_sum", "goldstein_mean", "quad1", "quad2", "quad3", "quad4"])?;
    for r in rows {
        w.write_record([
            r.period.clone(),
            r.events.to_string(),
            format!("{:.2}", r.goldstein_sum),
            r.goldstein_mean.map(|m| format!("{m:.2}")).unwrap_or_default(),
            r.quad.get(1).to_string(),
            r.quad.get(2).to_string(),
            r.quad.get(3).to_string(),
            r.quad.get(4).to_string(),
        ])?;
    }
    Ok(w.into_inner()?)
}

/// Aligned columns with a bar of the event count.
fn table(rows: &[PeriodRow], label: &str) -> String {
    let max = rows.iter().map(|r| r.events).max().unwrap_or(0).max(1);
    let mut s = format!("{label}\n{:<10} {:>6} {:>4} {:>4} {:>4} {:>4} {:>9} {:>6}\n", "period", "events", "Q1", "Q2", "Q3", "Q4", "goldstein", "mean");
    for r in rows {
        let bar = "█".repeat(((r.events as f64 / max as f64) * 30.0).ceil() as usize);
        s.push_str(&format!(
            "{:<10} {:>6} {:>4} {:>4} {:>4} {:>4} {:>9.1} {:>6} {bar}\n",
            r.period,
            r.events,
            r.quad.get(1),
            r.quad.get(2),
            r.quad.get(3),
            r.quad.get(4),
            r.goldstein_sum,
            r.goldstein_mean.map(|m| format!("{m:.2}")).unwrap_or_default()
        ));
    }
    let total: i64 = rows.iter().map(|r| r.events).sum();
    s.push_str(&format!("{total} events in {} periods (Q1 verbal cooperation, Q2 material cooperation, Q3 verbal conflict, Q4 material conflict)\n", rows.len()));
    s
}
