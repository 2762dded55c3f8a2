//! `dyad parse`: tag, lemmatise and parse articles into CoNLL-U, or re-parse the words of a
//! CoNLL-U file (`--conllu`, optionally `--score` against its own gold columns);
//! `dyad parse train` trains a model; `dyad bench parse` measures speed.

use anyhow::Context;
use dyad_doc::Document;
use dyad_parse::clusters::{ClusterOptions, Clusters};
use dyad_parse::{conllu, score, train, Parser};
use rayon::prelude::*;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use super::input::{map_documents, InputArgs};

#[derive(clap::Args)]
#[command(args_conflicts_with_subcommands = true)]
pub struct Args {
    #[command(subcommand)]
    pub train: Option<TrainCommand>,
    /// Articles to read (files or folders, `-` for standard input), as for `dyad code`.
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Read CoNLL-U and keep its words (ID and FORM; multi-word token ranges and empty
    /// nodes are skipped); predict UPOS, LEMMA, HEAD and DEPREL.
    #[arg(long, value_name = "FILE", conflicts_with = "paths")]
    pub conllu: Option<PathBuf>,
    /// With `--conllu`: print UPOS, lemma, UAS and LAS against the file's own gold columns
    /// (relation subtypes ignored) instead of the CoNLL-U.
    #[arg(long, requires = "conllu")]
    pub score: bool,
    /// A model file instead of the built-in one (see `dyad parse train`).
    #[arg(long, value_name = "FILE")]
    pub model: Option<PathBuf>,
    /// Worker threads (0 = all cores).
    #[arg(long, default_value_t = 1, value_name = "N")]
    pub threads: usize,
    /// Input format for PATHs; `auto` decides by extension, then by content.
    #[arg(long = "input-format", value_name = "FORMAT", default_value = "auto",
          value_parser = ["auto", "text", "jsonl", "html", "warc"])]
    pub input_format: String,
}

#[derive(clap::Subcommand)]
pub enum TrainCommand {
    /// Train a tagger + lemmatiser + parser model from CoNLL-U (seeded, reproducible).
    Train(TrainArgs),
    /// Learn word clusters from unlabelled articles, for `dyad parse train --clusters`
    /// (deterministic).
    Clusters(ClustersArgs),
}

#[derive(clap::Args)]
pub struct ClustersArgs {
    /// Articles to learn from (files or folders), as for `dyad code`.
    #[arg(value_name = "PATH", required = true)]
    pub paths: Vec<PathBuf>,
    /// Where to write the clusters.
    #[arg(long, value_name = "FILE")]
    pub out: PathBuf,
    /// Fine clusters.
    #[arg(long, default_value_t = dyad_parse::clusters::ClusterOptions::default().fine)]
    pub fine: usize,
    /// Coarse clusters (groups of fine ones).
    #[arg(long, default_value_t = dyad_parse::clusters::ClusterOptions::default().coarse)]
    pub coarse: usize,
    /// Words seen fewer times get no cluster.
    #[arg(long, default_value_t = dyad_parse::clusters::ClusterOptions::default().min_count)]
    pub min_count: u32,
    /// Worker threads for reading and segmenting (the clustering itself is one thread).
    #[arg(long, default_value_t = 1, value_name = "N")]
    pub threads: usize,
}

