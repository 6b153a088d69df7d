//! The document register (diarium) a Swedish public body keeps: each
//! document under a case (or a membership or a review) with its own
//! number, direction, date of receipt or dispatch, sender or recipient and
//! type; and each type's retention (gallring) from the tenant's document
//! management plan.

use crate::FieldErrors;
use crate::validate as v;
use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

/// Which way a document went.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    /// Received: the date is the day of receipt.
    Incoming,
    /// Sent: the date is the day of dispatch.
    Outgoing,
    /// Drawn up here and kept (a report, a statement).
    Internal,
}

impl Direction {
    pub const ALL: [Direction; 3] = [
        Direction::Incoming,
        Direction::Outgoing,
        Direction::Internal,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Direction::Incoming => "incoming",
            Direction::Outgoing => "outgoing",
            Direction::Internal => "internal",
        }
    }

    pub fn parse(s: &str) -> Option<Direction> {
        Direction::ALL.into_iter().find(|d| d.code() == s.trim())
    }
}

/// A type of document and how long it is kept.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DocumentType {
    pub code: String,
    pub name: String,
    /// None: kept (bevaras). Some(n): removed n years after its year.
    pub keep_years: Option<u32>,
}

/// The types a tenant starts with; its document management plan replaces
/// any of them. Invoices are accounting records, kept seven years (Swedish
/// Bookkeeping Act, SFS 1999:1078, 7 kap. 2 §); correspondence of passing
/// interest two years, a common rule in municipal plans; the rest is kept.
pub const SHIPPED_TYPES: &[(&str, &str, &str, Option<u32>)] = &[
    ("statute", "Stadgar", "Statutes", None),
    ("notice", "Uppsägning", "Notice of termination", None),
    ("invoice", "Faktura", "Invoice", Some(7)),
    ("report", "Utredning eller rapport", "Report", None),
    ("statement", "Tjänsteutlåtande", "Official statement", None),
    ("minutes", "Protokollsutdrag", "Minutes extract", None),
    ("letter", "Brev", "Letter", Some(2)),
];

pub fn shipped_types(lang: crate::Lang) -> Vec<DocumentType> {
    SHIPPED_TYPES
        .iter()
        .map(|(code, sv, en, keep)| DocumentType {
            code: (*code).to_owned(),
            name: (if lang == crate::Lang::Sv { sv } else { en }).to_string(),
            keep_years: *keep,
        })
        .collect()
}

/// The first day a document dated `dated_on` may be removed when its type
/// keeps it `years`: gallring counts whole years after the document's year,
/// so everything of one year goes together.
pub fn removable_from(dated_on: NaiveDate, years: u32) -> Option<NaiveDate> {
    let year = dated_on
        .year()
        .checked_add(i32::try_from(years).ok()?)?
        .checked_add(1)?;
    NaiveDate::from_ymd_opt(year, 1, 1)
}

/// Whether a document is due for removal on `today`.
pub fn due(dated_on: NaiveDate, keep_years: Option<u32>, today: NaiveDate) -> bool {
    keep_years
        .and_then(|y| removable_from(dated_on, y))
        .is_some_and(|from| today >= from)
}

/// A document's number: under a case, the case number and a serial
/// ("006-1348/2010-3"); outside a case, the register's own series for the
/// year ("REG 2026-0007").
pub fn number(case_number: Option<&str>, year: i32, serial: i64) -> String {
    match case_number {
        Some(c) => format!("{c}-{serial}"),
        None => format!("REG {year}-{serial:04}"),
    }
}

/// A document as entered.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(default)]
pub struct DocumentInput {
    pub title: String,
    pub direction: String,
    pub dated_on: String,
    pub counterpart: String,
    pub type_code: String,
    pub case_id: Option<i64>,
    pub membership_id: Option<i64>,
    pub review_id: Option<i64>,
}

/// A document, checked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DocumentCmd {
    pub title: String,
    pub direction: Direction,
    pub dated_on: NaiveDate,
    pub counterpart: String,
    pub type_code: String,
    pub case_id: Option<i64>,
    pub membership_id: Option<i64>,
    pub review_id: Option<i64>,
    /// "Bilaga 1" when the document is an attachment to its case.
    pub attachment_of: Option<String>,
}

