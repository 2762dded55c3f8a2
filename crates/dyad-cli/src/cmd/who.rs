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
    let places = super::dictionaries::gazetteer(a.dictionaries.as_deref())?;
    let dicts = super::dictionaries::load(a.dictionaries.as_deref(), false)?;
    let coder = Coder::new(&dicts);
    let found = coder.lookup(&a.name);
    let is_place = print_places(&places, &a.name);
    if found.is_empty() {
        println!("\"{}\": no actor or agent in the dictionaries matches", a.name);
        return Ok(if is_place { ExitCode::SUCCESS } else { ExitCode::from(1) });
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

/// What a place name can mean, best reading first, with the score's parts and the rules that
/// apply to the name in running text. Returns whether the name is a place at all.
fn print_places(g: &dyad_geo::Gazetteer, name: &str) -> bool {
    let readings = dyad_geo::readings(g, name);
    if readings.is_empty() {
        println!("\"{name}\": no place in the gazetteer has this name");
        return false;
    }
    let n = readings.len();
    println!("\"{name}\" as a place: {n} reading(s), best first without context");
    for (i, r) in readings.iter().take(5).enumerate() {
        let p = g.place(r.place);
        let country = g.country(p.country).map_or("no country".to_string(), |c| format!("{} {}", c.iso2, c.name));
        let s = &r.score;
        println!(
            "  {}. {} ({}, {country}; population {}; {:.4}, {:.4}; {})",
            i + 1,
            p.name(),
            p.kind.as_str(),
            p.population,
            p.lat,
            p.lon,
            p.at()
        );
        println!(
            "     score {:.1} = population {:.1} + kind {:.1} + {} {:.1} + prominence (names) {:.1}{}",
            s.total,
            s.population,
            s.kind,
            if r.primary { "main name" } else { "alternate name" },
            s.primary,
            s.prominence,
            if r.name != name { format!(" (written \"{}\")", r.name) } else { String::new() }
        );
        if r.common {
            println!("     \"{}\" is a common English word: a place only after \"in\", \"at\", \"near\"… or qualified (\"{}, {}\")", r.name, r.name, country.split_once(' ').map_or("", |x| x.1));
        } else if r.word {
            println!("     \"{}\" is also written as a lower-case word: in lower-case text or at the start of a sentence it needs \"in\"/\"at\" or a country the article named", r.name);
        }
    }
    if n > 5 {
        println!("  … and {} more", n - 5);
    }
    println!("  In an article, a country named before (or the dateline's) adds 2.5–3.5 to its places' scores; \"{name}, COUNTRY\" or \"{name}, STATE\" decides outright; a capitalised word or a title before it, or a surname after it, makes it a person.");
    true
}
