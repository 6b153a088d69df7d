//! People over time: terms of office with the side held in each, so the
//! representation on a past day counts the side held that day; a seat's
//! appointing decision and deputy; overlapping or backwards terms and a
//! deputy who is the holder refused with nothing saved (API and browser).

use crate::helpers::*;
use oversyn_core::Role;
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

async fn person_id(app: &TestApp, token: &str, name: &str) -> i64 {
    let (_, list) = app.api_get("/api/v1/persons", token).await;
    list["data"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["name"] == json!(name))
        .unwrap()["id"]
        .as_i64()
        .unwrap()
}

fn eurocities(r: &Value) -> Value {
    r["organisations"]["EUROCITIES"].clone()
}

#[tokio::test]
async fn the_side_counted_is_the_one_held_on_the_day() {
    on_each_backend(|app| async move {
        let token = app
            .token_for("stockholm", "registrar@stockholm.example", Role::Editor)
            .await;
        let wanngard = person_id(&app, &token, "Karin Wanngård").await;
        let nordin = person_id(&app, &token, "Sten Nordin").await;
        let t = app.store.tenant_by_slug("stockholm").await.unwrap();
        let org = app
            .store
            .organisation_by_slug(t.id, "eurocities")
            .await
            .unwrap()
            .id;

        // A deputy who is the holder is refused; then the seat with both.
        let seat = |deputy: i64| {
            json!({"organisation_id": org, "person_id": wanngard, "kind": "forum", "org_body": "Social Affairs Forum",
                   "from": "2010-11-01", "appointed_by": "KS 2010-12-15 § 9", "deputy_person_id": deputy})
        };
        let (status, p, _) = app.api_send(Method::POST, "/api/v1/seats", &token, &seat(wanngard)).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{p}");
        assert_eq!(p["errors"][0]["field"], "deputy_person_id");
        let (status, s, _) = app.api_send(Method::POST, "/api/v1/seats", &token, &seat(nordin)).await;
        assert_eq!(status, StatusCode::CREATED, "{s}");
        assert_eq!((s["appointed_by"].clone(), s["deputy_person_id"].clone()), (json!("KS 2010-12-15 § 9"), json!(nordin)));

        // Opposition until the 2014 election, then majority.
        let terms = format!("/api/v1/persons/{wanngard}/terms");
        for (from, to, side) in [("2010-11-01", "2014-10-14", "opposition"), ("2014-10-15", "2018-10-14", "majority")] {
            let (status, out, _) = app
                .api_send(Method::POST, &terms, &token, &json!({"body": "Kommunstyrelsen", "role": "borgarråd", "from": from, "to": to, "side": side}))
                .await;
            assert_eq!(status, StatusCode::CREATED, "{out}");
        }
        // Overlapping, and ending before it starts: refused, nothing saved.
        let (status, p, _) = app
            .api_send(Method::POST, &terms, &token, &json!({"body": "kommunstyrelsen", "role": "ledamot", "from": "2013-01-01", "side": "majority"}))
            .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{p}");
        assert_eq!(p["errors"][0]["code"], "error-term-overlap");
        let (status, p, _) = app
            .api_send(Method::POST, &terms, &token, &json!({"body": "Kommunfullmäktige", "role": "ledamot", "from": "2013-01-01", "to": "2012-01-01"}))
            .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{p}");
        assert_eq!(p["errors"][0]["field"], "to");
        let (_, list) = app.api_get(&terms, &token).await;
        assert_eq!(list["data"].as_array().unwrap().len(), 2);

        // The same seat, counted on each side of the change of majority.
        let (status, r) = app.api_get("/api/v1/representation?on=2011-09-21", &token).await;
        assert_eq!(status, StatusCode::OK, "{r}");
        let seats_2011 = eurocities(&r)["seats"].as_i64().unwrap();
        assert_eq!((eurocities(&r)["opposition"].clone(), eurocities(&r)["majority"].clone()), (json!(1), json!(0)), "{r}");
        let (_, r) = app.api_get("/api/v1/representation?on=2016-01-01", &token).await;
        assert_eq!((eurocities(&r)["opposition"].clone(), eurocities(&r)["majority"].clone()), (json!(0), json!(1)), "{r}");
        // Before the seat began it is not counted.
        let (_, r) = app.api_get("/api/v1/representation?on=2009-01-01", &token).await;
        assert_eq!(eurocities(&r)["seats"], json!(seats_2011 - 1), "{r}");
        assert_eq!(eurocities(&r)["opposition"], json!(0), "{r}");
        let (status, _) = app.api_get("/api/v1/representation?on=21/9/2011", &token).await;
        assert_eq!(status, StatusCode::BAD_REQUEST);

        // The page for a past day says the same.
        app.login_as_demo().await;
        let (_, page) = app.get("/representation?on=2011-09-21").await;
        assert!(page.contains("value=\"2011-09-21\""), "{page}");
        let row = page
            .split("<tr>")
            .find(|r| r.contains(">EUROCITIES<"))
            .unwrap()
            .to_owned();
        let cells: Vec<&str> = row.split("class=\"num\">").skip(1).map(|c| c.split('<').next().unwrap()).collect();
        assert_eq!(cells[1..3], ["0", "1"], "majority 0, opposition 1: {row}");

        // The person's page lists the terms; the form keeps a bad entry.
        let (status, body, _) = app
            .post_form(&app.client, &format!("/persons/{wanngard}"), &format!("/persons/{wanngard}/terms"),
                &[("body", "Kommunstyrelsen"), ("role", "ersättare"), ("from", "2012-05-01"), ("side", "opposition")])
            .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(body.contains("Perioden överlappar"), "{body}");
        assert!(body.contains("value=\"ersättare\""), "{body}");
        let (_, page) = app.get(&format!("/persons/{wanngard}")).await;
        assert!(page.contains("2014-10-15") && page.contains("borgarråd"), "{page}");
    })
    .await;
}
