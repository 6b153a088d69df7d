//! Withholding a record from public output: the Swedish principle of public
//! access (offentlighetsprincipen) lets a body withhold a public record only
//! on a ground in the Public Access to Information and Secrecy Act (OSL,
//! SFS 2009:400), decided by someone on a day. The public is told that
//! something is withheld and on what ground, never what.

use crate::FieldErrors;
use crate::validate as v;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// A ground for secrecy: its reference in the OSL and what it protects.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Ground {
    pub reference: String,
    pub description: String,
}

/// The grounds a tenant can choose from before adding its own, with what
/// each protects (the chapters and sections as in SFS 2009:400).
pub const SHIPPED: &[(&str, &str, &str)] = &[
    (
        "OSL 15 kap. 1 §",
        "Utrikessekretess: Sveriges förbindelser med en annan stat eller en mellanfolklig organisation",
        "Foreign relations: Sweden's relations with another state or an international organisation",
    ),
    (
        "OSL 18 kap. 8 §",
        "Säkerhets- eller bevakningsåtgärder",
        "Security or protective measures",
    ),
    (
        "OSL 19 kap. 1 §",
        "Myndighetens affärs- eller driftförhållanden",
        "The body's own business or operations",
    ),
    ("OSL 19 kap. 3 §", "Upphandling", "Public procurement"),
    (
        "OSL 21 kap. 7 §",
        "Personuppgifter som efter ett utlämnande kan antas behandlas i strid med dataskyddsförordningen",
        "Personal data that may be expected to be processed in breach of the GDPR once released",
    ),
];

/// The shipped grounds in `lang`.
pub fn shipped(lang: crate::Lang) -> Vec<Ground> {
    SHIPPED
        .iter()
        .map(|(r, sv, en)| Ground {
            reference: (*r).to_owned(),
            description: (if lang == crate::Lang::Sv { sv } else { en }).to_string(),
        })
        .collect()
}

/// A decision to withhold, as entered.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(default)]
pub struct WithholdInput {
    pub ground: String,
    pub decided_by: String,
    pub decided_on: String,
}

/// A decision to withhold, checked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Withholding {
    pub ground: String,
    pub decided_by: String,
    pub decided_on: NaiveDate,
}

impl WithholdInput {
    /// Checks the input against the grounds the tenant may use; a decision
    /// cannot be dated after `today`.
    pub fn parse(&self, grounds: &[String], today: NaiveDate) -> Result<Withholding, FieldErrors> {
        let mut e = FieldErrors::new();
        let ground = self.ground.trim();
        if ground.is_empty() {
            e.add("ground", "error-secrecy-ground");
        } else if !grounds.iter().any(|g| g == ground) {
            e.add("ground", "error-secrecy-unknown-ground");
        }
        let decided_by = e.check("decided_by", v::name(&self.decided_by));
        let decided_on = match v::date(&self.decided_on) {
            Ok(Some(d)) if d > today => {
                e.add("decided_on", "error-date-in-future");
                None
            }
            Ok(Some(d)) => Some(d),
            Ok(None) => {
                e.add("decided_on", "error-required");
                None
            }
            Err(k) => {
                e.add("decided_on", k);
                None
            }
        };
        e.into_result(|| Withholding {
            ground: ground.to_owned(),
            decided_by: decided_by.unwrap_or_default(),
            decided_on: decided_on.expect("checked above"),
        })
    }
}

/// A ground a tenant adds, as entered.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct GroundInput {
    pub reference: String,
    pub description: String,
}

impl GroundInput {
    /// A reference names the act and a section ("OSL 15 kap. 2 §", or
    /// another act's "… §"); the description says what it protects.
    pub fn parse(&self) -> Result<Ground, FieldErrors> {
        let mut e = FieldErrors::new();
        let reference = e.check("reference", v::name(&self.reference));
        if reference.as_ref().is_some_and(|r| !r.contains('§')) {
            e.add("reference", "error-secrecy-reference");
        }
        let description = e.check("description", v::name(&self.description));
        e.into_result(|| Ground {
            reference: reference.unwrap_or_default(),
            description: description.unwrap_or_default(),
        })
    }
}

/// What the public is told about withheld records of one kind: how many,
/// and on which ground — never which.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WithheldNotice {
    pub entity: String,
    /// None for records withheld before grounds were recorded.
    pub ground: Option<String>,
    pub count: u32,
}

