//! Whole-document tests on small texts; the fixtures and the reference
//! document are tested in `tests/case_parse.rs`.

use super::*;

/// The decision points read from a text with no catalogue of organisations.
fn points_of(text: &str) -> Vec<String> {
    let case = parse(text, &[]).unwrap();
    point_texts(&case).into_iter().map(str::to_string).collect()
}

fn point_texts(case: &ParsedCase) -> Vec<&str> {
    case.decision_points
        .iter()
        .map(|p| p.text.as_str())
        .collect()
}

/// Each position's kind and the names of its members, in order.
fn position_names(case: &ParsedCase) -> Vec<(PositionKind, Vec<&str>)> {
    case.positions
        .iter()
        .map(|p| (p.kind, p.persons.iter().map(|m| m.name.as_str()).collect()))
        .collect()
}

/// The names of every position's members, in order.
fn member_names(case: &ParsedCase) -> Vec<&str> {
    position_names(case)
        .into_iter()
        .flat_map(|(_, names)| names)
        .collect()
}

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
    let points = point_texts(&case);
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

#[test]
fn a_vote_record_without_decision_points_is_read() {
    let text = "Change of venue\n\nMeeting: 12/03/2020 - Council (Item 7)\n\nCouncillor Amy Reed moved and Councillor Ben Cole seconded a proposal to move the meeting to the Guildhall:\n\nThe proposal was put to the vote, with the following result:\n\nFor: 18\n\nAgainst: 21\n\nAbstention: 2\n\nThe proposal was not agreed and the meeting stayed where it was\n";
    let case = parse_sv(text);
    assert_eq!(case.decision.kind, DecisionKind::Rejected);
    assert_eq!(case.decision.votes.for_, Some(18));
    assert_eq!(case.decision.votes.against, Some(21));
    assert_eq!(case.decision.votes.abstain, Some(2));
    assert_eq!(case.paragraph.as_deref(), Some("7"));
    assert_eq!(case.date, NaiveDate::from_ymd_opt(2020, 3, 12));
    assert!(
        case.decision_points[0]
            .text
            .starts_with("The proposal was not agreed")
    );
    assert!(
        case.positions
            .iter()
            .any(|p| p.kind == PositionKind::Motion && p.text.contains("Amy Reed"))
    );
    // A story that only tells of votes in its own words is still no minutes.
    assert!(parse("We voted for pizza and against soup.", &[]).is_err());
}

#[test]
fn a_published_vote_table_gives_totals_and_the_roll_call() {
    let text = "Motion status:\nCarried\n| Vote | Councillors | Count |\n|---|---|---|\n| For | Ann Berg, Carl Dahl and Eva Falk | 3 |\n| Against | Gus Holm | 1 |\n| Abstain | None | 0 |\n";
    let case = parse_sv(text);
    assert_eq!(case.decision.votes.for_, Some(3));
    assert_eq!(case.decision.votes.against, Some(1));
    assert_eq!(case.decision.votes.abstain, Some(0));
    let names: Vec<&str> = case
        .decision
        .roll_call
        .iter()
        .map(|r| r.name.as_str())
        .collect();
    assert_eq!(names, ["Ann Berg", "Carl Dahl", "Eva Falk", "Gus Holm"]);
    assert_ne!(case.title.as_deref(), Some("Motion status:"));
    // Names that do not add up to the count make no roll call.
    let short = text.replace("| 3 |", "| 4 |");
    let case = parse_sv(&short);
    assert_eq!(case.decision.votes.for_, Some(4));
    assert!(case.decision.roll_call.is_empty());
}

#[test]
fn counts_come_in_words_and_stacked_cells_but_a_year_is_no_count() {
    let case = parse_sv(
        "Item 4: Depot sale\n\nThe recommendation was put to the vote and carried by 30 votes to one, with three abstentions.\n",
    );
    assert_eq!(case.decision.votes.for_, Some(30));
    assert_eq!(case.decision.votes.against, Some(1));
    assert_eq!(case.decision.votes.abstain, Some(3));
    let stacked = "Resultat av votering\n\nNytt bibliotek i sentrum\n\nInnstillingen vedtas. 1. Biblioteket bygges. 2. Kostnaden dekkes av fond.\n\nVedtatt\n\nFOR\n\n7\nAnne Li Høyre Per Ek Venstre\n\nMOT\n\n2\nOla Ås Rødt\n";
    let case = parse_sv(stacked);
    assert_eq!(case.decision.votes.for_, Some(7));
    assert_eq!(case.decision.votes.against, Some(2));
    assert_eq!(case.decision_points.len(), 2, "{:?}", case.decision_points);
    assert_eq!(case.title.as_deref(), Some("Nytt bibliotek i sentrum"));
    let budget =
        parse_sv("§ 5 Budsjett\n\nBystyret vedtar budsjett for 2020 med 40 stemmer mot 5.\n");
    assert_eq!(budget.decision.votes.for_, Some(40));
    assert_eq!(budget.decision.votes.against, Some(5));
}

#[test]
fn a_protocol_flattened_to_one_line_is_cut_at_its_fields_and_headings() {
    let line = "1 PROTOKOLL UTDRAG Regionstyrelsen Tid: kl 13:00 Plats: Regionens hus Motion: Inför fri kollektivtrafik för unga Diarienummer: RS 2019/123 Vid protokollet Beslut Regionstyrelsen föreslår regionfullmäktige besluta Avslå motionen eftersom kostnaden inte ryms i budgeten. Sammanfattning Miljöpartiet har i motion föreslagit att unga ska resa fritt med länets bussar och tåg under hela året. Yrkanden/förslag till beslut på sammanträdet Anna Ek yrkar bifall till motionen. Beslutsgång Ordföranden ställer proposition och finner att styrelsen avslår motionen.";
    let case = parse_sv(line);
    assert_eq!(case.case_number.as_deref(), Some("RS 2019/123"));
    assert_eq!(
        case.title.as_deref(),
        Some("Inför fri kollektivtrafik för unga")
    );
    assert_eq!(case.decision.kind, DecisionKind::Recommended);
    assert!(case.decision_points[0].text.contains("Avslå motionen"));
    assert!(case.positions.iter().any(|p| p.text.contains("Anna Ek")));
    assert!(
        case.positions
            .iter()
            .any(|p| p.text.starts_with("Miljöpartiet"))
    );
}

#[test]
fn markup_and_register_fields_are_read_as_text() {
    let html = "Motion - Cykelbana<br />\n\n2012-01-24 Dnr 77-2012<br />\n\nBeslut<br />\n\n<strong>Kommun</strong>fullmäktige beslutar att bygga cykelbanan.<br />\n";
    let case = parse_sv(html);
    assert_eq!(case.title.as_deref(), Some("Cykelbana"));
    assert!(
        case.decision_points[0]
            .text
            .starts_with("Kommunfullmäktige beslutar"),
        "{:?}",
        case.decision_points
    );
    let register = "Reference Number :-3301\nDate :-2014/05/07\nSubject of Decision :-Town hall roof\nDecision :-That the repair of the town hall roof be deferred until the survey has been received.\n";
    let case = parse_sv(register);
    assert_eq!(case.case_number.as_deref(), Some("3301"));
    assert_eq!(case.date, NaiveDate::from_ymd_opt(2014, 5, 7));
    assert_eq!(case.title.as_deref(), Some("Town hall roof"));
    assert_eq!(case.decision.kind, DecisionKind::Tabled);
}

#[test]
fn a_carried_members_proposal_is_the_decision() {
    let text = "Nr. 12 BR 99/05. Medlemsforslag om gratis svømmehal\n(Stillet af Mette Lund (F)):\nSvømmehallen holdes åben gratis om søndagen. Udgiften afholdes af kulturpuljen. Medlemsforslaget blev godkendt med 30 stemmer imod 12.\n";
    let case = parse_sv(text);
    let points = point_texts(&case);
    assert_eq!(
        points,
        [
            "Svømmehallen holdes åben gratis om søndagen.",
            "Udgiften afholdes af kulturpuljen."
        ]
    );
    assert_eq!(case.decision.votes.for_, Some(30));
    assert!(
        case.positions
            .iter()
            .any(|p| p.kind == PositionKind::Motion && p.text.contains("Mette Lund"))
    );
    // Where the chair finds one member's motion adopted, that motion is the decision.
    let swedish = "§ 9 Motion - Parkbänkar\n\nYrkande\n\nEva Ek, s: Motionen avslås.\n\nOla Berg, m: Motionen bifalls.\n\nProposition\n\nOrdförande ställer proposition på yrkandena och finner att kommunstyrelsen antar Eva Eks yrkande.\n";
    let case = parse_sv(swedish);
    assert_eq!(case.decision_points[0].text, "Motionen avslås.");
    assert_eq!(case.decision.kind, DecisionKind::Rejected);
}

#[test]
fn items_headed_only_by_their_number_are_read_one_by_one() {
    let text = "Udvalget - Referat\n\nDato: 3. maj 2022\n\n\n1. Fraværende\n\nBeslutning\n\nIngen.\n\n\n2. Nyt tag på skolen\n\nBeslutning\n\nGodkendt.\n";
    let cases = parse_all(text, &catalogue_names()).unwrap();
    assert_eq!(cases.len(), 2);
    assert!(
        cases
            .iter()
            .all(|c| c.date == NaiveDate::from_ymd_opt(2022, 5, 3))
    );
    assert_eq!(cases[1].title.as_deref(), Some("Nyt tag på skolen"));
}

#[test]
fn a_decision_list_gives_each_item_its_decision() {
    let text = "Kaupunginhallituksen päätökset 4.12.2017\n\n§ 10 Talousarvion muutos: Hyväksyttiin.\n\n§ 11 Lausunto pelastuslaista: Merkittiin tiedoksi.\n\n§ 12 Kaupunginjohtajan sopimus: Poistettiin esityslistalta.\n";
    let cases = parse_all(text, &catalogue_names()).unwrap();
    let read: Vec<(Option<&str>, &str)> = cases
        .iter()
        .map(|c| (c.title.as_deref(), c.decision_points[0].text.as_str()))
        .collect();
    assert_eq!(
        read,
        [
            (Some("Talousarvion muutos"), "Hyväksyttiin."),
            (Some("Lausunto pelastuslaista"), "Merkittiin tiedoksi."),
            (
                Some("Kaupunginjohtajan sopimus"),
                "Poistettiin esityslistalta."
            )
        ]
    );
    assert!(
        cases
            .iter()
            .all(|c| c.date == NaiveDate::from_ymd_opt(2017, 12, 4))
    );
}

#[test]
fn a_body_reporting_its_decisions_dates_and_states_them() {
    let case = parse_sv(
        "Stadsstyrelsens beslut 28.11.2022\n\nNytt daghem i centrum\n\nStadsstyrelsen beslutade enhälligt godkänna förslaget om ett nytt daghem.\n",
    );
    assert_eq!(case.date, NaiveDate::from_ymd_opt(2022, 11, 28));
    assert!(
        case.decision_points[0]
            .text
            .starts_with("Stadsstyrelsen beslutade enhälligt")
    );
    let resolutions = parse_sv(
        "(1) That Cabinet approves the parking strategy.\n(2) That the Director be asked to report back in six months.\n",
    );
    assert_eq!(resolutions.decision_points.len(), 2);
}

#[test]
fn a_decision_list_that_starts_at_item_seven_is_split_at_its_headings() {
    let text = "2013-09-24 Beslut i regionfullmäktige\n\n7. Budget för kollektivtrafiken\nBeslut: Enligt förslag.\n8. Medlemskap i ett europeiskt nätverk\nBeslut: Ärendet återremitteras.\n";
    let cases = parse_all(text, &catalogue_names()).unwrap();
    assert_eq!(cases.len(), 2);
    assert_eq!(
        cases[0].title.as_deref(),
        Some("Budget för kollektivtrafiken")
    );
    assert_eq!(cases[0].decision_points[0].text, "Enligt förslag.");
    assert_eq!(cases[1].decision.kind, DecisionKind::ReferredBack);
    assert!(
        cases
            .iter()
            .all(|c| c.date == NaiveDate::from_ymd_opt(2013, 9, 24))
    );
}

#[test]
fn a_recorded_vote_in_brackets_and_a_committee_list_are_read() {
    let text = "Issue - decisions\n\nParking charges\n\n24/01/2022 - Parking charges\n\nA recorded vote was requested.\n\nFOR the officer’s recommendation (7)\n\nAnn Ek, Bo Lund and Cy Dahl\n\nAGAINST the officer’s recommendation (2)\n\nDi Holm and Ed Berg\n\nThere were no abstentions.\n\nThe Committee:\n\n1. Noted the report.\n\n2. Kept the charges as they are.\n";
    let case = parse_sv(text);
    assert_eq!(case.title.as_deref(), Some("Parking charges"));
    assert_eq!(case.date, NaiveDate::from_ymd_opt(2022, 1, 24));
    assert_eq!(case.decision.votes.for_, Some(7));
    assert_eq!(case.decision.votes.against, Some(2));
    assert_eq!(case.decision.votes.abstain, Some(0));
    assert_eq!(case.decision_points.len(), 2);
    let initials = parse_sv(
        "Idag behandlade arbetsutskottet ärendet.\n\nKSAU beslutade att kommunstyrelsen ska föreslå kommunfullmäktige att bygga en ny skola.\n",
    );
    assert_eq!(initials.decision.kind, DecisionKind::Recommended);
}

#[test]
fn a_decision_bulletin_gives_each_numbered_item_its_decision() {
    let text = "Kaupunginhallitus 18.3.2019, ennakkotiedote päätöksistä\n\n1. Tilinpäätös 2018. Päätösehdotus hyväksyttiin.\n\n2. Talouden seuranta. Merkittiin tiedoksi.\n\n3. Uimahallin peruskorjaus.\n\nAsia jätettiin pöydälle.\n";
    let cases = parse_all(text, &catalogue_names()).unwrap();
    let read: Vec<(Option<&str>, bool)> = cases
        .iter()
        .map(|c| (c.title.as_deref(), !c.decision_points.is_empty()))
        .collect();
    assert_eq!(
        read,
        [
            (Some("Tilinpäätös 2018"), true),
            (Some("Talouden seuranta"), true),
            (Some("Uimahallin peruskorjaus"), true)
        ]
    );
    assert_eq!(cases[2].decision.kind, DecisionKind::Tabled);
    assert!(
        cases
            .iter()
            .all(|c| c.date == NaiveDate::from_ymd_opt(2019, 3, 18))
    );
    // "Decision - " in front of a web page's heading is not the title.
    let case = parse_sv(
        "Decision - Membership of Eurocities\n\nDecision:\n\n(1) That the Council joins Eurocities.\n",
    );
    assert_eq!(case.title.as_deref(), Some("Membership of Eurocities"));
}

#[test]
fn a_decision_heading_naming_its_body_heads_an_election() {
    let text = "Referat\n\nmandag den 3. marts 2025 kl. 16:00\n\nSagsnr.: 25/1234\n\nIndstilling\n\nSekretariatet indstiller, at udvalget vælger to repræsentanter.\n\nBeslutning Udvalget den 03-03-2025\n\nValgt blev:\n\nAnne Holm          (Per Dahl)\n\nBo Lind            (Eva Krag)\n";
    let case = parse(text, &catalogue_names()).unwrap();
    assert_eq!(case.decision_points[0].text, "Valgt blev:");
    assert_eq!(case.decision.kind, DecisionKind::Adopted);
    assert_eq!(case.title, None, "a form's heading is no title");
}

#[test]
fn a_decision_record_form_gives_title_date_and_numbered_decision() {
    let text = "View Cabinet Decision Record\n\nCabinet Decision: 4th March 2021\nTitle of Item/Report\nMembership of a Regional Network\nRecord of the Decision\nCabinet considered a report on the network, whose fee had risen since 2019/20.\n\nMembers discussed the benefits.\n\n1. The Council gives notice to leave the network.\n\n2. The Leader writes to the network's secretariat.\nReasons for the Decision\nThe fee rose.\nAlternative Options Considered and Rejected\nTo stay a member.\n";
    let case = parse(text, &catalogue_names()).unwrap();
    assert_eq!(
        case.title.as_deref(),
        Some("Membership of a Regional Network")
    );
    assert_eq!(case.date, NaiveDate::from_ymd_opt(2021, 3, 4));
    assert_eq!(case.case_number, None, "2019/20 is a financial year");
    assert_eq!(case.decision.kind, DecisionKind::Adopted);
    let points: Vec<&str> = case
        .decision_points
        .iter()
        .map(|p| p.text.as_str())
        .collect();
    assert_eq!(
        points,
        [
            "The Council gives notice to leave the network.",
            "The Leader writes to the network's secretariat."
        ]
    );
}

#[test]
fn irish_minutes_give_each_item_its_mover_and_quoted_resolution() {
    let text = "Minutes of the March Meeting of the County Council held on Monday 3rd March, 2025\nMEMBERS PRESENT:\n- Councillor Ryan,\n1. MINUTES OF THE FEBRUARY MEETING:\nProposed by Councillor A. Byrne\nSeconded by Councillor B. Walsh\nAND AGREED\n\u{201c}To confirm the minutes of the February Meeting held on 3rd February, 2025.\u{201d}\n2. TWINNING WITH A TOWN IN BRITTANY:\nProposed by Councillor C. Kelly\nSeconded by Councillor D. Nolan\nAND AGREED\nTo approve the twinning charter with the town.\n";
    let cases = parse_all(text, &catalogue_names()).unwrap();
    assert_eq!(cases.len(), 2);
    assert_eq!(
        cases[0].decision_points[0].text,
        "To confirm the minutes of the February Meeting held on 3rd February, 2025."
    );
    assert_eq!(
        cases[1].title.as_deref(),
        Some("TWINNING WITH A TOWN IN BRITTANY")
    );
    assert_eq!(cases[1].positions[0].kind, PositionKind::Motion);
    assert_eq!(cases[1].positions[0].persons[0].name, "C. Kelly");
    assert!(
        cases
            .iter()
            .all(|c| c.date == NaiveDate::from_ymd_opt(2025, 3, 3))
    );
}

#[test]
fn a_procedural_motion_carried_names_its_mover_not_its_seconder() {
    let text = "Agenda item\n\nAt this point Councillor Ann Price, seconded by Councillor Tom Hale, moved that the debate be adjourned.\n\nThe procedural motion was put to the vote and declared to be carried.\n";
    let case = parse(text, &catalogue_names()).unwrap();
    assert_eq!(
        case.decision_points[0].text,
        "The procedural motion was put to the vote and declared to be carried."
    );
    let names: Vec<&str> = case.positions[0]
        .persons
        .iter()
        .map(|p| p.name.as_str())
        .collect();
    assert_eq!(names, ["Ann Price"]);
    assert_eq!(case.title, None, "a paragraph of prose is no title");
}

#[test]
fn scottish_resolutions_and_a_news_item_that_recommends() {
    let text = "Council - Tuesday, 4th March, 2025 10.30 am\n\nMinute of the Previous Meeting\n\nThe Council had before it the minute of its previous meeting.\n\nThe Council resolved:-\n\nto approve the minute as a correct record of the meeting.\n";
    let case = parse(text, &catalogue_names()).unwrap();
    assert_eq!(
        case.decision_points[0].text,
        "to approve the minute as a correct record of the meeting."
    );
    assert_eq!(case.date, NaiveDate::from_ymd_opt(2025, 3, 4));
    let news = "Kommunen lämnar nätverket\n\nKommunstyrelsen har beslutat att föreslå kommunfullmäktige att lämna nätverket.\n\nOm kommunfullmäktige beslutar att följa förslaget sker det vid årsskiftet.\n";
    let case = parse(news, &catalogue_names()).unwrap();
    assert_eq!(case.decision.kind, DecisionKind::Recommended);
    assert_eq!(
        case.deciding_body, None,
        "\"Om kommunfullmäktige\" is a condition"
    );
}

