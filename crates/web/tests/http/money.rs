//! Money in kronor: each fee also in SEK with the rate it was converted at,
//! imported rates replacing shipped ones at once on every page, fees in any
//! currency in the analysis's cost, and a membership's invoices through the
//! API and the browser, with bad input refused and nothing saved.

use crate::helpers::*;
use oversyn_core::Role;
use oversyn_core::rates::Rate;
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

fn field_errors(problem: &Value) -> Vec<String> {
    problem["errors"]
        .as_array()
        .map(|a| {
            a.iter()
                .map(|e| e["field"].as_str().unwrap_or_default().to_owned())
                .collect()
        })
        .unwrap_or_default()
}

#[tokio::test]
async fn fees_are_read_in_kronor_at_the_rate_of_their_year() {
    on_each_backend(|app| async move {
        let token = app
            .token_for("stockholm", "reader@stockholm.example", Role::Editor)
            .await;
        let eurocities = app.membership_id("stockholm", "eurocities").await;
        let (status, m) = app
            .api_get(&format!("/api/v1/memberships/{eurocities}"), &token)
            .await;
        assert_eq!(status, StatusCode::OK, "{m}");
        // 16 000 EUR (illustrative) at the shipped 2011 rate of 9.0298.
        assert_eq!(m["fee"]["sek"], json!(14_447_680), "{m}");
        assert_eq!(m["fee"]["rate"]["value"], json!(9.0298));
        assert_eq!(m["fee"]["rate"]["year"], json!(2011));
        assert!(m["fee"]["rate"]["source"].as_str().unwrap().contains("ECB"));
        // C40 takes no fee: 0 kr and no rate; Metropolis's is unknown.
        let c40 = app.membership_id("stockholm", "c40").await;
        let (_, m) = app.api_get(&format!("/api/v1/memberships/{c40}"), &token).await;
        assert_eq!((m["fee"]["sek"].clone(), m["fee"]["rate"].clone()), (json!(0), Value::Null));
        let metropolis = app.membership_id("stockholm", "metropolis").await;
        let (_, m) = app
            .api_get(&format!("/api/v1/memberships/{metropolis}"), &token)
            .await;
        assert_eq!(m["fee"]["sek"], Value::Null);

        // A fee in pounds: converted too, and counted in the year's total.
        let (_, metro) = app
            .api_get(&format!("/api/v1/memberships/{metropolis}"), &token)
            .await;
        let (status, put, _) = app
            .api_send(
                Method::PUT,
                &format!("/api/v1/memberships/{metropolis}"),
                &token,
                &json!({"body_id": metro["body"]["id"], "organisation_id": metro["organisation"]["id"],
                        "mtype": "full", "status": "active", "fee_kind": "amount", "fee_amount": "1 000",
                        "fee_currency": "GBP", "fee_year": "2011", "version": metro["version"]}),
            )
            .await;
        assert_eq!(status, StatusCode::OK, "{put}");
        assert_eq!(put["fee"]["sek"], json!(1_040_700), "1 000 GBP at 10.4070: {put}");
        let (_, totals) = app.api_get("/api/v1/fees/totals", &token).await;
        let y2011 = totals["fees_by_year"]
            .as_array()
            .unwrap()
            .iter()
            .find(|y| y["year"] == json!(2011))
            .unwrap()
            .clone();
        assert_eq!(y2011["sek"], json!(14_447_680 + 1_040_700), "{totals}");

        // The Riksbank's own figure, imported, replaces the shipped one on
        // the next request (every tenant's pages depend on it).
        app.store
            .import_rates(
                "test",
                &[Rate {
                    currency: "EUR".into(),
                    year: 2011,
                    micro: 9_033_500,
                    source: "Sveriges riksbank, årsgenomsnitt 2011".into(),
                }],
            )
            .await
            .unwrap();
        let (_, m) = app
            .api_get(&format!("/api/v1/memberships/{eurocities}"), &token)
            .await;
        assert_eq!(m["fee"]["sek"], json!(14_453_600), "{m}");
        assert_eq!(m["fee"]["rate"]["source"], json!("Sveriges riksbank, årsgenomsnitt 2011"));
        let (_, rates) = app.api_get("/api/v1/rates", &token).await;
        let eur = rates["data"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|r| r["currency"] == json!("EUR") && r["year"] == json!(2011))
            .count();
        assert_eq!(eur, 1, "one rate per currency and year");

        // The register overview gives the totals in kronor.
        app.login_as_demo().await;
        let (_, page) = app.get("/").await;
        assert!(page.contains("I kronor"), "{page}");
        assert!(page.contains("154\u{a0}943"), "144 536 + 10 407 kr: {page}");
        // The rates page shows the imported rate with its source.
        let (status, rates) = app.get("/rates").await;
        assert_eq!(status, StatusCode::OK);
        assert!(rates.contains("9,0335") && rates.contains("Sveriges riksbank, årsgenomsnitt 2011"), "{rates}");
    })
    .await;
}

