//! The register in the browser: login, the demo register, forms with
//! validation, stale edits, ending records and their history.

use crate::helpers::*;
use oversyn_core::Role;
use reqwest::StatusCode;

#[tokio::test]
async fn health_answers() {
    on_each_backend(|app| async move {
        assert_eq!(app.get("/healthz").await.0, StatusCode::OK);
    })
    .await;
}

#[tokio::test]
async fn login_shows_the_demo_register_and_logout_ends_the_session() {
    on_each_backend(|app| async move {
        let (status, _) = app.get("/").await;
        assert_eq!(
            status,
            StatusCode::SEE_OTHER,
            "anonymous visitors are sent to log in"
        );
        let (status, body) = app
            .login(
                &app.client,
                "stockholm",
                oversyn_core::demo::DEMO_EMAIL,
                "wrong password",
            )
            .await;
        assert_eq!(status, StatusCode::UNAUTHORIZED);
        assert!(body.contains("Fel e-post eller lösenord"), "{body}");
        assert!(
            body.contains(oversyn_core::demo::DEMO_EMAIL),
            "the e-mail typed is kept"
        );

        app.login_as_demo().await;
        let (status, page) = app.get("/").await;
        assert_eq!(status, StatusCode::OK);
        for org in ["EUROCITIES", "Metropolis", "UCLG", "C40"] {
            assert!(page.contains(org), "{org} missing from the register");
        }
        assert!(page.contains("Kommunstyrelsen"));
        assert!(
            page.contains("illustrativt"),
            "the illustrative fee is marked"
        );
        assert!(
            page.contains("SKR"),
            "indirect representation through SKR is shown"
        );

        let (_, page) = app.get("/").await;
        let csrf = csrf_of(&page);
        let r = app
            .client
            .post(app.url("/logout"))
            .form(&[("csrf", csrf.as_str())])
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), StatusCode::SEE_OTHER);
        assert_eq!(app.get("/").await.0, StatusCode::SEE_OTHER);
    })
    .await;
}

#[tokio::test]
async fn repeated_failed_logins_are_refused_for_a_while() {
    on_each_backend(|app| async move {
        let browser = app.new_browser();
        for _ in 0..oversyn_store::auth::MAX_FAILURES {
            let (status, _) = app
                .login(
                    &browser,
                    "stockholm",
                    oversyn_core::demo::DEMO_EMAIL,
                    "guess",
                )
                .await;
            assert_eq!(status, StatusCode::UNAUTHORIZED);
        }
        let (status, body) = app
            .login(
                &browser,
                "stockholm",
                oversyn_core::demo::DEMO_EMAIL,
                &app.demo_password,
            )
            .await;
        assert_eq!(
            status,
            StatusCode::TOO_MANY_REQUESTS,
            "even the right password waits"
        );
        assert!(body.contains("För många"));
    })
    .await;
}

#[tokio::test]
async fn the_register_speaks_english_on_request() {
    on_each_backend(|app| async move {
        app.login_as_demo().await;
        let (_, page) = app.get("/?lang=en").await;
        assert!(page.contains("Membership register"));
        let (_, page) = app.get("/persons").await;
        assert!(page.contains("People"), "the choice is remembered");
    })
    .await;
}

#[tokio::test]
async fn organisation_page_shows_sources_relations_and_representation() {
    on_each_backend(|app| async move {
        app.login_as_demo().await;
        let t = app.store.tenant_by_slug("stockholm").await.unwrap();
        let uclg = app.store.organisation_by_slug(t.id, "uclg").await.unwrap();
        let (status, page) = app.get(&format!("/organisations/{}", uclg.id)).await;
        assert_eq!(status, StatusCode::OK);
        assert!(page.contains("ECLG"), "aliases shown");
        assert!(
            page.contains("6 månader"),
            "notice period from the statutes"
        );
        assert!(page.contains("uclg-mewa.org"), "facts carry their source");
        assert!(page.contains("Metropolis"), "relation to Metropolis");
        assert!(page.contains("Indirekt"), "indirect representation via SKR");
        let (_, list) = app.get("/organisations?q=SKL").await;
        assert!(
            list.contains("Sveriges Kommuner och Regioner"),
            "search by alias"
        );
    })
    .await;
}

