//! Decision cases end to end: a case made in the browser, positions entered
//! by a politician, its PDF document read back by the importer to the same
//! points and positions, the lock after the deciding body's decision, the
//! upload → review → save import, and the case API with its tenant walls.

use crate::helpers::*;
use oversyn_core::Role;
use reqwest::StatusCode;
use serde_json::{Value, json};
use std::io::Read;

/// A parsed position as kind, body, (name, party) pairs and its reference.
type Summary = (String, String, Vec<(String, String)>, Value);

const REFERENCE: &str = "../../../shared/reference/stockholm-2011-international-review.txt";

fn reference_text() -> Option<Vec<u8>> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(REFERENCE);
    std::fs::read(path).ok()
}

async fn bytes(c: &reqwest::Client, url: &str) -> (StatusCode, Vec<u8>) {
    let r = c.get(url).send().await.unwrap();
    (r.status(), r.bytes().await.unwrap().to_vec())
}

/// Creates a case through the form and returns its id.
async fn create_case(app: &TestApp, title: &str) -> i64 {
    let (status, body, location) = app
        .post_form(
            &app.client,
            "/cases/new",
            "/cases",
            &[
                ("title", title),
                ("number", "006-2040/2026"),
                ("reference", "PM 2026:7 RI"),
                ("language", "sv"),
                ("document_date", "2026-10-05"),
                ("rapporteur", "borgarrådet Eva Ek"),
                ("route", "Borgarrådsberedningen\nKommunstyrelsen"),
                (
                    "proposal",
                    "1. Stadens medlemskap i Metropolis sägs upp från och med den 1 januari 2028.\n2. Stadsledningskontoret får i uppdrag att utvärdera medlemskapet i C40.",
                ),
                ("matter", "Ärendet gäller stadens nätverk."),
                ("membership", &app.membership_id("stockholm", "metropolis").await.to_string()),
            ],
        )
        .await;
    assert_eq!(status, StatusCode::SEE_OTHER, "{body}");
    location
        .unwrap()
        .trim_start_matches("/cases/")
        .parse()
        .unwrap()
}

async fn add_position(
    app: &TestApp,
    c: &reqwest::Client,
    id: i64,
    fields: &[(&str, &str)],
) -> (StatusCode, String) {
    let page = format!("/cases/{id}");
    let (status, body, _) = app
        .post_form(c, &page, &format!("/cases/{id}/positions"), fields)
        .await;
    (status, body)
}

