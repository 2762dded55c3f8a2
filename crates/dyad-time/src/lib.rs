//! Relative and absolute dates in a news sentence, resolved against the publication date:
//! "on Thursday", "yesterday", "last week", "earlier this month", "In January",
//! "on March 5", "March 5, 2018", "5 March", "in 2015", "two days ago", "2018-03-20".
//!
//! Conventions (news style):
//! * A bare weekday ("on Thursday") is the most recent such day on or before publication
//!   (the publication day itself counts): reports are about the past week. When a future cue
//!   ("will", "shall", "'ll", "scheduled", "upcoming", "plans", "expected") comes before it,
//!   with no reporting verb ("said", "told", ...) in between, it is the next such day after
//!   publication. "last Thursday" is strictly before, "next Thursday" strictly after,
//!   "this Thursday" is in the publication's Monday–Sunday week.
//! * A month without a year ("In January") is the most recent such month not after the
//!   publication month (the next one not before it when future); a month and day ("on March 5")
//!   likewise the most recent such date on or before publication (next on or after when future).
//! * Month names must be capitalised ("May" the month, not "may" the verb) and a bare month
//!   needs a preposition ("in", "since", "during", ...) or "early"/"mid"/"late" before it;
//!   a bare year needs a preposition ("in 2015"), so "the 1950-53 war" is no date.
//! * Month precision dates are the first of the month, year precision dates January 1st,
//!   week precision dates the day a week from publication ("last week" = publication − 7 days).
//! * "the day before" and "the previous day" are read as the day before publication: the
//!   sentence alone does not say which day they are relative to.
//!
//! Limits: [`resolve`] takes the first reference in the sentence, skipping ones introduced
//! by "since" (they date a state's start, not the event) when there is another; it does not
//! know which clause holds the main event ("Kim, who took power in 2011, met Putin on
//! Thursday" gives 2011). Numeric dates like "20/03/2018" are not read (day/month order is
//! ambiguous). Only English.

mod calendar;
mod lexicon;
mod rules;
mod words;

use chrono::NaiveDate;

/// How exact a resolved date is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Precision {
    Day,
    Week,
    Month,
    Year,
}

/// A time expression found in a sentence and the date it stands for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TimeRef {
    pub date: NaiveDate,
    pub precision: Precision,
    /// Byte offsets `[start, end)` of the expression in the sentence.
    pub span: (usize, usize),
    /// The expression as written ("on Thursday", "earlier this month").
    pub text: String,
}

/// The time reference that dates the sentence's event: the first one found, preferring
/// any other over a "since ..." reference.
pub fn resolve(sentence: &str, published: NaiveDate) -> Option<TimeRef> {
    let all = resolve_all(sentence, published);
    let first_not_since = all.iter().position(|r| !r.text.to_lowercase().starts_with("since"));
    let index = first_not_since.unwrap_or(0);
    all.into_iter().nth(index)
}

/// Every time reference in the sentence, in order, not overlapping.
pub fn resolve_all(sentence: &str, published: NaiveDate) -> Vec<TimeRef> {
    let words = words::words(sentence);
    let future = rules::future_flags(&words);
    let mut out = Vec::new();
    let mut i = 0;
    while i < words.len() {
        match rules::match_at(&words, i, published, future[i]) {
            Some(m) => {
                let (start, end) = (words[i].start, words[m.next - 1].end);
                out.push(TimeRef { date: m.date, precision: m.precision, span: (start, end), text: sentence[start..end].to_string() });
                i = m.next;
            }
            None => i += 1,
        }
    }
    out
}
