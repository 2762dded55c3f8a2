//! Date arithmetic the rules need. All functions return `None` instead of overflowing.

use chrono::{Datelike, Days, Months, NaiveDate, Weekday};

/// The most recent `day` on or before `from` (`from` itself if it is that day).
pub fn weekday_on_or_before(from: NaiveDate, day: Weekday) -> Option<NaiveDate> {
    let back = (7 + from.weekday().num_days_from_monday() - day.num_days_from_monday()) % 7;
    from.checked_sub_days(Days::new(back.into()))
}

/// The most recent `day` strictly before `from`.
pub fn weekday_before(from: NaiveDate, day: Weekday) -> Option<NaiveDate> {
    weekday_on_or_before(from.pred_opt()?, day)
}

/// The first `day` strictly after `from`.
pub fn weekday_after(from: NaiveDate, day: Weekday) -> Option<NaiveDate> {
    let ahead = (7 + day.num_days_from_monday() - from.weekday().num_days_from_monday()) % 7;
    from.checked_add_days(Days::new(if ahead == 0 { 7 } else { ahead.into() }))
}

/// `day` in the Monday-to-Sunday week of `from`.
pub fn weekday_in_week(from: NaiveDate, day: Weekday) -> Option<NaiveDate> {
    let monday = from.checked_sub_days(Days::new(from.weekday().num_days_from_monday().into()))?;
    monday.checked_add_days(Days::new(day.num_days_from_monday().into()))
}

pub fn first_of_month(year: i32, month: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(year, month, 1)
}

pub fn first_of_year(year: i32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(year, 1, 1)
}

/// The first of the month `months` months before (negative: after) the month of `from`.
pub fn month_shift(from: NaiveDate, months: i64) -> Option<NaiveDate> {
    let first = first_of_month(from.year(), from.month())?;
    let n = Months::new(u32::try_from(months.unsigned_abs()).ok()?);
    if months >= 0 {
        first.checked_sub_months(n)
    } else {
        first.checked_add_months(n)
    }
}

pub fn days_shift(from: NaiveDate, days: i64) -> Option<NaiveDate> {
    let n = Days::new(days.unsigned_abs());
    if days >= 0 {
        from.checked_sub_days(n)
    } else {
        from.checked_add_days(n)
    }
}

/// `month`/`day` in the year that puts it on or before `published` (past) or on or after it
/// (future), trying the publication year first.
pub fn month_day_near(published: NaiveDate, month: u32, day: u32, future: bool) -> Option<NaiveDate> {
    let this_year = NaiveDate::from_ymd_opt(published.year(), month, day);
    match (this_year, future) {
        (Some(d), false) if d <= published => Some(d),
        (Some(d), true) if d >= published => Some(d),
        _ => {
            let year = if future { published.year() + 1 } else { published.year() - 1 };
            NaiveDate::from_ymd_opt(year, month, day)
        }
    }
}

/// The first of `month` in the year that makes it not after (past) or not before (future)
/// the publication month.
pub fn month_near(published: NaiveDate, month: u32, future: bool) -> Option<NaiveDate> {
    let year = match (future, month.cmp(&published.month())) {
        (false, std::cmp::Ordering::Greater) => published.year() - 1,
        (true, std::cmp::Ordering::Less) => published.year() + 1,
        _ => published.year(),
    };
    first_of_month(year, month)
}
