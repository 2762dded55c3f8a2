//! `dyad eval`: CAMEO root, quad-class, PLOVER-type and actor accuracy of the best event per
//! sentence on gold sentence sets (the scoring rule is documented in `dyad_eval::score`), and
//! location figures (`dyad_eval::location`): PLOVER records with a gold place, and
//! IndiaPoliceEvents stories (their sentences coded as one article each, expected in India).

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
    let places = super::dictionaries::gazetteer(args.dictionaries.as_deref())?;
    // The gold place's country: its name, else its capitalised words from the last ("town of
    // Rafah" → Rafah, "Jaffna peninsula" → Jaffna).
    let country_of = |name: &str| -> Option<String> {
        let of = |n: &str| places.country_of(n).and_then(|iso3| places.country_by_iso3(iso3)).map(|c| c.iso2.clone());
        of(name).or_else(|| {
            name.split_whitespace().rev().filter(|w| w.starts_with(char::is_uppercase)).find_map(of)
        })
    };
    let code = |id: &str, text: &str| {
        let mut doc = dyad_segment::segment_text(text);
        doc.id = id.to_string();
        let mut events = coder.code_document(&doc);
        dyad_geo::locate_events(&places, &doc, &mut events);
        events
    };
    for file in &args.files {
        let records = dyad_eval::read_gold(file).with_context(|| format!("reading gold records {}", file.display()))?;
        let mut scorer = dyad_eval::Scorer::new(&dicts.codebook);
        let mut locations = dyad_eval::LocationScorer::new();
        let (stories, sentences): (Vec<_>, Vec<_>) = records.iter().partition(|r| r.story.is_some());
        for rec in &sentences {
            let events = code(&rec.id, &rec.text);
            scorer.add(rec, &events);
            locations.add_gold(rec, &events, &country_of);
        }
        // IndiaPoliceEvents: consecutive sentences of one story are one article.
        for story in stories.chunk_by(|a, b| a.story == b.story) {
            let text: Vec<&str> = story.iter().map(|r| r.text.as_str()).collect();
            let events = code(story[0].story.as_deref().unwrap_or(""), &text.join("\n\n"));
            locations.add_in_country(&events, "IN");
        }
        let report = scorer.report(args.errors);
        let loc = locations.report();
        if args.json {
            let mut v = if sentences.is_empty() { serde_json::json!({}) } else { serde_json::to_value(&report)? };
            v["location"] = serde_json::to_value(&loc)?;
            v["file"] = file.display().to_string().into();
            println!("{v}");
        } else {
            println!("== {}", file.display());
            if !sentences.is_empty() {
                print!("{report}");
            }
            print!("{loc}");
        }
    }
    Ok(ExitCode::SUCCESS)
}
