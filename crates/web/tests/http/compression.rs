//! Pages and API answers come gzip- or brotli-compressed as the request's
//! `Accept-Encoding` asks, and decompress to exactly the plain answer;
//! the page cache serves the same forms from memory, with an ETag per
//! form; content compressed already and tiny bodies are sent as they are;
//! with the page cache off everything is still compressed and correct.

use crate::helpers::*;
use oversyn_core::Role;
use reqwest::StatusCode;
use reqwest::header::{self, HeaderMap};
use std::io::Read as _;

/// One answer, undecoded.
struct Answer {
    status: StatusCode,
    headers: HeaderMap,
    body: Vec<u8>,
}

impl Answer {
    fn header(&self, name: header::HeaderName) -> Option<&str> {
        self.headers.get(name).map(|v| v.to_str().unwrap())
    }

    fn encoding(&self) -> Option<&str> {
        self.header(header::CONTENT_ENCODING)
    }

    /// The body with its content coding undone.
    fn decoded(&self) -> Vec<u8> {
        let mut plain = Vec::new();
        match self.encoding() {
            None => plain.clone_from(&self.body),
            Some("gzip") => {
                flate2::read::GzDecoder::new(&self.body[..])
                    .read_to_end(&mut plain)
                    .expect("valid gzip");
            }
            Some("br") => {
                brotli::BrotliDecompress(&mut &self.body[..], &mut plain).expect("valid brotli");
            }
            Some(other) => panic!("unexpected Content-Encoding {other}"),
        }
        plain
    }

    /// Sent with a `Vary: Accept-Encoding`, in whatever case or list.
    fn varies(&self) -> bool {
        self.headers.get_all(header::VARY).iter().any(|v| {
            v.to_str()
                .unwrap()
                .to_ascii_lowercase()
                .contains("accept-encoding")
        })
    }
}

/// A GET as `client`, optionally with a bearer token, `Accept-Encoding`
/// and `If-None-Match`.
async fn fetch(
    client: &reqwest::Client,
    url: &str,
    token: Option<&str>,
    accept: Option<&str>,
    if_none_match: Option<&str>,
) -> Answer {
    let mut req = client.get(url);
    if let Some(t) = token {
        req = req.bearer_auth(t);
    }
    if let Some(a) = accept {
        req = req.header(header::ACCEPT_ENCODING, a);
    }
    if let Some(tag) = if_none_match {
        req = req.header(header::IF_NONE_MATCH, tag);
    }
    let r = req.send().await.unwrap();
    Answer {
        status: r.status(),
        headers: r.headers().clone(),
        body: r.bytes().await.unwrap().to_vec(),
    }
}

/// Checks every coding of `path` against its plain answer; `cached` says
/// whether the page cache answers it (and so gives ETags).
async fn check_codings(
    app: &TestApp,
    client: &reqwest::Client,
    token: Option<&str>,
    path: &str,
    cached: bool,
) {
    let url = app.url(path);
    let plain = fetch(client, &url, token, None, None).await;
    assert_eq!(plain.status, StatusCode::OK, "{path}");
    assert_eq!(plain.encoding(), None, "{path}: no Accept-Encoding, plain");
    assert!(plain.body.len() > 1000, "{path}: big enough to compress");
    let identity = fetch(client, &url, token, Some("identity"), None).await;
    assert_eq!(identity.encoding(), None, "{path}: identity");
    assert_eq!(identity.body, plain.body, "{path}: identity");
    assert_eq!(
        fetch(client, &url, token, Some("br;q=0"), None)
            .await
            .encoding(),
        None,
        "{path}: br;q=0 refuses brotli"
    );
    let refused = fetch(client, &url, token, Some("br;q=0, gzip"), None).await;
    assert_eq!(refused.encoding(), Some("gzip"), "{path}: br;q=0, gzip");
    assert_eq!(refused.decoded(), plain.body, "{path}");
    let mut tags = Vec::new();
    for (accept, coding) in [
        ("br", "br"),
        ("gzip", "gzip"),
        ("gzip, deflate, br", "br"),
        ("gzip;q=1, br;q=0.5", "gzip"),
    ] {
        let first = fetch(client, &url, token, Some(accept), None).await;
        assert_eq!(first.status, StatusCode::OK, "{path} {accept}");
        assert_eq!(first.encoding(), Some(coding), "{path} {accept}");
        assert!(first.varies(), "{path} {accept}: Vary");
        assert!(first.body.len() < plain.body.len(), "{path} {accept}");
        assert_eq!(first.decoded(), plain.body, "{path} {accept}: same content");
        if let Some(length) = first.header(header::CONTENT_LENGTH) {
            assert_eq!(length, first.body.len().to_string(), "{path} {accept}");
        }
        let again = fetch(client, &url, token, Some(accept), None).await;
        assert_eq!(again.encoding(), Some(coding), "{path} {accept}: again");
        assert_eq!(
            again.body, first.body,
            "{path} {accept}: the same bytes again"
        );
        if cached {
            let tag = first
                .header(header::ETAG)
                .expect("a cached page has an ETag");
            assert_eq!(again.header(header::ETAG), Some(tag));
            tags.push((coding, tag.to_owned()));
        }
    }
    if !cached {
        return;
    }
    let plain_tag = plain.header(header::ETAG).unwrap().to_owned();
    let (br_tag, gz_tag) = (&tags[0].1, &tags[1].1);
    assert!(
        plain_tag != *br_tag && plain_tag != *gz_tag && br_tag != gz_tag,
        "{path}: an ETag per coding: {plain_tag} {br_tag} {gz_tag}"
    );
    // Whichever form the client holds, it holds this version; the 304
    // names the form it would have been sent now.
    for held in [&plain_tag, br_tag, gz_tag] {
        for (accept, want) in [("br", br_tag), ("gzip", gz_tag), ("identity", &plain_tag)] {
            let r = fetch(client, &url, token, Some(accept), Some(held)).await;
            assert_eq!(r.status, StatusCode::NOT_MODIFIED, "{path} {accept} {held}");
            assert_eq!(
                r.header(header::ETAG),
                Some(want.as_str()),
                "{path} {accept}"
            );
            assert!(r.body.is_empty());
        }
    }
    let stale = fetch(client, &url, token, Some("br"), Some("\"1-0-br\"")).await;
    assert_eq!(
        stale.status,
        StatusCode::OK,
        "{path}: another ETag is not held"
    );
}

