//! Privacy end to end: respondents' identities removed once a review no
//! longer needs them, with the results unchanged; a person's export and
//! erasure, which keeps what a public record needs; `party` only for
//! politicians. On both databases.

use crate::helpers::*;
use chrono::{Days, Utc};
use oversyn_core::Role;
use oversyn_core::codes::{PersonKind, Side};
use oversyn_core::register::input::PersonCmd;
use oversyn_core::review::answers::Answer;
use oversyn_store::audit::Actor;
use oversyn_store::reviews::NewRespondent;
use oversyn_store::testing::places_holding;
use reqwest::StatusCode;

fn person(name: &str, kind: PersonKind, side: Option<Side>, email: Option<&str>) -> PersonCmd {
    PersonCmd {
        name: name.into(),
        kind,
        party: (kind == PersonKind::Politician).then(|| "S".to_owned()),
        side,
        department: None,
        email: email.map(str::to_owned),
        version: None,
    }
}

/// Adds a respondent and answers every scale question of each membership
/// with `score`, through a personal link as a respondent would.
async fn answered(app: &TestApp, actor: &Actor, review: i64, who: NewRespondent, score: u8) -> i64 {
    let memberships = who.memberships.clone();
    let r = app.store.add_respondent(actor, review, &who).await.unwrap();
    let token = app.store.issue_link(actor.tenant_id, r.id).await.unwrap();
    let ctx = app.store.open_link(&token).await.unwrap().unwrap();
    let today = Utc::now().date_naive();
    let mut answers = Vec::new();
    for q in app.store.questions(review).await.unwrap() {
        if q.kind == oversyn_core::review::questionnaire::QuestionKind::Scale {
            for m in &memberships {
                answers.push((*m, q.id, Some(Answer::Scale(score))));
            }
        }
    }
    app.store.save_answers(&ctx, today, &answers).await.unwrap();
    app.store.submit_ballot(&ctx, today).await.unwrap();
    r.id
}

fn main_of(html: &str) -> String {
    let a = html.find("<main").expect("a main element");
    let b = html.find("</main>").expect("its end");
    html[a..b].to_owned()
}

