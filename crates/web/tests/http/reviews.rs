//! Reviews end to end: creating a review, inviting respondents (in memory
//! and through a real SMTP server), answering from the link in the message,
//! progress, results over the API, reminders with their cap, anonymity as
//! stored, and a closed review.

use crate::helpers::*;
use chrono::{Days, Utc};
use oversyn_core::Role;
use oversyn_core::review::answers::Answer;
use oversyn_store::audit::Actor;
use oversyn_store::reviews::NewRespondent;
use oversyn_store::testing::ScratchDb;
use reqwest::StatusCode;

fn today() -> chrono::NaiveDate {
    Utc::now().date_naive()
}

/// The first personal link in a message body.
fn link_in(body: &str) -> String {
    body.split_whitespace()
        .find(|w| w.contains("/respond/"))
        .expect("a link in the message")
        .to_owned()
}

#[tokio::test]
async fn a_review_from_invitation_to_results() {
    on_each_backend(|app| async move {
        app.login_as_demo().await;
        let eu = app.membership_id("stockholm", "eurocities").await;
        let uclg = app.membership_id("stockholm", "uclg").await;
        let opens = (today() - Days::new(1)).to_string();
        let closes = (today() + Days::new(14)).to_string();
        let (status, body, _) = app
            .post_form(
                &app.client,
                "/reviews/new",
                "/reviews",
                &[
                    ("title", "Översyn 2026"),
                    ("opens_on", &opens),
                    ("closes_on", "2000-01-01"),
                    ("membership", &eu.to_string()),
                ],
            )
            .await;
        assert_eq!(
            status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "closing before opening is refused"
        );
        assert!(body.contains("value=\"Översyn 2026\""), "the title is kept");
        let (status, _, location) = app
            .post_form(
                &app.client,
                "/reviews/new",
                "/reviews",
                &[
                    ("title", "Översyn 2026"),
                    ("opens_on", &opens),
                    ("closes_on", &closes),
                    ("membership", &eu.to_string()),
                    ("membership", &uclg.to_string()),
                    ("min_group", "3"),
                    ("reminder_max", "2"),
                    ("reminder_days", "7"),
                    ("questions_from", "default"),
                ],
            )
            .await;
        assert_eq!(status, StatusCode::SEE_OTHER);
        let page = location.unwrap();
        let id: i64 = page.rsplit('/').next().unwrap().parse().unwrap();
        let add = format!("{page}/respondents");
        let (status, _, _) = app
            .post_form(
                &app.client,
                &page,
                &add,
                &[
                    ("name", "Anna Berg"),
                    ("email", "anna@stockholm.example"),
                    ("membership", &eu.to_string()),
                    ("membership", &uclg.to_string()),
                ],
            )
            .await;
        assert_eq!(status, StatusCode::SEE_OTHER);
        let (status, body, _) = app
            .post_form(
                &app.client,
                &page,
                &add,
                &[
                    ("name", "Bo"),
                    ("email", "not an address"),
                    ("membership", &eu.to_string()),
                ],
            )
            .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(body.contains("e-postadress"));
        let (status, _, location) = app
            .post_form(&app.client, &page, &format!("{page}/invite"), &[])
            .await;
        assert_eq!(status, StatusCode::SEE_OTHER);
        assert!(location.unwrap().contains("sent=1"));

        let message = app
            .outbox
            .lock()
            .unwrap()
            .iter()
            .find(|m| m.to == "anna@stockholm.example")
            .cloned()
            .expect("invitation sent");
        let link = link_in(&message.body);
        assert!(link.starts_with(&app.base));
        let respondent = app.new_browser();
        let (status, form) = get_with(&respondent, &link).await;
        assert_eq!(status, StatusCode::OK);
        assert!(
            form.contains("<fieldset class=\"scale\""),
            "scales are fieldsets"
        );
        assert!(form.contains("<legend>"), "with a legend");
        assert!(
            form.contains("EUROCITIES") && form.contains("United Cities"),
            "one visit covers both memberships"
        );

        let questions = app.store.questions(id).await.unwrap();
        let (q1, q2) = (questions[0].id, questions[1].id);
        let text_q = questions
            .iter()
            .find(|q| q.kind == oversyn_core::review::questionnaire::QuestionKind::Text)
            .unwrap()
            .id;
        let f = |m: i64, q: i64| format!("a_{m}_{q}");
        let long = "x".repeat(5000);
        let r = respondent
            .post(&link)
            .form(&[
                (f(eu, q1).as_str(), "4"),
                (f(eu, q2).as_str(), "7"),
                (f(uclg, q1).as_str(), "dk"),
                (f(uclg, text_q).as_str(), long.as_str()),
                ("action", "save"),
            ])
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let body = r.text().await.unwrap();
        assert!(
            body.contains("Välj ett värde från 1 till 5"),
            "the bad value is named"
        );
        assert!(body.contains("Texten är för lång"));
        assert!(
            body.contains(&format!(
                "id=\"{}_4\" name=\"{}\" value=\"4\" checked",
                f(eu, q1),
                f(eu, q1)
            )),
            "the good answer is kept"
        );
        let r = respondent
            .post(&link)
            .form(&[(f(eu, q2).as_str(), "5"), ("action", "submit")])
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), StatusCode::OK);
        assert!(r.text().await.unwrap().contains("Tack!"));
        let r = respondent
            .post(&link)
            .form(&[("action", "submit")])
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), StatusCode::OK, "a second submit is harmless");
        let t = app.store.tenant_by_slug("stockholm").await.unwrap();
        let rows = app.store.answer_rows(t.id, id).await.unwrap();
        assert_eq!(
            rows.len(),
            3,
            "q1 and q2 for EUROCITIES, don't know for UCLG"
        );
        assert!(rows.iter().any(|r| r.answer == Answer::DontKnow));

        let (_, progress) = app.get(&page).await;
        assert!(progress.contains("Anna Berg"));
        assert!(progress.contains("50 %") || progress.contains("100 %"));

        let token = app
            .token_for("stockholm", "reader@stockholm.example", Role::Viewer)
            .await;
        let (_, list) = app.api_get("/api/v1/reviews", &token).await;
        let listed = list["data"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["id"] == id)
            .unwrap()
            .clone();
        assert_eq!(listed["responses"]["answered"], 1);
        assert_eq!(listed["memberships"].as_array().unwrap().len(), 2);
        let (status, results) = app
            .api_get(&format!("/api/v1/reviews/{id}/results"), &token)
            .await;
        assert_eq!(status, StatusCode::OK);
        let cell = results["results"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["organisation"]["slug"] == "eurocities" && c["criterion"] == "positioning")
            .unwrap()
            .clone();
        assert_eq!(cell["suppressed"], true, "one respondent is below k = 3");
        assert_eq!(cell["n"], 2);
        let (status, _) = get_with(&app.new_browser(), &app.url("/respond/not-a-real-token")).await;
        assert_eq!(status, StatusCode::NOT_FOUND);
    })
    .await;
}

