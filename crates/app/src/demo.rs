//! Loading the Stockholm 2011 demo with what the web layer adds on top of
//! the store's part: the actions the decided case orders.

use oversyn_store::seed::DemoLoaded;
use oversyn_store::{Store, StoreError};

pub async fn load(store: &Store) -> Result<DemoLoaded, StoreError> {
    let loaded = store.load_demo().await?;
    let actor = oversyn_store::audit::Actor {
        tenant_id: loaded.tenant_id,
        user_id: None,
        label: "demo".into(),
    };
    let cases = store.cases(loaded.tenant_id).await?;
    let has_actions = !store.actions(loaded.tenant_id).await?.is_empty();
    if let Some(c) = cases
        .iter()
        .find(|c| c.fields.reference == oversyn_core::demo::case::REFERENCE)
        && !has_actions
    {
        crate::followup::derive::store_case_actions(store, &actor, c.id).await?;
    }
    Ok(loaded)
}
