//! Cases in storage, on SQLite and (when `OVERSYN_TEST_POSTGRES_URL` is set)
//! PostgreSQL: a whole case is stored or nothing is, positions are added to
//! open cases only, the deciding body's decision locks the case, and one
//! tenant never reaches another's cases or files.

use oversyn_core::cases::text::{persons_from_text, points_from_text};
use oversyn_core::cases::{
    Adopted, CaseFields, CaseNumber, CaseStatus, Decision, Position, PositionKind, Stage,
};
use oversyn_store::audit::Actor;
use oversyn_store::cases::NewCase;
use oversyn_store::testing::backends;
use oversyn_store::{Store, StoreError};

async fn actor(s: &Store, slug: &str) -> Actor {
    let t = s.create_tenant(slug, slug).await.unwrap();
    Actor {
        tenant_id: t.id,
        user_id: None,
        label: "tester".into(),
    }
}

fn fields() -> CaseFields {
    CaseFields {
        number: CaseNumber::parse_any("006-1348/2010").map(|(n, _)| n),
        reference: "PM 2011:125 RI".into(),
        title: "Översyn av stadens engagemang".into(),
        language: "sv".into(),
        route: ["Borgarrådsberedningen", "Kommunstyrelsen"]
            .map(|b| Stage {
                body: b.into(),
                date: None,
            })
            .to_vec(),
        proposal: points_from_text(
            "1. Staden avsäger sig styrelseposterna.\n2. Medlemskapen sägs upp.",
        ),
        ..CaseFields::default()
    }
}

fn reservation(body: &str, refers_to: Option<u32>) -> Position {
    Position {
        seq: 0,
        body: body.into(),
        kind: PositionKind::Reservation,
        persons: persons_from_text("Per Bolund (MP)"),
        refers_to,
        points: points_from_text("1. Avslå förslaget."),
        text: "Skäl.".into(),
        seconded_by: Vec::new(),
    }
}

fn decision(body: &str) -> Decision {
    Decision {
        body: body.into(),
        adopted: Adopted::Proposal,
        decided_on: chrono::NaiveDate::from_ymd_opt(2011, 9, 28).unwrap(),
        votes_for: Some(9),
        votes_against: Some(4),
        abstentions: None,
        kind: Default::default(),
        absent: None,
        votes: None,
        roll_call: Vec::new(),
        date_illustrative: false,
        paragraph: None,
        adjusted_on: None,
        published_on: None,
        legal_force_on: None,
    }
}

#[tokio::test]
async fn a_case_is_stored_whole_and_locks_when_decided() {
    for (_db, s) in backends().await {
        let a = actor(&s, "stockholm").await;
        let new = NewCase {
            fields: fields(),
            positions: vec![reservation("Borgarrådsberedningen", None)],
            decisions: vec![decision("Borgarrådsberedningen")],
            source: "import".into(),
        };
        let id = s.create_case(&a, &new).await.unwrap();
        let c = s.case(a.tenant_id, id).await.unwrap();
        assert_eq!(c.fields.number.as_ref().unwrap().serial, "1348");
        assert_eq!(c.case.proposal.len(), 2);
        assert_eq!(c.case.positions.len(), 1);
        assert_eq!(c.status, CaseStatus::Open);

        let p = s
            .add_position(&a, id, reservation("Kommunstyrelsen", Some(0)))
            .await
            .unwrap();
        assert_eq!((p.seq, p.refers_to), (1, Some(0)));

        let mut edited = c.fields.clone();
        edited.title = "Ny titel".into();
        let c = s
            .update_case(&a, id, &edited, Some(c.version))
            .await
            .unwrap();
        assert_eq!(c.fields.title, "Ny titel");
        assert!(matches!(
            s.update_case(&a, id, &edited, Some(c.version - 1)).await,
            Err(StoreError::Stale)
        ));

        let status = s
            .record_decision(&a, id, &decision("Kommunstyrelsen"))
            .await
            .unwrap();
        assert_eq!(status, CaseStatus::Decided);
        let c = s.case(a.tenant_id, id).await.unwrap();
        assert_eq!(c.status, CaseStatus::Decided);
        assert_eq!(c.case.decisions[1].votes_for, Some(9));
        assert!(matches!(
            s.update_case(&a, id, &edited, None).await,
            Err(StoreError::Conflict(_))
        ));
        assert!(matches!(
            s.add_position(&a, id, reservation("Kommunstyrelsen", None))
                .await,
            Err(StoreError::Invalid(_))
        ));
        assert!(matches!(
            s.delete_case(&a, id).await,
            Err(StoreError::Conflict(_))
        ));
    }
}