#[derive(clap::Args)]
pub struct TrainArgs {
    /// Training treebank (CoNLL-U).
    #[arg(long, value_name = "FILE")]
    pub train: PathBuf,
    /// Development treebank: scored after every epoch; the best epoch is kept.
    #[arg(long, value_name = "FILE")]
    pub dev: Option<PathBuf>,
    /// Where to write the model.
    #[arg(long, value_name = "FILE")]
    pub out: PathBuf,
    #[arg(long, default_value_t = train::TrainOptions::default().seed)]
    pub seed: u64,
    /// Parser epochs.
    #[arg(long, default_value_t = train::TrainOptions::default().parser_epochs)]
    pub epochs: usize,
    /// Tagger epochs.
    #[arg(long, default_value_t = train::TrainOptions::default().tagger_epochs)]
    pub tagger_epochs: usize,
    /// Folds for jackknifing the tags the parser trains on (0: gold tags).
    #[arg(long, default_value_t = train::TrainOptions::default().folds)]
    pub folds: usize,
    /// Share (0 to 1) of training sentences also shown with a time phrase after the subject
    /// ("Germany on Wednesday lifted ..."), as news writes them.
    #[arg(long, default_value_t = train::TrainOptions::default().time_phrases)]
    pub time_phrases: f64,
    /// Epochs of the relabeller, which re-predicts each relation from the whole tree (0: none).
    #[arg(long, default_value_t = train::TrainOptions::default().relabel_epochs)]
    pub relabel_epochs: usize,
    /// Word clusters (from `dyad parse clusters`) to store in the model and use as features.
    #[arg(long, value_name = "FILE")]
    pub clusters: Option<PathBuf>,
}

pub fn run(a: Args) -> anyhow::Result<ExitCode> {
    match a.train {
        Some(TrainCommand::Train(t)) => return run_train(t),
        Some(TrainCommand::Clusters(c)) => return run_clusters(c),
        None => {}
    }
    let started = Instant::now();
    let parser = load_parser(a.model.as_deref())?;
    let load = started.elapsed();
    if let Some(path) = &a.conllu {
        return run_conllu(&parser, path, a.score, a.threads, load);
    }
    if a.paths.is_empty() {
        anyhow::bail!("give articles to parse (PATH...), or --conllu FILE; see dyad parse --help");
    }
    let input = InputArgs {
        paths: a.paths.clone(),
        date: None,
        input_format: a.input_format.clone(),
        fields: Vec::new(),
        threads: a.threads,
        quiet: false,
        skips_shown: 10,
        keep_skips: false,
    };
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let summary = map_documents(
        &input,
        |mut doc| {
            parser.parse_document(&mut doc);
            document_conllu(&doc)
        },
        |text| out.write_all(text.as_bytes()).context("writing CoNLL-U"),
    )?;
    out.flush()?;
    summary.print();
    Ok(summary.exit_code())
}

pub fn load_parser(model: Option<&Path>) -> anyhow::Result<&'static Parser> {
    Ok(match model {
        Some(p) => Box::leak(Box::new(Parser::load(p)?)),
        None => Parser::builtin(),
    })
}

/// One document as CoNLL-U: `# doc_id`, then per sentence `# sent_id` and `# text`.
pub fn document_conllu(doc: &Document) -> String {
    let mut out = String::new();
    out.push_str("# newdoc id = ");
    out.push_str(&one_line(&doc.id));
    out.push('\n');
    out.push_str(&format!("# doc_id = {}\n", one_line(&doc.id)));
    for (i, s) in doc.sentences.iter().enumerate() {
        if s.token_start >= s.token_end {
            continue;
        }
        let mut sent = conllu::Sentence {
            comments: vec![format!("sent_id = {}-{}", one_line(&doc.id), i + 1), format!("text = {}", one_line(doc.sentence_text(s)))],
            ..Default::default()
        };
        let toks = doc.sentence_tokens(s);
        for (j, t) in toks.iter().enumerate() {
            let k = s.token_start + j;
            let mut w = conllu::Word::new(doc.token_text(t));
            w.lemma = doc.lemma(k).unwrap_or("_").to_string();
            w.upos = t.upos.as_str().to_string();
            w.head = Some(t.head.map_or(0, |h| h + 1 - s.token_start as u32));
            w.deprel = t.deprel.as_str().to_string();
            if toks.get(j + 1).is_some_and(|n| n.start == t.end) {
                w.misc = "SpaceAfter=No".into();
            }
            sent.words.push(w);
        }
        conllu::write_sentence(&sent, &mut out);
    }
    out
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn pool(threads: usize) -> anyhow::Result<rayon::ThreadPool> {
    let n = if threads == 0 { std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1) } else { threads };
    rayon::ThreadPoolBuilder::new().num_threads(n).build().context("starting worker threads")
}