#[tokio::test]
async fn retention_removes_every_respondent_identity_and_keeps_the_results() {
    on_each_backend(|app| async move {
        let (actor, review, ids) = open_review(&app, &["eurocities"], false).await;
        let plain = ["Zelda Glömsk", "Yngve Raderad", "Xena Borttagen"];
        let politicians = ["Vera Majoritet", "Ulf Majoritet", "Tea Majoritet"];
        let mut emails = Vec::new();
        for (i, name) in plain.iter().enumerate() {
            let email = format!("plain{i}@privacy.example");
            let who = NewRespondent {
                person_id: None,
                name: (*name).into(),
                email: Some(email.clone()),
                lang: "sv".into(),
                memberships: ids.clone(),
            };
            answered(&app, &actor, review, who, 2).await;
            emails.push(email);
        }
        for (i, name) in politicians.iter().enumerate() {
            let p = app
                .store
                .create_person(
                    &actor,
                    &person(name, PersonKind::Politician, Some(Side::Majority), None),
                )
                .await
                .unwrap();
            let email = format!("pol{i}@privacy.example");
            let who = NewRespondent {
                person_id: Some(p.id),
                name: (*name).into(),
                email: Some(email.clone()),
                lang: "sv".into(),
                memberships: ids.clone(),
            };
            answered(&app, &actor, review, who, 4).await;
            emails.push(email);
        }
        // Invitations leave messages with the addresses.
        app.login_as_demo().await;
        let page = format!("/reviews/{review}");
        app.post_form(&app.client, &page, &format!("{page}/invite"), &[])
            .await;
        assert!(
            !places_holding(&app.store, "plain0@privacy.example")
                .await
                .unwrap()
                .is_empty()
        );

        let token = app
            .token_for("stockholm", "dpo@stockholm.example", Role::Admin)
            .await;
        let results = format!("/api/v1/reviews/{review}/results");
        let (status, api_before) = app.api_get(&results, &token).await;
        assert_eq!(status, StatusCode::OK);
        let (_, html) = app.get(&format!("{page}/results")).await;
        let page_before = main_of(&html);
        assert!(
            page_before.contains("Majoriteten") && page_before.contains("(n 6)"),
            "the three politicians form a group: {page_before}"
        );

        // Not yet: the review is open and no case from it is decided.
        let today = Utc::now().date_naive();
        let none = oversyn_app::privacy::apply_retention(&app.store, actor.tenant_id, today)
            .await
            .unwrap();
        assert!(
            none.iter().all(|r| r.review_id != review),
            "an open review keeps its respondents (the demo's decided one goes)"
        );

        // Thirty days after the review closed, with that rule.
        app.store
            .set_setting(actor.tenant_id, "respondent_retention", "30")
            .await
            .unwrap();
        let review_row = app.store.review(actor.tenant_id, review).await.unwrap();
        let early = review_row.closes_on + Days::new(30);
        assert!(
            oversyn_app::privacy::apply_retention(&app.store, actor.tenant_id, early)
                .await
                .unwrap()
                .is_empty()
        );
        let day = review_row.closes_on + Days::new(31);
        let done = oversyn_app::privacy::apply_retention(&app.store, actor.tenant_id, day)
            .await
            .unwrap();
        assert_eq!(done.len(), 1);
        assert_eq!(done[0].respondents, 6);

        for name in plain {
            assert_eq!(
                places_holding(&app.store, name).await.unwrap(),
                Vec::<String>::new(),
                "{name}"
            );
        }
        for email in &emails {
            assert_eq!(
                places_holding(&app.store, email).await.unwrap(),
                Vec::<String>::new(),
                "{email}"
            );
        }
        for name in politicians {
            // The register keeps its own record of the politician (and its
            // audit entry); nothing of the review names them any more.
            let places = places_holding(&app.store, name).await.unwrap();
            assert!(
                places
                    .iter()
                    .all(|p| p == "persons.name" || p == "audit_log.after_json"),
                "{name}: {places:?}"
            );
        }

        let (_, api_after) = app.api_get(&results, &token).await;
        assert_eq!(api_before, api_after, "the results are unchanged");
        let (_, html) = app.get(&format!("{page}/results")).await;
        assert_eq!(page_before, main_of(&html), "so are the groups");

        // The audit log says what was removed, without whom.
        let history = app
            .store
            .history(actor.tenant_id, "review", review)
            .await
            .unwrap();
        let entry = history
            .iter()
            .find(|e| e.action == "remove_identities")
            .expect("an audit entry");
        assert_eq!(entry.actor, "retention");
        assert_eq!(entry.after.as_ref().unwrap()["respondents"], 6);

        // The review page says the names are gone.
        let (_, html) = app.get(&page).await;
        assert!(html.contains("Namn och adress borttagna"));
    })
    .await;
}

#[tokio::test]
async fn anonymous_reviews_keep_no_names_once_closed() {
    on_each_backend(|app| async move {
        let (actor, review, ids) = open_review(&app, &["uclg"], true).await;
        let who = NewRespondent {
            person_id: None,
            name: "Quinn Anonym".into(),
            email: Some("quinn@privacy.example".into()),
            lang: "sv".into(),
            memberships: ids.clone(),
        };
        answered(&app, &actor, review, who, 3).await;
        let closes = app
            .store
            .review(actor.tenant_id, review)
            .await
            .unwrap()
            .closes_on;
        let done = oversyn_app::privacy::apply_retention(
            &app.store,
            actor.tenant_id,
            closes + Days::new(1),
        )
        .await
        .unwrap();
        assert!(
            done.iter().any(|r| r.review_id == review),
            "the default rule waits for a decision, anonymity does not"
        );
        assert!(
            places_holding(&app.store, "Quinn Anonym")
                .await
                .unwrap()
                .is_empty()
        );
        assert!(
            places_holding(&app.store, "quinn@privacy")
                .await
                .unwrap()
                .is_empty()
        );
    })
    .await;
}

