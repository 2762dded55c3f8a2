//! `dyad bench clean --eval EVALDATA PAGES`: main-text extraction from HTML, scored the way
//! trafilatura's evaluation scores extractors. Each page lists segments that must be in the
//! extracted text (`with`: found = true positive, missed = false negative) and segments that
//! must not (`without`: found = false positive, absent = true negative). A segment is found
//! when it is a substring of the text, both with whitespace runs collapsed to one space.
//! A page dyad skips counts as an empty text. Pages are cleaned in this one process, so
//! pages/s and MB/s measure the extractor, not process start-up.

use dyad_doc::{Document, Origin};
use dyad_ingest::{Options, Record, RecordKind};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::{Duration, Instant};

#[derive(clap::Args)]
pub struct Args {
    /// The evaluation data: JSON mapping each URL to {"file", "with": [...], "without": [...]}.
    #[arg(long = "eval", value_name = "EVALDATA")]
    pub eval: PathBuf,
    /// The folder holding the pages the evaluation data names.
    #[arg(value_name = "PAGES")]
    pub pages: PathBuf,
    /// Also list, per page, the segments scored wrong (missed `with`, found `without`).
    #[arg(long)]
    pub failures: bool,
}

#[derive(Deserialize)]
struct Item {
    file: String,
    #[serde(default)]
    with: Vec<String>,
    #[serde(default)]
    without: Vec<String>,
    #[serde(default)]
    date: Option<String>,
}

#[derive(Default, Clone, Copy)]
struct Counts {
    tp: u64,
    fn_: u64,
    fp: u64,
    tn: u64,
}

impl Counts {
    fn precision(&self) -> f64 {
        ratio(self.tp, self.tp + self.fp)
    }
    fn recall(&self) -> f64 {
        ratio(self.tp, self.tp + self.fn_)
    }
    fn accuracy(&self) -> f64 {
        ratio(self.tp + self.tn, self.tp + self.tn + self.fp + self.fn_)
    }
    fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

fn ratio(a: u64, b: u64) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

/// Whitespace runs collapsed to one space, ends trimmed.
fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

pub fn run(a: Args) -> anyhow::Result<ExitCode> {
    let raw = std::fs::read(&a.eval).map_err(|e| anyhow::anyhow!("{}: {e}", a.eval.display()))?;
    let items: BTreeMap<String, Item> =
        serde_json::from_slice(&raw).map_err(|e| anyhow::anyhow!("{}: not trafilatura evaluation data ({e})", a.eval.display()))?;
    if !a.pages.is_dir() {
        anyhow::bail!("{} is not a folder of pages", a.pages.display());
    }
    let opts = Options::default();
    let (mut total, mut pages, mut bytes, mut skipped) = (Counts::default(), 0u64, 0u64, 0u64);
    let (mut dated, mut date_right) = (0u64, 0u64);
    let mut missing = Vec::new();
    let mut elapsed = Duration::ZERO;
    for (url, item) in &items {
        let path = a.pages.join(&item.file);
        let Ok(page) = std::fs::read(&path) else {
            missing.push(item.file.clone());
            continue;
        };
        bytes += page.len() as u64;
        pages += 1;
        let rec = Record {
            origin: Origin { path: path.display().to_string(), record: None },
            kind: RecordKind::Html,
            bytes: page,
            id: item.file.clone(),
            url: Some(url.clone()),
            date: None,
            charset: None,
        };
        let start = Instant::now();
        let doc = dyad_ingest::build(rec, &opts);
        elapsed += start.elapsed();
        let text = match &doc {
            Ok(d) => squash(&d.text),
            Err(_) => {
                skipped += 1;
                String::new()
            }
        };
        let mut c = Counts::default();
        let mut wrong = Vec::new();
        for seg in &item.with {
            if text.contains(&squash(seg)) {
                c.tp += 1;
            } else {
                c.fn_ += 1;
                wrong.push(format!("  missed: {seg}"));
            }
        }
        for seg in &item.without {
            if text.contains(&squash(seg)) {
                c.fp += 1;
                wrong.push(format!("  kept:   {seg}"));
            } else {
                c.tn += 1;
            }
        }
        if let Some(want) = item.date.as_deref().and_then(|d| d.get(..10)) {
            dated += 1;
            let got = doc.as_ref().ok().and_then(|d: &Document| d.date.map(|x| (x, d.date_source)));
            if got.is_some_and(|(d, _)| d.to_string() == want) {
                date_right += 1;
            } else if a.failures {
                let got = got.map_or("none".to_string(), |(d, s)| format!("{d} from {s:?}"));
                wrong.push(format!("  date:   {want} wanted, {got}"));
            }
        }
        if a.failures && !wrong.is_empty() {
            println!("{}{}", item.file, if doc.is_err() { " (skipped)" } else { "" });
            for w in wrong {
                println!("{w}");
            }
        }
        total.tp += c.tp;
        total.fn_ += c.fn_;
        total.fp += c.fp;
        total.tn += c.tn;
    }
    if !missing.is_empty() {
        eprintln!("dyad: {} pages named in {} are missing from {} (first: {})", missing.len(), a.eval.display(), a.pages.display(), missing[0]);
    }
    let secs = elapsed.as_secs_f64().max(1e-9);
    println!("pages       {pages} ({skipped} without an article)");
    println!("segments    {} true pos, {} false neg, {} false pos, {} true neg", total.tp, total.fn_, total.fp, total.tn);
    println!("precision   {:.3}", total.precision());
    println!("recall      {:.3}", total.recall());
    println!("accuracy    {:.3}", total.accuracy());
    println!("F           {:.3}", total.f1());
    println!("date        {date_right} of {dated} pages with a known date right ({:.1}%)", 100.0 * ratio(date_right, dated));
    println!("throughput  {:.1} pages/s, {:.1} MB/s ({:.1} MB in {:.2} s, one thread)", pages as f64 / secs, bytes as f64 / 1e6 / secs, bytes as f64 / 1e6, secs);
    Ok(ExitCode::SUCCESS)
}
