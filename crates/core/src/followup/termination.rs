//! What ending a membership takes after the decision: for an organisation
//! whose statutes are known, a written notice sent by the last day the
//! notice period allows and a confirmation that it arrived; for one whose
//! statutes are not, a check of the statutes first (Metropolis in 2011).
//! And what the city still owes for the part of the fee year it stays.

use super::ActionKind;
use super::notice::NoticeRule;
use crate::Lang;
use chrono::{Datelike, Days, NaiveDate};

/// Days after the notice's last day by which its receipt should be
/// confirmed; and, for an unknown rule, days after the decision by which
/// the statutes should be checked. Our choice: two weeks each.
pub const FOLLOW_UP_DAYS: u64 = 14;

/// One step towards ending a membership, as an action to store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Step {
    pub kind: ActionKind,
    pub organisation: String,
    pub title: String,
    pub due: NaiveDate,
}

/// The steps to end the membership of `organisation` on `end`, decided on
/// `decided`. The notice period counts from the day the notice is sent, so
/// the notice is due on the last day that still reaches `end`.
pub fn steps(
    organisation: &str,
    rule: Option<&NoticeRule>,
    end: NaiveDate,
    decided: NaiveDate,
    lang: Lang,
) -> Vec<Step> {
    let en = lang.is_en();
    let step = |kind, title: String, due| Step {
        kind,
        organisation: organisation.to_owned(),
        title,
        due,
    };
    let Some(rule) = rule else {
        let due = decided + Days::new(FOLLOW_UP_DAYS);
        return vec![step(
            ActionKind::CheckStatutes,
            if en {
                format!("Check {organisation}'s statutes: notice period and form of notice")
            } else {
                format!("Kontrollera stadgarna för {organisation}: uppsägningstid och form")
            },
            due,
        )];
    };
    let by = rule.notice_by(end);
    let written = match (rule.written, en) {
        (true, true) => "written ",
        (true, false) => "skriftlig ",
        _ => "",
    };
    vec![
        step(
            ActionKind::SendNotice,
            if en {
                format!("Send {written}notice to {organisation} by {by} (membership ends {end})")
            } else {
                format!(
                    "Skicka {written}uppsägning till {organisation} senast {by} (medlemskapet upphör {end})"
                )
            },
            by,
        ),
        step(
            ActionKind::ConfirmReceipt,
            if en {
                format!("Confirm that {organisation} has received the notice")
            } else {
                format!("Bekräfta att {organisation} har tagit emot uppsägningen")
            },
            by + Days::new(FOLLOW_UP_DAYS),
        ),
    ]
}

/// The fee still owed for the fee year in which the membership ends on
/// `end` (the first day it is over): one twelfth of the annual fee for each
/// month of that calendar year before `end`, a begun month counted whole.
/// Fees are yearly and by calendar year unless the statutes say otherwise;
/// an end on 1 January owes nothing for the new year.
pub fn dues_until(annual_minor: i64, end: NaiveDate) -> i64 {
    let months = i64::from(end.month0()) + i64::from(end.day() > 1);
    annual_minor.max(0) * months / 12
}

/// "UCLG: 8 150.00 EUR att betala …": what is owed for leaving `organisation`
/// on `end`, with the annual fee it is counted from.
pub fn dues_note(
    organisation: &str,
    annual_minor: i64,
    currency: &str,
    end: NaiveDate,
    lang: Lang,
) -> String {
    let owed = crate::fees::format_minor(dues_until(annual_minor, end));
    let annual = crate::fees::format_minor(annual_minor);
    if lang.is_en() {
        format!(
            "{organisation}: {owed} {currency} owed for the fee year until {end} (annual fee {annual} {currency}, begun months counted whole)."
        )
    } else {
        format!(
            "{organisation}: {owed} {currency} att betala för avgiftsåret fram till {end} (årsavgift {annual} {currency}, påbörjad månad räknas hel)."
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn a_known_rule_gives_a_notice_due_by_its_last_day_and_a_receipt() {
        let uclg = NoticeRule::months(6);
        let s = steps("UCLG", Some(&uclg), d(2012, 1, 1), d(2011, 9, 21), Lang::Sv);
        assert_eq!(s.len(), 2);
        assert_eq!(s[0].kind, ActionKind::SendNotice);
        assert_eq!(s[0].due, d(2011, 7, 1));
        assert_eq!(
            s[0].title,
            "Skicka skriftlig uppsägning till UCLG senast 2011-07-01 (medlemskapet upphör 2012-01-01)"
        );
        assert_eq!(s[1].kind, ActionKind::ConfirmReceipt);
        assert_eq!(s[1].due, d(2011, 7, 15));
    }

    #[test]
    fn an_unknown_rule_asks_for_the_statutes() {
        let s = steps("Metropolis", None, d(2012, 1, 1), d(2011, 9, 21), Lang::En);
        assert_eq!(s.len(), 1);
        assert_eq!(s[0].kind, ActionKind::CheckStatutes);
        assert_eq!(s[0].due, d(2011, 10, 5));
        assert!(s[0].title.starts_with("Check Metropolis's statutes"));
    }

    #[test]
    fn dues_are_the_begun_months_of_the_last_fee_year() {
        assert_eq!(dues_until(1_630_000, d(2012, 1, 1)), 0);
        assert_eq!(dues_until(1_200_000, d(2012, 7, 1)), 600_000);
        assert_eq!(dues_until(1_200_000, d(2012, 7, 2)), 700_000);
        assert_eq!(dues_until(1_200_000, d(2012, 12, 31)), 1_200_000);
        assert_eq!(dues_until(-5, d(2012, 12, 31)), 0);
    }

    proptest! {
        #[test]
        fn dues_never_exceed_the_annual_fee_and_grow_with_the_end(
            fee in 0i64..1_000_000_000,
            day in 0u64..365,
        ) {
            let end = d(2013, 1, 1) + Days::new(day);
            let owed = dues_until(fee, end);
            prop_assert!((0..=fee).contains(&owed));
            prop_assert!(owed <= dues_until(fee, end + Days::new(1)) || end.month() == 12 && end.day() == 31);
        }
    }
}
