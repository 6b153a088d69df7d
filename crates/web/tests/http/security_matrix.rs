//! Every route × every kind of visitor, with the status each must get,
//! written out as one table. The visitors are Stockholm's four roles, a
//! respondent who holds a personal link (and tries it as an API token), an
//! anonymous visitor, and an admin of another city (Malmö) who asks for
//! Stockholm's records by their ids. The routers' source is read too: a route
//! added to a router but not to the table fails the test.

use crate::helpers::*;
use oversyn_core::Role;
use oversyn_core::review::questionnaire::{NewQuestion, QuestionKind, default_questionnaire};
use oversyn_store::audit::Actor;
use oversyn_store::reviews::{NewRespondent, NewReview};
use reqwest::StatusCode;
use serde_json::{Value, json};
use std::collections::{BTreeSet, HashMap};

/// An invoice of Stockholm's on `membership`, paid.
async fn invoice(store: &oversyn_store::Store, actor: &Actor, membership: i64) -> i64 {
    let c = oversyn_core::register::invoice::InvoiceInput {
        invoice_date: "2011-02-15".into(),
        amount: "16000".into(),
        currency: "EUR".into(),
        paid_on: "2011-03-10".into(),
        ..Default::default()
    }
    .parse(None)
    .unwrap();
    store
        .create_invoice(actor, membership, &c)
        .await
        .unwrap()
        .id
}

/// The fixture's membership of Stockholm.
fn membership_id_of(ids: &HashMap<&'static str, String>) -> i64 {
    ids["mem"].parse().unwrap()
}

/// What one visitor must get from one request.
#[derive(Clone, Copy, PartialEq, Debug)]
enum Want {
    Is(u16),
    /// 303 to the login page, which brings the visitor back afterwards.
    Login,
}
use Want::{Is, Login};

const OK: Want = Is(200);
const CREATED: Want = Is(201);
const SEE: Want = Is(303);
const BAD: Want = Is(400);
const UNAUTH: Want = Is(401);
const FORBID: Want = Is(403);
const NOTFOUND: Want = Is(404);
const CONFLICT: Want = Is(409);
const INVALID: Want = Is(422);

/// The columns of the table, in this order.
const VISITORS: [&str; 7] = [
    "admin",
    "editor",
    "politician",
    "viewer",
    "respondent",
    "anonymous",
    "foreign",
];

