//! A case written as our own decision document (PDF and plain text, in
//! Swedish and English) reads back to the same points and positions.

use oversyn_core::cases::text::{persons_from_text, points_from_text};
use oversyn_core::cases::{Case, CaseFields, CaseNumber, Position, PositionKind, Stage};
use oversyn_documents::blocks::typst;
use oversyn_documents::case::{CaseView, document};

fn case(lang: &str) -> (CaseFields, Case) {
    let en = lang == "en";
    let route: Vec<Stage> = if en {
        vec!["Mayors Committee", "Executive Committee"]
    } else {
        vec!["Borgarrådsberedningen", "Kommunstyrelsen"]
    }
    .into_iter()
    .map(|b| Stage {
        body: b.into(),
        date: None,
    })
    .collect();
    let proposal = points_from_text(if en {
        "1. The membership of Metropolis and UCLG is terminated with effect from 1 January 2028.\n2. The City Executive Office is commissioned to evaluate the membership of C40."
    } else {
        "1. Stadens medlemskap i Metropolis och UCLG sägs upp från och med den 1 januari 2028.\n2. Stadsledningskontoret får i uppdrag att utvärdera medlemskapet i C40."
    });
    let position =
        |body: &Stage, kind, persons: &str, refers_to, points: &str, text: &str| Position {
            seq: 0,
            body: body.body.clone(),
            kind,
            persons: persons_from_text(persons),
            refers_to,
            points: points_from_text(points),
            text: text.into(),
            seconded_by: Vec::new(),
        };
    let mut positions = vec![
        position(
            &route[0],
            PositionKind::Reservation,
            "Anna Berg (V)",
            None,
            "3. Staden behåller sitt medlemskap i Metropolis.",
            "Samarbetet ger kunskap som staden annars saknar.",
        ),
        position(
            &route[0],
            PositionKind::Statement,
            "Karin Lund och Olof Sten (båda S)",
            None,
            "",
            "Konferenserna bör sändas direkt.",
        ),
        position(
            &route[1],
            PositionKind::Reservation,
            "Maja Holm (V), Per Ek (MP)",
            Some(0),
            "",
            "",
        ),
        position(
            &route[1],
            PositionKind::Statement,
            "Ann-Margarethe Lind, Roger Mo och Tomas Ruud (alla S)",
            None,
            "",
            "Oppositionen bör få fler platser i organisationerna.",
        ),
    ];
    for (i, p) in positions.iter_mut().enumerate() {
        p.seq = i as u32;
    }
    let fields = CaseFields {
        number: CaseNumber::parse_any("006-2040/2026").map(|(n, _)| n),
        reference: "PM 2026:7 RI".into(),
        title: if en {
            "Review of the city's networks"
        } else {
            "Översyn av stadens internationella nätverk"
        }
        .into(),
        language: lang.into(),
        document_date: chrono::NaiveDate::from_ymd_opt(2026, 10, 5),
        rapporteur: if en {
            "Mayor Eva Ek"
        } else {
            "borgarrådet Eva Ek"
        }
        .into(),
        route: route.clone(),
        proposal: proposal.clone(),
        matter: "Ärendet gäller stadens nätverk.".into(),
        ..CaseFields::default()
    };
    let c = Case {
        route,
        proposal,
        positions,
        decisions: Vec::new(),
    };
    (fields, c)
}

fn check(parsed: &serde_json::Value, fields: &CaseFields, c: &Case) {
    assert_eq!(parsed["case_number"], "006-2040/2026");
    assert_eq!(parsed["title"], fields.title.as_str());
    assert_eq!(parsed["date"], "2026-10-05");
    let points: Vec<&str> = parsed["decision_points"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["text"].as_str().unwrap())
        .collect();
    let want: Vec<&str> = c.proposal.iter().map(|p| p.text.as_str()).collect();
    assert_eq!(points, want);
    let got = parsed["positions"].as_array().unwrap();
    assert_eq!(got.len(), c.positions.len(), "{parsed:#}");
    for (g, w) in got.iter().zip(&c.positions) {
        assert_eq!(g["kind"], w.kind.to_string());
        assert_eq!(
            g["body"].as_str().unwrap_or("").to_lowercase(),
            w.body.to_lowercase()
        );
        let persons: Vec<(String, Option<String>)> = g["persons"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| {
                (
                    p["name"].as_str().unwrap().to_owned(),
                    p["party"].as_str().map(str::to_owned),
                )
            })
            .collect();
        let want: Vec<(String, Option<String>)> = w
            .persons
            .iter()
            .map(|p| (p.name.clone(), p.party.clone()))
            .collect();
        assert_eq!(persons, want);
        assert_eq!(g["refers_to"].as_u64().map(|v| v as u32), w.refers_to);
        let texts: Vec<&str> = g["points"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p["text"].as_str().unwrap())
            .collect();
        let want: Vec<&str> = w.points.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(texts, want);
    }
}

#[test]
fn our_documents_read_back_from_pdf_and_text_in_both_languages() {
    for lang in ["sv", "en"] {
        let (fields, c) = case(lang);
        let view = CaseView {
            city: "Stockholms stad",
            place: "Stockholm",
            number: "006-2040/2026",
            fields: &fields,
            case: &c,
        };
        let doc = document(&view);
        let pdf = oversyn_pdf::render(&typst(&doc), &[]).expect("PDF");
        let parsed = oversyn_import::parse_document(&pdf, &[]).expect("parses");
        check(&parsed, &fields, &c);
        let parsed =
            oversyn_import::parse_document(doc.plain_text().as_bytes(), &[]).expect("parses");
        check(&parsed, &fields, &c);
    }
}
