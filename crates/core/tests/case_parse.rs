//! The case parser on whole documents: the Stockholm 2011 reference case and
//! fixtures written for each style the parser must read.

use chrono::NaiveDate;
use oversyn_core::case_parse::{
    Action, ActionKind, OrgName, ParsedCase, Point, Position, PositionKind, catalogue_names, parse,
};
use std::path::PathBuf;

fn fixture(name: &str) -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/cases")
        .join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn read(text: &str) -> ParsedCase {
    parse(text, &catalogue_names()).unwrap_or_else(|e| panic!("{e}"))
}

fn date(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

fn persons(p: &Position) -> Vec<(&str, Option<&str>)> {
    p.persons
        .iter()
        .map(|x| (x.name.as_str(), x.party.as_deref()))
        .collect()
}

fn texts(points: &[Point]) -> Vec<(u32, &str, &str)> {
    points
        .iter()
        .map(|p| (p.number, p.label.as_str(), p.text.as_str()))
        .collect()
}

fn mentions(case: &ParsedCase) -> Vec<(&str, &str)> {
    case.organisations
        .iter()
        .map(|o| (o.mention.as_str(), o.canonical.as_str()))
        .collect()
}

fn action(case: &ParsedCase, kind: ActionKind) -> &Action {
    case.actions
        .iter()
        .find(|a| a.kind == kind)
        .unwrap_or_else(|| panic!("no {kind:?} in {:?}", case.actions))
}

fn reference_text() -> Option<String> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/reference/stockholm-2011-international-review.txt");
    match std::fs::read_to_string(&path) {
        Ok(t) => Some(t),
        Err(_) => {
            eprintln!(
                "skipped: the reference document is not at {}",
                path.display()
            );
            None
        }
    }
}

#[test]
fn the_reference_document() {
    let Some(text) = reference_text() else {
        return;
    };
    let case = read(&text);
    assert_eq!(case.case_number.as_deref(), Some("006-1348/2010"));
    assert_eq!(case.reference.as_deref(), Some("PM 2011:125 RI"));
    // "Borgarrådsberedningen tillstyrker …": a preparing body's word.
    assert_eq!(
        case.decision.kind,
        oversyn_core::cases::votes::DecisionKind::Recommended
    );
    assert_eq!(case.decision.votes, Default::default());
    assert!(case.decision.roll_call.is_empty());
    assert_eq!(case.paragraph, None);
    assert_eq!(
        case.title.as_deref(),
        Some("Översyn av stadens engagemang i internationella organisationer")
    );
    assert_eq!(case.language, "sv");
    assert_eq!(case.date, date(2011, 9, 8));

    assert_eq!(
        texts(&case.decision_points),
        [
            (
                1,
                "1.",
                "Staden avsäger sig styrelseposterna i Metropolis och UCLG inför Metropolis världskongress i Porto Alegre, Brasilien, den 23-26 november 2011."
            ),
            (
                2,
                "2.",
                "Stadens medlemskap i Metropolis och UCLG sägs upp från och med den 1 januari 2012."
            ),
            (
                3,
                "3.",
                "Stadsledningskontoret får i uppdrag att se över och komma med förslag till strategiskt engagemang inom ramen för medlemskapet i EUROCITIES."
            ),
        ]
    );

    let p = &case.positions;
    assert_eq!(p.len(), 5);
    let kinds: Vec<PositionKind> = p.iter().map(|x| x.kind).collect();
    use PositionKind::{Reservation, Statement};
    assert_eq!(
        kinds,
        [Reservation, Statement, Reservation, Reservation, Statement]
    );
    let bodies: Vec<Option<&str>> = p.iter().map(|x| x.body.as_deref()).collect();
    assert_eq!(
        bodies,
        [
            Some("borgarrådsberedningen"),
            Some("borgarrådsberedningen"),
            Some("kommunstyrelsen"),
            Some("kommunstyrelsen"),
            Some("kommunstyrelsen")
        ]
    );
    assert_eq!(persons(&p[0]), [("Per Bolund", Some("MP"))]);
    assert_eq!(
        persons(&p[1]),
        [("Karin Wanngård", Some("S")), ("Tomas Rudin", Some("S"))]
    );
    assert_eq!(
        persons(&p[2]),
        [
            ("Emilia Hagberg", Some("MP")),
            ("Stefan Nilsson", Some("MP"))
        ]
    );
    assert_eq!(persons(&p[3]), [("Ann-Margarethe Livh", Some("V"))]);
    assert_eq!(
        persons(&p[4]),
        [
            ("Karin Wanngård", Some("S")),
            ("Roger Mogert", Some("S")),
            ("Tomas Rudin", Some("S"))
        ]
    );
    let refers: Vec<Option<usize>> = p.iter().map(|x| x.refers_to).collect();
    assert_eq!(refers, [None, None, Some(0), None, None]);

    // The counter-proposals keep their own numbering; "6. I övrigt anförs
    // följande:" introduces the reasons and proposes nothing.
    let numbers: Vec<u32> = p[0].points.iter().map(|x| x.number).collect();
    assert_eq!(numbers, [4, 5]);
    assert!(p[0].text.contains("6. I övrigt anförs följande:"));
    assert_eq!(
        p[0].points[0].text,
        "Staden behåller sitt medlemskap i Metropolis och UCLG och fortsätter också sitt styrelsearbete i dessa"
    );
    assert_eq!(p[3].points.len(), 3);
    assert_eq!(
        p[3].points[0].text,
        "Stockholms stad behåller sitt medlemskap i Metropolis och ECLG"
    );
    assert!(p[1].points.is_empty() && p[4].points.is_empty());
    // Each position's text stops where the next section starts.
    assert!(
        p[0].text
            .ends_with("liksom företrädare från majoriteten gör det.")
    );
    assert!(
        p[1].text
            .ends_with("belastas särskilt hårt avseende tid och resor.")
    );
    assert!(p[4].text.ends_with("där staden verkar."));
    assert!(!p[4].text.contains("ÄRENDET"));

    let orgs = mentions(&case);
    for pair in [
        ("EUROCITIES", "EUROCITIES"),
        ("Metropolis", "Metropolis"),
        ("UCLG", "UCLG"),
        ("C40", "C40"),
        ("ECLG", "UCLG"),
        // The Left Party's reservation asks for an evaluation of ECAD.
        ("ECAD", "ECAD"),
    ] {
        assert!(orgs.contains(&pair), "{pair:?} in {orgs:?}");
    }
    assert!(
        case.warnings.iter().any(|w| w == "\"ECLG\" read as UCLG"),
        "{:?}",
        case.warnings
    );

    let resign = action(&case, ActionKind::ResignBoardSeats);
    assert_eq!(
        (resign.point, resign.deadline, resign.effective),
        (1, date(2011, 11, 23), None)
    );
    assert_eq!(resign.organisations, ["Metropolis", "UCLG"]);
    let leave = action(&case, ActionKind::TerminateMembership);
    assert_eq!(
        (leave.point, leave.effective, leave.deadline),
        (2, date(2012, 1, 1), None)
    );
    assert_eq!(leave.organisations, ["Metropolis", "UCLG"]);
    let commission = action(&case, ActionKind::Commission);
    assert_eq!(commission.point, 3);
    assert_eq!(commission.organisations, ["EUROCITIES"]);
    assert_eq!(case.actions.len(), 3);
}

