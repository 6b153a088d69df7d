//! Follow-up end to end: the demo's actions from the decided case with the
//! UCLG notice warning, an action marked done ending the memberships, the
//! calendar feed read back with an iCalendar parser, journeys and their
//! CO₂, and reminders through a real SMTP server.

use crate::helpers::*;
use icalendar::{Calendar, CalendarComponent, Component};
use oversyn_core::Role;
use reqwest::StatusCode;
use serde_json::Value;

fn text(v: &Value) -> String {
    v.to_string().to_lowercase()
}

/// The day a registered outgoing notice letter was sent, not the day of the
/// decision, starts UCLG's notice period: the warning's earliest end moves
/// with the letter, and the illustrative decision day no longer counts.
#[tokio::test]
async fn a_registered_notice_letter_starts_the_notice_period() {
    on_each_backend(|app| async move {
        let token = app
            .token_for("stockholm", "registrator@stockholm.example", Role::Editor)
            .await;
        let ends = |list: Value| -> Vec<String> {
            let end = list["data"]
                .as_array()
                .unwrap()
                .iter()
                .find(|a| a["kind"] == "terminate_membership")
                .unwrap()
                .clone();
            end["warnings"]
                .as_array()
                .unwrap()
                .iter()
                .map(|w| w.as_str().unwrap().to_owned())
                .collect()
        };
        let (_, list) = app.api_get("/api/v1/actions", &token).await;
        let case_id = list["data"].as_array().unwrap()[0]["case_id"].clone();
        let before = ends(list);
        assert!(before[0].contains("2012-03-21"), "{before:?}");

        let uclg = app.membership_id("stockholm", "uclg").await;
        let (status, doc, _) = app
            .api_send(
                reqwest::Method::POST,
                "/api/v1/documents",
                &token,
                &serde_json::json!({"title": "Uppsägning av medlemskapet i UCLG", "direction": "outgoing", "dated_on": "2011-10-03", "counterpart": "UCLG World Secretariat", "type_code": "notice", "case_id": case_id, "membership_id": uclg}),
            )
            .await;
        assert_eq!(status, StatusCode::CREATED, "{doc}");
        let (_, list) = app.api_get("/api/v1/actions", &token).await;
        let after = ends(list);
        assert_eq!(after.len(), 1, "no illustrative basis now: {after:?}");
        assert!(
            after[0].starts_with("UCLG") && after[0].contains("2012-04-03"),
            "{after:?}"
        );

        // An incoming letter of the same type proves nothing about sending.
        let (status, _, _) = app
            .api_send(
                reqwest::Method::POST,
                "/api/v1/documents",
                &token,
                &serde_json::json!({"title": "Bekräftelse", "direction": "incoming", "dated_on": "2011-09-22", "counterpart": "UCLG World Secretariat", "type_code": "notice", "case_id": case_id, "membership_id": uclg}),
            )
            .await;
        assert_eq!(status, StatusCode::CREATED);
        let (_, list) = app.api_get("/api/v1/actions", &token).await;
        assert!(ends(list)[0].contains("2012-04-03"));
    })
    .await;
}

