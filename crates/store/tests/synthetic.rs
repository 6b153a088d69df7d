//! The synthetic data set is deterministic and as large as asked.

use oversyn_store::synthetic::Scale;
use oversyn_store::testing::ScratchDb;

#[tokio::test]
async fn the_synthetic_set_is_deterministic_and_sized() {
    let scale = Scale {
        tenants: 3,
        memberships: 5,
        organisations: 30,
        respondents: 4,
        seed: 7,
    };
    let mut answers = Vec::new();
    for _ in 0..2 {
        let db = ScratchDb::sqlite();
        let store = db.open().await.unwrap();
        let loaded = store.load_synthetic(scale, &|_| ()).await.unwrap();
        assert_eq!((loaded.tenants, loaded.memberships), (3, 15));
        assert!(
            loaded.answers >= 3 * 5 * 4,
            "at least one answer per respondent and membership"
        );
        let again = store.load_synthetic(scale, &|_| ()).await.unwrap();
        assert_eq!(again.tenants, 0, "existing tenants are left alone");
        let orgs = store
            .count("SELECT COUNT(*) FROM organisations WHERE tenant_id IS NULL")
            .await
            .unwrap();
        assert_eq!(orgs, 30);
        let dump = store
            .count("SELECT SUM(value_int * question_id + membership_id) FROM answers")
            .await
            .unwrap();
        answers.push((loaded.answers, dump));
    }
    assert_eq!(answers[0], answers[1], "the same seed gives the same data");
}
