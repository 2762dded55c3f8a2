//! Prints every time reference in each line of a file, resolved against a publication date:
//! for checking the rules by eye.
//!
//! cargo run -p dyad-time --example find_dates -- FILE YYYY-MM-DD

use std::process::ExitCode;

use chrono::NaiveDate;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [path, date] = args.as_slice() else {
        eprintln!("usage: find_dates FILE YYYY-MM-DD");
        return ExitCode::FAILURE;
    };
    let published = match NaiveDate::parse_from_str(date, "%Y-%m-%d") {
        Ok(d) => d,
        Err(e) => {
            eprintln!("find_dates: {date:?} is not a YYYY-MM-DD date: {e}");
            return ExitCode::FAILURE;
        }
    };
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("find_dates: cannot read {path}: {e}");
            return ExitCode::FAILURE;
        }
    };
    for (n, line) in text.lines().enumerate() {
        for r in dyad_time::resolve_all(line, published) {
            println!("{path}:{}: {:?} → {} ({:?})", n + 1, r.text, r.date, r.precision);
        }
    }
    ExitCode::SUCCESS
}