#[tokio::test]
async fn the_decided_demo_case_orders_actions_with_a_notice_warning_for_uclg() {
    on_each_backend(|app| async move {
        let token = app
            .token_for("stockholm", "api@stockholm.example", Role::Viewer)
            .await;
        let (status, list) = app.api_get("/api/v1/actions", &token).await;
        assert_eq!(status, StatusCode::OK);
        let actions = list["data"].as_array().unwrap().clone();
        let kinds: Vec<&str> = actions
            .iter()
            .map(|a| a["kind"].as_str().unwrap())
            .collect();
        // Three points, and the steps of ending two memberships: UCLG's
        // statutes are known (six months' written notice), Metropolis's not.
        assert_eq!(
            kinds,
            [
                "send_notice",
                "confirm_receipt",
                "check_statutes",
                "resign_board_seats",
                "terminate_membership",
                "commission"
            ],
            "{list:#}"
        );
        let of = |kind: &str| actions.iter().find(|a| a["kind"] == kind).unwrap();
        assert_eq!(of("send_notice")["due"], "2011-07-01");
        assert_eq!(
            of("send_notice")["organisations"],
            serde_json::json!(["UCLG"])
        );
        assert!(
            text(of("send_notice")).contains("skriftlig uppsägning till uclg senast 2011-07-01")
        );
        assert_eq!(of("confirm_receipt")["due"], "2011-07-15");
        assert_eq!(
            of("check_statutes")["organisations"],
            serde_json::json!(["Metropolis"])
        );
        assert_eq!(of("check_statutes")["due"], "2011-10-05");
        let resign = of("resign_board_seats");
        assert_eq!(resign["kind"], "resign_board_seats");
        assert_eq!(resign["due"], "2011-11-23");
        let end = actions
            .iter()
            .find(|a| a["kind"] == "terminate_membership")
            .unwrap();
        assert_eq!(end["effective"], "2012-01-01");
        let warnings = end["warnings"].as_array().unwrap();
        assert_eq!(
            warnings.len(),
            2,
            "only UCLG has a known notice rule, and its basis is illustrative: {warnings:?}"
        );
        let w = warnings[0].as_str().unwrap();
        assert!(
            w.starts_with("UCLG") && w.contains("2011-07-01") && w.contains("2012-03-21"),
            "{w}"
        );
        // The demo's decision day is invented, and so is the end it gives.
        let basis = warnings[1].as_str().unwrap();
        assert!(
            basis.contains("2011-09-21") && basis.contains("illustrativ"),
            "{basis}"
        );
        assert!(text(of("commission")).contains("eurocities"));

        // Marking the notice as given ends the memberships the day before the effective date.
        app.login_as_demo().await;
        let id = end["id"].as_i64().unwrap();
        let (_, form) = app.get(&format!("/actions/{id}")).await;
        assert!(
            form.contains("2011-07-01"),
            "the warning is on the action page"
        );
        let version = version_of(&form);
        let orgs: Vec<String> = end["organisation_ids"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.to_string())
            .collect();
        let mut fields = vec![
            ("version", version.as_str()),
            ("kind", "terminate_membership"),
            ("title", "Uppsägning av Metropolis och UCLG"),
            ("effective", "2012-01-01"),
            ("status", "done"),
            ("done_on", "2011-09-30"),
            ("case_id", "1"),
        ];
        for o in &orgs {
            fields.push(("organisation", o.as_str()));
        }
        let (status, body, _) = app
            .post_form(
                &app.client,
                &format!("/actions/{id}"),
                &format!("/actions/{id}"),
                &fields,
            )
            .await;
        assert_eq!(status, StatusCode::SEE_OTHER, "{body}");
        let t = app.store.tenant_by_slug("stockholm").await.unwrap();
        for slug in ["metropolis", "uclg"] {
            let m = app
                .store
                .membership(t.id, app.membership_id("stockholm", slug).await)
                .await
                .unwrap();
            assert_eq!(
                m.until,
                chrono::NaiveDate::from_ymd_opt(2011, 12, 31),
                "{slug}"
            );
        }
        let eurocities = app
            .store
            .membership(t.id, app.membership_id("stockholm", "eurocities").await)
            .await
            .unwrap();
        assert_eq!(eurocities.until, None);
        // Field errors keep the input: done without a date.
        let (_, form) = app.get(&format!("/actions/{id}")).await;
        let version = version_of(&form);
        let (status, body, _) = app
            .post_form(
                &app.client,
                &format!("/actions/{id}"),
                &format!("/actions/{id}"),
                &[
                    ("version", version.as_str()),
                    ("kind", "notify"),
                    ("title", "Meddela UCLG"),
                    ("status", "done"),
                ],
            )
            .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(body.contains("Meddela UCLG"));
    })
    .await;
}

