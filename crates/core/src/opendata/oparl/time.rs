//! Meeting times. Översyn keeps a meeting's first and last day; OParl wants
//! date-times, so a meeting runs from local midnight of its first day to
//! the last second of its last. Tenants are Nordic cities, so local time is
//! Central European Time with EU summer time (from the last Sunday of March
//! to the last Sunday of October, switching at 01:00 UTC; Directive
//! 2000/84/EC, the same dates since 1996). Earlier years and other zones are
//! not modelled: a tenant time-zone setting would replace this.

use chrono::{Datelike, Duration, NaiveDate};

fn last_sunday(year: i32, month: u32) -> NaiveDate {
    let first_next = if month == 12 {
        NaiveDate::from_ymd_opt(year + 1, 1, 1)
    } else {
        NaiveDate::from_ymd_opt(year, month + 1, 1)
    }
    .unwrap_or(NaiveDate::MAX);
    let last = first_next - Duration::days(1);
    let back = last.weekday().num_days_from_sunday();
    last - Duration::days(i64::from(back))
}

fn offset(summer: bool) -> &'static str {
    if summer { "+02:00" } else { "+01:00" }
}

/// 00:00:00 local time on `d`. At midnight of a switching day the old
/// offset still holds: the switch comes at 02:00 or 03:00 local.
pub fn day_start(d: NaiveDate) -> String {
    let (from, to) = (last_sunday(d.year(), 3), last_sunday(d.year(), 10));
    format!("{d}T00:00:00{}", offset(d > from && d <= to))
}

/// 23:59:59 local time on `d`.
pub fn day_end(d: NaiveDate) -> String {
    let (from, to) = (last_sunday(d.year(), 3), last_sunday(d.year(), 10));
    format!("{d}T23:59:59{}", offset(d >= from && d < to))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn the_switching_sundays_of_2011() {
        assert_eq!(last_sunday(2011, 3), d("2011-03-27"));
        assert_eq!(last_sunday(2011, 10), d("2011-10-30"));
        assert_eq!(last_sunday(2026, 12), d("2026-12-27"));
        assert_eq!(last_sunday(2027, 10), d("2027-10-31"));
    }

    #[test]
    fn offsets_follow_summer_time() {
        assert_eq!(day_start(d("2011-09-21")), "2011-09-21T00:00:00+02:00");
        assert_eq!(day_end(d("2011-12-01")), "2011-12-01T23:59:59+01:00");
        // Switching days: midnight has the old offset, the evening the new.
        assert_eq!(day_start(d("2011-03-27")), "2011-03-27T00:00:00+01:00");
        assert_eq!(day_end(d("2011-03-27")), "2011-03-27T23:59:59+02:00");
        assert_eq!(day_start(d("2011-10-30")), "2011-10-30T00:00:00+02:00");
        assert_eq!(day_end(d("2011-10-30")), "2011-10-30T23:59:59+01:00");
    }

    #[test]
    fn every_day_parses_as_rfc_3339() {
        let mut day = d("2010-01-01");
        while day < d("2013-01-01") {
            for s in [day_start(day), day_end(day)] {
                assert!(chrono::DateTime::parse_from_rfc3339(&s).is_ok(), "{s}");
            }
            day += Duration::days(1);
        }
    }
}
