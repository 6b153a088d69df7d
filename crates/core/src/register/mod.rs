//! The register's records as the rest of the product sees them, and the
//! rules over them: how a membership ends, and which organisations a tenant
//! reaches indirectly through the organisations it is a member of.

pub mod input;
pub mod invoice;
pub mod snapshot;
pub mod statutes;
pub mod terms;

pub use snapshot::{Records, Snapshot};

use crate::codes::*;
use crate::fees::Fee;
use chrono::NaiveDate;
use serde::Serialize;
use std::collections::{BTreeSet, HashMap};

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Organisation {
    pub id: i64,
    /// `None` for the shared catalogue; `Some` for a tenant's own entry.
    pub tenant_id: Option<i64>,
    pub slug: String,
    pub name: String,
    pub acronym: Option<String>,
    pub aliases: Vec<String>,
    pub kind: OrgKind,
    pub headquarters: Option<String>,
    pub founded: Option<i32>,
    pub website: Option<String>,
    pub themes: Vec<String>,
    pub notice_months: Option<i32>,
    pub written_notice: bool,
    /// The day the current notice rule took effect; None: as far as known, always.
    pub notice_valid_from: Option<NaiveDate>,
    pub fee_basis: Option<String>,
    pub version: i64,
}

impl Organisation {
    /// The short name officials use ("UCLG"), else the full name.
    pub fn label(&self) -> &str {
        self.acronym.as_deref().unwrap_or(&self.name)
    }

