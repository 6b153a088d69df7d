//! The document register end to end, on both databases: a case drafted
//! from a review gets the report and the statement as Bilaga 1 and 2 under
//! its number; documents are registered with field messages that keep the
//! input; the public list shows what is registered and never a secret one;
//! a registered notice letter gives the day notice went out; gallring
//! removes what its type's rule says and leaves the entry; tenants never
//! see each other's documents.

use crate::helpers::*;
use oversyn_core::Role;
use reqwest::StatusCode;

#[tokio::test]
async fn the_register_from_drafted_case_to_gallring() {
    on_each_backend(|app| async move {
        app.login_as_demo().await;
        let review = app.demo_review().await.id.to_string();
        let membership = app.membership_id("stockholm", "uclg").await.to_string();
        let (status, page, location) = app
            .post_form(
                &app.client,
                "/cases/new",
                "/cases",
                &[
                    ("number", "006-77/2026"),
                    ("title", "Översyn av medlemskap 2026"),
                    ("language", "sv"),
                    ("route", "Kommunstyrelsen"),
                    ("proposal", "1. Medlemskapet i UCLG sägs upp."),
                    ("review_id", &review),
                    ("membership", &membership),
                ],
            )
            .await;
        assert_eq!(status, StatusCode::SEE_OTHER, "{page}");
        let case_page = location.unwrap();
        let case_id: i64 = case_page.rsplit('/').next().unwrap().parse().unwrap();
        let (_, html) = app.get(&case_page).await;
        assert!(
            html.contains("006-77/2026-1</strong> Rapport från översynen"),
            "{html}"
        );
        assert!(
            html.contains("(Bilaga 1)") && html.contains("006-77/2026-2</strong> Tjänsteutlåtande")
        );

        // Each Bilaga keeps its document as it stood that day, as a PDF.
        let t = app.store.tenant_by_slug("stockholm").await.unwrap();
        let attached = app.store.documents(t.id, Some(case_id)).await.unwrap();
        for (bilaga, expected) in [
            ("Bilaga 1", "Sammanfattning"),
            ("Bilaga 2", "Medlemskapet i UCLG sägs upp"),
        ] {
            let d = attached
                .iter()
                .find(|d| d.attachment_of.as_deref() == Some(bilaga))
                .unwrap();
            let r = app
                .client
                .get(app.url(&format!("/files/{}", d.file_id.expect("with its PDF"))))
                .send()
                .await
                .unwrap();
            assert!(
                r.headers()["content-disposition"]
                    .to_str()
                    .unwrap()
                    .contains(".pdf")
            );
            let pdf = r.bytes().await.unwrap();
            assert!(pdf.starts_with(b"%PDF"), "{bilaga}");
            let (text, _) =
                pdf_text(&pdf).expect("pdftotext (scripts/test-setup installs poppler-utils)");
            assert!(text.contains(expected), "{bilaga}: {text}");
        }

        // A letter without its recipient is refused, the input kept.
        let new = format!("/documents/new?case_id={case_id}");
        let letter = [
            ("case_id", case_id.to_string()),
            ("title", "Uppsägning av medlemskapet i UCLG".to_owned()),
            ("type_code", "notice".to_owned()),
            ("direction", "outgoing".to_owned()),
            ("dated_on", "2026-06-20".to_owned()),
        ];
        let post = |extra: Option<(&'static str, &'static str)>| {
            let letter = letter.clone();
            let app = &app;
            let new = new.clone();
            async move {
                let (_, page) = app.get(&new).await;
                let mut form = reqwest::multipart::Form::new().text("csrf", csrf_of(&page));
                for (k, v) in letter {
                    form = form.text(k, v);
                }
                if let Some((k, v)) = extra {
                    form = form.text(k, v);
                }
                form = form.part(
                    "file",
                    reqwest::multipart::Part::bytes(
                        b"Till UCLG: Stockholms stad s\xc3\xa4ger upp medlemskapet.".to_vec(),
                    )
                    .file_name("uppsagning.txt")
                    .mime_str("text/plain")
                    .unwrap(),
                );
                let r = app
                    .client
                    .post(app.url("/documents"))
                    .multipart(form)
                    .send()
                    .await
                    .unwrap();
                (r.status(), r.text().await.unwrap())
            }
        };
        let (status, body) = post(None).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(body.contains("Ange avsändare eller mottagare"), "{body}");
        assert!(body.contains("value=\"Uppsägning av medlemskapet i UCLG\""));
        let (status, _) = post(Some(("counterpart", "UCLG World Secretariat"))).await;
        assert_eq!(status, StatusCode::SEE_OTHER);
        let t = app.store.tenant_by_slug("stockholm").await.unwrap();
        let notice = app
            .store
            .documents(t.id, Some(case_id))
            .await
            .unwrap()
            .into_iter()
            .find(|d| d.type_code == "notice")
            .expect("the registered letter");
        let (status, file) = app
            .get(&format!(
                "/files/{}",
                notice.file_id.expect("with its file")
            ))
            .await;
        assert_eq!(status, StatusCode::OK);
        assert!(file.contains("säger upp medlemskapet"));

        // An incoming invoice from 2018 (kept seven years) and a secret letter.
        let actor = oversyn_store::audit::Actor {
            tenant_id: t.id,
            user_id: None,
            label: "test".into(),
        };
        let register =
            |title: &str, type_code: &str, dated: &str| oversyn_core::records::DocumentCmd {
                title: title.into(),
                direction: oversyn_core::records::Direction::Incoming,
                dated_on: dated.parse().unwrap(),
                counterpart: "UCLG".into(),
                type_code: type_code.into(),
                case_id: None,
                membership_id: Some(membership.parse().unwrap()),
                review_id: None,
                attachment_of: None,
            };
        let invoice = app
            .store
            .register_document(
                &actor,
                &register("Faktura 2018", "invoice", "2018-02-01"),
                None,
            )
            .await
            .unwrap();
        assert_eq!(
            invoice.number, "REG 2018-0001",
            "outside a case, the register's own series"
        );
        let secret = app
            .store
            .register_document(
                &actor,
                &register("Förhandlingsläge inför kongressen", "letter", "2026-03-01"),
                None,
            )
            .await
            .unwrap();
        let (_, list) = app.get("/documents").await;
        let (status, body, _) = app
            .post_form(
                &app.client,
                "/documents",
                &format!("/documents/{}/privacy", secret.id),
                &[("withhold", "on")],
            )
            .await;
        assert_eq!(
            status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "a withholding without a ground"
        );
        assert!(body.contains("Ange sekretessgrund"));
        assert!(list.contains("Faktura 2018"));
        let (status, _, _) = app
            .post_form(
                &app.client,
                "/documents",
                &format!("/documents/{}/privacy", secret.id),
                &[
                    ("withhold", "on"),
                    ("ground", "OSL 15 kap. 1 §"),
                    ("decided_by", "Registrator"),
                    ("decided_on", "2026-03-02"),
                ],
            )
            .await;
        assert_eq!(status, StatusCode::SEE_OTHER);

        let (status, public) =
            get_with(&app.new_browser(), &app.url("/public/stockholm/documents")).await;
        assert_eq!(status, StatusCode::OK);
        assert!(
            public.contains("006-77/2026-3")
                && public.contains("Uppsägning av medlemskapet i UCLG"),
            "{public}"
        );
        assert!(!public.contains("Förhandlingsläge"), "never a secret one");
        assert!(public.contains("1 handlingar undantas med stöd av OSL 15 kap. 1 §"));
        assert!(
            !public.contains("UCLG World Secretariat"),
            "no senders or recipients in the public list"
        );

        // The registered notice letter is the day notice went out.
        let sent = app.store.notices_sent(t.id).await.unwrap();
        assert!(sent.contains(&(Some(case_id), None, "2026-06-20".parse().unwrap())));

        // Gallring: the invoice is due from 2026-01-01 (seven whole years after 2018).
        let (_, list) = app.get("/documents").await;
        let due = &list[list.find("id=\"due\"").unwrap()..];
        assert!(due.contains("Faktura 2018"), "{due}");
        assert!(
            !due[..due.find("</section>").unwrap()].contains("Uppsägning"),
            "a notice is kept"
        );
        let (status, _, location) = app
            .post_form(&app.client, "/documents", "/documents/remove-due", &[])
            .await;
        assert_eq!(status, StatusCode::SEE_OTHER);
        assert_eq!(location.as_deref(), Some("/documents?removed=1"));
        let kept = app.store.document(t.id, invoice.id).await.unwrap();
        assert!(
            kept.removed_at.is_some() && kept.counterpart.is_empty(),
            "the entry stays, its content goes"
        );
        let history = app
            .store
            .history(t.id, "document", invoice.id)
            .await
            .unwrap();
        assert!(
            history.iter().any(|e| e.action == "remove"),
            "removal leaves a record"
        );
        let (_, public) =
            get_with(&app.new_browser(), &app.url("/public/stockholm/documents")).await;
        assert!(!public.contains("Faktura 2018"));

        // Another city sees none of it.
        app.store
            .create_tenant("malmo", "Malmö stad")
            .await
            .unwrap();
        let malmo = app
            .browser_as("malmo", "admin@malmo.example", Role::Admin)
            .await;
        let (_, theirs) = get_with(&malmo, &app.url("/documents")).await;
        assert!(!theirs.contains("006-77/2026"), "{theirs}");
        let (status, _, _) = app
            .post_form(
                &malmo,
                "/documents",
                &format!("/documents/{}/privacy", secret.id),
                &[],
            )
            .await;
        assert_eq!(status, StatusCode::NOT_FOUND);
        assert!(app.store.document(t.id + 1000, secret.id).await.is_err());
    })
    .await;
}

