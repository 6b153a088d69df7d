//! A second tenant's documents speak of it and never of Stockholm: the
//! admin sets how the tenant names itself (form and API, bad input refused
//! with nothing saved), and its review report, drafted case, case document,
//! protocol excerpt, derived actions and invitation mails use it.

use crate::helpers::*;
use chrono::Days;
use oversyn_core::Role;
use oversyn_store::audit::Actor;
use oversyn_store::reviews::{NewRespondent, NewReview};
use oversyn_store::synthetic::Scale;
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

/// What only Stockholm's data says: its name, office, 2011 memorandum,
/// strategy and goals, and its title for a mayor.
const STOCKHOLM: [&str; 8] = [
    "stockholm",
    "stadsledningskontor",
    "2011:125",
    "006-1348",
    "006-1137",
    "vision 2030",
    "miljöhuvudstad",
    "borgarråd",
];

fn assert_clean(what: &str, text: &str) {
    let lower = text.to_lowercase();
    for w in STOCKHOLM {
        if let Some(at) = lower.find(w) {
            let from = lower[..at]
                .char_indices()
                .rev()
                .nth(80)
                .map_or(0, |(i, _)| i);
            panic!("{what} mentions {w}: …{}…", &lower[from..(at + w.len())]);
        }
    }
}

const TENANT: &str = "synthetic-001";
const STRATEGY: &str = "Internationell policy för Ekby kommun (KF 2019-06-10 § 112)";

fn profile_form(
    office: &'static str,
    email: &'static str,
    place: &'static str,
) -> Vec<(&'static str, &'static str)> {
    vec![
        ("kind", "municipality"),
        ("office_sv", office),
        ("office_en", "Municipal Executive Office"),
        ("office_email", email),
        ("place", place),
        ("body_sv", "Kommunstyrelsen i Ekby"),
        ("body_en", "Municipal Executive Board"),
        ("council_sv", "Kommunfullmäktige"),
        ("council_en", "Municipal Council"),
        ("strategy_reference", STRATEGY),
    ]
}

async fn text(c: &reqwest::Client, url: &str) -> String {
    let r = c.get(url).send().await.unwrap();
    assert_eq!(r.status(), StatusCode::OK, "{url}");
    r.text().await.unwrap()
}