#[tokio::test]
async fn demo_results_show_the_2011_findings() {
    on_each_backend(|app| async move {
        let token = app
            .token_for("stockholm", "reader@stockholm.example", Role::Viewer)
            .await;
        let (_, list) = app.api_get("/api/v1/reviews", &token).await;
        let demo = list["data"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["illustrative"] == true)
            .unwrap()
            .clone();
        let (_, results) = app
            .api_get(&format!("/api/v1/reviews/{}/results", demo["id"]), &token)
            .await;
        let median = |slug: &str| {
            results["results"]
                .as_array()
                .unwrap()
                .iter()
                .find(|c| c["organisation"]["slug"] == slug && c["criterion"] == "influence")
                .unwrap()["median"]
                .as_f64()
                .unwrap()
        };
        assert!(median("eurocities") >= 4.0);
        assert!(median("metropolis") <= 2.0 && median("uclg") <= 2.0);
        let c = results["results"].as_array().unwrap()[0].clone();
        for field in ["median_ci", "share_agree_ci", "rwg", "dont_know"] {
            assert!(c.get(field).is_some(), "{field}");
        }
        app.login_as_demo().await;
        let (status, page) = app.get(&format!("/reviews/{}/results", demo["id"])).await;
        assert_eq!(status, StatusCode::OK);
        assert!(page.contains("<svg class=\"bar\""));
        assert!(page.contains("Långa resor"), "free text is listed");
    })
    .await;
}

#[tokio::test]
async fn reminders_stop_at_the_cap_and_skip_those_who_answered() {
    on_each_backend(|app| async move {
        let (actor, id, ids) = open_review(&app, &["eurocities"], false).await;
        for (name, email) in [
            ("Cecilia", "cecilia@stockholm.example"),
            ("David", "david@stockholm.example"),
        ] {
            let who = NewRespondent {
                person_id: None,
                name: name.into(),
                email: Some(email.into()),
                lang: "en".into(),
                memberships: ids.clone(),
            };
            app.store.add_respondent(&actor, id, &who).await.unwrap();
        }
        app.login_as_demo().await;
        let page = format!("/reviews/{id}");
        app.post_form(&app.client, &page, &format!("{page}/invite"), &[])
            .await;
        let link = link_in(
            &app.outbox
                .lock()
                .unwrap()
                .iter()
                .find(|m| m.to.starts_with("david"))
                .unwrap()
                .body
                .clone(),
        );
        let r = app
            .new_browser()
            .post(&link)
            .form(&[("action", "submit")])
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), StatusCode::OK);
        for _ in 0..3 {
            app.post_form(&app.client, &page, &format!("{page}/remind"), &[])
                .await;
        }
        let sent = app.outbox.lock().unwrap().clone();
        let to_cecilia: Vec<_> = sent
            .iter()
            .filter(|m| m.to.starts_with("cecilia"))
            .collect();
        assert_eq!(to_cecilia.len(), 3, "one invitation and two reminders");
        assert!(
            to_cecilia[1].subject.starts_with("Reminder"),
            "in the respondent's language"
        );
        assert_eq!(
            sent.iter().filter(|m| m.to.starts_with("david")).count(),
            1,
            "no reminder after answering"
        );
        // The schedule respects the interval: nothing is due right after a reminder.
        let state_sent = app.store.respondents(actor.tenant_id, id).await.unwrap();
        assert_eq!(
            state_sent
                .iter()
                .find(|r| r.name == "Cecilia")
                .unwrap()
                .reminders_sent,
            2
        );
    })
    .await;
}