#[tokio::test]
async fn scripts_register_and_withhold_through_the_api() {
    on_each_backend(|app| async move {
        let token = app.token_for("stockholm", "registrator@stockholm.example", Role::Editor).await;
        let mem = app.membership_id("stockholm", "c40").await;
        let (status, body, _) = app
            .api_send(
                reqwest::Method::POST,
                "/api/v1/documents",
                &token,
                &serde_json::json!({"title": "Stadgar 2024", "direction": "incoming", "dated_on": "2024-05-01", "type_code": "statute", "membership_id": mem}),
            )
            .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "no sender: {body}");
        assert!(body.to_string().contains("counterpart"));
        let (status, doc, _) = app
            .api_send(
                reqwest::Method::POST,
                "/api/v1/documents",
                &token,
                &serde_json::json!({"title": "Stadgar 2024", "direction": "incoming", "dated_on": "2024-05-01", "counterpart": "C40", "type_code": "statute", "membership_id": mem}),
            )
            .await;
        assert_eq!(status, StatusCode::CREATED, "{doc}");
        assert_eq!(doc["number"], "REG 2024-0001");
        let id = doc["id"].as_i64().unwrap();
        let withhold = format!("/api/v1/documents/{id}/withhold");
        let (status, _, _) = app
            .api_send(reqwest::Method::POST, &withhold, &token, &serde_json::json!({"decided_by": "Registrator", "decided_on": "2024-05-02"}))
            .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "no ground");
        let (status, _, _) = app
            .api_send(
                reqwest::Method::POST,
                &withhold,
                &token,
                &serde_json::json!({"ground": "OSL 19 kap. 3 §", "decided_by": "Registrator", "decided_on": "2024-05-02"}),
            )
            .await;
        assert_eq!(status, StatusCode::NO_CONTENT);
        let (_, list) = app.api_get("/api/v1/documents", &token).await;
        let row = list["data"].as_array().unwrap().iter().find(|d| d["id"] == id).unwrap().clone();
        assert_eq!(row["withheld"]["ground"], "OSL 19 kap. 3 §");
        let (_, public) = get_with(&app.new_browser(), &app.url("/public/stockholm/documents")).await;
        assert!(!public.contains("Stadgar 2024"));
        let (status, _, _) = app
            .api_send(reqwest::Method::DELETE, &withhold, &token, &serde_json::Value::Null)
            .await;
        assert_eq!(status, StatusCode::NO_CONTENT);
        let (_, public) = get_with(&app.new_browser(), &app.url("/public/stockholm/documents")).await;
        assert!(public.contains("Stadgar 2024"), "public again");
        // Filed under a withheld membership, it leaves the public list too.
        let (status, _, _) = app
            .api_send(
                reqwest::Method::POST,
                &format!("/api/v1/memberships/{mem}/withhold"),
                &token,
                &serde_json::json!({"ground": "OSL 15 kap. 1 §", "decided_by": "Stadsdirektören", "decided_on": "2024-05-03"}),
            )
            .await;
        assert_eq!(status, StatusCode::NO_CONTENT);
        let (_, public) = get_with(&app.new_browser(), &app.url("/public/stockholm/documents")).await;
        assert!(!public.contains("Stadgar 2024"), "{public}");
        let (_, grounds) = app.api_get("/api/v1/secrecy-grounds", &token).await;
        assert!(grounds["data"].as_array().unwrap().iter().any(|g| g["reference"] == "OSL 15 kap. 1 §"));
    })
    .await;
}