#[tokio::test]
async fn person_form_keeps_input_and_names_the_field_in_error() {
    on_each_backend(|app| async move {
        app.login_as_demo().await;
        let long = "x".repeat(201);
        let (status, body, _) = app
            .post_form(
                &app.client,
                "/persons/new",
                "/persons",
                &[
                    ("name", &long),
                    ("kind", "politician"),
                    ("email", "not-an-address"),
                    ("party", "MP"),
                ],
            )
            .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(body.contains("Texten är för lång"), "{body}");
        assert!(body.contains("id=\"email-error\""));
        assert!(
            body.contains("value=\"not-an-address\""),
            "the typed e-mail is kept"
        );
        assert!(body.contains("value=\"MP\""), "the party is kept");
        let (status, _, _) = app
            .post_form(
                &app.client,
                "/persons/new",
                "/persons",
                &[("name", "   "), ("kind", "official")],
            )
            .await;
        assert_eq!(
            status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "a blank name is refused"
        );

        let (status, _, location) = app
            .post_form(
                &app.client,
                "/persons/new",
                "/persons",
                &[
                    ("name", "Anna Andersson"),
                    ("kind", "official"),
                    ("department", "SLK"),
                ],
            )
            .await;
        assert_eq!(status, StatusCode::SEE_OTHER);
        let location = location.unwrap();
        let (_, page) = app.get(&location).await;
        assert!(page.contains("Anna Andersson"));
    })
    .await;
}

#[tokio::test]
async fn a_stale_edit_is_refused_and_keeps_the_input() {
    on_each_backend(|app| async move {
        app.login_as_demo().await;
        let t = app.store.tenant_by_slug("stockholm").await.unwrap();
        let nordin = app
            .store
            .persons(t.id)
            .await
            .unwrap()
            .into_iter()
            .find(|p| p.name == "Sten Nordin")
            .unwrap();
        let edit = format!("/persons/{}/edit", nordin.id);
        let (_, form) = app.get(&edit).await;
        let old_version = version_of(&form);
        // Someone else saves first.
        let other = app
            .browser_as("stockholm", "colleague@stockholm.example", Role::Editor)
            .await;
        let (status, _, _) = app
            .post_form(
                &other,
                &edit,
                &edit,
                &[
                    ("name", "Sten Nordin"),
                    ("kind", "politician"),
                    ("party", "M"),
                    ("side", "majority"),
                    ("version", &old_version),
                ],
            )
            .await;
        assert_eq!(status, StatusCode::SEE_OTHER);
        let (status, body, _) = app
            .post_form(
                &app.client,
                &edit,
                &edit,
                &[
                    ("name", "Sten Nordin (M)"),
                    ("kind", "politician"),
                    ("version", &old_version),
                ],
            )
            .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(body.contains("Någon annan har ändrat"), "{body}");
        assert!(body.contains("Sten Nordin (M)"), "the input is kept");
        assert_eq!(
            app.store.person(t.id, nordin.id).await.unwrap().name,
            "Sten Nordin"
        );
    })
    .await;
}

