//! The JSON API: tokens, roles, the register's shapes (direct and indirect
//! memberships), writes with audit history, and problem documents for bad input.

use crate::helpers::*;
use oversyn_core::Role;
use reqwest::{Method, StatusCode};
use serde_json::json;

#[tokio::test]
async fn reading_needs_a_valid_token() {
    on_each_backend(|app| async move {
        let r = reqwest::get(app.url("/api/v1/organisations"))
            .await
            .unwrap();
        assert_eq!(r.status(), StatusCode::UNAUTHORIZED);
        assert_eq!(r.headers()["content-type"], "application/problem+json");
        let (status, _) = app
            .api_get("/api/v1/organisations", "ovs_not-a-real-token")
            .await;
        assert_eq!(status, StatusCode::UNAUTHORIZED);
    })
    .await;
}

#[tokio::test]
async fn memberships_name_their_organisation_and_say_direct_or_indirect() {
    on_each_backend(|app| async move {
        let token = app
            .token_for("stockholm", "reader@stockholm.example", Role::Viewer)
            .await;
        let (status, body) = app.api_get("/api/v1/memberships", &token).await;
        assert_eq!(status, StatusCode::OK);
        let data = body["data"].as_array().unwrap();
        let direct: Vec<_> = data.iter().filter(|m| m["kind"] == "direct").collect();
        assert_eq!(direct.len(), 5);
        for slug in ["eurocities", "metropolis", "uclg", "c40", "skr"] {
            assert!(
                direct.iter().any(|m| m["organisation"]["slug"] == slug),
                "{slug}"
            );
        }
        let indirect: Vec<_> = data.iter().filter(|m| m["kind"] == "indirect").collect();
        assert!(indirect.iter().any(|m| m["organisation"]["slug"] == "uclg"
            && m["via"]["organisation"]["slug"] == "skr"
            && m["direct"] == false));
        assert!(indirect.iter().any(|m| m["organisation"]["slug"] == "cemr"));
        let euro = direct
            .iter()
            .find(|m| m["organisation"]["slug"] == "eurocities")
            .unwrap();
        assert_eq!(euro["fee"]["illustrative"], true);
        assert_eq!(euro["body"]["name"], "Kommunstyrelsen");
        let (_, orgs) = app.api_get("/api/v1/organisations", &token).await;
        assert!(orgs["data"].as_array().unwrap().len() >= 15);
        let (_, bodies) = app.api_get("/api/v1/bodies", &token).await;
        assert_eq!(bodies["data"].as_array().unwrap().len(), 4);
        let (_, persons) = app.api_get("/api/v1/persons", &token).await;
        assert!(
            persons["data"]
                .as_array()
                .unwrap()
                .iter()
                .any(|p| p["name"] == "Per Bolund"
                    && p["party"] == "MP"
                    && p["side"] == "opposition")
        );
    })
    .await;
}

#[tokio::test]
async fn a_viewer_token_cannot_write() {
    on_each_backend(|app| async move {
        let token = app
            .token_for("stockholm", "reader@stockholm.example", Role::Viewer)
            .await;
        let (status, body, ctype) = app
            .api_send(
                Method::POST,
                "/api/v1/persons",
                &token,
                &json!({"name": "X", "kind": "official"}),
            )
            .await;
        assert_eq!(status, StatusCode::FORBIDDEN);
        assert_eq!(ctype, "application/problem+json");
        assert!(body["detail"].as_str().unwrap().contains("viewer"));
    })
    .await;
}

