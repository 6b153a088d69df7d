//! A parsed decision document (the core's parse contract) turned into a case
//! to store. The contract's JSON field names are read, not the parser's Rust
//! types, so this follows the same promise other tools rely on.

use oversyn_core::cases::{CaseFields, CaseNumber, Person, Point, Position, PositionKind, Stage};
use oversyn_store::cases::NewCase;
use serde::Deserialize;

#[derive(Debug, Deserialize, Default)]
#[serde(default)]
struct Contract {
    case_number: Option<String>,
    reference: Option<String>,
    title: Option<String>,
    language: Option<String>,
    date: Option<chrono::NaiveDate>,
    decision_points: Vec<ContractPoint>,
    positions: Vec<ContractPosition>,
    organisations: Vec<ContractOrg>,
    warnings: Vec<String>,
    /// Not in the contract's minimum; used when the parser names them.
    proposing_body: Option<String>,
    deciding_body: Option<String>,
}

#[derive(Debug, Deserialize, Default)]
#[serde(default)]
struct ContractPoint {
    number: u32,
    label: String,
    text: String,
}

#[derive(Debug, Deserialize, Default)]
#[serde(default)]
struct ContractPosition {
    kind: String,
    body: Option<String>,
    persons: Vec<Person>,
    refers_to: Option<u32>,
    points: Vec<ContractPoint>,
    text: String,
}

#[derive(Debug, Deserialize, Default)]
#[serde(default)]
struct ContractOrg {
    canonical: String,
}

/// A case ready to store, with what the reader should check before saving.
#[derive(Debug, Clone)]
pub struct ImportedCase {
    pub new: NewCase,
    pub warnings: Vec<String>,
}

fn capitalised(s: &str) -> String {
    let mut c = s.trim().chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

fn points(ps: &[ContractPoint]) -> Vec<Point> {
    ps.iter()
        .enumerate()
        .map(|(i, p)| Point {
            number: if p.number == 0 {
                i as u32 + 1
            } else {
                p.number
            },
            label: if p.label.is_empty() {
                format!("{}.", i + 1)
            } else {
                p.label.clone()
            },
            text: p.text.clone(),
        })
        .collect()
}

/// `parsed` is the parser's output as JSON (the parse contract);
/// `memberships` are the tenant's (id, organisation name or acronym).
pub fn to_new_case(parsed: &serde_json::Value, memberships: &[(i64, String)]) -> ImportedCase {
    let c: Contract = serde_json::from_value(parsed.clone()).unwrap_or_default();
    let mut warnings = c.warnings.clone();
    let lang = match c.language.as_deref() {
        Some("en") => "en",
        _ => "sv",
    };
    let default_body = if lang == "en" {
        "Executive Committee"
    } else {
        "Kommunstyrelsen"
    };
    let mut route: Vec<String> = Vec::new();
    let named = c
        .proposing_body
        .iter()
        .chain(c.positions.iter().filter_map(|p| p.body.as_ref()))
        .chain(c.deciding_body.iter())
        .map(|b| capitalised(b))
        .chain(
            (c.proposing_body.is_none() && c.deciding_body.is_none())
                .then(|| default_body.to_owned()),
        );
    for b in named {
        if !b.is_empty() && !route.iter().any(|r| r.to_lowercase() == b.to_lowercase()) {
            route.push(b);
        }
    }
    let last = route.last().cloned().unwrap_or_else(|| default_body.into());
    let positions = c
        .positions
        .iter()
        .map(|p| Position {
            seq: 0,
            body: p
                .body
                .as_deref()
                .map(capitalised)
                .unwrap_or_else(|| last.clone()),
            kind: if p.kind == "statement" {
                PositionKind::Statement
            } else {
                PositionKind::Reservation
            },
            persons: p.persons.clone(),
            refers_to: p.refers_to,
            // A statement has no counter-points; any numbered lines stay in its text.
            points: if p.kind == "statement" {
                Vec::new()
            } else {
                points(&p.points)
            },
            text: if p.kind == "statement" && !p.points.is_empty() {
                let listed: Vec<String> = p
                    .points
                    .iter()
                    .map(|x| format!("{} {}", x.label, x.text))
                    .collect();
                format!("{}\n\n{}", listed.join("\n\n"), p.text)
                    .trim()
                    .to_owned()
            } else {
                p.text.clone()
            },
        })
        .collect();
    let number = c.case_number.as_deref().and_then(|n| {
        let parsed = CaseNumber::parse_any(n).map(|(n, _)| n);
        if parsed.is_none() {
            warnings.push(format!(
                "the case number \"{n}\" is in no known format; enter it by hand"
            ));
        }
        parsed
    });
    let wanted: Vec<String> = c
        .organisations
        .iter()
        .map(|o| o.canonical.to_lowercase())
        .collect();
    let membership_ids = memberships
        .iter()
        .filter(|(_, name)| wanted.contains(&name.to_lowercase()))
        .map(|(id, _)| *id)
        .collect();
    let title = c.title.filter(|t| !t.trim().is_empty()).unwrap_or_else(|| {
        warnings.push("the document has no title that could be read; enter one".into());
        if lang == "en" {
            "Imported case"
        } else {
            "Importerat ärende"
        }
        .into()
    });
    let fields = CaseFields {
        number,
        reference: c.reference.unwrap_or_default(),
        title,
        language: lang.into(),
        document_date: c.date,
        route: route
            .into_iter()
            .map(|body| Stage { body, date: None })
            .collect(),
        proposal: points(&c.decision_points),
        membership_ids,
        ..CaseFields::default()
    };
    ImportedCase {
        new: NewCase {
            fields,
            positions,
            decisions: Vec::new(),
            source: "import".into(),
        },
        warnings,
    }
}
