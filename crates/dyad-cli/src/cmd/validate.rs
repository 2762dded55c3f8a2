//! `dyad validate RECORDS [--dictionaries DIR] [--json]`: score the coder against a
//! validation suite (PETRARCH unit-test XML or its JSONL form). Prints each failing sentence
//! with its expected and produced codings, then the totals.

use anyhow::Context;
use dyad_code::validation::{read_records, summarize, validate};
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
    #[arg(long)]
    pub all: bool,
}

pub fn run(a: Args) -> anyhow::Result<ExitCode> {
    let dicts = super::code::load_dictionaries(a.dictionaries.as_deref(), false)?;
    let coder = Coder::new(&dicts);
    let records = read_records(&a.records).with_context(|| format!("reading {}", a.records.display()))?;
    let scores = validate(&coder, &records);
    let summary = summarize(&scores);
    if a.json {
        let out = serde_json::json!({ "summary": summary, "sentences": scores });
        println!("{}", serde_json::to_string_pretty(&out)?);
        return Ok(ExitCode::SUCCESS);
    }
    for s in &scores {
        if s.all_correct() && !a.all {
            continue;
        }
        let mark = if s.all_correct() { "ok  " } else { "FAIL" };
        println!("{mark} {} [{}] correct {} uncoded {} extra {}", s.id, s.category, s.correct, s.uncoded, s.extra);
        println!("     {}", s.text);
        let list = |v: &[dyad_code::validation::Triple]| if v.is_empty() { "(none)".to_string() } else { v.iter().map(|t| t.to_string()).collect::<Vec<_>>().join("; ") };
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
        summary.expected, summary.produced, summary.correct, summary.correct_pct, summary.uncoded, summary.extra, summary.extra_pct
    );
    Ok(ExitCode::SUCCESS)
}
