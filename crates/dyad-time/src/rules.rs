//! The patterns, tried at one word position. Each returns the date, its precision and the
//! index of the first word after the expression.

use chrono::{Datelike, NaiveDate, Weekday};

use crate::calendar::*;
use crate::lexicon::{self, Unit};
use crate::words::{touches_previous, Word};
use crate::Precision;

pub struct Match {
    pub date: NaiveDate,
    pub precision: Precision,
    pub next: usize,
}

fn found(date: Option<NaiveDate>, precision: Precision, next: usize) -> Option<Match> {
    date.map(|date| Match { date, precision, next })
}

/// Prepositions that belong to the expression ("on Thursday", "in 2015") and that allow a
/// bare month or year after them.
const PREPOSITIONS: &[&str] = &["on", "in", "during", "since", "by", "until", "till", "from", "for", "over", "at"];

/// Words before a period that make it a time expression and belong to it.
const PERIOD_MODIFIERS: &[&str] = &["early", "mid", "late", "earlier", "later"];

/// `future` says whether the expression at `i` is in the future (see [`future_flags`]).
pub fn match_at(words: &[Word], i: usize, published: NaiveDate, future: bool) -> Option<Match> {
    let r = Rules { words, published, future };
    if words[i].is_any(PREPOSITIONS) {
        // "in early March", "on Thursday": the preposition is part of the expression.
        let j = i + 1;
        return if words.get(j).is_some_and(|w| w.is_any(PERIOD_MODIFIERS)) {
            r.after_modifier(j + 1)
        } else {
            r.core(j, true)
        };
    }
    if words[i].is_any(PERIOD_MODIFIERS) {
        return r.after_modifier(i + 1);
    }
    r.core(i, false)
}

/// For each word position: whether a future cue comes before it with no reporting verb
/// in between (the later of the two wins). One pass, so long sentences stay linear.
pub fn future_flags(words: &[Word]) -> Vec<bool> {
    let mut flags = Vec::with_capacity(words.len());
    let mut future = false;
    for w in words {
        flags.push(future);
        if lexicon::is_reporting_verb(&w.lower) {
            future = false;
        } else if lexicon::is_future_cue(&w.lower) {
            future = true;
        }
    }
    flags
}

struct Rules<'w, 'a> {
    words: &'w [Word<'a>],
    published: NaiveDate,
    future: bool,
}