impl DocumentInput {
    /// Checks the input; `types` are the codes the tenant uses. A document
    /// cannot be received or sent after `today`.
    pub fn parse(&self, types: &[String], today: NaiveDate) -> Result<DocumentCmd, FieldErrors> {
        let mut e = FieldErrors::new();
        let title = e.check("title", v::name(&self.title));
        let direction = Direction::parse(&self.direction);
        if direction.is_none() {
            e.add("direction", "error-choose");
        }
        let dated_on = match v::date(&self.dated_on) {
            Ok(Some(d)) if d > today => {
                e.add("dated_on", "error-date-in-future");
                None
            }
            Ok(Some(d)) => Some(d),
            Ok(None) => {
                e.add("dated_on", "error-required");
                None
            }
            Err(k) => {
                e.add("dated_on", k);
                None
            }
        };
        let counterpart = e
            .check("counterpart", v::short(&self.counterpart))
            .flatten();
        if counterpart.is_none()
            && matches!(direction, Some(Direction::Incoming | Direction::Outgoing))
        {
            e.add("counterpart", "error-document-counterpart");
        }
        if !types.iter().any(|t| t == self.type_code.trim()) {
            e.add("type_code", "error-choose");
        }
        if self.case_id.is_none() && self.membership_id.is_none() && self.review_id.is_none() {
            e.add("case_id", "error-document-under");
        }
        e.into_result(|| DocumentCmd {
            title: title.unwrap_or_default(),
            direction: direction.expect("checked above"),
            dated_on: dated_on.expect("checked above"),
            counterpart: counterpart.unwrap_or_default(),
            type_code: self.type_code.trim().to_owned(),
            case_id: self.case_id,
            membership_id: self.membership_id,
            review_id: self.review_id,
            attachment_of: None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn types() -> Vec<String> {
        shipped_types(crate::Lang::Sv)
            .into_iter()
            .map(|t| t.code)
            .collect()
    }

    #[test]
    fn numbers_run_under_the_case_or_in_the_registers_own_series() {
        assert_eq!(number(Some("006-1348/2010"), 2011, 3), "006-1348/2010-3");
        assert_eq!(number(None, 2026, 7), "REG 2026-0007");
    }

    #[test]
    fn gallring_counts_whole_years_after_the_documents_year() {
        assert_eq!(
            removable_from(day("2019-03-15"), 7),
            Some(day("2027-01-01"))
        );
        assert!(!due(day("2019-03-15"), Some(7), day("2026-12-31")));
        assert!(due(day("2019-03-15"), Some(7), day("2027-01-01")));
        assert!(
            !due(day("1990-01-01"), None, day("2026-12-05")),
            "kept for ever"
        );
    }

    #[test]
    fn a_letter_needs_its_sender_or_recipient_and_a_place() {
        let e = DocumentInput {
            title: "Uppsägning av medlemskap".into(),
            direction: "outgoing".into(),
            dated_on: "2011-06-20".into(),
            type_code: "notice".into(),
            ..Default::default()
        }
        .parse(&types(), day("2026-12-05"))
        .unwrap_err();
        assert_eq!(e.get("counterpart"), Some("error-document-counterpart"));
        assert_eq!(e.get("case_id"), Some("error-document-under"));
        let ok = DocumentInput {
            title: "Rapport".into(),
            direction: "internal".into(),
            dated_on: "2011-08-01".into(),
            type_code: "report".into(),
            review_id: Some(1),
            ..Default::default()
        }
        .parse(&types(), day("2026-12-05"))
        .unwrap();
        assert_eq!(ok.direction, Direction::Internal);
    }

    #[test]
    fn nothing_is_dated_ahead_or_of_an_unknown_type() {
        let e = DocumentInput {
            title: "x".into(),
            direction: "sideways".into(),
            dated_on: "2030-01-01".into(),
            type_code: "poem".into(),
            case_id: Some(1),
            ..Default::default()
        }
        .parse(&types(), day("2026-12-05"))
        .unwrap_err();
        assert_eq!(e.get("direction"), Some("error-choose"));
        assert_eq!(e.get("dated_on"), Some("error-date-in-future"));
        assert_eq!(e.get("type_code"), Some("error-choose"));
    }

    proptest! {
        #[test]
        fn a_document_is_never_due_before_its_years_have_passed(
            y in 1990i32..2060, doy in 0u32..365, keep in 0u32..30, later in 0i64..20000
        ) {
            let dated = NaiveDate::from_yo_opt(y, doy + 1).unwrap();
            let today = dated + chrono::Days::new(later as u64);
            if due(dated, Some(keep), today) {
                prop_assert!(today.year() > y + keep as i32);
            }
        }
    }
}