#[test]
fn a_danish_committee_page_splits_into_its_points() {
    let text = "Referat\n\nDato: Onsdag, Marts 5, 2025 - 17:00\n \u{2022} Pkt. 7 Godkendelse af dagsorden\n\n  Pkt. 7\n\n  Godkendelse af dagsorden\n\n  Udvalget, 05-03-2025, pkt. 7\n\n  Godkendt.\n\n \u{2022} Pkt. 8 Venskabsby i Polen\n\n  Pkt. 8\n\n  Venskabsby i Polen\n\n  Indstilling\n\n  Forvaltningen indstiller, at aftalen godkendes.\n\n  Udvalget, 05-03-2025, pkt. 8\n\n  Anbefales.\n";
    let cases = parse_all(text, &catalogue_names()).unwrap();
    assert_eq!(cases.len(), 2);
    assert_eq!(cases[0].decision_points[0].text, "Godkendt.");
    assert_eq!(cases[1].decision_points[0].text, "Anbefales.");
    assert_eq!(cases[1].paragraph.as_deref(), Some("8"));
}

#[test]
fn a_nynorsk_vote_page_with_its_cells_run_together() {
    let text = "Votering er ferdig i denne saka.\nResultat av votering\n4:02 Formannskapet si innstilling\nKommunestyret vedtek endeleg planen for skulen med endringar etter høyringa.\nVedteke\nMOT\n2FOR\n9 Kari Nes Senterpartiet Ola Berg Høgre Arbeidarpartiet4:03 Tilleggsforslag frå Sp\nDet skal ikkje byggjast fleire vegar i sentrum.\nFallen\n";
    let case = parse(text, &catalogue_names()).unwrap();
    assert_eq!(case.language, "nn");
    assert_eq!(case.decision.votes.for_, Some(9));
    assert_eq!(case.decision.votes.against, Some(2));
    assert_eq!(
        case.decision.kind,
        DecisionKind::Adopted,
        "the changes came from the hearing"
    );
    assert!(
        case.decision_points[0]
            .text
            .contains("Kommunestyret vedtek endeleg planen")
    );
    assert_eq!(case.positions[0].kind, PositionKind::Motion);
    assert!(case.positions[0].text.starts_with("Tilleggsforslag frå Sp"));
    assert_ne!(
        case.title.as_deref(),
        Some("Votering er ferdig i denne saka.")
    );
}

#[test]
fn a_transcript_whose_item_headings_run_into_the_decision() {
    let meta = "1 EXEMPELBY KOMMUN Kommunstyrelsen PROTOKOLL Sammanträdestid: Sammanträdesplats: Beslutande Tisdagen den 7 mars 2023, kl 18 Kommunhuset Ersättare Berg, Anna Lind, Per Ek, Eva Ström, Olle Holm, Stina Dahl, Nils Övriga närvarande Vik, Karin kommundirektör Paragrafer 1-12 Underskrifter Anna Berg ordförande Karin Vik sekreterare Protokollsjustering";
    let text = format!(
        "Tisdagen den 7 mars 2023, kl 18 Kommunhuset\n\n{meta}\n\n2 EXEMPELBY KOMMUN Kommunstyrelsen PROTOKOLL Val av protokollsjusterare Till protokollsjusterare valdes Per Lind och Eva Ek. 3 Godkännande av föredragningslistan Kommunstyrelsen beslutade enhälligt godkänna föredragningslistan.\n"
    );
    let case = parse(&text, &catalogue_names()).unwrap();
    assert_eq!(case.date, NaiveDate::from_ymd_opt(2023, 3, 7));
    assert_eq!(
        case.decision_points[0].text,
        "Kommunstyrelsen beslutade enhälligt godkänna föredragningslistan."
    );
    assert_eq!(case.deciding_body, None, "no item heading is a body");
}

#[test]
fn a_bulletin_dated_after_its_body_and_a_chairs_finding() {
    let text = "Beslut i korthet - regionstyrelsen 12 april 2023\n\nRegionstyrelsen beslutar att\n\nFöreslå regionfullmäktige besluta att godkänna årsrapporten.\n";
    let case = parse(text, &catalogue_names()).unwrap();
    assert_eq!(case.date, NaiveDate::from_ymd_opt(2023, 4, 12));
    let finding = "§ 12 Motion om badplats\n\nOrdförande ställer förslagen mot varandra. Han finner att kommunfullmäktige beslutar enligt kommunstyrelsens förslag.\n";
    let case = parse(finding, &catalogue_names()).unwrap();
    assert!(
        case.decision_points[0]
            .text
            .starts_with("Han finner att kommunfullmäktige beslutar")
    );
}

#[test]
fn a_decision_bulletin_headed_by_subjects_splits_into_items() {
    let text = "Stadsfullmäktiges beslut 3.3.2025\n\nVal av ordförande för nämnden\n\nStadsfullmäktige beslutade enhälligt utse Eva Holm till ordförande.\n\nDetaljplan för hamnen\n\nEfter omröstning med rösterna 30–20 beslutade stadsfullmäktige återremittera ärendet. Per Ek föreslog att planen förkastas. Per Ek anmälde avvikande mening.\n";
    let cases = parse_all(text, &catalogue_names()).unwrap();
    assert_eq!(cases.len(), 2);
    assert_eq!(
        cases[0].title.as_deref(),
        Some("Val av ordförande för nämnden")
    );
    assert!(cases[0].decision_points[0].text.contains("utse Eva Holm"));
    assert_eq!(cases[1].decision.kind, DecisionKind::ReferredBack);
    let kinds: Vec<PositionKind> = cases[1].positions.iter().map(|p| p.kind).collect();
    assert_eq!(kinds, [PositionKind::Motion, PositionKind::Reservation]);
    assert_eq!(cases[1].positions[1].persons[0].name, "Per Ek");
    assert!(
        cases
            .iter()
            .all(|c| c.date == NaiveDate::from_ymd_opt(2025, 3, 3))
    );
}

#[test]
fn minutes_that_say_so_are_read_without_a_case_number() {
    let text = "MINUTES OF THE MEETING OF THE DISTRICT HELD ON 4TH APRIL 2025\nPresent:\nCllrs A Byrne and C Kelly.\nVote of Sympathy\nA vote of sympathy was passed by the members on the death of a former member.\n";
    let case = parse(text, &catalogue_names()).unwrap();
    assert!(
        case.decision_points[0]
            .text
            .contains("A vote of sympathy was passed")
    );
    let story = "Hon gick hem.\n\nDet regnade, och hon beslutade att vänta.\n";
    assert!(
        parse(story, &catalogue_names()).is_err(),
        "a story is still no minutes"
    );
}

#[test]
fn finnish_counts_after_their_labels_and_a_meeting_dated_after_its_body() {
    let text = "Kaupunginvaltuusto, kokous 3.2.2025\n\n§ 12 Lisäasian käsittely\n\nPuheenjohtaja totesi, että äänin 40 JAA, 9 EI, 2 tyhjä asia otetaan käsittelyyn.\n\nPäätös\n\nHyväksyttiin.\n";
    let case = parse(text, &catalogue_names()).unwrap();
    assert_eq!(case.date, NaiveDate::from_ymd_opt(2025, 2, 3));
    let v = &case.decision.votes;
    assert_eq!((v.for_, v.against, v.abstain), (Some(40), Some(9), Some(2)));
}

#[test]
fn a_scottish_division_counts_each_side_in_brackets_after_its_names() {
    let text = "Minute of the Committee\n\nCouncillor Gray moved that the item be deferred.\n\nAs an amendment, Councillor Reid moved that the report be approved.\n\nOn a division, there voted for the motion - Councillors Gray, Hill and Ross (3); and for the amendment - Councillors Reid, Bell, Muir, Kerr and Watt (5) - whereupon the amendment was declared carried.\n";
    let case = parse(text, &catalogue_names()).unwrap();
    let v = &case.decision.votes;
    assert_eq!((v.for_, v.against), (Some(5), Some(3)));
}

#[test]
fn a_news_summary_of_a_meeting_lists_each_decision() {
    let text = "Vid sitt möte behandlade stadsstyrelsen bland annat skatterna.\n\nStadsstyrelsen föreslår för stadsfullmäktige att anslaget för hamnen ändras. Därtill föreslår stadsstyrelsen att budgeten ändras.\n\nStadsstyrelsen antecknade kvartalsrapporten för kännedom.\n\nStadsstyrelsen föreslår för stadsfullmäktige att skattesatserna fastslås enligt följande:\n• Allmän fastighetsskatt 1,30 %.\n• Fastighetsskatt för bostäder 0,40 %.\n";
    let case = parse(text, &catalogue_names()).unwrap();
    let points: Vec<&str> = case
        .decision_points
        .iter()
        .map(|p| p.text.as_str())
        .collect();
    assert_eq!(points.len(), 4, "{points:?}");
    assert!(points[1].starts_with("Därtill föreslår stadsstyrelsen"));
    assert!(points[2].starts_with("Stadsstyrelsen antecknade"));
}

#[test]
fn a_motion_that_fell_by_its_own_count_against_the_others() {
    let text = "Kommunestyret 1.6.2025\n\nSp v/Kari Nes fremmet følgende forslag i sak 12/25:\n«Saken utsettes.»\n\nVed votering falt forslaget med 9 mot 26 stemmer.\n";
    let case = parse(text, &catalogue_names()).unwrap();
    let v = &case.decision.votes;
    assert_eq!((v.for_, v.against), (Some(9), Some(26)));
}

#[test]
fn a_body_reports_its_acts_in_any_tense() {
    let news = "Fullmäktige sände tillbaka budgeten\n\nKommunfullmäktige återremitterade budgetförslaget för 2026.\n";
    let case = parse(news, &catalogue_names()).unwrap();
    assert_eq!(case.decision.kind, DecisionKind::ReferredBack);
    let presidium = "Inget sammanträde\n\nKommunfullmäktiges presidium har beslutat att ställa in sammanträdet den 4 mars 2026.\n";
    let case = parse(presidium, &catalogue_names()).unwrap();
    assert!(
        case.decision_points[0]
            .text
            .starts_with("Kommunfullmäktiges presidium")
    );
    let vedtak = "Resultat av votering\n\n1:02 Innstilling\n\nKommunestyret godkjenner planene for nytt bibliotek.\n\n  \u{2022} Prosjektet gjennomføres innenfor en ramme på 5 mill. kr.\n  \u{2022} Det finansieres med fondsmidler.\nVedtatt\n";
    let case = parse(vedtak, &catalogue_names()).unwrap();
    let points: Vec<&str> = case
        .decision_points
        .iter()
        .map(|p| p.text.as_str())
        .collect();
    assert_eq!(points.len(), 3, "the sentence and its bullets: {points:?}");
}

#[test]
fn a_council_page_of_agenda_and_minutes_and_a_mention_of_another_item() {
    let text = "Agenda and minutes\n\nCouncil - Thursday, 5 March 2026 10:00 am\n\nMinutes:\n\nThe Minutes of the Meeting of the Council of 5 February 2026 were approved as a correct record.\n";
    let case = parse(text, &catalogue_names()).unwrap();
    assert!(
        case.decision_points[0]
            .text
            .contains("were approved as a correct record")
    );
    let item = "Kaupunginvaltuusto, kokous 2.3.2026\n\n§ 44 Työjärjestys\n\nKokouskäsittely\n\n §56: LISÄPYKÄLÄ: Asemakaava\n\nÄänestyksen jälkeen päätettiin ottaa lisäasia käsiteltäväksi.\n";
    let cases = parse_all(item, &catalogue_names()).unwrap();
    assert_eq!(
        cases.len(),
        1,
        "§56: is named inside § 44, not an item of its own"
    );
}

#[test]
fn a_council_web_page_numbers_its_items_on_lines_of_their_own() {
    let text = "Agenda and minutes\n\nArgyll and Somewhere Council - Thursday, 5 March 2026 10:00 am\n\nItems\nNo. Item\n\n1.\n\nAPOLOGIES FOR ABSENCE\n\nMinutes:\n\nApologies were intimated by Councillor Ross.\n\n2.\n\nMINUTES\n\nMinutes:\n\nThe Minutes of the Meeting of 5 February 2026 were approved as a correct record.\n\nIt was proposed by Councillor A. Byrne, seconded by Councillor C. Kelly, and RESOLVED that the minutes be signed.\n";
    let cases = parse_all(text, &catalogue_names()).unwrap();
    assert_eq!(cases.len(), 2);
    assert_eq!(cases[1].title.as_deref(), Some("MINUTES"));
    assert!(
        cases
            .iter()
            .all(|c| c.date == NaiveDate::from_ymd_opt(2026, 3, 5))
    );
    let motion = &cases[1].positions[0];
    assert_eq!(motion.kind, PositionKind::Motion);
    assert_eq!(motion.persons[0].name, "A. Byrne");
    let news = "Två ärenden återremitterades\n\nKommunfullmäktige återremitterade två ärenden under mötet 28 juni 2025.\n";
    assert_eq!(
        parse(news, &catalogue_names()).unwrap().date,
        NaiveDate::from_ymd_opt(2025, 6, 28)
    );
}

#[test]
fn a_danish_page_numbers_its_item_with_a_bullet_and_heads_the_decision_in_capitals() {
    let text = "Referat af tillægsdagsorden\n\nTorsdag den 5. marts 2026 kl. 19:30\n\nUdvalg: Kommunalbestyrelsen\nBemærkninger:\n \u{2022} 3\n  Nyt tag på hallen\n  Sagsid.: 26/101\n\n  BESLUTNING: Kommunalbestyrelsen den 05-03-2026\n  Borgmesterens forslag blev godkendt.\n";
    let case = parse(text, &catalogue_names()).unwrap();
    assert_eq!(case.title.as_deref(), Some("Nyt tag på hallen"));
    assert_eq!(case.paragraph.as_deref(), Some("3"));
    assert_eq!(
        case.decision_points[0].text,
        "Borgmesterens forslag blev godkendt."
    );
    assert_eq!(case.confidence["decision_points"], Confidence::Medium);
}

#[test]
fn minutes_that_constitute_the_meeting_in_the_present_passive() {
    let aland = "Sammanträdesdatum Nr Paragrafer 4.3.2026 2 10-12\n\n10 Sammanträdets konstituerande Laglighet och beslutförhet Till protokolljusterare utses Eva Holm och Per Lind. Föredragningslistan godkänns enhälligt oförändrad.\n";
    let case = parse(aland, &catalogue_names()).unwrap();
    assert_eq!(case.date, NaiveDate::from_ymd_opt(2026, 3, 4));
    assert!(case.decision_points[0].text.contains("utses Eva Holm"));
    let finnish = "Ympäristölautakunta\n\n§ 1 Kokouksen laillisuus\n\nKokous todetaan laillisesti koolle kutsutuksi ja päätösvaltaiseksi.\n";
    let case = parse(finnish, &catalogue_names()).unwrap();
    assert!(
        case.decision_points[0]
            .text
            .starts_with("Kokous todetaan laillisesti")
    );
}

#[test]
fn minutes_resolved_subject_to_amendments_and_a_docplayer_title() {
    let text = "Venue: Committee Room 1\n| No. | Item |\n|\nTo receive the minutes of the meeting held on 2nd March 2026. Minutes: Resolved – That, subject to the following amendments, the minutes be confirmed as a correct record:\n· Minute 2 – should read March, not May. · Minute 6 – the committee was elected by the members.\n";
    let case = parse(text, &catalogue_names()).unwrap();
    assert!(
        case.decision_points[0].text.starts_with("Minute 2"),
        "{:?}",
        case.decision_points
    );
    let transcript = "Arbetsordning för fullmäktige och beredningar\n\nDownload \"Arbetsordning för fullmäktige och beredningar\"\n\n1 Kommunstyrelsen beslutar att föreslå kommunfullmäktige att anta arbetsordningen.\n";
    let case = parse(transcript, &catalogue_names()).unwrap();
    assert_eq!(
        case.title.as_deref(),
        Some("Arbetsordning för fullmäktige och beredningar")
    );
}

#[test]
fn review_mends_amendments_from_a_party_previous_meetings_and_minutes_later() {
    let text = "Kommunestyret 3.3.2026\n\nSak 12/26 Budsjett\n\nKommunestyret vedtok budsjettet med endring fra Høyre.\n";
    assert_eq!(
        parse(text, &catalogue_names()).unwrap().decision.kind,
        DecisionKind::AdoptedWithAmendments
    );
    let hearing = "Kommunestyret 3.3.2026\n\nSak 13/26 Plan\n\nKommunestyret vedtar planen med endringar etter høyringa.\n";
    assert_eq!(
        parse(hearing, &catalogue_names()).unwrap().decision.kind,
        DecisionKind::Adopted
    );
    let previous = "Justering\n\nProtokollet från förra mötet 12 maj 2025 justerades.\n\n§ 3 Budget\n\nKommunstyrelsen beslutar att anta budgeten.\n";
    assert_eq!(parse(previous, &catalogue_names()).unwrap().date, None);
    let story = "Minutes later, the rain stopped.\n\nShe decided that the walk could wait.\n";
    assert!(parse(story, &catalogue_names()).is_err());
}

#[test]
fn a_member_named_again_in_the_genitive_is_listed_once() {
    let text = "§ 4 Ankomstboende\n\nYrkanden\n\nEva Berg (S), Per Lind (C) och Olle Holm (M) yrkar bifall till Eva Bergs (S) ändringsyrkande.\n\nBeslut\n\nKommunstyrelsen beslutar enligt Eva Bergs yrkande.\n";
    let case = parse(text, &catalogue_names()).unwrap();
    let names: Vec<&str> = case.positions[0]
        .persons
        .iter()
        .map(|p| p.name.as_str())
        .collect();
    assert_eq!(names, ["Eva Berg", "Per Lind", "Olle Holm"]);
}

#[test]
fn a_news_page_summing_up_a_meeting_gives_its_outcomes() {
    let text = "Nytt från nämnden\n\nKommunstyrelsen sammanträdde onsdagen den 3 maj och behandlade bland annat följande:\n\nTaxan för 2027 antogs.\n\nKommunstyrelsen gav kommundirektören i uppdrag att se över lokalerna. Kommunstyrelsen var inte enig.\n";
    let case = parse_sv(text);
    assert_eq!(
        point_texts(&case),
        [
            "Taxan för 2027 antogs.",
            "Kommunstyrelsen gav kommundirektören i uppdrag att se över lokalerna."
        ]
    );
    let taken = "Kort om mötet\n\nKommunstyrelsen fattade beslut om en ny parkeringsnorm.\n\nDessutom fattades beslut om en ny skolskjutsregel. Kommunstyrelsen fattade också beslut om ett nytt badhus.\n\nVid kommunstyrelsens sammanträde den 9 april 2025 behandlades tolv ärenden.\n";
    let case = parse_sv(taken);
    assert_eq!(case.decision_points.len(), 3);
    assert_eq!(case.date, NaiveDate::from_ymd_opt(2025, 4, 9));
    // Two outcomes without a page that says it sums up a meeting are no case.
    let story = "Vinter\n\nSnön föll. Planen antogs.\n\nSedan fattades beslut om att vänta.\n";
    assert!(parse(story, &catalogue_names()).is_err());
}