#[tokio::test]
async fn a_case_made_in_the_browser_reads_back_from_its_pdf() {
    on_each_backend(|app| async move {
        app.login_as_demo().await;
        let id = create_case(&app, "Prövning av medlemskapet i Metropolis").await;
        let politician = app
            .browser_as("stockholm", "politiker@stockholm.example", Role::Politician)
            .await;
        for fields in [
            vec![
                ("body", "Borgarrådsberedningen"),
                ("kind", "reservation"),
                ("persons", "Anna Berg (V)"),
                ("points", "3. Staden behåller sitt medlemskap i Metropolis."),
                ("text", "Samarbetet ger kunskap som staden annars saknar."),
            ],
            vec![
                ("body", "Borgarrådsberedningen"),
                ("kind", "statement"),
                ("persons", "Karin Lund och Olof Sten (båda S)"),
                (
                    "text",
                    "Konferenserna bör sändas direkt så att fler kan följa dem.",
                ),
            ],
            vec![
                ("body", "Kommunstyrelsen"),
                ("kind", "reservation"),
                ("persons", "Maja Holm (V)"),
                ("refers_to", "0"),
            ],
        ] {
            let (status, body) = add_position(&app, &politician, id, &fields).await;
            assert_eq!(status, StatusCode::SEE_OTHER, "{body}");
        }
        // A politician may not write the case itself or decide it.
        let (status, _) = get_with(&politician, &app.url("/cases/new")).await;
        assert_eq!(status, StatusCode::FORBIDDEN);
        let (status, _, _) = app
            .post_form(
                &politician,
                &format!("/cases/{id}"),
                &format!("/cases/{id}/decisions"),
                &[
                    ("body", "Kommunstyrelsen"),
                    ("adopted", "proposal"),
                    ("decided_on", "2026-10-20"),
                ],
            )
            .await;
        assert_eq!(status, StatusCode::FORBIDDEN);

        let (status, pdf) = bytes(
            &app.client,
            &app.url(&format!("/cases/{id}/document?format=pdf")),
        )
        .await;
        assert_eq!(status, StatusCode::OK);
        assert!(pdf.starts_with(b"%PDF"));
        let parsed = oversyn_import::parse_document(&pdf, &[]).expect("our own PDF parses");
        assert_eq!(parsed["case_number"], "006-2040/2026");
        assert_eq!(parsed["reference"], "PM 2026:7 RI");
        let points: Vec<&str> = parsed["decision_points"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p["text"].as_str().unwrap())
            .collect();
        assert_eq!(
            points,
            [
                "Stadens medlemskap i Metropolis sägs upp från och med den 1 januari 2028.",
                "Stadsledningskontoret får i uppdrag att utvärdera medlemskapet i C40."
            ]
        );
        let positions = parsed["positions"].as_array().unwrap();
        let summary: Vec<Summary> = positions
            .iter()
            .map(|p| {
                (
                    p["kind"].as_str().unwrap().to_owned(),
                    p["body"].as_str().unwrap_or("").to_lowercase(),
                    p["persons"]
                        .as_array()
                        .unwrap()
                        .iter()
                        .map(|x| {
                            (
                                x["name"].as_str().unwrap().to_owned(),
                                x["party"].as_str().unwrap_or("").to_owned(),
                            )
                        })
                        .collect(),
                    p["refers_to"].clone(),
                )
            })
            .collect();
        let person = |n: &str, p: &str| (n.to_owned(), p.to_owned());
        assert_eq!(
            summary,
            [
                (
                    "reservation".into(),
                    "borgarrådsberedningen".into(),
                    vec![person("Anna Berg", "V")],
                    Value::Null
                ),
                (
                    "statement".into(),
                    "borgarrådsberedningen".into(),
                    vec![person("Karin Lund", "S"), person("Olof Sten", "S")],
                    Value::Null
                ),
                (
                    "reservation".into(),
                    "kommunstyrelsen".into(),
                    vec![person("Maja Holm", "V")],
                    json!(0)
                ),
            ]
        );
        assert_eq!(
            positions[0]["points"][0]["text"],
            "Staden behåller sitt medlemskap i Metropolis."
        );

        let (status, docx) = bytes(
            &app.client,
            &app.url(&format!("/cases/{id}/document?format=docx")),
        )
        .await;
        assert_eq!(status, StatusCode::OK);
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(docx)).unwrap();
        let mut xml = String::new();
        zip.by_name("word/document.xml")
            .unwrap()
            .read_to_string(&mut xml)
            .unwrap();
        assert!(
            xml.contains("Heading1")
                && xml.contains("Reservation anfördes av Anna Berg (V) enligt följande.")
        );
    })
    .await;
}