#[tokio::test]
async fn export_lists_a_person_and_erase_keeps_only_what_must_be_kept() {
    on_each_backend(|app| async move {
        let (actor, review, ids) = open_review(&app, &["c40"], false).await;
        let olle = app
            .store
            .create_person(
                &actor,
                &person(
                    "Olle Utträdd",
                    PersonKind::Official,
                    None,
                    Some("olle@privacy.example"),
                ),
            )
            .await
            .unwrap();
        app.store
            .create_term(
                &actor,
                olle.id,
                &oversyn_core::register::terms::TermCmd {
                    body: "Kommunstyrelsen".into(),
                    role: "sekreterare".into(),
                    from: "2024-01-01".parse().unwrap(),
                    to: None,
                    side: None,
                },
            )
            .await
            .unwrap();
        let who = NewRespondent {
            person_id: Some(olle.id),
            name: "Olle Utträdd".into(),
            email: Some("olle@privacy.example".into()),
            lang: "sv".into(),
            memberships: ids.clone(),
        };
        answered(&app, &actor, review, who, 5).await;
        app.store
            .create_actions(
                &actor,
                &[oversyn_core::followup::input::ActionFields {
                    case_id: None,
                    point: None,
                    kind: oversyn_core::followup::ActionKind::Notify,
                    title: "Skriv till C40".into(),
                    owner: "Olle Utträdd".into(),
                    owner_email: Some("olle@privacy.example".into()),
                    due: None,
                    effective: None,
                    status: oversyn_core::followup::ActionStatus::Planned,
                    done_on: None,
                    notes: String::new(),
                    organisation_ids: Vec::new(),
                }],
            )
            .await
            .unwrap();

        let data =
            oversyn_app::privacy::export(&app.store, actor.tenant_id, "OLLE@privacy.example")
                .await
                .unwrap();
        assert_eq!(
            data.persons.len(),
            1,
            "found whatever the case of the address"
        );
        assert_eq!(data.persons[0]["name"], "Olle Utträdd");
        assert_eq!(data.terms.len(), 1);
        assert_eq!(data.respondents.len(), 1);
        assert!(
            !data.answers.is_empty(),
            "the answers of an identified review"
        );
        assert_eq!(data.actions.len(), 1);
        assert!(
            data.audit_entries.len() >= 3,
            "person, term and respondent entries"
        );

        // Another tenant finds nothing of Olle.
        let other = app
            .store
            .create_tenant("goteborg", "Göteborg")
            .await
            .unwrap();
        let none = oversyn_app::privacy::export(&app.store, other.id, "olle@privacy.example")
            .await
            .unwrap();
        assert!(none.persons.is_empty() && none.respondents.is_empty() && none.actions.is_empty());
        let erased_elsewhere = oversyn_app::privacy::erase(
            &app.store,
            &Actor {
                tenant_id: other.id,
                user_id: None,
                label: "test".into(),
            },
            "olle@privacy.example",
        )
        .await
        .unwrap();
        assert_eq!(erased_elsewhere.persons + erased_elsewhere.respondents, 0);
        assert!(
            !places_holding(&app.store, "olle@privacy.example")
                .await
                .unwrap()
                .is_empty()
        );

        let erased = oversyn_app::privacy::erase(&app.store, &actor, "olle@privacy.example")
            .await
            .unwrap();
        assert!(erased.kept.is_empty(), "{:?}", erased.kept);
        assert_eq!(
            (
                erased.persons,
                erased.terms,
                erased.respondents,
                erased.actions
            ),
            (1, 1, 1, 1)
        );
        assert_eq!(
            places_holding(&app.store, "olle@privacy.example")
                .await
                .unwrap(),
            Vec::<String>::new()
        );
        assert_eq!(
            places_holding(&app.store, "Olle Utträdd").await.unwrap(),
            Vec::<String>::new()
        );

        // A politician named in a reservation of the decided demo case.
        let per = app
            .store
            .persons(actor.tenant_id)
            .await
            .unwrap()
            .into_iter()
            .find(|p| p.name == "Per Bolund")
            .unwrap();
        let mut cmd = oversyn_core::register::input::PersonInput::from_record(&per)
            .parse()
            .unwrap();
        cmd.email = Some("per@privacy.example".into());
        app.store.update_person(&actor, per.id, &cmd).await.unwrap();
        let erased = oversyn_app::privacy::erase(&app.store, &actor, "per@privacy.example")
            .await
            .unwrap();
        assert_eq!(erased.kept.len(), 1);
        assert_eq!(erased.kept[0].code, "decided_case");
        assert!(
            erased.kept[0].reason.contains("006-1348/2010")
                || erased.kept[0].reason.contains("PM 2011"),
            "{}",
            erased.kept[0].reason
        );
        let per = app.store.person(actor.tenant_id, per.id).await.unwrap();
        assert_eq!(per.name, "Per Bolund", "the public record keeps the name");
        assert_eq!(per.email, None, "but not the address");

        // A user account is kept, with the reason.
        let erased = oversyn_app::privacy::erase(&app.store, &actor, "demo@stockholm.example")
            .await
            .unwrap();
        assert_eq!(erased.kept[0].code, "user_account");
    })
    .await;
}

