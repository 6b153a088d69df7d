//! Open data: the register as Popolo over the API, and an export imported
//! into an empty tenant exporting the same document; a broken document
//! changes nothing.

use crate::helpers::*;
use oversyn_core::Role;
use oversyn_core::opendata::popolo::Document;
use oversyn_store::audit::Actor;
use reqwest::StatusCode;

#[tokio::test]
async fn popolo_round_trips_through_an_empty_tenant() {
    on_each_backend(|app| async move {
        let token = app
            .token_for("stockholm", "api@stockholm.example", Role::Viewer)
            .await;
        // Terms of office: one in a body of the register, one in a body
        // that is not (held in the city itself).
        let editor = app
            .token_for("stockholm", "terms@stockholm.example", Role::Editor)
            .await;
        let t = app.store.tenant_by_slug("stockholm").await.unwrap();
        let wanngard = app
            .store
            .persons(t.id)
            .await
            .unwrap()
            .into_iter()
            .find(|p| p.name == "Karin Wanngård")
            .unwrap()
            .id;
        for (body, role, from, to, side) in [
            ("Kommunstyrelsen", "borgarråd", "2010-11-01", Some("2014-10-14"), "opposition"),
            ("Kommunstyrelsen", "borgarråd", "2014-10-15", None, "majority"),
            ("Socialnämnden", "ordförande", "2015-01-01", Some("2018-12-31"), ""),
        ] {
            let (status, out, _) = app
                .api_send(
                    reqwest::Method::POST,
                    &format!("/api/v1/persons/{wanngard}/terms"),
                    &editor,
                    &serde_json::json!({"body": body, "role": role, "from": from, "to": to, "side": side}),
                )
                .await;
            assert_eq!(status, StatusCode::CREATED, "{out}");
        }
        let (status, doc) = app.api_get("/api/v1/popolo", &token).await;
        assert_eq!(status, StatusCode::OK);
        let terms: Vec<&serde_json::Value> = doc["memberships"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|m| m["extras"]["term"] == "true")
            .collect();
        assert_eq!(terms.len(), 3, "{doc:#}");
        let ks = terms
            .iter()
            .find(|m| m["start_date"] == "2010-11-01")
            .unwrap();
        assert_eq!(ks["person_id"], "person:karin-wanngard");
        assert_eq!(ks["organization_id"], "body:kommunstyrelsen");
        assert_eq!(ks["role"], "borgarråd");
        assert_eq!(ks["end_date"], "2014-10-14");
        assert_eq!(ks["extras"]["side"], "opposition");
        let sn = terms
            .iter()
            .find(|m| m["extras"]["body"] == "Socialnämnden")
            .unwrap();
        assert_eq!(sn["organization_id"], "city", "a body outside the register");
        let org_members = doc["memberships"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|m| m["member"]["@type"] == "Organization")
            .count();
        assert!(org_members >= 4, "{doc:#}");
        assert!(!doc["posts"].as_array().unwrap().is_empty());
        let metropolis = doc["organizations"]
            .as_array()
            .unwrap()
            .iter()
            .find(|o| o["id"] == "org:metropolis")
            .unwrap();
        assert_eq!(
            metropolis["parent_id"], "org:uclg",
            "a section's parent is its organisation"
        );
        assert!(
            !doc.to_string().contains("@stockholm.example"),
            "no e-mail addresses in open data"
        );

        let original: Document = serde_json::from_value(doc).unwrap();
        let copy = app.store.create_tenant("kopia", "Kopia").await.unwrap();
        let actor = Actor {
            tenant_id: copy.id,
            user_id: None,
            label: "test".into(),
        };
        oversyn_app::opendata::popolo::import_document(&app.store, &actor, &original)
            .await
            .unwrap();
        let again = oversyn_app::opendata::popolo::export_tenant(&app.store, copy.id)
            .await
            .unwrap();
        assert_eq!(
            again.organizations[1..],
            original.organizations[1..],
            "all but the city itself"
        );
        assert_eq!(again.persons, original.persons);
        assert_eq!(again.posts, original.posts);
        assert_eq!(again.memberships, original.memberships);
        // Importing twice is refused: the tenant is no longer empty.
        assert!(
            oversyn_app::opendata::popolo::import_document(&app.store, &actor, &original)
                .await
                .is_err()
        );

        assert_eq!(app.store.terms(copy.id).await.unwrap().len(), 3);

        let mut broken = original.clone();
        broken.posts[0].organization_id = "org:nowhere".into();
        broken.memberships[0].start_date = Some("01/02/2011".into());
        // A term that overlaps another in the same body.
        let mut overlap = broken
            .memberships
            .iter()
            .find(|m| m.start_date.as_deref() == Some("2014-10-15"))
            .unwrap()
            .clone();
        overlap.id = "membership:overlap".into();
        overlap.start_date = Some("2016-01-01".into());
        broken.memberships.push(overlap);
        let empty = app.store.create_tenant("tom", "Tom").await.unwrap();
        let actor = Actor {
            tenant_id: empty.id,
            user_id: None,
            label: "test".into(),
        };
        let e = oversyn_app::opendata::popolo::import_document(&app.store, &actor, &broken)
            .await
            .unwrap_err();
        let message = e.to_string();
        assert!(
            message.contains("org:nowhere")
                && message.contains("01/02/2011")
                && message.contains("membership:overlap: overlaps another term"),
            "{message}"
        );
        assert!(
            app.store.bodies(empty.id).await.unwrap().is_empty(),
            "nothing written"
        );
        assert!(app.store.persons(empty.id).await.unwrap().is_empty());
    })
    .await;
}

