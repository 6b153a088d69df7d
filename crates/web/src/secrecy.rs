//! The form an officer posts to withhold a record from public output, or
//! to make it public again; the same for memberships, documents and
//! free-text answers.

use crate::AppState;
use crate::context::Signed;
use oversyn_core::FieldErrors;
use oversyn_core::privacy::secrecy::WithholdInput;
use oversyn_store::StoreError;

/// `withhold` set: a decision to withhold (ground, who, when); unset:
/// make the record public again.
#[derive(serde::Deserialize, Default)]
#[serde(default)]
pub struct SecrecyForm {
    withhold: String,
    #[serde(flatten)]
    pub decision: WithholdInput,
}

/// Carries out the form on record `id` of `entity`; the field errors when
/// a withholding lacks its ground, decider or day.
pub async fn decide(
    state: &AppState,
    s: &Signed,
    entity: &str,
    id: i64,
    form: &SecrecyForm,
) -> Result<Result<(), FieldErrors>, StoreError> {
    if form.withhold.is_empty() {
        state.store.release(&s.actor(), entity, id).await?;
        return Ok(Ok(()));
    }
    oversyn_app::privacy::secrecy::withhold(&state.store, &s.actor(), entity, id, &form.decision)
        .await
}
