//! Dates as inputs write them: ISO 8601 (`2018-03-20`, `2018-03-20T09:00:00Z`), Reuters
//! (`26-FEB-1987 15:01:01.79`), RFC 2822 (`Tue, 20 Mar 2018 10:00:00 GMT`), `March 20, 2018`,
//! `20 March 2018`, `2018/03/20` and WARC's old `20180320090000`.

use chrono::NaiveDate;
use regex::Regex;
use std::sync::LazyLock;

/// Month number for an English month name or abbreviation (`Mar`, `Sept.`, `MARCH`).
pub fn month_number(name: &str) -> Option<u32> {
    const NAMES: [(&str, u32); 24] = [
        ("jan", 1), ("january", 1), ("feb", 2), ("february", 2), ("mar", 3), ("march", 3),
        ("apr", 4), ("april", 4), ("may", 5), ("jun", 6), ("june", 6), ("jul", 7),
        ("july", 7), ("aug", 8), ("august", 8), ("sep", 9), ("sept", 9), ("september", 9),
        ("oct", 10), ("october", 10), ("nov", 11), ("november", 11), ("dec", 12), ("december", 12),
    ];
    let n = name.trim_end_matches('.');
    // Compared in place, without a lower-cased copy: this runs for every date and dateline.
    NAMES.iter().find(|(m, _)| n.eq_ignore_ascii_case(m)).map(|&(_, number)| number)
}

const MONTH: &str = r"(?i:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)";

static ISO: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:$|[T\s])").unwrap());
static COMPACT: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^(\d{4})(\d{2})(\d{2})(?:\d{6})?$").unwrap());
static DAY_MONTH_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"^(?:[A-Za-z]{{3,9}},?\s+)?(\d{{1,2}})(?:\s+|-)({MONTH})\.?(?:\s+|-|,\s*)(\d{{4}})\b")).unwrap()
});
static MONTH_DAY_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"^(?:[A-Za-z]{{3,9}},?\s+)?({MONTH})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b")).unwrap()
});

/// Parse a date; `None` when the text is not one of the shapes above or not a real day.
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    let ymd = |y: &str, m: u32, d: &str| NaiveDate::from_ymd_opt(y.parse().ok()?, m, d.parse().ok()?);
    // Cheap tests before the regexes; `\d` is any Unicode digit, so non-ASCII text always
    // goes to them.
    let b = s.as_bytes();
    let digit_or_other = |b: u8| b.is_ascii_digit() || !b.is_ascii();
    let starts_with_digit = b.first().is_some_and(|&b| digit_or_other(b));
    let iso_shape = !s.is_ascii() || (b.len() > 4 && b[..4].iter().all(u8::is_ascii_digit) && matches!(b[4], b'-' | b'/'));
    if starts_with_digit && iso_shape {
        if let Some(c) = ISO.captures(s) {
            return ymd(&c[1], c[2].parse().ok()?, &c[3]);
        }
    }
    if starts_with_digit && s.bytes().all(digit_or_other) {
        if let Some(c) = COMPACT.captures(s) {
            return ymd(&c[1], c[2].parse().ok()?, &c[3]);
        }
    }
    if let Some(c) = DAY_MONTH_YEAR.captures(s) {
        return ymd(&c[3], month_number(&c[2])?, &c[1]);
    }
    if let Some(c) = MONTH_DAY_YEAR.captures(s) {
        return ymd(&c[3], month_number(&c[1])?, &c[2]);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, day)
    }

    #[test]
    fn parses_each_shape() {
        assert_eq!(parse_date("2018-03-20"), d(2018, 3, 20));
        assert_eq!(parse_date("2018-03-20T09:15:00Z"), d(2018, 3, 20));
        assert_eq!(parse_date("2018-03-20 09:15"), d(2018, 3, 20));
        assert_eq!(parse_date("26-FEB-1987 15:01:01.79"), d(1987, 2, 26));
        assert_eq!(parse_date(" 5-MAR-1987 09:12:45.11"), d(1987, 3, 5));
        assert_eq!(parse_date("Tue, 20 Mar 2018 10:00:00 GMT"), d(2018, 3, 20));
        assert_eq!(parse_date("March 20, 2018"), d(2018, 3, 20));
        assert_eq!(parse_date("Sept. 3, 2019"), d(2019, 9, 3));
        assert_eq!(parse_date("20 March 2018"), d(2018, 3, 20));
        assert_eq!(parse_date("2018/03/20"), d(2018, 3, 20));
        assert_eq!(parse_date("20180320091500"), d(2018, 3, 20));
    }

    #[test]
    fn month_names() {
        assert_eq!(month_number("Sept."), Some(9));
        assert_eq!(month_number("MARCH"), Some(3));
        assert_eq!(month_number("dec"), Some(12));
        assert_eq!(month_number("Ma"), None);
        assert_eq!(month_number("Mayo"), None);
    }

    #[test]
    fn rejects_non_dates_and_impossible_days() {
        assert_eq!(parse_date("2018-02-30"), None);
        assert_eq!(parse_date("yesterday"), None);
        assert_eq!(parse_date("March 20"), None);
        assert_eq!(parse_date(""), None);
    }
}
