//! `dyad code [input options] [--dictionaries DIR] [--format jsonl|tsv] PATH...`: code articles
//! into CAMEO events and print them; and `dyad bench code`, its throughput benchmark.

use super::input::{map_documents, InputArgs};
use anyhow::Context;
use dyad_code::Coder;
use dyad_doc::Event;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

#[derive(clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub input: InputArgs,
    /// Dictionary folder (dyad, PETRARCH or TABARI format); default: the built-in dictionaries.
    #[arg(long, value_name = "DIR")]
    pub dictionaries: Option<PathBuf>,
    /// Output: one JSON event per line, or a table with a header line.
    #[arg(long, default_value = "jsonl", value_parser = ["jsonl", "tsv"])]
    pub format: String,
    /// Print nothing on stdout (store only).
    #[arg(long, short)]
    pub quiet: bool,
    #[command(flatten)]
    pub db: super::store::CodeDbArgs,
}

pub const TSV_HEADER: &str =
    "article\tsentence\tdate\tsource\ttarget\tcode\troot\tquad_class\tgoldstein\tsource_text\tverb_text\ttarget_text\tpattern\tlocation\tlocation_country\tlocation_from";

pub fn tsv_line(e: &Event) -> String {
    let clean = |s: &str| s.replace(['\t', '\n', '\r'], " ");
    let span = |s: &Option<dyad_doc::EvidenceSpan>| s.as_ref().map(|s| clean(&s.text)).unwrap_or_default();
    format!(
        "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}",
        clean(&e.article),
        e.sentence,
        e.date.map(|d| d.to_string()).unwrap_or_default(),
        e.source,
        e.target,
        e.code,
        e.root,
        e.quad_class,
        e.goldstein,
        span(&e.evidence.source_span),
        clean(&e.evidence.verb_span.text),
        span(&e.evidence.target_span),
        clean(&e.evidence.pattern),
        e.location.as_ref().map(|l| clean(&l.name)).unwrap_or_default(),
        e.location.as_ref().map(|l| l.country.as_str()).unwrap_or_default(),
        e.location.as_ref().map(|l| l.from.as_str()).unwrap_or_default(),
    )
}

pub fn run(a: Args) -> anyhow::Result<ExitCode> {
    let dicts = super::dictionaries::load(a.dictionaries.as_deref(), false)?;
    let coder = Coder::new(&dicts);
    let places = super::dictionaries::gazetteer(a.dictionaries.as_deref())?;
    let mut store = super::store::StoreWriter::open(&a.db)?;
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let tsv = a.format == "tsv";
    if tsv && !a.quiet {
        writeln!(out, "{TSV_HEADER}")?;
    }
    let mut count = 0u64;
    let mut failed = 0u64;
    let summary = map_documents(
        &a.input,
        |doc| {
            // A coder bug on one article skips that article instead of ending a long run.
            let events = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                let mut events = coder.code_document(&doc);
                dyad_geo::locate_events(&places, &doc, &mut events);
                events
            }));
            (doc, events)
        },
        |(doc, events)| {
            let Ok(events) = events else {
                failed += 1;
                eprintln!("dyad: {}: the coder failed on this article (a bug: please report it); skipped", doc.id);
                return Ok(());
            };
            count += events.len() as u64;
            if !a.quiet {
                for e in &events {
                    if tsv {
                        writeln!(out, "{}", tsv_line(e))?;
                    } else {
                        serde_json::to_writer(&mut out, e)?;
                        writeln!(out)?;
                    }
                }
            }
            if let Some(w) = store.as_mut() {
                w.add(doc, events)?;
            }
            Ok(())
        },
    )?;
    out.flush()?;
    if let Some(w) = store {
        w.finish()?; // prints what it stored
    }
    eprintln!("{}; {count} events", summary.line());
    if failed > 0 {
        eprintln!("dyad: {failed} article(s) skipped because the coder failed on them");
        return Ok(ExitCode::from(1));
    }
    Ok(summary.exit_code())
}

