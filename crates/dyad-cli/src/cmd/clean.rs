//! `dyad clean`: read articles, strip boilerplate, find metadata, segment; print one JSON
//! object per document (or the clean text). Also `dyad bench ingest`.
//!
//! Exit status: 0 when every input was read; 1 when some inputs were skipped (each is named
//! on stderr, and counted in the summary line); 2 on a fatal error (bad flags, broken pipe).

use super::input::{for_each_document, map_documents, InputArgs};
use dyad_doc::Document;
use serde::Serialize;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

#[derive(clap::Args)]
#[command(after_help = "Exit status: 0 if every input was read, 1 if some were skipped (each is named on stderr \
and counted in the closing summary), 2 on a fatal error.")]
pub struct Args {
    #[command(flatten)]
    pub input: InputArgs,
    /// Output: one JSON object per document, or the clean text (documents separated by a
    /// line with three dashes).
    #[arg(long, default_value = "json", value_parser = ["json", "text"])]
    pub format: String,
    /// Also show the lines cleaning removed, with the reason: a `removed` array in JSON,
    /// or `path:line: reason: text` lines on stderr with `--format text`.
    #[arg(long)]
    pub show_removed: bool,
}

/// The JSON shape `dyad clean` prints: the document without tokens (and without removed
/// lines unless asked), sentences with their text.
#[derive(Serialize)]
struct CleanOutput<'a> {
    id: &'a str,
    origin: &'a dyad_doc::Origin,
    #[serde(skip_serializing_if = "Option::is_none")]
    title: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    author: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    lang: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    dateline: Option<&'a dyad_doc::Dateline>,
    #[serde(skip_serializing_if = "Option::is_none")]
    date: Option<chrono::NaiveDate>,
    #[serde(skip_serializing_if = "Option::is_none")]
    date_source: Option<dyad_doc::DateSource>,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    source: Option<&'a str>,
    text: &'a str,
    sentences: Vec<SentenceOut<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    removed: Option<&'a [dyad_doc::Removed]>,
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    notes: &'a [String],
}

#[derive(Serialize)]
struct SentenceOut<'a> {
    start: usize,
    end: usize,
    char_start: usize,
    char_end: usize,
    paragraph: usize,
    text: &'a str,
}

fn json_of(doc: &Document, show_removed: bool) -> CleanOutput<'_> {
    CleanOutput {
        id: &doc.id,
        origin: &doc.origin,
        title: doc.title.as_deref(),
        author: doc.author.as_deref(),
        lang: doc.lang.as_deref(),
        dateline: doc.dateline.as_ref(),
        date: doc.date,
        date_source: doc.date_source,
        url: doc.url.as_deref(),
        source: doc.source.as_deref(),
        text: &doc.text,
        sentences: doc
            .sentences
            .iter()
            .map(|s| SentenceOut {
                start: s.start,
                end: s.end,
                char_start: s.char_start,
                char_end: s.char_end,
                paragraph: s.paragraph,
                text: doc.sentence_text(s),
            })
            .collect(),
        removed: show_removed.then_some(doc.removed.as_slice()),
        notes: &doc.notes,
    }
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut first = true;
    let summary = for_each_document(&args.input, |doc| {
        if args.format == "text" {
            if !first {
                writeln!(out, "---")?;
            }
            writeln!(out, "{}", doc.text)?;
            if args.show_removed {
                for r in &doc.removed {
                    eprintln!("{}:{}: {}: {}", doc.origin.path, r.line, r.reason, r.text);
                }
            }
        } else {
            serde_json::to_writer(&mut out, &json_of(&doc, args.show_removed))?;
            writeln!(out)?;
        }
        first = false;
        Ok(())
    })?;
    out.flush()?;
    summary.print();
    Ok(summary.exit_code())
}

#[derive(clap::Args)]
pub struct BenchArgs {
    /// Input to read (any format `dyad clean` reads).
    #[arg(default_value = "../shared/news/reuters21578.jsonl")]
    pub path: PathBuf,
    /// Worker threads (0 = all cores).
    #[arg(long, default_value_t = 1)]
    pub threads: usize,
    /// Passes over the input; the best is reported.
    #[arg(long, default_value_t = 3)]
    pub runs: usize,
}

/// Read + clean + segment throughput: MB/s of raw input, documents/s, sentences/s.
pub fn bench(a: BenchArgs) -> anyhow::Result<ExitCode> {
    if !a.path.exists() {
        anyhow::bail!("{} not found (run from the repository root with ../shared beside it)", a.path.display());
    }
    let input = InputArgs {
        paths: vec![a.path.clone()],
        date: None,
        input_format: "auto".into(),
        fields: Vec::new(),
        threads: a.threads,
        quiet: true,
    };
    let mut best: Option<(f64, super::input::InputSummary)> = None;
    for run in 1..=a.runs.max(1) {
        let start = Instant::now();
        // The work step only reads the document so the optimiser cannot drop it.
        let mut chars = 0usize;
        let summary = map_documents(&input, |d| d.text.len(), |n| {
            chars += n;
            Ok(())
        })?;
        let secs = start.elapsed().as_secs_f64();
        eprintln!("run {run}: {:.2} s ({} bytes of clean text)", secs, chars);
        if best.as_ref().is_none_or(|(b, _)| secs < *b) {
            best = Some((secs, summary));
        }
    }
    let (secs, s) = best.expect("at least one run");
    println!("input       {}", a.path.display());
    println!("threads     {}", if a.threads == 0 { "all".to_string() } else { a.threads.to_string() });
    println!("bytes       {:.1} MB", s.bytes as f64 / 1e6);
    println!("documents   {} (skipped {}: {})", s.documents, s.skipped_total(), skipped_list(&s));
    println!("sentences   {}", s.sentences);
    println!("time        {:.3} s (best of {})", secs, a.runs.max(1));
    println!("throughput  {:.1} MB/s, {:.0} docs/s, {:.0} sentences/s", s.bytes as f64 / 1e6 / secs, s.documents as f64 / secs, s.sentences as f64 / secs);
    Ok(ExitCode::SUCCESS)
}

fn skipped_list(s: &super::input::InputSummary) -> String {
    if s.skipped.is_empty() {
        return "none".into();
    }
    s.skipped.iter().map(|(k, n)| format!("{n} {k}")).collect::<Vec<_>>().join(", ")
}