#[tokio::test]
async fn a_decided_case_is_locked() {
    on_each_backend(|app| async move {
        app.login_as_demo().await;
        let id = create_case(&app, "Ett ärende som avgörs").await;
        let page = format!("/cases/{id}");
        let decide = format!("/cases/{id}/decisions");
        // Field errors keep the typed input.
        let (status, body, _) = app
            .post_form(&app.client, &page, &decide, &[("body", "Kommunstyrelsen"), ("adopted", "proposal"), ("decided_on", "igår"), ("votes_for", "9")])
            .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(body.contains("ÅÅÅÅ-MM-DD") && body.contains("value=\"9\""), "{body}");
        let (status, _, _) = app
            .post_form(&app.client, &page, &decide, &[("body", "Kommunstyrelsen"), ("adopted", "proposal"), ("decided_on", "2026-10-20"), ("votes_for", "9"), ("votes_against", "4")])
            .await;
        assert_eq!(status, StatusCode::SEE_OTHER);
        let (_, body) = app.get(&page).await;
        assert!(body.contains("Beslutat") && body.contains("Omröstning: 9 ja, 4 nej"), "{body}");
        let (status, _) = app.get(&format!("/cases/{id}/edit")).await;
        assert_eq!(status, StatusCode::CONFLICT);
        let (status, _, _) = app
            .post_form(&app.client, "/cases", &format!("/cases/{id}/edit"), &[("title", "Ändrad"), ("route", "Kommunstyrelsen")])
            .await;
        assert_eq!(status, StatusCode::CONFLICT);
        let (status, _, _) = app
            .post_form(&app.client, "/cases", &format!("/cases/{id}/positions"), &[("body", "Kommunstyrelsen"), ("kind", "statement"), ("persons", "A (S)"), ("text", "x")])
            .await;
        assert_eq!(status, StatusCode::CONFLICT);
        let token = app.token_for("stockholm", "api@stockholm.example", Role::Editor).await;
        let (status, problem, ctype) = app
            .api_send(
                reqwest::Method::POST,
                &format!("/api/v1/cases/{id}/positions"),
                &token,
                &json!({"body": "Kommunstyrelsen", "kind": "statement", "persons": [{"name": "A", "party": "S"}], "text": "x"}),
            )
            .await;
        assert_eq!(status, StatusCode::CONFLICT);
        assert!(ctype.starts_with("application/problem+json"), "{problem}");
        let (_, excerpt) = bytes(&app.client, &app.url(&format!("/cases/{id}/excerpt/0?format=html"))).await;
        let excerpt = String::from_utf8(excerpt).unwrap();
        assert!(excerpt.contains("Protokollsutdrag") && excerpt.contains("Kommunstyrelsen beslutar följande."));
    })
    .await;
}

#[tokio::test]
async fn a_decision_document_is_uploaded_reviewed_and_saved() {
    let Some(text) = reference_text() else {
        eprintln!("SKIPPED: the reference document is not at {REFERENCE}");
        return;
    };
    on_each_backend(|app| {
        let text = text.clone();
        async move {
            app.login_as_demo().await;
            let (_, form) = app.get("/cases/import").await;
            let csrf = csrf_of(&form);
            let upload = |bytes: Vec<u8>| {
                reqwest::multipart::Form::new()
                    .text("csrf", csrf.clone())
                    .part(
                        "file",
                        reqwest::multipart::Part::bytes(bytes).file_name("beslut.txt"),
                    )
            };
            let before = app.store.cases(1).await.unwrap().len();
            let r = app
                .client
                .post(app.url("/cases/import"))
                .multipart(upload(vec![0, 159, 146, 150, 0, 1, 2, 3]))
                .send()
                .await
                .unwrap();
            assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
            assert!(r.text().await.unwrap().contains("binary"));
            let r = app
                .client
                .post(app.url("/cases/import"))
                .multipart(upload(text))
                .send()
                .await
                .unwrap();
            assert_eq!(r.status(), StatusCode::OK);
            let page = r.text().await.unwrap();
            assert!(
                page.contains("Staden avsäger sig styrelseposterna i Metropolis och UCLG"),
                "{page}"
            );
            assert!(
                page.contains("ECLG → UCLG"),
                "the misspelling is shown resolved"
            );
            assert_eq!(
                app.store.cases(1).await.unwrap().len(),
                before,
                "nothing saved before review"
            );
            let parsed = page
                .split("name=\"parsed\" value=\"")
                .nth(1)
                .and_then(|s| s.split('"').next())
                .unwrap()
                .replace("&quot;", "\"")
                .replace("&#34;", "\"")
                .replace("&amp;", "&")
                .replace("&#39;", "'")
                .replace("&lt;", "<")
                .replace("&gt;", ">");
            let r = app
                .client
                .post(app.url("/cases/import/save"))
                .form(&[
                    ("csrf", csrf_of(&page).as_str()),
                    ("parsed", parsed.as_str()),
                    ("title", "Översyn 2011 (importerad)"),
                    ("number", "006-1348/2010"),
                    ("reference", "PM 2011:125 RI"),
                    (
                        "proposal",
                        "1. Första punkten.\n2. Andra punkten.\n3. Tredje punkten.",
                    ),
                ])
                .send()
                .await
                .unwrap();
            assert_eq!(
                r.status(),
                StatusCode::SEE_OTHER,
                "{}",
                r.text().await.unwrap()
            );
            let cases = app.store.cases(1).await.unwrap();
            let saved = cases
                .iter()
                .find(|c| c.fields.title == "Översyn 2011 (importerad)")
                .unwrap();
            let full = app.store.case(1, saved.id).await.unwrap();
            assert_eq!(full.case.proposal.len(), 3);
            assert_eq!(full.case.positions.len(), 5);
            assert_eq!(full.case.positions[2].refers_to, Some(0));
            assert_eq!(full.fields.route.len(), 2);
            for slug in ["eurocities", "metropolis", "uclg", "c40"] {
                let m = app.membership_id("stockholm", slug).await;
                assert!(full.fields.membership_ids.contains(&m), "{slug} linked");
            }
        }
    })
    .await;
}