#[derive(clap::Args)]
pub struct BenchArgs {
    /// Dictionaries to compile and code with.
    #[arg(long, value_name = "DIR", default_value = "../shared/petrarch2/dictionaries")]
    pub dictionaries: PathBuf,
    /// Articles to code.
    #[arg(long, value_name = "PATH", default_value = "../shared/news/reuters21578.jsonl")]
    pub input: PathBuf,
    /// Thread counts to measure (comma-separated).
    #[arg(long, value_delimiter = ',', default_value = "1,2")]
    pub threads: Vec<usize>,
    /// Code at most this many articles.
    #[arg(long)]
    pub limit: Option<usize>,
}

/// Compile time, then sentences/s and events/s coding already-segmented documents (reading
/// and segmenting are measured by `dyad bench ingest`, not here).
pub fn bench(b: BenchArgs) -> anyhow::Result<ExitCode> {
    let dicts = super::dictionaries::load(Some(&b.dictionaries), false)?;
    // Compile a few times and keep the best: the first run also warms the allocator.
    let mut best = f64::MAX;
    let mut coder = None;
    for _ in 0..3 {
        let t = Instant::now();
        let c = Coder::new(&dicts);
        best = best.min(t.elapsed().as_secs_f64());
        coder = Some(c);
    }
    let coder = coder.expect("compiled");
    let (vocab, nouns, verbs, patterns) = coder.stats();
    println!(
        "compile {}: {:.1} ms ({} actors, {} agents, {} verb entries → {} words, {} noun phrases, {} verb forms, {} patterns)",
        b.dictionaries.display(),
        best * 1e3,
        dicts.actors.len(),
        dicts.agents.len(),
        dicts.verbs.len(),
        vocab,
        nouns,
        verbs,
        patterns
    );

    // The gazetteer: parse the built-in places and build the name index (best of five).
    let mut best = f64::MAX;
    let mut places = None;
    for _ in 0..5 {
        let t = Instant::now();
        let g = dyad_geo::Gazetteer::compile_builtin()?;
        best = best.min(t.elapsed().as_secs_f64());
        places = Some(g);
    }
    let places = places.expect("compiled");
    println!(
        "gazetteer: load + compile {:.1} ms ({} places, {} names)",
        best * 1e3,
        places.places().len(),
        places.name_count()
    );

    let args = InputArgs {
        paths: vec![b.input.clone()],
        date: None,
        input_format: "auto".into(),
        fields: vec![],
        threads: 1,
        quiet: true,
    };
    let mut docs = Vec::new();
    super::input::for_each_document(&args, |d| {
        if b.limit.is_none_or(|l| docs.len() < l) {
            docs.push(d);
        }
        Ok(())
    })
    .with_context(|| format!("reading {}", b.input.display()))?;
    let sentences: usize = docs.iter().map(|d| d.sentences.len()).sum();
    println!("input {}: {} documents, {} sentences", b.input.display(), docs.len(), sentences);
    for &threads in &b.threads {
        let pool = rayon::ThreadPoolBuilder::new().num_threads(threads.max(1)).build()?;
        let t = Instant::now();
        let events: usize = pool.install(|| {
            use rayon::prelude::*;
            docs.par_iter().map(|d| coder.code_document(d).len()).sum()
        });
        let s = t.elapsed().as_secs_f64();
        println!(
            "threads {threads}: {:.2} s, {:.0} sentences/s, {:.0} events/s ({events} events)",
            s,
            sentences as f64 / s,
            events as f64 / s
        );
        // Locating alone, on the events just coded (steadier on a busy machine than a second
        // coding run).
        let mut coded: Vec<Vec<dyad_doc::Event>> = pool.install(|| {
            use rayon::prelude::*;
            docs.par_iter().map(|d| coder.code_document(d)).collect()
        });
        let t = Instant::now();
        let located: usize = pool.install(|| {
            use rayon::prelude::*;
            docs.par_iter()
                .zip(coded.par_iter_mut())
                .map(|(d, e)| {
                    dyad_geo::locate_events(&places, d, e);
                    e.iter().filter(|e| e.location.is_some()).count()
                })
                .sum()
        });
        let sl = t.elapsed().as_secs_f64();
        println!(
            "threads {threads} locating: {:.2} s, {:+.1}% on coding ({located} of {events} events located)",
            sl,
            sl / s * 100.0
        );
    }
    Ok(ExitCode::SUCCESS)
}
