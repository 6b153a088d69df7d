//! The job queue's engine on SQLite and (when `OVERSYN_TEST_POSTGRES_URL`
//! is set) PostgreSQL: a key is queued once, concurrent claims never hand
//! one job to two workers, a lease that runs out lets another worker take
//! the job over (and the first can then neither finish nor fail it), and a
//! failed attempt is queued again or given up.

use chrono::{Duration, Utc};
use oversyn_core::jobs::{AfterFailure, JobStatus, LEASE};
use oversyn_store::Store;
use oversyn_store::jobs::NewJob;
use oversyn_store::testing::backends;
use std::collections::HashSet;

fn job(tenant_id: i64, key: &str) -> NewJob {
    NewJob {
        tenant_id,
        kind: "invitation".into(),
        key: key.into(),
        payload: format!("{{\"key\":\"{key}\"}}"),
    }
}

async fn tenant(store: &Store) -> i64 {
    store
        .create_tenant("uppsala", "Uppsala kommun")
        .await
        .unwrap()
        .id
}

#[tokio::test]
async fn a_key_is_queued_once() {
    for (_db, store) in backends().await {
        let t = tenant(&store).await;
        let first = store
            .enqueue(&[job(t, "a"), job(t, "b")], false)
            .await
            .unwrap();
        assert_eq!(first.len(), 2);
        let again = store.enqueue(&[job(t, "a")], false).await.unwrap();
        assert_eq!(again, vec![first[0]], "the waiting job, not a second one");
        assert_eq!(store.open_jobs(t, 10).await.unwrap().len(), 2);
        // Once done, the same work is not queued again.
        let claimed = store
            .claim_jobs("w1", Utc::now(), LEASE, 10, Some(&first[..1]))
            .await
            .unwrap();
        assert!(store.finish_job(claimed[0].id, "w1").await.unwrap());
        assert!(
            store
                .enqueue(&[job(t, "a")], true)
                .await
                .unwrap()
                .is_empty()
        );
    }
}

#[tokio::test]
async fn concurrent_claims_never_share_a_job() {
    for (_db, store) in backends().await {
        let t = tenant(&store).await;
        let jobs: Vec<NewJob> = (0..200).map(|i| job(t, &format!("j{i}"))).collect();
        store.enqueue(&jobs, false).await.unwrap();
        let mut workers = tokio::task::JoinSet::new();
        for w in 0..8 {
            let store = store.clone();
            workers.spawn(async move {
                let mut mine = Vec::new();
                loop {
                    let got = store
                        .claim_jobs(&format!("w{w}"), Utc::now(), LEASE, 7, None)
                        .await
                        .unwrap();
                    if got.is_empty() {
                        return mine;
                    }
                    for j in got {
                        assert_eq!(j.status, JobStatus::Running);
                        assert_eq!(j.locked_by.as_deref(), Some(format!("w{w}").as_str()));
                        assert!(store.finish_job(j.id, &format!("w{w}")).await.unwrap());
                        mine.push(j.id);
                    }
                }
            });
        }
        let all: Vec<i64> = workers.join_all().await.into_iter().flatten().collect();
        let distinct: HashSet<i64> = all.iter().copied().collect();
        assert_eq!(
            all.len(),
            200,
            "{:?}: every job worked once",
            store.backend()
        );
        assert_eq!(distinct.len(), 200);
        assert!(store.open_jobs(t, 500).await.unwrap().is_empty());
    }
}

#[tokio::test]
async fn an_expired_lease_passes_the_job_on() {
    for (_db, store) in backends().await {
        let t = tenant(&store).await;
        store.enqueue(&[job(t, "a")], false).await.unwrap();
        let now = Utc::now();
        let first = store
            .claim_jobs("dead", now, LEASE, 10, None)
            .await
            .unwrap();
        assert_eq!(first.len(), 1);
        // Held: nobody else gets it while the lease lasts.
        let later = now + LEASE - Duration::seconds(1);
        assert!(
            store
                .claim_jobs("w2", later, LEASE, 10, None)
                .await
                .unwrap()
                .is_empty()
        );
        // The holder died; after the lease another instance takes it over.
        let after = now + LEASE + Duration::seconds(1);
        let second = store
            .claim_jobs("w2", after, LEASE, 10, None)
            .await
            .unwrap();
        assert_eq!(second.len(), 1);
        assert_eq!(second[0].attempts, 2);
        assert!(!store.finish_job(first[0].id, "dead").await.unwrap());
        assert!(
            !store
                .fail_job(first[0].id, "dead", "late", AfterFailure::GiveUp)
                .await
                .unwrap()
        );
        assert!(store.finish_job(second[0].id, "w2").await.unwrap());
    }
}

#[tokio::test]
async fn a_failed_attempt_waits_and_a_given_up_job_can_be_retried() {
    for (_db, store) in backends().await {
        let t = tenant(&store).await;
        let ids = store.enqueue(&[job(t, "a")], false).await.unwrap();
        let now = Utc::now();
        store.claim_jobs("w", now, LEASE, 1, None).await.unwrap();
        let at = now + Duration::minutes(2);
        assert!(
            store
                .fail_job(ids[0], "w", "451 try later", AfterFailure::RetryAt(at))
                .await
                .unwrap()
        );
        let j = store.job(t, ids[0]).await.unwrap();
        assert_eq!(j.status, JobStatus::Queued);
        assert_eq!(j.last_error.as_deref(), Some("451 try later"));
        assert!(
            store
                .claim_jobs("w", now, LEASE, 1, None)
                .await
                .unwrap()
                .is_empty()
        );
        let again = store.claim_jobs("w", at, LEASE, 1, None).await.unwrap();
        assert_eq!(again.len(), 1);
        store
            .fail_job(ids[0], "w", "550 no such user", AfterFailure::GiveUp)
            .await
            .unwrap();
        assert_eq!(
            store.job(t, ids[0]).await.unwrap().status,
            JobStatus::Failed
        );
        // Given up: nobody claims it, until the admin retries it.
        assert!(
            store
                .claim_jobs("w", at + Duration::days(1), LEASE, 1, None)
                .await
                .unwrap()
                .is_empty()
        );
        // Another tenant cannot see or retry it.
        let other = store
            .create_tenant("lund", "Lunds kommun")
            .await
            .unwrap()
            .id;
        assert!(store.retry_job(other, ids[0]).await.is_err());
        store.retry_job(t, ids[0]).await.unwrap();
        let j = store.job(t, ids[0]).await.unwrap();
        assert_eq!((j.status, j.attempts), (JobStatus::Queued, 0));
        assert!(
            store.retry_job(t, ids[0]).await.is_err(),
            "only a failed job"
        );
    }
}
