//! OParl 1.1: the object model that council-information portals read. What
//! a tenant publishes becomes a `Body`; its political bodies and the
//! networks it belongs to are `Organization`s, the persons who hold seats
//! are `Person`s with a `Membership` per seat, public events are
//! `Meeting`s, public cases `Paper`s with their Akoma Ntoso document as a
//! `File`. The city's own memberships in networks have no OParl object and
//! travel as `oversyn:` extensions. Pure: callers load records and serve.

pub mod build;
pub mod paging;
pub mod time;

use crate::cases::{Decision, Point, Position, Stage};
use paging::Key;
use serde::Serialize;

pub const SCHEMA: &str = "https://schema.oparl.org/1.1/";
/// The licence every published object carries (OParl wants a URL).
pub const LICENSE: &str = "https://creativecommons.org/publicdomain/zero/1.0/";

/// The kinds of object a Body lists, as they appear in URLs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Organization,
    Person,
    Membership,
    Meeting,
    Paper,
    File,
    Location,
}

impl Kind {
    pub const ALL: [Kind; 7] = [
        Kind::Organization,
        Kind::Person,
        Kind::Membership,
        Kind::Meeting,
        Kind::Paper,
        Kind::File,
        Kind::Location,
    ];

    pub fn path(self) -> &'static str {
        match self {
            Kind::Organization => "organizations",
            Kind::Person => "persons",
            Kind::Membership => "memberships",
            Kind::Meeting => "meetings",
            Kind::Paper => "papers",
            Kind::File => "files",
            Kind::Location => "locations",
        }
    }

    pub fn from_path(s: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.path() == s)
    }

    pub fn type_url(self) -> String {
        let name = match self {
            Kind::Organization => "Organization",
            Kind::Person => "Person",
            Kind::Membership => "Membership",
            Kind::Meeting => "Meeting",
            Kind::Paper => "Paper",
            Kind::File => "File",
            Kind::Location => "Location",
        };
        format!("{SCHEMA}{name}")
    }

    /// Prefixes by rank: organisations are the city's bodies (rank 0) or
    /// networks (rank 1); files are generated from a case.
    fn prefixes(self) -> &'static [&'static str] {
        match self {
            Kind::Organization => &["body-", "network-"],
            Kind::File => &["case-"],
            _ => &[""],
        }
    }

    /// The last segment of an object's URL.
    pub fn segment(self, key: Key) -> String {
        let prefix = self.prefixes().get(usize::from(key.rank)).unwrap_or(&"");
        format!("{prefix}{}", key.id)
    }

    pub fn parse(self, segment: &str) -> Option<Key> {
        self.prefixes()
            .iter()
            .enumerate()
            .filter_map(|(rank, p)| {
                let id = segment.strip_prefix(p)?;
                // Only plain digits: "+5" or "05" would be a second URL for one object.
                if id.is_empty()
                    || !id.bytes().all(|b| b.is_ascii_digit())
                    || (id.len() > 1 && id.starts_with('0'))
                {
                    return None;
                }
                Some(Key {
                    rank: u8::try_from(rank).ok()?,
                    id: id.parse().ok()?,
                })
            })
            .next_back()
    }
}

/// Where a tenant's objects live.
#[derive(Debug, Clone)]
pub struct Urls {
    base: String,
    slug: String,
}

impl Urls {
    pub fn new(base: &str, slug: &str) -> Self {
        Urls {
            base: base.trim_end_matches('/').to_owned(),
            slug: slug.to_owned(),
        }
    }
    pub fn base_url(&self) -> String {
        self.base.clone()
    }
    pub fn system(base: &str) -> String {
        format!("{}/oparl", base.trim_end_matches('/'))
    }
    pub fn bodies(base: &str) -> String {
        format!("{}/bodies", Urls::system(base))
    }
    pub fn body(&self) -> String {
        format!("{}/{}", Urls::bodies(&self.base), self.slug)
    }
    pub fn list(&self, kind: Kind) -> String {
        format!("{}/{}", self.body(), kind.path())
    }
    pub fn object(&self, kind: Kind, key: Key) -> String {
        format!("{}/{}", self.list(kind), kind.segment(key))
    }
    pub fn public_page(&self) -> String {
        format!("{}/public/{}", self.base, self.slug)
    }
    pub fn public_case(&self, id: i64) -> String {
        format!("{}/cases/{id}", self.public_page())
    }
}

fn is_false(b: &bool) -> bool {
    !*b
}

