//! Notice periods from an organisation's statutes. A decision to leave
//! "from 1 January 2012" only works if the notice reached the organisation
//! in time: UCLG's constitution (art. 16) asks for at least six months'
//! written notice, so the notice had to arrive by 1 July 2011. This module
//! says by when notice must arrive for a planned end, and the earliest end a
//! notice sent on a given day can reach.

use crate::Lang;
use chrono::{Datelike, Days, Months, NaiveDate};
use serde::{Deserialize, Serialize};

/// How long a notice period is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "unit", content = "length")]
pub enum Period {
    Months(u32),
    Days(u32),
}

/// An organisation's rule for leaving it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct NoticeRule {
    pub period: Period,
    /// The notice must be in writing (a letter or e-mail kept as evidence).
    pub written: bool,
    /// A membership can only end when a fiscal year ends; the number is the
    /// month (1–12) in which the fiscal year starts, e.g. 1 for calendar years.
    pub fiscal_year_starts: Option<u32>,
    /// The day the statutes gave this rule; None: as far as known, always.
    #[serde(default)]
    pub valid_from: Option<NaiveDate>,
}

/// The rule of `organisation` in force on `day` among its rules over time:
/// the one that took effect last on or before that day.
pub fn in_force<'a>(
    rules: &'a [(String, NoticeRule)],
    organisation: &str,
    day: NaiveDate,
) -> Option<&'a NoticeRule> {
    rules
        .iter()
        .filter(|(o, r)| o == organisation && r.valid_from.is_none_or(|f| f <= day))
        .map(|(_, r)| r)
        .max_by_key(|r| r.valid_from)
}

impl NoticeRule {
    pub fn months(n: u32) -> NoticeRule {
        NoticeRule {
            period: Period::Months(n),
            written: true,
            fiscal_year_starts: None,
            valid_from: None,
        }
    }

    /// The last day notice may reach the organisation for membership to end
    /// on `end` (the first day the city is no longer a member).
    pub fn notice_by(&self, end: NaiveDate) -> NaiveDate {
        match self.period {
            Period::Months(n) => end.checked_sub_months(Months::new(n)).unwrap_or(end),
            Period::Days(n) => end.checked_sub_days(Days::new(u64::from(n))).unwrap_or(end),
        }
    }

    /// Whether the membership may end on `end` at all (fiscal-year rule).
    pub fn allowed_end(&self, end: NaiveDate) -> bool {
        match self.fiscal_year_starts {
            Some(m) => end.day() == 1 && end.month() == m.clamp(1, 12),
            None => true,
        }
    }

    /// The earliest end reachable with notice given on `sent`.
    pub fn earliest_end(&self, sent: NaiveDate) -> NaiveDate {
        let after_period = match self.period {
            Period::Months(n) => sent.checked_add_months(Months::new(n)).unwrap_or(sent),
            Period::Days(n) => sent
                .checked_add_days(Days::new(u64::from(n)))
                .unwrap_or(sent),
        };
        match self.fiscal_year_starts {
            None => after_period,
            Some(m) => {
                let m = m.clamp(1, 12);
                let this_year =
                    NaiveDate::from_ymd_opt(after_period.year(), m, 1).unwrap_or(after_period);
                if this_year >= after_period {
                    this_year
                } else {
                    NaiveDate::from_ymd_opt(after_period.year() + 1, m, 1).unwrap_or(after_period)
                }
            }
        }
    }
}

/// The outcome of checking a planned end against the statutes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NoticeCheck {
    /// The notice must reach the organisation by this day.
    pub notice_by: NaiveDate,
    /// Set when the plan is too late (or not allowed): the earliest end that still works.
    pub earliest_end: Option<NaiveDate>,
}

impl NoticeCheck {
    pub fn too_late(&self) -> bool {
        self.earliest_end.is_some()
    }
}

/// Checks a planned `end` when notice can be sent no earlier than `sent`
/// (the decision day, or the day the notice actually went out).
pub fn check(rule: &NoticeRule, end: NaiveDate, sent: NaiveDate) -> NoticeCheck {
    let notice_by = rule.notice_by(end);
    let ok = sent <= notice_by && rule.allowed_end(end);
    NoticeCheck {
        notice_by,
        earliest_end: (!ok).then(|| {
            rule.earliest_end(sent)
                .max(if rule.allowed_end(end) { end } else { sent })
        }),
    }
}