#[test]
fn the_reference_document_survives_a_round_trip_through_json() {
    let Some(text) = reference_text() else {
        return;
    };
    let case = read(&text);
    let json = serde_json::to_string(&case).unwrap();
    assert!(json.contains("\"kind\":\"resign_board_seats\""));
    assert!(json.contains("\"date\":\"2011-09-08\""));
    let back: ParsedCase = serde_json::from_str(&json).unwrap();
    assert_eq!(back, case);
}

#[test]
fn a_proposal_in_pm_style() {
    let case = read(&fixture("pm_proposal.txt"));
    assert_eq!(case.case_number.as_deref(), Some("106-0772/2019"));
    assert_eq!(case.reference.as_deref(), Some("PM 2019:47 RIII"));
    assert_eq!(
        case.title.as_deref(),
        Some("Medlemskap i ICLEI och utträde ur Union of the Baltic Cities")
    );
    assert_eq!(case.date, date(2019, 10, 14));
    assert_eq!(case.decision_points.len(), 3);
    assert_eq!(
        case.decision_points[0].text,
        "Staden ansöker om medlemskap i ICLEI – Local Governments for Sustainability från och med den 1 januari 2020."
    );
    assert_eq!(
        case.decision_points[1].text,
        "Stadens medlemskap i UBC sägs upp från och med den 1 juli 2020. Uppsägningen ska vara organisationen till handa senast den 31 december 2019."
    );

    let p = &case.positions;
    assert_eq!(p.len(), 5);
    assert_eq!(
        persons(&p[0]),
        [("Johan Sand", Some("S")), ("Sara Holm", Some("S"))]
    );
    // "3. Därutöver anförs följande:" introduces reasons, not a counter-point.
    assert_eq!(p[0].points.len(), 2);
    assert_eq!(
        persons(&p[1]),
        [
            ("Olof Berg", Some("M")),
            ("Maria Lund", Some("L")),
            ("Anna Wik", Some("C"))
        ]
    );
    assert_eq!(p[1].kind, PositionKind::Statement);
    assert_eq!(persons(&p[2]), [("Ali Hassan", Some("V"))]);
    assert_eq!(p[2].body.as_deref(), Some("kommunstyrelsen"));
    assert!(p[2].text.ends_with("Staden bör stanna kvar i UBC."));
    assert_eq!(persons(&p[3]).len(), 3);
    assert_eq!(p[3].refers_to, Some(0));
    assert_eq!(p[4].refers_to, Some(1));

    let join = action(&case, ActionKind::Join);
    assert_eq!(
        (join.organisations.as_slice(), join.effective),
        (&["ICLEI".to_string()][..], date(2020, 1, 1))
    );
    let leave = action(&case, ActionKind::TerminateMembership);
    assert_eq!(leave.organisations, ["UBC"]);
    assert_eq!(
        (leave.effective, leave.deadline),
        (date(2020, 7, 1), date(2019, 12, 31))
    );
    let evaluate = action(&case, ActionKind::Evaluate);
    assert_eq!(
        (evaluate.organisations[0].as_str(), evaluate.deadline),
        ("Climate Alliance", date(2020, 6, 30))
    );
    assert_eq!(
        action(&case, ActionKind::Commission).deadline,
        date(2020, 6, 30)
    );
    assert!(case.warnings.is_empty(), "{:?}", case.warnings);
}