#[tokio::test]
async fn a_fee_in_any_currency_weighs_in_the_cost() {
    on_each_backend(|app| async move {
        let token = app
            .token_for("stockholm", "reader@stockholm.example", Role::Viewer)
            .await;
        let review = app.demo_review().await.id;
        let (status, a) = app
            .api_get(&format!("/api/v1/reviews/{review}/analysis"), &token)
            .await;
        assert_eq!(status, StatusCode::OK, "{a}");
        let eurocities = a["memberships"]
            .as_array()
            .unwrap()
            .iter()
            .find(|m| m["organisation"] == json!("EUROCITIES"))
            .unwrap();
        let cost = &eurocities["cost"];
        assert_eq!(cost["fee"], json!(16_000.0), "{cost}");
        assert_eq!(cost["fee_currency"], json!("EUR"));
        assert_eq!(cost["fee_sek"], json!(144_476.8));
        // One point per 5 000 kr: 28.89536 of the index.
        let fee_part = cost["parts"]["fee"].as_f64().unwrap();
        assert!((fee_part - 28.89536).abs() < 1e-9, "{cost}");
        let sum = cost["parts"]["travel"].as_f64().unwrap()
            + cost["parts"]["declined"].as_f64().unwrap()
            + fee_part;
        assert!((cost["index"].as_f64().unwrap() - sum.min(100.0)).abs() < 1e-9);
    })
    .await;
}