#[test]
fn numbered_items_that_start_where_the_last_meeting_stopped() {
    // "66." alone on its line, the item's heading below it, as ModernGov
    // lays out a meeting's minutes.
    let text = "Agenda and minutes\n\nItems\nNo. Item\n\n41.\n\nApologies for absence\n\nMinutes:\n\nNone.\n\n42.\n\nMinutes of the last meeting pdf icon PDF 120 KB\n\nMinutes:\n\nRESOLVED: (Unanimously)\n\n \n\nThat the minutes of the meeting held on 3 March 2025 be approved subject to the above amendments.\n\n43.\n\nMayor's Announcements\n\nMinutes:\n\nThe Mayor spoke.\n";
    let cases = parse_all(text, &catalogue_names()).unwrap();
    let titles: Vec<_> = cases.iter().filter_map(|c| c.title.as_deref()).collect();
    assert_eq!(
        titles,
        [
            "Apologies for absence",
            "Minutes of the last meeting",
            "Mayor's Announcements"
        ]
    );
    assert_eq!(
        point_texts(&cases[1]),
        [
            "That the minutes of the meeting held on 3 March 2025 be approved subject to the above amendments."
        ]
    );
    // Danish minutes put each item's KLE file number above its heading.
    let danish = "Referat til mødet i Udvalget for Teknik den 4. maj 2026 kl. 16:00\n\n00.01.00-A00-3-26\n\n12. Godkendelse af dagsorden\n\nBeslutning\n\nGodkendt.\n\n01.02.03-P20-1-26\n\n13. Ny sti langs åen\n\nBeslutning\n\nGodkendt.\n";
    let cases = parse_all(danish, &catalogue_names()).unwrap();
    assert_eq!(cases.len(), 2);
    assert_eq!(cases[1].title.as_deref(), Some("Ny sti langs åen"));
    assert_eq!(cases[0].date, NaiveDate::from_ymd_opt(2026, 5, 4));
}

#[test]
fn a_web_page_item_heading_with_its_day_is_the_title() {
    let text = "Issue - decisions\n\nStreet Trading Policy 2025/26 - 14 May 2025\n\n02/06/2025 - Street trading\n\nCouncil resolved to adopt the policy:\n\na.      Pitches\n\nb.      Hours\n\nc.      Fees\n\nd.      Waste\n\ne.      Enforcement and appeals\n";
    let case = parse(text, &catalogue_names()).unwrap();
    assert_eq!(
        case.title.as_deref(),
        Some("Street Trading Policy 2025/26 - 14 May 2025")
    );
    assert_eq!(case.decision_points.len(), 5);
    assert_eq!(case.decision_points[4].text, "Enforcement and appeals");
}

#[test]
fn a_vote_page_gives_the_proposal_and_whether_it_carried() {
    let fell = "Resultat av votering\n\nFlytting av biblioteket til sentrum\n\nVotering er ferdig i denne saken.\n\n18:02 Forslag fra K. Dahl (H)\n\nKommunestyret ber om at biblioteket blir der det er. Saken tas opp igjen i 2027.\n\nFalt\n\nFOR\n\n9\n\nMOT\n\n18\n";
    let case = parse(fell, &catalogue_names()).unwrap();
    assert_eq!(case.decision.kind, DecisionKind::Rejected);
    assert_eq!(
        point_texts(&case),
        ["Kommunestyret ber om at biblioteket blir der det er. Saken tas opp igjen i 2027."]
    );
    assert_eq!(
        case.title.as_deref(),
        Some("Flytting av biblioteket til sentrum")
    );
    // Nynorsk, the lines without blank lines between them.
    let carried = "Votering er ferdig i denne saka.\nResultat av votering\n11:40 Forslag frå T. Vik (Sp)\nUtvalet støttar at brua vert bygd i 2027 og ber om ei sak om finansiering.\nVedteke\n";
    let case = parse(carried, &catalogue_names()).unwrap();
    assert_eq!(case.decision.kind, DecisionKind::Adopted);
    assert_eq!(
        point_texts(&case),
        ["Utvalet støttar at brua vert bygd i 2027 og ber om ei sak om finansiering."]
    );
    assert_eq!(case.positions[0].kind, PositionKind::Motion);
    // A subject that names its mover is still the title.
    let named = "Resultat av votering\n\nOversendelse av spørsmål fra Kari Dahl (H)\n\n09:12 Forslag fra K. Dahl (H)\n\nKommunestyret ber kommunedirektøren svare skriftlig innen neste møte.\n\nVedtatt\n";
    assert_eq!(
        parse(named, &catalogue_names()).unwrap().title.as_deref(),
        Some("Oversendelse av spørsmål fra Kari Dahl (H)")
    );
}

#[test]
fn a_heading_run_into_its_sentence_heads_it() {
    let text = "Fullmäktige\nProtokoll 12.03.2026/Paragraf 9\n\nMotion om en ny badstrand - Eva Ek m.fl.\n\nFullmäktige 12.03.2026 § 9\n\n102/12.04.01/2026\n\nEva Ek och tio andra ledamöter föreslår en ny badstrand.\n\nBeslut Fullmäktige antecknade motionen för kännedom.\n";
    let case = parse_sv(text);
    assert_eq!(
        point_texts(&case),
        ["Fullmäktige antecknade motionen för kännedom."]
    );
    assert_eq!(case.paragraph.as_deref(), Some("9"));
}

#[test]
fn english_minutes_with_lettered_resolutions_and_a_resolution_alone() {
    let text = "7 Parking Strategy PDF 210 KB\nThe report was formally moved by Councillor Okafor and formally seconded by Councillor Lee.\nThe report was put to a vote and agreed.\nA. That Council agreed the parking strategy for a further year\nB. That Council agreed the new charges listed within Appendix B\n";
    let case = parse(text, &catalogue_names()).unwrap();
    assert_eq!(
        point_texts(&case),
        [
            "That Council agreed the parking strategy for a further year",
            "That Council agreed the new charges listed within Appendix B"
        ]
    );
    assert_eq!(case.positions[0].kind, PositionKind::Motion);
    assert_eq!(case.positions[0].persons[0].name, "Okafor");
    let alone = "Agenda item\n\nCouncillor P Shaw moved that Items 4 and 5 be taken together. Seconded by Councillor R Kerr.\n\nThat the motion be carried.\n";
    assert_eq!(
        point_texts(&parse(alone, &catalogue_names()).unwrap()),
        ["That the motion be carried."]
    );
    // "A. Smith" is a name, not a point.
    assert!(points::parse_label("A. Smith moved the report.").is_none());
}

#[test]
fn a_news_page_gives_a_score_and_outcomes_that_open_with_a_passive() {
    let text = "Vad beslutades i fullmäktige?\n\nFullmäktige beslöt efter tre omröstningar att bygga simhallen. I den sista omröstningen vann stadsstyrelsens förslag rösterna 25 – 10 och en blank.\n\nDärmed fastställdes budgeten för 2027 med oförändrad skatt.\n";
    let case = parse_sv(text);
    assert_eq!(case.decision.votes.for_, Some(25));
    assert_eq!(case.decision.votes.against, Some(10));
    assert_eq!(case.decision.votes.abstain, Some(1));
    assert!(
        point_texts(&case).contains(&"Därmed fastställdes budgeten för 2027 med oförändrad skatt."),
        "{:?}",
        point_texts(&case)
    );
}

#[test]
fn a_proposal_sent_to_a_committee_is_referred_and_pkt_heads_its_title() {
    let text = "Referat til mødet i Kommunalbestyrelsen_2022-25 den 7. marts 2024 kl. 18:00\n\nDagsordenspunkter\n\nPkt. 41 Forslag fra kommunalbestyrelsesmedlem Holm om flere bænke i parkerne\n\nSagsfremstilling\n\nBeslutningsforslaget blev oversendt til teknik- og miljøudvalget.\n";
    let case = parse(text, &catalogue_names()).unwrap();
    assert_eq!(case.decision.kind, DecisionKind::ReferredBack);
    assert_eq!(
        point_texts(&case),
        ["Beslutningsforslaget blev oversendt til teknik- og miljøudvalget."]
    );
    assert_eq!(
        case.title.as_deref(),
        Some("Forslag fra kommunalbestyrelsesmedlem Holm om flere bænke i parkerne")
    );
    assert_eq!(case.date, NaiveDate::from_ymd_opt(2024, 3, 7));
}

#[test]
fn a_finnish_decision_field_on_the_line_of_its_text() {
    let text = "Kunnanvaltuusto\n\n12 KOKOUKSEN LAILLISUUS JA PÄÄTÖSVALTAISUUS\n\nKokouskutsu on julkaistu ajoissa.\n\nPäätös: Puheenjohtaja totesi kokouksen laillisesti koolle kutsutuksi ja päätösvaltaiseksi.\n";
    let case = parse(text, &catalogue_names()).unwrap();
    assert_eq!(
        point_texts(&case),
        ["Puheenjohtaja totesi kokouksen laillisesti koolle kutsutuksi ja päätösvaltaiseksi."]
    );
    assert_eq!(case.language, "fi");
}

#[test]
fn a_vote_page_proposal_of_several_lines_and_a_side_run_into_the_next_label() {
    let text = "Votering er ferdig i denne saken.\nResultat av votering\n10:12 Forslag fra K. Berg (SV)\nBystyret vil ikke selge tomten på Holmen.\nBystyret ber om en ny sak om bruk av tomten\nFalt\nFOR\n3 Kari Berg Sosialistisk Venstreparti Ole Dal RødtMOT\n30 Per Lie Høyre\n";
    let case = parse(text, &catalogue_names()).unwrap();
    assert_eq!(case.decision.kind, DecisionKind::Rejected);
    // Short lines may join into one paragraph; the whole proposal is there.
    assert_eq!(
        point_texts(&case).join(" "),
        "Bystyret vil ikke selge tomten på Holmen. Bystyret ber om en ny sak om bruk av tomten"
    );
    assert_eq!(case.decision.votes.for_, Some(3));
    assert_eq!(case.decision.votes.against, Some(30));
}

#[test]
fn a_summary_names_each_subject_before_what_was_decided_on_it() {
    let text = "Fullmäktiges beslut den 4 mars\n\nFullmäktige beslutade på sitt möte om bland annat följande ärenden:\n\nTrafikplan 2026: Fullmäktige godkände trafikplanen.\n\nNy skolstruktur: Fullmäktige godkände att skolorna slås ihop från 1.8.2026.\n";
    let case = parse_sv(text);
    let points = point_texts(&case);
    assert!(
        points.contains(&"Fullmäktige godkände trafikplanen."),
        "{points:?}"
    );
    assert!(
        points.contains(&"Fullmäktige godkände att skolorna slås ihop från 1.8.2026."),
        "{points:?}"
    );
}

#[test]
fn minutes_with_nothing_read_as_decided_are_a_draft_with_a_warning() {
    // A cover page: the council, its date and the items, no decision yet.
    let cover = "KOMMUNFULLMÄKTIGE\n\nSammanträdesdatum 2014-03-06\n\nPlats: Stadshuset\n\nÄrenden\nVal av justerare\nÅrsredovisning 2013\n";
    let case = parse(cover, &[]).unwrap();
    assert_eq!(case.date, NaiveDate::from_ymd_opt(2014, 3, 6));
    assert!(case.decision_points.is_empty());
    assert!(
        case.warnings
            .iter()
            .any(|w| w == "no decision points found")
    );
    // Named only by its body, on a news page without a date.
    let news = "Information från kommunstyrelsen\n\nHär följer en kort sammanfattning av mötet.\n";
    assert!(parse(news, &[]).is_ok());
    // Nothing that a council wrote: still refused.
    let story = "Det var en gång en styrelse av katter.\n\nDe bodde i en lada.\n";
    assert_eq!(
        parse(story, &[]).unwrap_err().kind(),
        ParseErrorKind::NotADecision
    );
}

#[test]
fn a_meeting_date_after_the_body_its_weekday_and_den() {
    let text = "Referat\nØkonomiudvalget mandag den 25. september 2023 kl. 17.00\n\nRådhuset\n\nBeslutning\n\nGodkendt.\n";
    let case = parse(text, &[]).unwrap();
    assert_eq!(case.date, NaiveDate::from_ymd_opt(2023, 9, 25));
}

#[test]
fn an_amount_is_no_count_and_background_before_the_decision_is_not_its_kind() {
    let text = "Referat\nØkonomiudvalget mandag den 25. september 2023\n\nSagsfremstilling\n\nTransportministeren afviser at forlænge afdragsperioden. Budgettet viste forventede udgifter for 2.228 mio. kr.\n\nBeslutning\n\nTil efterretning.\n";
    let case = parse(text, &[]).unwrap();
    assert_eq!(case.decision.votes, Default::default());
    assert_eq!(case.decision.kind, DecisionKind::Adopted);
    // After the decision, the vote that settled it still counts.
    let voted = "Kaupunginhallitus\n\nPäätös\n\nKaupunginhallitus päätti hyväksyä ehdotuksen.\n\nKäsittely\n\nEhdotus hylättiin äänin 9 - 4.\n";
    assert_eq!(
        parse(voted, &[]).unwrap().decision.kind,
        DecisionKind::Rejected
    );
}

#[test]
fn decisions_recorded_with_their_proposers() {
    let text = "MINUTES OF THE MEETING OF THE COUNTY COUNCIL HELD ON THE 3RD OF MARCH 2014\n\n57. CIVIC RECEPTIONS\n\nOn the proposition of Councillor Ann Byrne and unanimously agreed a civic reception was granted to the county hurling team.\n\nOn the proposition of Councillors Tom Kehoe & Mary Flynn and agreed that the reception for the rowing club be held in May.\n";
    let case = parse(text, &[]).unwrap();
    assert_eq!(case.date, NaiveDate::from_ymd_opt(2014, 3, 3));
    assert_eq!(case.paragraph.as_deref(), Some("57"));
    assert_eq!(case.title.as_deref(), Some("CIVIC RECEPTIONS"));
    let points: Vec<&str> = case
        .decision_points
        .iter()
        .map(|p| p.text.as_str())
        .collect();
    assert_eq!(
        points,
        [
            "a civic reception was granted to the county hurling team.",
            "the reception for the rowing club be held in May."
        ]
    );
    let motions: Vec<&str> = case
        .positions
        .iter()
        .filter(|p| p.kind == PositionKind::Motion)
        .map(|p| p.text.as_str())
        .collect();
    assert!(
        motions.iter().any(|m| m.contains("Ann Byrne")),
        "{motions:?}"
    );
    assert!(
        motions.iter().any(|m| m.contains("Tom Kehoe")),
        "{motions:?}"
    );
}

#[test]
fn items_headed_by_minute_codes() {
    let text = "Licensing Committee\nMonday, 4th March, 2013\n\nLC 13/021 Apologies\nThere were no apologies.\nLC 13/022 Premises licence, 4 High Street\nRESOLVED: That the licence be granted.\nLC 13/023 Fees\nRESOLVED: That the fees be raised by 2 per cent.\n";
    let cases = parse_all(text, &[]).unwrap();
    let titles: Vec<_> = cases
        .iter()
        .map(|c| c.title.as_deref().unwrap_or(""))
        .collect();
    assert_eq!(
        titles,
        ["Apologies", "Premises licence, 4 High Street", "Fees"]
    );
    // The code alone on its line, the title below it.
    let alone = "Council\n\nCO23\n\nElection of Chairman\n\nRESOLVED: That Councillor Ames be elected chairman.\n\nCO24\n\nApologies for absence\n\nApologies were received from Councillor Kent.\n";
    let cases = parse_all(alone, &[]).unwrap();
    assert_eq!(cases.len(), 2);
    assert_eq!(cases[0].title.as_deref(), Some("Election of Chairman"));
    assert!(cases[0].decision_points[0].text.contains("Ames be elected"));
}

#[test]
fn a_referat_of_short_outcomes_in_the_present_passive() {
    let text = "Referat\n\n14. april 2020\n\nDagsorden godkendt.\n\nIngen orienteringer.\n\nIndstillingen godkendes.\n\nReferat godkendes kl. 11.46.\n";
    let case = parse(text, &[]).unwrap();
    let points: Vec<&str> = case
        .decision_points
        .iter()
        .map(|p| p.text.as_str())
        .collect();
    assert_eq!(
        points,
        [
            "Dagsorden godkendt.",
            "Indstillingen godkendes.",
            "Referat godkendes kl. 11.46."
        ]
    );
    let voted = "Formannskapet\n\nSak 33/15\n\nProtokoll fra forrige møte godkjennes.\n\nRådmannens innstilling enstemmig vedtatt (7 st.).\n\nÅrsmeldingen godkjennes.\n";
    let case = parse(voted, &[]).unwrap();
    assert!(
        case.decision_points
            .iter()
            .any(|p| p.text == "Rådmannens innstilling enstemmig vedtatt (7 st.)."),
        "{:?}",
        case.decision_points
    );
}

#[test]
fn a_web_pages_rows_of_items_with_their_decisions_run_in() {
    let text = "Venue: Council Chamber\nNo. | Item |\nAPPOINTMENT OF VICE-CHAIR To appoint a Vice-Chair. Decision: It was moved, seconded and RESOLVED that Councillor Ann Lee be elected Vice-Chair for the year. |\nLICENSING PROCEDURE PDF 183 KB To note the procedure. Decision: Noted. |\nA new premises licence for 4 High Street. Decision: The Committee received an application.\nThe Committee, having considered the matter, RESOLVED that the application be refused. |\n";
    let cases = parse_all(text, &[]).unwrap();
    let titles: Vec<_> = cases
        .iter()
        .map(|c| c.title.as_deref().unwrap_or(""))
        .collect();
    assert_eq!(
        titles,
        [
            "APPOINTMENT OF VICE-CHAIR",
            "LICENSING PROCEDURE",
            "A new premises licence for 4 High Street"
        ]
    );
    assert!(
        cases[0].decision_points[0]
            .text
            .starts_with("that Councillor Ann Lee be elected")
    );
    assert!(
        cases[2].decision_points[0]
            .text
            .contains("the application be refused"),
        "{:?}",
        cases[2].decision_points
    );
}

#[test]
fn a_list_of_decisions_each_headed_by_its_day() {
    let text = "Decisions published\n\nPlease ask for decisions made before this date.\n\n\
03/02/2021 - LIBRARY OPENING HOURS ref: 210    Recommendations Approved\n\n\
Decision Maker: Learning Committee\n\nMade at meeting: 03/02/2021 - Learning Committee\n\n\
Decision:\n\nVote taken: 5 in favour, 2 against, 1 abstentions.\n\n\
Resolved: to extend the opening hours of the town library.\n\n\
03/02/2021 - APOLOGIES ref: 207    Recommendations Approved\n\n\
Decision Maker: Learning Committee\n\nDecision:\n\nApologies were received from Councillor Ann Lee.\n";
    let cases = parse_all(text, &[]).unwrap();
    let titles: Vec<_> = cases
        .iter()
        .map(|c| c.title.as_deref().unwrap_or(""))
        .collect();
    assert_eq!(titles, ["LIBRARY OPENING HOURS", "APOLOGIES"]);
    let first = &cases[0];
    assert_eq!(first.date, NaiveDate::from_ymd_opt(2021, 2, 3));
    let v = &first.decision.votes;
    assert_eq!((v.for_, v.against, v.abstain), (Some(5), Some(2), Some(1)));
}

#[test]
fn an_item_shown_as_a_row_below_its_tables_labels() {
    let text = "| Rss | Print |\nPunkt Titel Udvalg Funktioner\n\
14 Forslag om nye cykelstier i midtbyen Byrådet Vis medlemmer Udskriv\nSagsfremstilling\n\n\
Forvaltningen har udarbejdet et forslag.\n\nBeslutning\n\nForslaget blev godkendt.\n";
    let case = parse(text, &[]).unwrap();
    assert_eq!(
        case.title.as_deref(),
        Some("Forslag om nye cykelstier i midtbyen")
    );
    assert_eq!(case.paragraph.as_deref(), Some("14"));
    let dynasty = "RSS-linkki\nKokousasiat:https://example.fi/cgi/rss\nKunnanhallitus\n\
Pöytäkirja 02.03.2024/Pykälä 17\n| Edellinen asia | Seuraava asia |\nKoulukuljetukset 2024\n\
Valmistelija Anna Virtanen\nPäätösehdotus Kunnanhallitus hyväksyy kuljetusten hankinnan.\n\
Päätös Päätösehdotus hyväksyttiin.\n";
    let case = parse(dynasty, &[]).unwrap();
    assert_eq!(case.title.as_deref(), Some("Koulukuljetukset 2024"));
    assert_eq!(case.paragraph.as_deref(), Some("17"));
}