#[tokio::test]
async fn bad_input_gets_a_problem_not_a_500() {
    on_each_backend(|app| async move {
        let token = app
            .token_for("stockholm", "script@stockholm.example", Role::Editor)
            .await;
        let c = reqwest::Client::new();
        let r = c
            .post(app.url("/api/v1/persons"))
            .bearer_auth(&token)
            .header("content-type", "application/json")
            .body("{\"name\": ")
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), StatusCode::BAD_REQUEST);
        assert!(r.text().await.unwrap().contains("Malformed JSON"));
        let r = c
            .post(app.url("/api/v1/persons"))
            .bearer_auth(&token)
            .header("content-type", "text/plain")
            .body("name=x")
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), StatusCode::UNSUPPORTED_MEDIA_TYPE);
        let r = c
            .post(app.url("/api/v1/persons"))
            .bearer_auth(&token)
            .header("content-type", "application/json")
            .body("[1, 2]")
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let (status, body, _) = app
            .api_send(
                Method::POST,
                "/api/v1/persons",
                &token,
                &json!({"name": "", "kind": "wizard"}),
            )
            .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        let fields: Vec<&str> = body["errors"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["field"].as_str().unwrap())
            .collect();
        assert_eq!(fields, vec!["name", "kind"]);
        assert_eq!(body["errors"][0]["message"], "Fill in this field.");
        let (status, body, _) = app
            .api_send(
                Method::POST,
                "/api/v1/memberships",
                &token,
                &json!({"organisation_id": 999999, "body_id": 1}),
            )
            .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(
            body["errors"]
                .as_array()
                .unwrap()
                .iter()
                .any(|e| e["code"] == "error-unknown-organisation")
        );
        let (status, _) = app
            .api_get("/api/v1/memberships/not-a-number", &token)
            .await;
        assert!(status.is_client_error());
        let (status, body) = app.api_get("/api/v1/nothing-here", &token).await;
        assert_eq!(status, StatusCode::NOT_FOUND);
        assert_eq!(body["status"], 404);
    })
    .await;
}

#[tokio::test]
async fn writes_through_the_api_are_audited_with_before_and_after() {
    on_each_backend(|app| async move {
        let token = app.token_for("stockholm", "script@stockholm.example", Role::Editor).await;
        let (status, created, _) = app.api_send(Method::POST, "/api/v1/persons", &token, &json!({"name": "Eva Ek", "kind": "official", "department": "SLK"})).await;
        assert_eq!(status, StatusCode::CREATED);
        let id = created["id"].as_i64().unwrap();
        let (status, updated, _) = app
            .api_send(Method::PUT, &format!("/api/v1/persons/{id}"), &token, &json!({"name": "Eva Ek", "kind": "official", "department": "Stadsledningskontoret", "version": created["version"]}))
            .await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(updated["version"], 2);
        let (status, _, _) = app
            .api_send(Method::PUT, &format!("/api/v1/persons/{id}"), &token, &json!({"name": "Eva Ek", "kind": "official", "version": 1}))
            .await;
        assert_eq!(status, StatusCode::CONFLICT, "a stale version is refused");
        let (_, history) = app.api_get(&format!("/api/v1/history/person/{id}"), &token).await;
        let entries = history["data"].as_array().unwrap();
        assert_eq!(entries.len(), 2);
        assert_eq!(entries[0]["action"], "update");
        assert_eq!(entries[0]["before"]["department"], "SLK");
        assert_eq!(entries[0]["after"]["department"], "Stadsledningskontoret");
        assert_eq!(entries[0]["actor"], "script@stockholm.example");

        let mid = app.membership_id("stockholm", "uclg").await;
        let (status, ended, _) = app.api_send(Method::POST, &format!("/api/v1/memberships/{mid}/end"), &token, &json!({"date": "2012-01-01"})).await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(ended["until"], "2012-01-01");
        assert_eq!(ended["status"], "ended");
    })
    .await;
}

