//! Exact dates for each pattern. Publication date 2018-03-20 is a Tuesday (the UPI seed).

use chrono::NaiveDate;
use dyad_time::{resolve, resolve_all, Precision, TimeRef};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn published() -> NaiveDate {
    d(2018, 3, 20)
}

#[track_caller]
fn check(sentence: &str, date: NaiveDate, precision: Precision, text: &str) {
    let r = resolve(sentence, published()).unwrap_or_else(|| panic!("no date in {sentence:?}"));
    assert_eq!((r.date, r.precision, r.text.as_str()), (date, precision, text), "in {sentence:?}");
    assert_eq!(&sentence[r.span.0..r.span.1], text, "span in {sentence:?}");
}

#[track_caller]
fn none(sentence: &str) {
    assert_eq!(resolve(sentence, published()), None, "in {sentence:?}");
}

#[test]
fn weekdays_refer_to_the_past_week() {
    check("Russian media reported on Tuesday that Moscow is ready.", d(2018, 3, 20), Precision::Day, "on Tuesday");
    check("State media reported on Thursday.", d(2018, 3, 15), Precision::Day, "on Thursday");
    check("Kim met Putin on Monday.", d(2018, 3, 19), Precision::Day, "on Monday");
    check("Wednesday's attack killed five.", d(2018, 3, 14), Precision::Day, "Wednesday");
    check("Troops moved in on Sunday night.", d(2018, 3, 18), Precision::Day, "on Sunday night");
    check("The vote was held Thurs. in Seoul.", d(2018, 3, 15), Precision::Day, "Thurs.");
}

#[test]
fn weekdays_after_a_future_cue_are_ahead() {
    check("Kim will visit Moscow on Thursday.", d(2018, 3, 22), Precision::Day, "on Thursday");
    check("The talks are scheduled for Tuesday.", d(2018, 3, 27), Precision::Day, "for Tuesday");
    // The cue is before a reporting verb: the weekday dates the report.
    check("Russia will hold talks, the ministry said on Thursday.", d(2018, 3, 15), Precision::Day, "on Thursday");
    // The cue after the weekday does not count.
    check("Putin said on Thursday that Russia will continue.", d(2018, 3, 15), Precision::Day, "on Thursday");
}

#[test]
fn last_next_this() {
    check("They met last Thursday.", d(2018, 3, 15), Precision::Day, "last Thursday");
    check("They met last Tuesday.", d(2018, 3, 13), Precision::Day, "last Tuesday");
    check("They meet next Tuesday.", d(2018, 3, 27), Precision::Day, "next Tuesday");
    check("They meet this Friday.", d(2018, 3, 23), Precision::Day, "this Friday");
    check("Envoys met last week.", d(2018, 3, 13), Precision::Week, "last week");
    check("Envoys met the past week.", d(2018, 3, 13), Precision::Week, "the past week");
    check("He won re-election this week.", d(2018, 3, 20), Precision::Week, "this week");
    check("Talks resume next week.", d(2018, 3, 27), Precision::Week, "next week");
    check("Sanctions began last month.", d(2018, 2, 1), Precision::Month, "last month");
    check("Sanctions begin next month.", d(2018, 4, 1), Precision::Month, "next month");
    check("Kim visited last year.", d(2017, 1, 1), Precision::Year, "last year");
    check("Putin invited Kim to visit him in Moscow this year.", d(2018, 1, 1), Precision::Year, "this year");
    check("The envoys arrived earlier this month.", d(2018, 3, 1), Precision::Month, "earlier this month");
    check("Elections are due later this year.", d(2018, 1, 1), Precision::Year, "later this year");
    check("The deal collapsed last March.", d(2017, 3, 1), Precision::Month, "last March");
    check("The deal collapsed last January.", d(2018, 1, 1), Precision::Month, "last January");
    check("Shelling continued last night.", d(2018, 3, 19), Precision::Day, "last night");
    check("Rebels attacked last weekend.", d(2018, 3, 17), Precision::Week, "last weekend");
}

