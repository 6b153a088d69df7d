//! The shared catalogue of real international organisations and networks,
//! seeded into every installation. Every fact carries its source and the
//! date it was true, taken from `shared/reference/organisations.md`.

use crate::codes::{OrgKind, RelationKind};

/// One sourced fact about an organisation, shown with its source and date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Fact {
    /// What the fact is about: "members", "fees", "exit", "governance", "founded", …
    pub topic: &'static str,
    pub text: &'static str,
    pub source: &'static str,
    /// When the fact was true or published, as precise as the source allows ("2023", "2011-11").
    pub as_of: &'static str,
}

/// A governing body and how often it meets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GoverningBody {
    pub name: &'static str,
    pub cadence: &'static str,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Entry {
    /// Stable key across installations, e.g. "eurocities", "uclg", "skr".
    pub slug: &'static str,
    pub name: &'static str,
    pub acronym: Option<&'static str>,
    /// Other names it is known by, including former names and common misspellings in documents.
    pub aliases: &'static [&'static str],
    pub kind: OrgKind,
    pub headquarters: Option<&'static str>,
    pub founded: Option<i32>,
    pub website: Option<&'static str>,
    pub themes: &'static [&'static str],
    /// Notice period for leaving, in months, where the statutes are known.
    pub notice_months: Option<i32>,
    pub written_notice: bool,
    pub fee_basis: Option<&'static str>,
    pub bodies: &'static [GoverningBody],
    pub facts: &'static [Fact],
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Link {
    pub from: &'static str,
    pub to: &'static str,
    pub kind: RelationKind,
    pub source: &'static str,
}

// CATALOGUE-DATA-BEGIN
pub const ENTRIES: &[Entry] = &[];
pub const LINKS: &[Link] = &[];
// CATALOGUE-DATA-END

/// Finds a catalogue entry by slug.
pub fn entry(slug: &str) -> Option<&'static Entry> {
    ENTRIES.iter().find(|e| e.slug == slug)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn slugs_are_unique_and_links_resolve() {
        let mut seen = HashSet::new();
        for e in ENTRIES {
            assert!(seen.insert(e.slug), "duplicate slug {}", e.slug);
            assert!(crate::validate::slug(e.slug).is_ok(), "bad slug {}", e.slug);
        }
        for l in LINKS {
            assert!(entry(l.from).is_some() && entry(l.to).is_some(), "{l:?}");
        }
    }

    #[test]
    fn every_fact_has_a_source_and_date() {
        for e in ENTRIES {
            for f in e.facts {
                assert!(!f.source.is_empty() && !f.as_of.is_empty(), "{}: {f:?}", e.slug);
            }
        }
    }

    #[test]
    fn the_reference_networks_are_there() {
        for slug in ["eurocities", "metropolis", "uclg", "c40", "cemr", "skr"] {
            assert!(entry(slug).is_some(), "{slug} missing");
        }
        let uclg = entry("uclg").unwrap();
        assert_eq!(uclg.notice_months, Some(6));
        assert!(uclg.written_notice);
        let skr = entry("skr").unwrap();
        assert!(skr.aliases.contains(&"SKL"));
        assert!(LINKS.iter().any(|l| l.from == "skr" && l.to == "uclg" && l.kind == RelationKind::MemberOf));
        assert!(LINKS.iter().any(|l| l.from == "skr" && l.to == "cemr" && l.kind == RelationKind::MemberOf));
        assert!(LINKS.iter().any(|l| l.from == "metropolis" && l.to == "uclg" && l.kind == RelationKind::SectionOf));
    }
}