#[tokio::test]
async fn a_party_is_refused_for_an_official() {
    on_each_backend(|app| async move {
        let token = app
            .token_for("stockholm", "editor@stockholm.example", Role::Editor)
            .await;
        let (status, body, _) = app
            .api_send(
                reqwest::Method::POST,
                "/api/v1/persons",
                &token,
                &serde_json::json!({"name": "Ada Tjänsteperson", "kind": "official", "party": "S"}),
            )
            .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
        assert!(body.to_string().contains("party"), "{body}");
    })
    .await;
}

#[tokio::test]
async fn notices_are_written_by_the_tenant_and_reach_every_respondent() {
    on_each_backend(|app| async move {
        // The shipped template, public, in the reader's language.
        let (status, page) = get_with(&app.new_browser(), &app.url("/privacy/stockholm")).await;
        assert_eq!(status, StatusCode::OK);
        assert!(
            page.contains("Stockholms stad är personuppgiftsansvarig"),
            "{page}"
        );
        assert!(page.contains("allmänna handlingar"));
        assert!(page.contains("Rättslig grund"));

        app.login_as_demo().await;
        let (status, body, _) = app
            .post_form(
                &app.client,
                "/settings/privacy",
                "/settings/privacy",
                &[
                    ("retention", "forever"),
                    ("privacy_notice.respondent.sv", "Vår egen text."),
                ],
            )
            .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(body.contains("Vår egen text."), "the input is kept");
        assert!(body.contains("decided eller ett antal dagar"));
        let (status, _, _) = app
            .post_form(
                &app.client,
                "/settings/privacy",
                "/settings/privacy",
                &[
                    ("retention", "60"),
                    (
                        "privacy_notice.respondent.sv",
                        "Stockholms egen text om svarande.\n\nAndra stycket.",
                    ),
                ],
            )
            .await;
        assert_eq!(status, StatusCode::SEE_OTHER);
        let (_, page) = get_with(&app.new_browser(), &app.url("/privacy/stockholm")).await;
        assert!(
            page.contains("<p>Stockholms egen text om svarande.</p><p>Andra stycket.</p>"),
            "{page}"
        );
        assert!(
            page.contains("60 dagar efter"),
            "the shipped texts follow the new rule"
        );
        let (_, own) = app.get("/reviews").await;
        assert!(
            own.contains("href=\"/privacy/stockholm\""),
            "the footer links the notice"
        );

        // The respondent's form and the invitation.
        let (actor, review, ids) = open_review(&app, &["eurocities"], false).await;
        let who = NewRespondent {
            person_id: None,
            name: "Nora Notis".into(),
            email: Some("nora@privacy.example".into()),
            lang: "sv".into(),
            memberships: ids,
        };
        let r = app
            .store
            .add_respondent(&actor, review, &who)
            .await
            .unwrap();
        let page = format!("/reviews/{review}");
        app.post_form(&app.client, &page, &format!("{page}/invite"), &[])
            .await;
        let mail = app
            .outbox
            .lock()
            .unwrap()
            .iter()
            .find(|m| m.to == "nora@privacy.example")
            .cloned()
            .expect("an invitation");
        assert!(
            mail.body
                .contains(&format!("{}/privacy/stockholm#respondent", app.base)),
            "{}",
            mail.body
        );
        let token = app.store.issue_link(actor.tenant_id, r.id).await.unwrap();
        let (_, form) = get_with(&app.new_browser(), &app.url(&format!("/respond/{token}"))).await;
        assert!(form.contains("Stockholms egen text om svarande."), "{form}");
        assert!(form.contains("blir allmänna handlingar hos Stockholms stad"));
        assert!(form.contains("href=\"/privacy/stockholm\""));
    })
    .await;
}

