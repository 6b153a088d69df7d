//! People over time: a politician's terms of office — in which body, as
//! what (borgarråd, ledamot, ersättare), from when to when, and on which
//! side of the majority. After a change of majority the same person sits
//! on the other side; every page about a day reads the side held that day.

use super::Person;
use super::input::loose;
use crate::codes::{Code, Side};
use crate::validate::{self as v, FieldErrors};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Term {
    pub id: i64,
    pub person_id: i64,
    /// The body, e.g. "Kommunstyrelsen".
    pub body: String,
    /// The role in it, e.g. "borgarråd", "ledamot", "ersättare".
    pub role: String,
    pub from: NaiveDate,
    /// None while the term runs.
    pub to: Option<NaiveDate>,
    pub side: Option<Side>,
    pub version: i64,
}

impl Term {
    pub fn covers(&self, day: NaiveDate) -> bool {
        self.from <= day && self.to.is_none_or(|t| day <= t)
    }

    fn overlaps(&self, from: NaiveDate, to: Option<NaiveDate>) -> bool {
        let ends_after_start = self.to.is_none_or(|t| t >= from);
        let starts_before_end = to.is_none_or(|t| self.from <= t);
        ends_after_start && starts_before_end
    }
}

/// A term as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(default)]
pub struct TermInput {
    #[serde(deserialize_with = "loose")]
    pub body: String,
    #[serde(deserialize_with = "loose")]
    pub role: String,
    #[serde(deserialize_with = "loose")]
    pub from: String,
    #[serde(deserialize_with = "loose")]
    pub to: String,
    /// majority, opposition, or empty.
    #[serde(deserialize_with = "loose")]
    pub side: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TermCmd {
    pub body: String,
    pub role: String,
    pub from: NaiveDate,
    pub to: Option<NaiveDate>,
    pub side: Option<Side>,
}

impl TermInput {
    pub fn parse(&self) -> Result<TermCmd, FieldErrors> {
        let mut e = FieldErrors::new();
        let body = e.check("body", v::name(&self.body));
        let role = e.check("role", v::short(&self.role)).flatten();
        if role.is_none() && e.get("role").is_none() {
            e.add("role", "error-required");
        }
        let from = e.check("from", v::date(&self.from)).flatten();
        if from.is_none() && e.get("from").is_none() {
            e.add("from", "error-required");
        }
        let to = e.check("to", v::date(&self.to)).flatten();
        if e.get("to").is_none() {
            e.check("to", v::period(from, to));
        }
        let side = if self.side.trim().is_empty() {
            None
        } else {
            let s = Side::parse(self.side.trim());
            if s.is_none() {
                e.add("side", "error-choose");
            }
            s
        };
        e.into_result(|| TermCmd {
            body: body.unwrap_or_default(),
            role: role.unwrap_or_default(),
            from: from.expect("checked"),
            to,
            side,
        })
    }
}

/// A new term may not overlap another of the same person in the same body.
pub fn admit(existing: &[Term], person_id: i64, t: &TermCmd) -> Result<(), FieldErrors> {
    let mut e = FieldErrors::new();
    if existing.iter().any(|x| {
        x.person_id == person_id
            && x.body.trim().eq_ignore_ascii_case(t.body.trim())
            && x.overlaps(t.from, t.to)
    }) {
        e.add("from", "error-term-overlap");
    }
    e.into_result(|| ())
}

/// The terms of one person, the one in force on `day` first.
fn in_force(terms: &[Term], person_id: i64, day: NaiveDate) -> Option<&Term> {
    terms
        .iter()
        .filter(|t| t.person_id == person_id && t.covers(day))
        .max_by_key(|t| t.from)
}

/// The side a person held on `day`: their term's then. A person with no
/// recorded terms keeps the side on their record; one whose terms do not
/// cover the day held no side then.
pub fn side_on(person: &Person, terms: &[Term], day: NaiveDate) -> Option<Side> {
    if !terms.iter().any(|t| t.person_id == person.id) {
        return person.side;
    }
    in_force(terms, person.id, day).and_then(|t| t.side)
}

/// "borgarråd, Kommunstyrelsen" on `day`, when a term covers it.
pub fn title_on(person_id: i64, terms: &[Term], day: NaiveDate) -> Option<String> {
    in_force(terms, person_id, day).map(|t| format!("{}, {}", t.role, t.body))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::codes::PersonKind;
    use proptest::prelude::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn term(from: NaiveDate, to: Option<NaiveDate>, side: Side) -> Term {
        Term {
            id: 1,
            person_id: 7,
            body: "Kommunstyrelsen".into(),
            role: "borgarråd".into(),
            from,
            to,
            side: Some(side),
            version: 1,
        }
    }

    fn person(side: Option<Side>) -> Person {
        Person {
            id: 7,
            name: "Karin Wanngård".into(),
            kind: PersonKind::Politician,
            party: Some("S".into()),
            side,
            department: None,
            email: None,
            version: 1,
        }
    }

    #[test]
    fn the_side_is_the_one_held_on_the_day() {
        let terms = [
            term(day(2010, 11, 1), Some(day(2014, 10, 14)), Side::Opposition),
            term(day(2014, 10, 15), Some(day(2018, 10, 14)), Side::Majority),
        ];
        let p = person(Some(Side::Majority));
        assert_eq!(
            side_on(&p, &terms, day(2011, 9, 21)),
            Some(Side::Opposition)
        );
        assert_eq!(side_on(&p, &terms, day(2016, 1, 1)), Some(Side::Majority));
        // Out of office: no side, whatever the record says today.
        assert_eq!(side_on(&p, &terms, day(2020, 1, 1)), None);
        // No terms recorded: the record's side.
        assert_eq!(side_on(&p, &[], day(2011, 9, 21)), Some(Side::Majority));
        assert_eq!(
            title_on(7, &terms, day(2011, 9, 21)).as_deref(),
            Some("borgarråd, Kommunstyrelsen")
        );
    }

    #[test]
    fn terms_in_one_body_may_not_overlap() {
        let existing = [term(
            day(2010, 11, 1),
            Some(day(2014, 10, 14)),
            Side::Opposition,
        )];
        let input = |from: &str, to: &str, body: &str| TermInput {
            body: body.into(),
            role: "ledamot".into(),
            from: from.into(),
            to: to.into(),
            side: "majority".into(),
        };
        let overlapping = input("2014-01-01", "", "kommunstyrelsen").parse().unwrap();
        assert_eq!(
            admit(&existing, 7, &overlapping).unwrap_err().get("from"),
            Some("error-term-overlap")
        );
        let after = input("2014-10-15", "", "Kommunstyrelsen").parse().unwrap();
        admit(&existing, 7, &after).unwrap();
        let elsewhere = input("2012-01-01", "", "Kommunfullmäktige")
            .parse()
            .unwrap();
        admit(&existing, 7, &elsewhere).unwrap();
        let e = input("2014-01-01", "2013-01-01", "Kommunstyrelsen")
            .parse()
            .unwrap_err();
        assert!(e.get("to").is_some());
        let e = TermInput::default().parse().unwrap_err();
        assert_eq!(
            (e.get("body"), e.get("role"), e.get("from")),
            (
                Some("error-required"),
                Some("error-required"),
                Some("error-required")
            )
        );
        let mut bad = input("2014-01-01", "", "KS");
        bad.side = "centre".into();
        assert_eq!(bad.parse().unwrap_err().get("side"), Some("error-choose"));
    }

    proptest! {
        #[test]
        fn overlap_is_symmetric(a in 0i64..400, b in 0i64..400, c in 0i64..400, d in 0i64..400) {
            let base = day(2010, 1, 1);
            let at = |n: i64| base + chrono::Days::new(n as u64);
            let (a, b) = (a.min(b), a.max(b));
            let (c, d) = (c.min(d), c.max(d));
            let x = term(at(a), Some(at(b)), Side::Majority);
            let y = term(at(c), Some(at(d)), Side::Majority);
            prop_assert_eq!(x.overlaps(y.from, y.to), y.overlaps(x.from, x.to));
        }
    }
}
