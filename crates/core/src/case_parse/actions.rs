//! What the decision points order: leave, join, resign board seats,
//! commission, notify, evaluate; the organisations concerned and the dates.
//!
//! A date counts as an effective date after "från och med", "with effect
//! from" and the like, and as a deadline after "senast", "by", "inför …",
//! "ahead of …". A date with no such word is an effective date for leaving
//! or joining and a deadline for anything else. When a point orders several
//! things, each date goes to the order written nearest before it.

use super::orgs::Matcher;
use super::words::{find_phrase, lower};
use super::{Action, ActionKind, Point, dates};
use chrono::NaiveDate;

use ActionKind::{Commission, Evaluate, Join, Notify, ResignBoardSeats, TerminateMembership};

const KINDS: &[(ActionKind, &[&str])] = &[
    (
        ResignBoardSeats,
        &[
            "avsäger sig styrelse*",
            "avsäga sig styrelse*",
            "avsägs styrelse*",
            "lämnar styrelse*",
            "lämna styrelse*",
            "avgår ur styrelse*",
            "återkandiderar inte",
            "inte återkandidera*",
            "resign*",
            "relinquish*",
            "step down",
            "steps down",
            "stand down",
            "stands down",
        ],
    ),
    (
        TerminateMembership,
        &[
            "sägs upp",
            "säga upp",
            "säger upp",
            "sägas upp",
            "uppsägning*",
            "avslutas",
            "avsluta",
            "avslutar",
            "träder ur",
            "träda ur",
            "utträder",
            "utträda",
            "utträde*",
            "avsäger sig medlemskap*",
            "avsäga sig medlemskap*",
            "frånträder",
            "upphör",
            "terminat*",
            "withdraw from",
            "withdraws from",
            "withdrawal from",
            "withdraw its membership",
            "withdraws its membership",
            "leave",
            "leaves",
            "cancel*",
            "end its membership",
            "ends its membership",
            "discontinue*",
            "give notice",
            "gives notice",
        ],
    ),
    (
        Join,
        &[
            "ansöker om medlemskap",
            "ansöka om medlemskap",
            "går med i",
            "gå med i",
            "ansluter sig",
            "ansluta sig",
            "blir medlem",
            "bli medlem",
            "inträder",
            "inträda",
            "join",
            "joins",
            "apply for membership",
            "applies for membership",
            "apply to join",
            "applies to join",
            "become a member",
            "becomes a member",
        ],
    ),
    (
        Commission,
        &[
            "får i uppdrag",
            "ges i uppdrag",
            "uppdras",
            "uppdrar åt",
            "uppdrar till",
            "is instructed",
            "are instructed",
            "is commissioned",
            "are commissioned",
            "is asked to",
            "are asked to",
            "is tasked",
            "are tasked",
            "is requested to",
            "are requested to",
            "is mandated",
            "instructs",
            "commissions",
        ],
    ),
    (
        Notify,
        &[
            "underrättas",
            "underrätta",
            "underrättar",
            "meddelas",
            "meddela",
            "informeras",
            "informera",
            "notify",
            "notifies",
            "notified",
            "inform",
            "informs",
            "informed",
        ],
    ),
    (Evaluate, &["utvärdera*", "utvärdering*", "evaluat*"]),
];

const EFFECTIVE: &[&str] = &[
    "från och med",
    "fr.o.m.",
    "fr o m",
    "med verkan från",
    "gäller från",
    "från",
    "per",
    "with effect from",
    "effective from",
    "effective",
    "as of",
    "as from",
    "starting",
    "from",
];
const DEADLINE: &[&str] = &[
    "senast",
    "före",
    "innan",
    "no later than",
    "not later than",
    "by",
    "before",
    "prior to",
];
/// Lead-ins that may stand several words before their date: "inför Metropolis världskongress … den 23-26 november".
const AHEAD: &[&str] = &["inför", "ahead of", "in time for", "in advance of"];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Effective,
    Deadline,
    Unsaid,
}

/// The role the words just before a date give it.
fn role(before: &str) -> Role {
    let b = before.trim_end();
    let b = b
        .strip_suffix(" den")
        .or_else(|| b.strip_suffix(" the"))
        .unwrap_or(b)
        .trim_end();
    let ends = |w: &str| b.ends_with(w) && ends_at_word(b, w);
    if EFFECTIVE.iter().any(|w| ends(w)) {
        return Role::Effective;
    }
    if DEADLINE.iter().any(|w| ends(w)) {
        return Role::Deadline;
    }
    // "inför …" within the same clause, a dozen words back at most.
    let clause = b.rsplit(['.', ';', ':']).next().unwrap_or(b);
    let recent: Vec<&str> = clause.split_whitespace().rev().take(12).collect();
    let recent: Vec<&str> = recent.into_iter().rev().collect();
    let recent = recent.join(" ");
    if AHEAD.iter().any(|w| find_phrase(&recent, w).is_some()) {
        return Role::Deadline;
    }
    Role::Unsaid
}

fn ends_at_word(b: &str, w: &str) -> bool {
    let start = b.len() - w.len();
    start == 0
        || b.get(..start)
            .and_then(|s| s.chars().next_back())
            .is_some_and(|c| !c.is_alphanumeric())
}

/// The orders in one point, with where each is written.
fn kinds_in(lowered: &str) -> Vec<(usize, ActionKind)> {
    let mut found: Vec<(usize, ActionKind)> = KINDS
        .iter()
        .filter_map(|(kind, phrases)| {
            phrases
                .iter()
                .filter_map(|p| find_phrase(lowered, p))
                .min()
                .map(|at| (at, *kind))
        })
        .collect();
    // "resign from membership" leaves the organisation; no seat is named.
    if let Some(pos) = found.iter().position(|(_, k)| *k == ResignBoardSeats) {
        let seats = ["styrelse", "seat", "board", "post", "bureau", "council"]
            .iter()
            .any(|w| lowered.contains(w));
        if !seats {
            let (at, _) = found.remove(pos);
            if !found.iter().any(|(_, k)| *k == TerminateMembership) {
                found.push((at, TerminateMembership));
            }
        }
    }
    found.sort_by_key(|(at, _)| *at);
    found
}

