//! Prints the sentences and tokens of a file (or of the text given with `-e`), one sentence
//! a line with its tokens separated by " | ": for checking the rules by eye.
//!
//! cargo run -p dyad-segment --example segment_show -- FILE
//! cargo run -p dyad-segment --example segment_show -- -e "Mr. Smith went to the U.S. He left."

use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let text = match args.as_slice() {
        [flag, text] if flag == "-e" => text.clone(),
        [path] => match std::fs::read_to_string(path) {
            Ok(text) => text,
            Err(e) => {
                eprintln!("segment_show: cannot read {path}: {e}");
                return ExitCode::FAILURE;
            }
        },
        _ => {
            eprintln!("usage: segment_show FILE | segment_show -e TEXT");
            return ExitCode::FAILURE;
        }
    };
    let doc = dyad_segment::segment_text(&text);
    for s in &doc.sentences {
        let tokens: Vec<&str> = doc.sentence_tokens(s).iter().map(|t| doc.token_text(t)).collect();
        println!("[p{}] {}", s.paragraph, tokens.join(" | "));
    }
    ExitCode::SUCCESS
}
