//! `dyad code [input options] [--dictionaries DIR] [--format table|jsonl|tsv|none] PATH...`:
//! code articles into CAMEO events and print them; and `dyad bench code`, its throughput
//! benchmark.
//!
//! Output manners: on a terminal the events are an aligned table (date, source, code with its
//! CAMEO name, target, the sentence around the verb with the verb marked); piped, JSON lines.
//! Diagnostics on stderr are summarised: one line for the dictionaries, the first
//! [`SKIPS_SHOWN`] skipped inputs then a count, one closing summary. `--verbose` lists
//! everything, `--report FILE` writes the full lists to a file, `-q` prints no summary at all
//! (events still go to stdout; fatal errors are still reported).

use super::dictionaries::Report;
use super::input::{map_documents, InputArgs, SKIPS_SHOWN};
use anyhow::Context;
use dyad_code::Coder;
use dyad_doc::Event;
use dyad_pipeline::Pipeline;
use std::io::{IsTerminal, Write};
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
    /// Output on stdout: `table` (aligned, for people), `jsonl` (one JSON event per line), `tsv`
    /// (with a header line) or `none` (store only). Default: table on a terminal, else jsonl.
    #[arg(long, value_parser = ["table", "jsonl", "tsv", "none"])]
    pub format: Option<String>,
    /// No summary or diagnostics on stderr (events still go to stdout; errors still print).
    #[arg(long, short)]
    pub quiet: bool,
    /// List every dictionary diagnostic and every skipped input on stderr.
    #[arg(long, short, conflicts_with = "quiet")]
    pub verbose: bool,
    /// Write every dictionary diagnostic and every skipped input to FILE.
    #[arg(long, value_name = "FILE")]
    pub report: Option<PathBuf>,
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

/// The aligned table `dyad code` prints on a terminal.
pub struct Table<'a> {
    codebook: &'a dyad_dict::Codebook,
    /// Characters available for the evidence column.
    evidence_width: usize,
    colour: bool,
}

const ACTOR_W: usize = 10;
const CODE_W: usize = 30;

/// Pad or cut `s` to exactly `w` characters.
fn cell(s: &str, w: usize) -> String {
    let n = s.chars().count();
    if n <= w {
        format!("{s}{}", " ".repeat(w - n))
    } else {
        let mut out: String = s.chars().take(w.saturating_sub(1)).collect();
        out.push('…');
        out
    }
}