#[tokio::test]
async fn the_case_api_parses_imports_and_keeps_tenants_apart() {
    let Some(text) = reference_text() else {
        eprintln!("SKIPPED: the reference document is not at {REFERENCE}");
        return;
    };
    on_each_backend(|app| {
        let text = text.clone();
        async move {
            let token = app.token_for("stockholm", "api@stockholm.example", Role::Editor).await;
            let (status, list) = app.api_get("/api/v1/cases", &token).await;
            assert_eq!(status, StatusCode::OK);
            let demo = &list["data"][0];
            assert_eq!(demo["number"], "006-1348/2010");
            assert_eq!(demo["status"], "decided");
            assert_eq!(demo["positions"].as_array().unwrap().len(), 5);
            let send = |path: &str, body: Vec<u8>, token: &str| {
                reqwest::Client::new()
                    .post(app.url(path))
                    .bearer_auth(token)
                    .header("content-type", "text/plain")
                    .body(body)
                    .send()
            };
            let r = send("/api/v1/cases/parse", text.clone(), &token).await.unwrap();
            assert_eq!(r.status(), StatusCode::OK);
            let parsed: Value = r.json().await.unwrap();
            for key in ["case_number", "reference", "title", "language", "date", "decision_points", "positions", "organisations", "actions", "warnings"] {
                assert!(parsed.get(key).is_some(), "{key} missing");
            }
            let r = send("/api/v1/cases/parse", b"\x00\x01\x02\x03garbage\x00\x00".to_vec(), &token).await.unwrap();
            assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
            // A protocol of three items: one contract per item, in order,
            // each with its § and what it decided.
            let protocol = "Kommunfullmäktige\nSammanträdesdatum 2011-06-16\n\n§ 63 Anmälan av motioner\nKommunfullmäktiges beslut\n- Motionerna lämnas över till kommunstyrelsen för beredning.\n\n§ 64 Medlemskap i ICLEI\nKommunfullmäktige beslutade att återremittera ärendet till kommunstyrelsen.\n\n§ 65 Anmälan av frågor\nInga frågor anmäldes.\n";
            let r = send("/api/v1/cases/parse-all", protocol.as_bytes().to_vec(), &token).await.unwrap();
            assert_eq!(r.status(), StatusCode::OK);
            let all: Value = r.json().await.unwrap();
            let items: Vec<(&str, &str)> = all
                .as_array()
                .unwrap()
                .iter()
                .map(|c| (c["paragraph"].as_str().unwrap(), c["decision"]["kind"].as_str().unwrap()))
                .collect();
            assert_eq!(items, [("63", "adopted"), ("64", "referred_back"), ("65", "adopted")]);
            assert_eq!(all[0]["date"], "2011-06-16", "each item has the protocol's date");
            // Without parse-all, the item about an organisation, the others named.
            let r = send("/api/v1/cases/parse", protocol.as_bytes().to_vec(), &token).await.unwrap();
            let one: Value = r.json().await.unwrap();
            assert_eq!(one["paragraph"], "64", "{one}");
            assert!(one["warnings"].to_string().contains("§ 63, § 65"), "{one}");
            let r = send("/api/v1/cases/parse-all", b"\x00\x01\x02garbage\x00".to_vec(), &token).await.unwrap();
            assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
            // Imported, the item keeps what the body decided and the vote.
            let voted = protocol.replace(
                "återremittera ärendet till kommunstyrelsen.",
                "återremittera ärendet till kommunstyrelsen med 34 röster mot 15.",
            );
            let r = send("/api/v1/cases/import", voted.into_bytes(), &token).await.unwrap();
            assert_eq!(r.status(), StatusCode::CREATED);
            let imported: Value = r.json().await.unwrap();
            let d = &imported["case"]["decisions"][0];
            assert_eq!(d["body"], "Kommunfullmäktige", "{imported}");
            assert_eq!(d["kind"], "referred_back");
            assert_eq!(d["paragraph"], "64");
            assert_eq!((d["votes_for"].clone(), d["votes_against"].clone()), (json!(34), json!(15)));
            assert_eq!(imported["case"]["status"], "open", "a case referred back stays open");
            let viewer = app.token_for("stockholm", "viewer@stockholm.example", Role::Viewer).await;
            let r = send("/api/v1/cases/import", text.clone(), &viewer).await.unwrap();
            assert_eq!(r.status(), StatusCode::FORBIDDEN);
            let r = send("/api/v1/cases/import", text.clone(), &token).await.unwrap();
            assert_eq!(r.status(), StatusCode::CREATED);
            let created: Value = r.json().await.unwrap();
            let id = created["case"]["id"].as_i64().unwrap();
            assert_eq!(created["case"]["positions"].as_array().unwrap().len(), 5);

            app.store.create_tenant("malmo", "Malmö stad").await.unwrap();
            let other = app.token_for("malmo", "api@malmo.example", Role::Admin).await;
            let (status, _) = app.api_get(&format!("/api/v1/cases/{id}"), &other).await;
            assert_eq!(status, StatusCode::NOT_FOUND);
            let (_, theirs) = app.api_get("/api/v1/cases", &other).await;
            assert_eq!(theirs["data"].as_array().unwrap().len(), 0);
            let (status, _, _) = app
                .api_send(
                    reqwest::Method::POST,
                    &format!("/api/v1/cases/{id}/positions"),
                    &other,
                    &json!({"body": "Kommunstyrelsen", "kind": "statement", "persons": [{"name": "A"}], "text": "x"}),
                )
                .await;
            assert_eq!(status, StatusCode::NOT_FOUND);
            let (status, problem, _) = app
                .api_send(reqwest::Method::POST, "/api/v1/cases", &token, &json!({"title": "", "route": []}))
                .await;
            assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{problem}");
            let (status, made, _) = app
                .api_send(
                    reqwest::Method::POST,
                    "/api/v1/cases",
                    &token,
                    &json!({"title": "Via API", "number": "KS 2026/0457", "route": ["Kommunstyrelsen"], "proposal": [{"text": "Staden går med i ICLEI."}]}),
                )
                .await;
            assert_eq!(status, StatusCode::CREATED, "{made}");
            assert_eq!(made["number_parts"]["serial"], "0457");
        }
    })
    .await;
}

