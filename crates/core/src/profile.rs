//! How a tenant names itself in the documents it signs: its central
//! administration office, the place its documents are signed at, the body
//! that holds its memberships (and the council above it, where the rules
//! send such cases on), its strategy document as it cites it, and whether
//! it calls itself a city, a municipality or a region. Nothing here may
//! default to Stockholm: a second city's drafts must read as its own.

use crate::Lang;
use crate::validate::{self, FieldErrors};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    City,
    #[default]
    Municipality,
    Region,
}

impl Kind {
    pub const ALL: [Kind; 3] = [Kind::City, Kind::Municipality, Kind::Region];

    pub fn code(self) -> &'static str {
        match self {
            Kind::City => "city",
            Kind::Municipality => "municipality",
            Kind::Region => "region",
        }
    }

    pub fn parse(s: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.code() == s.trim())
    }

    /// "staden" / "the city", as the subject of a sentence in the middle.
    pub fn noun(self, lang: Lang) -> &'static str {
        match (self, lang.is_en()) {
            (Kind::City, false) => "staden",
            (Kind::Municipality, false) => "kommunen",
            (Kind::Region, false) => "regionen",
            (Kind::City, true) => "the city",
            (Kind::Municipality, true) => "the municipality",
            (Kind::Region, true) => "the region",
        }
    }

    /// "stadens" / "the city's".
    pub fn genitive(self, lang: Lang) -> &'static str {
        match (self, lang.is_en()) {
            (Kind::City, false) => "stadens",
            (Kind::Municipality, false) => "kommunens",
            (Kind::Region, false) => "regionens",
            (Kind::City, true) => "the city's",
            (Kind::Municipality, true) => "the municipality's",
            (Kind::Region, true) => "the region's",
        }
    }

    /// What a tenant's name says it is: "Malmö stad" a city, "Region Skåne"
    /// a region, anything else a municipality.
    pub fn from_name(name: &str) -> Kind {
        let lower = name.to_lowercase();
        let words: Vec<&str> = lower.split_whitespace().collect();
        if words.contains(&"region") || words.contains(&"regionen") {
            Kind::Region
        } else if words.last().is_some_and(|w| *w == "stad" || *w == "city") {
            Kind::City
        } else {
            Kind::Municipality
        }
    }
}