#[tokio::test]
async fn anonymous_answers_are_not_linked_to_people() {
    on_each_backend(|app| async move {
        let (actor, id, ids) = open_review(&app, &["uclg"], true).await;
        let who = NewRespondent {
            person_id: None,
            name: "Eva".into(),
            email: None,
            lang: "sv".into(),
            memberships: ids.clone(),
        };
        let r = app.store.add_respondent(&actor, id, &who).await.unwrap();
        let token = app.store.issue_link(actor.tenant_id, r.id).await.unwrap();
        let ctx = app.store.open_link(&token).await.unwrap().unwrap();
        let q = app.store.questions(id).await.unwrap()[0].id;
        app.store
            .save_answers(&ctx, today(), &[(ids[0], q, Some(Answer::Scale(2)))])
            .await
            .unwrap();
        app.store.submit_ballot(&ctx, today()).await.unwrap();
        let linked = app
            .store
            .count(&format!(
                "SELECT COUNT(*) FROM answers WHERE review_id = {id} AND respondent_id IS NOT NULL"
            ))
            .await
            .unwrap();
        assert_eq!(linked, 0, "no respondent on any answer");
        let ballots_naming = app
            .store
            .count(&format!(
                "SELECT COUNT(*) FROM answers WHERE review_id = {id} AND (ballot = 'r{}' OR ballot NOT LIKE 'a%')",
                r.id
            ))
            .await
            .unwrap();
        assert_eq!(ballots_naming, 0, "ballots are opaque hashes, not respondent ids");
        let tracked = app.store.respondent(actor.tenant_id, r.id).await.unwrap();
        assert!(tracked.submitted_at.is_some(), "completion is tracked");
        // A second link cannot submit a second ballot for the same person.
        let second = app.store.issue_link(actor.tenant_id, r.id).await.unwrap();
        let ctx2 = app.store.open_link(&second).await.unwrap().unwrap();
        assert!(app.store.submit_ballot(&ctx2, today()).await.is_err());
        assert_eq!(
            app.store
                .answer_rows(actor.tenant_id, id)
                .await
                .unwrap()
                .len(),
            1
        );
        // Another tenant's admin cannot see the review.
        app.store
            .create_tenant("malmo", "Malmö stad")
            .await
            .unwrap();
        let token = app.token_for("malmo", "a@malmo.example", Role::Admin).await;
        let (status, _) = app
            .api_get(&format!("/api/v1/reviews/{id}/results"), &token)
            .await;
        assert_eq!(status, StatusCode::NOT_FOUND);
    })
    .await;
}

#[tokio::test]
async fn a_closed_review_refuses_answers() {
    on_each_backend(|app| async move {
        let t = app.store.tenant_by_slug("stockholm").await.unwrap();
        let actor = Actor {
            tenant_id: t.id,
            user_id: None,
            label: "test".into(),
        };
        let demo = app.demo_review().await;
        let respondent = app.store.respondents(t.id, demo.id).await.unwrap()[0].clone();
        let token = app
            .store
            .issue_link(actor.tenant_id, respondent.id)
            .await
            .unwrap();
        let link = app.url(&format!("/respond/{token}"));
        let (status, page) = get_with(&app.new_browser(), &link).await;
        assert_eq!(status, StatusCode::OK);
        assert!(page.contains("Sista dagen för svar har passerat"));
        let r = app
            .new_browser()
            .post(&link)
            .form(&[("action", "submit")])
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), StatusCode::GONE);
    })
    .await;
}