fn read_conllu(path: &Path) -> anyhow::Result<Vec<conllu::Sentence>> {
    let bytes = std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))?;
    let text = String::from_utf8(bytes).map_err(|e| anyhow::anyhow!("{}: not UTF-8 (byte {})", path.display(), e.utf8_error().valid_up_to()))?;
    Ok(conllu::read(&text, &path.display().to_string())?)
}

fn run_conllu(parser: &Parser, path: &Path, do_score: bool, threads: usize, load: std::time::Duration) -> anyhow::Result<ExitCode> {
    let mut pred = read_conllu(path)?;
    // What scoring needs of the gold columns (the other columns are left empty, which costs
    // no memory): a full second copy of a large treebank would double the peak.
    let gold: Vec<conllu::Sentence> = if do_score {
        pred.iter()
            .map(|s| conllu::Sentence {
                comments: Vec::new(),
                line: s.line,
                words: s
                    .words
                    .iter()
                    .map(|w| conllu::Word {
                        form: String::new(),
                        lemma: w.lemma.clone(),
                        upos: w.upos.clone(),
                        xpos: String::new(),
                        feats: String::new(),
                        head: w.head,
                        deprel: w.deprel.clone(),
                        deps: String::new(),
                        misc: String::new(),
                    })
                    .collect(),
            })
            .collect()
    } else {
        Vec::new()
    };
    let sentences = pred.len();
    let start = Instant::now();
    pool(threads)?.install(|| pred.par_iter_mut().for_each(|s| parser.annotate(s)));
    let secs = start.elapsed().as_secs_f64();
    if !do_score {
        let stdout = std::io::stdout();
        let mut out = std::io::BufWriter::new(stdout.lock());
        let mut buf = String::new();
        for s in &pred {
            buf.clear();
            conllu::write_sentence(s, &mut buf);
            out.write_all(buf.as_bytes())?;
        }
        out.flush()?;
        return Ok(ExitCode::SUCCESS);
    }
    let s = score::score(&gold, &pred);
    if std::io::stdout().is_terminal() {
        println!("file        {}", path.display());
        println!("sentences   {sentences}");
        println!("words       {}", s.words);
        println!("UPOS        {:.2}", s.pct(s.upos));
        println!("lemma       {:.2}", s.pct(s.lemma));
        println!("UAS         {:.2}", s.pct(s.uas));
        println!("LAS         {:.2}", s.pct(s.las));
        println!("model load  {:.1} ms", load.as_secs_f64() * 1e3);
        println!("speed       {:.0} sentences/s, {:.0} words/s ({} thread{})", sentences as f64 / secs, s.words as f64 / secs, threads, if threads == 1 { "" } else { "s" });
    } else {
        let json = serde_json::json!({
            "file": path.display().to_string(), "sentences": sentences, "words": s.words,
            "upos": round2(s.pct(s.upos)), "lemma": round2(s.pct(s.lemma)),
            "uas": round2(s.pct(s.uas)), "las": round2(s.pct(s.las)),
            "load_ms": round2(load.as_secs_f64() * 1e3), "sentences_per_s": (sentences as f64 / secs).round(),
        });
        println!("{json}");
    }
    Ok(ExitCode::SUCCESS)
}

fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

