//! The public OParl server as an outside client meets it: crawled from
//! `/oparl` by `scripts/standards/oparl_check.py`, which validates every
//! object against the OParl 1.1 JSON Schemas (../shared/standards/oparl)
//! with Python's `jsonschema`, dereferences every id, pages every list with
//! sizes 1, 2 and 7 and tries the time filters. This test adds data to the
//! demo, deletes a case, runs the crawl and then checks that nothing the
//! public pages hide is served.

use crate::helpers::*;
use oversyn_core::codes::{PersonKind, SeatKind, Side};
use oversyn_core::register::input::{PersonCmd, SeatCmd};
use oversyn_store::audit::Actor;
use oversyn_store::cases::NewCase;
use oversyn_store::synthetic::Scale;
use reqwest::StatusCode;
use serde_json::Value;

#[tokio::test]
async fn the_oparl_server_passes_the_standards_schemas_and_shows_only_what_is_public() {
    on_each_backend(|app| async move {
        let store = &app.store;
        // A second body with more organisations, from the synthetic set.
        store
            .load_synthetic(
                Scale {
                    tenants: 1,
                    memberships: 25,
                    organisations: 30,
                    respondents: 1,
                    seed: 7,
                },
                &|_| (),
            )
            .await
            .unwrap();
        let t = store.tenant_by_slug("stockholm").await.unwrap();
        let actor = Actor {
            tenant_id: t.id,
            user_id: None,
            label: "test".into(),
        };

        // More persons with seats in a network the city belongs to.
        let eurocities = store
            .membership(t.id, app.membership_id("stockholm", "eurocities").await)
            .await
            .unwrap()
            .organisation_id;
        let mut emails = Vec::new();
        for i in 0..9 {
            let email = format!("person{i}@stockholm.example");
            let p = store
                .create_person(
                    &actor,
                    &PersonCmd {
                        name: format!("Ledamot {i}"),
                        kind: if i % 2 == 0 {
                            PersonKind::Politician
                        } else {
                            PersonKind::Official
                        },
                        party: Some("S".into()),
                        side: Some(Side::Opposition),
                        department: Some("Enheten för intern beredning".into()),
                        email: Some(email.clone()),
                        version: None,
                    },
                )
                .await
                .unwrap();
            emails.push(email);
            store
                .create_seat(
                    &actor,
                    &SeatCmd {
                        organisation_id: eurocities,
                        person_id: Some(p.id),
                        kind: SeatKind::Forum,
                        org_body: format!("Forum {i}"),
                        title: None,
                        from: "2010-01-01".parse().ok(),
                        until: None,
                        notes: Some("internal note".into()),
                        appointed_by: None,
                        deputy_person_id: None,
                        version: None,
                    },
                )
                .await
                .unwrap();
        }

        // UCLG becomes internal: the network, its seats and fee leave OParl.
        let uclg_m = app.membership_id("stockholm", "uclg").await;
        let uclg = store
            .membership(t.id, uclg_m)
            .await
            .unwrap()
            .organisation_id;
        store
            .withhold(
                &actor,
                "membership",
                uclg_m,
                &oversyn_core::privacy::secrecy::Withholding {
                    ground: "OSL 15 kap. 1 §".into(),
                    decided_by: "Stadsdirektören".into(),
                    decided_on: "2026-01-15".parse().unwrap(),
                },
            )
            .await
            .unwrap();

        // Events: a public one and an internal one.
        let first = store.events(t.id).await.unwrap().remove(0);
        let mut public = first.fields.clone();
        public.title = "Public congress".into();
        public.organisation_id = eurocities;
        store.create_event(&actor, &public).await.unwrap();
        let mut hidden = public.clone();
        hidden.title = "Internal planning".into();
        hidden.public = false;
        let hidden_id = store.create_event(&actor, &hidden).await.unwrap();

        // Cases: registered (public), a draft without a number, and one
        // registered and then deleted.
        let demo = store.cases(t.id).await.unwrap().remove(0);
        let mut fields = store.case(t.id, demo.id).await.unwrap().fields;
        fields.membership_ids.clear();
        let mut number = fields.number.clone().unwrap();
        let mut case = |title: &str, serial: Option<&str>| {
            let mut f = fields.clone();
            f.title = title.into();
            f.number = serial.map(|s| {
                number.serial = s.into();
                number.clone()
            });
            NewCase {
                fields: f,
                positions: Vec::new(),
                decisions: Vec::new(),
                source: "ui".into(),
            }
        };
        let registered = store
            .create_case(&actor, &case("Registered case", Some("2001")))
            .await
            .unwrap();
        let draft = store
            .create_case(&actor, &case("Draft case", None))
            .await
            .unwrap();
        let gone = store
            .create_case(&actor, &case("Deleted case", Some("2002")))
            .await
            .unwrap();
        store.delete_case(&actor, gone).await.unwrap();

        let body = format!("{}/oparl/bodies/stockholm", app.base);
        let gone_id = format!("{body}/papers/{gone}");
        let summary = standards_check(
            "oparl_check.py",
            "oparl",
            &[
                format!("{}/oparl", app.base),
                "--deleted".into(),
                gone_id.clone(),
            ],
        )
        .await;
        let objects: Vec<&str> = summary["objects"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(Value::as_str)
            .collect();
        let has = |id: &str| objects.contains(&id);

        assert_eq!(summary["bodies"].as_array().unwrap().len(), 2, "{summary}");
        assert!(has(&format!("{body}/papers/{registered}")));
        assert!(has(&format!("{body}/papers/{}", demo.id)));
        assert!(
            !has(&format!("{body}/papers/{draft}")),
            "a draft is not public"
        );
        assert!(
            !has(&format!("{body}/organizations/network-{uclg}")),
            "an internal membership's network"
        );
        assert!(
            !has(&format!("{body}/meetings/{hidden_id}")),
            "an internal event"
        );
        assert!(has(&format!("{body}/organizations/network-{eurocities}")));
        let persons = summary["lists"][format!("{body}/persons")]
            .as_array()
            .unwrap()
            .len();
        assert!(persons >= 9, "{persons} persons");
        let synthetic = format!("{}/oparl/bodies/synthetic-001/organizations", app.base);
        assert!(summary["lists"][synthetic].as_array().unwrap().len() >= 25);

        for (path, status) in [
            (format!("{body}/papers/{draft}"), StatusCode::NOT_FOUND),
            (
                format!("{body}/meetings/{hidden_id}"),
                StatusCode::NOT_FOUND,
            ),
            (
                format!("{body}/organizations/network-{uclg}"),
                StatusCode::NOT_FOUND,
            ),
            (format!("{body}/castles"), StatusCode::NOT_FOUND),
            (
                format!("{body}/papers?page_size=0"),
                StatusCode::BAD_REQUEST,
            ),
            (
                format!("{body}/papers?modified_until=yesterday"),
                StatusCode::BAD_REQUEST,
            ),
            (
                format!("{body}/papers?after=network-1"),
                StatusCode::BAD_REQUEST,
            ),
        ] {
            let r = app.new_browser().get(&path).send().await.unwrap();
            assert_eq!(r.status(), status, "{path}");
            assert_eq!(
                r.headers()["content-type"],
                "application/problem+json",
                "{path}"
            );
        }

        // The body says that a membership is withheld and on what ground, in
        // its own object and in the system's list of bodies, never which.
        let told =
            serde_json::json!([{"entity": "membership", "ground": "OSL 15 kap. 1 §", "count": 1}]);
        let (_, own) = get_with(&app.new_browser(), &body).await;
        let own: Value = serde_json::from_str(&own).unwrap();
        assert_eq!(own["oversyn:withheld"], told, "{own}");
        assert!(!own.to_string().contains("UCLG"), "{own}");
        let (_, listed) = get_with(&app.new_browser(), &format!("{}/oparl/bodies", app.base)).await;
        let listed: Value = serde_json::from_str(&listed).unwrap();
        let mine = listed["data"]
            .as_array()
            .unwrap()
            .iter()
            .find(|b| b["id"] == body.as_str())
            .unwrap();
        assert_eq!(mine["oversyn:withheld"], told, "{mine}");
        let other = listed["data"]
            .as_array()
            .unwrap()
            .iter()
            .find(|b| b["id"] != body.as_str())
            .unwrap();
        assert!(other.get("oversyn:withheld").is_none(), "{other}");
        // Withholding changed the body's notice, so the body was modified
        // then; a body that withheld nothing is as it was set up.
        let (created, modified) = (
            own["created"].as_str().unwrap(),
            own["modified"].as_str().unwrap(),
        );
        assert!(modified > created, "{own}");
        assert_eq!(mine["modified"], own["modified"], "{mine}");
        assert_eq!(other["modified"], other["created"], "{other}");
        // A harvester asking for bodies modified since the withholding gets
        // the one whose notice changed then, and not the other.
        assert!(modified > other["created"].as_str().unwrap());
        let since = modified;
        let (_, changed) = get_with(
            &app.new_browser(),
            &format!("{}/oparl/bodies?modified_since={since}", app.base),
        )
        .await;
        let changed: Value = serde_json::from_str(&changed).unwrap();
        let ids: Vec<&Value> = changed["data"]
            .as_array()
            .unwrap()
            .iter()
            .map(|b| &b["id"])
            .collect();
        assert_eq!(ids, [&Value::from(body.as_str())], "{changed}");

        // Nothing private in any list: no e-mail, no note, no officials' party.
        for list in summary["lists"].as_object().unwrap().keys() {
            let (_, text) = get_with(&app.new_browser(), &format!("{list}?page_size=200")).await;
            for secret in emails.iter().map(String::as_str).chain([
                "internal note",
                "Enheten för intern beredning",
                "Internal planning",
            ]) {
                assert!(!text.contains(secret), "{list} shows {secret}");
            }
        }
        let (_, persons) =
            get_with(&app.new_browser(), &format!("{body}/persons?page_size=200")).await;
        let persons: Value = serde_json::from_str(&persons).unwrap();
        for p in persons["data"].as_array().unwrap() {
            let official = p["name"].as_str().unwrap().ends_with(['1', '3', '5', '7']);
            assert_eq!(p.get("oversyn:party").is_some(), !official, "{p}");
        }

        // Publishing nothing takes the body out of the system.
        store.set_public_kinds(t.id, &[]).await.unwrap();
        let r = app.new_browser().get(&body).send().await.unwrap();
        assert_eq!(r.status(), StatusCode::NOT_FOUND);
    })
    .await;
}