#[tokio::test]
async fn a_refused_part_keeps_the_whole_case_out() {
    for (_db, s) in backends().await {
        let a = actor(&s, "stockholm").await;
        let new = NewCase {
            fields: fields(),
            positions: vec![reservation("Kommunfullmäktige", None)],
            ..NewCase::default()
        };
        assert!(matches!(
            s.create_case(&a, &new).await,
            Err(StoreError::Invalid(_))
        ));
        assert!(s.cases(a.tenant_id).await.unwrap().is_empty());
        let mut bad = fields();
        bad.title = " ".into();
        let new = NewCase {
            fields: bad,
            ..NewCase::default()
        };
        assert!(matches!(
            s.create_case(&a, &new).await,
            Err(StoreError::Invalid(_))
        ));
    }
}

#[tokio::test]
async fn tenants_never_reach_each_others_cases_or_files() {
    for (_db, s) in backends().await {
        let a = actor(&s, "stockholm").await;
        let b = actor(&s, "malmo").await;
        let id = s
            .create_case(
                &a,
                &NewCase {
                    fields: fields(),
                    ..NewCase::default()
                },
            )
            .await
            .unwrap();
        let bytes = b"%PDF-1.7 \x00\xff binary".to_vec();
        let f = s
            .add_file(&a, ("case", id), "beslut.pdf", "application/pdf", &bytes)
            .await
            .unwrap();
        assert_eq!(s.file(a.tenant_id, f.id).await.unwrap().1, bytes);
        assert!(matches!(
            s.file(b.tenant_id, f.id).await,
            Err(StoreError::NotFound)
        ));
        assert!(matches!(
            s.case(b.tenant_id, id).await,
            Err(StoreError::NotFound)
        ));
        assert!(s.cases(b.tenant_id).await.unwrap().is_empty());
        assert!(matches!(
            s.add_position(&b, id, reservation("Kommunstyrelsen", None))
                .await,
            Err(StoreError::NotFound)
        ));
        assert!(matches!(
            s.record_decision(&b, id, &decision("Kommunstyrelsen"))
                .await,
            Err(StoreError::NotFound)
        ));
        assert!(matches!(
            s.delete_case(&b, id).await,
            Err(StoreError::NotFound)
        ));
        s.delete_case(&a, id).await.unwrap();
        assert!(
            s.files_of(a.tenant_id, ("case", id))
                .await
                .unwrap()
                .is_empty()
        );
    }
}

#[tokio::test]
async fn the_case_number_pattern_is_a_tenant_setting() {
    for (_db, s) in backends().await {
        let a = actor(&s, "stockholm").await;
        assert_eq!(
            s.case_number_pattern(a.tenant_id).await.unwrap(),
            "{series} {year}/{serial}"
        );
        s.set_case_number_pattern(a.tenant_id, "{series}-{serial}/{year}")
            .await
            .unwrap();
        s.set_case_number_pattern(a.tenant_id, "{series}-{serial}/{year}")
            .await
            .unwrap();
        assert_eq!(
            s.case_number_pattern(a.tenant_id).await.unwrap(),
            "{series}-{serial}/{year}"
        );
        assert!(
            s.set_case_number_pattern(a.tenant_id, "{bogus}")
                .await
                .is_err()
        );
    }
}

#[tokio::test]
async fn a_deleted_cases_id_is_never_given_again() {
    for (_db, s) in backends().await {
        let a = actor(&s, "stockholm").await;
        let new = || NewCase {
            fields: fields(),
            ..NewCase::default()
        };
        let first = s.create_case(&a, &new()).await.unwrap();
        let newest = s.create_case(&a, &new()).await.unwrap();
        s.delete_case(&a, newest).await.unwrap();
        let next = s.create_case(&a, &new()).await.unwrap();
        assert!(
            next > newest && next > first,
            "{:?}: a new case took id {next} after {newest} was deleted",
            s.backend()
        );
        let history = s.history(a.tenant_id, "case", next).await.unwrap();
        assert_eq!(
            history
                .iter()
                .map(|e| e.action.as_str())
                .collect::<Vec<_>>(),
            ["create"],
            "{:?}",
            s.backend()
        );
    }
}

#[tokio::test]
async fn a_history_starts_after_the_last_deletion_of_its_id() {
    // Other kinds of record may still get a deleted record's id (SQLite
    // reuses the highest); their history must not show the old record's.
    for (_db, s) in backends().await {
        let a = actor(&s, "stockholm").await;
        let id = s
            .create_case(
                &a,
                &NewCase {
                    fields: fields(),
                    ..NewCase::default()
                },
            )
            .await
            .unwrap();
        s.delete_case(&a, id).await.unwrap();
        assert!(s.history(a.tenant_id, "case", id).await.unwrap().is_empty());
    }
}