/// The actions the decision points order, in point order.
pub(crate) fn read(
    points: &[Point],
    orgs: &mut Matcher,
    context: Option<NaiveDate>,
) -> Vec<Action> {
    let mut out = Vec::new();
    for point in points {
        let lowered = lower(&point.text);
        let kinds = kinds_in(&lowered);
        if kinds.is_empty() {
            continue;
        }
        let organisations = orgs.canonicals_in(&point.text);
        let mut actions: Vec<Action> = kinds
            .iter()
            .map(|(_, kind)| Action {
                kind: *kind,
                organisations: organisations.clone(),
                effective: None,
                deadline: None,
                point: point.number,
            })
            .collect();
        let mut found: Vec<(usize, Option<NaiveDate>, Role)> = dates::find(&point.text)
            .into_iter()
            .map(|f| {
                (
                    f.start,
                    f.date(context),
                    role(lowered.get(..f.start).unwrap_or("")),
                )
            })
            .collect();
        if let Some((at, d)) = dates::turn_of_year(&lowered) {
            found.push((at, Some(d), Role::Effective));
        }
        for (at, date, role) in found {
            let Some(date) = date else {
                continue;
            };
            // The order written last before the date, or else the first one.
            let k = kinds.iter().rposition(|(kat, _)| *kat <= at).unwrap_or(0);
            let Some(action) = actions.get_mut(k) else {
                continue;
            };
            let leaves_or_joins = matches!(action.kind, TerminateMembership | Join);
            let slot = match role {
                Role::Effective => &mut action.effective,
                Role::Deadline => &mut action.deadline,
                Role::Unsaid if leaves_or_joins => &mut action.effective,
                Role::Unsaid => &mut action.deadline,
            };
            if slot.is_none() {
                *slot = Some(date);
            }
        }
        // A commission is the frame of the work it orders: "får i uppdrag att
        // utvärdera … och återkomma senast …" gives the commission its deadline.
        let first_deadline = actions.iter().find_map(|a| a.deadline);
        for a in actions
            .iter_mut()
            .filter(|a| a.kind == Commission && a.deadline.is_none())
        {
            a.deadline = first_deadline;
        }
        out.extend(actions);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::case_parse::catalogue_names;

    fn d(y: i32, m: u32, day: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, day)
    }

    fn actions(text: &str) -> Vec<Action> {
        let mut m = Matcher::new(&catalogue_names());
        let p = Point {
            number: 2,
            label: "2.".into(),
            text: text.into(),
        };
        read(&[p], &mut m, d(2011, 9, 8))
    }

    #[test]
    fn reference_points() {
        let a = actions(
            "Staden avsäger sig styrelseposterna i Metropolis och UCLG inför Metropolis världskongress i Porto Alegre, Brasilien, den 23-26 november 2011.",
        );
        assert_eq!(a.len(), 1);
        assert_eq!(a[0].kind, ResignBoardSeats);
        assert_eq!(a[0].organisations, ["Metropolis", "UCLG"]);
        assert_eq!((a[0].effective, a[0].deadline), (None, d(2011, 11, 23)));
        let a = actions(
            "Stadens medlemskap i Metropolis och UCLG sägs upp från och med den 1 januari 2012.",
        );
        assert_eq!(a[0].kind, TerminateMembership);
        assert_eq!((a[0].effective, a[0].deadline), (d(2012, 1, 1), None));
        let a =
            actions("Stadsledningskontoret får i uppdrag att se över engagemanget i EUROCITIES.");
        assert_eq!(a[0].kind, Commission);
        assert_eq!(a[0].organisations, ["EUROCITIES"]);
    }

    #[test]
    fn several_orders_in_one_point() {
        let a = actions(
            "The Director is instructed to notify Energy Cities by 30 September 2020 and to evaluate ICLEI before 1 March 2021.",
        );
        let kinds: Vec<ActionKind> = a.iter().map(|x| x.kind).collect();
        assert_eq!(kinds, [Commission, Notify, Evaluate]);
        assert_eq!(a[1].deadline, d(2020, 9, 30));
        assert_eq!(a[2].deadline, d(2021, 3, 1));
        assert_eq!(a[0].organisations, ["Energy Cities", "ICLEI"]);
    }

    #[test]
    fn english_and_unsaid_dates() {
        let a = actions("The city withdraws from Energy Cities with effect from 1 January 2021.");
        assert_eq!(
            (a[0].kind, a[0].effective),
            (TerminateMembership, d(2021, 1, 1))
        );
        let a = actions("Staden ansöker om medlemskap i ICLEI den 1 mars 2012.");
        assert_eq!((a[0].kind, a[0].effective), (Join, d(2012, 3, 1)));
        let a = actions("Staden utträder ur UBC vid årsskiftet 2011/2012.");
        assert_eq!(
            (a[0].kind, a[0].effective),
            (TerminateMembership, d(2012, 1, 1))
        );
        let a = actions("Kontoret får i uppdrag att återkomma senast den 30 juni.");
        assert_eq!(a[0].deadline, d(2012, 6, 30));
        let a = actions("The city resigns from its membership of UBC.");
        assert_eq!(a[0].kind, TerminateMembership);
    }

    #[test]
    fn nothing_ordered() {
        assert!(actions("Staden behåller sitt medlemskap i Metropolis.").is_empty());
    }
}