#[tokio::test]
async fn a_stale_or_too_long_note_is_shown_again_with_the_typed_text() {
    on_each_backend(|app| async move {
        app.login_as_demo().await;
        let t = app.store.tenant_by_slug("stockholm").await.unwrap();
        let org = app
            .store
            .organisation_by_slug(t.id, "eurocities")
            .await
            .unwrap()
            .id;
        let page = format!("/organisations/{org}");
        let action = format!("/organisations/{org}/notes");
        let (_, body) = app.get(&page).await;
        let (status, _, _) = app
            .post_form(
                &app.client,
                &page,
                &action,
                &[
                    ("notes", "Första anteckningen"),
                    ("version", &version_of(&body)),
                ],
            )
            .await;
        assert_eq!(status, StatusCode::SEE_OTHER);
        let (_, body) = app.get(&page).await;
        let old_version = version_of(&body);
        assert!(!old_version.is_empty(), "saved notes carry a version");
        let other = app
            .browser_as("stockholm", "colleague@stockholm.example", Role::Editor)
            .await;
        let (status, _, _) = app
            .post_form(
                &other,
                &page,
                &action,
                &[("notes", "Kollegans anteckning"), ("version", &old_version)],
            )
            .await;
        assert_eq!(status, StatusCode::SEE_OTHER);
        let (status, body, _) = app
            .post_form(
                &app.client,
                &page,
                &action,
                &[("notes", "Min anteckning"), ("version", &old_version)],
            )
            .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(body.contains("Någon annan har ändrat"), "{body}");
        assert!(
            body.contains(">Min anteckning</textarea>"),
            "the typed note is kept"
        );
        let (_, body) = app.get(&page).await;
        assert!(
            body.contains("Kollegans anteckning"),
            "the colleague's note stays"
        );
        let long = "x".repeat(10_001);
        let (status, body, _) = app
            .post_form(
                &app.client,
                &page,
                &action,
                &[("notes", &long), ("version", &version_of(&body))],
            )
            .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(body.contains("aria-describedby=\"notes-error\""), "{body}");
        assert!(body.contains(&long), "the typed note is kept");
    })
    .await;
}

#[tokio::test]
async fn ending_a_membership_records_notice_and_history() {
    on_each_backend(|app| async move {
        app.login_as_demo().await;
        let id = app.membership_id("stockholm", "metropolis").await;
        let page = format!("/memberships/{id}");
        let (status, body, _) = app
            .post_form(
                &app.client,
                &page,
                &format!("{page}/end"),
                &[("date", "not a date")],
            )
            .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(body.contains("ÅÅÅÅ-MM-DD"));
        let (status, _, _) = app
            .post_form(
                &app.client,
                &page,
                &format!("{page}/end"),
                &[("date", "2100-01-01")],
            )
            .await;
        assert_eq!(status, StatusCode::SEE_OTHER);
        let (_, body) = app.get(&page).await;
        assert!(
            body.contains("Uppsagt"),
            "a future end date means notice given"
        );
        let (_, history) = app.get(&format!("{page}/history")).await;
        assert!(history.contains("Avslutad"), "{history}");
        assert!(history.contains("2100-01-01"));
        assert!(
            history.contains("notice_given") && history.contains("active"),
            "before and after shown"
        );
        assert!(
            history.contains(oversyn_core::demo::DEMO_EMAIL),
            "who made the change"
        );
    })
    .await;
}

#[tokio::test]
async fn a_membership_cannot_end_before_it_began() {
    on_each_backend(|app| async move {
        app.login_as_demo().await;
        let t = app.store.tenant_by_slug("stockholm").await.unwrap();
        let body = app.store.bodies(t.id).await.unwrap()[0].id.to_string();
        let org = app
            .store
            .organisation_by_slug(t.id, "iclei")
            .await
            .unwrap()
            .id
            .to_string();
        let (status, page, _) = app
            .post_form(
                &app.client,
                "/memberships/new",
                "/memberships",
                &[
                    ("organisation_id", &org),
                    ("body_id", &body),
                    ("since", "2012-01-01"),
                    ("until", "2011-01-01"),
                    ("fee_kind", "amount"),
                    ("fee_amount", "12 500"),
                    ("fee_currency", "EUR"),
                ],
            )
            .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(page.contains("Slutdatum kan inte ligga före startdatum"));
        assert!(page.contains("value=\"12 500\""), "the fee typed is kept");
        let before = app.store.memberships(t.id).await.unwrap().len();
        let (status, _, _) = app
            .post_form(
                &app.client,
                "/memberships/new",
                "/memberships",
                &[
                    ("organisation_id", &org),
                    ("body_id", &body),
                    ("since", "2012-01-01"),
                    ("fee_kind", "amount"),
                    ("fee_amount", "12 500"),
                    ("fee_currency", "EUR"),
                    ("fee_year", "2012"),
                ],
            )
            .await;
        assert_eq!(status, StatusCode::SEE_OTHER);
        assert_eq!(app.store.memberships(t.id).await.unwrap().len(), before + 1);
        let (_, register) = app.get("/").await;
        assert!(
            register.contains("12\u{a0}500 EUR"),
            "the fee appears in the totals"
        );
    })
    .await;
}