#[tokio::test]
async fn scripts_file_a_documents_copy_and_withhold_an_answer_through_the_api() {
    on_each_backend(|app| async move {
        let token = app
            .token_for("stockholm", "registrator@stockholm.example", Role::Editor)
            .await;
        let mem = app.membership_id("stockholm", "uclg").await;
        let (status, doc, _) = app
            .api_send(
                reqwest::Method::POST,
                "/api/v1/documents",
                &token,
                &serde_json::json!({"title": "Faktura 2026", "direction": "incoming", "dated_on": "2026-02-01", "counterpart": "UCLG", "type_code": "invoice", "membership_id": mem}),
            )
            .await;
        assert_eq!(status, StatusCode::CREATED, "{doc}");
        assert!(doc["download"].is_null());
        let id = doc["id"].as_i64().unwrap();
        let put = |body: &'static [u8]| {
            let url = app.url(&format!("/api/v1/documents/{id}/file?name=faktura%202026.pdf"));
            let token = token.clone();
            async move {
                let r = reqwest::Client::new()
                    .put(url)
                    .bearer_auth(token)
                    .header("content-type", "application/pdf")
                    .body(body)
                    .send()
                    .await
                    .unwrap();
                let status = r.status();
                (status, r.json::<serde_json::Value>().await.unwrap())
            }
        };
        let (status, problem) = put(b"").await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{problem}");
        assert!(problem.to_string().contains("file"));
        let (status, filed) = put(b"%PDF-1.7 faktura").await;
        assert_eq!(status, StatusCode::OK, "{filed}");
        let download = filed["download"].as_str().unwrap().to_owned();
        let r = reqwest::Client::new()
            .get(app.url(&download))
            .bearer_auth(&token)
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), StatusCode::OK);
        assert!(r.headers()["content-disposition"].to_str().unwrap().contains("faktura_2026.pdf"));
        assert_eq!(&r.bytes().await.unwrap()[..], b"%PDF-1.7 faktura");
        let (status, problem) = put(b"%PDF-1.7 another").await;
        assert_eq!(status, StatusCode::CONFLICT, "a registered copy is never replaced: {problem}");

        // Another tenant's token meets neither the document nor its file.
        app.store.create_tenant("malmo", "Malmö stad").await.unwrap();
        let malmo = app
            .token_for("malmo", "registrator@malmo.example", Role::Editor)
            .await;
        let (status, _) = app.api_get(&download, &malmo).await;
        assert_eq!(status, StatusCode::NOT_FOUND);

        // A free-text answer is withheld on a ground, and the results say so.
        let demo = app.demo_review().await.id;
        let (status, answers) = app
            .api_get(&format!("/api/v1/reviews/{demo}/answers"), &token)
            .await;
        assert_eq!(status, StatusCode::OK);
        let answer = answers["data"]
            .as_array()
            .unwrap()
            .iter()
            .find(|a| a["text"].as_str().unwrap().contains("Långa resor"))
            .expect("the demo's free-text answer")
            .clone();
        assert!(answer["withheld"].is_null());
        let withhold = format!("/api/v1/reviews/{demo}/answers/{}/withhold", answer["id"]);
        let (status, _, _) = app
            .api_send(reqwest::Method::POST, &withhold, &token, &serde_json::json!({"decided_by": "Registrator", "decided_on": "2026-01-10"}))
            .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "no ground");
        let (status, _, _) = app
            .api_send(
                reqwest::Method::POST,
                &withhold,
                &token,
                &serde_json::json!({"ground": "OSL 21 kap. 7 §", "decided_by": "Registrator", "decided_on": "2026-01-10"}),
            )
            .await;
        assert_eq!(status, StatusCode::NO_CONTENT);
        let (_, answers) = app
            .api_get(&format!("/api/v1/reviews/{demo}/answers"), &token)
            .await;
        assert!(answers.to_string().contains("\"withheld\":\"OSL 21 kap. 7 §\""), "{answers}");
        let viewer = app
            .browser_as("stockholm", "viewer@stockholm.example", Role::Viewer)
            .await;
        let (_, page) = get_with(&viewer, &app.url(&format!("/reviews/{demo}/results"))).await;
        assert!(!page.contains("Långa resor"));
        assert!(page.contains("Uppgiften är undantagen enligt OSL 21 kap. 7 §"));
        // An answer id of another review is not found under this one.
        let other = format!("/api/v1/reviews/{}/answers/{}/withhold", demo + 1000, answer["id"]);
        let (status, _, _) = app
            .api_send(reqwest::Method::DELETE, &other, &token, &serde_json::Value::Null)
            .await;
        assert_eq!(status, StatusCode::NOT_FOUND);
        let (status, _, _) = app
            .api_send(reqwest::Method::DELETE, &withhold, &token, &serde_json::Value::Null)
            .await;
        assert_eq!(status, StatusCode::NO_CONTENT);
        let (_, page) = get_with(&viewer, &app.url(&format!("/reviews/{demo}/results"))).await;
        assert!(page.contains("Långa resor"), "public again");
    })
    .await;
}