    /// Whether `term` names this organisation: by name, acronym or alias,
    /// ignoring case, so "ECLG" or "SKL" find what the source meant.
    pub fn answers_to(&self, term: &str) -> bool {
        let t = term.trim().to_lowercase();
        !t.is_empty()
            && (self.name.to_lowercase().contains(&t)
                || self
                    .acronym
                    .as_deref()
                    .is_some_and(|a| a.to_lowercase() == t)
                || self.aliases.iter().any(|a| a.to_lowercase() == t))
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Relation {
    pub id: i64,
    pub from_id: i64,
    pub to_id: i64,
    pub kind: RelationKind,
    pub source: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Body {
    pub id: i64,
    pub name: String,
    pub kind: BodyKind,
    pub abbreviation: Option<String>,
    pub version: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Membership {
    pub id: i64,
    pub body_id: i64,
    pub organisation_id: i64,
    pub mtype: MembershipType,
    pub since: Option<NaiveDate>,
    pub until: Option<NaiveDate>,
    pub status: MembershipStatus,
    pub fee: Fee,
    /// The fee is an illustrative value, not a recorded fact.
    pub fee_illustrative: bool,
    pub contact_person_id: Option<i64>,
    pub notes: Option<String>,
    pub version: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Person {
    pub id: i64,
    pub name: String,
    pub kind: PersonKind,
    pub party: Option<String>,
    pub side: Option<Side>,
    pub department: Option<String>,
    pub email: Option<String>,
    pub version: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Seat {
    pub id: i64,
    pub organisation_id: i64,
    /// `None` when the city holds the seat but the source names no person.
    pub person_id: Option<i64>,
    pub kind: SeatKind,
    /// The organisation's body or group: "Executive Committee", "Environment Forum".
    pub org_body: String,
    pub title: Option<String>,
    pub from: Option<NaiveDate>,
    pub until: Option<NaiveDate>,
    pub notes: Option<String>,
    /// The decision that appointed the holder, e.g. "KS 2011-03-02 § 7".
    pub appointed_by: Option<String>,
    /// The holder's deputy (ersättare), one of the tenant's persons.
    pub deputy_person_id: Option<i64>,
    pub version: i64,
}

impl Seat {
    pub fn is_current(&self, today: NaiveDate) -> bool {
        self.until.is_none_or(|u| u >= today) && self.from.is_none_or(|f| f <= today)
    }
}

/// The status a membership takes when it ends on `end`: ended once the date
/// has come, notice given while it is still ahead.
pub fn status_on_ending(end: NaiveDate, today: NaiveDate) -> MembershipStatus {
    if end <= today {
        MembershipStatus::Ended
    } else {
        MembershipStatus::NoticeGiven
    }
}

/// Whether a membership counts today: not ended, and its end date not passed.
pub fn is_in_force(status: MembershipStatus, until: Option<NaiveDate>, today: NaiveDate) -> bool {
    status != MembershipStatus::Ended && until.is_none_or(|u| u >= today)
}

/// A representation the tenant has without holding the membership itself:
/// it is a member of `via`, which is a member of `organisation_id`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Indirect {
    pub organisation_id: i64,
    /// The organisation of the tenant's own membership the chain starts from.
    pub via_organisation_id: i64,
    pub via_membership_id: i64,
    /// Organisation ids from the direct membership to the reached one.
    pub path: Vec<i64>,
}

/// Derives indirect memberships from direct ones in force and the catalogue's
/// `member of` relations, following chains of any length and stopping at
/// cycles. `direct` is (membership id, organisation id) of memberships in force.
pub fn indirect_memberships(direct: &[(i64, i64)], relations: &[Relation]) -> Vec<Indirect> {
    let mut parents: HashMap<i64, Vec<i64>> = HashMap::new();
    for r in relations
        .iter()
        .filter(|r| r.kind == RelationKind::MemberOf)
    {
        parents.entry(r.from_id).or_default().push(r.to_id);
    }
    let mut out = Vec::new();
    let mut seen_pairs = BTreeSet::new();
    for &(membership_id, org) in direct {
        let mut stack = vec![vec![org]];
        let mut visited = BTreeSet::from([org]);
        while let Some(path) = stack.pop() {
            let last = *path.last().expect("paths are never empty");
            for &next in parents.get(&last).into_iter().flatten() {
                if !visited.insert(next) {
                    continue;
                }
                let mut p = path.clone();
                p.push(next);
                if seen_pairs.insert((next, org)) {
                    out.push(Indirect {
                        organisation_id: next,
                        via_organisation_id: org,
                        via_membership_id: membership_id,
                        path: p.clone(),
                    });
                }
                stack.push(p);
            }
        }
    }
    out.sort_by_key(|i| (i.organisation_id, i.via_organisation_id));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn rel(from: i64, to: i64, kind: RelationKind) -> Relation {
        Relation {
            id: 0,
            from_id: from,
            to_id: to,
            kind,
            source: None,
        }
    }

    const SKR: i64 = 1;
    const UCLG: i64 = 2;
    const CEMR: i64 = 3;
    const METROPOLIS: i64 = 4;

    #[test]
    fn skr_membership_reaches_uclg_and_cemr() {
        let relations = [
            rel(SKR, UCLG, RelationKind::MemberOf),
            rel(SKR, CEMR, RelationKind::MemberOf),
            rel(METROPOLIS, UCLG, RelationKind::SectionOf),
            rel(CEMR, UCLG, RelationKind::SectionOf),
        ];
        let got = indirect_memberships(&[(10, SKR), (11, METROPOLIS)], &relations);
        let reached: Vec<(i64, i64)> = got
            .iter()
            .map(|i| (i.organisation_id, i.via_organisation_id))
            .collect();
        assert_eq!(reached, vec![(UCLG, SKR), (CEMR, SKR)]);
        assert!(got.iter().all(|i| i.via_membership_id == 10));
    }

    #[test]
    fn cycles_end() {
        let relations = [
            rel(1, 2, RelationKind::MemberOf),
            rel(2, 1, RelationKind::MemberOf),
        ];
        let got = indirect_memberships(&[(5, 1)], &relations);
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].path, vec![1, 2]);
    }

    #[test]
    fn ending_in_the_future_is_notice_given() {
        let today = NaiveDate::from_ymd_opt(2011, 10, 1).unwrap();
        let new_year = NaiveDate::from_ymd_opt(2012, 1, 1).unwrap();
        assert_eq!(
            status_on_ending(new_year, today),
            MembershipStatus::NoticeGiven
        );
        assert_eq!(status_on_ending(today, today), MembershipStatus::Ended);
        assert!(is_in_force(
            MembershipStatus::NoticeGiven,
            Some(new_year),
            today
        ));
        assert!(!is_in_force(
            MembershipStatus::NoticeGiven,
            Some(today.pred_opt().unwrap()),
            today
        ));
    }

    proptest! {
        #[test]
        fn indirect_reaches_only_what_member_of_chains_reach(
            edges in proptest::collection::vec((0i64..8, 0i64..8, any::<bool>()), 0..20),
            direct in proptest::collection::vec(0i64..8, 0..4),
        ) {
            let relations: Vec<Relation> = edges.iter()
                .map(|&(a, b, m)| rel(a, b, if m { RelationKind::MemberOf } else { RelationKind::SectionOf }))
                .collect();
            let direct: Vec<(i64, i64)> = direct.iter().enumerate().map(|(i, &o)| (i as i64, o)).collect();
            let got = indirect_memberships(&direct, &relations);
            for i in &got {
                prop_assert_eq!(i.path.first(), Some(&i.via_organisation_id));
                prop_assert_eq!(i.path.last(), Some(&i.organisation_id));
                for w in i.path.windows(2) {
                    prop_assert!(relations.iter().any(|r| r.from_id == w[0] && r.to_id == w[1] && r.kind == RelationKind::MemberOf));
                }
                prop_assert_ne!(i.organisation_id, i.via_organisation_id);
            }
            let mut pairs: Vec<_> = got.iter().map(|i| (i.organisation_id, i.via_organisation_id)).collect();
            let n = pairs.len();
            pairs.dedup();
            prop_assert_eq!(pairs.len(), n);
        }
    }
}