#[tokio::test]
async fn seats_are_added_edited_and_ended() {
    on_each_backend(|app| async move {
        app.login_as_demo().await;
        let t = app.store.tenant_by_slug("stockholm").await.unwrap();
        let org = app
            .store
            .organisation_by_slug(t.id, "eurocities")
            .await
            .unwrap();
        let bolund = app
            .store
            .persons(t.id)
            .await
            .unwrap()
            .into_iter()
            .find(|p| p.name == "Per Bolund")
            .unwrap();
        let (status, _, location) = app
            .post_form(
                &app.client,
                "/seats/new",
                "/seats",
                &[
                    ("organisation_id", &org.id.to_string()),
                    ("person_id", &bolund.id.to_string()),
                    ("kind", "forum"),
                    ("org_body", "Environment Forum"),
                    ("from", "2010-01-01"),
                ],
            )
            .await;
        assert_eq!(status, StatusCode::SEE_OTHER);
        assert!(
            location
                .unwrap()
                .contains(&format!("/organisations/{}", org.id))
        );
        let (_, page) = app.get(&format!("/persons/{}", bolund.id)).await;
        assert!(page.contains("Environment Forum"));
        let seat = app
            .store
            .seats(t.id)
            .await
            .unwrap()
            .into_iter()
            .find(|s| s.org_body == "Environment Forum")
            .unwrap();
        let edit = format!("/seats/{}/edit", seat.id);
        let (status, body, _) = app
            .post_form(
                &app.client,
                &edit,
                &format!("/seats/{}/end", seat.id),
                &[("date", "2009-01-01")],
            )
            .await;
        assert_eq!(
            status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "cannot end before it began"
        );
        assert!(body.contains("Slutdatum"));
        let (status, _, _) = app
            .post_form(
                &app.client,
                &edit,
                &format!("/seats/{}/end", seat.id),
                &[("date", "2011-11-22")],
            )
            .await;
        assert_eq!(status, StatusCode::SEE_OTHER);
        assert_eq!(
            app.store
                .seat(t.id, seat.id)
                .await
                .unwrap()
                .until
                .unwrap()
                .to_string(),
            "2011-11-22"
        );
    })
    .await;
}

#[tokio::test]
async fn a_tenant_admin_adds_a_user_with_a_one_time_password() {
    on_each_backend(|app| async move {
        app.login_as_demo().await;
        let (status, body, _) = app
            .post_form(
                &app.client,
                "/admin/users",
                "/admin/users",
                &[
                    ("email", "new.editor@stockholm.example"),
                    ("role", "editor"),
                ],
            )
            .await;
        assert_eq!(status, StatusCode::OK);
        let password = body
            .split("<code class=\"secret\">")
            .nth(1)
            .unwrap()
            .split('<')
            .next()
            .unwrap()
            .to_owned();
        let browser = app.new_browser();
        let (status, _) = app
            .login(
                &browser,
                "stockholm",
                "new.editor@stockholm.example",
                &password,
            )
            .await;
        assert_eq!(status, StatusCode::SEE_OTHER);
        let (_, account) = get_with(&browser, &app.url("/account?first=1")).await;
        assert!(account.contains("engångslösenord"));
        let csrf = csrf_of(&account);
        let r = browser
            .post(app.url("/account"))
            .form(&[
                ("csrf", csrf.as_str()),
                ("current", password.as_str()),
                ("new", "a brand new passphrase"),
                ("repeat", "a brand new passphrase"),
            ])
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), StatusCode::SEE_OTHER);
        let (status, _) = app
            .login(
                &app.new_browser(),
                "stockholm",
                "new.editor@stockholm.example",
                "a brand new passphrase",
            )
            .await;
        assert_eq!(status, StatusCode::SEE_OTHER);
    })
    .await;
}