#[test]
fn a_pages_link_past_its_menu_is_no_title() {
    let text = "Hoppa till innehåll\n\nInnehåll\n\nNy taxa för bygglov\n\nKommunfullmäktige beslutade den 3 maj 2021 att anta en ny taxa för bygglov.\n";
    let case = parse(text, &[]).unwrap();
    assert_eq!(case.title.as_deref(), Some("Ny taxa för bygglov"));
}

#[test]
fn meeting_days_in_news_and_minutes_heads() {
    let day = |text: &str| parse(text, &[]).unwrap().date;
    assert_eq!(
        day(
            "Kommunfullmäktige i korthet 2021-03-15\n\nKommunfullmäktige beslutade att anta den nya planen.\n"
        ),
        NaiveDate::from_ymd_opt(2021, 3, 15)
    );
    assert_eq!(
        day(
            "Nyheter\n\nFullmäktige beslöt förra veckan om mycket. Fullmäktige behandlade på sitt möte på tisdagen 7.3.2023 budgeten och de anslag som är bindande och beslutade att godkänna den.\n"
        ),
        NaiveDate::from_ymd_opt(2023, 3, 7)
    );
    assert_eq!(
        day(
            "Pressemelding\n\nFylkesutvalet sitt møte i Molde 4. mars 2011: Fylkesutvalet vedtok planen.\n"
        ),
        NaiveDate::from_ymd_opt(2011, 3, 4)
    );
    assert_eq!(
        day(
            "Kunnanhallitus\n\nAika 3.5.2022, klo 17.00\nPaikka Kunnantalo\n\n§ 5 Talousarvio\n\nPäätös Hyväksyttiin.\n"
        ),
        NaiveDate::from_ymd_opt(2022, 5, 3)
    );
}

#[test]
fn a_recorded_vote_laid_out_a_line_a_side() {
    let text = "Standing Orders\n\n15.1 The Council considered a report on Standing Orders.\n\n\
15.2 Recommendation (2) was put to a recorded vote.\n\n(a) For recommendation (2) – 30\n\n\
Cllr Ash, Cllr Birch and others.\n\n(b) Against recommendation (2) – 9\n\nCllr Elm and others.\n\n\
(c) Abstentions – 1\n\n15.3 Recommendation (2) was approved.\n";
    let case = parse(text, &[]).unwrap();
    let v = &case.decision.votes;
    assert_eq!((v.for_, v.against, v.abstain), (Some(30), Some(9), Some(1)));
    assert_eq!(
        case.paragraph.as_deref(),
        Some("15"),
        "the minute numbers its paragraphs"
    );
}

#[test]
fn counts_written_as_words() {
    let text = "Fylkesutvalet\n\nSak 12/10 Tannhelseplan\n\nFylkesutvalet rår til at planen vert vedteken. Tilrådinga er gjord med fem røyster mot fire røyster.\n";
    let case = parse(text, &[]).unwrap();
    let v = &case.decision.votes;
    assert_eq!((v.for_, v.against), (Some(5), Some(4)));
}

#[test]
fn a_motion_named_in_the_middle_of_a_paragraph() {
    let text = "Regionstyrelsen\n\n§ 12 Verksamhetsplan 2027\n\nBeslut\n\nVerksamhetsplanen fastställs. Efter yrkande från Anna Berg kompletteras planen med ett avsnitt om kollektivtrafik.\n";
    let case = parse(text, &[]).unwrap();
    let motions: Vec<_> = case
        .positions
        .iter()
        .filter(|p| p.kind == PositionKind::Motion)
        .flat_map(|p| p.persons.iter().map(|x| x.name.as_str()))
        .collect();
    assert_eq!(motions, ["Anna Berg"], "{:?}", case.positions);
}

#[test]
fn a_numbered_heading_below_the_attendance_names_the_item() {
    let text = "MINUTES OF PROCEEDINGS AT MEETING OF THE COUNTY COUNCIL HELD ON MONDAY, 3RD MARCH, 2014\n\n\
PRESENT IN THE CHAIR: Councillor A. Byrne, Cathaoirleach.\n\nMEMBERS PRESENT:\n\nCouncillors Kelly, Murphy and Walsh.\n\n\
1. Adoption of Minutes\n\nCirculated, copy of draft Minutes of the meeting of February.\n\n\
Proposed by Councillor Kelly; Seconded by Councillor Walsh; And Resolved:\n\n\
“That the draft Minutes, as circulated, be taken as read and adopted.”\n";
    let case = parse(text, &[]).unwrap();
    assert_eq!(case.title.as_deref(), Some("Adoption of Minutes"));
}

#[test]
fn resolutions_in_the_infinitive_one_to_a_line() {
    let text = "Issue - decisions\n\nLibrary opening hours 2027\n\n03/05/2027 - Library Service Review\n\n\n\n  To note the responses to the consultation;\n\n  Toagree the revised opening hours in Appendix A;\n\n  To recommend the budget for the service to Council.\n\n(The Head of Service left the meeting.)\n";
    let case = parse(text, &[]).unwrap();
    let points: Vec<&str> = case
        .decision_points
        .iter()
        .map(|p| p.text.as_str())
        .collect();
    assert_eq!(
        points,
        [
            "To note the responses to the consultation;",
            "Toagree the revised opening hours in Appendix A;",
            "To recommend the budget for the service to Council."
        ]
    );
    let one = "Minutes\n\nTo note the report.\n";
    assert!(
        parse(one, &[]).map_or(true, |c| c.decision_points.is_empty()),
        "one such line alone is not a list of resolutions"
    );
}

#[test]
fn items_numbered_before_the_sign_and_decided_in_short_sentences() {
    let text = "Direktionens protokoll 14 mars 2027\n\nJustering\nAtt jämte ordföranden justera protokollet valdes Karin Berg.\n\n\
12 § Mötets öppnande och val av justeringsperson\n\nOrdföranden öppnade mötet.\n\nDagordningen fastställdes.\n\nTill justeringsperson valdes Karin Berg.\n\n\
13 § Föregående protokoll\n\nInga synpunkter fanns. Protokollet lades till handlingarna.\n";
    let cases = parse_all(text, &[]).unwrap();
    assert_eq!(cases.len(), 2);
    assert_eq!(cases[0].paragraph.as_deref(), Some("12"));
    assert_eq!(
        cases[0].title.as_deref(),
        Some("Mötets öppnande och val av justeringsperson")
    );
    assert_eq!(
        point_texts(&cases[0]),
        [
            "Dagordningen fastställdes.",
            "Till justeringsperson valdes Karin Berg."
        ],
        "the head's choice of a checker is no item's decision"
    );
    assert_eq!(
        point_texts(&cases[1]),
        ["Protokollet lades till handlingarna."]
    );
}

#[test]
fn a_protocol_transcribed_one_page_to_a_line() {
    let text = "-1, STST 2026-04-20 18:00 Tid 20.04.2026 kl. 18.00 Plats Stadshuset Närvarande Berg Anna, ordförande Lind Per, ledamot\n\
12, STST 2026-04-20 18:00 SAMMANTRÄDETS LAGLIGHET Ordföranden konstaterar sammanträdets laglighet. STST 12 Konstaterades.\n\
13, STST 2026-04-20 18:00 PROTOKOLLJUSTERARE, val Stadsstyrelsen utser två justerare. STST 13 Till protokolljusterare valdes Per Lind och Eva Ek.\n";
    let cases = parse_all(text, &[]).unwrap();
    assert_eq!(cases.len(), 2);
    assert_eq!(point_texts(&cases[0]), ["Konstaterades."]);
    assert_eq!(
        point_texts(&cases[1]),
        ["Till protokolljusterare valdes Per Lind och Eva Ek."]
    );
    assert_eq!(cases[1].date, NaiveDate::from_ymd_opt(2026, 4, 20));
    assert_eq!(cases[0].title.as_deref(), Some("SAMMANTRÄDETS LAGLIGHET"));
}

#[test]
fn minutes_copied_as_one_line_of_html_paragraphs() {
    let text = "<p>MINUTES OF THE COUNCIL MEETING HELD ON MONDAY 2 MARCH 2026 AT 7.00 PM</p><p>In the Chair: Councillor A Byrne</p>\
<p>26/03:01 CHAIRMAN’S BUSINESS </p><p>Twinning visit</p><p>After discussion, it was agreed that Councillor Kerr would attend the twinning ceremony.</p>\
<p>It was also agreed that the Clerk would write to the twin town.</p>\
<p>16 March 2026 2 26/03:02 MINUTES OF THE PREVIOUS MEETING</p><p>It was agreed that the minutes be adopted.</p>\n";
    let cases = parse_all(text, &[]).unwrap();
    assert_eq!(cases.len(), 2, "{cases:?}");
    assert_eq!(cases[0].title.as_deref(), Some("CHAIRMAN’S BUSINESS"));
    assert_eq!(
        (
            cases[0].paragraph.as_deref(),
            cases[0].case_number.as_deref()
        ),
        (Some("26/03:01"), None),
        "a minute's number is no case number"
    );
    assert_eq!(
        point_texts(&cases[0]),
        [
            "After discussion, it was agreed that Councillor Kerr would attend the twinning ceremony.",
            "It was also agreed that the Clerk would write to the twin town."
        ]
    );
    assert_eq!(
        cases[1].title.as_deref(),
        Some("MINUTES OF THE PREVIOUS MEETING"),
        "the page footer run into the heading is no part of it"
    );
    assert_eq!(cases[1].date, NaiveDate::from_ymd_opt(2026, 3, 2));
}

#[test]
fn an_election_proposed_voted_and_resolved() {
    let text = "Annual Council - Tuesday 12 May 2026 2.00 pm\n\n14.\n\nElection of the Chairman of the Council\n\nMinutes:\n\n\
Mrs Ward invited nominations.\n\nMr Price proposed Mrs Lowe. He spoke of her year in office.\n\nThe proposal was seconded by Mr Hart.\n\n\
Decision\n\nMembers voted in favour of the proposal with no votes against and two abstentions.\n\nRESOLVED\n\n\
That Mrs Lowe be elected the Chairman of the Council for 2026-2027.\n";
    let case = parse(text, &[]).unwrap();
    assert_eq!(
        point_texts(&case),
        ["That Mrs Lowe be elected the Chairman of the Council for 2026-2027."]
    );
    let v = &case.decision.votes;
    assert_eq!((v.against, v.abstain), (Some(0), Some(2)));
    assert!(
        case.positions
            .iter()
            .any(|p| p.kind == PositionKind::Motion && p.text.contains("Mr Price")),
        "{:?}",
        case.positions
    );
}

#[test]
fn a_news_page_of_bulleted_notices() {
    let text = "Politiska beslut i korthet\n\n • Ny gång- och cykelbro\n\n  Tekniska nämnden får i uppdrag att planera en ny bro över ån. Det beslutade kommunstyrelsen idag. Den gamla bron är sliten.\n\
 • Avtal om nytt bibliotek\n\n  Biblioteket är för litet. Kommunstyrelsen har idag fattat beslut om ett avtal som ger ett bolag rätt att bygga nya lokaler vid torget.\n\
 • Bättre prognos\n\n  Kommunens ekonomiska läge i oktober är något bättre än i september, visar den senaste prognosen för året.\n\
 • Ja till ny skola\n\n  Kommunstyrelsen tillstyrker att en ny skola byggs i Norrby. Skolan ska ha plats för 400 elever.\n";
    let cases = parse_all(text, &[]).unwrap();
    assert_eq!(cases.len(), 4);
    assert_eq!(cases[0].title.as_deref(), Some("Ny gång- och cykelbro"));
    let first = point_texts(&cases[0]);
    assert!(
        first[0].starts_with("Tekniska nämnden får i uppdrag att planera en ny bro över ån. Det beslutade kommunstyrelsen idag."),
        "{first:?}"
    );
    assert!(
        point_texts(&cases[1])[0]
            .starts_with("Kommunstyrelsen har idag fattat beslut om ett avtal")
    );
    assert!(
        point_texts(&cases[2]).is_empty(),
        "a forecast decides nothing"
    );
    assert!(
        point_texts(&cases[3])[0].starts_with("Kommunstyrelsen tillstyrker att en ny skola byggs")
    );
}

#[test]
fn a_norwegian_records_page_with_an_amended_agenda() {
    let text = "Møte Kommunestyret 10.03.2026\n\nSaksliste\n\n  • Godkjenning av innkalling og sakliste Hoveddokument 80KB\n\n\
    Vedtak\n\n    Innkalling og sakliste vert godkjent med følgjande endring: sak 12/26 vert flytta til før 10/26.\n\n\
    Rekkefylgja vert etter partistorleik:\n\n    1. AP\n\n    2. H\n\n    3. SP\n\n\
    Behandling\n\n    Kari Nordmann, SP, gjorde slikt framlegg: Sak 12/26 vert flytta til før sak 10/26.\n";
    let case = parse(text, &[]).unwrap();
    assert_eq!(
        case.title.as_deref(),
        Some("Godkjenning av innkalling og sakliste")
    );
    assert_eq!(case.decision.kind, DecisionKind::AdoptedWithAmendments);
    assert!(
        point_texts(&case)[0].starts_with("Innkalling og sakliste vert godkjent"),
        "the order of the parties is no decision: {:?}",
        point_texts(&case)
    );
    assert!(
        case.positions
            .iter()
            .any(|p| p.kind == PositionKind::Motion && p.text.contains("Kari Nordmann")),
        "{:?}",
        case.positions
    );
}

#[test]
fn the_number_in_front_of_the_title_is_the_items() {
    let text = "Bestyrelsesmøde 12-03-2026\n4. Budget 2027 for beredskabet\nSagsnr.: 00.30.14-P19-1-26\nSagsfremstilling\nBudgettet skal godkendes.\nBeslutning\nBudgettet for 2027 godkendes.\n";
    let case = parse(text, &[]).unwrap();
    assert_eq!(case.title.as_deref(), Some("Budget 2027 for beredskabet"));
    assert_eq!(case.paragraph.as_deref(), Some("4"));
}

#[test]
fn a_summary_page_numbers_its_decisions() {
    let text = "Hoppa till innehåll\n\nPublicerad 2026-03-20\n\nFullmäktige i korthet 2026-03-19\n\nHär följer en sammanfattning av besluten.\n\n\
1. Anna Ek (S) och Per Lind (M) väljs till justerare.\n\n2. Valet av ny revisor bordläggs.\n\n3. KF beslutar om budget för 2027:\n\n\
A. KF fastställer skattesatsen till 21:50 per skattekrona.\n\nB. KF fastställer nämndernas ramar enligt förslaget.\n";
    let case = parse(text, &[]).unwrap();
    let points = point_texts(&case);
    assert_eq!(points.len(), 3, "{points:?}");
    assert_eq!(
        points[0],
        "Anna Ek (S) och Per Lind (M) väljs till justerare."
    );
    assert!(
        points[2].contains("KF fastställer skattesatsen till 21:50")
            && points[2].contains("KF fastställer nämndernas ramar"),
        "the lettered decisions belong to the budget's point: {points:?}"
    );
}

#[test]
fn a_news_page_dated_above_the_meeting_it_reports() {
    let text = "03 March 2026\n\nCounty Council Meeting 26th February 2026\n\nThe budget was considered at the meeting.\n\n\
Cllr Jane Moss put forward an amendment on school transport, which was agreed.\n\nIt was agreed that the budget be approved.\n";
    let case = parse(text, &[]).unwrap();
    assert_eq!(case.date, NaiveDate::from_ymd_opt(2026, 2, 26));
    assert!(
        case.positions
            .iter()
            .any(|p| p.kind == PositionKind::Motion && p.text.contains("Jane Moss")),
        "{:?}",
        case.positions
    );
}

#[test]
fn motions_named_in_norwegian_and_finnish_reports() {
    let text = "Kommunestyret 04.02.2026\n\nSak 3/26 Taletid\n\nOrdførar Kari Lie (Sp) foreslo at taletida skulle vera fem minuttar.\n\nVedtak\n\nTaletida er fem minuttar.\n";
    let case = parse(text, &[]).unwrap();
    assert!(
        case.positions
            .iter()
            .any(|p| p.kind == PositionKind::Motion && p.text.contains("Kari Lie")),
        "{:?}",
        case.positions
    );
    let text = "Kaupunginhallitus 12.01.2026 § 5\n\nAsian käsittely kokouksessa: Keskustelun aikana puheenjohtaja totesi Liisa Mäen ehdottaneen, että asia palautetaan uudelleen valmisteltavaksi.\n\nPäätös\n\nAsia palautettiin uudelleen valmisteltavaksi.\n";
    let case = parse(text, &[]).unwrap();
    assert!(
        case.positions
            .iter()
            .any(|p| p.kind == PositionKind::Motion && p.text.contains("Liisa Mäen")),
        "{:?}",
        case.positions
    );
}

#[test]
fn a_decision_that_approves_the_proposal_is_followed_by_the_proposal() {
    let text = "Kunnanhallitus 12.01.2026 § 4\n\nKokouksen laillisuus ja päätösvaltaisuus\n\nPäätösehdotus\nTodetaan kokous lailliseksi ja päätösvaltaiseksi.\nHyväksytään asialistalle §:t 4 - 12.\nPäätös\nHyväksyttiin.\n";
    let case = parse(text, &[]).unwrap();
    assert_eq!(
        point_texts(&case),
        [
            "Hyväksyttiin.",
            "Todetaan kokous lailliseksi ja päätösvaltaiseksi.",
            "Hyväksytään asialistalle §:t 4 - 12."
        ]
    );
    let bare = "Kommunalbestyrelsen 28. april 2026\n\n12. Godkendelse af dagsorden\n\nIndstilling\n\nTil godkendelse.\n\nBeslutning\n\nGodkendt.\n";
    let case = parse(bare, &[]).unwrap();
    assert_eq!(
        point_texts(&case),
        ["Godkendt."],
        "a proposal of no words of its own"
    );
}

#[test]
fn a_cloudnc_record_decides_under_paatoksen_lisatiedot() {
    let text = "Kunnanhallitus\n\n12.1.2026\n\n§ 2 Pöytäkirjan tarkastajien valinta\nPäätösehdotus\n\nValitaan kaksi pöytäkirjantarkastajaa. Vuorossa ovat Mika Aho ja Erja Lind.\n\nPäätöksen lisätiedot\n\nPöytäkirjantarkastajiksi valittiin Heikki Mäki ja Nina Kivi. Päätösesitys hyväksyttiin.\n";
    let case = parse(text, &[]).unwrap();
    assert!(
        point_texts(&case)
            .iter()
            .any(|p| p.starts_with("Pöytäkirjantarkastajiksi valittiin Heikki Mäki")),
        "{:?}",
        point_texts(&case)
    );
}

#[test]
fn each_sub_item_resolves_on_its_own() {
    let text = "Agenda and minutes\n\n5.\n\nMINUTES\n\n5.1\n\n3RD MARCH, 2026\n\nMinutes:\n\nUNANIMOUSLY RESOLVED that the minutes of the meeting held on the 3rd March, 2026 be signed as a correct record.\n\n5.2\n\n17TH MARCH, 2026\n\nMinutes:\n\nUNANIMOUSLY RESOLVED that the minutes of the meeting held on the 17th March, 2026 be signed as a correct record.\n";
    let points = point_texts(&parse(text, &[]).unwrap())
        .into_iter()
        .map(str::to_owned)
        .collect::<Vec<_>>();
    assert_eq!(points.len(), 2, "{points:?}");
    assert!(points[1].contains("17th March, 2026"));
}