/// What the public is told of a tenant's withheld records `(entity,
/// ground)`: a withheld membership is counted only where the tenant
/// publishes memberships at all (elsewhere none is shown, so none is held
/// back); documents are always listed publicly.
pub fn public_notice(
    records: &[(String, Option<String>)],
    kinds: &[String],
) -> Vec<WithheldNotice> {
    let shows_memberships = kinds.iter().any(|k| k == "memberships");
    let told: Vec<(String, Option<String>)> = records
        .iter()
        .filter(|(entity, _)| match entity.as_str() {
            "membership" => shows_memberships,
            "document" => true,
            _ => false,
        })
        .cloned()
        .collect();
    summarise(&told)
}

/// Groups withheld records `(entity, ground)` by kind and ground.
pub fn summarise(records: &[(String, Option<String>)]) -> Vec<WithheldNotice> {
    let mut out: Vec<WithheldNotice> = Vec::new();
    for (entity, ground) in records {
        match out
            .iter_mut()
            .find(|n| n.entity == *entity && n.ground == *ground)
        {
            Some(n) => n.count += 1,
            None => out.push(WithheldNotice {
                entity: entity.clone(),
                ground: ground.clone(),
                count: 1,
            }),
        }
    }
    out.sort_by(|a, b| (&a.entity, &a.ground).cmp(&(&b.entity, &b.ground)));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn the_public_is_told_of_withheld_memberships_only_where_memberships_are_published() {
        let records = vec![
            ("membership".to_owned(), Some("OSL 15 kap. 1 §".to_owned())),
            ("document".to_owned(), Some("OSL 15 kap. 1 §".to_owned())),
            ("document".to_owned(), Some("OSL 15 kap. 1 §".to_owned())),
            ("answer".to_owned(), Some("OSL 21 kap. 1 §".to_owned())),
        ];
        let all = vec!["memberships".to_owned(), "fees".to_owned()];
        let told = public_notice(&records, &all);
        assert_eq!(
            told.iter()
                .map(|n| (n.entity.as_str(), n.count))
                .collect::<Vec<_>>(),
            [("document", 2), ("membership", 1)]
        );
        let told = public_notice(&records, &["fees".to_owned()]);
        assert_eq!(
            told.iter()
                .map(|n| (n.entity.as_str(), n.count))
                .collect::<Vec<_>>(),
            [("document", 2)]
        );
    }

    fn grounds() -> Vec<String> {
        shipped(crate::Lang::Sv)
            .into_iter()
            .map(|g| g.reference)
            .collect()
    }

    #[test]
    fn withholding_needs_a_known_ground_a_decider_and_a_day() {
        let e = WithholdInput::default()
            .parse(&grounds(), day("2026-12-05"))
            .unwrap_err();
        assert_eq!(e.get("ground"), Some("error-secrecy-ground"));
        assert_eq!(e.get("decided_by"), Some("error-required"));
        assert_eq!(e.get("decided_on"), Some("error-required"));
        let e = WithholdInput {
            ground: "OSL 99 kap. 1 §".into(),
            decided_by: "Registrator".into(),
            decided_on: "2027-01-01".into(),
        }
        .parse(&grounds(), day("2026-12-05"))
        .unwrap_err();
        assert_eq!(e.get("ground"), Some("error-secrecy-unknown-ground"));
        assert_eq!(e.get("decided_on"), Some("error-date-in-future"));
        let w = WithholdInput {
            ground: " OSL 15 kap. 1 § ".into(),
            decided_by: "Stadsdirektören".into(),
            decided_on: "2026-12-01".into(),
        }
        .parse(&grounds(), day("2026-12-05"))
        .unwrap();
        assert_eq!(w.ground, "OSL 15 kap. 1 §");
    }

    #[test]
    fn the_public_learns_how_many_and_why_never_which() {
        let r = |e: &str, g: Option<&str>| (e.to_owned(), g.map(str::to_owned));
        let n = summarise(&[
            r("membership", Some("OSL 15 kap. 1 §")),
            r("document", Some("OSL 19 kap. 3 §")),
            r("membership", Some("OSL 15 kap. 1 §")),
            r("membership", None),
        ]);
        assert_eq!(n.len(), 3);
        assert_eq!(n[0].entity, "document");
        let foreign = n
            .iter()
            .find(|x| x.ground.as_deref() == Some("OSL 15 kap. 1 §"))
            .unwrap();
        assert_eq!(foreign.count, 2);
    }

    #[test]
    fn a_tenants_ground_names_a_section() {
        let e = GroundInput {
            reference: "sekretess".into(),
            description: "Något".into(),
        }
        .parse()
        .unwrap_err();
        assert_eq!(e.get("reference"), Some("error-secrecy-reference"));
        assert!(
            GroundInput {
                reference: "OSL 30 kap. 23 §".into(),
                description: "Tillsyn över näringslivet".into(),
            }
            .parse()
            .is_ok()
        );
    }
}