#[tokio::test]
async fn invitations_go_through_a_real_smtp_server() {
    let Some(server) = SmtpServer::start().await else {
        return;
    };
    let smtp = SmtpServer::mailer_on;
    let port = server.port;
    let unused = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
    let app = TestApp::spawn_with(ScratchDb::sqlite(), smtp(port), unused.clone()).await;
    let (actor, id, ids) = open_review(&app, &["eurocities"], false).await;
    let who = NewRespondent {
        person_id: None,
        name: "Fia".into(),
        email: Some("fia@stockholm.example".into()),
        lang: "sv".into(),
        memberships: ids,
    };
    app.store.add_respondent(&actor, id, &who).await.unwrap();
    app.login_as_demo().await;
    let page = format!("/reviews/{id}");
    let (_, _, location) = app
        .post_form(&app.client, &page, &format!("{page}/invite"), &[])
        .await;
    assert!(location.unwrap().contains("sent=1"));
    let received = server.wait_for("/respond/").await;
    drop(server);
    assert!(
        received.contains("fia@stockholm.example"),
        "the SMTP server got the message: {received}"
    );
    let text = received.replace("=\n", "");
    // The message names the city and the reviewed membership's organisation.
    assert!(
        text.contains("Stockholms stad") && text.contains("EUROCITIES"),
        "{text}"
    );
    let link = link_in(&text);
    let (status, form) = get_with(&app.new_browser(), &link).await;
    assert_eq!(
        status,
        StatusCode::OK,
        "the link from the received message opens the form"
    );
    assert!(form.contains("Fia"));

    // A server that does not answer: the failure is recorded and shown, not lost.
    let broken = TestApp::spawn_with(ScratchDb::sqlite(), smtp(free_port()), unused).await;
    let (actor, id, ids) = open_review(&broken, &["eurocities"], false).await;
    let who = NewRespondent {
        person_id: None,
        name: "Gun".into(),
        email: Some("gun@stockholm.example".into()),
        lang: "sv".into(),
        memberships: ids,
    };
    broken.store.add_respondent(&actor, id, &who).await.unwrap();
    broken.login_as_demo().await;
    let page = format!("/reviews/{id}");
    let (_, _, location) = broken
        .post_form(&broken.client, &page, &format!("{page}/invite"), &[])
        .await;
    assert!(location.unwrap().contains("failed=1"));
    let (_, body) = broken.get(&page).await;
    assert!(body.contains("kunde inte levereras"));
    let messages = broken.store.messages(actor.tenant_id, id).await.unwrap();
    assert_eq!(messages[0].status, "failed");
    assert!(messages[0].error.is_some());

    // The refused invitation waits for its next attempt, on the admin's list.
    let (status, jobs) = broken.get("/admin/jobs").await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        jobs.contains("Inbjudan") && jobs.contains("Väntar"),
        "{jobs}"
    );
    assert!(jobs.contains("1 / 6"), "one attempt of six: {jobs}");
    let job = broken.store.open_jobs(actor.tenant_id, 10).await.unwrap()[0].clone();
    // Given up at last: the admin sees it and can queue it again.
    let later = chrono::Utc::now() + chrono::Duration::days(1);
    broken
        .store
        .claim_jobs("test", later, oversyn_core::jobs::LEASE, 1, Some(&[job.id]))
        .await
        .unwrap();
    broken
        .store
        .fail_job(
            job.id,
            "test",
            "550 mailbox unavailable",
            oversyn_core::jobs::AfterFailure::GiveUp,
        )
        .await
        .unwrap();
    let (_, jobs) = broken.get("/admin/jobs").await;
    assert!(
        jobs.contains("Gav upp") && jobs.contains("550 mailbox unavailable"),
        "{jobs}"
    );
    let (status, _, location) = broken
        .post_form(
            &broken.client,
            "/admin/jobs",
            &format!("/admin/jobs/{}/retry", job.id),
            &[],
        )
        .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert_eq!(location.as_deref(), Some("/admin/jobs"));
    // Tried again at once (the server still does not answer): waiting again.
    let again = broken.store.job(actor.tenant_id, job.id).await.unwrap();
    assert_eq!(again.status, oversyn_core::jobs::JobStatus::Queued);
    assert_eq!(again.attempts, 1);
    let (_, jobs) = broken.get("/admin/jobs").await;
    assert!(
        jobs.contains("Väntar") && !jobs.contains("Gav upp"),
        "the kept list follows the queue: {jobs}"
    );
    assert_eq!(
        broken
            .store
            .messages(actor.tenant_id, id)
            .await
            .unwrap()
            .len(),
        2
    );
}

#[tokio::test]
async fn the_questionnaire_can_be_extended_but_answered_questions_stay() {
    on_each_backend(|app| async move {
        let (_, id, _) = open_review(&app, &["c40"], false).await;
        app.login_as_demo().await;
        let page = format!("/reviews/{id}/questions");
        let (status, body, _) = app
            .post_form(
                &app.client,
                &page,
                &page,
                &[
                    ("criterion", "influence"),
                    ("kind", "scale"),
                    ("text_sv", ""),
                    ("text_en", "Can we lead a network?"),
                ],
            )
            .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(
            body.contains("Can we lead a network?"),
            "the English text is kept"
        );
        let (status, _, _) = app
            .post_form(
                &app.client,
                &page,
                &page,
                &[
                    ("criterion", "influence"),
                    ("kind", "scale"),
                    ("text_sv", "Kan vi leda ett nätverk?"),
                    ("text_en", "Can we lead a network?"),
                ],
            )
            .await;
        assert_eq!(status, StatusCode::SEE_OTHER);
        let (_, body) = app.get(&page).await;
        assert!(body.contains("Kan vi leda ett nätverk?"));
        let demo = app.demo_review().await;
        let answered = app.store.questions(demo.id).await.unwrap()[0].id;
        let demo_page = format!("/reviews/{}/questions", demo.id);
        let (status, body, _) = app
            .post_form(
                &app.client,
                &demo_page,
                &format!("/reviews/{}/questions/{answered}/delete", demo.id),
                &[],
            )
            .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(body.contains("redan svar"));
        assert!(
            app.store
                .questions(demo.id)
                .await
                .unwrap()
                .iter()
                .any(|q| q.id == answered)
        );
    })
    .await;
}