#[tokio::test]
async fn the_calendar_feed_is_secret_and_parses_as_icalendar() {
    on_each_backend(|app| async move {
        app.login_as_demo().await;
        let (status, page) = app.get("/calendar").await;
        assert_eq!(status, StatusCode::OK);
        assert!(page.contains("2011-11-23"));
        let (status, page, _) = app
            .post_form(&app.client, "/calendar", "/calendar", &[("person_id", "")])
            .await;
        assert_eq!(status, StatusCode::OK);
        let url = page
            .split("<code>")
            .nth(1)
            .and_then(|s| s.split("</code>").next())
            .unwrap()
            .to_owned();
        assert!(url.contains("/calendar/feed/") && url.len() > 60, "{url}");
        let r = reqwest::get(&url).await.unwrap();
        assert_eq!(r.status(), StatusCode::OK);
        assert!(
            r.headers()["content-type"]
                .to_str()
                .unwrap()
                .starts_with("text/calendar")
        );
        let ics = r.text().await.unwrap();
        let cal: Calendar = ics.parse().expect("a valid iCalendar document");
        let events: Vec<_> = cal
            .components
            .iter()
            .filter_map(|c| match c {
                CalendarComponent::Event(e) => Some(e),
                _ => None,
            })
            .collect();
        assert!(events.len() >= 4);
        let mut uids: Vec<&str> = events.iter().filter_map(|e| e.get_uid()).collect();
        uids.sort_unstable();
        let n = uids.len();
        uids.dedup();
        assert_eq!(uids.len(), n, "UIDs are unique");
        assert!(events.iter().any(|e| {
            e.get_summary()
                .is_some_and(|s| s.contains("världskongress"))
        }));
        assert!(ics.contains("DTSTART;VALUE=DATE:20111123"));
        // A guessed token gets nothing, and a viewer may not make feeds.
        let (status, _) = get_with(
            &app.new_browser(),
            &app.url("/calendar/feed/ovs-not-a-token"),
        )
        .await;
        assert_eq!(status, StatusCode::NOT_FOUND);
        let viewer = app
            .browser_as("stockholm", "viewer@stockholm.example", Role::Viewer)
            .await;
        let (status, _, _) = app
            .post_form(&viewer, "/calendar", "/calendar", &[("person_id", "")])
            .await;
        assert_eq!(status, StatusCode::FORBIDDEN);
    })
    .await;
}

#[tokio::test]
async fn journeys_to_an_event_count_their_co2_and_travel_days() {
    on_each_backend(|app| async move {
        app.login_as_demo().await;
        let t = app.store.tenant_by_slug("stockholm").await.unwrap();
        let org = app
            .store
            .organisation_by_slug(t.id, "eurocities")
            .await
            .unwrap();
        let (status, body, location) = app
            .post_form(
                &app.client,
                "/events/new",
                "/events",
                &[
                    ("organisation_id", &org.id.to_string()),
                    ("kind", "congress"),
                    ("title", "Årsmöte"),
                    ("starts_on", "2030-11-06"),
                    ("ends_on", "2030-11-08"),
                    ("place", "Bryssel"),
                    ("stream_url", "https://stream.example/agm"),
                    ("public", "on"),
                ],
            )
            .await;
        assert_eq!(status, StatusCode::SEE_OTHER, "{body}");
        let page = location.unwrap();
        let (status, body, _) = app
            .post_form(
                &app.client,
                &page,
                &format!("{page}/journeys"),
                &[
                    ("traveller", "Eva Ek"),
                    ("mode", "flight"),
                    ("from_place", "Stockholm"),
                    ("to_place", "Bryssel"),
                    ("distance_km", "1300"),
                    ("return_trip", "on"),
                ],
            )
            .await;
        assert_eq!(status, StatusCode::SEE_OTHER, "{body}");
        let (_, body) = app.get(&page).await;
        // 2 × 1,300 km short-haul flight at 97 g/pkm = 252.2 kg; 2 × 1 travel day.
        assert!(
            body.contains("<dd>252</dd>") && body.contains("<dd>2.0</dd>"),
            "{body}"
        );
        let (status, _, _) = app
            .post_form(
                &app.client,
                &page,
                &format!("{page}/journeys"),
                &[
                    ("traveller", "Eva Ek"),
                    ("mode", "flight"),
                    ("from_place", "A"),
                    ("to_place", "B"),
                    ("distance_km", "många"),
                ],
            )
            .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        let (status, public) =
            get_with(&app.new_browser(), &app.url("/public/stockholm/events")).await;
        assert_eq!(status, StatusCode::OK);
        assert!(public.contains("Årsmöte") && public.contains("https://stream.example/agm"));
        let token = app
            .token_for("stockholm", "api@stockholm.example", Role::Viewer)
            .await;
        let (_, events) = app.api_get("/api/v1/events", &token).await;
        let agm = events["data"]
            .as_array()
            .unwrap()
            .iter()
            .find(|e| e["title"] == "Årsmöte")
            .unwrap()
            .clone();
        assert!((agm["co2_kg"].as_f64().unwrap() - 252.2).abs() < 1e-9);
    })
    .await;
}