fn run_train(t: TrainArgs) -> anyhow::Result<ExitCode> {
    let start = Instant::now();
    let train_set = read_conllu(&t.train)?;
    let dev_set = match &t.dev {
        Some(p) => read_conllu(p)?,
        None => Vec::new(),
    };
    eprintln!("dyad: training on {} sentences ({}), dev {} sentences", train_set.len(), t.train.display(), dev_set.len());
    let opts = train::TrainOptions { seed: t.seed, tagger_epochs: t.tagger_epochs, parser_epochs: t.epochs, folds: t.folds, time_phrases: t.time_phrases, relabel_epochs: t.relabel_epochs };
    let clusters = match &t.clusters {
        Some(p) => {
            let bytes = std::fs::read(p).with_context(|| format!("cannot read {}", p.display()))?;
            Clusters::from_bytes(&bytes).with_context(|| format!("{}: not a clusters file", p.display()))?
        }
        None => Clusters::default(),
    };
    let (parser, scores) = train::train(&train_set, &dev_set, opts, clusters, &mut |m| eprintln!("[{:6.1} s] {m}", start.elapsed().as_secs_f64()));
    let bytes = parser.to_bytes();
    std::fs::write(&t.out, &bytes).with_context(|| format!("cannot write {}", t.out.display()))?;
    eprintln!("dyad: wrote {} ({:.1} MB) in {:.1} s", t.out.display(), bytes.len() as f64 / 1e6, start.elapsed().as_secs_f64());
    if !dev_set.is_empty() {
        println!(
            "dev UPOS {:.2}  UPOS lower-cased {:.2}  UAS {:.2}  LAS {:.2}",
            scores.upos, scores.upos_lower, scores.uas, scores.las
        );
    }
    Ok(ExitCode::SUCCESS)
}

fn run_clusters(c: ClustersArgs) -> anyhow::Result<ExitCode> {
    let start = Instant::now();
    let input = InputArgs {
        paths: c.paths.clone(),
        date: None,
        input_format: "auto".into(),
        fields: Vec::new(),
        threads: c.threads,
        quiet: false,
        skips_shown: 10,
        keep_skips: false,
    };
    // Each sentence as the hashes of its lower-cased words (what the models look up).
    let mut sentences: Vec<Vec<u64>> = Vec::new();
    let summary = map_documents(
        &input,
        |doc| {
            let mut scratch = dyad_parse::words::Scratch::default();
            doc.sentences
                .iter()
                .map(|s| doc.sentence_tokens(s).iter().map(|t| dyad_parse::words::analyse(doc.token_text(t), &mut scratch).lower).collect())
                .collect::<Vec<Vec<u64>>>()
        },
        |s| {
            sentences.extend(s);
            Ok(())
        },
    )?;
    summary.print();
    let opts = ClusterOptions { fine: c.fine, coarse: c.coarse, min_count: c.min_count, ..ClusterOptions::default() };
    let clusters = Clusters::learn(&sentences, opts, &mut |m| eprintln!("[{:6.1} s] {m}", start.elapsed().as_secs_f64()));
    let bytes = clusters.to_bytes();
    std::fs::write(&c.out, &bytes).with_context(|| format!("cannot write {}", c.out.display()))?;
    eprintln!("dyad: wrote {} ({} words, {:.1} MB) in {:.1} s", c.out.display(), clusters.len(), bytes.len() as f64 / 1e6, start.elapsed().as_secs_f64());
    Ok(ExitCode::SUCCESS)
}

#[derive(clap::Args)]
pub struct BenchArgs {
    /// EWT training treebank (CoNLL-U).
    #[arg(long, default_value = "../shared/ud/en_ewt-ud-train.conllu")]
    pub conllu: PathBuf,
    /// News articles (JSONL) to segment and parse.
    #[arg(long, default_value = "../shared/news/reuters21578.jsonl")]
    pub news: PathBuf,
    /// A model file instead of the built-in one.
    #[arg(long, value_name = "FILE")]
    pub model: Option<PathBuf>,
}