#[tokio::test]
async fn a_strategy_change_is_a_new_version_and_reviews_keep_theirs() {
    on_each_backend(|app| async move {
        app.login_as_demo().await;
        let t = app.store.tenant_by_slug("stockholm").await.unwrap();
        let actor = Actor {
            tenant_id: t.id,
            user_id: None,
            label: "test".into(),
        };
        let before = app.store.current_strategy(&actor).await.unwrap();
        let names = [
            ("Positionering", "Positioning"),
            ("Verksamhetsutveckling", "Operational development"),
            ("Bevakning", "Monitoring"),
            ("Påverkan", "Influence"),
        ];
        let mut fields: Vec<(String, String)> = vec![
            ("method".into(), "swing".into()),
            ("goals".into(), "Vision 2030".into()),
        ];
        for (i, (sv, en)) in names.iter().enumerate() {
            fields.push((format!("name_sv_{i}"), sv.to_string()));
            fields.push((format!("name_en_{i}"), en.to_string()));
            fields.push((
                format!("low_{i}"),
                if i == 0 { "3".into() } else { "1".into() },
            ));
            fields.push((
                format!("high_{i}"),
                if i == 0 { "2".into() } else { "1".into() },
            ));
        }
        let as_refs = |f: &Vec<(String, String)>| {
            f.iter()
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect::<Vec<_>>()
        };
        let pairs = as_refs(&fields);
        let refs: Vec<(&str, &str)> = pairs
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .collect();
        let (status, body, _) = app
            .post_form(&app.client, "/strategy", "/strategy", &refs)
            .await;
        assert_eq!(
            status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "low above high is refused"
        );
        assert!(body.contains("lägsta inte är större"));
        assert_eq!(
            app.store.current_strategy(&actor).await.unwrap().version,
            before.version
        );
        fields[0].1 = "ranking".into();
        for (i, r) in ["2", "1", "4", "3"].iter().enumerate() {
            fields.push((format!("rank_{i}"), r.to_string()));
        }
        let pairs = as_refs(&fields);
        let refs: Vec<(&str, &str)> = pairs
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .collect();
        let (status, _, _) = app
            .post_form(&app.client, "/strategy", "/strategy", &refs)
            .await;
        assert_eq!(status, StatusCode::SEE_OTHER);
        let after = app.store.current_strategy(&actor).await.unwrap();
        assert_eq!(after.version, before.version + 1);
        let w = after.strategy.point_weights().unwrap();
        assert!(
            (w[1] - 0.5208).abs() < 1e-3,
            "rank 1 gets the rank-order-centroid weight"
        );
        let demo = app.demo_review().await;
        assert_eq!(
            demo.strategy_id, before.id,
            "the review keeps the version it ran with"
        );
    })
    .await;
}

#[tokio::test]
async fn the_analysis_recommends_what_stockholm_decided() {
    on_each_backend(|app| async move {
        let token = app
            .token_for("stockholm", "reader@stockholm.example", Role::Viewer)
            .await;
        let demo = app.demo_review().await;
        let (status, doc) = app
            .api_get(&format!("/api/v1/reviews/{}/analysis", demo.id), &token)
            .await;
        assert_eq!(status, StatusCode::OK);
        let of = |org: &str| {
            doc["memberships"]
                .as_array()
                .unwrap()
                .iter()
                .find(|m| {
                    m["organisation"]
                        .as_str()
                        .unwrap()
                        .eq_ignore_ascii_case(org)
                })
                .unwrap()
                .clone()
        };
        assert!(
            ["deepen", "continue"].contains(&of("EUROCITIES")["recommendation"].as_str().unwrap())
        );
        assert!(["deepen", "continue"].contains(&of("C40")["recommendation"].as_str().unwrap()));
        assert_eq!(of("Metropolis")["recommendation"], "terminate");
        let uclg = of("UCLG");
        assert_eq!(uclg["recommendation"], "terminate");
        assert!(
            uclg["flags"]
                .as_array()
                .unwrap()
                .iter()
                .any(|f| f == "represented_indirectly")
        );
        assert!(
            uclg["reasons"]
                .as_array()
                .unwrap()
                .iter()
                // SKR by its 2011 name.
                .any(|r| r.as_str().unwrap().contains("SKL"))
        );
        for m in doc["memberships"].as_array().unwrap() {
            let total: f64 = m["probabilities"]
                .as_object()
                .unwrap()
                .values()
                .map(|v| v.as_f64().unwrap())
                .sum();
            assert!((total - 1.0).abs() < 1e-6);
        }
        // A membership nobody has answered about gets no score.
        let (_, id, _) = open_review(&app, &["c40"], false).await;
        let (_, empty) = app
            .api_get(&format!("/api/v1/reviews/{id}/analysis"), &token)
            .await;
        assert_eq!(
            empty["memberships"][0]["recommendation"],
            "insufficient_evidence"
        );
        assert!(empty["memberships"][0]["benefit_index"].is_null());
        app.login_as_demo().await;
        let (status, page) = app.get(&format!("/reviews/{}/analysis", demo.id)).await;
        assert_eq!(status, StatusCode::OK);
        assert!(page.contains("Avsluta") && page.contains("företrädd"));
    })
    .await;
}

