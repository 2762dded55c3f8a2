//! `dyad eval`: CAMEO root, quad-class, PLOVER-type and actor accuracy of the best event per
//! sentence on gold sentence sets (the scoring rule is documented in `dyad_eval::score`);
//! IndiaPoliceEvents sentences are coded as the stories they come from and scored by
//! `dyad_eval::ipe`; and location figures (`dyad_eval::location`): PLOVER records with a gold
//! place, and IndiaPoliceEvents events (expected in India).

use anyhow::Context;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    /// Gold JSONL files: PLOVER records, ConfliBERT sentences, CAMEO codebook examples or
    /// IndiaPoliceEvents sentences.
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
    for file in &args.files {
        let records = dyad_eval::read_gold(file).with_context(|| format!("reading gold records {}", file.display()))?;
        let mut locations = dyad_eval::LocationScorer::new();
        if records.first().is_some_and(|r| r.police_labels.is_some()) {
            let report = score_ipe(&coder, &places, &records, &mut locations);
            print_report(&args, file, " (IndiaPoliceEvents)", &report, &locations.report())?;
            continue;
        }
        let mut scorer = dyad_eval::Scorer::new(&dicts.codebook);
        for rec in &records {
            let mut doc = dyad_segment::segment_text(&rec.text);
            doc.id = rec.id.clone();
            let mut events = coder.code_document(&doc);
            dyad_geo::locate_events(&places, &doc, &mut events);
            scorer.add(rec, &events);
            locations.add_gold(rec, &events, &country_of);
        }
        print_report(&args, file, "", &scorer.report(args.errors), &locations.report())?;
    }
    Ok(ExitCode::SUCCESS)
}

/// One file's figures: a JSON line (with `location` and `file`) or the tables under a heading.
fn print_report<R: serde::Serialize + std::fmt::Display>(
    args: &Args,
    file: &std::path::Path,
    kind: &str,
    report: &R,
    loc: &dyad_eval::LocationReport,
) -> anyhow::Result<()> {
    if args.json {
        let mut v = serde_json::to_value(report)?;
        v["location"] = serde_json::to_value(loc)?;
        v["file"] = file.display().to_string().into();
        println!("{v}");
    } else {
        println!("== {}{kind}", file.display());
        print!("{report}");
        print!("{loc}");
    }
    Ok(())
}

/// The publisher of every IndiaPoliceEvents story (Halterman et al. 2021).
const IPE_SOURCE: &str = "Times of India";

/// IPE sentences come from whole stories, and the coder needs the story (the dateline, the
/// places named before, who "he" is): consecutive records of one document are joined into one
/// text, one paragraph each, coded together, and each event is given back to the record its
/// sentence lies in.
fn score_ipe(
    coder: &dyad_code::Coder,
    places: &dyad_geo::Gazetteer,
    records: &[dyad_eval::GoldRecord],
    locations: &mut dyad_eval::LocationScorer,
) -> dyad_eval::IpeReport {
    let mut scorer = dyad_eval::IpeScorer::new();
    let mut i = 0;
    while i < records.len() {
        let doc_id = dyad_eval::ipe::document_of(&records[i].id);
        let n = records[i..].iter().take_while(|r| dyad_eval::ipe::document_of(&r.id) == doc_id).count();
        let story = &records[i..i + n];
        // Byte start of each record's paragraph in the joined text.
        let mut text = String::new();
        let mut starts = Vec::with_capacity(n);
        for r in story {
            if !text.is_empty() {
                text.push_str("\n\n");
            }
            starts.push(text.len());
            // A record's own line breaks would split its paragraph: they are spaces here. Its
            // mojibake is repaired as `dyad code` repairs it at ingest.
            let (repaired, _) = dyad_ingest::clean::mojibake::repair(&r.text);
            text.push_str(&repaired.replace(['\n', '\r'], " "));
        }
        let mut doc = dyad_segment::segment_text(&text);
        doc.id = doc_id.to_string();
        doc.date = story[0].date;
        // The data set's stories are all from the Times of India (its "This story is from"
        // lines): the publisher, as `dyad code` reads it from a JSONL `source` field.
        doc.source = Some(IPE_SOURCE.to_string());
        let mut events = coder.code_document(&doc);
        dyad_geo::locate_events(places, &doc, &mut events);
        locations.add_in_country(&events, "IN");
        let mut per_record: Vec<Vec<dyad_doc::Event>> = vec![Vec::new(); n];
        for e in events {
            let start = doc.sentences[e.sentence].start;
            let k = starts.partition_point(|&s| s <= start).saturating_sub(1);
            per_record[k].push(e);
        }
        scorer.document();
        for (r, evs) in story.iter().zip(&per_record) {
            scorer.add(&r.text, r.police_labels.as_deref().unwrap_or(&[]), evs);
        }
        i += n;
    }
    scorer.report()
}
