//! `dyad explain "SENTENCE" [--dictionaries DIR] [--date YYYY-MM-DD]`: how dyad reads and codes
//! a text: its words, its dependency tree, every actor/agent/verb match, the candidate patterns and why the chosen
//! one won, the events. Text of several sentences is explained sentence by sentence, in
//! order, so references to earlier sentences ("he", "Putin") resolve as in `dyad code`.

use chrono::NaiveDate;
use dyad_code::Coder;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    /// The text to explain (`-` reads standard input).
    #[arg(value_name = "TEXT")]
    pub text: String,
    /// Dictionary folder (dyad, PETRARCH or TABARI format); default: the built-in dictionaries.
    #[arg(long, value_name = "DIR")]
    pub dictionaries: Option<std::path::PathBuf>,
    /// Document date, for date-restricted actor codes.
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub date: Option<NaiveDate>,
    /// Explain only this sentence (0-based); the others are still read for context.
    #[arg(long)]
    pub sentence: Option<usize>,
}

pub fn run(a: Args) -> anyhow::Result<ExitCode> {
    let text = if a.text == "-" { std::io::read_to_string(std::io::stdin())? } else { a.text.clone() };
    let dicts = super::dictionaries::load(a.dictionaries.as_deref(), false)?;
    let coder = Coder::new(&dicts);
    let mut doc = dyad_segment::segment_text(&text);
    doc.id = "explain".into();
    doc.date = a.date;
    if doc.sentences.is_empty() {
        println!("(no sentences in the text)");
        return Ok(ExitCode::SUCCESS);
    }
    let which: Vec<usize> = match a.sentence {
        Some(i) => vec![i],
        None => (0..doc.sentences.len()).collect(),
    };
    let parser = dyad_parse::Parser::builtin();
    for i in which {
        parser.parse_sentence(&mut doc, i);
        println!("tree:");
        for l in dyad_parse::tree_text(&doc, i).lines() {
            println!("  {l}");
        }
        print!("{}", coder.explain(&doc, i));
        println!();
    }
    Ok(ExitCode::SUCCESS)
}
