//! The respondent's form decoder behind the real handler: a post that is
//! not UTF-8 is refused whole with a page (not a 500) and changes nothing,
//! and a field sent many times counts once with its last value.

use crate::helpers::*;
use chrono::{Days, Utc};
use oversyn_core::review::answers::Answer;
use oversyn_core::review::questionnaire::{QuestionKind, default_questionnaire};
use oversyn_store::audit::Actor;
use oversyn_store::reviews::{NewRespondent, NewReview};
use reqwest::StatusCode;

/// A link to an open review over EUROCITIES; the membership and the first
/// scale and text questions.
async fn a_link(app: &TestApp) -> (String, i64, i64, i64) {
    let t = app.store.tenant_by_slug("stockholm").await.unwrap();
    let actor = Actor {
        tenant_id: t.id,
        user_id: None,
        label: "test".into(),
    };
    let m = app.membership_id("stockholm", "eurocities").await;
    let strategy = app.store.current_strategy(&actor).await.unwrap();
    let today = Utc::now().date_naive();
    let review = app
        .store
        .create_review(
            &actor,
            strategy.id,
            &NewReview {
                title: "Formtest".into(),
                opens_on: today - Days::new(1),
                closes_on: today + Days::new(5),
                anonymous: false,
                min_group: 3,
                reminder_max: 0,
                reminder_days: 7,
                illustrative: false,
                memberships: vec![m],
            },
            &default_questionnaire(&strategy.strategy),
        )
        .await
        .unwrap();
    let r = app
        .store
        .add_respondent(
            &actor,
            review.id,
            &NewRespondent {
                person_id: None,
                name: "Frida".into(),
                email: None,
                lang: "sv".into(),
                memberships: vec![m],
            },
        )
        .await
        .unwrap();
    let token = app.store.issue_link(t.id, r.id).await.unwrap();
    let questions = app.store.questions(review.id).await.unwrap();
    let scale = questions
        .iter()
        .find(|q| q.kind == QuestionKind::Scale)
        .unwrap()
        .id;
    let text = questions
        .iter()
        .find(|q| q.kind == QuestionKind::Text)
        .unwrap()
        .id;
    (token, m, scale, text)
}

async fn post(app: &TestApp, token: &str, body: Vec<u8>) -> StatusCode {
    app.new_browser()
        .post(app.url(&format!("/respond/{token}")))
        .header("content-type", "application/x-www-form-urlencoded")
        .body(body)
        .send()
        .await
        .unwrap()
        .status()
}

async fn saved(app: &TestApp, token: &str) -> Vec<(i64, Answer)> {
    let ctx = app.store.open_link(token).await.unwrap().unwrap();
    let mut v: Vec<(i64, Answer)> = app
        .store
        .saved_answers(&ctx)
        .await
        .unwrap()
        .into_iter()
        .map(|a| (a.question_id, a.answer))
        .collect();
    v.sort_by_key(|(q, _)| *q);
    v
}

#[tokio::test]
async fn a_broken_post_is_refused_whole_and_a_repeated_field_counts_once() {
    on_each_backend(|app| async move {
        let (token, m, scale, text) = a_link(&app).await;
        let ok = format!("a_{m}_{scale}=4&action=save");
        assert_eq!(post(&app, &token, ok.into_bytes()).await, StatusCode::OK);

        // Latin-1 "å" (a client that ignored the page's charset) in one field.
        let broken = format!("a_{m}_{scale}=2&a_{m}_{text}=p%E5+svenska&action=save");
        assert_eq!(
            post(&app, &token, broken.into_bytes()).await,
            StatusCode::BAD_REQUEST
        );
        assert_eq!(
            saved(&app, &token).await,
            [(scale, Answer::Scale(4))],
            "nothing of the refused post was saved"
        );

        let repeated = format!("a_{m}_{scale}=2&").repeat(20_000) + &format!("a_{m}_{scale}=5");
        assert_eq!(
            post(&app, &token, repeated.into_bytes()).await,
            StatusCode::OK
        );
        assert_eq!(saved(&app, &token).await, [(scale, Answer::Scale(5))]);

        let autosave = format!("action=autosave&a_{m}_{text}=p%C3%A5+svenska");
        assert_eq!(
            post(&app, &token, autosave.into_bytes()).await,
            StatusCode::NO_CONTENT
        );
        assert_eq!(
            saved(&app, &token).await,
            [
                (scale, Answer::Scale(5)),
                (text, Answer::Text("på svenska".into()))
            ]
        );
    })
    .await;
}