#[test]
fn deictic_words() {
    check("Kim congratulated Putin today.", d(2018, 3, 20), Precision::Day, "today");
    check("Kim congratulated Putin yesterday.", d(2018, 3, 19), Precision::Day, "yesterday");
    check("Kim will call Putin tomorrow.", d(2018, 3, 21), Precision::Day, "tomorrow");
    check("Protesters gathered the day before.", d(2018, 3, 19), Precision::Day, "the day before");
    check("Protesters gathered the day before yesterday.", d(2018, 3, 18), Precision::Day, "the day before yesterday");
    check("He had arrived the previous day.", d(2018, 3, 19), Precision::Day, "the previous day");
}

#[test]
fn ago() {
    check("The strike happened two days ago.", d(2018, 3, 18), Precision::Day, "two days ago");
    check("The strike happened 3 weeks ago.", d(2018, 2, 27), Precision::Week, "3 weeks ago");
    check("He left a month ago.", d(2018, 2, 1), Precision::Month, "a month ago");
    check("He left five years ago.", d(2013, 1, 1), Precision::Year, "five years ago");
}

#[test]
fn months_without_a_year() {
    check("In January, Putin described Kim as shrewd.", d(2018, 1, 1), Precision::Month, "In January");
    check("In March, Putin won.", d(2018, 3, 1), Precision::Month, "In March");
    // A month after the publication month is last year's.
    check("In October, Kim fired a missile.", d(2017, 10, 1), Precision::Month, "In October");
    // ... unless the event is in the future.
    check("Kim will visit in October.", d(2018, 10, 1), Precision::Month, "in October");
    check("Fighting resumed in early February.", d(2018, 2, 1), Precision::Month, "in early February");
    check("Fighting resumed in mid-February.", d(2018, 2, 1), Precision::Month, "in mid-February");
    check("The envoy arrived late last year.", d(2017, 1, 1), Precision::Year, "late last year");
}

#[test]
fn month_and_day() {
    check("SEOUL, March 20 (UPI) -- Kim congratulated Putin.", d(2018, 3, 20), Precision::Day, "March 20");
    check("They met on March 5.", d(2018, 3, 5), Precision::Day, "on March 5");
    check("They met on Dec. 28.", d(2017, 12, 28), Precision::Day, "on Dec. 28");
    check("They met on Sept. 30.", d(2017, 9, 30), Precision::Day, "on Sept. 30");
    check("They will meet on April 27.", d(2018, 4, 27), Precision::Day, "on April 27");
    check("They met on 5 March.", d(2018, 3, 5), Precision::Day, "on 5 March");
    check("They met on the 5th March.", d(2018, 3, 5), Precision::Day, "5th March");
    check("They met on Tuesday, March 13.", d(2018, 3, 13), Precision::Day, "on Tuesday, March 13");
}

#[test]
fn explicit_years() {
    check("The treaty was signed March 5, 2015 in Moscow.", d(2015, 3, 5), Precision::Day, "March 5, 2015");
    check("The treaty was signed on 5 March 2015.", d(2015, 3, 5), Precision::Day, "on 5 March 2015");
    check("The treaty was signed in March 2015.", d(2015, 3, 1), Precision::Month, "in March 2015");
    check("In 2015, the two countries declared a Year of Friendship.", d(2015, 1, 1), Precision::Year, "In 2015");
    check("The report is dated 2018-03-19.", d(2018, 3, 19), Precision::Day, "2018-03-19");
}

#[test]
fn not_dates() {
    none("Russia and North Korea's ties stretch before the 1950-53 Korean War.");
    none("He has missiles of global reach, up to 13,000 km.");
    none("Prime Minister May met Kim.");
    none("Officials may march on the capital.");
    none("The Sun reported the story.");
    none("Atticus told the Sunday Times.");
    none("The Sunday Telegraph reported it.");
    none("Bloody Sunday Remembered.");
    none("The 2015 agreement holds.");
    none("Protesters began a long march.");
    none("");
    // Invalid calendar dates are skipped, not guessed.
    none("They met on February 30.");
}