/// The inline SVG charts of a page, each parsed as XML on its own.
fn svgs(page: &str) -> Vec<String> {
    page.match_indices("<svg")
        .filter_map(|(i, _)| {
            page[i..]
                .find("</svg>")
                .map(|j| page[i..i + j + 6].to_owned())
        })
        .collect()
}

#[tokio::test]
async fn the_analysis_page_shows_the_charts_with_their_tables() {
    on_each_backend(|app| async move {
        app.login_as_demo().await;
        let demo = app.demo_review().await;
        let (status, page) = app.get(&format!("/reviews/{}/analysis", demo.id)).await;
        assert_eq!(status, StatusCode::OK);
        // Benefit and cost, probabilities, contributions; answers for each
        // of the four criteria; the sensitivity to each criterion's weight
        // on a page of its own, linked with its counts in words.
        let mut charts = svgs(&page);
        assert_eq!(charts.len(), 3 + 4, "{} charts", charts.len());
        assert!(
            page.contains("Ändrade rekommendationer:"),
            "the links say what the sensitivity pages show"
        );
        let mut figures = page.matches("<figure class=\"chart\"").count();
        let mut tables = page.matches("<details><summary>").count();
        for n in 1..=4 {
            let href = format!("/reviews/{}/analysis/sensitivity/{n}", demo.id);
            assert!(
                page.contains(&format!("href=\"{href}\"")),
                "{href} not linked"
            );
            let (status, sensitivity) = app.get(&href).await;
            assert_eq!(status, StatusCode::OK, "{href}");
            let one = svgs(&sensitivity);
            assert_eq!(one.len(), 1, "{href}");
            figures += sensitivity.matches("<figure class=\"chart\"").count();
            tables += sensitivity.matches("<details><summary>").count();
            assert!(!sensitivity.contains(" style="), "no inline styles");
            charts.extend(one);
        }
        for n in [0, 5] {
            let (status, _) = app
                .get(&format!("/reviews/{}/analysis/sensitivity/{n}", demo.id))
                .await;
            assert_eq!(status, StatusCode::NOT_FOUND, "criterion {n}");
        }
        let (_, last) = app
            .get(&format!("/reviews/{}/analysis/sensitivity/4", demo.id))
            .await;
        assert!(
            last.contains("<h1>Känslighet för vikten på påverkan</h1>"),
            "the chart's title is the heading, short enough for a phone"
        );
        let mut texts = Vec::new();
        for svg in &charts {
            let doc = roxmltree::Document::parse(svg)
                .unwrap_or_else(|e| panic!("invalid SVG: {e}\n{svg}"));
            let root = doc.root_element();
            assert_eq!(root.attribute("role"), Some("img"));
            let title = doc.descendants().find(|n| n.has_tag_name("title"));
            let desc = doc.descendants().find(|n| n.has_tag_name("desc"));
            assert!(
                title.is_some() && desc.is_some(),
                "accessible name and description"
            );
            texts.extend(
                doc.descendants()
                    .filter(|n| n.has_tag_name("text"))
                    .filter_map(|n| n.text().map(|t| t.trim().to_owned())),
            );
        }
        // Metropolis and UCLG have the same benefit and cost: one label.
        assert!(texts.iter().any(|t| t == "Metropolis, UCLG"), "{texts:?}");
        for label in [
            "EUROCITIES",
            "C40",
            "Avsluta",
            "Fördjupa",
            "Påverkan",
            "Nyttoindex",
        ] {
            assert!(texts.iter().any(|t| t.contains(label)), "{label} missing");
        }
        // Every chart has its numbers as a table and a caption.
        assert_eq!(figures, charts.len());
        assert_eq!(tables, charts.len());
        assert!(
            page.contains("Svar om Påverkan") && page.contains("Känslighet för vikten på påverkan")
        );
        // Nothing the content security policy would block.
        assert!(!page.contains(" style="), "no inline styles");
        // In English the charts speak English.
        let (_, en) = app
            .get(&format!("/reviews/{}/analysis?lang=en", demo.id))
            .await;
        assert!(en.contains("Answers on Influence") && en.contains("Terminate"));
        let (_, en) = app
            .get(&format!(
                "/reviews/{}/analysis/sensitivity/4?lang=en",
                demo.id
            ))
            .await;
        assert!(
            en.contains("Sensitivity to the weight of influence"),
            "{en}"
        );
        // A review nobody has answered yet: empty charts, not an error.
        let (_, id, _) = open_review(&app, &["c40"], false).await;
        let (status, page) = app.get(&format!("/reviews/{id}/analysis?lang=sv")).await;
        assert_eq!(status, StatusCode::OK);
        for svg in svgs(&page) {
            roxmltree::Document::parse(&svg).unwrap();
        }
        assert!(page.contains("för få svar för att visas") && page.contains("inget nyttoindex"));
    })
    .await;
}