/// A kept page: plain without `Accept-Encoding`, gzip made of pieces for
/// whoever takes gzip (even where brotli is liked better), brotli from the
/// compression layer for whoever takes only that; each the same page.
async fn check_pieces(app: &TestApp, path: &str) {
    let url = app.url(path);
    let plain = fetch(&app.client, &url, None, None, None).await;
    assert_eq!(plain.status, StatusCode::OK, "{path}");
    assert_eq!(plain.encoding(), None);
    for (accept, coding) in [
        ("gzip, deflate, br, zstd", "gzip"),
        ("br;q=1, gzip;q=0.5", "gzip"),
        ("gzip", "gzip"),
        ("br", "br"),
    ] {
        let r = fetch(&app.client, &url, None, Some(accept), None).await;
        assert_eq!(r.status, StatusCode::OK, "{path} {accept}");
        assert_eq!(r.encoding(), Some(coding), "{path} {accept}");
        assert!(r.varies(), "{path} {accept}: Vary");
        assert_eq!(r.decoded(), plain.body, "{path} {accept}: the same page");
        assert!(r.body.len() * 3 < plain.body.len(), "{path} {accept}");
    }
    let identity = fetch(&app.client, &url, None, Some("identity, gzip;q=0.5"), None).await;
    assert_eq!(identity.encoding(), None);
    // The page's forms carry this session's token, not the one the
    // content was kept with.
    let html = String::from_utf8(plain.body).unwrap();
    assert!(!html.contains("oversyn-csrf-slot"), "{path}");
    assert!(!html.contains("oversyn-content-slot"), "{path}");
}

/// The demo review's id (its results page is a cached page).
async fn demo_review(app: &TestApp) -> i64 {
    app.demo_review().await.id
}

#[tokio::test]
async fn pages_and_api_answers_come_in_the_coding_asked_for() {
    on_each_backend(|app| async move {
        app.login_as_demo().await;
        let review = demo_review(&app).await;
        let token = app
            .token_for("stockholm", "reader@stockholm.example", Role::Viewer)
            .await;
        // Remembered by the page cache.
        check_codings(&app, &app.client, None, "/", true).await;
        let results = format!("/reviews/{review}/results");
        check_codings(&app, &app.client, None, &results, true).await;
        check_codings(
            &app,
            &app.client,
            Some(&token),
            "/api/v1/organisations",
            true,
        )
        .await;
        // Kept per state of the data, in each coding: a tagged PDF's
        // structure is text, and compresses as well as a page.
        let report = format!("/reviews/{review}/report");
        check_codings(&app, &app.client, None, &report, true).await;
        let pdf = fetch(&app.client, &app.url(&report), None, Some("br"), None).await;
        assert!(pdf.decoded().starts_with(b"%PDF"));
        assert_eq!(pdf.header(header::CONTENT_TYPE), Some("application/pdf"));
        assert!(
            pdf.header(header::CONTENT_DISPOSITION)
                .is_some_and(|d| d.starts_with("attachment; filename=\"report-")),
            "still a download"
        );
        let html = format!("/reviews/{review}/report?format=html");
        check_codings(&app, &app.client, None, &html, true).await;
        // The analysis's content is kept; around it each request's chrome
        // and tokens: sent as gzip made of pieces to whoever takes gzip.
        let analysis = format!("/reviews/{review}/analysis");
        check_pieces(&app, &analysis).await;
        let oparl = "/api/v1/oparl/organizations";
        check_codings(&app, &app.client, Some(&token), oparl, false).await;
    })
    .await;
}

