//! Whole-document tests on small texts; the fixtures and the reference
//! document are tested in `tests/case_parse.rs`.

use super::*;

fn parse_sv(text: &str) -> ParsedCase {
    parse(text, &catalogue_names()).unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn catalogue_names_use_acronyms() {
    let names = catalogue_names();
    let canon: Vec<&str> = names.iter().map(|n| n.canonical.as_str()).collect();
    for c in ["UCLG", "EUROCITIES", "C40", "Metropolis", "ICLEI"] {
        assert!(canon.contains(&c), "{c}");
    }
    let uclg = names.iter().find(|n| n.canonical == "UCLG").unwrap();
    assert_eq!(uclg.names[0], "United Cities and Local Governments");
    assert!(uclg.names.iter().any(|n| n == "ECLG"));
}

#[test]
fn errors_say_what_is_wrong() {
    assert_eq!(parse("", &[]).unwrap_err().kind(), ParseErrorKind::Empty);
    assert_eq!(
        parse("Det var en gång en katt som hette Måns.", &[])
            .unwrap_err()
            .to_string(),
        "the text has no decision points or positions: is this a decision document?"
    );
    let story = "Hon beslutade att gå hem.\n\nSedan beslutade hon att stanna.\n\n1. Kapitel ett\n2. Kapitel två\n";
    assert_eq!(
        parse(story, &[]).unwrap_err().kind(),
        ParseErrorKind::NotADecision
    );
}

#[test]
fn a_small_protocol() {
    let text = "Kommunstyrelsen\nSammanträdesdatum 2019-10-16\n\n§ 12 Dnr KS 2019/0457\nMedlemskap i ICLEI\n\nBeslut\nKommunstyrelsen beslutar\n1. Kommunen ansöker om medlemskap i ICLEI från och med den 1 januari 2020.\n2. Kommunstyrelsen underrättas om utfallet.\n\nReservationer\nAnna Ek (V) reserverar sig mot beslutet till förmån för eget förslag.\n";
    let case = parse_sv(text);
    assert_eq!(case.case_number.as_deref(), Some("KS 2019/0457"));
    assert_eq!(case.title.as_deref(), Some("Medlemskap i ICLEI"));
    assert_eq!(case.date, NaiveDate::from_ymd_opt(2019, 10, 16));
    assert_eq!(case.decision_points.len(), 2);
    assert_eq!(case.positions.len(), 1);
    assert_eq!(case.positions[0].body.as_deref(), Some("kommunstyrelsen"));
    assert_eq!(case.actions[0].kind, ActionKind::Join);
    assert_eq!(case.actions[1].kind, ActionKind::Notify);
}

#[test]
fn json_field_names_are_the_contract() {
    let text = "Dnr 1/2020\nBeslut\n1. Staden går med i C40.\n";
    let case = parse_sv(text);
    let json = serde_json::to_value(&case).unwrap();
    for key in [
        "case_number",
        "reference",
        "title",
        "language",
        "date",
        "paragraph",
        "rapporteur",
        "attachments",
        "decision",
        "decision_points",
        "positions",
        "organisations",
        "actions",
        "warnings",
    ] {
        assert!(json.get(key).is_some(), "{key}");
    }
    assert_eq!(json["actions"][0]["kind"], "join");
    let back: ParsedCase = serde_json::from_value(json).unwrap();
    assert_eq!(back, case);
}

#[test]
fn actions_of_points_decided_in_the_application() {
    let points = [Point {
        number: 2,
        label: "2.".into(),
        text: "Stadens medlemskap i UCLG sägs upp senast den 30 juni.".into(),
    }];
    let day = NaiveDate::from_ymd_opt(2011, 9, 28);
    let actions = point_actions(&points, &catalogue_names(), day);
    assert_eq!(actions.len(), 1);
    assert_eq!(actions[0].kind, ActionKind::TerminateMembership);
    assert_eq!(actions[0].organisations, ["UCLG"]);
    assert_eq!(actions[0].deadline, NaiveDate::from_ymd_opt(2012, 6, 30));
    assert_eq!(actions[0].point, 2);
}

#[test]
fn numbered_grounds_stay_inside_their_reservation() {
    let text = "Kommunfullmäktige\nSammanträdesdatum 2019-10-16\n\n§ 12 Dnr KS 2019/0457\nMedlemskap i ICLEI\n\nBeslut\nKommunfullmäktige beslutar\n1. Kommunen ansöker om medlemskap i ICLEI.\n2. Kommunstyrelsen underrättas.\n\nReservation\n1. Vi Sverigedemokrater reserverar oss mot beslutet.\n2. Medlemskapet kostar mer än det ger.\n3. Kommunen bör i stället samarbeta i Norden.\n";
    let case = parse_sv(text);
    let points: Vec<&str> = case
        .decision_points
        .iter()
        .map(|p| p.text.as_str())
        .collect();
    assert_eq!(
        points,
        [
            "Kommunen ansöker om medlemskap i ICLEI.",
            "Kommunstyrelsen underrättas."
        ]
    );
    assert_eq!(case.positions.len(), 1, "{:#?}", case.positions);
    assert_eq!(case.positions[0].kind, PositionKind::Reservation);
    assert!(case.positions[0].text.contains("kostar mer än det ger"));
}

#[test]
fn each_field_says_how_sure_the_parser_is() {
    let sure = |text: &str| parse_sv(text).confidence;
    let protocol = sure(
        "Kommunstyrelsen\nSammanträdesdatum 2019-10-16\n\n§ 12 Dnr KS 2019/0457\nMedlemskap i ICLEI\n\nBeslut\nKommunstyrelsen beslutar\n1. Kommunen ansöker om medlemskap i ICLEI från och med den 1 januari 2020.\n2. Kommunstyrelsen underrättas om utfallet.\n",
    );
    for field in [
        "case_number",
        "date",
        "paragraph",
        "decision_points",
        "decision_kind",
    ] {
        assert_eq!(protocol[field], Confidence::High, "{field}: {protocol:?}");
    }
    // A bare list with no introduction, no date and no § is a guess.
    let bare =
        sure("Dnr KS 2019/0457\n\n1. Kommunen går med i ICLEI.\n2. Kommunstyrelsen underrättas.\n");
    assert_eq!(bare["decision_points"], Confidence::Low, "{bare:?}");
    assert_eq!(bare["date"], Confidence::Low);
    assert_eq!(bare["paragraph"], Confidence::Low);
    assert_eq!(bare["case_number"], Confidence::High);
    let json =
        serde_json::to_value(parse_sv("Dnr 1/2020\nBeslut\n1. Staden går med i C40.\n")).unwrap();
    assert!(json["confidence"]["decision_points"].is_string(), "{json}");
}

#[test]
fn the_body_that_decided_is_named() {
    let case = parse_sv(
        "§ 64 Medlemskap i ICLEI\nSammanträdesdatum 2011-06-16\n\nKommunfullmäktige beslutade att återremittera ärendet till kommunstyrelsen.\n",
    );
    assert_eq!(case.deciding_body.as_deref(), Some("kommunfullmäktige"));
    // A preparing body's recommendation names no deciding body.
    let case = parse_sv(
        "Dnr 1/2020\nBorgarrådsberedningen tillstyrker förslaget.\nBeslut\n1. Staden går med i C40.\n",
    );
    assert_eq!(case.deciding_body, None);
}