#[tokio::test]
async fn a_private_membership_never_appears_in_public_output() {
    on_each_backend(|app| async move {
        let public = app.new_browser();
        let outputs = [
            "/public/stockholm",
            "/public/stockholm/popolo.json",
            "/public/stockholm/events",
            "/public/stockholm/cases/1",
        ];
        let read_all = || async {
            let mut all = String::new();
            for path in outputs {
                let (status, body) = get_with(&public, &app.url(path)).await;
                assert_eq!(status, StatusCode::OK, "{path}");
                all.push_str(&body);
            }
            all
        };
        let before = read_all().await;
        assert!(
            before.contains("SKR") && before.contains("Sveriges Kommuner och Regioner"),
            "shown while public"
        );
        assert!(before.contains("CC0"), "the licence is shown");
        app.login_as_demo().await;
        let id = app.membership_id("stockholm", "skr").await;
        let page = format!("/memberships/{id}");
        // Withholding needs a ground in the OSL, who decided and when.
        let (status, body, _) = app
            .post_form(
                &app.client,
                &page,
                &format!("{page}/privacy"),
                &[("withhold", "on"), ("decided_by", "Stadsdirektören")],
            )
            .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(body.contains("Ange sekretessgrund"), "{body}");
        assert!(body.contains("value=\"Stadsdirektören\""), "the input is kept");
        assert!(read_all().await.contains("Sveriges Kommuner och Regioner"), "still public");
        let (status, _, _) = app
            .post_form(
                &app.client,
                &page,
                &format!("{page}/privacy"),
                &[
                    ("withhold", "on"),
                    ("ground", "OSL 15 kap. 1 §"),
                    ("decided_by", "Stadsdirektören"),
                    ("decided_on", "2026-01-15"),
                ],
            )
            .await;
        assert_eq!(status, StatusCode::SEE_OTHER);
        let after = read_all().await;
        assert!(
            !after.contains("SKR") && !after.contains("Sveriges Kommuner och Regioner"),
            "private stays private"
        );
        assert!(
            after.contains("1 medlemskap undantas med stöd av OSL 15 kap. 1 §"),
            "the public is told that and why, not what: {after}"
        );
        assert!(after.contains("\"withheld\":[{\"entity\":\"membership\",\"ground\":\"OSL 15 kap. 1 §\",\"count\":1}]"), "{after}");
        let (_, own) = app.get(&page).await;
        assert!(own.contains("Stadsdirektören 2026-01-15"), "the decision is on record");
        assert!(after.contains("EUROCITIES"));
        // Fees can be taken off the public pages as a whole.
        let (status, _, _) = app
            .post_form(
                &app.client,
                "/settings/public",
                "/settings/public",
                &[
                    ("kind", "organisations"),
                    ("kind", "memberships"),
                    ("kind", "cases"),
                ],
            )
            .await;
        assert_eq!(status, StatusCode::SEE_OTHER);
        let (_, json) = get_with(&public, &app.url("/public/stockholm/popolo.json")).await;
        assert!(
            !json.contains("fee_minor") && !json.contains("\"posts\":[{"),
            "{json}"
        );
        let (status, _) = get_with(&public, &app.url("/public/stockholm/events")).await;
        assert_eq!(status, StatusCode::OK);
        // A viewer may not change what is public.
        let viewer = app
            .browser_as("stockholm", "viewer@stockholm.example", Role::Viewer)
            .await;
        let (status, _, _) = app
            .post_form(&viewer, "/", &format!("{page}/privacy"), &[])
            .await;
        assert_eq!(status, StatusCode::FORBIDDEN);
    })
    .await;
}