#[tokio::test]
async fn action_reminders_go_through_a_real_smtp_server() {
    let Some(smtp) = SmtpServer::start().await else {
        return;
    };
    let unused = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
    let app = TestApp::spawn_with(
        oversyn_store::testing::ScratchDb::sqlite(),
        smtp.mailer(),
        unused,
    )
    .await;
    let t = app.store.tenant_by_slug("stockholm").await.unwrap();
    let actor = oversyn_store::audit::Actor {
        tenant_id: t.id,
        user_id: None,
        label: "test".into(),
    };
    let today = chrono::NaiveDate::from_ymd_opt(2030, 3, 1).unwrap();
    let action = |title: &str, due: chrono::NaiveDate| oversyn_store::followup::ActionFields {
        case_id: None,
        point: None,
        kind: oversyn_core::followup::ActionKind::Notify,
        title: title.into(),
        owner: "Eva Ek".into(),
        owner_email: Some("eva@stockholm.example".into()),
        due: Some(due),
        effective: None,
        status: oversyn_core::followup::ActionStatus::Planned,
        done_on: None,
        notes: String::new(),
        organisation_ids: vec![],
    };
    app.store
        .create_actions(
            &actor,
            &[
                action("Skicka uppsägningsbrevet", today + chrono::Days::new(10)),
                action("Långt fram", today + chrono::Days::new(60)),
            ],
        )
        .await
        .unwrap();
    let state = oversyn_web::AppState::new(
        app.store.clone(),
        oversyn_web::Config::default(),
        smtp.mailer(),
    );
    let (sent, failed) = oversyn_app::followup::reminders::send_due(&state.sender(), today)
        .await
        .unwrap();
    assert_eq!((sent, failed), (1, 0));
    let received = smtp.wait_for("Skicka uppsägningsbrevet").await;
    assert!(received.contains("eva@stockholm.example"), "{received}");
    assert!(received.contains("Hej Eva Ek,"), "{received}");
    assert!(received.contains("2030-03-11, om 10 dagar."), "{received}");
    assert!(!received.contains("Långt fram"));
    let again = oversyn_app::followup::reminders::send_due(&state.sender(), today)
        .await
        .unwrap();
    assert_eq!(again, (0, 0), "a reminder goes out once");
}

#[tokio::test]
async fn representation_counts_seats_and_warns_when_the_opposition_has_none() {
    on_each_backend(|app| async move {
        app.login_as_demo().await;
        let (status, page) = app.get("/representation").await;
        assert_eq!(status, StatusCode::OK);
        assert!(page.contains("<svg") && page.contains("Metropolis"));
        assert!(
            !page.contains("oppositionen har ingen"),
            "the policy is off by default"
        );
        let (status, _, _) = app
            .post_form(
                &app.client,
                "/representation",
                "/representation",
                &[("policy", "on")],
            )
            .await;
        assert_eq!(status, StatusCode::SEE_OTHER);
        let (_, page) = app.get("/representation").await;
        assert!(page.contains("checked"), "the policy is on");
        // The 2011 source does not name the seat holders; give C40 a majority politician.
        let t = app.store.tenant_by_slug("stockholm").await.unwrap();
        let actor = oversyn_store::audit::Actor {
            tenant_id: t.id,
            user_id: None,
            label: "test".into(),
        };
        let nordin = app
            .store
            .persons(t.id)
            .await
            .unwrap()
            .into_iter()
            .find(|p| p.name == "Sten Nordin")
            .unwrap();
        assert_eq!(nordin.side, Some(oversyn_core::codes::Side::Majority));
        let c40 = app.store.organisation_by_slug(t.id, "c40").await.unwrap();
        let seat = oversyn_core::register::input::SeatCmd {
            organisation_id: c40.id,
            person_id: Some(nordin.id),
            kind: oversyn_core::codes::SeatKind::BoardSeat,
            org_body: "Steering Committee".into(),
            title: None,
            from: None,
            until: None,
            notes: None,
            appointed_by: None,
            deputy_person_id: None,
            version: None,
        };
        app.store.create_seat(&actor, &seat).await.unwrap();
        let (_, page) = app.get("/representation").await;
        assert!(
            page.contains("C40: oppositionen har ingen av våra platser."),
            "{page}"
        );
        assert!(
            !page.contains("EUROCITIES: oppositionen"),
            "no politicians there, no warning"
        );
        let editor = app
            .browser_as("stockholm", "editor@stockholm.example", Role::Editor)
            .await;
        let (status, _, _) = app
            .post_form(&editor, "/representation", "/representation", &[])
            .await;
        assert_eq!(status, StatusCode::FORBIDDEN);
    })
    .await;
}

