//! Every Akoma Ntoso document the Stockholm demo produces — and a decided
//! case made to exercise the corners (English, no case number, a person
//! without a party, a reservation referring to an earlier one, markup in the
//! text) — validated against the OASIS Akoma Ntoso 3.0 schema with
//! xmllint, on SQLite and on PostgreSQL when `OVERSYN_TEST_POSTGRES_URL`
//! is set.
//!
//! The schema is OASIS LegalDocML's `akomantoso30.xsd` (Akoma Ntoso Version
//! 1.0, OASIS Standard 2018, docs.oasis-open.org/legaldocml/akn-core/v1.0/
//! os/part2-specs/schemas/), kept unchanged with the W3C `xml.xsd` it imports
//! in `../shared/standards/akn/` (set `OVERSYN_STANDARDS_DIR` to use another
//! copy). Without xmllint (Debian `libxml2-utils`) the test fails.
//!
//! Beyond the schema, which cannot see it: every `by`, `refersTo` and
//! `href="#…"` names an element the document declares, and everything the
//! case says (every politician, each reservation's reference to an earlier
//! one, the statements) is still in it.

use chrono::NaiveDate;
use oversyn_core::cases::text::{persons_from_text, points_from_text};
use oversyn_core::cases::{Adopted, CaseFields, Decision, Position, PositionKind, Stage};
use oversyn_store::audit::Actor;
use oversyn_store::cases::NewCase;
use oversyn_store::testing::backends;
use std::path::{Path, PathBuf};
use std::process::Command;

fn standards_dir() -> PathBuf {
    match std::env::var_os("OVERSYN_STANDARDS_DIR") {
        Some(d) => PathBuf::from(d),
        None => Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/standards"),
    }
}

fn schema() -> PathBuf {
    let xsd = standards_dir().join("akn/akomantoso30.xsd");
    assert!(
        xsd.is_file(),
        "the OASIS Akoma Ntoso schema is not at {} (the repository expects ../shared/standards beside it; OVERSYN_STANDARDS_DIR points elsewhere)",
        xsd.display()
    );
    xsd
}

fn xmllint() {
    let ok = Command::new("xmllint")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    assert!(
        ok,
        "xmllint is missing: apt-get install libxml2-utils (scripts/test installs it)"
    );
}

/// A decided case with the corners the demo lacks.
fn corner_case() -> NewCase {
    let route = vec![
        Stage {
            body: "Finance Committee".into(),
            date: None,
        },
        Stage {
            body: "City Council".into(),
            date: None,
        },
    ];
    let proposal = points_from_text(
        "1. The membership in <Network & Co> ends on 1 January 2027.\n2. The office reports \"back\" by June.",
    );
    let reservation = Position {
        seq: 0,
        body: "Finance Committee".into(),
        kind: PositionKind::Reservation,
        persons: persons_from_text("Alex Without-Party"),
        refers_to: None,
        points: points_from_text("1. Costs must be reported yearly."),
        text: "First paragraph.\n\nSecond paragraph with <b>markup</b> & an ampersand.".into(),
        seconded_by: Vec::new(),
    };
    let statement = Position {
        seq: 1,
        body: "City Council".into(),
        kind: PositionKind::Statement,
        persons: persons_from_text("Kim Åberg (V)"),
        refers_to: None,
        points: vec![],
        text: "A statement \"quoted\" with 'apostrophes'.".into(),
        seconded_by: Vec::new(),
    };
    let referring = Position {
        seq: 2,
        body: "City Council".into(),
        kind: PositionKind::Reservation,
        persons: persons_from_text("Kim Åberg (V) and Alex Without-Party"),
        refers_to: Some(0),
        points: vec![],
        text: String::new(),
        seconded_by: Vec::new(),
    };
    let motion = Position {
        seq: 3,
        body: "City Council".into(),
        kind: PositionKind::Motion,
        persons: persons_from_text("Kim Åberg (V)"),
        refers_to: None,
        points: points_from_text("1. The membership ends on 1 January 2028 instead."),
        text: "Moved as an amendment.".into(),
        seconded_by: persons_from_text("Robin Ek (MP)"),
    };
    let note = Position {
        seq: 4,
        body: "City Council".into(),
        kind: PositionKind::Note,
        persons: persons_from_text("Alex Without-Party"),
        refers_to: None,
        points: vec![],
        text: "Asked that her dissent be recorded.".into(),
        seconded_by: Vec::new(),
    };
    NewCase {
        fields: CaseFields {
            title: "Review of <international> memberships".into(),
            language: "en".into(),
            route: route.clone(),
            proposal,
            ..CaseFields::default()
        },
        positions: vec![reservation, statement, referring, motion, note],
        decisions: vec![Decision {
            body: "City Council".into(),
            adopted: Adopted::Proposal,
            decided_on: NaiveDate::from_ymd_opt(2026, 11, 30).unwrap(),
            votes_for: Some(51),
            votes_against: Some(50),
            abstentions: None,
            kind: Default::default(),
            absent: None,
            votes: None,
            roll_call: Vec::new(),
            date_illustrative: false,
            paragraph: None,
            adjusted_on: None,
            published_on: None,
            legal_force_on: None,
        }],
        source: "ui".into(),
    }
}