/// The overview, the organisations and the rates are kept per state of the
/// tenant's data, role and language (below the page cache): each user gets
/// their own token and name, a viewer after an editor gets no editor's
/// buttons, a filtered overview is its own, and a change by another
/// process shows at once.
#[tokio::test]
async fn kept_register_pages_are_each_users_own_and_never_stale() {
    on_each_backend(|app| async move {
        app.cache.remember_no_pages();
        app.login_as_demo().await;
        let viewer = app
            .browser_as("stockholm", "viewer@stockholm.example", Role::Viewer)
            .await;
        let eurocities = app
            .store
            .count(
                "SELECT m.id FROM memberships m JOIN organisations o ON o.id = m.organisation_id
                 WHERE o.slug = 'eurocities' AND m.tenant_id = (SELECT id FROM tenants WHERE slug = 'stockholm')",
            )
            .await
            .unwrap();
        let membership = format!("/memberships/{eurocities}");
        for path in ["/", "/organisations", "/rates", membership.as_str()] {
            let (status, mine) = app.get(path).await;
            assert_eq!(status, StatusCode::OK, "{path}");
            let (_, theirs) = get_with(&viewer, &app.url(path)).await;
            // `csrf_of` fails the test where a page has no token.
            assert_ne!(
                csrf_of(&mine),
                csrf_of(&theirs),
                "{path}: each its own token"
            );
            assert!(!theirs.contains("csrf-slot") && !mine.contains("csrf-slot"));
            assert!(!theirs.contains(oversyn_core::demo::DEMO_EMAIL), "{path}");
        }
        let (_, editor) = app.get("/").await;
        assert!(editor.contains("href=\"/memberships/new\""));
        let (_, read) = get_with(&viewer, &app.url("/")).await;
        assert!(
            !read.contains("href=\"/memberships/new\""),
            "no editor's button"
        );
        let (_, editor) = app.get(&membership).await;
        assert!(editor.contains(&format!("{membership}/edit")));
        let (_, read) = get_with(&viewer, &app.url(&membership)).await;
        assert!(
            !read.contains(&format!("{membership}/edit")),
            "no editor's link on the membership"
        );
        // A filter is a page of its own, never the kept one.
        let (_, filtered) = app.get("/organisations?q=C40").await;
        assert!(
            filtered.contains("C40") && !filtered.contains("UCLG"),
            "{filtered}"
        );
        let (_, all) = app.get("/organisations").await;
        assert!(all.contains("UCLG"));
        // Straight to the database, as a second server would write.
        app.store
            .try_raw("UPDATE organisations SET name = 'EUROSTÄDER' WHERE slug = 'eurocities'")
            .await
            .unwrap();
        let (_, page) = get_with(&viewer, &app.url("/")).await;
        assert!(page.contains("EUROSTÄDER"), "the overview shows the change");
        let (_, page) = app.get("/organisations").await;
        assert!(page.contains("EUROSTÄDER"), "the list shows the change");
        let (_, page) = app.get(&membership).await;
        assert!(
            page.matches("EUROSTÄDER").count() >= 2,
            "the membership's heading and title show the change"
        );
        // The admin's privacy page, kept too, shows a text another server wrote.
        let (status, before) = app.get("/settings/privacy").await;
        assert_eq!(status, StatusCode::OK);
        assert!(!before.contains("Vår egen text om namnen"));
        let tenant = app.store.tenant_by_slug("stockholm").await.unwrap().id;
        let key = oversyn_core::privacy::notice::NoticeKind::ALL[0].setting(oversyn_core::Lang::Sv);
        app.store
            .set_setting(tenant, &key, "Vår egen text om namnen.")
            .await
            .unwrap();
        let (_, after) = app.get("/settings/privacy").await;
        assert!(after.contains("Vår egen text om namnen."), "the kept page follows the data");
        assert_eq!(csrf_of(&after), csrf_of(&before), "the same session's token");
    })
    .await;
}
