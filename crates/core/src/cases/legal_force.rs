//! When a municipal decision gains legal force (laga kraft). A member of
//! the municipality may appeal within three weeks of the day the notice
//! that the minutes were approved (justerade) was put on the official
//! notice board (anslag) (kommunallagen 13 kap. 5 §). A period that would
//! end on a Saturday, a Sunday, a public holiday, Midsummer Eve, Christmas
//! Eve or New Year's Eve ends on the next weekday instead (lagen (1930:173)
//! om beräkning av lagstadgad tid). Without an appeal the decision gains
//! legal force the day after the period's last day.

use chrono::{Datelike, Days, NaiveDate, Weekday};

/// Weeks in which a decision may be appealed, from the anslag.
pub const APPEAL_WEEKS: u64 = 3;

/// Easter Sunday (anonymous Gregorian algorithm).
fn easter(year: i32) -> NaiveDate {
    let a = year % 19;
    let b = year / 100;
    let c = year % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    NaiveDate::from_ymd_opt(year, month as u32, day as u32).unwrap_or_default()
}

/// The Saturday within `from`..=`from + 6` days of (month, day).
fn saturday_from(year: i32, month: u32, day: u32) -> Option<NaiveDate> {
    let first = NaiveDate::from_ymd_opt(year, month, day)?;
    (0..7)
        .map(|n| first + Days::new(n))
        .find(|d| d.weekday() == Weekday::Sat)
}

/// Swedish public holidays (lagen (1989:253) om allmänna helgdagar) and the
/// three eves the deadline law treats like them.
pub fn is_holiday(d: NaiveDate) -> bool {
    let y = d.year();
    let fixed = [
        (1, 1),
        (1, 6),
        (5, 1),
        (6, 6),
        (12, 24),
        (12, 25),
        (12, 26),
        (12, 31),
    ];
    if fixed.contains(&(d.month(), d.day())) {
        return true;
    }
    let e = easter(y);
    let movable = [
        e - Days::new(2),  // Good Friday
        e,                 // Easter Sunday
        e + Days::new(1),  // Easter Monday
        e + Days::new(39), // Ascension Day
        e + Days::new(49), // Whit Sunday
    ];
    let midsummer_day = saturday_from(y, 6, 20);
    let eve = midsummer_day.and_then(|m| m.pred_opt());
    let all_saints = saturday_from(y, 10, 31);
    movable.contains(&d) || [midsummer_day, eve, all_saints].contains(&Some(d))
}

/// Whether a period may end on `d`: a weekday that is no holiday or eve.
pub fn is_working_day(d: NaiveDate) -> bool {
    !matches!(d.weekday(), Weekday::Sat | Weekday::Sun) && !is_holiday(d)
}

/// The last day to appeal a decision whose approval was posted on `published`.
pub fn appeal_ends(published: NaiveDate) -> NaiveDate {
    let mut last = published + Days::new(7 * APPEAL_WEEKS);
    while !is_working_day(last) {
        last = last + Days::new(1);
    }
    last
}

/// The day the decision gains legal force when nobody appeals.
pub fn legal_force_on(published: NaiveDate) -> NaiveDate {
    appeal_ends(published) + Days::new(1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn holidays_of_2011_and_2026() {
        assert_eq!(easter(2011), d(2011, 4, 24));
        assert_eq!(easter(2026), d(2026, 4, 5));
        for h in [
            d(2011, 4, 22),  // Good Friday
            d(2011, 6, 2),   // Ascension Day
            d(2011, 6, 24),  // Midsummer Eve
            d(2011, 6, 25),  // Midsummer Day
            d(2011, 11, 5),  // All Saints' Day
            d(2026, 4, 6),   // Easter Monday
            d(2026, 12, 24), // Christmas Eve
        ] {
            assert!(is_holiday(h), "{h}");
        }
        assert!(!is_holiday(d(2011, 9, 28)));
    }

    #[test]
    fn three_weeks_from_the_anslag_then_the_next_working_day() {
        // Posted Thursday 29 September 2011: the period ends Thursday 20
        // October, legal force on Friday 21 October.
        assert_eq!(appeal_ends(d(2011, 9, 29)), d(2011, 10, 20));
        assert_eq!(legal_force_on(d(2011, 9, 29)), d(2011, 10, 21));
        // Posted Saturday 1 October: three weeks later is a Saturday, so
        // the period runs to Monday 24 October.
        assert_eq!(appeal_ends(d(2011, 10, 1)), d(2011, 10, 24));
        // Posted 3 December 2026: 24 December is Christmas Eve; 25, 26 and
        // 27 are holidays or a Sunday, so the last day is Monday 28 December.
        assert_eq!(appeal_ends(d(2026, 12, 3)), d(2026, 12, 28));
    }

    proptest! {
        #[test]
        fn the_period_is_at_least_three_weeks_and_ends_on_a_working_day(day in 0u64..3650) {
            let posted = d(2020, 1, 1) + Days::new(day);
            let last = appeal_ends(posted);
            prop_assert!(last >= posted + Days::new(21));
            prop_assert!(last <= posted + Days::new(21 + 5));
            prop_assert!(is_working_day(last));
        }
    }
}
