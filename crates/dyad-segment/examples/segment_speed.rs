//! Segmentation throughput: prints MB/s, paragraphs, sentences and tokens.
//!
//! cargo run --release -p dyad-segment --example segment_speed -- FILE [REPEAT]
//!
//! A `.jsonl` file is read as one article per line (its "text" field) and each article is
//! segmented on its own, as the pipeline does; any other file is segmented as one text.
//! Only segmentation is timed; for read + clean + segment use `dyad bench ingest`.

use std::process::ExitCode;
use std::time::Instant;

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let Some(path) = args.next() else {
        eprintln!("usage: segment_speed FILE [REPEAT]");
        return ExitCode::FAILURE;
    };
    let repeat: usize = match args.next().map(|r| r.parse()) {
        None => 3,
        Some(Ok(r)) if r > 0 => r,
        Some(_) => {
            eprintln!("segment_speed: REPEAT must be a positive whole number");
            return ExitCode::FAILURE;
        }
    };
    let bytes = match std::fs::read(&path) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("segment_speed: cannot read {path}: {e}");
            return ExitCode::FAILURE;
        }
    };
    let whole = String::from_utf8_lossy(&bytes).into_owned();
    let texts: Vec<String> = if path.ends_with(".jsonl") {
        let mut texts = Vec::new();
        for (i, line) in whole.lines().enumerate() {
            match serde_json::from_str::<serde_json::Value>(line) {
                Ok(v) => texts.extend(v.get("text").and_then(|t| t.as_str()).map(str::to_string)),
                Err(e) => eprintln!("segment_speed: {path}:{}: skipped, not JSON: {e}", i + 1),
            }
        }
        texts
    } else {
        vec![whole]
    };
    let total_bytes: usize = texts.iter().map(String::len).sum();
    let mut best = f64::MAX;
    let mut counts = (0, 0, 0);
    for _ in 0..repeat {
        counts = (0, 0, 0);
        let start = Instant::now();
        for text in &texts {
            let segments = dyad_segment::segment(text);
            counts.0 += segments.paragraphs.len();
            counts.1 += segments.sentences.len();
            counts.2 += segments.tokens.len();
        }
        best = best.min(start.elapsed().as_secs_f64());
    }
    let mb = total_bytes as f64 / 1e6;
    println!(
        "{path}: {} texts, {mb:.1} MB, {} paragraphs, {} sentences, {} tokens; best of {repeat}: {:.3} s, {:.0} MB/s",
        texts.len(),
        counts.0,
        counts.1,
        counts.2,
        best,
        mb / best
    );
    ExitCode::SUCCESS
}