#[tokio::test]
async fn the_demo_case_reads_like_the_real_one() {
    on_each_backend(|app| async move {
        app.login_as_demo().await;
        let (status, body) = app.get("/cases").await;
        assert_eq!(status, StatusCode::OK);
        assert!(body.contains("006-1348/2010"));
        let (status, page) = app.get("/cases/1").await;
        assert_eq!(status, StatusCode::OK);
        for text in [
            "PM 2011:125 RI (Dnr 006-1348/2010)",
            "Borgarrådsberedningen föreslår att kommunstyrelsen beslutar följande.",
            "Reservation anfördes av Per Bolund (MP) enligt följande.",
            "Reservation anfördes av Emilia Hagberg och Stefan Nilsson (båda MP) med hänvisning till reservationen av (MP) i borgarrådsberedningen.",
            "Särskilt uttalande gjordes av Karin Wanngård, Roger Mogert och Tomas Rudin (alla S) enligt följande.",
        ] {
            assert!(page.contains(text), "{text}");
        }
        let (status, pdf) = bytes(&app.client, &app.url("/cases/1/excerpt/1?format=pdf")).await;
        assert_eq!(status, StatusCode::OK);
        assert!(pdf.starts_with(b"%PDF"));
    })
    .await;
}

/// The demo's two meeting days are invented: the API, the OParl paper, the
/// case page and the protocol excerpt all say so.
#[tokio::test]
async fn the_demos_invented_meeting_days_are_marked_illustrative() {
    on_each_backend(|app| async move {
        let token = app
            .token_for("stockholm", "reader@stockholm.example", Role::Viewer)
            .await;
        let (_, list) = app.api_get("/api/v1/cases", &token).await;
        let id = list["data"][0]["id"].as_i64().unwrap();
        let (status, case) = app.api_get(&format!("/api/v1/cases/{id}"), &token).await;
        assert_eq!(status, StatusCode::OK);
        let decisions = case["decisions"].as_array().unwrap();
        assert_eq!(decisions.len(), 2);
        assert!(
            decisions.iter().all(|d| d["date_illustrative"] == true),
            "{decisions:?}"
        );
        let slug = "stockholm";
        let r = app
            .client
            .get(app.url(&format!("/oparl/bodies/{slug}/papers/{id}")))
            .send()
            .await
            .unwrap();
        let paper: Value = r.json().await.unwrap();
        assert_eq!(
            paper["oversyn:decisions"][1]["date_illustrative"], true,
            "{paper}"
        );
        app.login_as_demo().await;
        let (_, page) = app.get(&format!("/cases/{id}")).await;
        assert!(
            page.contains("Sammanträdesdagen 21 september 2011 är illustrativ"),
            "{page}"
        );
        let (status, excerpt) = app.get(&format!("/cases/{id}/excerpt/1?format=html")).await;
        assert_eq!(status, StatusCode::OK);
        assert!(
            excerpt.contains("21 september 2011 (illustrativt datum)"),
            "{excerpt}"
        );
    })
    .await;
}