#[tokio::test]
async fn a_decided_case_exports_as_akoma_ntoso() {
    on_each_backend(|app| async move {
        let token = app.token_for("stockholm", "api@stockholm.example", Role::Viewer).await;
        let r = reqwest::Client::new().get(app.url("/api/v1/cases/1/akn")).bearer_auth(&token).send().await.unwrap();
        assert_eq!(r.status(), StatusCode::OK);
        assert!(r.headers()["content-type"].to_str().unwrap().starts_with("application/akn+xml"));
        let xml = r.text().await.unwrap();
        let doc = roxmltree::Document::parse(&xml).expect("well-formed XML");
        // Each reservation or statement is a container; each person in it an
        // opinion of their own (the schema's `by` holds one reference).
        let positions: Vec<_> = doc.descendants().filter(|n| n.tag_name().name() == "hcontainer").collect();
        assert_eq!(positions.len(), 5);
        let reservations = positions.iter().filter(|o| o.attribute("name") == Some("reservation")).count();
        assert_eq!(reservations, 3, "MP, MP with reference, V");
        let opinions: Vec<_> = doc.descendants().filter(|n| n.tag_name().name() == "opinion").collect();
        assert_eq!(opinions.len(), 9);
        let dissents = opinions.iter().filter(|o| o.attribute("type") == Some("dissenting")).count();
        assert_eq!(dissents, 4, "Bolund; Hagberg and Nilsson; Livh");
        assert!(positions[3].descendants().any(|o| o.attribute("by") == Some("#ann-margarethe-livh")));
        let paragraphs = doc
            .descendants()
            .find(|n| n.tag_name().name() == "mainBody")
            .unwrap()
            .children()
            .filter(|n| n.tag_name().name() == "paragraph")
            .count();
        assert_eq!(paragraphs, 3);
        let (status, _, _) = app
            .api_send(reqwest::Method::POST, "/api/v1/cases", &app.token_for("stockholm", "ed@stockholm.example", Role::Editor).await, &serde_json::json!({"title": "Öppet", "route": ["Kommunstyrelsen"], "proposal": [{"text": "Något."}]}))
            .await;
        assert_eq!(status, StatusCode::CREATED);
        let r = reqwest::Client::new().get(app.url("/api/v1/cases/2/akn")).bearer_auth(&token).send().await.unwrap();
        assert_eq!(r.status(), StatusCode::CONFLICT);
        let (status, xml) = get_with(&app.new_browser(), &app.url("/public/stockholm/cases/1/akn.xml")).await;
        assert_eq!(status, StatusCode::OK);
        assert!(xml.contains("opinion"));
    })
    .await;
}