/// The warning shown on a decision or action, in Swedish or English.
pub fn warning(
    organisation: &str,
    rule: &NoticeRule,
    c: &NoticeCheck,
    end: NaiveDate,
    lang: Lang,
) -> Option<String> {
    let earliest = c.earliest_end?;
    let written = match (rule.written, lang) {
        (true, Lang::En) => "written ",
        (true, _) => "skriftlig ",
        _ => "",
    };
    Some(if lang.is_en() {
        format!(
            "{organisation}: {written}notice must reach the organisation by {} for the membership to end on {end}; the earliest possible end is {earliest}.",
            c.notice_by
        )
    } else {
        format!(
            "{organisation}: {written}uppsägning måste nå organisationen senast {} för att medlemskapet ska upphöra {end}; tidigast möjliga slutdatum är {earliest}.",
            c.notice_by
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn the_uclg_decision_came_too_late_for_new_year() {
        // UCLG constitution art. 16: at least six months' written notice.
        let rule = NoticeRule::months(6);
        let c = check(&rule, d(2012, 1, 1), d(2011, 9, 21));
        assert_eq!(c.notice_by, d(2011, 7, 1));
        assert_eq!(c.earliest_end, Some(d(2012, 3, 21)));
        let w = warning("UCLG", &rule, &c, d(2012, 1, 1), Lang::En).unwrap();
        assert!(
            w.contains("by 2011-07-01") && w.contains("2012-03-21"),
            "{w}"
        );
        assert!(
            check(&rule, d(2012, 1, 1), d(2011, 7, 1))
                .earliest_end
                .is_none()
        );
    }

    #[test]
    fn the_rule_in_force_on_the_decision_day_applies() {
        let since = |m: u32, from: Option<NaiveDate>| NoticeRule {
            valid_from: from,
            ..NoticeRule::months(m)
        };
        let rules = vec![
            ("UCLG".to_owned(), since(6, None)),
            ("UCLG".to_owned(), since(3, Some(d(2015, 1, 1)))),
            ("UCLG".to_owned(), since(12, Some(d(2020, 6, 1)))),
            ("C40".to_owned(), since(1, Some(d(2012, 1, 1)))),
        ];
        let months = |o: &str, day| in_force(&rules, o, day).map(|r| r.period);
        assert_eq!(months("UCLG", d(2011, 9, 21)), Some(Period::Months(6)));
        assert_eq!(months("UCLG", d(2015, 1, 1)), Some(Period::Months(3)));
        assert_eq!(months("UCLG", d(2026, 1, 1)), Some(Period::Months(12)));
        // Before its only rule took effect, nothing is known.
        assert_eq!(months("C40", d(2011, 9, 21)), None);
        assert_eq!(months("Metropolis", d(2011, 9, 21)), None);
    }

    #[test]
    fn month_ends_and_leap_years_clamp_to_the_last_day() {
        let rule = NoticeRule::months(6);
        assert_eq!(rule.notice_by(d(2012, 8, 31)), d(2012, 2, 29));
        assert_eq!(rule.notice_by(d(2013, 8, 31)), d(2013, 2, 28));
        assert_eq!(rule.earliest_end(d(2011, 8, 31)), d(2012, 2, 29));
        assert_eq!(
            NoticeRule::months(1).notice_by(d(2024, 3, 31)),
            d(2024, 2, 29)
        );
    }

    #[test]
    fn a_period_in_days_counts_days() {
        let rule = NoticeRule {
            period: Period::Days(90),
            written: false,
            fiscal_year_starts: None,
            valid_from: None,
        };
        assert_eq!(rule.notice_by(d(2012, 1, 1)), d(2011, 10, 3));
        assert_eq!(rule.notice_by(d(2024, 3, 30)), d(2023, 12, 31));
    }

    #[test]
    fn a_fiscal_year_rule_moves_the_end_to_the_next_year_start() {
        let rule = NoticeRule {
            period: Period::Months(3),
            written: true,
            fiscal_year_starts: Some(1),
            valid_from: None,
        };
        assert_eq!(rule.earliest_end(d(2011, 9, 21)), d(2012, 1, 1));
        assert_eq!(rule.earliest_end(d(2011, 10, 2)), d(2013, 1, 1));
        let c = check(&rule, d(2012, 6, 1), d(2011, 1, 1));
        assert!(c.too_late(), "mid-year is not an allowed end");
        assert_eq!(c.earliest_end, Some(d(2012, 1, 1)));
    }

    proptest! {
        #[test]
        fn notice_sent_on_the_deadline_is_always_in_time(
            y in 1990i32..2100, m in 1u32..13, day in 1u32..29, months in 0u32..25,
        ) {
            let rule = NoticeRule::months(months);
            let end = d(y, m, day);
            let by = rule.notice_by(end);
            prop_assert!(!check(&rule, end, by).too_late());
            let late = check(&rule, end, by.succ_opt().unwrap());
            prop_assert!(late.too_late());
            prop_assert!(late.earliest_end.unwrap() >= end);
        }
    }
}
