//! Names of months, weekdays, numbers and units, lower case.

use chrono::Weekday;

/// "January", "Jan", "Sept" → 1..=12. "May" is a month only when capitalised (checked by
/// the caller, which requires capitals for all month names).
pub fn month(lower: &str) -> Option<u32> {
    let m = match lower {
        "january" | "jan" => 1,
        "february" | "feb" => 2,
        "march" | "mar" => 3,
        "april" | "apr" => 4,
        "may" => 5,
        "june" | "jun" => 6,
        "july" | "jul" => 7,
        "august" | "aug" => 8,
        "september" | "sep" | "sept" => 9,
        "october" | "oct" => 10,
        "november" | "nov" => 11,
        "december" | "dec" => 12,
        _ => return None,
    };
    Some(m)
}

pub fn weekday(lower: &str) -> Option<Weekday> {
    let d = match lower {
        "monday" | "mon" => Weekday::Mon,
        "tuesday" | "tue" | "tues" => Weekday::Tue,
        "wednesday" | "wed" => Weekday::Wed,
        "thursday" | "thu" | "thur" | "thurs" => Weekday::Thu,
        "friday" | "fri" => Weekday::Fri,
        "saturday" | "sat" => Weekday::Sat,
        "sunday" | "sun" => Weekday::Sun,
        _ => return None,
    };
    Some(d)
}

/// Abbreviated names that are also ordinary words ("sun", "sat", "wed", "mar", "jan"…):
/// accepted only when followed by a period or a number.
pub fn is_short_name(lower: &str) -> bool {
    lower.len() <= 5 && !matches!(lower, "may" | "june" | "july" | "march" | "april")
}

/// Counts in "two days ago": digits or number words.
pub fn count(lower: &str) -> Option<u32> {
    if let Ok(n) = lower.parse::<u32>() {
        return (n <= 10_000).then_some(n);
    }
    let n = match lower {
        "a" | "an" | "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" => 12,
        "fifteen" => 15,
        "twenty" => 20,
        "thirty" => 30,
        _ => return None,
    };
    Some(n)
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unit {
    Day,
    Week,
    Month,
    Year,
}

pub fn unit(lower: &str) -> Option<Unit> {
    let u = match lower {
        "day" | "days" => Unit::Day,
        "week" | "weeks" => Unit::Week,
        "month" | "months" => Unit::Month,
        "year" | "years" => Unit::Year,
        _ => return None,
    };
    Some(u)
}

/// Words that mark a future event when they come before the time expression:
/// "will meet on Thursday", "is scheduled for Friday".
pub fn is_future_cue(lower: &str) -> bool {
    matches!(lower, "will" | "shall" | "ll" | "scheduled" | "upcoming" | "planned" | "plans" | "plan" | "expected")
}

/// Past-tense reporting verbs: a future cue before one of these does not reach the time
/// expression after it ("will ..., he said on Thursday").
pub fn is_reporting_verb(lower: &str) -> bool {
    matches!(lower, "said" | "says" | "told" | "announced" | "reported" | "added" | "stated" | "wrote" | "declared")
}