#[test]
fn a_protocol_with_reservations_statements_and_notes() {
    let case = read(&fixture("protocol.txt"));
    assert_eq!(case.case_number.as_deref(), Some("KS 2019/0457"));
    assert_eq!(case.reference, None);
    assert_eq!(
        case.title.as_deref(),
        Some("Medlemskap i ICLEI och översyn av övriga nätverk")
    );
    assert_eq!(case.date, date(2019, 11, 6));
    // The adopted decision, not the motion under "Yrkanden".
    let labels: Vec<&str> = case
        .decision_points
        .iter()
        .map(|p| p.label.as_str())
        .collect();
    assert_eq!(labels, ["1)", "2)", "3)", "4)"]);
    assert_eq!(
        case.decision_points[2].text,
        "Kommundirektören får i uppdrag att senast den 31 mars 2020 redovisa en översyn av kommunens övriga internationella medlemskap."
    );

    // The attendance list makes no positions; the motion under "Yrkanden" is one.
    let p = &case.positions;
    assert_eq!(p.len(), 5, "{p:#?}");
    assert_eq!(p[0].kind, PositionKind::Reservation);
    assert_eq!(persons(&p[0]), [("Anna Andersson", Some("V"))]);
    assert_eq!(
        persons(&p[1]),
        [("Lisa Berg", Some("KD")), ("Bengt Lind", Some("C"))]
    );
    assert_eq!(p[2].kind, PositionKind::Statement);
    assert_eq!(persons(&p[2]), [("Omar Said", Some("MP"))]);
    assert!(p[2].text.contains("Climate Alliance"));
    assert_eq!(p[3].kind, PositionKind::Note);
    assert_eq!(persons(&p[3]), [("Per Dahl", Some("M"))]);
    assert_eq!(p[4].kind, PositionKind::Motion);
    assert_eq!(persons(&p[4]), [("Anna Andersson", Some("V"))]);
    assert_eq!(p[4].points.len(), 2, "{:#?}", p[4]);
    assert_eq!(
        case.decision.kind,
        oversyn_core::cases::votes::DecisionKind::Adopted
    );
    assert!(
        p.iter()
            .all(|x| x.body.as_deref() == Some("kommunstyrelsen"))
    );
    assert!(!p[3].text.contains("ajourneras"));

    assert_eq!(action(&case, ActionKind::Join).effective, date(2020, 1, 1));
    let leave = action(&case, ActionKind::TerminateMembership);
    assert_eq!(
        (leave.organisations[0].as_str(), leave.effective),
        ("Energy Cities", date(2020, 1, 1))
    );
    assert_eq!(
        action(&case, ActionKind::Commission).deadline,
        date(2020, 3, 31)
    );
    let notify = action(&case, ActionKind::Notify);
    assert_eq!(
        (notify.point, notify.organisations[0].as_str()),
        (4, "Energy Cities")
    );
}