#[tokio::test]
async fn the_openapi_document_describes_the_api() {
    on_each_backend(|app| async move {
        let r = reqwest::get(app.url("/api/openapi.json")).await.unwrap();
        assert_eq!(r.status(), StatusCode::OK);
        let doc: serde_json::Value = r.json().await.unwrap();
        assert!(doc["openapi"].as_str().unwrap().starts_with("3.1"));
        for path in [
            "/api/v1/organisations",
            "/api/v1/memberships",
            "/api/v1/persons",
            "/api/v1/bodies",
            "/api/v1/seats",
        ] {
            assert!(doc["paths"][path]["get"].is_object(), "{path}");
        }
        assert!(doc["components"]["schemas"]["MembershipOut"].is_object());
        // The document is made from the API's route list, so every endpoint
        // it names must answer: without a token, 401 (or the public OParl
        // list's own answer), never the API's "no such path".
        let client = reqwest::Client::new();
        let mut checked = 0;
        for (path, item) in doc["paths"].as_object().unwrap() {
            let concrete = path
                .replace("{entity}", "membership")
                .replace("{resource}", "organizations")
                .replace("{id}", "1");
            for method in ["get", "post", "put", "delete"] {
                if !item[method].is_object() {
                    continue;
                }
                let m = reqwest::Method::from_bytes(method.to_uppercase().as_bytes()).unwrap();
                let r = client
                    .request(m, app.url(&concrete))
                    .header("content-type", "application/json")
                    .body("{}")
                    .send()
                    .await
                    .unwrap();
                let status = r.status();
                let body = r.text().await.unwrap();
                assert!(
                    !body.contains("No such API path") && status != StatusCode::METHOD_NOT_ALLOWED,
                    "{method} {path} is documented but not routed ({status})"
                );
                checked += 1;
            }
        }
        assert!(checked > 30, "{checked} routes checked");
        // Only the document itself is routed outside the documented list.
        let router = include_str!("../../src/api/mod.rs");
        assert_eq!(router.matches(".route(").count(), 1, "api/mod.rs");
        // Every success response and request body shows an example, inline or on its schema.
        let schemas = &doc["components"]["schemas"];
        let has_example = |content: &serde_json::Value| -> bool {
            if !content["example"].is_null() || !content["examples"].is_null() {
                return true;
            }
            let s = &content["schema"];
            let r = s["$ref"]
                .as_str()
                .or(s["items"]["$ref"].as_str())
                .map(|r| r.rsplit('/').next().unwrap_or(""));
            match r {
                Some(name) if name.starts_with("List_") => {
                    let items = &schemas[name]["properties"]["data"]["items"];
                    let item = items["$ref"].as_str().unwrap_or("");
                    !items["example"].is_null()
                        || !schemas[item.rsplit('/').next().unwrap_or("")]["example"].is_null()
                }
                Some(name) => !schemas[name]["example"].is_null(),
                None => false,
            }
        };
        let mut missing = Vec::new();
        for (path, ops) in doc["paths"].as_object().unwrap() {
            for (method, op) in ops.as_object().unwrap() {
                for (code, resp) in op["responses"].as_object().unwrap() {
                    if !code.starts_with('2') {
                        continue;
                    }
                    for (_, content) in resp["content"].as_object().into_iter().flatten() {
                        if !has_example(content) {
                            missing.push(format!("{method} {path} {code}"));
                        }
                    }
                }
                for (_, content) in op["requestBody"]["content"]
                    .as_object()
                    .into_iter()
                    .flatten()
                {
                    if content["schema"]["type"] != "string" && !has_example(content) {
                        missing.push(format!("{method} {path} request body"));
                    }
                }
            }
        }
        assert!(missing.is_empty(), "no example: {missing:?}");
    })
    .await;
}

#[tokio::test]
async fn the_openapi_document_passes_openapi_spec_validator() {
    let probe = std::process::Command::new("python3")
        .args(["-c", "import openapi_spec_validator"])
        .status();
    if !probe.is_ok_and(|s| s.success()) {
        eprintln!(
            "SKIPPED: python3 module openapi_spec_validator is missing (pip install openapi-spec-validator; scripts/test installs it)"
        );
        return;
    }
    let app = TestApp::spawn(oversyn_store::testing::ScratchDb::sqlite()).await;
    let (status, doc) = app.get("/api/openapi.json").await;
    assert_eq!(status, StatusCode::OK);
    let file = std::env::temp_dir().join(format!("oversyn-openapi-{}.json", free_port()));
    std::fs::write(&file, doc).unwrap();
    // The validator's own checks, every error listed (not only the first).
    let out = std::process::Command::new("python3")
        .arg("-c")
        .arg(
            "import json, sys\n\
             from openapi_spec_validator import OpenAPIV30SpecValidator, OpenAPIV31SpecValidator\n\
             spec = json.load(open(sys.argv[1]))\n\
             v = (OpenAPIV31SpecValidator if spec['openapi'].startswith('3.1') else OpenAPIV30SpecValidator)(spec)\n\
             errors = [str(e).splitlines()[0] for e in v.iter_errors()]\n\
             print('\\n'.join(errors))\n\
             sys.exit(1 if errors else 0)\n",
        )
        .arg(&file)
        .output()
        .unwrap();
    let _ = std::fs::remove_file(&file);
    assert!(
        out.status.success(),
        "openapi-spec-validator: {}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}