/// The minutes of a decision: paragraph, approval (justering) and notice
/// (anslag), out-of-order days refused with nothing saved, and the day of
/// legal force in the API and the protocol excerpt.
#[tokio::test]
async fn a_decision_records_its_minutes_and_when_it_gains_legal_force() {
    on_each_backend(|app| async move {
        app.login_as_demo().await;
        let id = create_case(&app, "Medlemskap i Metropolis").await;
        let token = app
            .token_for("stockholm", "minutes@stockholm.example", Role::Editor)
            .await;
        let page = format!("/cases/{id}");
        let decide = |adjusted: &'static str, published: &'static str| {
            vec![
                ("body", "Kommunstyrelsen"),
                ("adopted", "proposal"),
                ("decided_on", "2026-10-20"),
                ("paragraph", "§ 14"),
                ("adjusted_on", adjusted),
                ("published_on", published),
            ]
        };
        let (status, body, _) = app
            .post_form(&app.client, &page, &format!("{page}/decisions"), &decide("2026-10-22", "2026-10-21"))
            .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(body.contains(r#"id="published_on-error""#), "{body}");
        assert!(body.contains("2026-10-21"), "the input is kept");
        let (_, case) = app.api_get(&format!("/api/v1/cases/{id}"), &token).await;
        assert_eq!(case["decisions"], serde_json::json!([]), "nothing saved");

        // The API refuses the same with a problem naming the field.
        let (status, problem, _) = app
            .api_send(
                reqwest::Method::POST,
                &format!("/api/v1/cases/{id}/decisions"),
                &token,
                &json!({"body": "Kommunstyrelsen", "adopted": {"kind": "proposal"}, "decided_on": "2026-10-20",
                        "adjusted_on": "2026-10-19", "votes_for": null, "votes_against": null, "abstentions": null}),
            )
            .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{problem}");
        assert_eq!(problem["errors"][0]["field"], "adjusted_on");

        let (status, body, _) = app
            .post_form(&app.client, &page, &format!("{page}/decisions"), &decide("2026-10-22", "2026-10-23"))
            .await;
        assert_eq!(status, StatusCode::SEE_OTHER, "{body}");
        let (_, case) = app.api_get(&format!("/api/v1/cases/{id}"), &token).await;
        let d = &case["decisions"][0];
        assert_eq!(d["paragraph"], "14");
        assert_eq!(d["adjusted_on"], "2026-10-22");
        assert_eq!(d["published_on"], "2026-10-23");
        // Three weeks from Friday 23 October: Friday 13 November is the last day to appeal.
        assert_eq!(d["legal_force_on"], "2026-11-14");
        let (status, excerpt) = app.get(&format!("{page}/excerpt/0?format=html")).await;
        assert_eq!(status, StatusCode::OK);
        assert!(excerpt.contains("§ 14"), "{excerpt}");
        assert!(excerpt.contains("vinner laga kraft 14 november 2026"), "{excerpt}");
    })
    .await;
}

/// Uploads `text` as a file through the import form, as a signed-in user does.
async fn import_text(app: &TestApp, text: &str) -> reqwest::Response {
    let (_, form) = app.get("/cases/import").await;
    let file = reqwest::multipart::Part::bytes(text.as_bytes().to_vec()).file_name("beslut.txt");
    app.client
        .post(app.url("/cases/import"))
        .multipart(
            reqwest::multipart::Form::new()
                .text("csrf", csrf_of(&form))
                .part("file", file),
        )
        .send()
        .await
        .unwrap()
}

/// The review step lists the fields the parser is least sure of first, and
/// puts the least sure editable field at the top of the form.
#[tokio::test]
async fn the_review_step_shows_the_least_sure_fields_first() {
    on_each_backend(|app| async move {
        app.login_as_demo().await;
        // A bare list with no introduction: the points are a guess; the
        // title and number are labelled and sure.
        let text = "§ 12 Medlemskap i ICLEI\nDnr KS 2019/0457\nSammanträdesdatum 2019-10-16\n\n1. Kommunen går med i ICLEI.\n2. Kommunstyrelsen underrättas.\n";
        let r = import_text(&app, text).await;
        assert_eq!(r.status(), StatusCode::OK);
        let page = r.text().await.unwrap();
        assert!(page.contains("Minst säkra först"), "{page}");
        let unsure = page.split("id=\"unsure-title\"").nth(1).unwrap();
        let unsure = unsure.split("</section>").next().unwrap();
        assert!(unsure.contains("Beslutspunkter"), "{unsure}");
        assert!(unsure.contains("osäkert"), "{unsure}");
        assert!(!unsure.contains("Diarienummer"), "a labelled number is sure: {unsure}");
        let at = |name: &str| page.find(&format!("name=\"{name}\"")).unwrap();
        assert!(at("proposal") < at("title"), "the unsure points come first");
        assert!(at("title") < at("number"));
        // The kind of decision is named in the page's language, not by
        // the parser's code.
        let text = "Fylkesutvalget godkjenner at fylkesordfører Kari Nord skal være fylkets representant i Skandinavisk Triangel.\n";
        let r = import_text(&app, text).await;
        assert_eq!(r.status(), StatusCode::OK);
        let page = r.text().await.unwrap();
        let unsure = page.split("id=\"unsure-title\"").nth(1).unwrap();
        let unsure = unsure.split("</section>").next().unwrap();
        assert!(
            unsure.contains("Typ av beslut</strong>: Bifall (beslut enligt förslaget)"),
            "{unsure}"
        );
        assert!(!unsure.contains(": adopted"), "{unsure}");
        assert!(
            page.contains("&quot;Skandinavisk Triangel&quot; is not in the catalogue")
                || page.contains("&#34;Skandinavisk Triangel&#34; is not in the catalogue"),
            "the unknown network is named with a warning"
        );
    })
    .await;
}