/// Upper-cases the first letter: "staden" → "Staden".
pub fn capitalised(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Profile {
    pub kind: Kind,
    /// "Kommunledningskontoret", "Stadskontoret", "Stadsledningskontoret".
    pub office_sv: String,
    pub office_en: String,
    /// Where the office takes e-mail: the actions a decision orders go to
    /// it, so their reminders (send notice by …) reach someone; may be empty.
    #[serde(default)]
    pub office_email: String,
    /// Where documents are signed: "Malmö", not "Malmö stad".
    pub place: String,
    /// The body that holds the memberships and decides on them.
    pub body_sv: String,
    pub body_en: String,
    /// The council a membership case goes on to when the rules say so;
    /// empty when the body decides alone.
    #[serde(default)]
    pub council_sv: String,
    #[serde(default)]
    pub council_en: String,
    /// The strategy for international work as the tenant cites it, e.g.
    /// "Strategi för internationellt arbete (KF 2019-06-10 § 12, KS 2018/0457)".
    #[serde(default)]
    pub strategy_reference: String,
}

impl Profile {
    /// What a tenant that has set nothing gets: the commonest Swedish names
    /// of the office and bodies, the place read from its name.
    pub fn default_for(tenant_name: &str) -> Profile {
        let kind = Kind::from_name(tenant_name);
        Profile {
            kind,
            office_sv: "Kommunledningskontoret".into(),
            office_en: "Municipal Executive Office".into(),
            office_email: String::new(),
            place: place_from_name(tenant_name),
            body_sv: if kind == Kind::Region {
                "Regionstyrelsen".into()
            } else {
                "Kommunstyrelsen".into()
            },
            body_en: if kind == Kind::Region {
                "Regional Executive Board".into()
            } else {
                "Municipal Executive Board".into()
            },
            council_sv: if kind == Kind::Region {
                "Regionfullmäktige".into()
            } else {
                "Kommunfullmäktige".into()
            },
            council_en: if kind == Kind::Region {
                "Regional Council".into()
            } else {
                "Municipal Council".into()
            },
            strategy_reference: String::new(),
        }
    }

    pub fn office(&self, lang: Lang) -> &str {
        if lang.is_en() {
            &self.office_en
        } else {
            &self.office_sv
        }
    }

    pub fn body(&self, lang: Lang) -> &str {
        if lang.is_en() {
            &self.body_en
        } else {
            &self.body_sv
        }
    }

    pub fn council(&self, lang: Lang) -> &str {
        if lang.is_en() {
            &self.council_en
        } else {
            &self.council_sv
        }
    }

    /// The bodies a drafted membership case passes, one per line.
    pub fn route(&self, lang: Lang) -> String {
        [self.body(lang), self.council(lang)]
            .iter()
            .filter(|s| !s.is_empty())
            .copied()
            .collect::<Vec<_>>()
            .join("\n")
    }
}

/// "Malmö stad" → "Malmö", "Stockholms stad" → "Stockholm", "Uppsala
/// kommun" → "Uppsala", "Borås Stad" → "Borås". The genitive s is dropped
/// only after a consonant and not from names that end in -fors or -ums,
/// where the s belongs to the name (Kramfors, Grums); the tenant corrects
/// the rest in its settings.
pub fn place_from_name(name: &str) -> String {
    let t = name.trim();
    let stem = ["s stad", "s kommun", " stad", " kommun", " city"]
        .iter()
        .find_map(|suffix| {
            let cut = t.len().checked_sub(suffix.len())?;
            let ends = t.is_char_boundary(cut) && t[cut..].eq_ignore_ascii_case(suffix);
            ends.then(|| {
                let keep_s = suffix.starts_with('s') && !genitive_s(&t[..=cut]);
                if keep_s {
                    t[..=cut].to_owned()
                } else {
                    t[..cut].to_owned()
                }
            })
        });
    match stem {
        Some(s) if !s.trim().is_empty() => s.trim().to_owned(),
        _ => t.strip_prefix("Region ").unwrap_or(t).trim().to_owned(),
    }
}

/// Whether the final s of `word_s` ("Stockholms") is a genitive ending.
fn genitive_s(word_s: &str) -> bool {
    let lower = word_s.to_lowercase();
    let before = lower.strip_suffix('s').and_then(|w| w.chars().last());
    let consonant = before.is_some_and(|c| c.is_alphabetic() && !"aeiouyåäö".contains(c));
    consonant && !lower.ends_with("fors") && !lower.ends_with("ums") && !lower.ends_with("ss")
}

/// The profile as a form or the API sends it (and as both show it).
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"kind": "municipality", "office_sv": "Kommunledningskontoret", "office_en": "Municipal Executive Office", "office_email": "internationellt@uppsala.se", "place": "Uppsala", "body_sv": "Kommunstyrelsen", "body_en": "Municipal Executive Board", "council_sv": "Kommunfullmäktige", "council_en": "Municipal Council", "strategy_reference": "Internationell policy (KF 2019-06-10 § 112)"})))]
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ProfileInput {
    /// city, municipality or region: how documents refer to the tenant ("staden", "kommunen", "regionen").
    pub kind: String,
    /// The office that prepares cases and carries out decisions.
    pub office_sv: String,
    pub office_en: String,
    /// Where the office takes e-mail: derived actions go to it, with their reminders; may be empty.
    pub office_email: String,
    /// Where documents are signed ("Uppsala den 8 september 2026").
    pub place: String,
    /// The body that holds the memberships and decides on them.
    pub body_sv: String,
    pub body_en: String,
    /// The council a membership case goes on to; empty when the body decides alone.
    pub council_sv: String,
    pub council_en: String,
    /// The strategy for international work as the tenant cites it; may be empty.
    pub strategy_reference: String,
}

impl From<&Profile> for ProfileInput {
    fn from(p: &Profile) -> Self {
        ProfileInput {
            kind: p.kind.code().into(),
            office_sv: p.office_sv.clone(),
            office_en: p.office_en.clone(),
            office_email: p.office_email.clone(),
            place: p.place.clone(),
            body_sv: p.body_sv.clone(),
            body_en: p.body_en.clone(),
            council_sv: p.council_sv.clone(),
            council_en: p.council_en.clone(),
            strategy_reference: p.strategy_reference.clone(),
        }
    }
}