#[test]
fn a_recorded_vote_table_copied_without_its_cells() {
    let text = "Voting record\n\nCouncil, Wednesday 11th March 2026 6.00 p.m.\n\nItem: Review of Standing Orders\n\nRecorded vote on the proposal.\n\nResolution status:Carried\n\n\
ForA. Brown, C. Dale and E. Frost3\nAgainstG. Hale and I. Jones2\nConflict Of InterestsNone0\n";
    let case = parse(text, &[]).unwrap();
    assert_eq!(case.title.as_deref(), Some("Review of Standing Orders"));
    let v = &case.decision.votes;
    assert_eq!((v.for_, v.against), (Some(3), Some(2)));
    assert_eq!(
        case.decision.roll_call.len(),
        5,
        "{:?}",
        case.decision.roll_call
    );
}

#[test]
fn a_pictures_credit_and_a_files_facts_are_no_title() {
    let text = "Kommunstyrelsen 8 mars 2026\n\nBild på stadshuset, foto: Anna Berg\n\nNytt ankomstboende\n\nKommunstyrelsen beslutade att starta ett ankomstboende.\n";
    assert_eq!(
        parse(text, &[]).unwrap().title.as_deref(),
        Some("Nytt ankomstboende")
    );
    let text = "Membership of Eurocities\nTotal Page:12\nFile Type:pdf, Size:900Kb\nTHE CITY COUNCIL 3 March 2026 The Council agreed to join Eurocities.\n";
    assert_eq!(
        parse(text, &[]).unwrap().title.as_deref(),
        Some("Membership of Eurocities")
    );
}

#[test]
fn a_decision_worded_as_a_members_amendment_adopts_it() {
    let text = "Kommunstyrelsen 8 mars 2026\n\nNytt ankomstboende\n\nAnna Berg (C) yrkar som ett ändringsyrkande att ordförandens förslag till beslut ändras till: Förvaltningen får i uppdrag att starta ett tillfälligt ankomstboende.\n\nBeslut:Förvaltningen får i uppdrag att starta ett tillfälligt ankomstboende.\n";
    let case = parse(text, &[]).unwrap();
    assert_eq!(case.decision.kind, DecisionKind::AdoptedWithAmendments);
    let plain = text.replace(
        "yrkar som ett ändringsyrkande att ordförandens förslag till beslut ändras till:",
        "yrkar bifall till förslaget:",
    );
    let case = parse(&plain, &[]).unwrap();
    assert_eq!(
        case.decision.kind,
        DecisionKind::Adopted,
        "support is no amendment"
    );
}

#[test]
fn a_meeting_day_with_its_hour_or_its_decisions() {
    let date = |t: &str| parse(t, &[]).unwrap().date;
    assert_eq!(
        date(
            "Referat\n\nDen 09.01.2026 kl. 13:00 i Rådhuset\n\nPunkt 1 Dagsorden\n\nBeslutning\n\nGodkendt.\n"
        ),
        NaiveDate::from_ymd_opt(2026, 1, 9)
    );
    assert_eq!(
        date(
            "Sosiaalilautakunta\n\nKokousaika: 20.1.2026 klo 16.15\n\n§ 3 Talousarvio\n\nPäätös\n\nHyväksyttiin.\n"
        ),
        NaiveDate::from_ymd_opt(2026, 1, 20)
    );
    assert_eq!(
        date(
            "Kaupunginhallituksen 14.3.2026 kokouksen päätökset\n\nKaupunginhallitus päätti hyväksyä talousarvion.\n"
        ),
        NaiveDate::from_ymd_opt(2026, 3, 14)
    );
}

#[test]
fn a_heading_in_capitals_names_the_item() {
    let title = |t: &str| parse(t, &[]).unwrap().title;
    assert_eq!(
        title("Agenda and minutes\nVenue: The Guildhall\nELECTION OF MAYOR To appoint the Mayor for 2026/27. Minutes: Nominations were sought.\nRESOLVED: That Councillor Lee be elected Mayor for 2026/27.\n").as_deref(),
        Some("ELECTION OF MAYOR")
    );
    assert_eq!(
        title("Hallitus 1 / 2026 12.01.2026\nKOKOUKSEN LAILLISUUS JA PÄÄTÖSVALTAISUUS\n\nHallintosäännön mukaan kokouskutsu ja esityslista on lähetettävä vähintään viittä päivää ennen kokousta, elleivät erityiset syyt ole esteenä.\n\nPäätös Hallitus\n\nKokous todettiin laillisesti koollekutsutuksi ja päätösvaltaiseksi.\n").as_deref(),
        Some("KOKOUKSEN LAILLISUUS JA PÄÄTÖSVALTAISUUS")
    );
}

#[test]
fn a_pages_banner_is_no_title() {
    let title = |t: &str| parse(t, &[]).unwrap().title;
    assert_eq!(
        title("Høringssvar fra Trøndelag fylkeskommune\n\nHøring - Ny lov om kommunale havner\n\nDato: 02.05.2026\n\nVedtak\n\nFylkestinget slutter seg til høringsuttalelsen.\n").as_deref(),
        Some("Høring - Ny lov om kommunale havner")
    );
    assert_eq!(
        title("Dynasty informationsservice Sökning RSS Sibbo\n\nFullmäktige\nProtokoll 15.02.2026/Paragraf 16\n\nMotion om en ny simhall\n\nBeslut\n\nFullmäktige antecknade motionen för kännedom.\n").as_deref(),
        Some("Motion om en ny simhall")
    );
}

#[test]
fn apologies_under_the_decision_are_no_decision() {
    let text = "Byrådet 26-04-2026\n\n1. Bemærkninger til dagsordenen\n\nBeslutning Byrådet den 26-04-2026\n\nDer er afbud fra Lone Hansen. Niels Kirkegaard er indkaldt som suppleant.\n\nEt enigt byråd ønsker at behandle sag 18 på mødet.\n";
    assert_eq!(
        points_of(text),
        ["Et enigt byråd ønsker at behandle sag 18 på mødet."]
    );
}

#[test]
fn a_list_of_members_with_their_parties_is_no_decision() {
    let text = "Udvalget 12-01-2026\n\n4. Strategi for natur\n\nBeslutning i Udvalget den 12-01-2026\n\nFraværende:\n\n• Anna Berg (V)\n\n• Per Lind (A)\n\nUdvalget godkendte strategien for natur og miljø.\n";
    assert_eq!(
        points_of(text),
        ["Udvalget godkendte strategien for natur og miljø."]
    );
}

#[test]
fn the_attachments_below_a_decision_are_no_points() {
    let text = "Teknik- og Miljøudvalget 12-01-2026\n\n7. Orientering om klimasamarbejdet\n\nBeslutning\n\nSagen taget til orientering.\n\nBilag\n\n  • Referat af styregruppemøde\n  • Oversigt over delmål\n";
    let case = parse(text, &[]).unwrap();
    assert_eq!(point_texts(&case), ["Sagen taget til orientering."]);
}

#[test]
fn items_numbered_twice_and_apologies_told_by_the_mayor() {
    let text = "Referat\n\nDeltagere:\n\nAnna Berg, V\nPer Lind, A\n\n\n 1.  1. Godkendelse af dagsordenen\n\n  Beslutning i Kommunalbestyrelsen den 17-01-2026\n\n  Borgmesteren oplyste, at der var afbud fra Eva Holm (Ø).\n\n  Dagsordenen blev herefter godkendt.\n\n  Afbud:\n  1. Eva Holm, Ø\n 2.  2. Orientering fra borgmesteren\n\n  Beslutning i Kommunalbestyrelsen den 17-01-2026\n\n  Borgmesteren orienterede om trafikken.\n\n  Til orientering.\n";
    let cases = parse_all(text, &[]).unwrap();
    assert_eq!(cases.len(), 2);
    assert_eq!(
        cases[0].title.as_deref(),
        Some("Godkendelse af dagsordenen")
    );
    assert_eq!(
        point_texts(&cases[0]),
        ["Dagsordenen blev herefter godkendt."],
        "neither the mayor's word on apologies nor the list of them"
    );
    assert_eq!(
        cases[1].title.as_deref(),
        Some("Orientering fra borgmesteren")
    );
}

#[test]
fn danish_with_the_words_it_shares_with_swedish_is_danish() {
    // "den", "med", "som", "det", "har", "om" and "på" are Swedish markers
    // too; "at", "er", "for" and "ved" are not Swedish.
    let text = "Referat tirsdag den 4. marts 2025 kl. 9:00 i Brandstationen\n\n1. Godkendelse af dagsorden\n\nBeslutning den : Dagsorden godkendt.\n\n2. Til orientering\n\nDen nye ledelse har orienteret om det arbejde som er i gang med stationen, og om at der er møde med den nye chef på stationen ved udgangen af måneden. Beslutning den : Indstillingen tiltrådt.\n";
    let case = parse(text, &[]).unwrap();
    assert_eq!(case.language, "da");
}

#[test]
fn a_document_sites_viewer_is_no_title() {
    let text = "Storlek: px\nStarta visningen från sidan:\n\nTranskript\n\n1 Sammanträdesprotokoll Kommunstyrelsen 2014-04-09\n\n§ 63 Val av ombud till förbundsstämman\n\nKommunstyrelsen beslutar att välja Eva Berg till ombud.\n";
    let case = parse(text, &[]).unwrap();
    assert_eq!(
        case.title.as_deref(),
        Some("Val av ombud till förbundsstämman")
    );
}

#[test]
fn an_approval_under_the_decision_goes_before_the_proposals_list() {
    let text = "Aluehallitus, kokous 3.3.2026\n\n§ 41 Ajankohtaiset asiat\n\nEhdotus\n\nAluehallitus päättää\n\n  • merkitä tiedoksi ajankohtaiset asiat.\n\nPäätös\n\nPäätösehdotus hyväksyttiin.\n\nEsteellisyys\n\nEi esteellisiä.\n";
    let case = parse(text, &[]).unwrap();
    assert_eq!(
        point_texts(&case),
        [
            "Päätösehdotus hyväksyttiin.",
            "merkitä tiedoksi ajankohtaiset asiat."
        ]
    );
    let danish = "Regionsrådet 7. december 2026\n\n1. Ændring af styrelsesvedtægten\n\nINDSTILLING\n\nRegionsrådsformanden anbefaler:\n\n • at regionsrådet vedtager forslaget til styrelsesvedtægt.\n\nPOLITISK BEHANDLING\n\nRegionsrådets beslutning den 30. november 2026:\n\nGodkendt.\n";
    let case = parse(danish, &[]).unwrap();
    assert_eq!(
        point_texts(&case),
        [
            "Godkendt.",
            "at regionsrådet vedtager forslaget til styrelsesvedtægt."
        ]
    );
}

#[test]
fn a_news_page_tells_of_the_decision_with_the_day_between_body_and_verb() {
    let text = "Enighet om vänort i Ukraina\n\nDet rådde ingen tvekan när kommunfullmäktige idag beslöt att skriva ett vänortsavtal med Nikopol. Samtliga ledamöter var eniga.\n\nFullmäktigesalen med alla ledamöter\n";
    let case = parse(text, &[]).unwrap();
    assert_eq!(case.title.as_deref(), Some("Enighet om vänort i Ukraina"));
    assert!(
        point_texts(&case)
            .iter()
            .any(|p| p.contains("kommunfullmäktige idag beslöt att skriva ett vänortsavtal")),
        "{:?}",
        point_texts(&case)
    );
}

#[test]
fn a_line_after_a_blank_one_is_no_more_of_the_title() {
    let text = "Uttalande till stöd för Ukraina\n\nFlaggning utanför kommunhuset, inklusive den ukrainska flaggan\n\nKommunfullmäktige beslutade att flagga med den ukrainska flaggan under mars månad.\n";
    let case = parse(text, &[]).unwrap();
    assert_eq!(
        case.title.as_deref(),
        Some("Uttalande till stöd för Ukraina")
    );
}

#[test]
fn a_pdfs_title_goes_on_after_a_blank_line() {
    let pdf = "Medlemskap i ICLEI och utträde ur Union of the Baltic \n\nCities \n\nKommunfullmäktige beslutade att ansöka om medlemskap i ICLEI.\n";
    let case = parse(pdf, &[]).unwrap();
    assert_eq!(
        case.title.as_deref(),
        Some("Medlemskap i ICLEI och utträde ur Union of the Baltic Cities")
    );
}

#[test]
fn a_councils_statement_is_its_paragraphs_down_to_the_signatures() {
    let text = "Uttalande om vänorterna\n\nKommunfullmäktige i Bjuvs kommun uttalar sitt stöd för vänorterna i Polen och Litauen i en svår tid.\n\nSom en symbol för stödet kommer kommunen att flagga med vänorternas flaggor under maj månad.\n\nAnna Berg\nKommunfullmäktiges ordförande\n";
    assert_eq!(
        points_of(text),
        [
            "Kommunfullmäktige i Bjuvs kommun uttalar sitt stöd för vänorterna i Polen och Litauen i en svår tid.",
            "Som en symbol för stödet kommer kommunen att flagga med vänorternas flaggor under maj månad."
        ]
    );
}

#[test]
fn a_news_page_of_a_preparatory_body_reports_its_decisions() {
    let text = "Flytta dig till innehållet\nVälfärdsområdet informerar\n\nBeredningsorganet hade möte onsdag 10.11.2021.\n\nDet temporära beredningsorganet beslutade att kungörelser publiceras på den officiella anslagstavlan. \nSom det andra ärendet vid mötet beslutade det temporära beredningsorganet att mötesarvoden betalas i enlighet med villkoren i arvodesstadgan.\n\nTa en titt också på dessa\n";
    let case = parse(text, &[]).unwrap();
    assert_eq!(case.title.as_deref(), Some("Välfärdsområdet informerar"));
    let points = point_texts(&case).join(" ");
    assert!(points.contains("kungörelser publiceras"), "{points}");
    assert!(
        points.contains("mötesarvoden betalas i enlighet med villkoren"),
        "following terms is no reference to a proposal: {points}"
    );
}

#[test]
fn a_decision_details_page_titles_the_decision_below_its_own_heading() {
    let text = "Decision details\n\nURBACT: Twin Cities (Cab.15.5.2026/18)\n\nDecision status: Recommendations Approved\n\nDecisions:\n\nRESOLVED:-\n\n(i) that approval be given to join the network.\n";
    let case = parse(text, &[]).unwrap();
    assert_eq!(case.title.as_deref(), Some("URBACT: Twin Cities"));
    assert_eq!(case.case_number.as_deref(), Some("Cab.15.5.2026/18"));
}

#[test]
fn a_resolution_that_lost_its_heading_is_still_the_decision() {
    let text = "The Chair explained that the request for a grant from the Harbour Trust should wait until both portfolio holders had seen the figures, which were not yet complete.\nThat the request be deferred to the next meeting of the Executive.\nReason: To allow the figures to be completed.\n";
    let case = parse(text, &[]).unwrap();
    assert_eq!(
        point_texts(&case),
        ["That the request be deferred to the next meeting of the Executive."]
    );
    assert_eq!(case.decision.kind, DecisionKind::Tabled);
    assert_eq!(case.language, "en");
    // "That is why it should be done" is no resolution.
    let prose = "Our staff wrote to the council.\nThat is why the plan was late and had to wait.\n";
    assert!(parse(prose, &[]).is_err());
}

#[test]
fn a_decision_begun_in_lower_case_after_its_heading_is_read() {
    let text = "Referat\n\nGODKENDELSE AF DAGSORDEN\n\nBeslutning: grundet afbud fra to medlemmer godkendes stedfortrædere Lise Holm og Erik Dam. Dagsordenen godkendt.\n";
    let case = parse(text, &[]).unwrap();
    let points = point_texts(&case).join(" ");
    assert!(
        points.starts_with("grundet afbud fra to medlemmer godkendes"),
        "{points}"
    );
    assert!(points.contains("Dagsordenen godkendt."), "{points}");
}

#[test]
fn a_norwegian_passive_of_approval_is_a_decision() {
    let text =
        "PROTOKOLL\n\n§ 12 Godkjenning av saksliste\n\nSakslista vart godkjent utan merknadar.\n";
    assert_eq!(points_of(text), ["Sakslista vart godkjent utan merknadar."]);
    let bokmal = parse(
        "PROTOKOLL\n\n§ 12 Godkjenning av saksliste\n\nSakslisten ble godkjent.\n",
        &[],
    )
    .unwrap();
    assert_eq!(point_texts(&bokmal), ["Sakslisten ble godkjent."]);
}

#[test]
fn a_news_page_counts_a_matter_treated_and_then_decided() {
    let text = "Till innehållet\n\nRegionfullmäktige valde ny direktör\n\nRegionfullmäktige godkände regionstyrelsens förslag om att Eva Lund ska väljas till regiondirektör.\n\nRegionfullmäktige behandlade också den nya lokalplanen och godkände att arbetet fortsätter enligt den.\n\nRegionfullmäktige behandlade ärendet om aktierna och gav sitt samtycke till att de köps av förbundet.\n\nRegionfullmäktige behandlade också frågan om parkering utan att ta ställning.\n";
    let case = parse(text, &[]).unwrap();
    let points = point_texts(&case);
    assert_eq!(points.len(), 3, "{points:?}");
    assert!(points[2].contains("gav sitt samtycke"), "{points:?}");
}

#[test]
fn a_numbered_amendment_names_its_mover() {
    let text = "Minutes:\n\nAmendment No. 1 proposed by Councillor Ann Kelly and seconded by Councillor Tom Ryan:\n\n“That the sale of the depot be paused until the review is done.”\n\nThe amendment was put to a vote, 21 voted in favour, 9 voted against. The amendment was carried.\n";
    let case = parse(text, &[]).unwrap();
    let motion = case
        .positions
        .iter()
        .find(|p| p.kind == PositionKind::Motion)
        .expect("the amendment is a motion");
    let names: Vec<&str> = motion.persons.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, ["Ann Kelly"]);
    assert_eq!(
        (case.decision.votes.for_, case.decision.votes.against),
        (Some(21), Some(9))
    );
}

#[test]
fn what_a_court_ought_to_reject_is_no_rejection() {
    let text = "Hyvinvointialueen mukaan yksikään valitus ei täytä lain mukaisia valitusperusteita ja hallinto-oikeuden olisi ne sen vuoksi hylättävä.\n\nAluehallitus päätti hyväksyä vuoden 2026 talousarvion käyttösuunnitelmat.\n";
    let case = parse(text, &[]).unwrap();
    assert_eq!(case.decision.kind, DecisionKind::Adopted);
    assert_eq!(
        point_texts(&case),
        ["Aluehallitus päätti hyväksyä vuoden 2026 talousarvion käyttösuunnitelmat."]
    );
    let rejected = parse(
        "Aluehallitus päätti hyväksyä esityksen.\n\nValtuutetun ehdotus hylättiin äänin 10–3.\n",
        &[],
    )
    .unwrap();
    assert_eq!(rejected.decision.kind, DecisionKind::Rejected);
}

#[test]
fn a_notice_of_motion_submitted_names_its_mover() {
    let text = "Minutes\n\nA further Notice of Motion was submitted by Cllr Ian Brodie, seconded by Cllr Ann Hope.\n\nThe Council agreed to note the motion and to write to the minister.\n";
    let case = parse(text, &[]).unwrap();
    let motion = case
        .positions
        .iter()
        .find(|p| p.kind == PositionKind::Motion)
        .expect("the notice of motion is a motion");
    assert_eq!(motion.persons[0].name, "Ian Brodie");
}

#[test]
fn a_decision_inside_a_page_run_into_one_line_is_read() {
    let talk = "Ordföranden redogjorde för läget i arbetet med den nya planen och svarade på frågor från ledamöterna om tidplanen. ".repeat(14);
    let text = format!(
        "Transkript\n\n2 Kommunfullmäktige Protokoll § 12 Ny översiktsplan {talk}Kommunfullmäktige beslutar att anta den nya översiktsplanen. {talk}\n"
    );
    assert!(text.len() > 3000);
    let case = parse(&text, &[]).unwrap();
    assert_eq!(
        point_texts(&case),
        ["Kommunfullmäktige beslutar att anta den nya översiktsplanen."]
    );
}