/// A web address OParl accepts as `format: url`; anything else stays out.
pub fn web_address(s: Option<&str>) -> Option<String> {
    let s = s?.trim();
    let rest = s
        .strip_prefix("https://")
        .or_else(|| s.strip_prefix("http://"))?;
    (!rest.is_empty() && !rest.starts_with('/') && !s.contains(char::is_whitespace))
        .then(|| s.to_owned())
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct System {
    pub id: String,
    #[serde(rename = "type")]
    pub kind: String,
    pub oparl_version: String,
    pub body: String,
    pub name: String,
    pub license: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Body {
    pub id: String,
    #[serde(rename = "type")]
    pub kind: String,
    pub system: String,
    pub name: String,
    pub license: String,
    pub organization: String,
    pub person: String,
    pub meeting: String,
    pub paper: String,
    pub membership: String,
    pub file: String,
    pub location_list: String,
    /// Terms of office are not recorded yet; OParl requires the list.
    pub legislative_term: Vec<LegislativeTerm>,
    pub web: String,
    pub created: String,
    pub modified: String,
    /// That records are withheld from this body's data, by kind and ground
    /// in the OSL — never which.
    #[serde(rename = "oversyn:withheld", skip_serializing_if = "Vec::is_empty")]
    pub withheld: Vec<crate::privacy::secrecy::WithheldNotice>,
}

/// Never filled: terms of office are not part of the register yet.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LegislativeTerm {}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Organization {
    pub id: String,
    #[serde(rename = "type")]
    pub kind: String,
    pub body: String,
    pub name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub short_name: Option<String>,
    pub organization_type: String,
    pub classification: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub membership: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub website: Option<String>,
    #[serde(rename = "oversyn:memberOf", skip_serializing_if = "Vec::is_empty")]
    pub member_of: Vec<String>,
    #[serde(
        rename = "oversyn:cityMemberships",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub city_memberships: Vec<CityMembership>,
    pub created: String,
    pub modified: String,
}

/// The city's membership in a network, through one of its bodies.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CityMembership {
    /// The city body that holds the membership (an Organization's id).
    pub held_by: String,
    pub role: String,
    pub status: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub start_date: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub end_date: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fee: Option<FeeOut>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FeeOut {
    /// Decimal, two places, point as separator: "12500.00".
    pub amount: String,
    pub currency: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub year: Option<i32>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Person {
    pub id: String,
    #[serde(rename = "type")]
    pub kind: String,
    pub body: String,
    pub name: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub membership: Vec<Membership>,
    /// Party only for politicians: an official's party is nobody's business.
    #[serde(rename = "oversyn:party", skip_serializing_if = "Option::is_none")]
    pub party: Option<String>,
    #[serde(rename = "oversyn:side", skip_serializing_if = "Option::is_none")]
    pub side: Option<String>,
    pub created: String,
    pub modified: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Membership {
    pub id: String,
    #[serde(rename = "type")]
    pub kind: String,
    pub person: String,
    pub organization: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub start_date: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub end_date: Option<String>,
    /// The network's own body or group the seat is in.
    #[serde(rename = "oversyn:organizationBody")]
    pub organization_body: String,
    #[serde(rename = "oversyn:seatKind")]
    pub seat_kind: String,
    pub created: String,
    pub modified: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Location {
    pub id: String,
    #[serde(rename = "type")]
    pub kind: String,
    pub description: String,
    pub meetings: Vec<String>,
    pub created: String,
    pub modified: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Meeting {
    pub id: String,
    #[serde(rename = "type")]
    pub kind: String,
    pub name: String,
    pub start: String,
    pub end: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub location: Option<Location>,
    pub organization: Vec<String>,
    #[serde(rename = "oversyn:eventKind")]
    pub event_kind: String,
    #[serde(rename = "oversyn:remote", skip_serializing_if = "is_false")]
    pub remote: bool,
    #[serde(rename = "oversyn:streamUrl", skip_serializing_if = "Option::is_none")]
    pub stream_url: Option<String>,
    pub created: String,
    pub modified: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct File {
    pub id: String,
    #[serde(rename = "type")]
    pub kind: String,
    pub name: String,
    pub file_name: String,
    pub mime_type: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    pub access_url: String,
    pub download_url: String,
    pub paper: Vec<String>,
    pub license: String,
    pub created: String,
    pub modified: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Paper {
    pub id: String,
    #[serde(rename = "type")]
    pub kind: String,
    pub body: String,
    pub name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reference: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    pub paper_type: String,
    /// The decision document, once the case is decided.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub main_file: Option<File>,
    pub web: String,
    #[serde(
        rename = "oversyn:documentReference",
        skip_serializing_if = "Option::is_none"
    )]
    pub document_reference: Option<String>,
    #[serde(rename = "oversyn:status")]
    pub status: String,
    #[serde(rename = "oversyn:route")]
    pub route: Vec<Stage>,
    #[serde(rename = "oversyn:decisionPoints")]
    pub decision_points: Vec<Point>,
    #[serde(rename = "oversyn:reservations")]
    pub reservations: Vec<Position>,
    #[serde(rename = "oversyn:statements")]
    pub statements: Vec<Position>,
    /// Motions (yrkanden) with their movers and seconders.
    #[serde(rename = "oversyn:motions")]
    pub motions: Vec<Position>,
    /// Notes entered in the minutes (protokollsanteckningar).
    #[serde(rename = "oversyn:notes")]
    pub notes: Vec<Position>,
    #[serde(rename = "oversyn:decisions")]
    pub decisions: Vec<Decision>,
    pub created: String,
    pub modified: String,
}

/// What stays of a deleted object: its id, so a client can remove it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Tombstone {
    pub id: String,
    #[serde(rename = "type")]
    pub kind: String,
    pub deleted: bool,
    pub modified: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn segments_read_back_as_the_same_key() {
        for kind in Kind::ALL {
            for rank in 0..kind.prefixes().len() {
                let key = Key {
                    rank: rank as u8,
                    id: 4711,
                };
                assert_eq!(kind.parse(&kind.segment(key)), Some(key), "{kind:?}");
            }
        }
        assert_eq!(
            Kind::Organization.parse("network-3"),
            Some(Key { rank: 1, id: 3 })
        );
        for bad in [
            "",
            "3x",
            "+3",
            "03",
            "body-",
            "network--3",
            "99999999999999999999",
        ] {
            assert_eq!(Kind::Organization.parse(bad), None, "{bad}");
        }
        assert_eq!(Kind::Paper.parse("-1"), None);
    }

    #[test]
    fn only_web_addresses_pass_as_urls() {
        assert_eq!(
            web_address(Some("https://eurocities.eu")).as_deref(),
            Some("https://eurocities.eu")
        );
        for bad in ["www.c40.org", "https://", "http:///x", "https://a b", ""] {
            assert_eq!(web_address(Some(bad)), None, "{bad}");
        }
    }
}