#[tokio::test]
async fn oparl_pages_return_every_object_once_even_while_objects_are_added() {
    on_each_backend(|app| async move {
        let token = app
            .token_for("stockholm", "api@stockholm.example", Role::Editor)
            .await;
        let t = app.store.tenant_by_slug("stockholm").await.unwrap();
        let actor = Actor {
            tenant_id: t.id,
            user_id: None,
            label: "test".into(),
        };
        let person = |i: usize| oversyn_core::register::input::PersonCmd {
            name: format!("Person {i:03}"),
            kind: oversyn_core::codes::PersonKind::Politician,
            party: None,
            side: None,
            department: None,
            email: None,
            version: None,
        };
        for i in 0..12 {
            app.store.create_person(&actor, &person(i)).await.unwrap();
        }
        let before = app.store.persons(t.id).await.unwrap().len();
        let mut seen: Vec<String> = Vec::new();
        let mut url = "/api/v1/oparl/persons?page_size=5".to_owned();
        let mut added = 0;
        loop {
            let (status, page) = app.api_get(&url, &token).await;
            assert_eq!(status, StatusCode::OK, "{page}");
            for p in page["data"].as_array().unwrap() {
                seen.push(p["id"].as_str().unwrap().to_owned());
                assert!(p["modified"].as_str().is_some());
            }
            // Someone adds persons while we page.
            if added < 3 {
                app.store
                    .create_person(&actor, &person(100 + added))
                    .await
                    .unwrap();
                added += 1;
            }
            match page["links"]["next"].as_str() {
                Some(next) => url = next.trim_start_matches(&app.base).to_owned(),
                None => break,
            }
        }
        let mut unique = seen.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), seen.len(), "no object twice");
        assert_eq!(
            seen.len(),
            before + added,
            "every object, also those added while paging"
        );

        // modified_since is carried into the links and brings tombstones.
        let since = chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Millis, true);
        let editor = app
            .token_for("stockholm", "ed@stockholm.example", Role::Editor)
            .await;
        let (_, made, _) = app
            .api_send(
                reqwest::Method::POST,
                "/api/v1/cases",
                &editor,
                &serde_json::json!({"title": "Tillfälligt", "route": ["Kommunstyrelsen"]}),
            )
            .await;
        let id = made["id"].as_i64().unwrap();
        app.store.delete_case(&actor, id).await.unwrap();
        let q = format!(
            "/api/v1/oparl/papers?page_size=1&modified_since={}",
            since.replace('+', "%2B")
        );
        let (status, page) = app.api_get(&q, &token).await;
        assert_eq!(status, StatusCode::OK, "{page}");
        let data = page["data"].as_array().unwrap();
        assert_eq!(data.len(), 1);
        assert_eq!(data[0]["deleted"], true);
        let (_, all) = app.api_get("/api/v1/oparl/papers", &token).await;
        assert!(
            all["data"]
                .as_array()
                .unwrap()
                .iter()
                .all(|p| p["deleted"].is_null()),
            "tombstones only with modified_since"
        );
        assert_eq!(
            all["data"][0]["oversyn:reservations"]
                .as_array()
                .unwrap()
                .len(),
            3
        );
        let (_, orgs) = app
            .api_get(
                "/api/v1/oparl/organizations?page_size=2&created_since=2000-01-01",
                &token,
            )
            .await;
        assert!(
            orgs["links"]["next"]
                .as_str()
                .unwrap()
                .contains("created_since=2000-01-01")
        );
        let (status, problem) = app
            .api_get("/api/v1/oparl/persons?modified_since=yesterday", &token)
            .await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{problem}");
        let (status, _) = app.api_get("/api/v1/oparl/castles", &token).await;
        assert_eq!(status, StatusCode::NOT_FOUND);
    })
    .await;
}