#[test]
fn lettered_points_and_bulleted_counter_points() {
    let case = read(&fixture("lettered.txt"));
    assert_eq!(case.case_number.as_deref(), Some("2016/0117 KS-2"));
    assert_eq!(
        case.title.as_deref(),
        Some("Översyn av stadens deltagande i METREX och Eurocities")
    );
    assert_eq!(case.date, None);
    let points: Vec<(u32, &str)> = case
        .decision_points
        .iter()
        .map(|p| (p.number, p.label.as_str()))
        .collect();
    assert_eq!(points, [(1, "(a)"), (2, "(b)"), (3, "(c)")]);
    assert_eq!(
        case.decision_points[1].text,
        "Stadsbyggnadskontoret får i uppdrag att fördjupa arbetet i Eurocities inom forumet för stadsplanering."
    );

    let p = &case.positions;
    assert_eq!(p.len(), 2);
    assert_eq!(persons(&p[0]), [("Mikael Strand", Some("V"))]);
    assert_eq!(
        texts(&p[0].points),
        [
            (1, "•", "stadens medlemskap i METREX behålls"),
            (
                2,
                "•",
                "stadsbyggnadskontoret får i uppdrag att utvärdera nyttan av medlemskapet"
            ),
        ]
    );
    assert_eq!(p[1].kind, PositionKind::Statement);
    assert_eq!(persons(&p[1]), [("Helena Kask", Some("MP"))]);

    let leave = action(&case, ActionKind::TerminateMembership);
    assert_eq!((leave.point, leave.effective), (1, date(2017, 1, 1)));
    assert_eq!(
        action(&case, ActionKind::Commission).organisations,
        ["EUROCITIES"]
    );
    assert_eq!(
        action(&case, ActionKind::Notify).deadline,
        date(2016, 9, 30)
    );
    assert_eq!(
        mentions(&case),
        [("METREX", "METREX"), ("Eurocities", "EUROCITIES")]
    );
}

#[test]
fn english_minutes_with_a_dissent() {
    let case = read(&fixture("english_minutes.txt"));
    assert_eq!(case.language, "en");
    assert_eq!(case.case_number.as_deref(), Some("EC 2020/15"));
    assert_eq!(
        case.title.as_deref(),
        Some("Withdrawal from Energy Cities and membership of ICLEI")
    );
    assert_eq!(case.date, date(2020, 3, 12));
    assert_eq!(case.decision_points.len(), 3);

    let p = &case.positions;
    assert_eq!(p.len(), 3, "{p:#?}");
    assert_eq!(p[0].kind, PositionKind::Reservation);
    assert_eq!(persons(&p[0]), [("Jane Smith", Some("Green"))]);
    assert!(p[0].text.contains("without a proper evaluation"));
    assert_eq!(p[1].kind, PositionKind::Statement);
    assert_eq!(persons(&p[1]), [("Tom Brown", Some("Labour"))]);
    assert_eq!(p[2].kind, PositionKind::Reservation);
    assert_eq!(persons(&p[2]), [("Ahmed Khan", Some("Green"))]);
    assert_eq!(p[2].refers_to, Some(0));
    assert!(
        p.iter()
            .all(|x| x.body.as_deref() == Some("Executive Committee"))
    );

    let leave = action(&case, ActionKind::TerminateMembership);
    assert_eq!(
        (leave.organisations[0].as_str(), leave.effective),
        ("Energy Cities", date(2021, 1, 1))
    );
    assert_eq!(action(&case, ActionKind::Join).organisations, ["ICLEI"]);
    let notify = action(&case, ActionKind::Notify);
    assert_eq!((notify.point, notify.deadline), (3, date(2020, 9, 30)));
}

#[test]
fn page_breaks_running_heads_and_misspelt_names() {
    let case = read(&fixture("page_breaks.txt"));
    assert_eq!(case.case_number.as_deref(), Some("KS/2017:214"));
    assert_eq!(
        case.title.as_deref(),
        Some("Malmös internationella nätverk efter översynen")
    );
    assert_eq!(case.date, date(2017, 5, 10));
    assert_eq!(
        texts(&case.decision_points),
        [
            (
                1,
                "-",
                "Stadens medlemskap i EUROCITES behålls och stadens arbete i nätverkets forum för kultur fördjupas."
            ),
            (
                2,
                "-",
                "Staden träder ur Metroplis från och med den 1 januari 2018."
            ),
            // Hyphenated across a page break, with the running head between.
            (
                3,
                "-",
                "Stadskontoret får i uppdrag att utvärdera medlemskapet i ICLIE senast den 31 december 2017."
            ),
        ]
    );
    let p = &case.positions;
    assert_eq!(p.len(), 1);
    assert_eq!(
        p[0].text,
        "Fredrik Holm (L): Liberalerna anser att staden bör följa arbetet i EU-kommissionen och se över nyttan för miljö- och klimatarbetet. Stadens engagemang i Metroplis motsvarar inte kostnaderna."
    );
    assert!(!p[0].text.contains("Sida") && !p[0].text.contains("KS/2017"));

    assert_eq!(
        mentions(&case),
        [
            ("EUROCITES", "EUROCITIES"),
            ("Metroplis", "Metropolis"),
            ("ICLIE", "ICLEI")
        ]
    );
    assert_eq!(
        case.warnings,
        [
            "\"EUROCITES\" read as EUROCITIES",
            "\"Metroplis\" read as Metropolis",
            "\"ICLIE\" read as ICLEI"
        ]
    );
    let leave = action(&case, ActionKind::TerminateMembership);
    assert_eq!(
        (leave.organisations[0].as_str(), leave.effective),
        ("Metropolis", date(2018, 1, 1))
    );
    assert_eq!(
        action(&case, ActionKind::Evaluate).deadline,
        date(2017, 12, 31)
    );
}

