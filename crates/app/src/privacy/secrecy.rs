//! Deciding whether a record is withheld from public output: the same for
//! a membership, a registered document and a free-text answer, from the
//! browser or the API.

use oversyn_core::privacy::secrecy::WithholdInput;
use oversyn_core::{FieldErrors, Lang};
use oversyn_store::audit::Actor;
use oversyn_store::{Store, StoreError};

/// Withholds record `id` of `entity` on the ground `input` gives, checked
/// against the grounds the tenant may use; the field errors when the
/// decision is incomplete (nothing is stored then).
pub async fn withhold(
    store: &Store,
    actor: &Actor,
    entity: &str,
    id: i64,
    input: &WithholdInput,
) -> Result<Result<(), FieldErrors>, StoreError> {
    let grounds: Vec<String> = store
        .secrecy_grounds(actor.tenant_id, Lang::Sv)
        .await?
        .into_iter()
        .map(|g| g.reference)
        .collect();
    match input.parse(&grounds, chrono::Utc::now().date_naive()) {
        Ok(w) => {
            store.withhold(actor, entity, id, &w).await?;
            Ok(Ok(()))
        }
        Err(e) => Ok(Err(e)),
    }
}
