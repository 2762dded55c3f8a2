//! `dyad validate RECORDS [--dictionaries DIR] [--json]`: score the coder against a
//! validation suite (PETRARCH unit-test XML or its JSONL form). Prints each failing sentence
//! with its expected and produced codings, then the totals.

use anyhow::Context;
use dyad_code::validation::{read_records, score_events, summarize, validate, Triple};
use dyad_code::Coder;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    /// The suite: PETRARCH `PETR.UnitTest.records.xml` or JSONL records.
    #[arg(value_name = "RECORDS")]
    pub records: std::path::PathBuf,
    /// Dictionary folder (dyad, PETRARCH or TABARI format); default: the built-in dictionaries.
    #[arg(long, value_name = "DIR")]
    pub dictionaries: Option<std::path::PathBuf>,
    /// Print a JSON summary (and per-sentence results) instead of text.
    #[arg(long)]
    pub json: bool,
    /// Also print the sentences that were coded correctly.
    #[arg(long, conflicts_with = "quiet")]
    pub all: bool,
    /// Print only the totals (no per-sentence results).
    #[arg(long)]
    pub quiet: bool,
    /// Score these events (JSON lines from `dyad code --format jsonl`, matched to records by
    /// `article` = record id) instead of coding the records.
    #[arg(long, value_name = "EVENTS.jsonl")]
    pub events: Option<std::path::PathBuf>,
}

pub fn run(a: Args) -> anyhow::Result<ExitCode> {
    let records = read_records(&a.records).with_context(|| format!("reading {}", a.records.display()))?;
    let scores = match &a.events {
        Some(path) => score_events(&records, &read_events(path)?),
        None => {
            let dicts = super::dictionaries::load(a.dictionaries.as_deref(), false)?;
            validate(&Coder::new(&dicts), &records)
        }
    };
    let summary = summarize(&scores);
    if a.json {
        let out = serde_json::json!({ "summary": summary, "sentences": scores });
        println!("{}", serde_json::to_string_pretty(&out)?);
        return Ok(ExitCode::SUCCESS);
    }
    for s in &scores {
        if a.quiet || (s.all_correct() && !a.all) {
            continue;
        }
        let mark = if s.all_correct() { "ok  " } else { "FAIL" };
        println!("{mark} {} [{}] correct {} uncoded {} extra {}", s.id, s.category, s.correct, s.uncoded, s.extra);
        println!("     {}", s.text);
        let list = |v: &[Triple]| {
            if v.is_empty() {
                "(none)".to_string()
            } else {
                v.iter().map(|t| t.to_string()).collect::<Vec<_>>().join("; ")
            }
        };
        println!("     expected: {}", list(&s.expected));
        println!("     produced: {}", list(&s.produced));
    }
    println!();
    println!("by category (sentences fully correct):");
    for (cat, (n, ok)) in &summary.categories {
        println!("  {cat:<10} {ok:>3}/{n:<3}");
    }
    println!(
        "sentences: {}  fully correct: {} ({:.1}%)",
        summary.sentences, summary.sentences_correct, summary.sentences_correct_pct
    );
    println!(
        "events: expected {}  produced {}  correct {} ({:.1}% of expected)  uncoded {}  extra {} ({:.1}% of produced)",
        summary.expected,
        summary.produced,
        summary.correct,
        summary.correct_pct,
        summary.uncoded,
        summary.extra,
        summary.extra_pct
    );
    Ok(ExitCode::SUCCESS)
}

/// (article, triple) of each event line; a bad line is an error naming file and line.
fn read_events(path: &std::path::Path) -> anyhow::Result<Vec<(String, Triple)>> {
    let text = std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()) {
        let e: dyad_doc::Event =
            serde_json::from_str(line).with_context(|| format!("{}:{}: not a dyad event", path.display(), i + 1))?;
        out.push((e.article, Triple { source: e.source, target: e.target, code: e.code }));
    }
    Ok(out)
}
