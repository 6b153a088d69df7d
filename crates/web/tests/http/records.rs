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

        // A letter without its recipient is refused, the input kept.
        let new = format!("/documents/new?case_id={case_id}");
        let letter = [
            ("case_id", case_id.to_string()),
            ("title", "Uppsägning av medlemskapet i UCLG".to_owned()),
            ("type_code", "notice".to_owned()),
            ("direction", "outgoing".to_owned()),
            ("dated_on", "2026-06-20".to_owned()),
        ];
        let fields: Vec<(&str, &str)> = letter.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let (status, body, _) = app
            .post_form(&app.client, &new, "/documents", &fields)
            .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(body.contains("Ange avsändare eller mottagare"), "{body}");
        assert!(body.contains("value=\"Uppsägning av medlemskapet i UCLG\""));
        let mut with_recipient = fields.clone();
        with_recipient.push(("counterpart", "UCLG World Secretariat"));
        let (status, _, _) = app
            .post_form(&app.client, &new, "/documents", &with_recipient)
            .await;
        assert_eq!(status, StatusCode::SEE_OTHER);

        // An incoming invoice from 2018 (kept seven years) and a secret letter.
        let t = app.store.tenant_by_slug("stockholm").await.unwrap();
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
