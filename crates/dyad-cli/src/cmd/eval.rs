//! `dyad eval`: CAMEO root, quad-class, PLOVER-type and actor accuracy of the best event per
//! sentence on gold sentence sets (the scoring rule is documented in `dyad_eval::score`).

use anyhow::Context;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    /// Gold JSONL files: PLOVER records, ConfliBERT sentences or CAMEO codebook examples.
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
    /// Dictionary folder (dyad, PETRARCH or TABARI format); the built-in defaults if omitted.
    #[arg(long)]
    pub dictionaries: Option<PathBuf>,
    /// Print one JSON summary per file instead of the table.
    #[arg(long)]
    pub json: bool,
    /// How many of the most common error kinds to show.
    #[arg(long, default_value_t = 20)]
    pub errors: usize,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let dicts = super::dictionaries::load(args.dictionaries.as_deref(), false)?;
    let coder = dyad_code::Coder::new(&dicts);
    for file in &args.files {
        let records = dyad_eval::read_gold(file).with_context(|| format!("reading gold records {}", file.display()))?;
        let mut scorer = dyad_eval::Scorer::new(&dicts.codebook);
        for rec in &records {
            let mut doc = dyad_segment::segment_text(&rec.text);
            doc.id = rec.id.clone();
            scorer.add(rec, &coder.code_document(&doc));
        }
        let report = scorer.report(args.errors);
        if args.json {
            let mut v = serde_json::to_value(&report)?;
            v["file"] = file.display().to_string().into();
            println!("{v}");
        } else {
            println!("== {}", file.display());
            print!("{report}");
        }
    }
    Ok(ExitCode::SUCCESS)
}