#[tokio::test]
async fn requests_are_triaged_against_the_strategy_and_accepted_as_cases() {
    on_each_backend(|app| async move {
        app.login_as_demo().await;
        let post = |fields: Vec<(&'static str, &'static str)>| {
            let app = &app;
            async move {
                app.post_form(&app.client, "/intake", "/intake", &fields)
                    .await
            }
        };
        let (status, _, _) = post(vec![
            ("title", "Gå med i ICLEI"),
            ("requester", "Miljöförvaltningen"),
            ("kind", "join"),
            ("organisation_name", "ICLEI"),
            ("score0", "5"),
            ("score1", "4"),
            ("score2", "5"),
            ("score3", "4"),
        ])
        .await;
        assert_eq!(status, StatusCode::SEE_OTHER);
        let (status, _, _) = post(vec![
            ("title", "Vänort i norr"),
            ("requester", "Staden X"),
            ("kind", "cooperation"),
            ("score0", "5"),
            ("score1", "5"),
            ("score2", "5"),
            ("score3", "5"),
            ("geography_reason", "on"),
        ])
        .await;
        assert_eq!(status, StatusCode::SEE_OTHER);
        let (status, body, _) = post(vec![
            ("title", ""),
            ("requester", "Någon"),
            ("kind", "join"),
        ])
        .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(body.contains("value=\"Någon\""), "input kept");
        let (_, page) = app.get("/intake").await;
        assert!(
            page.contains("<strong>Anta</strong>") && page.contains("<strong>Utred</strong>"),
            "{page}"
        );
        assert!(page.contains("strategin väljer samarbeten efter sakfråga"));
        let t = app.store.tenant_by_slug("stockholm").await.unwrap();
        let requests = app.store.intake_requests(t.id).await.unwrap();
        let iclei = requests
            .iter()
            .find(|r| r.fields.title == "Gå med i ICLEI")
            .unwrap();
        let (status, _, location) = app
            .post_form(
                &app.client,
                "/intake",
                &format!("/intake/{}/accept", iclei.id),
                &[],
            )
            .await;
        assert_eq!(status, StatusCode::SEE_OTHER);
        assert!(location.unwrap().ends_with("/edit"));
        let r = app.store.intake_request(t.id, iclei.id).await.unwrap();
        assert_eq!(r.status, "accepted");
        let case = app.store.case(t.id, r.case_id.unwrap()).await.unwrap();
        assert_eq!(
            case.fields.proposal[0].text,
            "Staden ansöker om medlemskap i ICLEI."
        );
        let (status, _, _) = app
            .post_form(
                &app.client,
                "/intake",
                &format!("/intake/{}/accept", iclei.id),
                &[],
            )
            .await;
        assert_eq!(status, StatusCode::CONFLICT, "accepted once");
    })
    .await;
}

