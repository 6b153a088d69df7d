//! Popolo as outside consumers check it: the public export and the API's
//! through `scripts/standards/popolo_check.py`, which validates every
//! organization, person, post and membership against the Popolo project's
//! own JSON Schemas (../shared/standards/popolo) with Python's `jsonschema`.

use crate::helpers::*;
use oversyn_core::Role;
use reqwest::StatusCode;
use std::path::PathBuf;

#[tokio::test]
async fn popolo_exports_pass_the_popolo_schemas() {
    let have = std::process::Command::new("python3")
        .args(["-c", "import jsonschema"])
        .status()
        .is_ok_and(|s| s.success());
    assert!(
        have,
        "the Popolo check needs Python's jsonschema: python3 -m pip install jsonschema (.ci/run installs it)"
    );
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
        std::fs::write(&api, body.to_string()).unwrap();

        let script = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("../../scripts/standards/popolo_check.py");
        let mut cmd = tokio::process::Command::new("python3");
        cmd.arg("-W")
            .arg("ignore")
            .arg(script)
            .arg(&public)
            .arg(&api);
        if let Ok(d) = std::env::var("OVERSYN_STANDARDS") {
            cmd.arg("--schemas").arg(format!("{d}/popolo"));
        }
        let out = cmd.output().await.expect("python3 runs");
        assert!(
            out.status.success(),
            "Popolo against its schemas:\n{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let _ = std::fs::remove_dir_all(&dir);
        let summary: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        assert!(summary["checked"].as_u64().unwrap() > 30, "{summary}");
    })
    .await;
}
