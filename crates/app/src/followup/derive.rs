//! Actions made from a decided case: the adopted points are read for what
//! they order (the importer's reading of "sägs upp från och med …", "inför
//! … den 23-26 november 2011"), and each becomes an action with its
//! organisations and dates. Made once per case.

use chrono::NaiveDate;
use oversyn_core::Code;
use oversyn_core::case_parse::{self, point_actions};
use oversyn_core::fees::Fee;
use oversyn_core::followup::{ActionKind, ActionStatus, termination};
use oversyn_store::audit::Actor;
use oversyn_store::followup::ActionFields;
use oversyn_store::{Store, StoreError};

/// The actions a decided case orders, not yet stored.
pub async fn case_actions(
    store: &Store,
    tenant_id: i64,
    case_id: i64,
) -> Result<Vec<ActionFields>, StoreError> {
    let c = store.case(tenant_id, case_id).await?;
    let Some(points) = c.case.decided_points() else {
        return Err(StoreError::Conflict(
            "the case is not decided yet; actions follow from a decision".into(),
        ));
    };
    let organisations = store.organisations(tenant_id).await?;
    let names = oversyn_import::org_names(&organisations);
    let read: Vec<case_parse::Point> = points
        .iter()
        .map(|p| case_parse::Point {
            number: p.number,
            label: p.label.clone(),
            text: p.text.clone(),
        })
        .collect();
    let context: Option<NaiveDate> = c.case.decisions.last().map(|d| d.decided_on);
    let lang = oversyn_core::Lang::from_code(&c.fields.language);
    let profile = store.profile(tenant_id).await?;
    let owner = profile.office(lang);
    let ordered: Vec<ActionFields> = point_actions(&read, &names, context)
        .into_iter()
        .map(|a| {
            let text = points
                .iter()
                .find(|p| p.number == a.point)
                .map(|p| p.text.clone())
                .unwrap_or_default();
            ActionFields {
                case_id: Some(case_id),
                point: Some(a.point),
                kind: ActionKind::parse(
                    &serde_json::to_value(a.kind)
                        .ok()
                        .and_then(|v| v.as_str().map(str::to_owned))
                        .unwrap_or_default(),
                )
                .unwrap_or(ActionKind::Commission),
                title: text
                    .chars()
                    .take(oversyn_core::validate::MAX_NAME)
                    .collect(),
                owner: owner.into(),
                owner_email: (!profile.office_email.is_empty())
                    .then(|| profile.office_email.clone()),
                due: a.deadline,
                effective: a.effective,
                status: ActionStatus::Planned,
                done_on: None,
                notes: String::new(),
                organisation_ids: a
                    .organisations
                    .iter()
                    .filter_map(|label| {
                        organisations
                            .iter()
                            .find(|o| o.label() == label)
                            .map(|o| o.id)
                    })
                    .collect(),
            }
        })
        .collect();
    let decided = context.unwrap_or_else(|| chrono::Utc::now().date_naive());
    let memberships = store.memberships(tenant_id).await?;
    let rules = super::warnings::rules(&organisations, &store.earlier_rules(tenant_id).await?);
    let mut out = Vec::new();
    for mut a in ordered {
        let Some(end) = a
            .effective
            .filter(|_| a.kind == ActionKind::TerminateMembership)
        else {
            out.push(a);
            continue;
        };
        let mut steps = Vec::new();
        let mut dues = Vec::new();
        for &org_id in &a.organisation_ids {
            let Some(o) = organisations.iter().find(|o| o.id == org_id) else {
                continue;
            };
            // The statutes as they stood on the decision day.
            let rule = oversyn_core::followup::notice::in_force(&rules, o.label(), decided);
            for st in termination::steps(o.label(), rule, end, decided, lang) {
                steps.push(ActionFields {
                    kind: st.kind,
                    title: st.title,
                    due: Some(st.due),
                    effective: None,
                    organisation_ids: vec![org_id],
                    ..a.clone()
                });
            }
            let fee = memberships
                .iter()
                .filter(|m| m.organisation_id == org_id && m.until.is_none())
                .find_map(|m| match &m.fee {
                    Fee::Amount {
                        minor, currency, ..
                    } => Some((*minor, currency.clone())),
                    _ => None,
                });
            if let Some((minor, currency)) = fee {
                dues.push(termination::dues_note(
                    o.label(),
                    minor,
                    &currency,
                    end,
                    lang,
                ));
            }
        }
        a.notes = dues.join("\n");
        out.push(a);
        out.extend(steps);
    }
    Ok(out)
}

/// Stores the case's actions unless they were made already.
pub async fn store_case_actions(
    store: &Store,
    actor: &Actor,
    case_id: i64,
) -> Result<Vec<i64>, StoreError> {
    if store
        .actions(actor.tenant_id)
        .await?
        .iter()
        .any(|a| a.fields.case_id == Some(case_id))
    {
        return Err(StoreError::Conflict(
            "the case's actions were made already".into(),
        ));
    }
    let all = case_actions(store, actor.tenant_id, case_id).await?;
    store.create_actions(actor, &all).await
}