/// `dyad bench parse`: model load time; sentences/s and words/s for tagging alone and for
/// tag + parse, on EWT train (gold words) and on news (dyad's own segmentation), 1 and 2
/// threads.
pub fn bench(a: BenchArgs) -> anyhow::Result<ExitCode> {
    let start = Instant::now();
    let model_bytes = match &a.model {
        Some(p) => std::fs::read(p).with_context(|| format!("cannot read {}", p.display()))?,
        None => Vec::new(),
    };
    let parser: &Parser = if a.model.is_some() {
        Box::leak(Box::new(Parser::from_bytes(&model_bytes)?))
    } else {
        Parser::builtin()
    };
    let load = start.elapsed().as_secs_f64();
    println!("model load  {:.1} ms ({:.1} MB)", load * 1e3, if a.model.is_some() { model_bytes.len() } else { dyad_parse::BUILTIN_MODEL_BYTES } as f64 / 1e6);
    println!("            sentences/s  words/s  (wall clock; per CPU-second in brackets: the machine may be shared)");
    if !a.conllu.exists() {
        anyhow::bail!("{} not found (run from the repository root with ../shared beside it)", a.conllu.display());
    }
    let ewt = read_conllu(&a.conllu)?;
    let ewt_forms: Vec<Vec<&str>> = ewt.iter().map(|s| s.words.iter().map(|w| w.form.as_str()).collect()).collect();
    // News: read, clean and segment once (not timed); then time tagging and parsing.
    let mut news: Vec<Document> = Vec::new();
    if a.news.exists() {
        let input = InputArgs { paths: vec![a.news.clone()], date: None, input_format: "auto".into(), fields: Vec::new(), threads: 2, skips_shown: 10, keep_skips: false, quiet: true };
        map_documents(&input, |d| d, |d| {
            news.push(d);
            Ok(())
        })?;
    } else {
        eprintln!("dyad: {} not found; news figures skipped", a.news.display());
    }
    let news_sentences: usize = news.iter().map(|d| d.sentences.len()).sum();
    for threads in [1usize, 2] {
        let pool = pool(threads)?;
        for parse in [false, true] {
            let what = if parse { "tag+parse" } else { "tag" };
            let (t, cpu) = (Instant::now(), cpu_seconds());
            let n: usize = pool.install(|| ewt_forms.par_iter().map(|f| parser.analyse(f, parse, |x| x.tags.len())).sum());
            let (secs, cpu) = (t.elapsed().as_secs_f64(), cpu_seconds() - cpu);
            print_speed("EWT train", what, threads, ewt.len(), n, secs, cpu);
            if news.is_empty() {
                continue;
            }
            let (t, cpu) = (Instant::now(), cpu_seconds());
            let n: usize = pool.install(|| {
                news.par_iter()
                    .map(|d| {
                        let mut n = 0;
                        for s in &d.sentences {
                            let forms: Vec<&str> = d.sentence_tokens(s).iter().map(|t| d.token_text(t)).collect();
                            n += parser.analyse(&forms, parse, |x| x.tags.len());
                        }
                        n
                    })
                    .sum()
            });
            let (secs, cpu) = (t.elapsed().as_secs_f64(), cpu_seconds() - cpu);
            print_speed("Reuters", what, threads, news_sentences, n, secs, cpu);
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn print_speed(corpus: &str, what: &str, threads: usize, sentences: usize, words: usize, secs: f64, cpu: f64) {
    let per_cpu = if cpu > 0.0 { format!("  [{:.0} sentences/CPU-s]", sentences as f64 / cpu) } else { String::new() };
    println!(
        "{corpus:10} {what:9} {threads} thread{}  {:>8.0} sentences/s  {:>9.0} words/s{per_cpu}",
        if threads == 1 { " " } else { "s" },
        sentences as f64 / secs,
        words as f64 / secs
    );
}

/// CPU time (user + system) this process has used, from /proc (0 where there is none).
fn cpu_seconds() -> f64 {
    let Ok(stat) = std::fs::read_to_string("/proc/self/stat") else { return 0.0 };
    // Fields after the command name (which is in parentheses and may hold spaces).
    let Some(rest) = stat.rsplit_once(')').map(|p| p.1) else { return 0.0 };
    let f: Vec<&str> = rest.split_whitespace().collect();
    let ticks = |i: usize| f.get(i).and_then(|v| v.parse::<f64>().ok()).unwrap_or(0.0);
    // utime and stime are fields 14 and 15 of the line, 12 and 13 after the name; 100 ticks/s.
    (ticks(11) + ticks(12)) / 100.0
}