#[test]
fn a_budgets_clauses_under_each_committee_are_one_list_and_items_are_numbered_by_their_label() {
    let text = "Kommunfullmäktige 2002-12-30\n\nBeslutande Enligt förteckning, Per Ek, Bostäder § 2\n\nKF § 1\n\nVal av justerare\n\nBeslut\n\nKommunfullmäktige beslutar:\n\natt utse Eva Berg (s) att justera protokollet,\n\natt justeringen sker 2003-01-09.\n\n________\n\nKF § 2 Dnr KS 02-1\n\nBudget 2003\n\nBeslut\n\nKommunfullmäktige beslutar:\n\nKommunstyrelsen\n\natt bevilja kommunstyrelsen 140 tkr i driftbudget,\n\nByggnadsnämnden\n\natt bevilja byggnadsnämnden 5 tkr i driftbudget,\n";
    let cases = parse_all(text, &[]).unwrap();
    assert_eq!(cases.len(), 2);
    assert_eq!(cases[0].paragraph.as_deref(), Some("1"));
    assert_eq!(cases[1].paragraph.as_deref(), Some("2"));
    assert_eq!(
        point_texts(&cases[0]).last().copied(),
        Some("justeringen sker 2003-01-09.")
    );
    assert_eq!(
        point_texts(&cases[1]),
        [
            "bevilja kommunstyrelsen 140 tkr i driftbudget,",
            "bevilja byggnadsnämnden 5 tkr i driftbudget,"
        ]
    );
}

#[test]
fn where_minutes_only_report_votes_their_outcomes_are_the_decision() {
    let text = "Agenda and minutes\n\nMedia\n\nItems No. Item\n\n1.\n\nMotion in the name of Councillor Ann Kelly: pdf icon PDF 100 KB\n\nMinutes:\n\nAmendment No. 1 proposed by Councillor Ann Kelly and seconded by Councillor Tom Ryan:\n\n“That the sale of the depot be paused.”\n\nThe amendment was put to a vote, 21 voted in favour, 9 voted against. The amendment was carried.\n\nAmendment No. 2 proposed by Councillor Mary Dunne:\n\n“That the depot be kept.”\n\nThe amendment was put to a vote, 8 voted in favour, 22 voted against. The second amendment was defeated.\n";
    let case = parse(text, &[]).unwrap();
    assert_eq!(
        point_texts(&case),
        [
            "The amendment was carried.",
            "The second amendment was defeated."
        ]
    );
    assert_ne!(case.title.as_deref(), Some("Media"));
}

#[test]
fn the_covenant_of_mayors_is_known_by_its_nordic_and_short_names() {
    for (text, canonical) in [
        (
            "Økonomiudvalget beslutter at tilslutte kommunen Borgmesterpagten.",
            "CoM",
        ),
        (
            "Kommunstyrelsen beslutar att kommunen ansluter sig till Borgmästaravtalet.",
            "CoM",
        ),
        (
            "The Council resolved to sign the Covenant of Mayors.",
            "CoM",
        ),
        (
            "The Council resolved to join the Global Covenant of Mayors for Climate and Energy.",
            "GCoM",
        ),
    ] {
        let case = parse(text, &catalogue_names()).unwrap();
        let found: Vec<&str> = case
            .organisations
            .iter()
            .map(|o| o.canonical.as_str())
            .collect();
        assert_eq!(found, [canonical], "{text}");
    }
}

#[test]
fn a_date_right_after_a_body_dates_the_meeting_where_the_head_does_not() {
    let text = "Här kan du läsa om några av de ärenden som diskuterades och beslutades av kommunfullmäktige den 16 december 2019.\n\nKommunfullmäktige beslutade att anta den nya taxan.\n";
    let case = parse(text, &[]).unwrap();
    assert_eq!(case.date, NaiveDate::from_ymd_opt(2019, 12, 16));
    // A date after another noun dates nothing.
    let other = "Här kan du läsa om vad som hände med bygget den 16 december 2019.\n\nKommunfullmäktige beslutade att anta den nya taxan.\n";
    assert_eq!(parse(other, &[]).unwrap().date, None);
}

#[test]
fn two_decisions_told_on_a_news_page_are_both_points() {
    let text = "Uutiset\n\nKaupunginhallitus päätti, että kaupunki liittyy ikäystävälliseen kuntaverkostoon.\n\nLisäksi kaupunginhallitus hyväksyi uuden hankintaohjeen.\n\nSeuraava kokous on 8. syyskuuta.\n";
    assert_eq!(
        points_of(text),
        [
            "Kaupunginhallitus päätti, että kaupunki liittyy ikäystävälliseen kuntaverkostoon.",
            "Lisäksi kaupunginhallitus hyväksyi uuden hankintaohjeen."
        ]
    );
}

#[test]
fn a_notice_of_posting_or_a_contents_list_is_no_title() {
    for head in [
        "ANSLAG/BEVIS Protokollet är justerat. Justeringen har tillkännagivits genom anslag",
        "INNEHÅLLSFÖRTECKNING. SSTYR, Protokoll",
        "Save this PDF as:",
    ] {
        let text = format!("{head}\n\nKommunstyrelsen beslutar att godkänna avsägelserna.\n");
        let case = parse(&text, &[]).unwrap();
        assert!(
            case.title
                .as_deref()
                .is_none_or(|t| !t.starts_with(&head[..8])),
            "{:?}",
            case.title
        );
    }
}

#[test]
fn a_mover_after_a_lead_clause_is_read_and_the_decision_after_it_kept_apart() {
    let text = "Stadsfullmäktige\n\nUnder behandlingen av ärendet föreslog Eva Lind att ärendet återremitteras för ny beredning. Stadsfullmäktige beslutade efter omröstning med rösterna 30–10 fortsätta behandlingen av ärendet.\n";
    let case = parse(text, &[]).unwrap();
    let motion = case
        .positions
        .iter()
        .find(|p| p.kind == PositionKind::Motion)
        .expect("the proposal is a motion");
    assert_eq!(motion.persons[0].name, "Eva Lind");
    assert!(!motion.text.contains("beslutade"), "{}", motion.text);
    assert_eq!(
        point_texts(&case),
        [
            "Stadsfullmäktige beslutade efter omröstning med rösterna 30–10 fortsätta behandlingen av ärendet."
        ]
    );
    let norwegian = "Fylkestinget\n\nDa fylkestinget behandlet saken, fremmet Svein Dahl (R) et tilleggsforslag om bistand. Forslaget ble vedtatt.\n";
    let case = parse(norwegian, &[]).unwrap();
    assert!(
        case.positions
            .iter()
            .any(|p| p.kind == PositionKind::Motion
                && p.persons.iter().any(|n| n.name == "Svein Dahl")),
        "{:?}",
        case.positions
    );
}

#[test]
fn an_organisation_the_catalogue_does_not_know_is_named_with_a_warning() {
    let text = "Fylkesutvalget godkjenner at fylkesordfører Kari Nord skal være fylkets representant i Skandinavisk Triangel med Per Vik som vararepresentant.\n";
    let case = parse(text, &catalogue_names()).unwrap();
    let names: Vec<&str> = case
        .organisations
        .iter()
        .map(|o| o.canonical.as_str())
        .collect();
    assert_eq!(names, ["Skandinavisk Triangel"]);
    assert!(
        case.warnings
            .iter()
            .any(|w| w.starts_with("\"Skandinavisk Triangel\" is not in the catalogue")),
        "{:?}",
        case.warnings
    );
    // A known network by its full name, and a council's own body, are not.
    let known = "The Council resolved to renew its membership of the Local Governments for Sustainability network and to remain a member of the Planning Committee.\n";
    let case = parse(known, &catalogue_names()).unwrap();
    let names: Vec<&str> = case
        .organisations
        .iter()
        .map(|o| o.canonical.as_str())
        .collect();
    assert_eq!(names, ["ICLEI"]);
}

#[test]
fn a_scottish_minute_numbers_its_items_in_capitals() {
    let text = "Area Committee Minutes\n\nItem Number Item/Description Action\n\n1 SEDERUNT AND APOLOGIES\n\n8 Members present.\n\n2 COMMUNITY SAFETY FUND - REPORT BY HEAD OF SERVICES\n\nDecision\n\nAGREED the applications in Appendix 2 and to make awards.\n";
    let cases = parse_all(text, &[]).unwrap();
    assert_eq!(cases.len(), 2);
    assert_eq!(
        cases[1].title.as_deref(),
        Some("COMMUNITY SAFETY FUND - REPORT BY HEAD OF SERVICES")
    );
    assert_eq!(
        point_texts(&cases[1]),
        ["AGREED the applications in Appendix 2 and to make awards."]
    );
}

#[test]
fn a_danish_agendas_mark_of_an_items_kind_is_no_part_of_its_title() {
    assert_eq!(
        heading::tidy_title("Præsentation af Center for Beredskab (O)"),
        "Præsentation af Center for Beredskab"
    );
    assert_eq!(heading::tidy_title("Budget 2019 (B)"), "Budget 2019");
    assert_eq!(heading::tidy_title("Plan (A)"), "Plan (A)");
}

#[test]
fn a_decision_record_approved_by_its_status_decides_its_list() {
    let text = "Decision details\nLibrary Opening Hours\nDecision Maker: Cabinet\nDecision status: Recommendations Approved\nThe Cabinet was asked to consider the motion on library opening hours.\n1. The Council keeps all libraries open on Saturdays;\n2. The Council reviews the hours again in a year.\nReasons for the decision:\nThe motion was referred to the Cabinet.\n";
    let case = parse(text, &[]).unwrap();
    assert_eq!(case.decision_points.len(), 2, "{:?}", point_texts(&case));
    let refused = text.replace("Recommendations Approved", "Recommendations Not Approved");
    let case = parse(&refused, &[])
        .map(|c| c.decision_points.len())
        .unwrap_or(0);
    assert_eq!(case, 0);
}

#[test]
fn a_finnish_body_after_the_object_of_its_decision_decides_the_whole_sentence() {
    let text = "Aluehallituksen kokouksen 25.5.2022 päätöstiedotteet\n\nNeuvottelukunta asetettu\n\nNeuvottelukuntaan on kutsuttu myös kuntien jäsenet. Neuvottelukunnan puheenjohtajaksi aluehallitus nimesi aluehallituksen puheenjohtajan Liisa Kairan.\n";
    let case = parse(text, &[]).unwrap();
    assert_eq!(
        point_texts(&case),
        [
            "Neuvottelukunnan puheenjohtajaksi aluehallitus nimesi aluehallituksen puheenjohtajan Liisa Kairan."
        ]
    );
    assert_eq!(case.date, NaiveDate::from_ymd_opt(2022, 5, 25));
}

#[test]
fn a_news_page_says_afterwards_or_in_a_relative_clause_what_the_body_decided() {
    let text = "Kortfattat: Regionstyrelsen\n\nNyhetsnotiser från regionstyrelsens sammanträde.\n\nFörslaget till ny kulturplan föreslås nu gå vidare till regionfullmäktige för beslut. Det har regionstyrelsen slagit fast.\n\nArbetet behöver fortsätta, menar regionstyrelsen som nu antagit en strategi för kulturarvet.\n\nVädret var fint under dagen.\n";
    assert_eq!(
        points_of(text),
        [
            "Förslaget till ny kulturplan föreslås nu gå vidare till regionfullmäktige för beslut. Det har regionstyrelsen slagit fast.",
            "Arbetet behöver fortsätta, menar regionstyrelsen som nu antagit en strategi för kulturarvet."
        ]
    );
}

#[test]
fn the_reason_for_a_decision_is_no_part_of_it() {
    let text = "Decision:\n\nRESOLVED -  That Members endorse the Harbour Plan 2019–2029 so that the Council can approve its submission.\n\n \n\nReason for decision\n\n \n\n(i)         To provide a clear framework for decisions by the partners.\n";
    assert_eq!(
        points_of(text),
        [
            "That Members endorse the Harbour Plan 2019–2029 so that the Council can approve its submission."
        ]
    );
}

#[test]
fn a_body_saying_what_it_decided_outweighs_the_heads_minute_checkers() {
    let text = "Transkript\n\n1 BYKÖPINGS KOMMUN SAMMANTRÄDESPROTOKOLL Kommunfullmäktige Plats och tid Stora salen, kommunhuset kl Utses att justera Anna Berg (KD) och Per Ek (S) Justeringens plats och tid Kommunhuset Paragrafer Underskrift Sekreterare Ordförande Justerande ANSLAG/BEVIS Protokollet är justerat. Justeringen har tillkännagivits genom anslag Organ Kommunfullmäktige Sammanträdesdatum Datum för anslags uppsättande Förvaringsplats för protokollet Kommunkansliet\n\n2 Kommunfullmäktige 123 Återremitterat ärende, överflyttning av verksamhet Dnr 2014/17 Kommunfullmäktige beslutar 1. Verksamheten som överlämnades till bolaget återgår till kommunen.\n";
    let case = parse(text, &[]).unwrap();
    let points = point_texts(&case).join(" ");
    assert!(
        points.starts_with("Kommunfullmäktige beslutar 1. Verksamheten"),
        "{points}"
    );
}

#[test]
fn a_motion_opened_after_a_clause_that_says_when_names_its_mover() {
    let text = "Reasons for the decision:\n\nAt the meeting of the Council held on 4 March 2025, the following motion was moved by Councillor Okafor, seconded by Councillor Lund:\n\nThis Council calls for safer crossings near schools.\n";
    let case = parse(text, &[]).unwrap();
    let motion = case
        .positions
        .iter()
        .find(|p| p.kind == PositionKind::Motion)
        .expect("the motion is read");
    assert!(motion.text.contains("Okafor"), "{}", motion.text);
}

#[test]
fn a_case_put_off_under_the_decision_heading_outweighs_the_proposal() {
    let text = "Møde i udvalget\n\n6.     Orientering om beredskabet (O)\n\nIndstilling\nBeredskabschefen indstiller,\n1.    at Orienteringen tages til efterretning.\nBeslutning i Beredskabskommissionen den 21. marts 2018:\nFraværende:  Anne Holm (V), Lars Berg\nSagen udskudt.\n";
    let case = parse(text, &[]).unwrap();
    assert_eq!(point_texts(&case), ["Sagen udskudt."]);
    assert_eq!(case.decision.kind, DecisionKind::Tabled);
    assert_eq!(case.title.as_deref(), Some("Orientering om beredskabet"));
}

#[test]
fn an_approval_naming_its_amendment_under_the_decision_heading_is_the_decision() {
    let text = "3 MINUTE OF MEETING OF 12 JULY 2017\n\nDecision\n\nAPPROVED, subject to an amendment at item 8.1 to read that the report comes back in October.\n\nCommittee Administrator\n";
    assert_eq!(
        points_of(text),
        [
            "APPROVED, subject to an amendment at item 8.1 to read that the report comes back in October."
        ]
    );
}

#[test]
fn paragraphs_framed_by_their_number_are_items_with_that_number() {
    let text = "THE EXAMPLE COUNCIL - 3 MARCH 2010\n\nPresent: Provost Gray, Councillors Adams, Brown and Clark.\n\n512\n\nHousing Committee - 10 February 2010\n\n512\n\nApproved on the motion of Councillor Adams seconded by Councillor Brown.\n\n513 |\nAppoint\nCommittees and Conveners |\n513 |\n\nDecided:  that the conveners be appointed as listed.\n";
    let cases = parse_all(text, &[]).unwrap();
    let found: Vec<(Option<&str>, Option<&str>)> = cases
        .iter()
        .map(|c| (c.paragraph.as_deref(), c.title.as_deref()))
        .collect();
    assert_eq!(
        found,
        [
            (Some("512"), Some("Housing Committee - 10 February 2010")),
            (Some("513"), Some("Appoint Committees and Conveners"))
        ]
    );
    assert_eq!(
        point_texts(&cases[1]),
        ["that the conveners be appointed as listed."]
    );
}

#[test]
fn a_minute_of_one_framed_paragraph_takes_its_number_and_title() {
    let text = "THE EXAMPLE COUNCIL - 3 MARCH 2010\n\nPresent: Provost Gray, Councillors Adams, Brown and Clark.\n\n77\n\nMinute of Meeting of Finance Committee of 3 March 2010\n\n77\n\nThe minute was noted.\n\nDecided:  that the minute be approved.\n";
    let case = parse(text, &[]).unwrap();
    assert_eq!(case.paragraph.as_deref(), Some("77"));
    assert_eq!(
        case.title.as_deref(),
        Some("Minute of Meeting of Finance Committee of 3 March 2010")
    );
}

#[test]
fn a_motion_moved_by_a_titled_surname_and_an_amendment_inside_its_paragraph() {
    let text = "THE EXAMPLE COUNCIL - 3 MARCH 2010\n\nPresent: Provost Gray, Councillors Adams, Brown, Clark and Dunn.\n\nReview of Community Grants\n\nApproval of the report was moved by Councillor Adams seconded by Councillor Brown.  As an amendment, Councillor Clark seconded by Councillor Dunn moved that the report be continued.  On a vote, 4 Members voted for the amendment and 11 for the motion which was declared carried.\n\nDecided:  that the report be approved.\n";
    let case = parse(text, &[]).unwrap();
    let movers = position_names(&case);
    assert_eq!(
        movers,
        [
            (PositionKind::Motion, vec!["Adams"]),
            (PositionKind::Motion, vec!["Clark"])
        ]
    );
    assert_eq!(point_texts(&case), ["that the report be approved."]);
    assert_eq!(
        (case.decision.votes.for_, case.decision.votes.against),
        (Some(11), Some(4))
    );
}

#[test]
fn the_frame_of_a_paragraph_number_is_no_page_break_to_run_on_across() {
    let text = "THE EXAMPLE COUNCIL - 3 MARCH 2010\n\nPresent: Provost Gray, Councillors Adams, Brown and Clark.\n\n77\n\nMinute of Meeting of Finance Committee of 3 March 2010\n\n77\n\nCouncillor Adams seconded by Councillor Brown moved that the minute be approved.  This was agreed unanimously.\n";
    let case = parse(text, &[]).unwrap();
    let movers = member_names(&case);
    assert_eq!(movers, ["Adams"]);
}

#[test]
fn an_outcome_recorded_before_its_proposers_is_the_decision_and_names_the_mover() {
    let text = "THE EXAMPLE COUNCIL - 3 MARCH 2010\n\nPresent: Provost Gray, Councillors Adams, Brown and Clark.\n\nHousing Committee - 10 February 2010\n\nAgreed on the motion of Councillor Adams seconded by Councillor Brown. |\n";
    let case = parse(text, &[]).unwrap();
    assert_eq!(
        point_texts(&case),
        ["Agreed on the motion of Councillor Adams seconded by Councillor Brown."]
    );
    let movers = member_names(&case);
    assert_eq!(movers, ["Adams"]);
}

#[test]
fn where_minutes_only_report_a_vote_its_outcome_is_the_decision() {
    let text = "THE EXAMPLE COUNCIL - 3 MARCH 2010\n\nPresent: Provost Gray, Councillors Adams, Brown and Clark.\n\nAppoint Conveners\n\nCouncillor Adams seconded by Councillor Brown moved that the conveners be as listed.  As an amendment, Councillor Clark seconded by Councillor Gray moved that Councillor Clark be convener.  On a vote, 6 Members voted for the amendment and 8 for the motion which was declared carried.\n";
    assert_eq!(
        points_of(text),
        [
            "On a vote, 6 Members voted for the amendment and 8 for the motion which was declared carried."
        ]
    );
}

