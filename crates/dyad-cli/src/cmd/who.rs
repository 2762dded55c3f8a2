//! `dyad dict who "NAME" [--date YYYY-MM-DD] [--dictionaries DIR]`: what a name resolves to
//! through the coder's own matcher: the entry, where it is written, its code on the date and
//! all its dated codes.

use chrono::NaiveDate;
use dyad_code::Coder;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    /// The name or phrase to look up ("Kim Jong Un", "the Kremlin", "Russian President").
    pub name: String,
    /// Date for dated codes (default: today's codes, i.e. open-ended ones).
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub date: Option<NaiveDate>,
    /// Dictionary folder; default: the built-in dictionaries.
    #[arg(long, value_name = "DIR")]
    pub dictionaries: Option<std::path::PathBuf>,
}

pub fn run(a: Args) -> anyhow::Result<ExitCode> {
    let dicts = super::dictionaries::load(a.dictionaries.as_deref(), false)?;
    let coder = Coder::new(&dicts);
    let found = coder.lookup(&a.name);
    if found.is_empty() {
        println!("\"{}\": no actor or agent in the dictionaries matches", a.name);
        return Ok(ExitCode::from(1));
    }
    for m in found {
        if let Some(i) = m.actor {
            let e = &dicts.actors[i];
            // `[FRO/BIL/SAM]` entries stand for every code.
            let all = e.codes_on(a.date).join("/");
            let code = m.code_override.as_deref().or((!all.is_empty()).then_some(all.as_str())).unwrap_or("--- (null code)");
            let on = a.date.map(|d| d.to_string()).unwrap_or_else(|| "today".into());
            println!("\"{}\" → actor {} ({}) as {}", m.phrase, e.name, e.at, m.kind);
            println!("  code on {on}: {code}");
            println!("  default code: {}", e.code.as_deref().unwrap_or("---"));
            if !e.extra_codes.is_empty() {
                println!("  also: {} (one event per code)", e.extra_codes.join(", "));
            }
            for d in &e.dated {
                let f = d.range.from.map(|x| x.to_string()).unwrap_or_default();
                let t = d.range.to.map(|x| x.to_string()).unwrap_or_default();
                println!("  dated: {} {f}..{t}", d.code);
            }
            if m.kind == "short" {
                println!("  (a short form: it matches only after the full name appeared in the same article)");
            }
        }
        if let Some(i) = m.agent {
            let g = &dicts.agents[i];
            let role = if g.prefix { format!("{}~", g.role) } else { format!("~{}", g.role) };
            println!("\"{}\" → agent {} [{role}] ({}): composes with a country", m.phrase, g.name, g.at);
        }
    }
    for (phrase, codes) in coder.resolve(&a.name, a.date) {
        let codes = if codes.is_empty() { "--- (null code)".to_string() } else { codes.join(", ") };
        println!("as a noun phrase: \"{phrase}\" = {codes}");
    }
    Ok(ExitCode::SUCCESS)
}
