//! The storage story, run on SQLite and (when `OVERSYN_TEST_POSTGRES_URL`
//! is set) on PostgreSQL: migrations agree, the demo loads idempotently,
//! tenants stay apart, stale writes are refused and the audit log is append-only.

use oversyn_core::register::input::{MembershipInput, PersonInput};
use oversyn_store::audit::Actor;
use oversyn_store::testing::backends;
use oversyn_store::{Backend, Store, StoreError};

#[test]
fn both_backends_carry_the_same_migrations() {
    assert_eq!(
        Store::migration_versions(Backend::Sqlite),
        Store::migration_versions(Backend::Postgres)
    );
}

#[tokio::test]
async fn both_backends_have_the_same_tables_and_columns() {
    let all = backends().await;
    if all.len() < 2 {
        eprintln!("schema comparison SKIPPED: no PostgreSQL");
        return;
    }
    let a = all[0].1.schema().await.unwrap();
    let b = all[1].1.schema().await.unwrap();
    assert!(!a.is_empty());
    assert_eq!(a, b);
}

#[tokio::test]
async fn demo_loads_twice_without_duplicates() {
    for (_db, s) in backends().await {
        let first = s.load_demo().await.unwrap();
        assert!(first.added > 10, "{:?}: {}", s.backend(), first.added);
        let counts = |s: Store, t: i64| async move {
            (
                s.memberships(t).await.unwrap().len(),
                s.persons(t).await.unwrap().len(),
                s.seats(t).await.unwrap().len(),
                s.bodies(t).await.unwrap().len(),
                s.organisations(t).await.unwrap().len(),
            )
        };
        let before = counts(s.clone(), first.tenant_id).await;
        let second = s.load_demo().await.unwrap();
        assert_eq!(second.added, 0);
        assert_eq!(counts(s.clone(), first.tenant_id).await, before);
        assert_eq!(before.0, 5);
        assert!(
            s.verify_login(
                "stockholm",
                oversyn_core::demo::DEMO_EMAIL,
                &second.password
            )
            .await
            .unwrap()
            .is_some()
        );
    }
}

#[tokio::test]
async fn tenants_do_not_see_each_other() {
    for (_db, s) in backends().await {
        let demo = s.load_demo().await.unwrap();
        let other = s.create_tenant("malmo", "Malmö stad").await.unwrap();
        assert!(s.memberships(other.id).await.unwrap().is_empty());
        let theirs = s.memberships(demo.tenant_id).await.unwrap()[0].clone();
        assert!(matches!(
            s.membership(other.id, theirs.id).await,
            Err(StoreError::NotFound)
        ));
        let person = s.persons(demo.tenant_id).await.unwrap()[0].clone();
        // A membership in tenant B may not name tenant A's body or contact person.
        let actor = Actor {
            tenant_id: other.id,
            user_id: None,
            label: "test".into(),
        };
        let cmd = MembershipInput {
            body_id: theirs.body_id.to_string(),
            organisation_id: theirs.organisation_id.to_string(),
            contact_person_id: person.id.to_string(),
            ..Default::default()
        }
        .parse()
        .unwrap();
        match s.create_membership(&actor, &cmd).await {
            Err(StoreError::Invalid(e)) => {
                assert_eq!(e.get("body_id"), Some("error-unknown-body"));
                assert_eq!(e.get("contact_person_id"), Some("error-unknown-person"));
            }
            other => panic!("expected invalid, got {other:?}"),
        }
        assert!(s.memberships(other.id).await.unwrap().is_empty());
        assert!(matches!(
            s.create_tenant("malmo", "again").await,
            Err(StoreError::Conflict(_))
        ));
    }
}

#[tokio::test]
async fn stale_edits_are_refused_and_changes_are_audited() {
    for (_db, s) in backends().await {
        let t = s.create_tenant("audit-test", "Audit").await.unwrap();
        let actor = Actor {
            tenant_id: t.id,
            user_id: None,
            label: "tester".into(),
        };
        let p = s
            .create_person(
                &actor,
                &PersonInput {
                    name: "Anna".into(),
                    kind: "official".into(),
                    ..Default::default()
                }
                .parse()
                .unwrap(),
            )
            .await
            .unwrap();
        let mut edit = PersonInput {
            name: "Anna Berg".into(),
            kind: "official".into(),
            version: p.version.to_string(),
            ..Default::default()
        }
        .parse()
        .unwrap();
        s.update_person(&actor, p.id, &edit).await.unwrap();
        edit.name = "Anna Lind".into();
        assert!(matches!(
            s.update_person(&actor, p.id, &edit).await,
            Err(StoreError::Stale)
        ));
        assert_eq!(s.person(t.id, p.id).await.unwrap().name, "Anna Berg");
        let h = s.history(t.id, "person", p.id).await.unwrap();
        assert_eq!(h.len(), 2);
        assert_eq!(h[0].action, "update");
        assert_eq!(h[0].before.as_ref().unwrap()["name"], "Anna");
        assert_eq!(h[0].after.as_ref().unwrap()["name"], "Anna Berg");
        assert_eq!(h[0].actor, "tester");
        let tamper = sqlx_free_tamper(&s).await;
        assert!(tamper, "the audit log accepted an UPDATE");
    }
}

/// Tries to rewrite history through the store's own connection string.
async fn sqlx_free_tamper(s: &Store) -> bool {
    s.try_raw("UPDATE audit_log SET actor = 'someone else'")
        .await
        .is_err()
        && s.try_raw("DELETE FROM audit_log").await.is_err()
}
