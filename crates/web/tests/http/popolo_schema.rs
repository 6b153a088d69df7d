//! Popolo as outside consumers check it: the public export and the API's
//! through `scripts/standards/popolo_check.py`, which validates every
//! organization, person, post and membership against the Popolo project's
//! own JSON Schemas (../shared/standards/popolo) with Python's `jsonschema`.

use crate::helpers::*;
use oversyn_core::Role;
use reqwest::StatusCode;

#[tokio::test]
async fn popolo_exports_pass_the_popolo_schemas() {
    on_each_backend(|app| async move {
        let token = app
            .token_for("stockholm", "popolo@stockholm.example", Role::Viewer)
            .await;
        let dir = std::env::temp_dir().join(format!(
            "oversyn-popolo-{}-{}",
            std::process::id(),
            oversyn_store::auth::random_token()
        ));
        std::fs::create_dir_all(&dir).unwrap();
        // A term of office, so the validator sees one.
        let editor = app
            .token_for("stockholm", "terms@stockholm.example", Role::Editor)
            .await;
        let t = app.store.tenant_by_slug("stockholm").await.unwrap();
        let person = app.store.persons(t.id).await.unwrap()[0].id;
        let (status, out, _) = app
            .api_send(
                reqwest::Method::POST,
                &format!("/api/v1/persons/{person}/terms"),
                &editor,
                &serde_json::json!({"body": "Kommunstyrelsen", "role": "ledamot", "from": "2010-11-01", "side": "majority"}),
            )
            .await;
        assert_eq!(status, StatusCode::CREATED, "{out}");
        let public = dir.join("public.json");
        let (status, body) = get_with(
            &app.new_browser(),
            &app.url("/public/stockholm/popolo.json"),
        )
        .await;
        assert_eq!(status, StatusCode::OK);
        std::fs::write(&public, body).unwrap();
        let api = dir.join("api.json");
        let (status, body) = app.api_get("/api/v1/popolo", &token).await;
        assert_eq!(status, StatusCode::OK);
        assert!(
            body["memberships"]
                .as_array()
                .unwrap()
                .iter()
                .any(|m| m["extras"]["term"] == "true"),
            "the term is in the document the validator reads"
        );
        std::fs::write(&api, body.to_string()).unwrap();

        let summary = standards_check(
            "popolo_check.py",
            "popolo",
            &[public.display().to_string(), api.display().to_string()],
        )
        .await;
        let _ = std::fs::remove_dir_all(&dir);
        assert!(summary["checked"].as_u64().unwrap() > 30, "{summary}");
    })
    .await;
}