#[tokio::test]
async fn participants_report_after_an_event_and_the_reports_become_evidence() {
    on_each_backend(|app| async move {
        app.login_as_demo().await;
        let t = app.store.tenant_by_slug("stockholm").await.unwrap();
        let event = app.store.events(t.id).await.unwrap().remove(0);
        let page = format!("/events/{}", event.id);
        let (status, _, _) = app
            .post_form(
                &app.client,
                &page,
                &format!("{page}/journeys"),
                &[
                    ("traveller", "Lena Lund"),
                    ("mode", "flight"),
                    ("from_place", "Stockholm"),
                    ("to_place", "Porto Alegre"),
                    ("distance_km", "11600"),
                ],
            )
            .await;
        assert_eq!(status, StatusCode::SEE_OTHER);
        let (status, links, _) = app
            .post_form(&app.client, &page, &format!("{page}/reports"), &[])
            .await;
        assert_eq!(status, StatusCode::OK);
        let url = links
            .split("<code>")
            .nth(1)
            .and_then(|s| s.split("</code>").next())
            .unwrap()
            .to_owned();
        let respondent = app.new_browser();
        let (status, form) = get_with(&respondent, &url).await;
        assert_eq!(status, StatusCode::OK);
        assert!(form.contains("Lena Lund") && form.contains("Metropolis världskongress 2011"));
        let r = respondent
            .post(&url)
            .form(&[
                ("score0", "4"),
                ("score2", "2"),
                ("learned", "Hur Porto Alegre budgeterar med medborgarna."),
                ("shared", "Stadens klimatarbete."),
                ("influenced", ""),
            ])
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), StatusCode::OK);
        assert!(r.text().await.unwrap().contains("Tack!"));
        let (_, again) = get_with(&app.new_browser(), &app.url(&format!("{page}/reports"))).await;
        assert!(
            !again.contains("Porto Alegre budgeterar"),
            "a GET does not issue links"
        );
        let m = app.membership_id("stockholm", "metropolis").await;
        let (_, membership) = app.get(&format!("/memberships/{m}")).await;
        assert!(
            membership.contains("Hur Porto Alegre budgeterar med medborgarna."),
            "the report shows on the membership"
        );
        let (status, _) = get_with(&app.new_browser(), &app.url("/report/not-a-real-token")).await;
        assert_eq!(status, StatusCode::NOT_FOUND);
    })
    .await;
}

#[tokio::test]
async fn a_notice_letter_is_kept_as_evidence_with_its_action() {
    on_each_backend(|app| async move {
        app.login_as_demo().await;
        let (_, page) = app.get("/actions/2").await;
        let form = reqwest::multipart::Form::new()
            .text("csrf", csrf_of(&page))
            .part(
                "file",
                reqwest::multipart::Part::bytes(b"Uppsagning av medlemskapet".to_vec())
                    .file_name("uppsagning.txt"),
            );
        let r = app
            .client
            .post(app.url("/actions/2/files"))
            .multipart(form)
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), StatusCode::SEE_OTHER);
        let (_, page) = app.get("/actions/2").await;
        let link = page
            .split("href=\"/files/")
            .nth(1)
            .and_then(|s| s.split('"').next())
            .unwrap()
            .to_owned();
        assert!(page.contains("uppsagning.txt"));
        let r = app
            .client
            .get(app.url(&format!("/files/{link}")))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), StatusCode::OK);
        assert!(
            r.headers()["content-disposition"]
                .to_str()
                .unwrap()
                .starts_with("attachment")
        );
        assert_eq!(
            r.bytes().await.unwrap().as_ref(),
            b"Uppsagning av medlemskapet"
        );
        app.store
            .create_tenant("malmo", "Malmö stad")
            .await
            .unwrap();
        let other = app
            .browser_as("malmo", "admin@malmo.example", Role::Admin)
            .await;
        let (status, _) = get_with(&other, &app.url(&format!("/files/{link}"))).await;
        assert_eq!(status, StatusCode::NOT_FOUND);
        let (status, _) = get_with(&other, &app.url("/actions/2")).await;
        assert_eq!(status, StatusCode::NOT_FOUND);
    })
    .await;
}