impl<'a> Table<'a> {
    pub fn new(codebook: &'a dyad_dict::Codebook, width: usize, colour: bool) -> Table<'a> {
        // date, source, code, target and the spaces between them.
        let fixed = 10 + ACTOR_W + CODE_W + ACTOR_W + 4 * 2;
        Table { codebook, evidence_width: width.saturating_sub(fixed).max(30), colour }
    }

    pub fn header(&self) -> String {
        let h = format!(
            "{}  {}  {}  {}  {}",
            cell("date", 10),
            cell("source", ACTOR_W),
            cell("event", CODE_W),
            cell("target", ACTOR_W),
            "evidence (verb marked)"
        );
        if self.colour {
            format!("\x1b[1m{h}\x1b[0m")
        } else {
            h
        }
    }

    pub fn row(&self, e: &Event) -> String {
        let name = self.codebook.lookup(&e.code).map(|c| c.name.as_str()).unwrap_or("");
        let target = if e.target.is_empty() { "—" } else { &e.target };
        format!(
            "{}  {}  {}  {}  {}",
            cell(&e.date.map(|d| d.to_string()).unwrap_or_else(|| "—".into()), 10),
            cell(&e.source, ACTOR_W),
            cell(&format!("{} {name}", e.code), CODE_W),
            cell(target, ACTOR_W),
            self.snippet(e)
        )
    }

    /// The sentence around the verb, cut to the column, with the verb marked (bold yellow on
    /// a colour terminal, else `*between stars*`).
    fn snippet(&self, e: &Event) -> String {
        let chars: Vec<char> = e.sentence_text.chars().map(|c| if c.is_control() { ' ' } else { c }).collect();
        let v = &e.evidence.verb_span;
        let vs = v.start.saturating_sub(e.evidence.sentence_start).min(chars.len());
        let ve = v.end.saturating_sub(e.evidence.sentence_start).clamp(vs, chars.len());
        let w = self.evidence_width.saturating_sub(4);
        // A third of the room before the verb, the rest after it.
        let from = if chars.len() <= w { 0 } else { vs.saturating_sub(w / 3) };
        let to = (from + w).min(chars.len());
        let text = |a: usize, b: usize| chars[a.min(b)..b].iter().collect::<String>();
        let (open, close) = if self.colour { ("\x1b[1;33m", "\x1b[0m") } else { ("*", "*") };
        let mut s = String::new();
        if from > 0 {
            s.push('…');
        }
        if vs >= from && ve <= to && vs < ve {
            s.push_str(&text(from, vs));
            s.push_str(open);
            s.push_str(&text(vs, ve));
            s.push_str(close);
            s.push_str(&text(ve, to));
        } else {
            s.push_str(&text(from, to));
        }
        if to < chars.len() {
            s.push('…');
        }
        s
    }
}

pub fn run(a: Args) -> anyhow::Result<ExitCode> {
    let report = if a.quiet { Report::Silent } else if a.verbose { Report::All } else { Report::Summary };
    let loaded = super::dictionaries::load_with(a.dictionaries.as_deref(), false, report)?;
    let dicts = loaded.dicts;
    let pipeline = Pipeline::with_places(&dicts, super::dictionaries::gazetteer(a.dictionaries.as_deref())?);
    let stdout = std::io::stdout();
    let to_terminal = stdout.is_terminal();
    let format = a.format.clone().unwrap_or_else(|| if to_terminal { "table" } else { "jsonl" }.into());
    let mut db = a.db.clone();
    db.no_progress = a.quiet || (format == "table" && to_terminal);
    db.silent = a.quiet;
    let mut store = super::store::StoreWriter::open(&db)?;
    let mut input = a.input.clone();
    input.quiet = a.quiet;
    input.skips_shown = if a.verbose { usize::MAX } else { SKIPS_SHOWN };
    input.keep_skips = a.report.is_some();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let colour = to_terminal && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
    let width = console::Term::stdout().size_checked().map(|(_, w)| w as usize).unwrap_or(140);
    let table = Table::new(&dicts.codebook, width, colour);
    match format.as_str() {
        "tsv" => writeln!(out, "{TSV_HEADER}")?,
        "table" => writeln!(out, "{}", table.header())?,
        _ => {}
    }
    let mut count = 0u64;
    let mut failed = 0u64;
    let summary = map_documents(
        &input,
        |doc| {
            // A coder bug on one article skips that article instead of ending a long run.
            let events = pipeline.code(&doc);
            (doc, events)
        },
        |(doc, events)| {
            let events = match events {
                Ok(events) => events,
                Err(e) => {
                    failed += 1;
                    eprintln!("dyad: {e}; skipped");
                    return Ok(());
                }
            };
            count += events.len() as u64;
            for e in &events {
                match format.as_str() {
                    "tsv" => writeln!(out, "{}", tsv_line(e))?,
                    "table" => writeln!(out, "{}", table.row(e))?,
                    "none" => {}
                    _ => {
                        serde_json::to_writer(&mut out, e)?;
                        writeln!(out)?;
                    }
                }
            }
            if format == "table" {
                // A person is watching: show each article's events as they come.
                out.flush()?;
            }
            if let Some(w) = store.as_mut() {
                w.add(doc, events)?;
            }
            Ok(())
        },
    )?;
    out.flush()?;
    if let Some(w) = store {
        w.finish()?; // prints what it stored, unless -q
    }
    if let Some(path) = &a.report {
        write_report(path, a.dictionaries.as_deref(), &loaded.diagnostics, &summary.skip_messages)?;
    }
    if !a.quiet {
        let hidden = summary.skips_not_shown();
        if hidden > 0 {
            let hint = match &a.report {
                Some(p) => format!("all are listed in {}", p.display()),
                None => "--verbose or --report FILE lists them".into(),
            };
            eprintln!("dyad: … and {hidden} more skipped input{} ({hint})", if hidden == 1 { "" } else { "s" });
        }
        eprintln!("{}; {count} events", summary.line());
    }
    if failed > 0 {
        eprintln!("dyad: {failed} article(s) skipped because the coder failed on them");
        return Ok(ExitCode::from(1));
    }
    Ok(summary.exit_code())
}

/// `--report FILE`: every dictionary diagnostic and every skipped input, one per line.
fn write_report(
    path: &std::path::Path,
    dictionaries: Option<&std::path::Path>,
    diagnostics: &[dyad_dict::Diagnostic],
    skips: &[String],
) -> anyhow::Result<()> {
    let mut s = String::new();
    let name = dictionaries.map(|d| d.display().to_string()).unwrap_or_else(|| "built-in".into());
    s.push_str(&format!("# dictionary diagnostics ({name}): {}\n", diagnostics.len()));
    for d in diagnostics {
        s.push_str(&format!("{d}\n"));
    }
    s.push_str(&format!("# skipped inputs: {}\n", skips.len()));
    for m in skips {
        s.push_str(m);
        s.push('\n');
    }
    std::fs::write(path, s).with_context(|| format!("writing the report {}", path.display()))
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
        skips_shown: 0,
        keep_skips: false,
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
        // Locating alone, on the events just coded and the coder's parses of their sentences,
        // as `dyad code` does (steadier on a busy machine than a second coding run).
        let mut coded: Vec<(Vec<dyad_doc::Event>, dyad_parse::SentenceParses)> = pool.install(|| {
            use rayon::prelude::*;
            docs.par_iter().map(|d| coder.code_document_parsed(d)).collect()
        });
        let t = Instant::now();
        let located: usize = pool.install(|| {
            use rayon::prelude::*;
            docs.par_iter()
                .zip(coded.par_iter_mut())
                .map(|(d, (e, parses))| {
                    dyad_geo::locate_events_parsed(&places, d, e, parses);
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