#[tokio::test]
async fn invoices_through_the_api_refuse_bad_input_and_save_nothing() {
    on_each_backend(|app| async move {
        let token = app
            .token_for("stockholm", "editor@stockholm.example", Role::Editor)
            .await;
        let m = app.membership_id("stockholm", "eurocities").await;
        let path = format!("/api/v1/memberships/{m}/invoices");
        let (status, p, ctype) = app
            .api_send(
                Method::POST,
                &path,
                &token,
                &json!({"invoice_date": "2011-03-01", "amount": "-5", "budget_year": "2015", "paid_on": "2011-02-01", "currency": "euro"}),
            )
            .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{p}");
        assert_eq!(ctype, "application/problem+json");
        let mut fields = field_errors(&p);
        fields.sort();
        assert_eq!(fields, ["amount", "budget_year", "currency", "paid_on"], "{p}");
        let (_, list) = app.api_get(&path, &token).await;
        assert_eq!(list["data"], json!([]), "nothing saved");

        // Good input: the fee's currency by default, the date's budget year.
        let (status, inv, _) = app
            .api_send(
                Method::POST,
                &path,
                &token,
                &json!({"invoice_date": "2011-02-15", "amount": "16 000", "reference": "EC-2011-118"}),
            )
            .await;
        assert_eq!(status, StatusCode::CREATED, "{inv}");
        assert_eq!(
            (inv["currency"].clone(), inv["budget_year"].clone(), inv["paid"].clone(), inv["sek"].clone()),
            (json!("EUR"), json!(2011), json!(false), json!(14_447_680))
        );
        let id = inv["id"].as_i64().unwrap();
        let (_, totals) = app.api_get("/api/v1/fees/totals", &token).await;
        assert_eq!(
            totals["budget_years"],
            json!([{"year": 2011, "invoiced_sek": 14_447_680, "unpaid_sek": 14_447_680, "unconverted": 0}])
        );

        // Paid, with the version it was read at; a stale version is refused.
        let body = json!({"invoice_date": "2011-02-15", "amount": "16 000", "paid_on": "2011-03-10", "version": "1"});
        let (status, paid, _) = app
            .api_send(Method::PUT, &format!("/api/v1/invoices/{id}"), &token, &body)
            .await;
        assert_eq!(status, StatusCode::OK, "{paid}");
        assert_eq!(paid["paid_on"], json!("2011-03-10"));
        let (status, _, _) = app
            .api_send(Method::PUT, &format!("/api/v1/invoices/{id}"), &token, &body)
            .await;
        assert_eq!(status, StatusCode::CONFLICT);
        let (_, totals) = app.api_get("/api/v1/fees/totals", &token).await;
        assert_eq!(totals["budget_years"][0]["unpaid_sek"], json!(0));

        // The history names each change; then the invoice is removed.
        let (_, history) = app
            .api_get(&format!("/api/v1/history/invoice/{id}"), &token)
            .await;
        let actions: Vec<&str> = history["data"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["action"].as_str().unwrap())
            .collect();
        assert_eq!(actions, ["update", "create"], "{history}");
        let (status, _, _) = app
            .api_send(Method::DELETE, &format!("/api/v1/invoices/{id}"), &token, &json!({}))
            .await;
        assert_eq!(status, StatusCode::NO_CONTENT);
        let (status, _) = app.api_get(&format!("/api/v1/invoices/{id}"), &token).await;
        assert_eq!(status, StatusCode::NOT_FOUND);
        let (_, totals) = app.api_get("/api/v1/fees/totals", &token).await;
        assert_eq!(totals["budget_years"], json!([]));
    })
    .await;
}

#[tokio::test]
async fn the_invoice_form_keeps_what_was_typed_and_names_the_fault() {
    on_each_backend(|app| async move {
        app.login_as_demo().await;
        let m = app.membership_id("stockholm", "eurocities").await;
        let form = format!("/memberships/{m}/invoices/new");
        let (status, page) = app.get(&form).await;
        assert_eq!(status, StatusCode::OK);
        assert!(page.contains("value=\"EUR\""), "the fee's currency: {page}");
        let (status, page, _) = app
            .post_form(
                &app.client,
                &form,
                &format!("/memberships/{m}/invoices"),
                &[
                    ("invoice_date", "2011-03-01"),
                    ("amount", "16 000"),
                    ("currency", "EUR"),
                    ("paid_on", "2011-02-01"),
                    ("reference", "Faktura <b>118</b>"),
                ],
            )
            .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(
            page.contains("Fakturan kan inte vara betald före fakturadatum"),
            "{page}"
        );
        assert!(page.contains("value=\"16 000\""), "{page}");
        assert!(
            page.contains("Faktura &#60;b&#62;118&#60;/b&#62;"),
            "escaped and kept: {page}"
        );
        let t = app.store.tenant_by_slug("stockholm").await.unwrap();
        assert!(app.store.invoices(t.id, m).await.unwrap().is_empty());

        let (status, _, location) = app
            .post_form(
                &app.client,
                &form,
                &format!("/memberships/{m}/invoices"),
                &[
                    ("invoice_date", "2011-03-01"),
                    ("amount", "16 000"),
                    ("currency", "EUR"),
                ],
            )
            .await;
        assert_eq!(status, StatusCode::SEE_OTHER);
        assert_eq!(
            location.unwrap(),
            format!("/memberships/{m}?saved=1#invoices")
        );
        let (_, page) = app.get(&format!("/memberships/{m}")).await;
        assert!(page.contains("Obetald"), "{page}");
        assert!(page.contains("144\u{a0}477 kr"), "{page}");
        assert!(page.contains("Fakturerat") || page.contains("Fakturor"));
    })
    .await;
}