#[tokio::test]
async fn a_participant_with_an_address_gets_the_report_link_by_mail() {
    on_each_backend(|app| async move {
        app.login_as_demo().await;
        let t = app.store.tenant_by_slug("stockholm").await.unwrap();
        let event = app.store.events(t.id).await.unwrap().remove(0);
        let page = format!("/events/{}", event.id);
        let token = app
            .token_for("stockholm", "writer@stockholm.example", oversyn_core::Role::Editor)
            .await;
        let (status, person, _) = app
            .api_send(
                reqwest::Method::POST,
                "/api/v1/persons",
                &token,
                &serde_json::json!({"name": "Eva Ek", "kind": "official", "email": "eva@stockholm.example"}),
            )
            .await;
        assert_eq!(status, StatusCode::CREATED, "{person}");
        let person = person["id"].to_string();
        let (status, _, _) = app
            .post_form(
                &app.client,
                &page,
                &format!("{page}/journeys"),
                &[
                    ("person_id", person.as_str()),
                    ("mode", "rail"),
                    ("from_place", "Stockholm"),
                    ("to_place", "Bryssel"),
                    ("distance_km", "1800"),
                ],
            )
            .await;
        assert_eq!(status, StatusCode::SEE_OTHER);
        let (status, links, _) = app
            .post_form(&app.client, &page, &format!("{page}/reports"), &[])
            .await;
        assert_eq!(status, StatusCode::OK);
        assert!(links.contains("länken skickad"), "{links}");
        assert!(!links.contains("/report/"), "a mailed link is not shown");
        let sent = app.outbox.lock().unwrap().clone();
        let mail = sent.iter().find(|m| m.to == "eva@stockholm.example").expect("mailed");
        let url = mail
            .body
            .lines()
            .find(|l| l.contains("/report/"))
            .unwrap()
            .trim()
            .to_owned();
        let (status, form) = get_with(&app.new_browser(), &url).await;
        assert_eq!(status, StatusCode::OK, "the mailed link opens the form");
        assert!(form.contains("Eva Ek"));
        // Sent once, by the job queue, and not again.
        let (_, again, _) = app
            .post_form(&app.client, &page, &format!("{page}/reports"), &[])
            .await;
        assert!(!again.contains("Eva Ek"), "{again}");
        assert_eq!(
            app.outbox
                .lock()
                .unwrap()
                .iter()
                .filter(|m| m.to == "eva@stockholm.example")
                .count(),
            1
        );
    })
    .await;
}

/// The notice period counts from the day the letter went out: once the
/// "send notice" step for UCLG is done in time, the ending has no warning.
#[tokio::test]
async fn a_notice_sent_in_time_clears_the_warning_of_its_ending() {
    on_each_backend(|app| async move {
        let token = app
            .token_for("stockholm", "api@stockholm.example", Role::Viewer)
            .await;
        let ending_warnings = |list: &Value| {
            list["data"]
                .as_array()
                .unwrap()
                .iter()
                .find(|a| a["kind"] == "terminate_membership")
                .unwrap()["warnings"]
                .as_array()
                .unwrap()
                .len()
        };
        let (_, list) = app.api_get("/api/v1/actions", &token).await;
        assert_eq!(
            ending_warnings(&list),
            2,
            "UCLG's late notice and its basis"
        );
        let send = list["data"]
            .as_array()
            .unwrap()
            .iter()
            .find(|a| a["kind"] == "send_notice")
            .unwrap()
            .clone();
        let id = send["id"].as_i64().unwrap();
        app.login_as_demo().await;
        let (_, form) = app.get(&format!("/actions/{id}")).await;
        let version = version_of(&form);
        let uclg = send["organisation_ids"][0].to_string();
        let title = send["title"].as_str().unwrap().to_owned();
        let fields = vec![
            ("version", version.as_str()),
            ("kind", "send_notice"),
            ("title", title.as_str()),
            ("due", "2011-07-01"),
            ("status", "done"),
            ("done_on", "2011-06-20"),
            ("case_id", "1"),
            ("organisation", uclg.as_str()),
        ];
        let (status, body, _) = app
            .post_form(
                &app.client,
                &format!("/actions/{id}"),
                &format!("/actions/{id}"),
                &fields,
            )
            .await;
        assert_eq!(status, StatusCode::SEE_OTHER, "{body}");
        let (_, list) = app.api_get("/api/v1/actions", &token).await;
        assert_eq!(ending_warnings(&list), 0, "{list:#}");
        // Sent too late, the warning is back, counted from that day.
        let (_, form) = app.get(&format!("/actions/{id}")).await;
        let version = version_of(&form);
        let mut late = fields.clone();
        late[0] = ("version", version.as_str());
        late[5] = ("done_on", "2011-08-01");
        let (status, body, _) = app
            .post_form(
                &app.client,
                &format!("/actions/{id}"),
                &format!("/actions/{id}"),
                &late,
            )
            .await;
        assert_eq!(status, StatusCode::SEE_OTHER, "{body}");
        let (_, list) = app.api_get("/api/v1/actions", &token).await;
        let end = list["data"]
            .as_array()
            .unwrap()
            .iter()
            .find(|a| a["kind"] == "terminate_membership")
            .unwrap()
            .clone();
        let w = end["warnings"].as_array().unwrap();
        assert_eq!(w.len(), 1, "no illustrative basis: the sending day is real");
        assert!(w[0].as_str().unwrap().contains("2012-02-01"), "{w:?}");
    })
    .await;
}