#[test]
fn since_is_passed_over_when_there_is_another_reference() {
    check("Since 2011, Kim has ruled; on Thursday he met Putin.", d(2018, 3, 15), Precision::Day, "on Thursday");
    check("Kim has ruled since 2011.", d(2011, 1, 1), Precision::Year, "since 2011");
}

#[test]
fn all_references_in_order() {
    let all = resolve_all("In January, Putin said Kim would visit on Thursday; talks begin next month.", published());
    let got: Vec<(&str, NaiveDate)> = all.iter().map(|r: &TimeRef| (r.text.as_str(), r.date)).collect();
    assert_eq!(got, [("In January", d(2018, 1, 1)), ("on Thursday", d(2018, 3, 15)), ("next month", d(2018, 4, 1))]);
}

#[test]
fn weekday_on_publication_day_and_year_boundaries() {
    // Published on a Thursday, "on Thursday" is that day.
    let thu = d(2018, 3, 15);
    assert_eq!(resolve("They met on Thursday.", thu).unwrap().date, thu);
    // Published January 3rd, "in December" is last year's, "last month" too.
    let jan = d(2019, 1, 3);
    assert_eq!(resolve("Talks began in December.", jan).unwrap().date, d(2018, 12, 1));
    assert_eq!(resolve("Talks began last month.", jan).unwrap().date, d(2018, 12, 1));
    assert_eq!(resolve("Talks began on Dec. 28.", jan).unwrap().date, d(2018, 12, 28));
    assert_eq!(resolve("Talks begin next month.", d(2018, 12, 20)).unwrap().date, d(2019, 1, 1));
}

#[test]
fn odd_input_does_not_panic() {
    for s in ["on", "in", "last", "the day", "March", "5", "2018-", "2018-03-", "on Tues", "\u{1f600} on Thursday", "İN JANUARY", "mid-"] {
        let _ = resolve_all(s, published());
    }
    // A very long "sentence" with cues everywhere stays linear.
    let long = "Kim will meet on Thursday and said ".repeat(20_000);
    assert_eq!(resolve_all(&long, published()).len(), 20_000);
    // Extreme publication dates: no overflow panic.
    let _ = resolve_all("last year, next year, 10000 days ago, next month", NaiveDate::MAX);
    let _ = resolve_all("last year, yesterday, 10000 years ago, last month", NaiveDate::MIN);
}

/// Fixed-seed random sentences built from time words: no panic, spans valid and ordered.
#[test]
fn random_sentences_give_valid_spans() {
    const PIECES: &[&str] = &[
        "on", "in", "last", "next", "this", "the", "day", "before", "yesterday", "Thursday", "Thurs", ".", ",", "-",
        "March", "Dec", "May", "5", "31", "2018", "0000", "99999", "ago", "two", "weeks", "week", "month", "year",
        "early", "mid", "since", "will", "said", "\u{1f600}", "金", "İ", "ǅ", " ", " ", " ", "'", "ll",
    ];
    let mut state: u64 = 0x2018_0320;
    let mut next = |n: usize| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state % n as u64) as usize
    };
    let dates = [published(), NaiveDate::MIN, NaiveDate::MAX, d(2000, 2, 29), d(1999, 12, 31)];
    for _ in 0..20_000 {
        let len = 1 + next(12);
        let sentence: String = (0..len).map(|_| PIECES[next(PIECES.len())]).collect::<Vec<_>>().join(if next(2) == 0 { " " } else { "" });
        let date = dates[next(dates.len())];
        let mut last_end = 0;
        for r in resolve_all(&sentence, date) {
            assert!(r.span.0 >= last_end && r.span.0 < r.span.1 && r.span.1 <= sentence.len(), "{sentence:?}: {r:?}");
            assert_eq!(&sentence[r.span.0..r.span.1], r.text, "{sentence:?}");
            last_end = r.span.1;
        }
    }
}