#[test]
fn old_style_att_clauses() {
    let case = read(&fixture("att_clauses.txt"));
    assert_eq!(case.case_number.as_deref(), Some("KS 2019/1201"));
    assert_eq!(case.title.as_deref(), Some("Utträde ur Energy Cities"));
    assert_eq!(case.date, date(2020, 2, 24));
    let labels: Vec<(u32, &str)> = case
        .decision_points
        .iter()
        .map(|p| (p.number, p.label.as_str()))
        .collect();
    assert_eq!(labels, [(1, "att"), (2, "att"), (3, "att")]);
    assert_eq!(
        case.positions.len(),
        1,
        "\"Inga.\" under a heading is no statement"
    );
    assert_eq!(
        persons(&case.positions[0]),
        [
            ("Lars Björk", Some("SD")),
            ("Sofia Wennberg", Some("SD")),
            ("Elin Fors", Some("Fi"))
        ]
    );
    // "vid årsskiftet 2020/2021" is the turn of the year.
    assert_eq!(
        action(&case, ActionKind::TerminateMembership).effective,
        date(2021, 1, 1)
    );
    assert_eq!(action(&case, ActionKind::Notify).point, 2);
    assert_eq!(
        action(&case, ActionKind::Evaluate).deadline,
        date(2020, 6, 30)
    );
}

#[test]
fn a_decision_in_one_sentence() {
    let case = read(&fixture("one_sentence.txt"));
    assert_eq!(case.case_number.as_deref(), Some("KS/2021:33"));
    assert_eq!(case.title.as_deref(), Some("Medlemskap i Climate Alliance"));
    assert_eq!(case.date, date(2021, 2, 3));
    assert_eq!(
        texts(&case.decision_points),
        [(
            1,
            "",
            "Arbetsutskottet beslutar att kommunen går med i Climate Alliance från och med den 1 mars 2021."
        )]
    );
    assert_eq!(case.positions.len(), 1);
    assert_eq!(case.positions[0].refers_to, None);
    let join = action(&case, ActionKind::Join);
    assert_eq!((join.point, join.effective), (1, date(2021, 3, 1)));
}

#[test]
fn organisations_of_the_register_are_recognised_too() {
    let mut orgs = catalogue_names();
    orgs.push(OrgName {
        canonical: "Nordiska nätverket".into(),
        names: vec![
            "Nordiska nätverket för hållbara städer".into(),
            "NNHS".into(),
        ],
    });
    let text = "Dnr 12-345/2020\nBeslut\n1. Staden går med i Nordiska nätverket för hållbara städer.\n2. NNHS underrättas.\n";
    let case = parse(text, &orgs).unwrap();
    assert_eq!(
        mentions(&case),
        [
            (
                "Nordiska nätverket för hållbara städer",
                "Nordiska nätverket"
            ),
            ("NNHS", "Nordiska nätverket")
        ]
    );
    assert_eq!(case.actions[0].organisations, ["Nordiska nätverket"]);
    assert!(case.warnings.iter().any(|w| w.contains("\"NNHS\"")));
}

#[test]
fn texts_that_are_not_decisions() {
    for text in [
        "",
        "   \n\n",
        "Det var en gång en katt.\n\nHan hette Måns och bodde i Uppsala.\n",
    ] {
        assert!(parse(text, &catalogue_names()).is_err(), "{text:?}");
    }
    let binary: String = (0..2000u32)
        .map(|i| char::from_u32(i % 32).unwrap_or(' '))
        .collect();
    let err = parse(&binary, &catalogue_names()).unwrap_err();
    assert!(err.to_string().contains("binary"), "{err}");
}