#[tokio::test]
async fn a_second_tenants_documents_name_it_and_nothing_of_stockholm() {
    on_each_backend(|app| async move {
        let scale = Scale {
            tenants: 1,
            memberships: 5,
            organisations: 12,
            respondents: 6,
            seed: 17,
        };
        app.store.load_synthetic(scale, &|_| {}).await.unwrap();
        let t = app.store.tenant_by_slug(TENANT).await.unwrap();
        let admin = app
            .browser_as(TENANT, "admin@ekby.example", Role::Admin)
            .await;

        // The defaults name no city, and say they are defaults.
        let (status, page) = get_with(&admin, &app.url("/settings/profile")).await;
        assert_eq!(status, StatusCode::OK);
        assert!(page.contains("Kommunledningskontoret"), "{page}");
        assert!(page.contains("standardvärden") || page.contains("defaults"));

        // Bad input: every field named, the input kept, nothing saved.
        let (status, page, _) = app
            .post_form(
                &admin,
                "/settings/profile",
                "/settings/profile",
                &profile_form(" ", "kansliet", ""),
            )
            .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        for field in ["office_sv", "office_email", "place"] {
            assert!(page.contains(&format!(r#"id="{field}-error""#)), "{field}");
        }
        assert!(page.contains("Kommunstyrelsen i Ekby"), "the input is kept");
        let token = app.token_for(TENANT, "api@ekby.example", Role::Admin).await;
        let (_, p) = app.api_get("/api/v1/profile", &token).await;
        assert_eq!(p["office_sv"], "Kommunledningskontoret");
        assert_eq!(p["body_sv"], "Kommunstyrelsen");

        let (status, _, _) = app
            .post_form(
                &admin,
                "/settings/profile",
                "/settings/profile",
                &profile_form(
                    "Kommunledningskontoret",
                    "internationellt@ekby.example",
                    "Ekby",
                ),
            )
            .await;
        assert_eq!(status, StatusCode::SEE_OTHER);
        let (_, p) = app.api_get("/api/v1/profile", &token).await;
        assert_eq!(p["place"], "Ekby");
        assert_eq!(p["strategy_reference"], STRATEGY);
        let audit = app.store.history(t.id, "profile", t.id).await.unwrap();
        assert_eq!(audit.len(), 1);
        assert_eq!(audit[0].after.as_ref().unwrap()["place"], "Ekby");

        // The API: a viewer may read but not write; an admin's bad input is a
        // 422 problem naming the fields, and nothing changes.
        let viewer = app
            .token_for(TENANT, "viewer@ekby.example", Role::Viewer)
            .await;
        let mut body: Value = serde_json::to_value(&p).unwrap();
        let (status, _, _) = app
            .api_send(Method::PUT, "/api/v1/profile", &viewer, &body)
            .await;
        assert_eq!(status, StatusCode::FORBIDDEN);
        body["kind"] = json!("village");
        body["place"] = json!("");
        let (status, problem, ctype) = app
            .api_send(Method::PUT, "/api/v1/profile", &token, &body)
            .await;
        assert_eq!(ctype, "application/problem+json");
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{problem}");
        let fields: Vec<&str> = problem["errors"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["field"].as_str().unwrap())
            .collect();
        assert_eq!(fields, ["kind", "place"]);
        let (_, unchanged) = app.api_get("/api/v1/profile", &viewer).await;
        assert_eq!(unchanged, p);

        // The review report, in both languages, cites the tenant's strategy.
        let review = app.store.reviews(t.id).await.unwrap()[0].id;
        for lang in ["sv", "en"] {
            let report = text(
                &admin,
                &app.url(&format!("/reviews/{review}/report?format=html&lang={lang}")),
            )
            .await;
            assert!(
                report.contains("Internationell policy för Ekby kommun"),
                "{lang}"
            );
            assert_clean(&format!("the report ({lang})"), &report);
            // A kommun is not "staden": texts every tenant gets say "vi" or "strategins".
            assert!(
                !report.contains("stadens") && !report.contains("the city's"),
                "{lang}"
            );
        }

        // The case drafted from the review: the tenant's office, bodies and words.
        for (lang, route, office, ours) in [
            (
                "sv",
                "Kommunstyrelsen i Ekby\nKommunfullmäktige",
                "kommunledningskontoret rekommenderar",
                "kommunens",
            ),
            (
                "en",
                "Municipal Executive Board\nMunicipal Council",
                "the Municipal Executive Office recommends",
                "the municipality's",
            ),
        ] {
            let draft = text(
                &admin,
                &app.url(&format!("/cases/new?review={review}&lang={lang}")),
            )
            .await;
            assert!(draft.contains(route), "{lang}: the route");
            assert!(draft.contains(office), "{lang}: the office");
            assert!(
                draft.contains(ours) || draft.contains(&ours.replace('\'', "&#39;")),
                "{lang}: {ours}"
            );
            assert_clean(&format!("the drafted case ({lang})"), &draft);
        }

        // A case made and decided: its document and excerpt are signed in
        // Ekby, and the actions it orders belong to the tenant's office.
        let membership = app.store.memberships(t.id).await.unwrap()[0].clone();
        let label = app
            .store
            .organisation(t.id, membership.organisation_id)
            .await
            .unwrap()
            .label()
            .to_owned();
        let proposal =
            format!("1. Kommunens medlemskap i {label} sägs upp från och med den 1 juli 2028.");
        let (status, page, location) = app
            .post_form(
                &admin,
                "/cases/new",
                "/cases",
                &[
                    ("title", "Medlemskap i internationella nätverk"),
                    ("language", "sv"),
                    ("document_date", "2026-10-05"),
                    ("rapporteur", "kommunstyrelsens ordförande Eva Ek"),
                    ("route", "Kommunstyrelsen i Ekby"),
                    ("proposal", &proposal),
                    ("matter", "Ärendet gäller kommunens nätverk."),
                    ("membership", &membership.id.to_string()),
                ],
            )
            .await;
        assert_eq!(status, StatusCode::SEE_OTHER, "{page}");
        let case = location.unwrap();
        let (status, page, _) = app
            .post_form(
                &admin,
                &case,
                &format!("{case}/decisions"),
                &[
                    ("body", "Kommunstyrelsen i Ekby"),
                    ("adopted", "proposal"),
                    ("decided_on", "2026-10-20"),
                ],
            )
            .await;
        assert_eq!(status, StatusCode::SEE_OTHER, "{page}");
        let document = text(&admin, &app.url(&format!("{case}/document?format=html"))).await;
        assert!(document.contains("Ekby den 5 oktober 2026"), "{document}");
        assert_clean("the case document", &document);
        let excerpt = text(&admin, &app.url(&format!("{case}/excerpt/0?format=html"))).await;
        assert!(excerpt.contains("Ekby den 20 oktober 2026"), "{excerpt}");
        assert_clean("the protocol excerpt", &excerpt);
        let (status, _, _) = app
            .post_form(&admin, &case, &format!("{case}/actions"), &[])
            .await;
        assert_eq!(status, StatusCode::SEE_OTHER);
        let (_, actions) = app.api_get("/api/v1/actions", &token).await;
        let owners: Vec<&str> = actions["data"]
            .as_array()
            .unwrap()
            .iter()
            .map(|a| a["owner"].as_str().unwrap())
            .collect();
        assert!(!owners.is_empty());
        // The office's address owns them, so the reminders reach it.
        for a in app.store.actions(t.id).await.unwrap() {
            assert_eq!(
                a.fields.owner_email.as_deref(),
                Some("internationellt@ekby.example")
            );
        }
        assert!(
            owners.iter().all(|o| *o == "Kommunledningskontoret"),
            "{owners:?}"
        );
        // Ending mid-year owes half the annual fee, said in the case's language.
        let end = actions["data"]
            .as_array()
            .unwrap()
            .iter()
            .find(|a| a["kind"] == "terminate_membership")
            .unwrap();
        let oversyn_core::fees::Fee::Amount {
            minor, currency, ..
        } = &membership.fee
        else {
            panic!("synthetic memberships have fees")
        };
        let half = oversyn_core::fees::format_minor(minor / 2);
        let owed = format!("{half} {currency} att betala för avgiftsåret fram till 2028-07-01");
        assert!(end["notes"].as_str().unwrap().contains(&owed), "{end}");

        // Invitations to answer a review of the tenant's memberships.
        let actor = Actor {
            tenant_id: t.id,
            user_id: None,
            label: "test".into(),
        };
        let strategy = app.store.current_strategy(&actor).await.unwrap();
        assert_clean(
            "the default strategy",
            &serde_json::to_string(&strategy.strategy).unwrap(),
        );
        let today = chrono::Utc::now().date_naive();
        let open = app
            .store
            .create_review(
                &actor,
                strategy.id,
                &NewReview {
                    title: "Översyn 2026".into(),
                    opens_on: today - Days::new(1),
                    closes_on: today + Days::new(10),
                    anonymous: false,
                    min_group: 3,
                    reminder_max: 2,
                    reminder_days: 7,
                    illustrative: false,
                    memberships: vec![membership.id],
                },
                &oversyn_core::review::questionnaire::default_questionnaire(&strategy.strategy),
            )
            .await
            .unwrap();
        for (name, lang) in [("Sara Svensson", "sv"), ("Sam Smith", "en")] {
            let who = NewRespondent {
                person_id: None,
                name: name.into(),
                email: Some(format!(
                    "{}@ekby.example",
                    name.split(' ').next().unwrap().to_lowercase()
                )),
                lang: lang.into(),
                memberships: vec![membership.id],
            };
            app.store
                .add_respondent(&actor, open.id, &who)
                .await
                .unwrap();
        }
        let page = format!("/reviews/{}", open.id);
        let (status, _, _) = app
            .post_form(&admin, &page, &format!("{page}/invite"), &[])
            .await;
        assert_eq!(status, StatusCode::SEE_OTHER);
        let sent: Vec<_> = app
            .outbox
            .lock()
            .unwrap()
            .iter()
            .filter(|m| m.to.ends_with("@ekby.example"))
            .cloned()
            .collect();
        assert_eq!(sent.len(), 2);
        for m in &sent {
            assert_clean("an invitation", &format!("{}\n{}", m.subject, m.body));
            assert!(!m.body.contains("stadens"), "{}", m.body);
        }
        let questions = app.store.questions(open.id).await.unwrap();
        let questions = serde_json::to_string(&questions).unwrap();
        assert_clean("the questionnaire", &questions);
        assert!(
            !questions.contains("staden") && !questions.contains("the city"),
            "{questions}"
        );
    })
    .await;
}