#[tokio::test]
async fn error_pages_and_problem_documents_are_compressed_too() {
    on_each_backend(|app| async move {
        app.login_as_demo().await;
        // The error page `front` renders for a handler's error.
        let url = app.url("/reviews/999999/analysis");
        let plain = fetch(&app.client, &url, None, None, None).await;
        assert_eq!(plain.status, StatusCode::NOT_FOUND);
        assert!(String::from_utf8_lossy(&plain.body).contains("<html"));
        let br = fetch(&app.client, &url, None, Some("br"), None).await;
        assert_eq!(br.status, StatusCode::NOT_FOUND);
        assert_eq!(br.encoding(), Some("br"));
        assert_eq!(br.decoded(), plain.body);
        let url = app.url("/api/v1/organisations");
        let plain = fetch(&app.client, &url, Some("wrong"), None, None).await;
        assert_eq!(plain.status, StatusCode::UNAUTHORIZED);
        assert_eq!(
            plain.header(header::CONTENT_TYPE),
            Some("application/problem+json")
        );
        let gz = fetch(&app.client, &url, Some("wrong"), Some("gzip"), None).await;
        assert_eq!(gz.encoding(), Some("gzip"));
        assert_eq!(gz.decoded(), plain.body);
    })
    .await;
}

#[tokio::test]
async fn compressed_content_and_tiny_bodies_are_sent_as_they_are() {
    on_each_backend(|app| async move {
        app.login_as_demo().await;
        let review = demo_review(&app).await;
        let url = app.url(&format!("/reviews/{review}/report?format=docx"));
        let docx = fetch(&app.client, &url, None, Some("br, gzip"), None).await;
        assert_eq!(docx.status, StatusCode::OK);
        assert_eq!(docx.encoding(), None, "a DOCX is a zip already");
        assert!(docx.body.starts_with(b"PK"));
        let health = fetch(&app.client, &app.url("/healthz"), None, Some("br"), None).await;
        assert_eq!(health.status, StatusCode::OK);
        assert_eq!(health.encoding(), None, "two bytes are not worth it");
        assert_eq!(health.body, b"ok");
    })
    .await;
}

#[tokio::test]
async fn with_the_page_cache_off_answers_are_compressed_and_never_remembered() {
    on_each_backend(|app| async move {
        app.cache.remember_no_pages();
        app.login_as_demo().await;
        let token = app
            .token_for("stockholm", "reader@stockholm.example", Role::Viewer)
            .await;
        for (path, token) in [("/", None), ("/api/v1/organisations", Some(token.as_str()))] {
            let url = app.url(path);
            let plain = fetch(&app.client, &url, token, None, None).await;
            for accept in ["br", "gzip", "br", "gzip"] {
                let r = fetch(&app.client, &url, token, Some(accept), None).await;
                assert_eq!(r.status, StatusCode::OK, "{path}");
                assert_eq!(r.encoding(), Some(accept), "{path}");
                assert_eq!(r.decoded(), plain.body, "{path}");
                // Only the page cache gives pages an ETag: it neither
                // remembered this page nor answered from memory. The API
                // list is kept in its codings below it, each with its own.
                if token.is_none() {
                    assert_eq!(r.header(header::ETAG), None, "{path}");
                } else {
                    assert!(r.header(header::ETAG).is_some(), "{path}");
                }
            }
        }
        // The report is kept below the page cache, per state of the data,
        // and compressed when it is kept.
        let report = app.url(&format!(
            "/reviews/{}/report?format=html",
            demo_review(&app).await
        ));
        let before = fetch(&app.client, &report, None, Some("br"), None).await;
        assert_eq!(before.encoding(), Some("br"));
        assert!(
            String::from_utf8(before.decoded())
                .unwrap()
                .contains("EUROCITIES")
        );
        // A change shows at once, as it does with the cache on.
        app.store
            .try_raw("UPDATE organisations SET name = 'EUROSTÄDER' WHERE slug = 'eurocities'")
            .await
            .unwrap();
        let page = fetch(&app.client, &app.url("/"), None, Some("br"), None).await;
        assert!(
            String::from_utf8(page.decoded())
                .unwrap()
                .contains("EUROSTÄDER")
        );
        let after = fetch(&app.client, &report, None, Some("br"), None).await;
        assert!(
            String::from_utf8(after.decoded())
                .unwrap()
                .contains("EUROSTÄDER")
        );
        assert_ne!(after.header(header::ETAG), before.header(header::ETAG));
    })
    .await;
}