#[tokio::test]
async fn the_report_downloads_as_pdf_and_docx() {
    use std::io::Read;
    let app = TestApp::spawn(ScratchDb::sqlite()).await;
    app.login_as_demo().await;
    let t = app.store.tenant_by_slug("stockholm").await.unwrap();
    let demo = app
        .store
        .reviews(t.id)
        .await
        .unwrap()
        .into_iter()
        .find(|r| r.illustrative)
        .unwrap();
    let r = app
        .client
        .get(app.url(&format!("/reviews/{}/report?format=pdf", demo.id)))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    assert_eq!(r.headers()["content-type"], "application/pdf");
    let pdf = r.bytes().await.unwrap();
    assert!(pdf.starts_with(b"%PDF"));
    match pdf_text(&pdf) {
        Some((text, pages)) => {
            assert!(pages >= 4, "{pages} pages");
            for section in [
                "engagemanget",
                "Sammanfattning",
                "Metod",
                "EUROCITIES",
                "Metropolis",
                "United Cities",
                "C40",
                "Bilaga: känslighet",
                "Källor",
            ] {
                assert!(text.contains(section), "{section} missing from the PDF");
            }
            assert!(text.contains("företrädd genom SKL"));
            // The charts are embedded with their captions and tables.
            for caption in [
                "Nytta och kostnad per medlemskap",
                "Sannolikhet för varje rekommendation (SMAA)",
                "Kriteriernas bidrag till nyttoindex",
                "Svar om Påverkan",
                "Känslighet för vikten på påverkan",
            ] {
                assert!(text.contains(caption), "{caption} missing from the PDF");
            }
            // A soft hyphen in the text layer breaks searching the PDF.
            assert!(!text.contains('\u{ad}'), "soft hyphens in the PDF's text");
        }
        None => eprintln!(
            "PDF text check SKIPPED: pdftotext/pdfinfo missing (apt-get install poppler-utils; scripts/test installs it)"
        ),
    }
    let r = app
        .client
        .get(app.url(&format!("/reviews/{}/report?format=docx&lang=en", demo.id)))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    let bytes = r.bytes().await.unwrap();
    let mut zip =
        zip::ZipArchive::new(std::io::Cursor::new(bytes.to_vec())).expect("a DOCX is a zip");
    let mut xml = String::new();
    zip.by_name("word/document.xml")
        .unwrap()
        .read_to_string(&mut xml)
        .unwrap();
    assert!(xml.contains("Report on the engagement"));
    assert!(xml.contains("Metropolis") && xml.contains("w:pStyle"));
    assert!(xml.contains("Terminate"));
    // The charts are PNG images in word/media that the document refers to.
    let media: Vec<String> = zip
        .file_names()
        .filter(|n| n.starts_with("word/media/") && n.ends_with(".png"))
        .map(String::from)
        .collect();
    assert!(!media.is_empty());
    let mut rels = String::new();
    zip.by_name("word/_rels/document.xml.rels")
        .unwrap()
        .read_to_string(&mut rels)
        .unwrap();
    let embeds: Vec<String> = roxmltree::Document::parse(&xml)
        .unwrap()
        .descendants()
        .filter(|n| n.tag_name().name() == "blip")
        .filter_map(|n| {
            n.attributes()
                .find(|a| a.name() == "embed")
                .map(|a| a.value().to_owned())
        })
        .collect();
    assert_eq!(embeds.len(), 11, "one picture per chart");
    let rels = roxmltree::Document::parse(&rels).unwrap();
    for id in &embeds {
        let target = rels
            .descendants()
            .find(|n| n.attribute("Id") == Some(id.as_str()))
            .and_then(|n| n.attribute("Target"))
            .unwrap();
        assert!(media.contains(&format!("word/{target}")), "{target}");
        let mut png = Vec::new();
        zip.by_name(&format!("word/{target}"))
            .unwrap()
            .read_to_end(&mut png)
            .unwrap();
        assert!(png.starts_with(b"\x89PNG\r\n\x1a\n"));
    }
    assert!(xml.contains("Probability of each recommendation (SMAA)"));
    let other = app
        .browser_as("stockholm", "v@stockholm.example", Role::Viewer)
        .await;
    let (status, _) = get_with(&other, &app.url("/reviews/999999/report?format=pdf")).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn a_respondent_can_be_removed_until_they_open_the_link() {
    on_each_backend(|app| async move {
        let (actor, id, ids) = open_review(&app, &["c40"], false).await;
        let add = |name: &str| NewRespondent {
            person_id: None,
            name: name.into(),
            email: None,
            lang: "sv".into(),
            memberships: ids.clone(),
        };
        let keep = app
            .store
            .add_respondent(&actor, id, &add("Opened"))
            .await
            .unwrap();
        let gone = app
            .store
            .add_respondent(&actor, id, &add("Mistake"))
            .await
            .unwrap();
        let token = app
            .store
            .issue_link(actor.tenant_id, keep.id)
            .await
            .unwrap();
        app.store.open_link(&token).await.unwrap();
        app.login_as_demo().await;
        let page = format!("/reviews/{id}");
        let (status, _, _) = app
            .post_form(
                &app.client,
                &page,
                &format!("{page}/respondents/{}/delete", gone.id),
                &[],
            )
            .await;
        assert_eq!(status, StatusCode::SEE_OTHER);
        let (status, body, _) = app
            .post_form(
                &app.client,
                &page,
                &format!("{page}/respondents/{}/delete", keep.id),
                &[],
            )
            .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(body.contains("redan öppnat"));
        let names: Vec<String> = app
            .store
            .respondents(actor.tenant_id, id)
            .await
            .unwrap()
            .into_iter()
            .map(|r| r.name)
            .collect();
        assert_eq!(names, vec!["Opened".to_string()]);
    })
    .await;
}

/// The analysis and results pages keep their content per state of the
/// tenant's data, role and language: each user must still get their own
/// CSRF token in its forms, and a viewer none of a writer's controls.
#[tokio::test]
async fn kept_review_pages_carry_each_users_own_token_and_role() {
    on_each_backend(|app| async move {
        app.cache.remember_no_pages();
        app.login_as_demo().await;
        let demo = app.demo_review().await;
        let results = format!("/reviews/{}/results", demo.id);
        let analysis = format!("/reviews/{}/analysis", demo.id);
        let tokens = |page: &str| -> Vec<String> {
            page.split("name=\"csrf\" value=\"")
                .skip(1)
                .filter_map(|rest| rest.split('"').next().map(str::to_owned))
                .collect()
        };
        let (status, first) = app.get(&results).await;
        assert_eq!(status, StatusCode::OK);
        let editor = app
            .browser_as("stockholm", "editor@stockholm.example", Role::Editor)
            .await;
        let (_, second) = get_with(&editor, &app.url(&results)).await;
        let (mine, theirs) = (tokens(&first), tokens(&second));
        assert!(mine.len() > 2 && theirs.len() > 2, "the answers' forms");
        assert!(mine.iter().all(|t| *t == mine[0]), "{mine:?}");
        assert!(theirs.iter().all(|t| *t == theirs[0]), "{theirs:?}");
        assert_ne!(mine[0], theirs[0], "each session has its own token");
        assert!(!second.contains(&mine[0]));
        for page in [&first, &second] {
            assert!(!page.contains("csrf-slot"), "no placeholder is left");
        }
        // A viewer after the writers: the content kept for them is not hers.
        let viewer = app
            .browser_as("stockholm", "viewer@stockholm.example", Role::Viewer)
            .await;
        let (_, read) = get_with(&viewer, &app.url(&results)).await;
        assert!(!read.contains("name=\"withhold\""), "no secrecy forms");
        assert_eq!(tokens(&read).len(), 1, "only the logout form");
        let (_, writer_analysis) = app.get(&analysis).await;
        let (_, viewer_analysis) = get_with(&viewer, &app.url(&analysis)).await;
        assert!(writer_analysis.contains("/override\""));
        assert!(!viewer_analysis.contains("/override\""));
        assert!(writer_analysis.contains(oversyn_core::demo::DEMO_EMAIL));
        assert!(!viewer_analysis.contains(oversyn_core::demo::DEMO_EMAIL));
        // A write shows at once to whoever had the content kept.
        let t = app.store.tenant_by_slug("stockholm").await.unwrap();
        let actor = Actor {
            tenant_id: t.id,
            user_id: None,
            label: "test".into(),
        };
        let (answer, _, text, _) = app
            .store
            .text_answers(t.id, demo.id)
            .await
            .unwrap()
            .into_iter()
            .next()
            .expect("a free-text answer");
        assert!(read.contains(&text));
        let w = oversyn_core::privacy::secrecy::Withholding {
            ground: "OSL 21 kap. 7 §".into(),
            decided_by: "Registrator".into(),
            decided_on: today(),
        };
        app.store
            .withhold(&actor, "answer", answer, &w)
            .await
            .unwrap();
        let (_, read) = get_with(&viewer, &app.url(&results)).await;
        assert!(!read.contains(&text), "the withheld answer is gone");
        let membership = app.store.review_memberships(demo.id).await.unwrap()[0];
        app.store
            .record_override(
                &actor,
                demo.id,
                membership,
                Some(oversyn_core::analysis::Category::Terminate),
                oversyn_core::analysis::Category::Continue,
                "Omprövat efter kept-content-provet",
            )
            .await
            .unwrap();
        let (_, page) = get_with(&viewer, &app.url(&analysis)).await;
        assert!(page.contains("kept-content-provet"), "the override shows");
    })
    .await;
}