impl ProfileInput {
    /// Checks every field at once; the council and the strategy's
    /// reference may be empty, nothing else may.
    pub fn parse(&self) -> Result<Profile, FieldErrors> {
        let mut e = FieldErrors::new();
        let kind = match Kind::parse(&self.kind) {
            Some(k) => Some(k),
            None => {
                e.add("kind", "error-choose");
                None
            }
        };
        let office_sv = e.check("office_sv", validate::name(&self.office_sv));
        let office_en = e.check("office_en", validate::name(&self.office_en));
        let office_email = e.check("office_email", validate::email(&self.office_email));
        let place = e.check("place", validate::name(&self.place));
        let body_sv = e.check("body_sv", validate::name(&self.body_sv));
        let body_en = e.check("body_en", validate::name(&self.body_en));
        let council_sv = e.check("council_sv", validate::short(&self.council_sv));
        let council_en = e.check("council_en", validate::short(&self.council_en));
        let strategy = e.check(
            "strategy_reference",
            validate::short(&self.strategy_reference),
        );
        e.into_result(|| Profile {
            kind: kind.unwrap_or_default(),
            office_sv: office_sv.unwrap_or_default(),
            office_en: office_en.unwrap_or_default(),
            office_email: office_email.flatten().unwrap_or_default(),
            place: place.unwrap_or_default(),
            body_sv: body_sv.unwrap_or_default(),
            body_en: body_en.unwrap_or_default(),
            council_sv: council_sv.flatten().unwrap_or_default(),
            council_en: council_en.flatten().unwrap_or_default(),
            strategy_reference: strategy.flatten().unwrap_or_default(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn the_place_is_the_name_without_stad_kommun_or_genitive() {
        for (name, place) in [
            ("Stockholms stad", "Stockholm"),
            ("Göteborgs Stad", "Göteborg"),
            ("Malmö stad", "Malmö"),
            ("Uppsala kommun", "Uppsala"),
            ("Borås Stad", "Borås"),
            ("Västerås stad", "Västerås"),
            ("Kramfors kommun", "Kramfors"),
            ("Grums kommun", "Grums"),
            ("Mölndals stad", "Mölndal"),
            ("Region Skåne", "Skåne"),
            ("Helsinki", "Helsinki"),
            ("City of Edinburgh", "City of Edinburgh"),
            ("stad", "stad"),
        ] {
            assert_eq!(place_from_name(name), place, "{name}");
        }
    }

    #[test]
    fn the_kind_follows_the_name() {
        assert_eq!(Kind::from_name("Stockholms stad"), Kind::City);
        assert_eq!(Kind::from_name("Uppsala kommun"), Kind::Municipality);
        assert_eq!(Kind::from_name("Region Skåne"), Kind::Region);
        assert_eq!(
            Kind::from_name("Synthetic municipality 001"),
            Kind::Municipality
        );
    }

    #[test]
    fn a_default_profile_names_nothing_of_stockholm() {
        let p = Profile::default_for("Uppsala kommun");
        let all = serde_json::to_string(&p).unwrap().to_lowercase();
        assert!(
            !all.contains("stockholm") && !all.contains("stadsledning"),
            "{all}"
        );
        assert_eq!(p.office(Lang::Sv), "Kommunledningskontoret");
        assert_eq!(p.route(Lang::Sv), "Kommunstyrelsen\nKommunfullmäktige");
        assert_eq!(
            Profile::default_for("Region Skåne").body(Lang::Sv),
            "Regionstyrelsen"
        );
    }

    #[test]
    fn the_route_leaves_out_an_empty_council() {
        let mut p = Profile::default_for("Malmö stad");
        p.council_en.clear();
        assert_eq!(p.route(Lang::En), "Municipal Executive Board");
    }

    #[test]
    fn parse_names_every_bad_field_and_keeps_optional_ones_empty() {
        let mut input = ProfileInput::from(&Profile::default_for("Uppsala kommun"));
        input.council_sv = "  ".into();
        input.strategy_reference = String::new();
        let p = input.parse().unwrap();
        assert_eq!(p.council_sv, "");
        input.kind = "village".into();
        input.office_sv = " ".into();
        input.place = "x\u{7}".into();
        input.office_email = "kansliet".into();
        let e = input.parse().unwrap_err();
        assert_eq!(e.get("kind"), Some("error-choose"));
        assert_eq!(e.get("office_sv"), Some("error-required"));
        assert_eq!(e.get("place"), Some("error-control-characters"));
        assert_eq!(e.get("office_email"), Some("error-email"));
        assert_eq!(e.0.len(), 4);
    }

    proptest! {
        #[test]
        fn a_parsed_profile_reads_back_the_same(
            office in "[A-Za-zÅÄÖåäö]{1,30}",
            place in "[A-Za-zÅÄÖåäö ]{0,20}[a-zö]",
            kind in 0usize..3,
        ) {
            let mut p = Profile::default_for("X kommun");
            p.office_sv = office;
            p.place = place.trim().to_owned();
            p.kind = Kind::ALL[kind];
            prop_assert_eq!(ProfileInput::from(&p).parse().unwrap(), p);
        }

        #[test]
        fn the_place_never_panics_and_is_never_longer(name in "\\PC{0,40}") {
            let place = place_from_name(&name);
            prop_assert!(place.chars().count() <= name.trim().chars().count());
        }
    }
}
