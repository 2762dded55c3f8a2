//! Input options shared by every command that reads articles (`clean`, `code`, ...), and
//! the one loop that turns them into cleaned, segmented documents.
//!
//! API choice: callback style, because it parallelises without handing threads to callers.
//! [`map_documents`] reads records on a background thread (I/O, framing), runs
//! build + segment + the caller's `work` on a rayon pool of `--threads` workers in chunks,
//! and hands each result to `sink` on the calling thread, in input order. Skipped inputs
//! are reported on stderr as they happen and counted in the returned [`InputSummary`].
//! [`for_each_document`] is the same without a `work` step.

use anyhow::Context;
use chrono::NaiveDate;
use dyad_doc::Document;
use dyad_pipeline::Pipeline;
use dyad_ingest::{ErrorKind, Format, InputError, Options, Record};
use rayon::prelude::*;
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(clap::Args, Clone, Debug)]
pub struct InputArgs {
    /// Files or folders to read (folders: .txt, .jsonl, .html, .warc and their .gz, in name
    /// order); `-` for standard input.
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Publication date for every article, overriding dates found in the input.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_flag_date)]
    pub date: Option<NaiveDate>,
    /// Input format; `auto` decides by extension, then by content.
    #[arg(long = "input-format", value_name = "FORMAT", default_value = "auto",
          value_parser = ["auto", "text", "jsonl", "html", "warc"])]
    pub input_format: String,
    /// JSONL field mapping FIELD=KEY, e.g. `--field text=body,title=headline`
    /// (fields: text, title, date, url, id, source, author, dateline).
    #[arg(long = "field", value_name = "FIELD=KEY", value_delimiter = ',')]
    pub fields: Vec<String>,
    /// Worker threads for cleaning, segmenting and the command's own work (0 = all cores).
    #[arg(long, default_value_t = 1, value_name = "N")]
    pub threads: usize,
    /// Do not print each skipped input (the summary still counts them). Set by benchmarks.
    #[arg(skip)]
    pub quiet: bool,
    /// Print at most this many skip messages as they happen; the rest are counted
    /// (`usize::MAX` under `--verbose`).
    #[arg(skip = usize::MAX)]
    pub skips_shown: usize,
    /// Keep every skip message in the summary (for `dyad code --report FILE`).
    #[arg(skip)]
    pub keep_skips: bool,
}

/// Skip messages `dyad code` prints before the rest are only counted.
pub const SKIPS_SHOWN: usize = 10;

fn parse_flag_date(s: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").map_err(|_| format!("'{s}' is not a date like 2018-08-16"))
}

impl InputArgs {
    /// The reading options these flags describe.
    pub fn options(&self) -> anyhow::Result<Options> {
        let mut opts = Options {
            format: self.input_format.parse::<Format>().map_err(anyhow::Error::msg)?,
            date: self.date,
            ..Options::default()
        };
        for f in &self.fields {
            opts.fields.set(f).map_err(anyhow::Error::msg).context("--field")?;
        }
        Ok(opts)
    }

    fn thread_count(&self) -> usize {
        match self.threads {
            0 => std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1),
            n => n,
        }
    }
}

/// What was read and what was skipped; printed on stderr at the end of a command.
#[derive(Clone, Debug, Default)]
pub struct InputSummary {
    pub documents: u64,
    pub sentences: u64,
    /// Raw input bytes of the articles read (after gunzip), skipped ones included.
    pub bytes: u64,
    pub skipped: BTreeMap<ErrorKind, u64>,
    /// Runs of mojibake (UTF-8 read as Windows-1252) repaired while cleaning.
    pub mojibake_repairs: u64,
    /// Do not print each skipped input as it happens.
    pub quiet: bool,
    /// Print only this many skip messages.
    pub skips_shown: usize,
    /// Skip messages printed so far.
    pub skips_printed: usize,
    /// Every skip message, when asked to keep them.
    pub keep_skips: bool,
    pub skip_messages: Vec<String>,
}

impl InputSummary {
    pub fn skipped_total(&self) -> u64 {
        self.skipped.values().sum()
    }

    fn skip(&mut self, e: &InputError) {
        *self.skipped.entry(e.kind).or_default() += 1;
        if !self.quiet && self.skips_printed < self.skips_shown {
            eprintln!("dyad: skipped {e}");
            self.skips_printed += 1;
        }
        if self.keep_skips {
            self.skip_messages.push(format!("skipped {e}"));
        }
    }

    /// Skipped inputs counted but not printed.
    pub fn skips_not_shown(&self) -> u64 {
        if self.quiet {
            0
        } else {
            self.skipped_total() - self.skips_printed as u64
        }
    }

    /// One line: "dyad: 2 documents, 31 sentences; skipped 2 inputs (1 binary, 1 empty)".
    pub fn line(&self) -> String {
        let mut s = format!("dyad: {} documents, {} sentences", self.documents, self.sentences);
        if self.mojibake_repairs > 0 {
            s.push_str(&format!("; repaired {} mojibake runs", self.mojibake_repairs));
        }
        let total = self.skipped_total();
        if total > 0 {
            let parts: Vec<String> = self.skipped.iter().map(|(k, n)| format!("{n} {k}")).collect();
            s.push_str(&format!("; skipped {total} input{} ({})", if total == 1 { "" } else { "s" }, parts.join(", ")));
        }
        s
    }