/// What the schema cannot check: references resolve, nothing is lost.
fn check_content(xml: &str, case: &oversyn_store::cases::StoredCase) {
    let doc = roxmltree::Document::parse(xml).expect("well-formed");
    let declared: Vec<&str> = doc
        .descendants()
        .filter(|n| n.tag_name().name().starts_with("TLC"))
        .filter_map(|n| n.attribute("eId"))
        .collect();
    let ids: Vec<&str> = doc
        .descendants()
        .filter_map(|n| n.attribute("eId"))
        .collect();
    for n in doc.descendants() {
        for attr in ["by", "refersTo", "href", "source"] {
            if let Some(v) = n.attribute(attr)
                && let Some(id) = v.strip_prefix('#')
            {
                assert!(
                    declared.contains(&id) || ids.contains(&id),
                    "{attr}=\"{v}\" on <{}> names nothing in the document",
                    n.tag_name().name()
                );
            }
        }
        if let Some(by) = n.attribute("by") {
            assert!(!by.contains(' '), "`by` holds one reference: {by:?}");
        }
    }
    let opinions: Vec<_> = doc
        .descendants()
        .filter(|n| n.tag_name().name() == "opinion")
        .collect();
    let text_of = |n: roxmltree::Node| -> String {
        n.descendants()
            .filter_map(|d| d.text())
            .collect::<Vec<_>>()
            .join("")
    };
    let containers: Vec<_> = doc
        .descendants()
        .filter(|n| n.tag_name().name() == "hcontainer")
        .collect();
    assert_eq!(
        containers.len(),
        case.case.positions.len(),
        "one container per reservation or statement"
    );
    for (p, c) in case.case.positions.iter().zip(&containers) {
        let name = match p.kind {
            PositionKind::Reservation => "reservation",
            PositionKind::Statement => "statement",
            PositionKind::Motion => "motion",
            PositionKind::Note => "note",
        };
        assert_eq!(c.attribute("name"), Some(name));
        let here: Vec<_> = opinions
            .iter()
            .filter(|o| o.ancestors().any(|a| a == *c))
            .collect();
        assert_eq!(here.len(), p.persons.len(), "one opinion per person");
        for (person, o) in p.persons.iter().zip(here) {
            assert!(text_of(*o).contains(&person.name), "{} lost", person.name);
            assert_eq!(
                o.attribute("type"),
                Some(if p.kind == PositionKind::Reservation {
                    "dissenting"
                } else {
                    "null"
                })
            );
            assert_eq!(
                o.parent().map(|x| x.tag_name().name()),
                Some("p"),
                "opinion is inline, inside block text"
            );
        }
        let all = text_of(*c);
        for s in &p.seconded_by {
            assert!(all.contains(&s.name), "seconder {} lost", s.name);
        }
        if let Some(r) = p.refers_to {
            let reference = c
                .descendants()
                .find(|n| n.tag_name().name() == "ref")
                .expect("the reference to an earlier position");
            assert_eq!(
                reference.attribute("href"),
                Some(format!("#opinion_{}", r + 1).as_str())
            );
            assert!(
                all.contains("Med hänvisning till") || all.contains("With reference to"),
                "{all}"
            );
        }
        for point in &p.points {
            assert!(all.contains(&point.text), "{} lost", point.text);
        }
        for para in p.text.split("\n\n").filter(|t| !t.trim().is_empty()) {
            assert!(all.contains(para.trim()), "{para} lost");
        }
    }
}

#[tokio::test]
async fn every_akoma_ntoso_document_of_the_demo_is_valid_against_the_oasis_schema() {
    let xsd = schema();
    xmllint();
    let dir = std::env::temp_dir().join(format!("oversyn-akn-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let mut files: Vec<PathBuf> = Vec::new();
    let mut cases = Vec::new();
    for (n, (_db, store)) in backends().await.into_iter().enumerate() {
        let demo = oversyn_app::demo::load(&store).await.unwrap();
        let t = demo.tenant_id;
        let actor = Actor {
            tenant_id: t,
            user_id: None,
            label: "test".into(),
        };
        store.create_case(&actor, &corner_case()).await.unwrap();
        let mut decided = 0;
        for c in store.cases(t).await.unwrap() {
            let Some(xml) = oversyn_app::cases::akoma_ntoso(&store, t, c.id)
                .await
                .unwrap()
            else {
                continue;
            };
            // The list holds no positions; the case itself does.
            let c = store.case(t, c.id).await.unwrap();
            cases.push((xml.clone(), c.clone()));
            let file = dir.join(format!("backend{n}-case{}.akn.xml", c.id));
            std::fs::write(&file, &xml).unwrap();
            files.push(file);
            decided += 1;
        }
        assert!(
            decided >= 2,
            "the demo's decided case and the corner case: {decided}"
        );
    }
    let out = Command::new("xmllint")
        .arg("--noout")
        .arg("--schema")
        .arg(&xsd)
        .args(&files)
        .output()
        .expect("xmllint runs");
    let report = String::from_utf8_lossy(&out.stderr);
    assert!(
        out.status.success(),
        "Akoma Ntoso documents the OASIS schema rejects:\n{report}"
    );
    for f in &files {
        assert!(
            report.contains(&format!("{} validates", f.display())),
            "{} not validated:\n{report}",
            f.display()
        );
    }
    // Then what the schema cannot see.
    for (xml, c) in &cases {
        check_content(xml, c);
    }
    eprintln!(
        "{} Akoma Ntoso documents valid against {}",
        files.len(),
        xsd.display()
    );
    let _ = std::fs::remove_dir_all(&dir);
}