#[test]
fn a_news_page_dates_the_decision_by_its_day_in_the_year_before_publishing() {
    let text = "Bild\n\nNya pengar till cykelvägar\n\n2023-01-12\n\nDirektionen för Mälardalens samordningsförbund beslutade den 16 december att fördela 4 mnkr till sex projekt.\n\nProjekten ska vara klara under 2024.\n";
    let case = parse(text, &[]).unwrap();
    assert_eq!(
        case.date,
        Some(NaiveDate::from_ymd_opt(2022, 12, 16).unwrap())
    );
    assert_eq!(case.title.as_deref(), Some("Nya pengar till cykelvägar"));
    assert_eq!(
        point_texts(&case),
        [
            "Direktionen för Mälardalens samordningsförbund beslutade den 16 december att fördela 4 mnkr till sex projekt."
        ]
    );
}

#[test]
fn a_finnish_board_using_its_power_and_giving_an_answer_decides() {
    let text = "Maakuntahallituksen kokoustiedote 3.4.2019\n\n03.04.2019\n\nMaakuntahallitus käytti tänään toimivaltaansa määräämällä tuulivoimakaavan tulemaan voimaan. Kaavasta on valitettu.\n\nMaakuntahallitus antoi samalla lausunnon ministeriölle tieverkon rahoituksesta.\n";
    assert_eq!(
        points_of(text),
        [
            "Maakuntahallitus käytti tänään toimivaltaansa määräämällä tuulivoimakaavan tulemaan voimaan.",
            "Maakuntahallitus antoi samalla lausunnon ministeriölle tieverkon rahoituksesta."
        ]
    );
}

#[test]
fn bulleted_case_id_rows_open_items_and_short_outcomes_follow_the_decision() {
    let text = "icon-Politik\n\nReferat\n\nMødested: Rådhuset\nUdvalg: Byrådet\n  • Sagsid.:\n\n    Beslutning Byrådet den 12-04-2016\n\n    Byrådet vedtog, at punkt 4 udsættes til næste møde.\n\n    Dagsordenen herefter godkendt.\n\n  • Sagsid.: 16/1234\n\n    Indstilling\n\n    Direktionen indstiller, at regnskabet godkendes.\n\n    Beslutning Byrådet den 12-04-2016\n\n    Indstillingen godkendt.\n";
    let cases = parse_all(text, &[]).unwrap();
    let points: Vec<Vec<&str>> = cases.iter().map(point_texts).collect();
    assert_eq!(
        points,
        [
            vec![
                "Byrådet vedtog, at punkt 4 udsættes til næste møde.",
                "Dagsordenen herefter godkendt."
            ],
            // The recommendation approved, with its approval.
            vec![
                "Direktionen indstiller, at regnskabet godkendes.",
                "Indstillingen godkendt."
            ]
        ]
    );
    assert!(
        cases
            .iter()
            .all(|c| c.title.as_deref() != Some("icon-Politik"))
    );
}

#[test]
fn a_nynorsk_recommendation_is_a_proposal_not_a_decision() {
    let text = "MØTEBOK\n\nSAK 12/19 Høyring om ferjedrift\n\nFrå hovudutvalet for samferdsle låg det føre slik tilråding til vedtak:\n\n1. Fylkeskommunen er positiv til forslaget.\n2. Fylkeskommunen ber om at ruta held fram.\n";
    let case = parse(text, &[]).unwrap();
    assert_eq!(point_texts(&case).len(), 2);
    assert_eq!(
        case.confidence.get("decision_points"),
        Some(&Confidence::Medium)
    );
}

#[test]
fn bullets_linking_each_items_main_document_are_items() {
    let text = "Møte i Formannskapet den 03.02.2021\n\nSakliste\n\n • GODKJENNING AV INNKALLING OG SAKLISTE Hoveddokument 120KB\n  Dokumenttype: Saksframlegg\n\n  Vedtak\n\n  Innkalling og sakliste vert godkjent.\n\n • BUDSJETT FOR HAMNA Hoveddokument 2,1MB\n  Dokumenttype: Saksframlegg\n\n  Vedtak\n\n  Formannskapet godkjenner budsjettet for hamna.\n";
    let cases = parse_all(text, &[]).unwrap();
    let found: Vec<(Option<&str>, Vec<&str>)> = cases
        .iter()
        .map(|c| (c.title.as_deref(), point_texts(c)))
        .collect();
    assert_eq!(found.len(), 2);
    assert_eq!(
        found[1].1,
        ["Formannskapet godkjenner budsjettet for hamna."]
    );
    assert_eq!(found[0].1, ["Innkalling og sakliste vert godkjent."]);
}

#[test]
fn a_vote_page_with_the_time_of_each_vote_reads_the_proposal_carried() {
    let text = "Resultat av votering\n\n18:05 Budsjettforslag fra A, B og C\n\nBudsjettet for 2027 vedtas som lagt fram.\n\nVedtatt\n\nFOR\n\n20\n\nMOT\n\n15\n\n18:07 Budsjettforslag fra D\n\nFalt\n\nFOR\n\n5\n\nMOT\n\n30\n";
    let case = parse(text, &[]).unwrap();
    assert_eq!(
        point_texts(&case),
        ["Budsjettet for 2027 vedtas som lagt fram."]
    );
    let movers: Vec<Vec<&str>> = position_names(&case)
        .into_iter()
        .map(|(_, names)| names)
        .collect();
    assert_eq!(movers, [vec!["A", "B", "C"], vec!["D"]]);
}

#[test]
fn a_summary_introducing_the_items_a_meeting_treated_lists_its_decisions() {
    let text = "Besök vårt bibliotek >\nLediga jobb i kommunen >\n\nVid sammanträdet den 14 mars behandlades bland annat följande ärenden:\n\n• Kommunen ställer sig positiv till en ny busslinje mellan orterna.\n\n• Fritidsnämnden tillförs 200 000 kr för en ny konstgräsplan.\n";
    let case = parse(text, &[]).unwrap();
    assert_eq!(
        point_texts(&case),
        [
            "Kommunen ställer sig positiv till en ny busslinje mellan orterna.",
            "Fritidsnämnden tillförs 200 000 kr för en ny konstgräsplan."
        ]
    );
    assert_ne!(case.title.as_deref(), Some("Besök vårt bibliotek >"));
}

#[test]
fn a_board_that_waits_with_its_decision_puts_the_case_off() {
    let text = "Styrelsemötet 220914\n\nStyrelsen beslutade att avvakta med beslut om medel till ett nytt projekt tills nästa möte.\n\nProtokollet är justerat.\n";
    let case = parse(text, &[]).unwrap();
    assert_eq!(case.decision.kind, DecisionKind::Tabled);
}

#[test]
fn a_committee_of_an_association_that_has_granted_and_chosen_decides() {
    let text = "12.04.2019\nBidrag till föreningar\n\nKulturnämnden vid Nylands förbund har beviljat 20 000 euro i bidrag till lokala föreningar. Nämnden valde att i första hand stödja nya sökande. Ansökningarna lämnades in inom utsatt tid.\n";
    let case = parse(text, &[]).unwrap();
    assert_eq!(
        point_texts(&case),
        [
            "Kulturnämnden vid Nylands förbund har beviljat 20 000 euro i bidrag till lokala föreningar.",
            "Nämnden valde att i första hand stödja nya sökande."
        ]
    );
    assert_eq!(case.decision.kind, DecisionKind::Adopted);
}

#[test]
fn items_titled_in_a_column_after_their_label_and_an_assembly_deciding() {
    let text = "Protokoll Representantskapet 3. mars 2019\n\nFølgende representanter møtte:\nFor Lia kommune: Kari Holm og Per Lie\nFor Dal kommune: Ole Berg\n\nSak 1        Godkjenning av innkalling\n\nInnkallingen ble enstemmig godkjent.\n\nSak 2        Årsregnskap 2018\n\nRepresentantskapet godkjente selskapets årsregnskap for 2018.\n\nSak 3        Valg av leder\n\nKari Holm ble valgt til leder av representantskapet.\n";
    let cases = parse_all(text, &[]).unwrap();
    let found: Vec<(Option<&str>, Vec<&str>)> = cases
        .iter()
        .map(|c| (c.title.as_deref(), point_texts(c)))
        .collect();
    assert_eq!(
        found,
        [
            (
                Some("Godkjenning av innkalling"),
                vec!["Innkallingen ble enstemmig godkjent."]
            ),
            (
                Some("Årsregnskap 2018"),
                vec!["Representantskapet godkjente selskapets årsregnskap for 2018."]
            ),
            (
                Some("Valg av leder"),
                vec!["Kari Holm ble valgt til leder av representantskapet."]
            )
        ]
    );
}

#[test]
fn a_meeting_day_with_its_hour_is_not_replaced_by_the_last_meetings_day() {
    let text = "Voting record\n\n Council, Wednesday, 12th March, 2025 6.30 pm\n\nItem: Minutes\n\nMinutes of last meeting 15 January 2025:\n\nRESOLVED: That the minutes be APPROVED as a correct record.\n";
    let case = parse(text, &[]).unwrap();
    assert_eq!(
        case.date,
        Some(NaiveDate::from_ymd_opt(2025, 3, 12).unwrap())
    );
}

#[test]
fn a_voting_records_items_and_their_resolutions() {
    let text = "Voting record\n\n Council, Tuesday, 4th February, 2025 6.00 pm\n\nItem: Minutes\n\nMinutes of last meeting 10 December 2024:\n\nResolution status:Carried\n\nRESOLVED: That the minutes of 10 December 2024 be APPROVED as a correct record.\n\n\nAnne Hill For\n\nItem: Car Parking Charges\n\nCar Parking Charges:\n\nResolution status:Carried\n\nRESOLVED: That Full Council\n\n\n1.    NOTE the report on parking income.\n\n2.    AGREE the charges set out in Annex A.\n\n\nAnne Hill For\n";
    let cases = parse_all(text, &[]).unwrap();
    let found: Vec<(Option<&str>, Vec<&str>)> = cases
        .iter()
        .map(|c| (c.title.as_deref(), point_texts(c)))
        .collect();
    assert_eq!(
        found,
        [
            (
                Some("Minutes"),
                vec!["That the minutes of 10 December 2024 be APPROVED as a correct record."]
            ),
            (
                Some("Car Parking Charges"),
                vec![
                    "NOTE the report on parking income.",
                    "AGREE the charges set out in Annex A."
                ]
            )
        ]
    );
}

#[test]
fn numbered_items_with_their_titles_in_a_column() {
    let text = "1.      Godkendelse af dagsorden\n \nSagsnr.\n450-2020-1\n \nBeslutning i Byrådet 3. marts 2020:\nGodkendt.\n \n2.      Salg af grund\n \nSagsnr.\n450-2020-2\n \nIndstilling\nDet indstilles, at grunden sælges.\n \nBeslutning i Byrådet 3. marts 2020:\nGodkendt.\n";
    let cases = parse_all(text, &[]).unwrap();
    let titles: Vec<Option<&str>> = cases.iter().map(|c| c.title.as_deref()).collect();
    assert_eq!(
        titles,
        [Some("Godkendelse af dagsorden"), Some("Salg af grund")]
    );
}

#[test]
fn a_mover_named_again_after_the_notice_of_his_motion() {
    let text = "MINUTE of MEETING of EXAMPLE COUNCIL held on Thursday 9 May 2019.\n\n4. NOTICE OF MOTION - LIBRARY HOURS\n\nFollowing notice given by Councillor Ross in terms of Standing Order 24, Councillor Ross, seconded by Councillor Ann Hay, moved:-\n\n\"That this Council keeps the library open on Saturdays.\"\n\nThe motion was carried.\n";
    let case = parse(text, &[]).unwrap();
    let movers: Vec<&str> = position_names(&case)
        .into_iter()
        .filter(|(kind, _)| *kind == PositionKind::Motion)
        .flat_map(|(_, names)| names)
        .collect();
    assert!(movers.contains(&"Ross"), "{movers:?}");
}

#[test]
fn a_moderngov_issue_heading_gives_the_minute_number_and_title() {
    let text = "118 21/00042 - Highways Winter Service Plan PDF 312 KB\nAdditional documents:\n1. Mr Grey introduced the report.\n2. The committee RESOLVED to endorse the plan.\n";
    let case = parse(text, &[]).unwrap();
    assert_eq!(case.title.as_deref(), Some("Highways Winter Service Plan"));
    assert_eq!(case.paragraph.as_deref(), Some("118"));
    assert_eq!(case.case_number.as_deref(), Some("21/00042"));
}

#[test]
fn a_member_with_a_bare_initial_asking_that_his_dissent_be_recorded() {
    let text = "Minutes\n\n12. Bus Strategy\n\nMr J Cole stated that he did not support the proposed decision and asked that this be recorded in the minutes.\n\nThe committee RESOLVED to endorse the strategy.\n";
    let case = parse(text, &[]).unwrap();
    let found = position_names(&case);
    assert_eq!(found, [(PositionKind::Reservation, vec!["J Cole"])]);
}

#[test]
fn a_news_summary_whose_one_decision_is_a_list_keeps_the_others() {
    let text = "Nytt från fullmäktige 3 mars 2025\nEkby kommunfullmäktige sammanträdde 3 mars. Här är en kort sammanfattning av besluten.\nMedborgarförslag\nKommunfullmäktige beslutade att lämna medborgarförslaget om cykelbanor till tekniska nämnden.\nKommunfullmäktige beslutade följande om medborgarförslaget om badplatser:\n- att tacka förslagsställaren för förslaget.\n- att avslå medborgarförslaget.\nVattenplan\nKommunfullmäktige beslutade att anta vattenplanen.\nBiblioteksplan\nKommunfullmäktige beslutade att återremittera ärendet.\n";
    let case = parse(text, &[]).unwrap();
    let points = point_texts(&case);
    assert_eq!(points.len(), 5, "{points:?}");
    assert!(points[0].ends_with("till tekniska nämnden."), "{points:?}");
    assert_eq!(points[1], "att tacka förslagsställaren för förslaget.");
    assert_eq!(points[2], "att avslå medborgarförslaget.");
    assert!(points[3].ends_with("att anta vattenplanen."), "{points:?}");
    assert!(
        points[4].ends_with("att återremittera ärendet."),
        "{points:?}"
    );
}

#[test]
fn a_swedish_decision_in_the_present_approves() {
    let text = "EKBY KOMMUN SAMMANTRÄDESPROTOKOLL 2 (20) Kommunstyrelsen 2017-03-14 Godkännande av dagordning. Kommunstyrelsen godkänner dagordningen med anmälan av extra ärenden. Yrkanden Per Ek (M) yrkar att ärende 8 utgår.\n";
    assert_eq!(
        points_of(text),
        ["Kommunstyrelsen godkänner dagordningen med anmälan av extra ärenden."]
    );
}

#[test]
fn a_danish_council_named_without_its_article_decides() {
    let text = "Kommunalbestyrelse besluttede på sit møde den 12. marts at ændre kommunens styrelsesvedtægt.\n\nDu kan læse den nye styrelsesvedtægt her.\n";
    assert_eq!(
        points_of(text),
        [
            "Kommunalbestyrelse besluttede på sit møde den 12. marts at ændre kommunens styrelsesvedtægt."
        ]
    );
}

#[test]
fn a_member_who_voted_against_and_said_why_dissents() {
    let text = "Byrådet besluttede at ændre vederlagene.\n\nOle Hansen stemte imod forslaget, da han ikke kunne støtte de nye vederlag.\n\nListe B stemte imod.\n";
    let case = parse(text, &[]).unwrap();
    assert_eq!(
        position_names(&case),
        [(PositionKind::Reservation, vec!["Ole Hansen"])]
    );
    let tally = "Byrådet besluttede at ændre vederlagene.\n\nOle Hansen stemte imod forslaget.\n";
    assert!(parse(tally, &[]).unwrap().positions.is_empty());
}

#[test]
fn a_news_page_telling_elections_and_adoptions_in_the_passive_and_by_its_assembly() {
    let text = "Regiontinget var samla til sitt fyrste møte 10. desember 2019.\n\nNy regionordførar\n\nKari Nes, ordførar i Fyresdal kommune, vart valt til ny regionordførar. Som regionvaraordførar valte Dalentinget ordførar i Kviteseid kommune Per Lid.\n\nArbeidsprogram og budsjett\n\nProgrammet vart samrøystes vedteke i tinget. Budsjettet for 2020 vart vedteke med ei endring.\n";
    let case = parse(text, &[]).unwrap();
    let points = point_texts(&case);
    assert_eq!(points.len(), 4, "{points:?}");
    assert!(
        points[0].ends_with("vart valt til ny regionordførar."),
        "{points:?}"
    );
    assert!(
        points[1].starts_with("Som regionvaraordførar valte Dalentinget"),
        "{points:?}"
    );
    assert_eq!(points[2], "Programmet vart samrøystes vedteke i tinget.");
    assert_eq!(
        points[3],
        "Budsjettet for 2020 vart vedteke med ei endring."
    );
}

#[test]
fn a_resolution_announced_by_its_wording_whose_paragraphs_open_with_the_council() {
    let text = "Vedtaket i Fjordrådet har følgende ordlyd:\n\nFjordrådet meiner at utgreiinga er eit godt grunnlag for vidare arbeid.\n\nFjordrådet vil arbeide aktivt for sterke regionar.\n\nFjordrådet legg til grunn at regionane skal vere etablerte innan 2010.\n\nav Nordmann, Ola, publisert 30. november 2005\n";
    let case = parse(text, &[]).unwrap();
    assert_eq!(
        point_texts(&case),
        [
            "Fjordrådet meiner at utgreiinga er eit godt grunnlag for vidare arbeid.",
            "Fjordrådet vil arbeide aktivt for sterke regionar.",
            "Fjordrådet legg til grunn at regionane skal vere etablerte innan 2010.",
        ]
    );
    assert_eq!(case.language, "nn");
}

#[test]
fn british_minutes_telling_each_outcome_in_a_sentence_of_its_own() {
    let text = "3 JUNE 2014\n\nMinutes of a meeting of the above Committee held in the Council Chamber at 7 pm.\n\nThe minutes of meeting dated 6 May 2014 were approved on the proposal of Alderman Reid, seconded by Councillor Shaw.\n\nPage 2 – Car park: It was agreed that the Minister would be invited to meet with Council.\n\nLibrary Hours: The Director reported on a request from the Friends of the Library. Following discussion it was agreed that the Director would look into the costs before making a decision.\n";
    let case = parse(text, &[]).unwrap();
    assert_eq!(
        point_texts(&case),
        [
            "The minutes of meeting dated 6 May 2014 were approved on the proposal of Alderman Reid, seconded by Councillor Shaw.",
            "It was agreed that the Minister would be invited to meet with Council.",
            "Following discussion it was agreed that the Director would look into the costs before making a decision.",
        ]
    );
    let movers: Vec<&str> = position_names(&case)
        .into_iter()
        .filter(|(kind, _)| *kind == PositionKind::Motion)
        .flat_map(|(_, names)| names)
        .collect();
    assert!(movers.contains(&"Reid"), "{movers:?}");
}

#[test]
fn a_body_of_one_mind_below_a_list_of_its_cases_adopts_them() {
    let text = "Valstyret: Protokoll 01.11.2018\n\nHer er protokollen frå første møtet i Valstyret.\n\nValstyret skal syte for at kommunevalet vert avvikla etter lovverket.\n\nValstyret hadde sitt første møte, der det skulle røystast over tre saker:\n\n  • Delegering av oppgåver og mynde\n  • Valkrinsar, røystelokale og opningstider på valdagen under kommunevalet 2019\n  • Innføring av elektronisk manntal på valdagen under kommune- og fylkestingsvalet 2019\n\nValstyret var samrøystes om tilrådinga frå administrasjonen i alle tre sakene.\n\nProtokoll finn du her: Protokoll\n";
    assert_eq!(
        points_of(text),
        ["Valstyret var samrøystes om tilrådinga frå administrasjonen i alle tre sakene."]
    );
}