#[tokio::test]
async fn register_tables_round_trip_as_csv_and_xlsx_and_broken_files_change_nothing() {
    use oversyn_app::opendata::table::{export_table, import_table, to_csv, to_xlsx};
    use oversyn_core::opendata::table::TableKind;
    on_each_backend(|app| async move {
        let t = app.store.tenant_by_slug("stockholm").await.unwrap();
        let (header, rows) = export_table(&app.store, t.id, TableKind::Memberships).await.unwrap();
        assert_eq!(rows.len(), 5);
        let persons = export_table(&app.store, t.id, TableKind::Persons).await.unwrap();
        for (format, bytes) in [("csv", to_csv(&header, &rows)), ("xlsx", to_xlsx("memberships", &header, &rows).unwrap())] {
            let copy = app.store.create_tenant(&format!("kopia-{format}"), "Kopia").await.unwrap();
            let actor = Actor { tenant_id: copy.id, user_id: None, label: "test".into() };
            for body in ["Kommunstyrelsen", "Kommunfullmäktige"] {
                let cmd = oversyn_core::register::input::BodyCmd { name: body.into(), kind: oversyn_core::codes::BodyKind::Council, abbreviation: None, version: None };
                app.store.create_body(&actor, &cmd).await.unwrap();
            }
            let table = oversyn_import::table::read_table(&bytes).unwrap();
            let out = import_table(&app.store, &actor, TableKind::Memberships, &table, false).await.unwrap();
            assert!(out.errors.is_empty(), "{format}: {:?}", out.errors);
            assert_eq!(out.written, 5);
            let (_, again) = export_table(&app.store, copy.id, TableKind::Memberships).await.unwrap();
            assert_eq!(again, rows, "{format} round trip");
            let ptable = oversyn_import::table::read_table(&to_xlsx("persons", &persons.0, &persons.1).unwrap()).unwrap();
            let out = import_table(&app.store, &actor, TableKind::Persons, &ptable, false).await.unwrap();
            assert_eq!(out.written, persons.1.len());
            assert_eq!(export_table(&app.store, copy.id, TableKind::Persons).await.unwrap().1, persons.1);
        }

        let empty = app.store.create_tenant("tom", "Tom").await.unwrap();
        let actor = Actor { tenant_id: empty.id, user_id: None, label: "test".into() };
        let cmd = oversyn_core::register::input::BodyCmd { name: "Kommunstyrelsen".into(), kind: oversyn_core::codes::BodyKind::ExecutiveBoard, abbreviation: Some("KS".into()), version: None };
        app.store.create_body(&actor, &cmd).await.unwrap();
        let bad = "organisation,body,since,fee,currency\nEUROCITIES,KS,2010-01-01,16300,EUR\nNo Such Network,KS,igår,16300,EUR\nC40,Fullmäktige,40909,,\n";
        let table = oversyn_import::table::read_table(bad.as_bytes()).unwrap();
        let out = import_table(&app.store, &actor, TableKind::Memberships, &table, false).await.unwrap();
        let shown: Vec<String> = out.errors.iter().map(ToString::to_string).collect();
        assert_eq!(out.written, 0);
        assert!(shown.iter().any(|e| e.starts_with("line 3, column C (since)")), "{shown:?}");
        assert!(shown.iter().any(|e| e.starts_with("line 4, column B (body)")), "{shown:?}");
        assert!(app.store.memberships(empty.id).await.unwrap().is_empty(), "nothing half-imported");
        let out = import_table(&app.store, &actor, TableKind::Memberships, &table, true).await.unwrap();
        assert_eq!(out.written, 1, "only the valid row when asked");
        let wrong = oversyn_import::table::read_table(b"namn;parti\nAnna;S\n").unwrap();
        let out = import_table(&app.store, &actor, TableKind::Persons, &wrong, false).await.unwrap();
        assert!(out.errors[0].to_string().contains("unknown column"));
        let dup = oversyn_import::table::read_table(b"name\nICLEI Europe\niclei europe\n").unwrap();
        let out = import_table(&app.store, &actor, TableKind::Organisations, &dup, false).await.unwrap();
        assert!(out.errors[0].to_string().contains("appears twice"));
        let garbage: Vec<u8> = (0..10 * 1024 * 1024).map(|i: u32| (i.wrapping_mul(2_654_435_761) >> 24) as u8).collect();
        assert!(oversyn_import::table::read_table(&garbage).is_err(), "10 MB of garbage is refused");
        assert!(app.store.persons(empty.id).await.unwrap().is_empty());
    })
    .await;
}

#[tokio::test]
async fn a_table_is_previewed_with_its_problems_before_anything_is_saved() {
    on_each_backend(|app| async move {
        app.login_as_demo().await;
        let (_, page) = app.get("/tables").await;
        let upload = |bytes: &'static [u8]| {
            reqwest::multipart::Form::new()
                .text("csrf", csrf_of(&page))
                .text("kind", "persons")
                .part(
                    "file",
                    reqwest::multipart::Part::bytes(bytes).file_name("personer.csv"),
                )
        };
        let r = app
            .client
            .post(app.url("/tables"))
            .multipart(upload(
                b"name,kind,email\nLena Lund,politician,inte-en-adress\nOla Ek,politician,\n",
            ))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let body = r.text().await.unwrap();
        assert!(body.contains("line 2, column C (email)"), "{body}");
        let t = app.store.tenant_by_slug("stockholm").await.unwrap();
        let before = app.store.persons(t.id).await.unwrap().len();
        let r = app
            .client
            .post(app.url("/tables"))
            .multipart(upload(
                b"name,kind\nLena Lund,politician\nOla Ek,official\n",
            ))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), StatusCode::OK);
        let preview = r.text().await.unwrap();
        assert_eq!(
            app.store.persons(t.id).await.unwrap().len(),
            before,
            "a preview saves nothing"
        );
        let table = preview
            .split("name=\"table\" value=\"")
            .nth(1)
            .and_then(|s| s.split('"').next())
            .unwrap()
            .replace("&quot;", "\"")
            .replace("&#34;", "\"");
        let r = app
            .client
            .post(app.url("/tables/confirm"))
            .form(&[
                ("csrf", csrf_of(&preview).as_str()),
                ("kind", "persons"),
                ("table", table.as_str()),
            ])
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), StatusCode::OK);
        assert_eq!(app.store.persons(t.id).await.unwrap().len(), before + 2);
        let r = app
            .client
            .get(app.url("/tables/memberships.xlsx"))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), StatusCode::OK);
        assert!(r.bytes().await.unwrap().starts_with(b"PK"));
    })
    .await;
}
