//! What a user submits to change the register — from a form or as JSON —
//! and its validation into commands. Inputs hold exactly what was typed so a
//! form with errors can be shown again unchanged.

use crate::codes::*;
use crate::fees::{self, Fee};
use crate::register::{Body, Membership, Organisation, Person, Seat};
use crate::validate::{self as v, FieldErrors};
use chrono::NaiveDate;
use serde::{Deserialize, Deserializer, Serialize};

/// Reads a JSON string, number, boolean or null as the text a form would
/// have sent, so forms and the API share one validation.
pub(crate) fn loose<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Loose {
        S(String),
        I(i64),
        F(f64),
        B(bool),
        N(()),
    }
    Ok(match Loose::deserialize(d)? {
        Loose::S(s) => s,
        Loose::I(i) => i.to_string(),
        Loose::F(f) => f.to_string(),
        Loose::B(b) => {
            if b {
                "true".into()
            } else {
                String::new()
            }
        }
        Loose::N(()) => String::new(),
    })
}

fn opt_str(v: &Option<String>) -> String {
    v.clone().unwrap_or_default()
}

fn opt_date(d: Option<NaiveDate>) -> String {
    d.map(|d| d.to_string()).unwrap_or_default()
}

fn required_id(s: &str) -> Result<i64, &'static str> {
    let t = s.trim();
    if t.is_empty() {
        return Err("error-required");
    }
    t.parse::<i64>()
        .ok()
        .filter(|i| *i > 0)
        .ok_or("error-choose")
}

fn optional_id(s: &str) -> Result<Option<i64>, &'static str> {
    if s.trim().is_empty() {
        Ok(None)
    } else {
        required_id(s).map(Some)
    }
}

fn code<C: Code>(s: &str) -> Result<C, &'static str> {
    C::parse(s.trim()).ok_or(if s.trim().is_empty() {
        "error-required"
    } else {
        "error-choose"
    })
}

fn optional_code<C: Code>(s: &str) -> Result<Option<C>, &'static str> {
    if s.trim().is_empty() {
        Ok(None)
    } else {
        code(s).map(Some)
    }
}

fn flag(s: &str) -> bool {
    matches!(s.trim(), "on" | "true" | "1" | "yes")
}

/// The version a form was loaded with, to refuse a stale edit.
fn version(s: &str) -> Result<Option<i64>, &'static str> {
    if s.trim().is_empty() {
        Ok(None)
    } else {
        s.trim().parse().map(Some).map_err(|_| "error-version")
    }
}