#[test]
fn minutes_numbered_by_the_year_and_a_serial_without_letters() {
    let text = "Minutes of Council Meeting held on Thursday 8th March 2018 at 7.00pm.\nPresent: Councillors Ann Hill (Chair), Tom Lee.\n18/20 Apologies: Cllr Jo Parry.\n18/21 Acceptance of Minutes of the Meeting held on 8th February 2018.\nResolved that the minutes were a correct record and were signed by the Chairman.\n18/22 Planning\nRESOLVED: The Council agreed to object to the application.\n";
    let cases = parse_all(text, &[]).unwrap();
    let titles: Vec<Option<&str>> = cases.iter().map(|c| c.title.as_deref()).collect();
    assert_eq!(cases.len(), 3, "{titles:?}");
    assert_eq!(
        cases[2].decision_points[0].text,
        "The Council agreed to object to the application."
    );
}

#[test]
fn a_summary_point_whose_heading_ran_into_it_starts_at_its_body() {
    let text = "Referat från kommunfullmäktige 3 mars 2025\nKommunfullmäktige beslutade att anta vattenplanen.\nRevidering av ägardirektiv för Ekby Energi Elnät AB med dotterbolag Kommunfullmäktige beslutade att anta reviderat ägardirektiv.\nKommunfullmäktige beslutade att återremittera ärendet.\n";
    assert_eq!(
        points_of(text),
        [
            "Kommunfullmäktige beslutade att anta vattenplanen.",
            "Kommunfullmäktige beslutade att anta reviderat ägardirektiv.",
            "Kommunfullmäktige beslutade att återremittera ärendet.",
        ]
    );
}

#[test]
fn what_happened_at_the_meeting_after_the_decision_is_no_part_of_it() {
    let text = "Kaupunginvaltuusto, kokous 27.1.2025\n\n§ 1 Kokouksen laillisuuden ja päätösvaltaisuuden toteaminen\n\nEhdotus\n\nTodetaan estyneet valtuutetut.\n\nPäätös\n\nKokous todettiin laillisesti koolle kutsutuksi ja päätösvaltaiseksi.\n\nKokouskäsittely\n\nAsioiden käsittelymenettely koskien:\n\n·       § 8 Energia Oy:n osakkeiden panttaus\n\n·       § 10 Energia Oy:n vähemmistöosuuden myynti.\n";
    assert_eq!(
        points_of(text),
        ["Kokous todettiin laillisesti koolle kutsutuksi ja päätösvaltaiseksi."]
    );
}

#[test]
fn a_summary_that_tells_each_outcome_in_a_dash_under_its_subject() {
    let text = "Nytt från kommunfullmäktige\n\nFlera ärenden behandlades på sammanträdet den 14 maj.\n\nNågra av besluten\n\n • Skolplan\n  – Beslutet att barn- och utbildningsnämnden får 12 miljoner för en ny skola var en del i skolplanen.\n • Grönplan\n  – Kommunfullmäktige antog en grönplan för centralorten. Planen ska vägleda parkarbetet.\n • Hastighet\n  – Förra året kom ett medborgarförslag om lägre hastighet. Kommunfullmäktige beslutade nu att sänka hastigheten på Storgatan.\n";
    assert_eq!(
        points_of(text),
        [
            "Beslutet att barn- och utbildningsnämnden får 12 miljoner för en ny skola var en del i skolplanen.",
            "Kommunfullmäktige antog en grönplan för centralorten.",
            "Kommunfullmäktige beslutade nu att sänka hastigheten på Storgatan.",
        ]
    );
}

#[test]
fn a_news_page_whose_subheadings_mostly_stand_over_background_is_one_case() {
    let text = "Nyheter\n\nNy taxa för parkering\n\nRegionfullmäktige beslutade vid sammanträdet den 4 maj om en ny taxa för parkering vid sjukhusen.\n\nHöjda avgifter i hemtjänsten\n\nAvgifterna för hemtjänst höjs från och med den 1 juli med i genomsnitt två procent. Höjningen, som nu godkänts av regionfullmäktige, följer prisbasbeloppet som räknas upp varje år.\n\nSkatten oförändrad\n\nRegionskatten förblir oförändrad, enligt ett annat av regionfullmäktiges beslut. Det innebär att skatten är densamma som i fjol för alla invånare.\n\nÅrsredovisning fastställd\n\nRegionfullmäktige har fattat beslut om att godkänna årsredovisningen för förra året. Den finns att läsa på webbplatsen för den som vill.\n\nNy ordförande i kulturnämnden\n\nAnna Berg (C) har valts till ny ordförande i kulturnämnden. Valet gjordes om efter ett formellt fel vid förra sammanträdet.\n";
    assert_eq!(parse_all(text, &[]).unwrap().len(), 1);
    assert_eq!(
        points_of(text),
        [
            "Regionfullmäktige beslutade vid sammanträdet den 4 maj om en ny taxa för parkering vid sjukhusen.",
            "Höjningen, som nu godkänts av regionfullmäktige, följer prisbasbeloppet som räknas upp varje år.",
            "Regionskatten förblir oförändrad, enligt ett annat av regionfullmäktiges beslut.",
            "Regionfullmäktige har fattat beslut om att godkänna årsredovisningen för förra året.",
            "Anna Berg (C) har valts till ny ordförande i kulturnämnden.",
        ]
    );
}

#[test]
fn a_finnish_bulletin_dates_its_meeting_and_names_a_groups_initiative() {
    let text = "Tiedote maakuntavaltuuston kokouksesta 3.6.2024\n\nMaakuntavaltuusto hyväksyi tilinpäätöksen\n\nMaakuntavaltuusto hyväksyi liiton tilinpäätöksen vuodelta 2023 ja myönsi vastuuvapauden.\n\nAloitteen käsittely: Joukkoliikennettä halutaan parantaa\n\nVihreiden valtuustoryhmä teki maakuntavaltuuston kokouksessa 4.12.2023 aloitteen koskien joukkoliikenteen vuorojen lisäämistä.\n";
    let case = parse(text, &[]).unwrap();
    assert_eq!(case.date, NaiveDate::from_ymd_opt(2024, 6, 3));
    let motions: Vec<&str> = case
        .positions
        .iter()
        .filter(|p| p.kind == PositionKind::Motion)
        .map(|p| p.text.as_str())
        .collect();
    assert_eq!(motions.len(), 1, "{:?}", case.positions);
    assert!(motions[0].starts_with("Vihreiden valtuustoryhmä teki"));
    assert_eq!(
        position_names(&case),
        [(PositionKind::Motion, vec!["Vihreiden valtuustoryhmä"])]
    );
}

#[test]
fn parties_in_brackets_and_finnish_movers_in_the_genitive_are_persons() {
    let text = "Regionfullmäktige beslutade att anta budgeten.\n\n(V) reserverade sig mot beslutet till förmån för eget förslag.\n";
    assert_eq!(
        position_names(&parse(text, &[]).unwrap()),
        [(PositionKind::Reservation, vec!["V"])]
    );
    let text = "Päätös\n\nKaupunginhallitus päätti yksimielisesti panna asian pöydälle Maija Mäen ehdotuksesta.\n";
    assert_eq!(
        position_names(&parse(text, &[]).unwrap()),
        [(PositionKind::Motion, vec!["Maija Mäen"])]
    );
}

#[test]
fn an_initiative_referred_to_is_no_motion() {
    let text = "Päätös\n\nKaupunginhallitus päätti esittää kaupunginvaltuustolle seuraavaa:\n\nKaupunginvaltuusto katsoo valtuutettu Maija Mäen aloitteen loppuun käsitellyksi.\n\nKäsittely\n\nKeskustan valtuustoryhmä kiitti aloitteen tekijöitä.\n";
    let case = parse(text, &[]).unwrap();
    assert!(case.positions.is_empty(), "{:?}", case.positions);
}

#[test]
fn a_network_spelt_out_with_its_acronym_is_not_a_near_miss_of_the_catalogue() {
    let text = "Kommunstyrelsen beslutade att utse Anna Berg till ledamot i Conference of Peripheral Maritime Regions (CPMR) och i NSPA-nätverkets styrgrupp. Avtalet tecknas med Ekby Tekniska Högskola (ETH). Protokollet justerades av Neil Jones (NJ).\n";
    let case = parse_sv(text);
    let orgs: Vec<(&str, &str)> = case
        .organisations
        .iter()
        .map(|o| (o.mention.as_str(), o.canonical.as_str()))
        .collect();
    assert_eq!(
        orgs,
        [
            (
                "Conference of Peripheral Maritime Regions (CPMR)",
                "Conference of Peripheral Maritime Regions"
            ),
            ("NSPA", "NSPA"),
        ]
    );
    assert!(
        !case.warnings.iter().any(|w| w.contains("read as CEMR")),
        "{:?}",
        case.warnings
    );
}

#[test]
fn a_finnish_board_bulletin_with_a_tabling_a_dissent_and_verb_first_bullets() {
    let text = "Maakuntahallituksen päätökset 4.3.2024\n\nMaakuntahallitus tarkasti edellisen kokouksen pöytäkirjan, koska toinen tarkastaja ei hyväksynyt sitä.\n\nLiisa Mäki ilmoitti jättävänsä eriävän mielipiteen päätökseen.\n\nPykälä 31 edustajan nimeäminen verkoston hallitukseen jätettiin pöydälle.\n\nLisäksi maakuntahallitus mm.\n- hyväksyi hankintaohjeen\n- nimesi työryhmään maakuntajohtaja Pekka Virran.\n";
    let case = parse(text, &[]).unwrap();
    assert_eq!(
        point_texts(&case),
        [
            "Maakuntahallitus tarkasti edellisen kokouksen pöytäkirjan, koska toinen tarkastaja ei hyväksynyt sitä.",
            "Pykälä 31 edustajan nimeäminen verkoston hallitukseen jätettiin pöydälle.",
            "hyväksyi hankintaohjeen",
            "nimesi työryhmään maakuntajohtaja Pekka Virran.",
        ]
    );
    assert_eq!(
        position_names(&case),
        [(PositionKind::Reservation, vec!["Liisa Mäki"])]
    );
}

#[test]
fn a_plan_page_takes_its_own_heading_and_not_the_day_it_took_effect() {
    let text = "Status for Lokalplan 12\n\nLokalplan 12\n\nByrådet vedtog 5. marts 2019 Lokalplan 12 for Ekby Kommune. Forslaget var i offentlig høring i otte uger.\n\nLokalplan 12 er offentlig bekendtgjort 2. april 2019 og er gældende fra denne dato.\n";
    let case = parse(text, &[]).unwrap();
    assert_eq!(case.title.as_deref(), Some("Lokalplan 12"));
    assert_eq!(case.date, NaiveDate::from_ymd_opt(2019, 3, 5));
}

#[test]
fn a_council_that_went_in_for_a_proposal_decided_it() {
    let text = "Møtet i kommunestyret 12.6.2023\n\nSkolen\n\nKommunestyret godkjente enstemmig planen for ny skole. Men først ble det stilt mange spørsmål.\n\nValg\n\nKommunestyret gikk enstemmig inn for gjenvalg av styret i kommuneskogen:\n\n • Ola Nordmann – styreleder\n • Kari Nordmann – styremedlem\n";
    let points = points_of(text);
    assert_eq!(
        points[..2],
        [
            "Kommunestyret godkjente enstemmig planen for ny skole.",
            "Kommunestyret gikk enstemmig inn for gjenvalg av styret i kommuneskogen:",
        ]
    );
}

#[test]
fn each_item_that_was_therefore_resolved_is_a_point() {
    let text = "Minutes of the Ekby Parish Council Meeting\n\nHeld in the Village Hall on Tuesday 4th March 2025.\n\n1. Apologies - Ref 25/09: Councillor A Smith.\n\n2. Approval of the minutes of the meeting held on 4th February 2025 – Ref 25/10: Proposed and seconded; All in favour.  It was therefore RESOLVED that the minutes were an accurate record.\n\n3. Approval of the grants policy – Ref 25/11:\n\nProposed and seconded; a vote was taken; 4 for, 2 against.  It was therefore RESOLVED that the grants policy be approved.\n\n4. Approval of the play area repairs – Ref 25/12:\n\nProposed and seconded; all in favour.  It was therefore RESOLVED that the repairs be approved.\n";
    assert_eq!(
        points_of(text),
        [
            "It was therefore RESOLVED that the minutes were an accurate record.",
            "It was therefore RESOLVED that the grants policy be approved.",
            "It was therefore RESOLVED that the repairs be approved.",
        ]
    );
}

#[test]
fn short_outcomes_of_british_minutes_and_titled_names_in_them() {
    let text = "Monthly Meeting held on Monday, 3rdMarch 2025, at the Civic Offices\n\nPresiding: Cllr. A. Byrne\n\nMinutes\n\nThe minutes of the February meeting were confirmed on the proposal of Cllr. B. Reilly, seconded by Cllr. S. Drew.\n\nCorrespondence\n\n  • Letter from the Department of Education about the new school.\n\nIt was agreed to invite the Minister to a meeting.\n\nManager’s Orders\n\nThe Manager’s Orders, as circulated, were noted.\n\nTreasurer’s Report: Copies had been circulated before the meeting. These were agreed.\n\nIt was noted that the library will close at Easter.\n";
    let case = parse(text, &[]).unwrap();
    assert_eq!(case.date, NaiveDate::from_ymd_opt(2025, 3, 3));
    assert_eq!(
        point_texts(&case),
        [
            "The minutes of the February meeting were confirmed on the proposal of Cllr. B. Reilly, seconded by Cllr. S. Drew.",
            "It was agreed to invite the Minister to a meeting.",
            "The Manager’s Orders, as circulated, were noted.",
            "These were agreed.",
        ]
    );
}

#[test]
fn parties_that_moved_a_proposal_on_a_line_of_their_own_are_its_movers() {
    let text = "Vad beslutades?\n\nKöp av bygdegården\n\nKommunfullmäktige beslutade enligt förslaget från kommunstyrelsen om ett förvärv av bygdegården för 1 krona.\nSocialdemokraterna, Sverigedemokraterna och Liberalerna yrkade bifall till förslaget. Moderaterna och Kristdemokraterna röstade emot.\n";
    let case = parse(text, &[]).unwrap();
    assert_eq!(
        position_names(&case),
        [(
            PositionKind::Motion,
            vec!["Socialdemokraterna", "Sverigedemokraterna", "Liberalerna"]
        )]
    );
}

#[test]
fn a_motions_movers_named_after_its_lead_are_its_persons() {
    let text = "Beslutning i Borgerrepræsentationen\n\nFølgende ændringsforslag blev sat til afstemning:\n\nÆndringsforslag fra C-gruppen: Svømmehallen holdes åben til årets udgang.\n\nFor stemte 3 (C). Imod stemte 10 (A, F, O, V). Faldet.\n\nIndstillingen blev godkendt.\n";
    let case = parse(text, &[]).unwrap();
    assert_eq!(
        position_names(&case),
        [(PositionKind::Motion, vec!["C-gruppen"])]
    );
}

#[test]
fn an_approval_without_its_subject_takes_the_proposal_and_what_was_decided_besides() {
    let text = "Päätösehdotus\nTodetaan kokous laillisesti kokoonkutsutuksi ja päätösvaltaiseksi.\nValitaan pöytäkirjantarkastajiksi kaksi valtuutettua.\nPäätös\nHyväksyi.\nKaupunginvaltuusto otti yksimielisesti käsiteltäväkseen lisäpykälän 12.\nIltakouluasiana käsiteltiin talouden tilannekatsaus.\n";
    assert_eq!(
        points_of(text),
        [
            "Hyväksyi.",
            "Todetaan kokous laillisesti kokoonkutsutuksi ja päätösvaltaiseksi.",
            "Valitaan pöytäkirjantarkastajiksi kaksi valtuutettua.",
            "Kaupunginvaltuusto otti yksimielisesti käsiteltäväkseen lisäpykälän 12.",
        ]
    );
}

#[test]
fn numbered_resolutions_that_recommend_or_put_off_only_a_part() {
    let text = "(1) That Cabinet recommends to Council the approval of the Council Plan.\n(2) That Cabinet recommend to Council to delegate any minor changes to the Managing Director.\n";
    assert_eq!(
        parse(text, &[]).unwrap().decision.kind,
        DecisionKind::Recommended
    );
    let text = "RESOLVED: That\n(i) County Councillors Ann Hill and Tom Lee be appointed to serve on the General Assembly;\n(ii) The appointment of a representative to the Coastal Group be deferred.\n";
    assert_eq!(
        parse(text, &[]).unwrap().decision.kind,
        DecisionKind::Adopted
    );
    let text = "RESOLVED: That\n(i) The appointment of a representative to the Assembly be deferred;\n(ii) The appointment of a representative to the Coastal Group be deferred.\n";
    assert_eq!(
        parse(text, &[]).unwrap().decision.kind,
        DecisionKind::Tabled
    );
}

#[test]
fn a_document_sites_download_menu_is_no_title() {
    let text = "INNEHÅLLSFÖRTECKNING. SSTYR, :00, Protokoll\n\nSave this PDF as:\n WORD  PNG  TXT  JPG\n\nStorlek: px\nStarta visningen från sidan:\n\nDownload \"INNEHÅLLSFÖRTECKNING. SSTYR, Protokoll\"\n\nTranskript\n\n3 68, SSTYR Sida 3 Sammanträdets laglighet och beslutförhet Sammanträdet konstaterades vara lagligen sammankallat och beslutfört. Stadsstyrelsen beslöt att godkänna föredragningslistan.\n";
    let title = parse(text, &[]).unwrap().title;
    assert!(
        title
            .as_deref()
            .is_none_or(|t| !t.contains("PNG") && !t.starts_with("Starta")),
        "{title:?}"
    );
}

#[test]
fn a_decision_pages_fields_are_no_title() {
    let text = "Decision details\n\nDecision Maker: Council\n\nDecision status: Recommendations Approved\n\nIs Key decision?: No\n\nRESOLVED that the minutes of the meeting held on 4 March 2025 be approved as a correct record.\n";
    let title = parse(text, &[]).unwrap().title;
    assert!(
        title.as_deref().is_none_or(|t| !t.starts_with("Decision")),
        "{title:?}"
    );
}

#[test]
fn a_web_pages_section_skip_links_captions_and_logo_are_no_title() {
    for (head, title) in [
        (
            "Nyheter och pressmeddelande\n\nRegion Ekby logotyp med bild på regionens flaggor\n\nNya taxor 2025",
            "Nya taxor 2025",
        ),
        (
            "Hopp til hovedinnhold Hopp til søkeboks Logg på\n\nPolitikk\n\nNy skoleplan",
            "Ny skoleplan",
        ),
        (
            "Bilden föreställer en ordförandeklubba.\n\nVad beslutades i fullmäktige?",
            "Vad beslutades i fullmäktige?",
        ),
        (
            "Ajankohtaista\n\nMaakuntahallituksen uusi strategia",
            "Maakuntahallituksen uusi strategia",
        ),
        (
            "Kommunstyrelsen 1999-Storlek: px\n\nSamarbete över gränsen",
            "Samarbete över gränsen",
        ),
        (
            "WEST EKBY COUNCIL\n\nElection of Provost",
            "Election of Provost",
        ),
    ] {
        let text = format!("{head}\n\nKommunfullmäktige beslutade att anta planen för skolan.\n");
        assert_eq!(
            parse(&text, &[]).unwrap().title.as_deref(),
            Some(title),
            "{head}"
        );
    }
}

#[test]
fn a_web_address_in_a_bulletin_is_no_case_number() {
    let text = "Maakuntahallituksen päätökset 6.11.2017\n\nMaakuntahallitus päätti hyväksyä talousarvion.\n\nEsityslista on nähtävillä osoitteessa http://ekby.tjhosting.com/kokous/2017463.HTM\n";
    assert_eq!(parse(text, &[]).unwrap().case_number, None);
}
