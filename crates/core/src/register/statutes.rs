//! Statute rules over time. When an organisation's notice rule changes
//! with a date it takes effect from, the rule it replaces is kept with its
//! own date, so a decision taken before the change is checked against the
//! rule in force then. Changing a rule without a later date corrects it.

use super::Organisation;
use super::input::OrganisationCmd;
use crate::validate::FieldErrors;
use chrono::NaiveDate;
use serde::Serialize;

/// A notice rule an organisation's statutes gave before the current one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EarlierRule {
    pub organisation_id: i64,
    /// None: as far as known, since the organisation began.
    pub valid_from: Option<NaiveDate>,
    pub notice_months: i32,
    pub written_notice: bool,
}

/// The rule to keep when `before` is changed by `c`, if any; a new rule
/// dated before the one it replaces is refused.
pub fn replaced(
    before: &Organisation,
    c: &OrganisationCmd,
) -> Result<Option<EarlierRule>, FieldErrors> {
    let Some(months) = before.notice_months else {
        return Ok(None);
    };
    let changed =
        before.notice_months != c.notice_months || before.written_notice != c.written_notice;
    if !changed || before.notice_valid_from == c.notice_valid_from {
        return Ok(None);
    }
    // None sorts first: "always" is earlier than any day.
    if c.notice_valid_from < before.notice_valid_from {
        let mut e = FieldErrors::new();
        e.add("notice_valid_from", "error-notice-valid-from-earlier");
        return Err(e);
    }
    Ok(Some(EarlierRule {
        organisation_id: before.id,
        valid_from: before.notice_valid_from,
        notice_months: months,
        written_notice: before.written_notice,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::register::input::OrganisationInput;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn org(months: Option<i32>, from: Option<NaiveDate>) -> Organisation {
        let c = OrganisationInput {
            name: "Nätverket".into(),
            ..Default::default()
        }
        .parse()
        .unwrap();
        Organisation {
            id: 4,
            tenant_id: Some(1),
            slug: "natverket".into(),
            name: c.name,
            acronym: None,
            aliases: vec![],
            kind: c.kind,
            headquarters: None,
            founded: None,
            website: None,
            themes: vec![],
            notice_months: months,
            written_notice: true,
            notice_valid_from: from,
            fee_basis: None,
            version: 1,
        }
    }

    fn cmd(months: &str, from: &str) -> OrganisationCmd {
        OrganisationInput {
            name: "Nätverket".into(),
            notice_months: months.into(),
            written_notice: "on".into(),
            notice_valid_from: from.into(),
            ..Default::default()
        }
        .parse()
        .unwrap()
    }

    #[test]
    fn a_dated_change_keeps_the_rule_it_replaces() {
        let before = org(Some(6), None);
        let kept = replaced(&before, &cmd("3", "2015-01-01")).unwrap().unwrap();
        assert_eq!((kept.valid_from, kept.notice_months), (None, 6));
        // A correction of the same rule, or of its date only, keeps nothing.
        assert_eq!(replaced(&before, &cmd("3", "")).unwrap(), None);
        assert_eq!(replaced(&before, &cmd("6", "2015-01-01")).unwrap(), None);
        // No rule before: nothing to keep.
        assert_eq!(
            replaced(&org(None, None), &cmd("3", "2015-01-01")).unwrap(),
            None
        );
        // A new rule dated before the current one is refused.
        let dated = org(Some(3), Some(day(2015, 1, 1)));
        assert_eq!(
            replaced(&dated, &cmd("12", "2014-01-01"))
                .unwrap_err()
                .get("notice_valid_from"),
            Some("error-notice-valid-from-earlier")
        );
        assert!(replaced(&dated, &cmd("12", "")).is_err());
    }
}