/// From the register's own page a registrar chooses what the document
/// belongs to; the membership page links to the form with its membership.
#[tokio::test]
async fn a_document_is_registered_under_a_membership_chosen_in_the_form() {
    on_each_backend(|app| async move {
        app.login_as_demo().await;
        let uclg = app.membership_id("stockholm", "uclg").await;
        let (_, membership) = app.get(&format!("/memberships/{uclg}")).await;
        assert!(membership.contains(&format!("href=\"/documents/new?membership_id={uclg}\"")));
        let (_, page) = app.get("/documents/new").await;
        assert!(
            page.contains(&format!("<option value=\"{uclg}\">UCLG</option>")),
            "{page}"
        );
        let form = reqwest::multipart::Form::new()
            .text("csrf", csrf_of(&page))
            .text("title", "Stadgar UCLG")
            .text("direction", "incoming")
            .text("dated_on", "2011-03-01")
            .text("counterpart", "UCLG World Secretariat")
            .text("type_code", "statute")
            .text("case_id", "")
            .text("membership_id", uclg.to_string())
            .text("review_id", "");
        let r = app
            .client
            .post(app.url("/documents"))
            .header("Origin", app.base.clone())
            .multipart(form)
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), StatusCode::SEE_OTHER);
        let t = app.store.tenant_by_slug("stockholm").await.unwrap();
        let docs = app.store.documents(t.id, None).await.unwrap();
        assert!(
            docs.iter()
                .any(|d| d.title == "Stadgar UCLG" && d.membership_id == Some(uclg))
        );
    })
    .await;
}