macro_rules! input_struct {
    ($(#[$m:meta])* $name:ident { $($field:ident),+ $(,)? }) => {
        $(#[$m])*
        #[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
        #[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
        #[serde(default)]
        pub struct $name {
            $(#[serde(deserialize_with = "loose")] pub $field: String,)+
        }
    };
}

input_struct!(
    /// A membership as entered: which body holds which organisation, on what terms.
    MembershipInput { body_id, organisation_id, mtype, status, since, until, fee_kind, fee_amount, fee_currency, fee_year, fee_illustrative, contact_person_id, notes, version }
);

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MembershipCmd {
    pub body_id: i64,
    pub organisation_id: i64,
    pub mtype: MembershipType,
    pub status: MembershipStatus,
    pub since: Option<NaiveDate>,
    pub until: Option<NaiveDate>,
    pub fee: Fee,
    pub fee_illustrative: bool,
    pub contact_person_id: Option<i64>,
    pub notes: Option<String>,
    pub version: Option<i64>,
}

impl MembershipInput {
    pub fn parse(&self) -> Result<MembershipCmd, FieldErrors> {
        let mut e = FieldErrors::new();
        let body_id = e.check("body_id", required_id(&self.body_id));
        let organisation_id = e.check("organisation_id", required_id(&self.organisation_id));
        let mtype = e.check(
            "mtype",
            if self.mtype.trim().is_empty() {
                Ok(MembershipType::Full)
            } else {
                code(&self.mtype)
            },
        );
        let status = e.check(
            "status",
            if self.status.trim().is_empty() {
                Ok(MembershipStatus::Active)
            } else {
                code(&self.status)
            },
        );
        let since = e.check("since", v::date(&self.since)).flatten();
        let until = e.check("until", v::date(&self.until)).flatten();
        if e.get("until").is_none() {
            e.check("until", v::period(since, until));
        }
        if status == Some(MembershipStatus::Ended) && until.is_none() && e.get("until").is_none() {
            e.add("until", "error-ended-needs-date");
        }
        let fee = match self.fee_kind.trim() {
            "" | "unknown" if self.fee_amount.trim().is_empty() => Some(Fee::Unknown),
            "none" => Some(Fee::NoFee),
            "" | "unknown" | "amount" => {
                let minor = e.check("fee_amount", fees::parse_amount(&self.fee_amount));
                let currency = e.check(
                    "fee_currency",
                    fees::parse_currency(if self.fee_currency.trim().is_empty() {
                        "SEK"
                    } else {
                        &self.fee_currency
                    }),
                );
                let year = e.check("fee_year", v::year(&self.fee_year)).flatten();
                match (minor, currency) {
                    (Some(minor), Some(currency)) => Some(Fee::Amount {
                        minor,
                        currency,
                        year,
                    }),
                    _ => None,
                }
            }
            _ => {
                e.add("fee_kind", "error-choose");
                None
            }
        };
        let contact_person_id = e
            .check("contact_person_id", optional_id(&self.contact_person_id))
            .flatten();
        let notes = e.check("notes", v::text(&self.notes)).flatten();
        let version = e.check("version", version(&self.version)).flatten();
        e.into_result(|| MembershipCmd {
            body_id: body_id.unwrap_or_default(),
            organisation_id: organisation_id.unwrap_or_default(),
            mtype: mtype.unwrap_or(MembershipType::Full),
            status: status.unwrap_or(MembershipStatus::Active),
            since,
            until,
            fee: fee.unwrap_or(Fee::Unknown),
            fee_illustrative: flag(&self.fee_illustrative),
            contact_person_id,
            notes,
            version,
        })
    }

    pub fn from_record(m: &Membership) -> Self {
        let (fee_kind, fee_amount, fee_currency, fee_year) = match &m.fee {
            Fee::Unknown => ("unknown", String::new(), String::new(), String::new()),
            Fee::NoFee => ("none", String::new(), String::new(), String::new()),
            Fee::Amount {
                minor,
                currency,
                year,
            } => (
                "amount",
                fees::format_minor(*minor).replace('\u{a0}', " "),
                currency.clone(),
                year.map(|y| y.to_string()).unwrap_or_default(),
            ),
        };
        Self {
            body_id: m.body_id.to_string(),
            organisation_id: m.organisation_id.to_string(),
            mtype: m.mtype.code().into(),
            status: m.status.code().into(),
            since: opt_date(m.since),
            until: opt_date(m.until),
            fee_kind: fee_kind.into(),
            fee_amount,
            fee_currency,
            fee_year,
            fee_illustrative: if m.fee_illustrative {
                "on".into()
            } else {
                String::new()
            },
            contact_person_id: m
                .contact_person_id
                .map(|i| i.to_string())
                .unwrap_or_default(),
            notes: opt_str(&m.notes),
            version: m.version.to_string(),
        }
    }
}

input_struct!(
    /// Ending a membership or a seat on a date.
    EndInput { date, version }
);

impl EndInput {
    pub fn parse(&self, since: Option<NaiveDate>) -> Result<(NaiveDate, Option<i64>), FieldErrors> {
        let mut e = FieldErrors::new();
        let date = match e.check("date", v::date(&self.date)) {
            Some(None) => {
                e.add("date", "error-required");
                None
            }
            Some(Some(d)) => e.check("date", v::period(since, Some(d))).map(|_| d),
            None => None,
        };
        let version = e.check("version", version(&self.version)).flatten();
        e.into_result(|| (date.expect("checked above"), version))
    }
}

input_struct!(PersonInput {
    name,
    kind,
    party,
    side,
    department,
    email,
    version
});

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PersonCmd {
    pub name: String,
    pub kind: PersonKind,
    pub party: Option<String>,
    pub side: Option<Side>,
    pub department: Option<String>,
    pub email: Option<String>,
    pub version: Option<i64>,
}

impl PersonInput {
    pub fn parse(&self) -> Result<PersonCmd, FieldErrors> {
        let mut e = FieldErrors::new();
        let name = e.check("name", v::name(&self.name));
        let kind = e.check("kind", code::<PersonKind>(&self.kind));
        let party = e.check("party", v::short(&self.party)).flatten();
        // A party is a political opinion (GDPR art. 9): stored only for
        // those who hold office for it.
        if party.is_some() && kind.is_some_and(|k| k != PersonKind::Politician) {
            e.add("party", "error-party-only-politicians");
        }
        let side = e.check("side", optional_code::<Side>(&self.side)).flatten();
        let department = e.check("department", v::short(&self.department)).flatten();
        let email = e.check("email", v::email(&self.email)).flatten();
        let version = e.check("version", version(&self.version)).flatten();
        e.into_result(|| PersonCmd {
            name: name.unwrap_or_default(),
            kind: kind.unwrap_or(PersonKind::Official),
            party,
            side,
            department,
            email,
            version,
        })
    }

    pub fn from_record(p: &Person) -> Self {
        Self {
            name: p.name.clone(),
            kind: p.kind.code().into(),
            party: opt_str(&p.party),
            side: p.side.map(|s| s.code().to_owned()).unwrap_or_default(),
            department: opt_str(&p.department),
            email: opt_str(&p.email),
            version: p.version.to_string(),
        }
    }
}

input_struct!(BodyInput {
    name,
    kind,
    abbreviation,
    version
});

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BodyCmd {
    pub name: String,
    pub kind: BodyKind,
    pub abbreviation: Option<String>,
    pub version: Option<i64>,
}

impl BodyInput {
    pub fn parse(&self) -> Result<BodyCmd, FieldErrors> {
        let mut e = FieldErrors::new();
        let name = e.check("name", v::name(&self.name));
        let kind = e.check("kind", code::<BodyKind>(&self.kind));
        let abbreviation = e
            .check("abbreviation", v::short(&self.abbreviation))
            .flatten();
        let version = e.check("version", version(&self.version)).flatten();
        e.into_result(|| BodyCmd {
            name: name.unwrap_or_default(),
            kind: kind.unwrap_or(BodyKind::Committee),
            abbreviation,
            version,
        })
    }

    pub fn from_record(b: &Body) -> Self {
        Self {
            name: b.name.clone(),
            kind: b.kind.code().into(),
            abbreviation: opt_str(&b.abbreviation),
            version: b.version.to_string(),
        }
    }
}

input_struct!(SeatInput {
    organisation_id,
    person_id,
    kind,
    org_body,
    title,
    from,
    until,
    notes,
    appointed_by,
    deputy_person_id,
    version
});

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SeatCmd {
    pub organisation_id: i64,
    pub person_id: Option<i64>,
    pub kind: SeatKind,
    pub org_body: String,
    pub title: Option<String>,
    pub from: Option<NaiveDate>,
    pub until: Option<NaiveDate>,
    pub notes: Option<String>,
    pub appointed_by: Option<String>,
    pub deputy_person_id: Option<i64>,
    pub version: Option<i64>,
}

impl SeatInput {
    pub fn parse(&self) -> Result<SeatCmd, FieldErrors> {
        let mut e = FieldErrors::new();
        let organisation_id = e.check("organisation_id", required_id(&self.organisation_id));
        let person_id = e.check("person_id", optional_id(&self.person_id)).flatten();
        let kind = e.check("kind", code::<SeatKind>(&self.kind));
        let org_body = e.check("org_body", v::name(&self.org_body));
        let title = e.check("title", v::short(&self.title)).flatten();
        let from = e.check("from", v::date(&self.from)).flatten();
        let until = e.check("until", v::date(&self.until)).flatten();
        if e.get("until").is_none() {
            e.check("until", v::period(from, until));
        }
        let notes = e.check("notes", v::text(&self.notes)).flatten();
        let appointed_by = e
            .check("appointed_by", v::short(&self.appointed_by))
            .flatten();
        let deputy_person_id = e
            .check("deputy_person_id", optional_id(&self.deputy_person_id))
            .flatten();
        if deputy_person_id.is_some() && deputy_person_id == person_id {
            e.add("deputy_person_id", "error-deputy-self");
        }
        let version = e.check("version", version(&self.version)).flatten();
        e.into_result(|| SeatCmd {
            organisation_id: organisation_id.unwrap_or_default(),
            person_id,
            kind: kind.unwrap_or(SeatKind::BoardSeat),
            org_body: org_body.unwrap_or_default(),
            title,
            from,
            until,
            notes,
            appointed_by,
            deputy_person_id,
            version,
        })
    }

    pub fn from_record(s: &Seat) -> Self {
        Self {
            organisation_id: s.organisation_id.to_string(),
            person_id: s.person_id.map(|i| i.to_string()).unwrap_or_default(),
            kind: s.kind.code().into(),
            org_body: s.org_body.clone(),
            title: opt_str(&s.title),
            from: opt_date(s.from),
            until: opt_date(s.until),
            notes: opt_str(&s.notes),
            appointed_by: opt_str(&s.appointed_by),
            deputy_person_id: s
                .deputy_person_id
                .map(|i| i.to_string())
                .unwrap_or_default(),
            version: s.version.to_string(),
        }
    }
}

input_struct!(
    /// A tenant's own organisation (not in the shared catalogue), or a
    /// catalogue entry edited by a platform admin.
    OrganisationInput { name, acronym, aliases, kind, headquarters, founded, website, themes, notice_months, written_notice, notice_valid_from, fee_basis, version }
);

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OrganisationCmd {
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
    /// The day the notice rule took effect (a statute change); None: always.
    pub notice_valid_from: Option<NaiveDate>,
    pub fee_basis: Option<String>,
    pub version: Option<i64>,
}

/// Splits a comma-separated list, trimming and dropping empties.
pub fn list(s: &str) -> Vec<String> {
    s.split(',')
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .map(str::to_owned)
        .collect()
}

impl OrganisationInput {
    pub fn parse(&self) -> Result<OrganisationCmd, FieldErrors> {
        let mut e = FieldErrors::new();
        let name = e.check("name", v::name(&self.name));
        let acronym = e.check("acronym", v::short(&self.acronym)).flatten();
        let aliases = list(&self.aliases);
        if aliases.iter().any(|a| v::name(a).is_err()) {
            e.add("aliases", "error-too-long");
        }
        let kind = e.check(
            "kind",
            if self.kind.trim().is_empty() {
                Ok(OrgKind::CityNetwork)
            } else {
                code(&self.kind)
            },
        );
        let headquarters = e
            .check("headquarters", v::short(&self.headquarters))
            .flatten();
        let founded = e.check("founded", v::year(&self.founded)).flatten();
        let website = e.check("website", v::website(&self.website)).flatten();
        let themes = list(&self.themes);
        if themes.iter().any(|a| v::name(a).is_err()) {
            e.add("themes", "error-too-long");
        }
        let notice_months = if self.notice_months.trim().is_empty() {
            None
        } else {
            e.check(
                "notice_months",
                self.notice_months
                    .trim()
                    .parse::<i32>()
                    .ok()
                    .filter(|m| (0..=120).contains(m))
                    .ok_or("error-months"),
            )
        };
        let notice_valid_from = e
            .check("notice_valid_from", v::date(&self.notice_valid_from))
            .flatten();
        let fee_basis = e.check("fee_basis", v::text(&self.fee_basis)).flatten();
        let version = e.check("version", version(&self.version)).flatten();
        e.into_result(|| OrganisationCmd {
            name: name.unwrap_or_default(),
            acronym,
            aliases,
            kind: kind.unwrap_or(OrgKind::CityNetwork),
            headquarters,
            founded,
            website,
            themes,
            notice_months,
            written_notice: flag(&self.written_notice),
            notice_valid_from,
            fee_basis,
            version,
        })
    }

    pub fn from_record(o: &Organisation) -> Self {
        Self {
            name: o.name.clone(),
            acronym: opt_str(&o.acronym),
            aliases: o.aliases.join(", "),
            kind: o.kind.code().into(),
            headquarters: opt_str(&o.headquarters),
            founded: o.founded.map(|y| y.to_string()).unwrap_or_default(),
            website: opt_str(&o.website),
            themes: o.themes.join(", "),
            notice_months: o.notice_months.map(|m| m.to_string()).unwrap_or_default(),
            written_notice: if o.written_notice {
                "on".into()
            } else {
                String::new()
            },
            notice_valid_from: opt_date(o.notice_valid_from),
            fee_basis: opt_str(&o.fee_basis),
            version: o.version.to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn membership() -> MembershipInput {
        MembershipInput {
            body_id: "1".into(),
            organisation_id: "2".into(),
            ..Default::default()
        }
    }

    #[test]
    fn a_minimal_membership_is_active_full_with_unknown_fee() {
        let c = membership().parse().unwrap();
        assert_eq!(
            (c.mtype, c.status, c.fee),
            (MembershipType::Full, MembershipStatus::Active, Fee::Unknown)
        );
    }

    #[test]
    fn membership_errors_name_their_fields() {
        let bad = MembershipInput {
            body_id: "".into(),
            organisation_id: "x".into(),
            since: "2012-01-01".into(),
            until: "2011-01-01".into(),
            fee_kind: "amount".into(),
            fee_amount: "lots".into(),
            ..Default::default()
        };
        let e = bad.parse().unwrap_err();
        assert_eq!(e.get("body_id"), Some("error-required"));
        assert_eq!(e.get("organisation_id"), Some("error-choose"));
        assert_eq!(e.get("until"), Some("error-end-before-start"));
        assert_eq!(e.get("fee_amount"), Some("error-amount"));
    }

    #[test]
    fn ended_needs_a_date() {
        let m = MembershipInput {
            status: "ended".into(),
            ..membership()
        };
        assert_eq!(
            m.parse().unwrap_err().get("until"),
            Some("error-ended-needs-date")
        );
    }

    #[test]
    fn fee_round_trips_through_the_form() {
        let m = MembershipInput {
            fee_kind: "amount".into(),
            fee_amount: "16 300,50".into(),
            fee_currency: "eur".into(),
            fee_year: "2011".into(),
            ..membership()
        };
        let c = m.parse().unwrap();
        assert_eq!(
            c.fee,
            Fee::Amount {
                minor: 1_630_050,
                currency: "EUR".into(),
                year: Some(2011)
            }
        );
        let record = Membership {
            id: 1,
            body_id: 1,
            organisation_id: 2,
            mtype: c.mtype,
            since: None,
            until: None,
            status: c.status,
            fee: c.fee.clone(),
            fee_illustrative: false,
            contact_person_id: None,
            notes: None,
            version: 1,
        };
        assert_eq!(
            MembershipInput::from_record(&record).parse().unwrap().fee,
            c.fee
        );
    }

    #[test]
    fn json_numbers_are_read_as_form_text() {
        let m: MembershipInput = serde_json_like(
            r#"{"body_id": 1, "organisation_id": 2, "fee_illustrative": true, "notes": null}"#,
        );
        assert_eq!(m.body_id, "1");
        assert_eq!(m.fee_illustrative, "true");
        assert_eq!(m.notes, "");
    }

    // The core has no JSON dependency; a tiny deserializer over a map is enough here.
    fn serde_json_like(s: &str) -> MembershipInput {
        use serde::de::value::{Error, MapDeserializer};
        let pairs: Vec<(String, Value)> = s
            .trim_matches(|c| c == '{' || c == '}')
            .split(',')
            .map(|kv| {
                let (k, v) = kv.split_once(':').unwrap();
                let k = k.trim().trim_matches('"').to_owned();
                let v = v.trim();
                let v = if v == "null" {
                    Value::Null
                } else if v == "true" {
                    Value::Bool(true)
                } else if let Ok(i) = v.parse() {
                    Value::Int(i)
                } else {
                    Value::Str(v.trim_matches('"').into())
                };
                (k, v)
            })
            .collect();
        MembershipInput::deserialize(MapDeserializer::<_, Error>::new(pairs.into_iter())).unwrap()
    }

    enum Value {
        Null,
        Bool(bool),
        Int(i64),
        Str(String),
    }
    impl<'de> serde::de::IntoDeserializer<'de, serde::de::value::Error> for Value {
        type Deserializer = ValueDe;
        fn into_deserializer(self) -> ValueDe {
            ValueDe(self)
        }
    }
    struct ValueDe(Value);
    impl<'de> Deserializer<'de> for ValueDe {
        type Error = serde::de::value::Error;
        fn deserialize_any<V: serde::de::Visitor<'de>>(
            self,
            v: V,
        ) -> Result<V::Value, Self::Error> {
            match self.0 {
                Value::Null => v.visit_unit(),
                Value::Bool(b) => v.visit_bool(b),
                Value::Int(i) => v.visit_i64(i),
                Value::Str(s) => v.visit_string(s),
            }
        }
        serde::forward_to_deserialize_any! { bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf option unit unit_struct newtype_struct seq tuple tuple_struct map struct enum identifier ignored_any }
    }

    #[test]
    fn person_needs_name_and_kind() {
        let e = PersonInput {
            email: "nope".into(),
            side: "middle".into(),
            ..Default::default()
        }
        .parse()
        .unwrap_err();
        assert_eq!(e.get("name"), Some("error-required"));
        assert_eq!(e.get("kind"), Some("error-required"));
        assert_eq!(e.get("email"), Some("error-email"));
        assert_eq!(e.get("side"), Some("error-choose"));
    }

    #[test]
    fn a_party_is_kept_only_for_politicians() {
        let with_party = |kind: &str| PersonInput {
            name: "Anna Ek".into(),
            kind: kind.into(),
            party: "S".into(),
            ..Default::default()
        };
        let e = with_party("official").parse().unwrap_err();
        assert_eq!(e.get("party"), Some("error-party-only-politicians"));
        assert_eq!(
            with_party("politician").parse().unwrap().party.as_deref(),
            Some("S")
        );
    }

    #[test]
    fn end_date_cannot_precede_start() {
        let since = NaiveDate::from_ymd_opt(2012, 1, 1);
        let e = EndInput {
            date: "2011-06-01".into(),
            version: "".into(),
        }
        .parse(since)
        .unwrap_err();
        assert_eq!(e.get("date"), Some("error-end-before-start"));
        assert!(EndInput::default().parse(None).is_err());
    }
}