enum Body {
    None,
    /// A form; the visitor's CSRF token is added.
    Form(&'static [(&'static str, &'static str)]),
    /// A multipart form with only the CSRF token and, if given, a small file.
    Multipart(Option<&'static str>),
    Json(&'static str),
}

struct Row {
    method: &'static str,
    path: &'static str,
    body: Body,
    want: [Want; 7],
}

fn get(path: &'static str, want: [Want; 7]) -> Row {
    Row {
        method: "GET",
        path,
        body: Body::None,
        want,
    }
}

fn post(path: &'static str, body: Body, want: [Want; 7]) -> Row {
    Row {
        method: "POST",
        path,
        body,
        want,
    }
}

fn put(path: &'static str, body: Body, want: [Want; 7]) -> Row {
    Row {
        method: "PUT",
        path,
        body,
        want,
    }
}

fn delete(path: &'static str, want: [Want; 7]) -> Row {
    Row {
        method: "DELETE",
        path,
        body: Body::None,
        want,
    }
}

const NO_FIELDS: Body = Body::Form(&[]);

/// The expected status of every route for every visitor.
///
/// Placeholders name Stockholm's records (see [`Fixture`]); `{fresh_…}`
/// makes a new record for each request, for routes that delete or close
/// what they are given. Form posts from signed-in visitors carry their own
/// CSRF token; anonymous visitors and respondents carry the login form's.
/// Bodies are chosen so that a permitted request changes little: empty or
/// invalid forms (422 shows the form again with its errors) and updates
/// with a stale version (409), so a permitted visitor proves it got past
/// the role and tenant checks without every later row depending on it.
/// The foreign admin must get 404 for every Stockholm id, and on routes
/// without an id acts in Malmö (the same as an admin there).
#[rustfmt::skip]
fn table() -> Vec<Row> {
    vec![
        //                                                                 admin     editor    politician viewer   respondent anonymous foreign
        get("/healthz",                                                   [OK,       OK,       OK,       OK,       OK,       OK,       OK]),
        get("/static/app.css",                                            [OK,       OK,       OK,       OK,       OK,       OK,       OK]),
        get("/static/respond.js",                                         [OK,       OK,       OK,       OK,       OK,       OK,       OK]),

        // Signing in and accounts.
        get("/login",                                                     [SEE,      SEE,      SEE,      SEE,      OK,       OK,       SEE]),
        post("/login", Body::Form(&[("tenant", "stockholm"), ("email", "nobody-{visitor}@stockholm.example"), ("password", "wrong password")]),
                                                                          [UNAUTH,   UNAUTH,   UNAUTH,   UNAUTH,   UNAUTH,   UNAUTH,   UNAUTH]),
        // Stockholm has no identity provider in this fixture, and a
        // callback without the browser's sign-in cookie is refused (the
        // flow itself is in sso.rs).
        get("/login/sso?tenant=stockholm",                                [NOTFOUND, NOTFOUND, NOTFOUND, NOTFOUND, NOTFOUND, NOTFOUND, NOTFOUND]),
        get("/login/sso/callback?state=forged&code=forged",               [BAD,      BAD,      BAD,      BAD,      BAD,      BAD,      BAD]),
        get("/account",                                                   [OK,       OK,       OK,       OK,       Login,    Login,    OK]),
        post("/account", NO_FIELDS,                                       [INVALID,  INVALID,  INVALID,  INVALID,  Login,    Login,    INVALID]),
        get("/admin/users",                                               [OK,       FORBID,   FORBID,   FORBID,   Login,    Login,    OK]),
        post("/admin/users", NO_FIELDS,                                   [INVALID,  FORBID,   FORBID,   FORBID,   Login,    Login,    INVALID]),
        get("/admin/jobs",                                                [OK,       FORBID,   FORBID,   FORBID,   Login,    Login,    OK]),
        post("/admin/jobs/{fresh_failed_job}/retry", NO_FIELDS,           [SEE,      FORBID,   FORBID,   FORBID,   Login,    Login,    NOTFOUND]),

        // The register.
        get("/",                                                          [OK,       OK,       OK,       OK,       Login,    Login,    OK]),
        get("/organisations",                                             [OK,       OK,       OK,       OK,       Login,    Login,    OK]),
        post("/organisations", NO_FIELDS,                                 [INVALID,  INVALID,  FORBID,   FORBID,   Login,    Login,    INVALID]),
        get("/organisations/new",                                         [OK,       OK,       FORBID,   FORBID,   Login,    Login,    OK]),
        // A catalogue organisation is shared by every city; its own are not.
        get("/organisations/{org}",                                       [OK,       OK,       OK,       OK,       Login,    Login,    OK]),
        get("/organisations/{own_org}",                                   [OK,       OK,       OK,       OK,       Login,    Login,    NOTFOUND]),
        get("/organisations/{org}/edit",                                  [FORBID,   FORBID,   FORBID,   FORBID,   Login,    Login,    FORBID]),
        get("/organisations/{own_org}/edit",                              [OK,       OK,       FORBID,   FORBID,   Login,    Login,    NOTFOUND]),
        post("/organisations/{own_org}/edit", Body::Form(&[("name", "Eget nätverk"), ("kind", "city_network"), ("version", "0")]),
                                                                          [INVALID,  INVALID,  FORBID,   FORBID,   Login,    Login,    NOTFOUND]),
        // A stale note is shown again with the typed text and why (422).
        post("/organisations/{own_org}/notes", Body::Form(&[("notes", "Anteckning"), ("version", "0")]),
                                                                          [INVALID,  INVALID,  FORBID,   FORBID,   Login,    Login,    NOTFOUND]),
        get("/organisations/{own_org}/history",                           [OK,       OK,       OK,       OK,       Login,    Login,    NOTFOUND]),
        post("/memberships", Body::Form(&[("body_id", "{body}"), ("organisation_id", "{own_org}"), ("mtype", "full"), ("status", "active"), ("fee_kind", "unknown")]),
                                                                          [SEE,      SEE,      FORBID,   FORBID,   Login,    Login,    INVALID]),
        get("/memberships/new",                                           [OK,       OK,       FORBID,   FORBID,   Login,    Login,    OK]),
        get("/memberships/{mem}",                                         [OK,       OK,       OK,       OK,       Login,    Login,    NOTFOUND]),
        get("/memberships/{mem}/edit",                                    [OK,       OK,       FORBID,   FORBID,   Login,    Login,    NOTFOUND]),
        post("/memberships/{mem}/edit", Body::Form(&[("body_id", "{my_body}"), ("organisation_id", "{org}"), ("mtype", "full"), ("status", "active"), ("fee_kind", "unknown"), ("version", "0")]),
                                                                          [INVALID,  INVALID,  FORBID,   FORBID,   Login,    Login,    NOTFOUND]),
        post("/memberships/{mem}/end", Body::Form(&[("date", "2030-01-01"), ("version", "0")]),
                                                                          [INVALID,  INVALID,  FORBID,   FORBID,   Login,    Login,    NOTFOUND]),
        get("/memberships/{mem}/history",                                 [OK,       OK,       OK,       OK,       Login,    Login,    NOTFOUND]),
        post("/memberships/{mem}/privacy", Body::Form(&[("private", "")]),
                                                                          [SEE,      SEE,      FORBID,   FORBID,   Login,    Login,    NOTFOUND]),
        get("/rates",                                                     [OK,       OK,       OK,       OK,       Login,    Login,    OK]),
        get("/memberships/{mem}/invoices/new",                            [OK,       OK,       FORBID,   FORBID,   Login,    Login,    NOTFOUND]),
        post("/memberships/{mem}/invoices", NO_FIELDS,                    [INVALID,  INVALID,  FORBID,   FORBID,   Login,    Login,    NOTFOUND]),
        get("/invoices/{inv}/edit",                                       [OK,       OK,       FORBID,   FORBID,   Login,    Login,    NOTFOUND]),
        post("/invoices/{inv}/edit", Body::Form(&[("invoice_date", "2011-02-01"), ("amount", "100"), ("version", "0")]),
                                                                          [INVALID,  INVALID,  FORBID,   FORBID,   Login,    Login,    NOTFOUND]),
        post("/invoices/{fresh_invoice}/delete", NO_FIELDS,               [SEE,      SEE,      FORBID,   FORBID,   Login,    Login,    NOTFOUND]),
        get("/persons",                                                   [OK,       OK,       OK,       OK,       Login,    Login,    OK]),
        post("/persons", NO_FIELDS,                                       [INVALID,  INVALID,  FORBID,   FORBID,   Login,    Login,    INVALID]),
        get("/persons/new",                                               [OK,       OK,       FORBID,   FORBID,   Login,    Login,    OK]),
        get("/persons/{person}",                                          [OK,       OK,       OK,       OK,       Login,    Login,    NOTFOUND]),
        get("/persons/{person}/edit",                                     [OK,       OK,       FORBID,   FORBID,   Login,    Login,    NOTFOUND]),
        post("/persons/{person}/edit", Body::Form(&[("name", "Namn Namnsson"), ("kind", "official"), ("version", "0")]),
                                                                          [INVALID,  INVALID,  FORBID,   FORBID,   Login,    Login,    NOTFOUND]),
        get("/persons/{person}/history",                                  [OK,       OK,       OK,       OK,       Login,    Login,    NOTFOUND]),
        post("/persons/{person}/terms", NO_FIELDS,                        [INVALID,  INVALID,  FORBID,   FORBID,   Login,    Login,    NOTFOUND]),
        post("/terms/{fresh_term}/delete", NO_FIELDS,                     [SEE,      SEE,      FORBID,   FORBID,   Login,    Login,    NOTFOUND]),
        // Malmö may not seat Stockholm's person.
        post("/seats", Body::Form(&[("organisation_id", "{org}"), ("person_id", "{person}"), ("kind", "board_seat"), ("org_body", "Executive Committee")]),
                                                                          [SEE,      SEE,      FORBID,   FORBID,   Login,    Login,    INVALID]),
        get("/seats/new",                                                 [OK,       OK,       FORBID,   FORBID,   Login,    Login,    OK]),
        get("/seats/{seat}/edit",                                         [OK,       OK,       FORBID,   FORBID,   Login,    Login,    NOTFOUND]),
        post("/seats/{seat}/edit", Body::Form(&[("organisation_id", "{org}"), ("person_id", "{my_person}"), ("kind", "board_seat"), ("org_body", "Executive Committee"), ("version", "0")]),
                                                                          [INVALID,  INVALID,  FORBID,   FORBID,   Login,    Login,    NOTFOUND]),
        post("/seats/{seat}/end", Body::Form(&[("date", "2030-01-01"), ("version", "0")]),
                                                                          [INVALID,  INVALID,  FORBID,   FORBID,   Login,    Login,    NOTFOUND]),
        get("/seats/{seat}/history",                                      [OK,       OK,       OK,       OK,       Login,    Login,    NOTFOUND]),
        get("/bodies",                                                    [OK,       OK,       OK,       OK,       Login,    Login,    OK]),
        post("/bodies", NO_FIELDS,                                        [INVALID,  INVALID,  FORBID,   FORBID,   Login,    Login,    INVALID]),
        get("/bodies/new",                                                [OK,       OK,       FORBID,   FORBID,   Login,    Login,    OK]),
        get("/bodies/{body}/edit",                                        [OK,       OK,       FORBID,   FORBID,   Login,    Login,    NOTFOUND]),
        post("/bodies/{body}/edit", Body::Form(&[("name", "Kommunstyrelsen"), ("kind", "executive_board"), ("version", "0")]),
                                                                          [INVALID,  INVALID,  FORBID,   FORBID,   Login,    Login,    NOTFOUND]),
        get("/bodies/{body}/history",                                     [OK,       OK,       OK,       OK,       Login,    Login,    NOTFOUND]),

        // Reviews.
        get("/strategy",                                                  [OK,       OK,       OK,       OK,       Login,    Login,    OK]),
        post("/strategy", NO_FIELDS,                                      [INVALID,  INVALID,  FORBID,   FORBID,   Login,    Login,    INVALID]),
        get("/reviews",                                                   [OK,       OK,       OK,       OK,       Login,    Login,    OK]),
        // Malmö may not review Stockholm's membership.
        post("/reviews", Body::Form(&[("title", "Översyn"), ("opens_on", "2030-01-01"), ("closes_on", "2030-02-01"), ("membership", "{mem}"), ("min_group", "3"), ("reminder_max", "2"), ("reminder_days", "7"), ("questions_from", "default")]),
                                                                          [SEE,      SEE,      FORBID,   FORBID,   Login,    Login,    INVALID]),
        get("/reviews/new",                                               [OK,       OK,       FORBID,   FORBID,   Login,    Login,    OK]),
        get("/reviews/{review}",                                          [OK,       OK,       OK,       OK,       Login,    Login,    NOTFOUND]),
        post("/reviews/{review}/respondents", NO_FIELDS,                  [INVALID,  INVALID,  FORBID,   FORBID,   Login,    Login,    NOTFOUND]),
        post("/reviews/{review}/respondents/proposed", NO_FIELDS,         [SEE,      SEE,      FORBID,   FORBID,   Login,    Login,    NOTFOUND]),
        post("/reviews/{review}/respondents/{fresh_respondent}/delete", NO_FIELDS,
                                                                          [SEE,      SEE,      FORBID,   FORBID,   Login,    Login,    NOTFOUND]),
        post("/reviews/{review}/invite", NO_FIELDS,                       [SEE,      SEE,      FORBID,   FORBID,   Login,    Login,    NOTFOUND]),
        post("/reviews/{review}/remind", NO_FIELDS,                       [SEE,      SEE,      FORBID,   FORBID,   Login,    Login,    NOTFOUND]),
        get("/reviews/{review}/results",                                  [OK,       OK,       OK,       OK,       Login,    Login,    NOTFOUND]),
        // Withholding a free-text answer without a ground is refused.
        post("/reviews/{demo_review}/answers/{text_answer}/privacy", Body::Form(&[("withhold", "on")]),
                                                                          [INVALID,  INVALID,  FORBID,   FORBID,   Login,    Login,    NOTFOUND]),
        get("/reviews/{review}/analysis",                                 [OK,       OK,       OK,       OK,       Login,    Login,    NOTFOUND]),
        get("/reviews/{review}/analysis/sensitivity/{criterion}",         [OK,       OK,       OK,       OK,       Login,    Login,    NOTFOUND]),
        get("/reviews/{review}/analysis/{mem}/override",                  [OK,       OK,       OK,       OK,       Login,    Login,    NOTFOUND]),
        // A justification under ten characters is refused.
        post("/reviews/{review}/analysis/{mem}/override", Body::Form(&[("category", "continue"), ("justification", "Kort")]),
                                                                          [INVALID,  INVALID,  FORBID,   FORBID,   Login,    Login,    NOTFOUND]),
        get("/reviews/{review}/report?format=html",                       [OK,       OK,       OK,       OK,       Login,    Login,    NOTFOUND]),
        get("/reviews/{review}/questions",                                [OK,       OK,       OK,       OK,       Login,    Login,    NOTFOUND]),
        post("/reviews/{review}/questions", NO_FIELDS,                    [INVALID,  INVALID,  FORBID,   FORBID,   Login,    Login,    NOTFOUND]),
        post("/reviews/{review}/questions/{fresh_question}/delete", NO_FIELDS,
                                                                          [SEE,      SEE,      FORBID,   FORBID,   Login,    Login,    NOTFOUND]),
        get("/reviews/{review}/outbox",                                   [OK,       OK,       FORBID,   FORBID,   Login,    Login,    NOTFOUND]),
        post("/reviews/{review}/respondents/{respondent}/link", NO_FIELDS,
                                                                          [OK,       OK,       FORBID,   FORBID,   Login,    Login,    NOTFOUND]),
        // The personal link is the respondent's key: whoever holds it may answer.
        get("/respond/{respond_token}",                                   [OK,       OK,       OK,       OK,       OK,       OK,       OK]),
        post("/respond/{respond_token}", Body::Form(&[("action", "save")]),
                                                                          [OK,       OK,       OK,       OK,       OK,       OK,       OK]),
        get("/respond/{bogus_token}",                                     [NOTFOUND, NOTFOUND, NOTFOUND, NOTFOUND, NOTFOUND, NOTFOUND, NOTFOUND]),

        // Decision cases.
        get("/cases",                                                     [OK,       OK,       OK,       OK,       Login,    Login,    OK]),
        post("/cases", NO_FIELDS,                                         [INVALID,  INVALID,  FORBID,   FORBID,   Login,    Login,    INVALID]),
        get("/cases/new",                                                 [OK,       OK,       FORBID,   FORBID,   Login,    Login,    OK]),
        post("/cases/settings", Body::Form(&[("pattern", "")]),          [INVALID,  FORBID,   FORBID,   FORBID,   Login,    Login,    INVALID]),
        get("/cases/import",                                              [OK,       OK,       FORBID,   FORBID,   Login,    Login,    OK]),
        post("/cases/import", Body::Multipart(None),                      [INVALID,  INVALID,  FORBID,   FORBID,   Login,    Login,    INVALID]),
        post("/cases/import/save", NO_FIELDS,                             [BAD,      BAD,      FORBID,   FORBID,   Login,    Login,    BAD]),
        get("/cases/{case}",                                              [OK,       OK,       OK,       OK,       Login,    Login,    NOTFOUND]),
        get("/cases/{case}/edit",                                         [OK,       OK,       FORBID,   FORBID,   Login,    Login,    NOTFOUND]),
        post("/cases/{case}/edit", Body::Form(&[("title", "Ärende"), ("language", "sv"), ("route", "Kommunstyrelsen"), ("version", "0")]),
                                                                          [INVALID,  INVALID,  FORBID,   FORBID,   Login,    Login,    NOTFOUND]),
        post("/cases/{fresh_case}/delete", NO_FIELDS,                     [SEE,      SEE,      FORBID,   FORBID,   Login,    Login,    NOTFOUND]),
        // Politicians may enter reservations; the empty one is refused.
        post("/cases/{case}/positions", NO_FIELDS,                        [INVALID,  INVALID,  INVALID,  FORBID,   Login,    Login,    NOTFOUND]),
        post("/cases/{case}/decisions", NO_FIELDS,                        [INVALID,  INVALID,  FORBID,   FORBID,   Login,    Login,    NOTFOUND]),
        get("/cases/{decided_case}/document?format=html",                 [OK,       OK,       OK,       OK,       Login,    Login,    NOTFOUND]),
        get("/cases/{decided_case}/excerpt/{excerpt}?format=html",        [OK,       OK,       OK,       OK,       Login,    Login,    NOTFOUND]),
        get("/files/{file}",                                              [OK,       OK,       OK,       OK,       Login,    Login,    NOTFOUND]),

        // Follow-up.
        get("/actions",                                                   [OK,       OK,       OK,       OK,       Login,    Login,    OK]),
        post("/actions", NO_FIELDS,                                       [INVALID,  INVALID,  FORBID,   FORBID,   Login,    Login,    INVALID]),
        get("/actions/new",                                               [OK,       OK,       FORBID,   FORBID,   Login,    Login,    OK]),
        get("/actions/{action}",                                          [OK,       OK,       OK,       OK,       Login,    Login,    NOTFOUND]),
        post("/actions/{action}", Body::Form(&[("kind", "commission"), ("title", "Uppdrag"), ("status", "planned"), ("version", "0")]),
                                                                          [INVALID,  INVALID,  FORBID,   FORBID,   Login,    Login,    NOTFOUND]),
        // The demo's decided case has its actions already.
        post("/cases/{decided_case}/actions", NO_FIELDS,                  [CONFLICT, CONFLICT, FORBID,   FORBID,   Login,    Login,    NOTFOUND]),
        post("/actions/{action}/files", Body::Multipart(None),            [BAD,      BAD,      FORBID,   FORBID,   Login,    Login,    NOTFOUND]),
        get("/events",                                                    [OK,       OK,       OK,       OK,       Login,    Login,    OK]),
        post("/events", NO_FIELDS,                                        [INVALID,  INVALID,  FORBID,   FORBID,   Login,    Login,    INVALID]),
        get("/events/new",                                                [OK,       OK,       FORBID,   FORBID,   Login,    Login,    OK]),
        get("/events/{event}",                                            [OK,       OK,       OK,       OK,       Login,    Login,    NOTFOUND]),
        post("/events/{event}/journeys", NO_FIELDS,                       [INVALID,  INVALID,  FORBID,   FORBID,   Login,    Login,    NOTFOUND]),
        post("/events/{event}/reports", NO_FIELDS,                        [OK,       OK,       FORBID,   FORBID,   Login,    Login,    NOTFOUND]),
        get("/report/{report_token}",                                     [OK,       OK,       OK,       OK,       OK,       OK,       OK]),
        post("/report/{report_token}", Body::Form(&[("learned", "Något")]),
                                                                          [OK,       OK,       OK,       OK,       OK,       OK,       OK]),
        get("/calendar",                                                  [OK,       OK,       OK,       OK,       Login,    Login,    OK]),
        post("/calendar", Body::Form(&[("person_id", "")]),              [OK,       OK,       FORBID,   FORBID,   Login,    Login,    OK]),
        // A feed link is a secret, like a respondent's link.
        get("/calendar/feed/{feed_token}",                                [OK,       OK,       OK,       OK,       OK,       OK,       OK]),
        get("/representation",                                            [OK,       OK,       OK,       OK,       Login,    Login,    OK]),
        post("/representation", NO_FIELDS,                                [SEE,      FORBID,   FORBID,   FORBID,   Login,    Login,    SEE]),
        get("/intake",                                                    [OK,       OK,       OK,       OK,       Login,    Login,    OK]),
        post("/intake", NO_FIELDS,                                        [INVALID,  INVALID,  FORBID,   FORBID,   Login,    Login,    INVALID]),
        post("/intake/{fresh_intake}/accept", NO_FIELDS,                  [SEE,      SEE,      FORBID,   FORBID,   Login,    Login,    NOTFOUND]),
        post("/intake/{fresh_intake}/decline", NO_FIELDS,                 [SEE,      SEE,      FORBID,   FORBID,   Login,    Login,    NOTFOUND]),

        // Public pages and open data.
        get("/public/{slug}",                                             [OK,       OK,       OK,       OK,       OK,       OK,       OK]),
        get("/public/{slug}/events",                                      [OK,       OK,       OK,       OK,       OK,       OK,       OK]),
        get("/public/{slug}/popolo.json",                                 [OK,       OK,       OK,       OK,       OK,       OK,       OK]),
        get("/public/{slug}/cases/{decided_case}",                        [OK,       OK,       OK,       OK,       OK,       OK,       OK]),
        // A draft (open, with no case number) is nobody's public business.
        get("/public/{slug}/cases/{case}",                                [NOTFOUND, NOTFOUND, NOTFOUND, NOTFOUND, NOTFOUND, NOTFOUND, NOTFOUND]),
        get("/public/{slug}/cases/{decided_case}/akn.xml",                [OK,       OK,       OK,       OK,       OK,       OK,       OK]),
        // OParl is public and read-only: the same for everybody.
        get("/oparl",                                                     [OK,       OK,       OK,       OK,       OK,       OK,       OK]),
        get("/oparl/bodies",                                              [OK,       OK,       OK,       OK,       OK,       OK,       OK]),
        get("/oparl/bodies/{slug}",                                       [OK,       OK,       OK,       OK,       OK,       OK,       OK]),
        get("/oparl/bodies/{slug}/{oparl_kind}",                          [OK,       OK,       OK,       OK,       OK,       OK,       OK]),
        get("/oparl/bodies/{slug}/{oparl_kind}/{decided_case}",           [OK,       OK,       OK,       OK,       OK,       OK,       OK]),
        get("/settings/public",                                           [OK,       FORBID,   FORBID,   FORBID,   Login,    Login,    OK]),
        post("/settings/public", Body::Form(&[("kind", "organisations"), ("kind", "memberships"), ("kind", "fees"), ("kind", "seats"), ("kind", "cases"), ("kind", "events")]),
                                                                          [SEE,      FORBID,   FORBID,   FORBID,   Login,    Login,    SEE]),
        get("/settings/profile",                                          [OK,       FORBID,   FORBID,   FORBID,   Login,    Login,    OK]),
        // The document register; the public list of what is not secret.
        get("/documents",                                                 [OK,       OK,       OK,       OK,       Login,    Login,    OK]),
        get("/documents/new",                                             [OK,       OK,       FORBID,   FORBID,   Login,    Login,    OK]),
        post("/documents", Body::Multipart(Some("brev")),                 [INVALID,  INVALID,  FORBID,   FORBID,   Login,    Login,    INVALID]),
        post("/documents/types", Body::Form(&[("code", "Bad Code")]),     [INVALID,  FORBID,   FORBID,   FORBID,   Login,    Login,    INVALID]),
        post("/documents/remove-due", NO_FIELDS,                          [SEE,      FORBID,   FORBID,   FORBID,   Login,    Login,    SEE]),
        // Withholding without a ground is refused; another city's document is not found.
        post("/documents/{document}/privacy", Body::Form(&[("withhold", "on")]),
                                                                          [INVALID,  INVALID,  FORBID,   FORBID,   Login,    Login,    NOTFOUND]),
        get("/public/{slug}/documents",                                   [OK,       OK,       OK,       OK,       OK,       OK,       OK]),
        // Data protection: the public notices, and the admin's settings and a person's data.
        get("/privacy/{slug}",                                            [OK,       OK,       OK,       OK,       OK,       OK,       OK]),
        get("/settings/privacy",                                          [OK,       FORBID,   FORBID,   FORBID,   Login,    Login,    OK]),
        post("/settings/privacy", Body::Form(&[("retention", "forever")]),
                                                                          [INVALID,  FORBID,   FORBID,   FORBID,   Login,    Login,    INVALID]),
        post("/settings/privacy/export", Body::Form(&[("email", "")]),
                                                                          [INVALID,  FORBID,   FORBID,   FORBID,   Login,    Login,    INVALID]),
        post("/settings/privacy/grounds", Body::Form(&[("reference", "no section"), ("description", "x")]),
                                                                          [INVALID,  FORBID,   FORBID,   FORBID,   Login,    Login,    INVALID]),
        // Unconfirmed: refused with the form again, nothing erased.
        post("/settings/privacy/erase", Body::Form(&[("email", "demo@stockholm.example")]),
                                                                          [INVALID,  FORBID,   FORBID,   FORBID,   Login,    Login,    INVALID]),
        // An empty office and place: refused with the form again, nothing saved.
        post("/settings/profile", Body::Form(&[("kind", "city"), ("office_sv", ""), ("place", "")]),
                                                                          [INVALID,  FORBID,   FORBID,   FORBID,   Login,    Login,    INVALID]),
        get("/tables",                                                    [OK,       OK,       OK,       OK,       Login,    Login,    OK]),
        post("/tables", Body::Multipart(None),                            [BAD,      BAD,      FORBID,   FORBID,   Login,    Login,    BAD]),
        post("/tables/confirm", NO_FIELDS,                                [BAD,      BAD,      FORBID,   FORBID,   Login,    Login,    BAD]),
        get("/tables/{table_file}",                                       [OK,       OK,       OK,       OK,       Login,    Login,    OK]),

        // The API: bearer tokens only (the respondent tries its link as one).
        get("/api/openapi.json",                                          [OK,       OK,       OK,       OK,       OK,       OK,       OK]),
        get("/api/v1/organisations",                                      [OK,       OK,       OK,       OK,       UNAUTH,   UNAUTH,   OK]),
        post("/api/v1/organisations", Body::Json("{}"),                   [INVALID,  INVALID,  FORBID,   FORBID,   UNAUTH,   UNAUTH,   INVALID]),
        get("/api/v1/organisations/{own_org}",                            [OK,       OK,       OK,       OK,       UNAUTH,   UNAUTH,   NOTFOUND]),
        put("/api/v1/organisations/{own_org}", Body::Json(r#"{"name": "Eget nätverk", "kind": "city_network", "version": "0"}"#),
                                                                          [CONFLICT, CONFLICT, FORBID,   FORBID,   UNAUTH,   UNAUTH,   NOTFOUND]),
        get("/api/v1/memberships",                                        [OK,       OK,       OK,       OK,       UNAUTH,   UNAUTH,   OK]),
        post("/api/v1/memberships", Body::Json(r#"{"body_id": "{body}", "organisation_id": "{own_org}", "mtype": "full", "status": "active", "fee_kind": "unknown"}"#),
                                                                          [CREATED,  CREATED,  FORBID,   FORBID,   UNAUTH,   UNAUTH,   INVALID]),
        get("/api/v1/memberships/{mem}",                                  [OK,       OK,       OK,       OK,       UNAUTH,   UNAUTH,   NOTFOUND]),
        put("/api/v1/memberships/{mem}", Body::Json(r#"{"body_id": "{my_body}", "organisation_id": "{org}", "mtype": "full", "status": "active", "fee_kind": "unknown", "version": "0"}"#),
                                                                          [CONFLICT, CONFLICT, FORBID,   FORBID,   UNAUTH,   UNAUTH,   NOTFOUND]),
        post("/api/v1/memberships/{mem}/end", Body::Json(r#"{"date": "2030-01-01", "version": 0}"#),
                                                                          [CONFLICT, CONFLICT, FORBID,   FORBID,   UNAUTH,   UNAUTH,   NOTFOUND]),
        get("/api/v1/memberships/{mem}/invoices",                         [OK,       OK,       OK,       OK,       UNAUTH,   UNAUTH,   NOTFOUND]),
        post("/api/v1/memberships/{mem}/invoices", Body::Json("{}"),      [INVALID,  INVALID,  FORBID,   FORBID,   UNAUTH,   UNAUTH,   NOTFOUND]),
        get("/api/v1/invoices/{inv}",                                     [OK,       OK,       OK,       OK,       UNAUTH,   UNAUTH,   NOTFOUND]),
        put("/api/v1/invoices/{inv}", Body::Json(r#"{"invoice_date": "2011-02-01", "amount": "100", "version": "0"}"#),
                                                                          [CONFLICT, CONFLICT, FORBID,   FORBID,   UNAUTH,   UNAUTH,   NOTFOUND]),
        delete("/api/v1/invoices/{fresh_invoice}",                        [Is(204),  Is(204),  FORBID,   FORBID,   UNAUTH,   UNAUTH,   NOTFOUND]),
        get("/api/v1/rates",                                              [OK,       OK,       OK,       OK,       UNAUTH,   UNAUTH,   OK]),
        get("/api/v1/documents",                                          [OK,       OK,       OK,       OK,       UNAUTH,   UNAUTH,   OK]),
        post("/api/v1/documents", Body::Json("{}"),                       [INVALID,  INVALID,  FORBID,   FORBID,   UNAUTH,   UNAUTH,   INVALID]),
        post("/api/v1/documents/{document}/withhold", Body::Json("{}"),   [INVALID,  INVALID,  FORBID,   FORBID,   UNAUTH,   UNAUTH,   INVALID]),
        delete("/api/v1/documents/{document}/withhold",                   [Is(204),  Is(204),  FORBID,   FORBID,   UNAUTH,   UNAUTH,   NOTFOUND]),
        post("/api/v1/memberships/{mem}/withhold", Body::Json("{}"),      [INVALID,  INVALID,  FORBID,   FORBID,   UNAUTH,   UNAUTH,   INVALID]),
        delete("/api/v1/memberships/{mem}/withhold",                      [Is(204),  Is(204),  FORBID,   FORBID,   UNAUTH,   UNAUTH,   NOTFOUND]),
        get("/api/v1/secrecy-grounds",                                    [OK,       OK,       OK,       OK,       UNAUTH,   UNAUTH,   OK]),
        // The fixture document has its file already: a copy is filed once.
        put("/api/v1/documents/{document}/file", Body::Json("{}"),        [CONFLICT, CONFLICT, FORBID,   FORBID,   UNAUTH,   UNAUTH,   NOTFOUND]),
        get("/api/v1/documents/{document}/file",                          [OK,       OK,       OK,       OK,       UNAUTH,   UNAUTH,   NOTFOUND]),
        get("/api/v1/reviews/{demo_review}/answers",                      [OK,       OK,       FORBID,   FORBID,   UNAUTH,   UNAUTH,   NOTFOUND]),
        post("/api/v1/reviews/{demo_review}/answers/{text_answer}/withhold", Body::Json("{}"),
                                                                          [INVALID,  INVALID,  FORBID,   FORBID,   UNAUTH,   UNAUTH,   NOTFOUND]),
        delete("/api/v1/reviews/{demo_review}/answers/{text_answer}/withhold",
                                                                          [Is(204),  Is(204),  FORBID,   FORBID,   UNAUTH,   UNAUTH,   NOTFOUND]),
        get("/api/v1/fees/totals",                                        [OK,       OK,       OK,       OK,       UNAUTH,   UNAUTH,   OK]),
        get("/api/v1/persons",                                            [OK,       OK,       OK,       OK,       UNAUTH,   UNAUTH,   OK]),
        post("/api/v1/persons", Body::Json("{}"),                         [INVALID,  INVALID,  FORBID,   FORBID,   UNAUTH,   UNAUTH,   INVALID]),
        get("/api/v1/persons/{person}",                                   [OK,       OK,       OK,       OK,       UNAUTH,   UNAUTH,   NOTFOUND]),
        put("/api/v1/persons/{person}", Body::Json(r#"{"name": "Namn Namnsson", "kind": "official", "version": "0"}"#),
                                                                          [CONFLICT, CONFLICT, FORBID,   FORBID,   UNAUTH,   UNAUTH,   NOTFOUND]),
        get("/api/v1/bodies",                                             [OK,       OK,       OK,       OK,       UNAUTH,   UNAUTH,   OK]),
        post("/api/v1/bodies", Body::Json("{}"),                          [INVALID,  INVALID,  FORBID,   FORBID,   UNAUTH,   UNAUTH,   INVALID]),
        get("/api/v1/bodies/{body}",                                      [OK,       OK,       OK,       OK,       UNAUTH,   UNAUTH,   NOTFOUND]),
        put("/api/v1/bodies/{body}", Body::Json(r#"{"name": "Kommunstyrelsen", "kind": "executive_board", "version": "0"}"#),
                                                                          [CONFLICT, CONFLICT, FORBID,   FORBID,   UNAUTH,   UNAUTH,   NOTFOUND]),
        get("/api/v1/seats",                                              [OK,       OK,       OK,       OK,       UNAUTH,   UNAUTH,   OK]),
        post("/api/v1/seats", Body::Json(r#"{"organisation_id": "{org}", "person_id": "{person}", "kind": "board_seat", "org_body": "Executive Committee"}"#),
                                                                          [CREATED,  CREATED,  FORBID,   FORBID,   UNAUTH,   UNAUTH,   INVALID]),
        get("/api/v1/seats/{seat}",                                       [OK,       OK,       OK,       OK,       UNAUTH,   UNAUTH,   NOTFOUND]),
        put("/api/v1/seats/{seat}", Body::Json(r#"{"organisation_id": "{org}", "person_id": "{my_person}", "kind": "board_seat", "org_body": "Executive Committee", "version": "0"}"#),
                                                                          [CONFLICT, CONFLICT, FORBID,   FORBID,   UNAUTH,   UNAUTH,   NOTFOUND]),
        post("/api/v1/seats/{seat}/end", Body::Json(r#"{"date": "2030-01-01", "version": 0}"#),
                                                                          [CONFLICT, CONFLICT, FORBID,   FORBID,   UNAUTH,   UNAUTH,   NOTFOUND]),
        get("/api/v1/history/{history_entity}/{mem}",                     [OK,       OK,       OK,       OK,       UNAUTH,   UNAUTH,   NOTFOUND]),
        get("/api/v1/persons/{person}/terms",                             [OK,       OK,       OK,       OK,       UNAUTH,   UNAUTH,   NOTFOUND]),
        post("/api/v1/persons/{person}/terms", Body::Json("{}"),          [INVALID,  INVALID,  FORBID,   FORBID,   UNAUTH,   UNAUTH,   INVALID]),
        delete("/api/v1/terms/{fresh_term}",                              [Is(204),  Is(204),  FORBID,   FORBID,   UNAUTH,   UNAUTH,   NOTFOUND]),
        get("/api/v1/representation?on=2011-09-21",                       [OK,       OK,       OK,       OK,       UNAUTH,   UNAUTH,   OK]),
        get("/api/v1/cases",                                              [OK,       OK,       OK,       OK,       UNAUTH,   UNAUTH,   OK]),
        post("/api/v1/cases", Body::Json("{}"),                           [INVALID,  INVALID,  FORBID,   FORBID,   UNAUTH,   UNAUTH,   INVALID]),
        // Parsing stores nothing: any role may read a document into the contract.
        post("/api/v1/cases/parse", Body::Json("{}"),                     [INVALID,  INVALID,  INVALID,  INVALID,  UNAUTH,   UNAUTH,   INVALID]),
        post("/api/v1/cases/parse-all", Body::Json("{}"),                 [INVALID,  INVALID,  INVALID,  INVALID,  UNAUTH,   UNAUTH,   INVALID]),
        post("/api/v1/cases/import", Body::Json("{}"),                    [INVALID,  INVALID,  FORBID,   FORBID,   UNAUTH,   UNAUTH,   INVALID]),
        get("/api/v1/cases/{case}",                                       [OK,       OK,       OK,       OK,       UNAUTH,   UNAUTH,   NOTFOUND]),
        get("/api/v1/cases/{decided_case}/akn",                           [OK,       OK,       OK,       OK,       UNAUTH,   UNAUTH,   NOTFOUND]),
        // Well-formed, but from a body not on the case's route.
        post("/api/v1/cases/{case}/positions", Body::Json(r#"{"body": "Okänt organ", "kind": "reservation", "persons": [{"name": "Ann Ek", "party": "V"}], "points": [], "text": "Skäl."}"#),
                                                                          [INVALID,  INVALID,  INVALID,  FORBID,   UNAUTH,   UNAUTH,   NOTFOUND]),
        post("/api/v1/cases/{case}/decisions", Body::Json(r#"{"body": "Okänt organ", "adopted": {"kind": "proposal"}, "decided_on": "2030-01-01"}"#),
                                                                          [INVALID,  INVALID,  FORBID,   FORBID,   UNAUTH,   UNAUTH,   NOTFOUND]),
        get("/api/v1/popolo",                                             [OK,       OK,       OK,       OK,       UNAUTH,   UNAUTH,   OK]),
        get("/api/v1/oparl/{oparl_resource}",                             [OK,       OK,       OK,       OK,       UNAUTH,   UNAUTH,   OK]),
        get("/api/v1/actions",                                            [OK,       OK,       OK,       OK,       UNAUTH,   UNAUTH,   OK]),
        get("/api/v1/events",                                             [OK,       OK,       OK,       OK,       UNAUTH,   UNAUTH,   OK]),
        get("/api/v1/reviews",                                            [OK,       OK,       OK,       OK,       UNAUTH,   UNAUTH,   OK]),
        get("/api/v1/reviews/{review}/results",                           [OK,       OK,       OK,       OK,       UNAUTH,   UNAUTH,   NOTFOUND]),
        get("/api/v1/reviews/{review}/overrides",                         [OK,       OK,       OK,       OK,       UNAUTH,   UNAUTH,   NOTFOUND]),
        post("/api/v1/reviews/{review}/overrides", Body::Json(r#"{"membership_id": {mem}, "recommendation": "continue", "justification": "Kort"}"#),
                                                                          [INVALID,  INVALID,  FORBID,   FORBID,   UNAUTH,   UNAUTH,   NOTFOUND]),
        get("/api/v1/reviews/{review}/analysis",                          [OK,       OK,       OK,       OK,       UNAUTH,   UNAUTH,   NOTFOUND]),
        get("/api/v1/profile",                                            [OK,       OK,       OK,       OK,       UNAUTH,   UNAUTH,   OK]),
        put("/api/v1/profile", Body::Json(r#"{"kind": "city", "office_sv": "", "office_en": "", "place": "", "body_sv": "", "body_en": ""}"#),
                                                                          [INVALID,  FORBID,   FORBID,   FORBID,   UNAUTH,   UNAUTH,   INVALID]),

        // Last, because it ends each visitor's session.
        post("/logout", NO_FIELDS,                                        [SEE,      SEE,      SEE,      SEE,      Login,    Login,    SEE]),
    ]
}

/// Stockholm's records the table's placeholders stand for, and the means to
/// make fresh ones.
struct Fixture {
    ids: HashMap<&'static str, String>,
    actor: Actor,
    review: i64,
    membership: i64,
    editor_token: String,
}

impl Fixture {
    async fn new(app: &TestApp) -> Fixture {
        app.login_as_demo().await;
        let t = app.store.tenant_by_slug("stockholm").await.unwrap();
        let actor = Actor {
            tenant_id: t.id,
            user_id: None,
            label: "fixture".into(),
        };
        let editor_token = app
            .token_for("stockholm", "fixture@stockholm.example", Role::Editor)
            .await;
        let mut ids = HashMap::new();
        // Malmö, with a body and a person of its own to name in its requests.
        app.store
            .create_tenant("malmo", "Malmö stad")
            .await
            .unwrap();
        let malmo = app
            .token_for("malmo", "fixture@malmo.example", Role::Editor)
            .await;
        for (path, body, key) in [
            (
                "/api/v1/bodies",
                json!({"name": "Kommunstyrelsen", "kind": "executive_board"}),
                "malmo_body",
            ),
            (
                "/api/v1/persons",
                json!({"name": "Ilmar Reepalu", "kind": "politician"}),
                "malmo_person",
            ),
        ] {
            let (status, out, _) = app
                .api_send(reqwest::Method::POST, path, &malmo, &body)
                .await;
            assert_eq!(status, StatusCode::CREATED, "{out}");
            ids.insert(key, out["id"].to_string());
        }
        let org = app
            .store
            .organisation_by_slug(t.id, "eurocities")
            .await
            .unwrap();
        ids.insert("org", org.id.to_string());
        let (status, own, _) = app
            .api_send(
                reqwest::Method::POST,
                "/api/v1/organisations",
                &editor_token,
                &json!({"name": "Stockholms eget nätverk", "kind": "city_network"}),
            )
            .await;
        assert_eq!(status, StatusCode::CREATED, "{own}");
        ids.insert("own_org", own["id"].to_string());
        // Its notes exist, so a later edit can be stale.
        let (status, _, _) = app
            .post_form(
                &app.client,
                &format!("/organisations/{}", own["id"]),
                &format!("/organisations/{}/notes", own["id"]),
                &[("notes", "Första anteckningen"), ("version", "")],
            )
            .await;
        assert_eq!(status, StatusCode::SEE_OTHER);
        let membership = app.membership_id("stockholm", "eurocities").await;
        ids.insert("mem", membership.to_string());
        ids.insert(
            "inv",
            invoice(&app.store, &actor, membership).await.to_string(),
        );
        ids.insert(
            "person",
            app.store.persons(t.id).await.unwrap()[0].id.to_string(),
        );
        ids.insert(
            "seat",
            app.store.seats(t.id).await.unwrap()[0].id.to_string(),
        );
        ids.insert(
            "body",
            app.store.bodies(t.id).await.unwrap()[0].id.to_string(),
        );

        // An open review with one respondent and a link.
        let strategy = app.store.current_strategy(&actor).await.unwrap();
        let today = chrono::Utc::now().date_naive();
        let review = app
            .store
            .create_review(
                &actor,
                strategy.id,
                &NewReview {
                    title: "Översyn i matrisen".into(),
                    opens_on: today - chrono::Days::new(1),
                    closes_on: today + chrono::Days::new(10),
                    anonymous: false,
                    min_group: 3,
                    reminder_max: 2,
                    reminder_days: 7,
                    illustrative: false,
                    memberships: vec![membership],
                },
                &default_questionnaire(&strategy.strategy),
            )
            .await
            .unwrap()
            .id;
        ids.insert("review", review.to_string());
        let demo_review = app.demo_review().await.id;
        let text_answer = app.store.text_answers(t.id, demo_review).await.unwrap()[0].0;
        ids.insert("demo_review", demo_review.to_string());
        ids.insert("text_answer", text_answer.to_string());
        let fixture = Fixture {
            ids,
            actor,
            review,
            membership,
            editor_token,
        };
        let respondent = fixture.respondent(app).await;
        let token = app.store.issue_link(t.id, respondent).await.unwrap();
        let question = app.store.questions(review).await.unwrap()[0].id;
        let mut ids = fixture.ids;
        ids.insert("respondent", respondent.to_string());
        ids.insert("respond_token", token);
        ids.insert("question", question.to_string());
        ids.insert("bogus_token", "x".repeat(43));

        // Cases: an open one made here, and the demo's decided one.
        let fixture = Fixture { ids, ..fixture };
        let case = fixture.case(app).await;
        let (_, cases) = app.api_get("/api/v1/cases", &fixture.editor_token).await;
        let decided = cases["data"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["status"] == "decided")
            .expect("the demo's decided case")["id"]
            .to_string();
        let mut ids = fixture.ids;
        ids.insert("case", case.to_string());
        ids.insert("decided_case", decided);

        // Follow-up: the demo's action (with an evidence file) and event.
        let action = app.store.actions(t.id).await.unwrap()[0].id;
        let file = app
            .store
            .add_file(
                &fixture.actor,
                ("action", action),
                "bevis.txt",
                "text/plain",
                b"bevis",
            )
            .await
            .unwrap()
            .id;
        let event = app.store.events(t.id).await.unwrap()[0].id;
        let (status, body, _) = app
            .post_form(
                &app.client,
                &format!("/events/{event}"),
                &format!("/events/{event}/journeys"),
                &[
                    ("traveller", "Resande Person"),
                    ("mode", "rail"),
                    ("from_place", "Stockholm"),
                    ("to_place", "Bryssel"),
                    ("distance_km", "1500"),
                ],
            )
            .await;
        assert_eq!(status, StatusCode::SEE_OTHER, "{body}");
        let report = app.store.issue_report_links(t.id, event).await.unwrap();
        let feed = app
            .store
            .create_calendar_feed(t.id, None, "fixture")
            .await
            .unwrap();
        let document = app
            .store
            .register_document(
                &fixture.actor,
                &oversyn_core::records::DocumentCmd {
                    title: "Stadgar".into(),
                    direction: oversyn_core::records::Direction::Incoming,
                    dated_on: "2011-03-01".parse().unwrap(),
                    counterpart: "EUROCITIES".into(),
                    type_code: "statute".into(),
                    case_id: None,
                    membership_id: Some(membership_id_of(&ids)),
                    review_id: None,
                    attachment_of: None,
                },
                Some(oversyn_store::records::NewFile {
                    name: "stadgar.txt",
                    media_type: "text/plain",
                    content: b"Artikel 1",
                }),
            )
            .await
            .unwrap()
            .id;
        ids.insert("document", document.to_string());
        ids.insert("action", action.to_string());
        ids.insert("file", file.to_string());
        ids.insert("event", event.to_string());
        ids.insert("report_token", report[0].2.clone());
        ids.insert("feed_token", feed);
        ids.insert("slug", "stockholm".into());
        ids.insert("excerpt", "0".into());
        // The review's first criterion, whose sensitivity has a page.
        ids.insert("criterion", "1".into());
        ids.insert("table_file", "organisations.csv".into());
        ids.insert("history_entity", "membership".into());
        ids.insert("oparl_resource", "bodies".into());
        ids.insert("oparl_kind", "papers".into());
        Fixture { ids, ..fixture }
    }

    async fn respondent(&self, app: &TestApp) -> i64 {
        app.store
            .add_respondent(
                &self.actor,
                self.review,
                &NewRespondent {
                    person_id: None,
                    name: "Svarande Person".into(),
                    email: Some("svarande@stockholm.example".into()),
                    lang: "sv".into(),
                    memberships: vec![self.membership],
                },
            )
            .await
            .unwrap()
            .id
    }

    async fn case(&self, app: &TestApp) -> i64 {
        let (status, body, _) = app
            .api_send(
                reqwest::Method::POST,
                "/api/v1/cases",
                &self.editor_token,
                &json!({"title": "Ärende i matrisen", "language": "sv", "route": ["Kommunstyrelsen"]}),
            )
            .await;
        assert_eq!(status, StatusCode::CREATED, "{body}");
        body["id"].as_i64().unwrap()
    }

    /// A job of Stockholm's that was given up (its payload is no known work).
    async fn failed_job(&self, app: &TestApp) -> i64 {
        use oversyn_core::jobs::{AfterFailure, LEASE};
        let key = format!("matrix:{}", oversyn_store::auth::random_token());
        let job = oversyn_store::jobs::NewJob {
            tenant_id: self.actor.tenant_id,
            kind: "invitation".into(),
            key,
            payload: "{}".into(),
        };
        let id = app.store.enqueue(&[job], false).await.unwrap()[0];
        let now = chrono::Utc::now();
        app.store
            .claim_jobs("matrix", now, LEASE, 1, Some(&[id]))
            .await
            .unwrap();
        app.store
            .fail_job(id, "matrix", "refused", AfterFailure::GiveUp)
            .await
            .unwrap();
        id
    }

    async fn intake(&self, app: &TestApp) -> i64 {
        let (status, body, _) = app
            .post_form(
                &app.client,
                "/intake",
                "/intake",
                &[
                    ("title", "Gå med i ett nätverk"),
                    ("requester", "Miljöförvaltningen"),
                    ("kind", "join"),
                    ("organisation_name", "Nätverket"),
                ],
            )
            .await;
        assert_eq!(status, StatusCode::SEE_OTHER, "{body}");
        app.store
            .intake_requests(self.actor.tenant_id)
            .await
            .unwrap()[0]
            .id
    }

    /// `text` with its placeholders filled in; `{fresh_…}` makes a new record.
    async fn fill(&self, app: &TestApp, text: &str, visitor: &str) -> String {
        let mut out = String::new();
        let mut rest = text;
        while let Some(start) = rest.find('{') {
            let Some(len) = rest[start..].find('}') else {
                break;
            };
            let name = &rest[start + 1..start + len];
            let known = match name {
                "visitor" => Some(visitor.to_owned()),
                // Ids a request names besides its target: the visitor's own tenant's.
                "my_body" | "my_person" => {
                    let key = match (name, visitor) {
                        ("my_body", "foreign") => "malmo_body",
                        ("my_person", "foreign") => "malmo_person",
                        ("my_body", _) => "body",
                        _ => "person",
                    };
                    self.ids.get(key).cloned()
                }
                "fresh_respondent" => Some(self.respondent(app).await.to_string()),
                "fresh_case" => Some(self.case(app).await.to_string()),
                "fresh_term" => Some(
                    app.store
                        .create_term(
                            &self.actor,
                            self.ids["person"].parse().unwrap(),
                            &oversyn_core::register::terms::TermInput {
                                body: format!("Nämnd {}", oversyn_store::auth::random_token()),
                                role: "ledamot".into(),
                                from: "2010-11-01".into(),
                                ..Default::default()
                            }
                            .parse()
                            .unwrap(),
                        )
                        .await
                        .unwrap()
                        .id
                        .to_string(),
                ),
                "fresh_invoice" => Some(
                    invoice(&app.store, &self.actor, self.membership)
                        .await
                        .to_string(),
                ),
                "fresh_intake" => Some(self.intake(app).await.to_string()),
                "fresh_failed_job" => Some(self.failed_job(app).await.to_string()),
                "fresh_question" => Some(
                    app.store
                        .add_question(
                            &self.actor,
                            self.review,
                            &NewQuestion {
                                criterion: None,
                                kind: QuestionKind::Text,
                                text_sv: "Något mer?".into(),
                                text_en: "Anything else?".into(),
                            },
                        )
                        .await
                        .unwrap()
                        .id
                        .to_string(),
                ),
                other => self.ids.get(other).cloned(),
            };
            match known {
                // JSON's own braces are not placeholders.
                None => {
                    out.push_str(&rest[..=start]);
                    rest = &rest[start + 1..];
                }
                Some(v) => {
                    out.push_str(&rest[..start]);
                    out.push_str(&v);
                    rest = &rest[start + len + 1..];
                }
            }
        }
        out.push_str(rest);
        out
    }
}

/// One column of the table: a browser with its cookies and CSRF token, and
/// what it sends to the API as a bearer token.
struct Visitor {
    name: &'static str,
    browser: reqwest::Client,
    csrf: String,
    token: Option<String>,
}

async fn visitors(app: &TestApp, fixture: &Fixture) -> Vec<Visitor> {
    let mut out = Vec::new();
    for name in VISITORS {
        let (tenant, role) = match name {
            "admin" => ("stockholm", Some(Role::Admin)),
            "editor" => ("stockholm", Some(Role::Editor)),
            "politician" => ("stockholm", Some(Role::Politician)),
            "viewer" => ("stockholm", Some(Role::Viewer)),
            "foreign" => ("malmo", Some(Role::Admin)),
            _ => ("stockholm", None),
        };
        let (browser, token, page) = match role {
            Some(role) => {
                let browser = app
                    .browser_as(tenant, &format!("{name}@{tenant}.example"), role)
                    .await;
                let token = app
                    .token_for(tenant, &format!("api-{name}@{tenant}.example"), role)
                    .await;
                let (_, page) = get_with(&browser, &app.url("/account")).await;
                (browser, Some(token), page)
            }
            None => {
                let browser = app.new_browser();
                // The respondent has opened its link and tries it everywhere.
                let token = (name == "respondent").then(|| fixture.ids["respond_token"].clone());
                if let Some(t) = &token {
                    let (status, _) = get_with(&browser, &app.url(&format!("/respond/{t}"))).await;
                    assert_eq!(status, StatusCode::OK);
                }
                let (_, page) = get_with(&browser, &app.url("/login")).await;
                (browser, token, page)
            }
        };
        out.push(Visitor {
            name,
            browser,
            csrf: csrf_of(&page),
            token,
        });
    }
    out
}

/// Sends one row's request as one visitor; returns what went wrong, if anything.
async fn check(
    app: &TestApp,
    fixture: &Fixture,
    row: &Row,
    v: &Visitor,
    want: Want,
) -> Option<String> {
    let path = fixture.fill(app, row.path, v.name).await;
    let method = reqwest::Method::from_bytes(row.method.as_bytes()).unwrap();
    let api = path.starts_with("/api/");
    let client = if api { client() } else { v.browser.clone() };
    let mut req = client.request(method, app.url(&path));
    if api && let Some(t) = &v.token {
        req = req.bearer_auth(t);
    }
    req = match &row.body {
        Body::None => req,
        Body::Form(fields) => {
            let mut all = vec![("csrf".to_owned(), v.csrf.clone())];
            for (k, val) in fields.iter() {
                all.push(((*k).to_owned(), fixture.fill(app, val, v.name).await));
            }
            req.form(&all)
        }
        Body::Multipart(file) => {
            let mut form = reqwest::multipart::Form::new().text("csrf", v.csrf.clone());
            if let Some(content) = file {
                form = form.part(
                    "file",
                    reqwest::multipart::Part::bytes(content.as_bytes().to_vec())
                        .file_name("fil.txt"),
                );
            }
            req.multipart(form)
        }
        Body::Json(text) => {
            let filled = fixture.fill(app, text, v.name).await;
            let value: Value = serde_json::from_str(&filled).unwrap();
            req.json(&value)
        }
    };
    let r = req.send().await.unwrap();
    let status = r.status().as_u16();
    let location = r
        .headers()
        .get("location")
        .and_then(|l| l.to_str().ok())
        .unwrap_or("")
        .to_owned();
    let ctype = r
        .headers()
        .get("content-type")
        .and_then(|c| c.to_str().ok())
        .unwrap_or("")
        .to_owned();
    let missing = crate::security_headers::missing_security_headers(r.headers());
    let body = r.text().await.unwrap_or_default();
    let got_right = match want {
        Is(code) => status == code,
        Login => status == 303 && location.starts_with("/login?next="),
    };
    let what = format!("{} {path} as {}", row.method, v.name);
    if !got_right {
        return Some(format!(
            "{what}: want {want:?}, got {status} {location} {}",
            gist(&body)
        ));
    }
    if !missing.is_empty() {
        return Some(format!("{what}: {}", missing.join("; ")));
    }
    if status >= 400 {
        if api && ctype != "application/problem+json" {
            return Some(format!(
                "{what}: a {status} from the API as {ctype:?}, not problem+json"
            ));
        }
        if !api && !ctype.starts_with("text/html") {
            return Some(format!("{what}: a {status} page as {ctype:?}, not HTML"));
        }
    }
    None
}

/// What a response says went wrong: a problem's text, or a page's title,
/// alerts and field errors.
fn gist(body: &str) -> String {
    if body.starts_with('{') {
        return body.chars().take(300).collect();
    }
    let mut out = Vec::new();
    let title = body
        .split("<title>")
        .nth(1)
        .and_then(|t| t.split("</title>").next());
    out.extend(title.map(str::to_owned));
    for part in body.split("class=\"field-error\" id=\"").skip(1) {
        out.push(
            part.split('<')
                .next()
                .unwrap_or("")
                .replace("-error\">", ": "),
        );
    }
    for part in body.split("role=\"alert\">").skip(1) {
        out.push(part.split('<').next().unwrap_or("").to_owned());
    }
    out.join(" | ")
}

#[tokio::test]
async fn every_route_gives_each_visitor_the_expected_status() {
    on_each_backend(|app| async move {
        let fixture = Fixture::new(&app).await;
        let visitors = visitors(&app, &fixture).await;
        let mut wrong = Vec::new();
        // Refusals first, so that a permitted write cannot hide a refusal.
        let order = [6, 5, 4, 3, 2, 1, 0];
        for row in table() {
            for i in order {
                if let Some(problem) = check(&app, &fixture, &row, &visitors[i], row.want[i]).await
                {
                    wrong.push(problem);
                }
            }
        }
        assert!(
            wrong.is_empty(),
            "{} unexpected answers:\n{}",
            wrong.len(),
            wrong.join("\n")
        );
    })
    .await;
}

/// The routers' sources, each with the prefix it is mounted under; the
/// application's own router (lib.rs) says which modules it merges and nests.
const ROUTERS: &[(&str, &str, &str)] = &[
    ("app", "", include_str!("../../src/lib.rs")),
    (
        "static_files::router()",
        "",
        include_str!("../../src/static_files.rs"),
    ),
    ("auth::router()", "", include_str!("../../src/auth/mod.rs")),
    ("jobs::router()", "", include_str!("../../src/jobs/mod.rs")),
    (
        "register::router()",
        "",
        include_str!("../../src/register/mod.rs"),
    ),
    (
        "reviews::router()",
        "",
        include_str!("../../src/reviews/mod.rs"),
    ),
    (
        "cases::router()",
        "",
        include_str!("../../src/cases/mod.rs"),
    ),
    (
        "followup::router()",
        "",
        include_str!("../../src/followup/mod.rs"),
    ),
    (
        "oparl::router()",
        "",
        include_str!("../../src/oparl/mod.rs"),
    ),
    (
        "public::router()",
        "",
        include_str!("../../src/public/mod.rs"),
    ),
    (
        "settings::router()",
        "",
        include_str!("../../src/settings/mod.rs"),
    ),
    (
        "records::router()",
        "",
        include_str!("../../src/records/mod.rs"),
    ),
    (
        "settings::privacy::router()",
        "",
        include_str!("../../src/settings/privacy.rs"),
    ),
    (
        "respond::router()",
        "",
        include_str!("../../src/respond.rs"),
    ),
    (
        "api::router()",
        "/api",
        include_str!("../../src/api/mod.rs"),
    ),
];

/// The text between the parentheses that open at `from` (just after the
/// `(`), with string literals skipped.
fn call_args(src: &str, from: usize) -> &str {
    let bytes = src.as_bytes();
    let (mut depth, mut i, mut in_str) = (1, from, false);
    while i < bytes.len() {
        match (in_str, bytes[i]) {
            (true, b'\\') => i += 1,
            (true, b'"') => in_str = false,
            (false, b'"') => in_str = true,
            (false, b'(') => depth += 1,
            (false, b')') => {
                depth -= 1;
                if depth == 0 {
                    return &src[from..i];
                }
            }
            _ => {}
        }
        i += 1;
    }
    &src[from..]
}

/// A path with every `{parameter}` written as `{}`, and no query.
fn shape(path: &str) -> String {
    let path = path.split('?').next().unwrap_or("");
    let mut out = String::new();
    let mut inside = false;
    for c in path.chars() {
        match c {
            '{' => {
                inside = true;
                out.push_str("{}");
            }
            '}' => inside = false,
            _ if !inside => out.push(c),
            _ => {}
        }
    }
    out
}

/// Every (method, path shape) the routers register, read from their source;
/// the API's documented routes from the document its route list makes.
fn registered_routes() -> BTreeSet<(String, String)> {
    let mut out = BTreeSet::new();
    for (path, item) in &oversyn_web::api::openapi::api_doc().paths.paths {
        for (method, op) in [
            ("GET", &item.get),
            ("POST", &item.post),
            ("PUT", &item.put),
            ("DELETE", &item.delete),
            ("PATCH", &item.patch),
        ] {
            if op.is_some() {
                out.insert((method.to_owned(), shape(path)));
            }
        }
    }
    for (_, prefix, src) in ROUTERS {
        for (at, _) in src.match_indices(".route(") {
            let args = call_args(src, at + ".route(".len());
            let path = args.split('"').nth(1).expect("a route's path");
            for method in ["get", "post", "put", "delete", "patch"] {
                let call = format!("{method}(");
                let used = args.match_indices(&call).any(|(i, _)| {
                    i == 0
                        || !args.as_bytes()[i - 1].is_ascii_alphanumeric()
                            && args.as_bytes()[i - 1] != b'_'
                });
                if used {
                    out.insert((method.to_uppercase(), shape(&format!("{prefix}{path}"))));
                }
            }
        }
    }
    out
}

#[test]
fn the_table_names_every_route_and_only_routes() {
    // Every router the app merges or nests is read above.
    let app = ROUTERS[0].2;
    let app = &app[app.find("pub fn app(").unwrap()..];
    let app = &app[..app.find("\n}").unwrap()];
    for (at, _) in app
        .match_indices(".merge(")
        .chain(app.match_indices(".nest("))
    {
        let open = at + app[at..].find('(').unwrap() + 1;
        let args = call_args(app, open);
        let router = args.rsplit(", ").next().unwrap().trim();
        assert!(
            ROUTERS.iter().any(|(name, _, _)| *name == router),
            "the app mounts {router}, which this test does not read"
        );
    }
    let routes = registered_routes();
    assert!(routes.len() > 150, "{} routes read", routes.len());
    let rows: BTreeSet<(String, String)> = table()
        .iter()
        .map(|r| (r.method.to_owned(), shape(r.path)))
        .collect();
    let missing: Vec<_> = routes.difference(&rows).collect();
    assert!(
        missing.is_empty(),
        "routes without a row in the table: {missing:?}"
    );
    let unknown: Vec<_> = rows.difference(&routes).collect();
    assert!(
        unknown.is_empty(),
        "rows for routes that do not exist: {unknown:?}"
    );
}

/// The browser's session is no key to the API: a page's cookie cannot be
/// used to write through it from another site.
#[tokio::test]
async fn a_signed_in_browser_without_a_token_is_unknown_to_the_api() {
    on_each_backend(|app| async move {
        app.login_as_demo().await;
        let r = app
            .client
            .get(app.url("/api/v1/organisations"))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), StatusCode::UNAUTHORIZED);
        let r = app
            .client
            .post(app.url("/api/v1/persons"))
            .json(&json!({"name": "Via kaka", "kind": "official"}))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), StatusCode::UNAUTHORIZED);
        assert_eq!(r.headers()["content-type"], "application/problem+json");
    })
    .await;
}