impl Rules<'_, '_> {
    fn word(&self, k: usize) -> Option<&Word<'_>> {
        self.words.get(k)
    }

    fn is(&self, k: usize, lower: &str) -> bool {
        self.word(k).is_some_and(|w| w.is(lower))
    }

    /// After "early", "mid", "late", "earlier", "later": a bare month or year is allowed;
    /// "mid-March" has a hyphen to skip.
    fn after_modifier(&self, mut k: usize) -> Option<Match> {
        if self.word(k).is_some_and(|w| w.is_punct('-')) && touches_previous(self.words, k) {
            k += 1;
        }
        self.core(k, true)
    }

    /// The expression starting at word `k`; `bare` allows a month or year on its own.
    fn core(&self, k: usize, bare: bool) -> Option<Match> {
        self.word(k)?;
        self.iso_date(k)
            .or_else(|| self.month_first_date(k, bare))
            .or_else(|| self.day_first_date(k))
            .or_else(|| self.weekday(k, bare))
            .or_else(|| self.relative_period(k))
            .or_else(|| self.single_word(k))
            .or_else(|| self.day_before(k))
            .or_else(|| self.ago(k))
            .or_else(|| if bare { self.year_alone(k) } else { None })
    }

    /// "2018-03-20".
    fn iso_date(&self, k: usize) -> Option<Match> {
        let year = self.word(k)?.year()?;
        let parts: Vec<&Word> = (k + 1..k + 5).map(|x| self.word(x)).collect::<Option<_>>()?;
        let touching = (k + 1..k + 5).all(|x| touches_previous(self.words, x));
        if !touching || !parts[0].is_punct('-') || !parts[2].is_punct('-') || parts[1].text.len() != 2 || parts[3].text.len() != 2 {
            return None;
        }
        found(NaiveDate::from_ymd_opt(year, parts[1].number()?, parts[3].number()?), Precision::Day, k + 5)
    }

    /// A capitalised month name at `k` (abbreviations need a period or a number after them);
    /// returns the month and the next word index.
    fn month_name(&self, k: usize) -> Option<(u32, usize)> {
        let w = self.word(k)?;
        if !w.is_capitalised() {
            return None;
        }
        let month = lexicon::month(&w.lower)?;
        if !lexicon::is_short_name(&w.lower) {
            return Some((month, k + 1));
        }
        // "Dec." (the period belongs to the name) or "Dec 28".
        let next = self.word(k + 1);
        if next.is_some_and(|n| n.is_punct('.')) && touches_previous(self.words, k + 1) {
            return Some((month, k + 2));
        }
        if next.is_some_and(|n| n.day_of_month().is_some() || n.year().is_some()) {
            return Some((month, k + 1));
        }
        None
    }

    /// An optional year after a date: "2018" or ", 2018".
    fn year_after(&self, k: usize) -> Option<(i32, usize)> {
        if let Some(y) = self.word(k).and_then(Word::year) {
            return Some((y, k + 1));
        }
        if self.word(k).is_some_and(|w| w.is_punct(',')) {
            if let Some(y) = self.word(k + 1).and_then(Word::year) {
                return Some((y, k + 2));
            }
        }
        None
    }

    /// "March 5, 2018", "March 5", "March 2018", and ("in") "March".
    fn month_first_date(&self, k: usize, bare: bool) -> Option<Match> {
        let (month, n) = self.month_name(k)?;
        if let Some(day) = self.word(n).and_then(Word::day_of_month) {
            return match self.year_after(n + 1) {
                Some((year, next)) => found(NaiveDate::from_ymd_opt(year, month, day), Precision::Day, next),
                None => found(month_day_near(self.published, month, day, self.future), Precision::Day, n + 1),
            };
        }
        if let Some((year, next)) = self.year_after(n) {
            return found(first_of_month(year, month), Precision::Month, next);
        }
        if bare {
            return found(month_near(self.published, month, self.future), Precision::Month, n);
        }
        None
    }

    /// "5 March 2018", "5 March", "5th March".
    fn day_first_date(&self, k: usize) -> Option<Match> {
        let day = self.word(k)?.day_of_month()?;
        let (month, n) = self.month_name(k + 1)?;
        match self.year_after(n) {
            Some((year, next)) => found(NaiveDate::from_ymd_opt(year, month, day), Precision::Day, next),
            None => found(month_day_near(self.published, month, day, self.future), Precision::Day, n),
        }
    }

    /// A capitalised weekday name at `k`; abbreviations need a period.
    fn weekday_name(&self, k: usize) -> Option<(Weekday, usize)> {
        let w = self.word(k)?;
        if !w.is_capitalised() {
            return None;
        }
        let day = lexicon::weekday(&w.lower)?;
        if !lexicon::is_short_name(&w.lower) {
            return Some((day, k + 1));
        }
        // "Thurs." (the period belongs to the name).
        let dot = self.word(k + 1).is_some_and(|n| n.is_punct('.')) && touches_previous(self.words, k + 1);
        dot.then_some((day, k + 2))
    }

    /// "Thursday", "Thursday night", "Tuesday, March 20". Without a preposition, a weekday
    /// after "the" or before another capitalised word is part of a name ("the Sunday
    /// Telegraph", "Sunday Times").
    fn weekday(&self, k: usize, after_preposition: bool) -> Option<Match> {
        let (day, mut n) = self.weekday_name(k)?;
        if !after_preposition {
            let after_the = k > 0 && self.is(k - 1, "the");
            let before_name = self.word(n).is_some_and(|w| w.is_capitalised() && self.month_name(n).is_none());
            if after_the || before_name {
                return None;
            }
        }
        // A date right after the weekday says which one.
        let date_at = if self.word(n).is_some_and(|w| w.is_punct(',')) { n + 1 } else { n };
        if let Some(m) = self.month_first_date(date_at, false).or_else(|| self.day_first_date(date_at)) {
            return Some(m);
        }
        if self.word(n).is_some_and(|w| w.is_any(&["night", "morning", "afternoon", "evening"])) {
            n += 1;
        }
        let date = if self.future { weekday_after(self.published, day) } else { weekday_on_or_before(self.published, day) };
        found(date, Precision::Day, n)
    }

    /// "last week", "next month", "this year", "the past week", "last Thursday",
    /// "last March", "last night", "this morning", "last weekend".
    fn relative_period(&self, k: usize) -> Option<Match> {
        let mut k = k;
        if self.is(k, "the") && self.is(k + 1, "past") {
            k += 1;
        }
        let w = self.word(k)?;
        let direction: i64 = match w.lower.as_str() {
            "last" | "past" => 1,
            "this" => 0,
            "next" | "coming" => -1,
            _ => return None,
        };
        let p = self.published;
        let target = self.word(k + 1)?;
        let n = k + 2;
        if let Some(unit) = lexicon::unit(&target.lower) {
            if target.lower.ends_with('s') {
                return None; // "last days", "next years"
            }
            return match unit {
                Unit::Day => None,
                Unit::Week => found(days_shift(p, 7 * direction), Precision::Week, n),
                Unit::Month => found(month_shift(p, direction), Precision::Month, n),
                Unit::Year => found(first_of_year(p.year() - direction as i32), Precision::Year, n),
            };
        }
        if w.is("past") {
            return None;
        }
        if let Some((day, next)) = self.weekday_name(k + 1) {
            let date = match direction {
                1 => weekday_before(p, day),
                0 => weekday_in_week(p, day),
                _ => weekday_after(p, day),
            };
            return found(date, Precision::Day, next);
        }
        if let Some((month, next)) = self.month_name(k + 1) {
            let year = match direction {
                1 if month < p.month() => p.year(),
                1 => p.year() - 1,
                0 => p.year(),
                _ if month > p.month() => p.year(),
                _ => p.year() + 1,
            };
            return found(first_of_month(year, month), Precision::Month, next);
        }
        match (direction, target.lower.as_str()) {
            (1, "night") => found(days_shift(p, 1), Precision::Day, n),
            (0, "morning" | "afternoon" | "evening") => found(Some(p), Precision::Day, n),
            (1, "weekend") => found(weekday_before(p, Weekday::Sat), Precision::Week, n),
            (0, "weekend") => found(weekday_in_week(p, Weekday::Sat), Precision::Week, n),
            (-1, "weekend") => found(weekday_after(p, Weekday::Sat), Precision::Week, n),
            _ => None,
        }
    }

    /// "today", "tonight", "yesterday", "tomorrow".
    fn single_word(&self, k: usize) -> Option<Match> {
        let p = self.published;
        match self.word(k)?.lower.as_str() {
            "today" | "tonight" => found(Some(p), Precision::Day, k + 1),
            "yesterday" => found(days_shift(p, 1), Precision::Day, k + 1),
            "tomorrow" => found(days_shift(p, -1), Precision::Day, k + 1),
            _ => None,
        }
    }

    /// "the day before yesterday", "the day before", "the previous day", "a day earlier".
    fn day_before(&self, k: usize) -> Option<Match> {
        let p = self.published;
        let w = |x: usize| self.word(k + x).map_or("", |w| w.lower.as_str());
        match (w(0), w(1), w(2), w(3)) {
            ("the", "day", "before", "yesterday") => found(days_shift(p, 2), Precision::Day, k + 4),
            ("the", "day" | "night", "before", _) => found(days_shift(p, 1), Precision::Day, k + 3),
            ("the", "previous", "day" | "night", _) => found(days_shift(p, 1), Precision::Day, k + 3),
            ("the" | "a", "day", "earlier", _) => found(days_shift(p, 1), Precision::Day, k + 3),
            _ => None,
        }
    }

    /// "two days ago", "a week ago", "3 months ago", "five years ago".
    fn ago(&self, k: usize) -> Option<Match> {
        let count = i64::from(lexicon::count(&self.word(k)?.lower)?);
        let unit = lexicon::unit(&self.word(k + 1)?.lower)?;
        if !self.is(k + 2, "ago") {
            return None;
        }
        let p = self.published;
        let n = k + 3;
        match unit {
            Unit::Day => found(days_shift(p, count), Precision::Day, n),
            Unit::Week => found(days_shift(p, 7 * count), Precision::Week, n),
            Unit::Month => found(month_shift(p, count), Precision::Month, n),
            Unit::Year => found(i32::try_from(count).ok().and_then(|c| first_of_year(p.year() - c)), Precision::Year, n),
        }
    }

    /// "(in) 2015".
    fn year_alone(&self, k: usize) -> Option<Match> {
        let year = self.word(k)?.year()?;
        found(first_of_year(year), Precision::Year, k + 1)
    }
}