    pub fn print(&self) {
        eprintln!("{}", self.line());
    }

    /// 0 when every input was read, 1 when some were skipped.
    pub fn exit_code(&self) -> ExitCode {
        if self.skipped_total() == 0 {
            ExitCode::SUCCESS
        } else {
            ExitCode::from(1)
        }
    }
}

/// Records per parallel chunk: big enough to keep workers busy, small enough to stream.
const CHUNK: usize = 1024;
/// Chunks handed to the pool before their results are taken back. More than one, so the
/// workers go on with the next chunk while this thread passes the last one to `sink`.
const IN_FLIGHT: usize = 3;

type ChunkResults<T> = Vec<Result<(usize, u64, T), InputError>>;

/// Read every input, run `work` on each cleaned + segmented document (in parallel with
/// `--threads`), and pass the results to `sink` in input order. A `sink` error stops the run.
pub fn map_documents<T, W, S>(args: &InputArgs, work: W, mut sink: S) -> anyhow::Result<InputSummary>
where
    T: Send,
    W: Fn(Document) -> T + Sync,
    S: FnMut(T) -> anyhow::Result<()>,
{
    let opts = args.options()?;
    let mut summary = InputSummary {
        quiet: args.quiet,
        skips_shown: args.skips_shown,
        keep_skips: args.keep_skips,
        ..InputSummary::default()
    };
    let threads = args.thread_count();
    let mut records = dyad_ingest::records(&args.paths, &opts);

    if threads <= 1 {
        for rec in records {
            match rec {
                Ok(rec) => {
                    summary.bytes += rec.bytes.len() as u64;
                    match Pipeline::prepare(rec, &opts) {
                        Ok(doc) => {
                            summary.documents += 1;
                            summary.sentences += doc.sentences.len() as u64;
                            summary.mojibake_repairs += dyad_ingest::mojibake_repairs(&doc);
                            sink(work(doc))?;
                        }
                        Err(e) => summary.skip(&e),
                    }
                }
                Err(e) => summary.skip(&e),
            }
        }
        return Ok(summary);
    }

    let pool = rayon::ThreadPoolBuilder::new().num_threads(threads).build().context("starting worker threads")?;
    let (opts, work) = (&opts, &work);
    std::thread::scope(|scope| -> anyhow::Result<()> {
        // The reader thread frames records while the pool works on earlier chunks.
        let (tx, rx) = std::sync::mpsc::sync_channel::<Vec<Result<Record, InputError>>>(IN_FLIGHT);
        scope.spawn(move || loop {
            let chunk: Vec<_> = records.by_ref().take(CHUNK).collect();
            if chunk.is_empty() || tx.send(chunk).is_err() {
                break;
            }
        });
        pool.in_place_scope(|pool_scope| -> anyhow::Result<()> {
            let (done_tx, done_rx) = std::sync::mpsc::channel::<(usize, Option<ChunkResults<T>>)>();
            let mut chunks = rx.into_iter();
            let (mut spawned, mut sunk) = (0usize, 0usize);
            let mut finished: std::collections::BTreeMap<usize, ChunkResults<T>> = Default::default();
            loop {
                while spawned - sunk < IN_FLIGHT {
                    let Some(chunk) = chunks.next() else { break };
                    for r in chunk.iter().flatten() {
                        summary.bytes += r.bytes.len() as u64;
                    }
                    let (done_tx, index) = (done_tx.clone(), spawned);
                    pool_scope.spawn(move |_| {
                        // A panic must still answer, or this thread would wait for the chunk forever.
                        let out = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                            chunk
                                .into_par_iter()
                                .map(|r| r.and_then(|rec| Pipeline::prepare(rec, opts)).map(|doc| (doc.sentences.len(), dyad_ingest::mojibake_repairs(&doc), work(doc))))
                                .collect()
                        }));
                        let _ = done_tx.send((index, out.ok()));
                    });
                    spawned += 1;
                }
                if sunk == spawned {
                    return Ok(());
                }
                // Results come back in any order; hand them to `sink` in input order.
                let out = loop {
                    if let Some(out) = finished.remove(&sunk) {
                        break out;
                    }
                    let (index, out) = done_rx.recv().context("a worker thread failed")?;
                    let out = out.context("a worker thread panicked while reading the inputs (a bug: please report it)")?;
                    finished.insert(index, out);
                };
                sunk += 1;
                for r in out {
                    match r {
                        Ok((sentences, repairs, out)) => {
                            summary.documents += 1;
                            summary.sentences += sentences as u64;
                            summary.mojibake_repairs += repairs;
                            sink(out)?;
                        }
                        Err(e) => summary.skip(&e),
                    }
                }
            }
        })
    })?;
    Ok(summary)
}

/// [`map_documents`] without a parallel `work` step.
pub fn for_each_document(args: &InputArgs, sink: impl FnMut(Document) -> anyhow::Result<()>) -> anyhow::Result<InputSummary> {
    map_documents(args, |d| d, sink)
}
