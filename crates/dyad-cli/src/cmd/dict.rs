//! `dyad dict`: check, summarise and convert dictionaries (`who` lives in `who.rs`).

use anyhow::Context;
use dyad_dict::{check, stats::Stats, write, Diagnostic, Loaded, Severity};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

#[derive(clap::Args)]
pub struct Args {
    #[command(subcommand)]
    pub command: DictCommand,
}

#[derive(clap::Subcommand)]
pub enum DictCommand {
    /// Check dictionaries: unknown codes, conflicting names, unreachable patterns, overlapping
    /// dates. Exits 1 if there are errors.
    Check {
        /// A dictionary folder (dyad's layout or PETRARCH/TABARI files); default: the built-ins.
        dir: Option<PathBuf>,
        /// Any load error stops the load.
        #[arg(long)]
        strict: bool,
        /// Also list info-level findings.
        #[arg(long, short)]
        verbose: bool,
    },
    /// Count actors, names, agents, verbs, forms, patterns and codebook coverage.
    Stats {
        /// A dictionary folder; default: the built-ins.
        dir: Option<PathBuf>,
        #[arg(long)]
        strict: bool,
        /// Print JSON instead of a table.
        #[arg(long)]
        json: bool,
    },
    /// Convert PETRARCH/TABARI (or dyad) dictionaries into dyad's format.
    Convert {
        /// The folder to read.
        src: PathBuf,
        /// The folder to write (created; existing files of the same names are replaced).
        out: PathBuf,
        #[arg(long)]
        strict: bool,
    },
    /// What a name resolves to on a date.
    Who(super::who::Args),
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    match args.command {
        DictCommand::Check {
            dir,
            strict,
            verbose,
        } => check_cmd(dir.as_deref(), strict, verbose),
        DictCommand::Stats { dir, strict, json } => stats_cmd(dir.as_deref(), strict, json),
        DictCommand::Convert { src, out, strict } => convert_cmd(&src, &out, strict),
        DictCommand::Who(a) => super::who::run(a),
    }
}

/// Load a folder or the built-ins; also return the load time in ms.
fn load(dir: Option<&Path>, strict: bool) -> anyhow::Result<(Loaded, f64)> {
    let start = Instant::now();
    let loaded = super::dictionaries::read(dir, strict)?;
    Ok((loaded, start.elapsed().as_secs_f64() * 1000.0))
}

fn summary(diags: &[Diagnostic]) -> String {
    let n = |s| dyad_dict::diag::count(diags, s);
    format!(
        "{} error(s), {} warning(s), {} note(s)",
        n(Severity::Error),
        n(Severity::Warning),
        n(Severity::Info)
    )
}

fn check_cmd(dir: Option<&Path>, strict: bool, verbose: bool) -> anyhow::Result<ExitCode> {
    let (loaded, _) = load(dir, strict)?;
    let mut all = loaded.diagnostics;
    all.extend(check::check(&loaded.dicts));
    let shown = all
        .iter()
        .filter(|d| verbose || d.severity != Severity::Info);
    let mut out = String::new();
    for d in shown {
        writeln!(out, "{d}")?;
    }
    writeln!(
        out,
        "{}: {}",
        dir.map(|d| d.display().to_string())
            .unwrap_or_else(|| "built-in dictionaries".into()),
        summary(&all)
    )?;
    emit(&out)?;
    let errors = dyad_dict::diag::count(&all, Severity::Error);
    Ok(if errors > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn stats_cmd(dir: Option<&Path>, strict: bool, json: bool) -> anyhow::Result<ExitCode> {
    let (loaded, ms) = load(dir, strict)?;
    let stats = Stats::of(&loaded.dicts);
    let mut out = String::new();
    if json {
        let mut v = serde_json::to_value(&stats)?;
        v["load_ms"] = serde_json::json!(ms);
        writeln!(out, "{}", serde_json::to_string_pretty(&v)?)?;
    } else {
        write!(out, "{stats}")?;
        writeln!(out, "load time     {ms:>9.1} ms")?;
        writeln!(out, "diagnostics   {}", summary(&loaded.diagnostics))?;
    }
    emit(&out)?;
    Ok(ExitCode::SUCCESS)
}

fn convert_cmd(src: &Path, dest: &Path, strict: bool) -> anyhow::Result<ExitCode> {
    let (loaded, _) = load(Some(src), strict)?;
    for d in loaded
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
    {
        eprintln!("dyad: {d}");
    }
    let (files, skipped) = write::write_dir(&loaded.dicts, dest)
        .with_context(|| format!("writing {}", dest.display()))?;
    for s in &skipped {
        eprintln!("dyad: not written (not expressible in dyad's format): {s}");
    }
    let mut out = String::new();
    for f in &files {
        writeln!(out, "wrote {}", f.display())?;
    }
    writeln!(
        out,
        "{}; {} item(s) not written",
        summary(&loaded.diagnostics),
        skipped.len()
    )?;
    emit(&out)?;
    Ok(ExitCode::SUCCESS)
}

/// Print a command's output; a closed pipe (`dyad dict check | head`) is not an error.
fn emit(text: &str) -> anyhow::Result<()> {
    use std::io::Write as _;
    match std::io::stdout().lock().write_all(text.as_bytes()) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        r => Ok(r?),
    }
}
