//! Follow-up after a decision: the actions a decided case orders (end a
//! membership, resign seats, join, commission, notify, evaluate) with their
//! dates, the notice check against each organisation's statutes, and the
//! calendar they make. Pure: storage and delivery live outside.

use crate::Lang;
pub mod ics;
pub mod input;
pub mod intake;
pub mod notice;
pub mod representation;
pub mod termination;
pub mod travel;

use crate::codes::{Code, vocabulary};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

vocabulary!(
    #[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
    /// What an action orders; the codes match the case importer's `actions`.
    ActionKind {
        TerminateMembership = "terminate_membership",
        ResignBoardSeats = "resign_board_seats",
        Join = "join",
        Commission = "commission",
        Notify = "notify",
        Evaluate = "evaluate",
        // The steps of ending a membership (see `termination`).
        SendNotice = "send_notice",
        ConfirmReceipt = "confirm_receipt",
        CheckStatutes = "check_statutes",
    }
);

vocabulary!(
    #[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
    ActionStatus {
        Planned = "planned",
        InProgress = "in_progress",
        Done = "done",
        Cancelled = "cancelled",
    }
);

/// One action as the rules see it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Action {
    pub kind: ActionKind,
    /// Organisation labels as the register shows them, e.g. "UCLG".
    pub organisations: Vec<String>,
    /// The day it must be done by.
    pub due: Option<NaiveDate>,
    /// For memberships ended or joined: the day it takes effect.
    pub effective: Option<NaiveDate>,
    pub status: ActionStatus,
    /// When the notice letter (or other evidence) was sent.
    pub done_on: Option<NaiveDate>,
}

impl Action {
    pub fn is_open(&self) -> bool {
        matches!(
            self.status,
            ActionStatus::Planned | ActionStatus::InProgress
        )
    }

    /// Open and past its due day.
    pub fn overdue(&self, today: NaiveDate) -> bool {
        self.is_open() && self.due.is_some_and(|d| d < today)
    }

    /// The day that matters most for a calendar: the deadline, else the effective day.
    pub fn key_date(&self) -> Option<NaiveDate> {
        self.due.or(self.effective)
    }
}

/// Notice warnings for an action that ends memberships: for each
/// organisation with a known rule, whether notice sent on `sent` (the
/// decision day) or on the day the letter went out (the action's `done_on`)
/// reaches the planned end. The rule is the one in force on the decision
/// day, when an organisation's statutes changed over time.
pub fn notice_warnings(
    a: &Action,
    rules: &[(String, notice::NoticeRule)],
    sent: NaiveDate,
    lang: Lang,
) -> Vec<String> {
    let Some(end) = a
        .effective
        .filter(|_| a.kind == ActionKind::TerminateMembership)
    else {
        return Vec::new();
    };
    // The statutes as they stood on the decision day decide the rule.
    let decided = sent;
    let sent = a.done_on.unwrap_or(sent);
    a.organisations
        .iter()
        .filter_map(|o| {
            let rule = notice::in_force(rules, o, decided)?;
            let c = notice::check(rule, end, sent);
            notice::warning(o, rule, &c, end, lang)
        })
        .collect()
}

/// Said after notice warnings counted from a decision day that is only
/// illustrative (demo data), so nobody takes its dates as fact.
pub fn illustrative_basis(decided: NaiveDate, lang: Lang) -> String {
    if lang.is_en() {
        format!("Counted from the decision day {decided}, which is illustrative (demo data).")
    } else {
        format!("Räknat från beslutsdagen {decided}, som är illustrativ (demodata).")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn ending(orgs: &[&str]) -> Action {
        Action {
            kind: ActionKind::TerminateMembership,
            organisations: orgs.iter().map(|s| (*s).to_owned()).collect(),
            due: None,
            effective: Some(d(2012, 1, 1)),
            status: ActionStatus::Planned,
            done_on: None,
        }
    }

    #[test]
    fn only_organisations_with_a_known_rule_get_a_notice_warning() {
        let rules = vec![("UCLG".to_owned(), notice::NoticeRule::months(6))];
        let w = notice_warnings(
            &ending(&["Metropolis", "UCLG"]),
            &rules,
            d(2011, 9, 21),
            Lang::Sv,
        );
        assert_eq!(w.len(), 1);
        assert!(
            w[0].starts_with(
                "UCLG: skriftlig uppsägning måste nå organisationen senast 2011-07-01"
            ),
            "{}",
            w[0]
        );
        let mut sent_early = ending(&["UCLG"]);
        sent_early.done_on = Some(d(2011, 6, 30));
        assert!(notice_warnings(&sent_early, &rules, d(2011, 9, 21), Lang::Sv).is_empty());
    }

    #[test]
    fn open_actions_past_their_day_are_overdue() {
        let mut a = ending(&["UCLG"]);
        a.kind = ActionKind::ResignBoardSeats;
        a.due = Some(d(2011, 11, 23));
        assert!(a.overdue(d(2011, 11, 24)));
        assert!(!a.overdue(d(2011, 11, 23)));
        a.status = ActionStatus::Done;
        assert!(!a.overdue(d(2012, 1, 1)));
        assert_eq!(a.key_date(), Some(d(2011, 11, 23)));
    }
}