#[tokio::test]
async fn an_admin_exports_and_erases_in_the_browser() {
    on_each_backend(|app| async move {
        let t = app.store.tenant_by_slug("stockholm").await.unwrap();
        let actor = Actor {
            tenant_id: t.id,
            user_id: None,
            label: "test".into(),
        };
        app.store
            .create_person(
                &actor,
                &person(
                    "Greta Grind",
                    PersonKind::Official,
                    None,
                    Some("greta@privacy.example"),
                ),
            )
            .await
            .unwrap();
        app.login_as_demo().await;
        let (_, page) = app.get("/settings/privacy").await;
        let csrf = csrf_of(&page);
        let r = app
            .client
            .post(app.url("/settings/privacy/export"))
            .form(&[("csrf", csrf.as_str()), ("email", "greta@privacy.example")])
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), StatusCode::OK);
        assert!(
            r.headers()["content-disposition"]
                .to_str()
                .unwrap()
                .contains("attachment")
        );
        let data: serde_json::Value = r.json().await.unwrap();
        assert_eq!(data["persons"][0]["name"], "Greta Grind");

        let (status, body, _) = app
            .post_form(
                &app.client,
                "/settings/privacy",
                "/settings/privacy/erase",
                &[("email", "greta@privacy.example")],
            )
            .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "not confirmed");
        assert!(body.contains("greta@privacy.example"), "the input is kept");
        assert!(
            !places_holding(&app.store, "Greta Grind")
                .await
                .unwrap()
                .is_empty(),
            "nothing erased"
        );
        let (status, body, _) = app
            .post_form(
                &app.client,
                "/settings/privacy",
                "/settings/privacy/erase",
                &[("email", "greta@privacy.example"), ("confirm", "1")],
            )
            .await;
        assert_eq!(status, StatusCode::OK);
        assert!(body.contains("Personer: 1"), "{body}");
        assert!(
            places_holding(&app.store, "Greta Grind")
                .await
                .unwrap()
                .is_empty()
        );
        assert!(
            places_holding(&app.store, "greta@privacy.example")
                .await
                .unwrap()
                .is_empty()
        );
    })
    .await;
}

