//! Errors the API gives before a handler runs are problem documents too,
//! and the OpenAPI document lists the errors the shared parts give (what
//! schemathesis, `scripts/schemathesis.sh`, found missing).

use crate::helpers::*;
use oversyn_core::Role;
use reqwest::{Method, StatusCode};
use serde_json::Value;

/// A request (method, path, content type, body) and the status it must get.
type Probe = (
    Method,
    &'static str,
    Option<&'static str>,
    Vec<u8>,
    StatusCode,
);

async fn send(
    app: &TestApp,
    method: Method,
    path: &str,
    token: &str,
    content_type: Option<&str>,
    body: Vec<u8>,
) -> (StatusCode, String, Value) {
    let mut r = reqwest::Client::new()
        .request(method, app.url(path))
        .bearer_auth(token);
    if let Some(ct) = content_type {
        r = r.header("content-type", ct);
    }
    let r = r.body(body).send().await.unwrap();
    let status = r.status();
    let ctype = r
        .headers()
        .get("content-type")
        .map(|v| v.to_str().unwrap().to_owned())
        .unwrap_or_default();
    (status, ctype, r.json().await.unwrap_or(Value::Null))
}

#[tokio::test]
async fn errors_before_the_handler_are_problem_documents() {
    on_each_backend(|app| async move {
        let token = app
            .token_for("stockholm", "api@stockholm.example", Role::Editor)
            .await;
        let cases: Vec<Probe> = vec![
            (
                Method::GET,
                "/api/v1/organisations/abc",
                None,
                vec![],
                StatusCode::BAD_REQUEST,
            ),
            (
                Method::GET,
                "/api/v1/reviews/-2.5e-196/results",
                None,
                vec![],
                StatusCode::BAD_REQUEST,
            ),
            (
                Method::DELETE,
                "/api/v1/organisations",
                None,
                vec![],
                StatusCode::METHOD_NOT_ALLOWED,
            ),
            (
                Method::POST,
                "/api/v1/organisations",
                Some("application/json"),
                vec![b' '; 3 * 1024 * 1024],
                StatusCode::PAYLOAD_TOO_LARGE,
            ),
            (
                Method::POST,
                "/api/v1/organisations",
                Some("text/plain"),
                b"{}".to_vec(),
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
            ),
        ];
        for (method, path, ct, body, want) in cases {
            let (status, ctype, doc) = send(&app, method.clone(), path, &token, ct, body).await;
            assert_eq!(status, want, "{method} {path}");
            assert_eq!(ctype, "application/problem+json", "{method} {path}");
            assert_eq!(doc["status"], want.as_u16(), "{method} {path}: {doc}");
            assert!(
                !doc["detail"].as_str().unwrap_or("").is_empty(),
                "{method} {path}"
            );
        }
    })
    .await;
}

#[tokio::test]
async fn the_openapi_document_lists_the_shared_errors() {
    on_each_backend(|app| async move {
        let doc: Value = reqwest::get(app.url("/api/openapi.json"))
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        let mut checked = 0;
        for (path, item) in doc["paths"].as_object().unwrap() {
            for (method, op) in item.as_object().unwrap() {
                let responses = op["responses"].as_object().unwrap();
                let has = |code: &str| responses.contains_key(code);
                let what = format!("{method} {path}");
                if op.get("security").is_some() {
                    assert!(has("401"), "{what}: 401");
                    if method != "get" {
                        assert!(has("403"), "{what}: 403");
                    }
                }
                if path.contains('{') {
                    assert!(has("400") && has("404"), "{what}: 400/404");
                }
                if let Some(body) = op.get("requestBody") {
                    assert!(has("413") && has("422"), "{what}: 413/422");
                    if body["content"].get("application/json").is_some() {
                        assert!(has("400") && has("415"), "{what}: 400/415");
                    }
                }
                for (code, r) in responses {
                    if code.starts_with('4') || code.starts_with('5') {
                        let content = r["content"].as_object().unwrap();
                        assert!(
                            content.contains_key("application/problem+json")
                                && !content.contains_key("application/json"),
                            "{what} {code}: errors are application/problem+json"
                        );
                    }
                }
                checked += 1;
            }
        }
        assert!(checked >= 38, "{checked} operations");
    })
    .await;
}

#[tokio::test]
async fn the_largest_ids_are_not_found_not_a_crash() {
    on_each_backend(|app| async move {
        // Found by schemathesis once the kept renderings were keyed by id:
        // an id near i64::MAX must be a 404, never a panic.
        let token = app
            .token_for("stockholm", "big@stockholm.example", Role::Viewer)
            .await;
        for path in [
            "/api/v1/reviews/9223372036854775806/analysis?lang=",
            "/api/v1/reviews/9223372036854775807/analysis?lang=sv",
            "/api/v1/reviews/9223372036854775807/results",
        ] {
            let (status, _) = app.api_get(path, &token).await;
            assert_eq!(status, StatusCode::NOT_FOUND, "{path}");
        }
        app.login_as_demo().await;
        for path in [
            "/reviews/9223372036854775807/analysis",
            "/reviews/9223372036854775807/report?format=html",
            "/cases/9223372036854775807/document?format=html",
            "/cases/9223372036854775807/excerpt/18446744073709551615?format=html",
            "/cases/9223372036854775807/excerpt/1?format=html",
        ] {
            let (status, _) = app.get(path).await;
            assert_eq!(status, StatusCode::NOT_FOUND, "{path}");
        }
    })
    .await;
}
