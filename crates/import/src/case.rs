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

/// The words that open a position in the documents we write and in real
/// ones; such an opening is written again from the persons, so it is not
/// kept in the text.
const OPENINGS: &[&str] = &[
    "anfördes av",
    "gjordes av",
    "entered a reservation",
    "made a special statement",
];

/// A position's own text: the parser gives the whole position, opening and
/// counter-points included; the case keeps only the reasons.
fn own_text(p: &ContractPosition) -> String {
    let listed: Vec<String> = p
        .points
        .iter()
        .map(|x| format!("{} {}", x.label, x.text))
        .collect();
    p.text
        .lines()
        .enumerate()
        .filter(|(i, line)| {
            let l = line.to_lowercase();
            !(*i == 0 && OPENINGS.iter().any(|o| l.contains(o)))
        })
        .map(|(_, line)| line.trim())
        .filter(|line| !line.is_empty() && !listed.iter().any(|x| x == line))
        .collect::<Vec<_>>()
        .join("\n\n")
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
                format!("{}\n\n{}", listed.join("\n\n"), own_text(p))
                    .trim()
                    .to_owned()
            } else {
                own_text(p)
            },
            // The parse contract has no seconders yet (issue 18).
            seconded_by: Vec::new(),
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

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn a_position_keeps_its_reasons_not_its_opening_or_points() {
        let parsed = json!({
            "title": "Ärende", "language": "sv",
            "decision_points": [{"number": 1, "label": "1.", "text": "Medlemskapet sägs upp."}],
            "positions": [{
                "kind": "reservation", "body": "kommunstyrelsen",
                "persons": [{"name": "Per Bolund", "party": "MP"}],
                "refers_to": null,
                "points": [{"number": 2, "label": "2.", "text": "Medlemskapet behålls."}],
                "text": "Reservation anfördes av Per Bolund (MP) enligt följande.\n2. Medlemskapet behålls.\nSkälen är goda."
            }],
            "organisations": [{"mention": "ECLG", "canonical": "UCLG"}],
            "warnings": ["\"ECLG\" read as UCLG"]
        });
        let i = to_new_case(&parsed, &[(7, "UCLG".into()), (8, "C40".into())]);
        let p = &i.new.positions[0];
        assert_eq!(p.text, "Skälen är goda.");
        assert_eq!(p.body, "Kommunstyrelsen");
        assert_eq!(p.points[0].label, "2.");
        assert_eq!(i.new.fields.membership_ids, [7]);
        assert_eq!(i.new.fields.route[0].body, "Kommunstyrelsen");
        assert_eq!(i.warnings, ["\"ECLG\" read as UCLG"]);
    }

    #[test]
    fn a_document_without_title_or_known_number_gets_warnings() {
        let parsed = json!({"case_number": "nr 12", "language": "en", "decision_points": [], "positions": []});
        let i = to_new_case(&parsed, &[]);
        assert_eq!(i.new.fields.title, "Imported case");
        assert_eq!(i.new.fields.route[0].body, "Executive Committee");
        assert_eq!(i.warnings.len(), 2);
        assert!(i.new.fields.number.is_none());
    }
}