#[tokio::test]
async fn a_tenants_own_ground_is_its_own() {
    on_each_backend(|app| async move {
        app.login_as_demo().await;
        let (status, body, _) = app
            .post_form(
                &app.client,
                "/settings/privacy",
                "/settings/privacy/grounds",
                &[("reference", "sekretess"), ("description", "Tillsyn")],
            )
            .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(body.contains("value=\"sekretess\""), "the input is kept");
        let (status, _, _) = app
            .post_form(
                &app.client,
                "/settings/privacy",
                "/settings/privacy/grounds",
                &[
                    ("reference", "OSL 30 kap. 23 §"),
                    ("description", "Tillsyn över näringslivet"),
                ],
            )
            .await;
        assert_eq!(status, StatusCode::SEE_OTHER);
        let withhold = [
            ("withhold", "on"),
            ("ground", "OSL 30 kap. 23 §"),
            ("decided_by", "Registrator"),
            ("decided_on", "2026-02-01"),
        ];
        let id = app.membership_id("stockholm", "c40").await;
        let page = format!("/memberships/{id}");
        let (status, _, _) = app
            .post_form(&app.client, &page, &format!("{page}/privacy"), &withhold)
            .await;
        assert_eq!(status, StatusCode::SEE_OTHER);
        let (_, public) = get_with(&app.new_browser(), &app.url("/public/stockholm")).await;
        assert!(public.contains("OSL 30 kap. 23 §"), "{public}");

        // Malmö has not added it, and cannot use it.
        let malmo = app
            .store
            .create_tenant("malmo", "Malmö stad")
            .await
            .unwrap();
        let theirs: Vec<String> = app
            .store
            .secrecy_grounds(malmo.id, oversyn_core::Lang::Sv)
            .await
            .unwrap()
            .into_iter()
            .map(|g| g.reference)
            .collect();
        assert!(!theirs.iter().any(|g| g == "OSL 30 kap. 23 §"));
        assert!(
            theirs.iter().any(|g| g == "OSL 15 kap. 1 §"),
            "the shipped ones are everyone's"
        );
        let e = oversyn_core::privacy::secrecy::WithholdInput {
            ground: "OSL 30 kap. 23 §".into(),
            decided_by: "Registrator".into(),
            decided_on: "2026-02-01".into(),
        }
        .parse(&theirs, Utc::now().date_naive())
        .unwrap_err();
        assert_eq!(e.get("ground"), Some("error-secrecy-unknown-ground"));
    })
    .await;
}

#[tokio::test]
async fn a_withheld_answer_leaves_results_and_reports_as_its_ground() {
    on_each_backend(|app| async move {
        app.login_as_demo().await;
        let demo = app.demo_review().await;
        let t = app.store.tenant_by_slug("stockholm").await.unwrap();
        let (id, _, text, _) = app
            .store
            .text_answers(t.id, demo.id)
            .await
            .unwrap()
            .into_iter()
            .find(|a| a.2.contains("Långa resor"))
            .expect("the demo's free-text answer");
        let results = format!("/reviews/{}/results", demo.id);
        let action = format!("/reviews/{}/answers/{id}/privacy", demo.id);
        let (status, body, _) = app
            .post_form(
                &app.client,
                &results,
                &action,
                &[("withhold", "on"), ("decided_by", "Registrator")],
            )
            .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(body.contains("value=\"Registrator\""), "the input is kept");
        let (status, _, _) = app
            .post_form(
                &app.client,
                &results,
                &action,
                &[
                    ("withhold", "on"),
                    ("ground", "OSL 21 kap. 7 §"),
                    ("decided_by", "Registrator"),
                    ("decided_on", "2026-01-10"),
                ],
            )
            .await;
        assert_eq!(status, StatusCode::SEE_OTHER);
        // A viewer reads the results as every report is made from them.
        let viewer = app
            .browser_as("stockholm", "viewer@stockholm.example", Role::Viewer)
            .await;
        let (_, page) = get_with(&viewer, &app.url(&results)).await;
        assert!(text.contains("Långa resor"));
        assert!(
            !page.contains("Långa resor"),
            "the text is gone from the results"
        );
        assert!(
            page.contains("Uppgiften är undantagen enligt OSL 21 kap. 7 §"),
            "{page}"
        );
        let rows = app.store.answer_rows(t.id, demo.id).await.unwrap();
        assert!(
            !rows
                .iter()
                .any(|r| format!("{:?}", r.answer).contains("Långa resor"))
        );
    })
    .await;
}
