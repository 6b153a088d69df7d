//! Notice warnings for actions: each organisation's statute rule (notice
//! period, written form) against the planned end, counted from the day the
//! decision was taken (or the notice actually went out).

use chrono::NaiveDate;
use oversyn_core::Lang;
use oversyn_core::followup::notice::NoticeRule;
use oversyn_core::followup::{ActionKind, notice_warnings};
use oversyn_core::register::Organisation;
use oversyn_core::register::statutes::EarlierRule;
use oversyn_store::followup::StoredAction;
use oversyn_store::{Store, StoreError};

/// The rules the register knows, by organisation label: each one's
/// current rule from the day it took effect, and the rules it replaced.
pub fn rules(organisations: &[Organisation], earlier: &[EarlierRule]) -> Vec<(String, NoticeRule)> {
    let current = organisations.iter().filter_map(|o| {
        let months = u32::try_from(o.notice_months?).ok()?;
        Some((
            o.label().to_owned(),
            NoticeRule {
                written: o.written_notice,
                valid_from: o.notice_valid_from,
                ..NoticeRule::months(months)
            },
        ))
    });
    let before = earlier.iter().filter_map(|r| {
        let o = organisations.iter().find(|o| o.id == r.organisation_id)?;
        Some((
            o.label().to_owned(),
            NoticeRule {
                written: r.written_notice,
                valid_from: r.valid_from,
                ..NoticeRule::months(u32::try_from(r.notice_months).ok()?)
            },
        ))
    });
    current.chain(before).collect()
}

/// The day notice could go out at the earliest: the case's final decision, else when the action was made.
pub async fn sent_from(
    store: &Store,
    tenant_id: i64,
    a: &StoredAction,
) -> Result<NaiveDate, StoreError> {
    if let Some(case_id) = a.fields.case_id {
        let c = store.case(tenant_id, case_id).await?;
        if let Some(d) = c.case.decisions.last() {
            return Ok(d.decided_on);
        }
    }
    Ok(
        NaiveDate::parse_from_str(a.created_at.get(..10).unwrap_or(""), "%Y-%m-%d")
            .unwrap_or_else(|_| chrono::Utc::now().date_naive()),
    )
}

/// Every action with its warnings, in `lang`; worked out once per state of
/// the tenant's data and day, and kept (the overview, the action list, the
/// calendar and the API all show them).
pub async fn with_warnings(
    store: &Store,
    tenant_id: i64,
    lang: Lang,
) -> Result<Vec<(StoredAction, Vec<String>)>, StoreError> {
    let today = chrono::Utc::now().date_naive();
    let kept = store
        .remembered(
            tenant_id,
            "action warnings",
            i64::from(lang.is_en()),
            today,
            || work_out(store, tenant_id, lang),
        )
        .await?;
    Ok(kept.as_ref().clone())
}

async fn work_out(
    store: &Store,
    tenant_id: i64,
    lang: Lang,
) -> Result<Vec<(StoredAction, Vec<String>)>, StoreError> {
    let rules = rules(
        &store.organisations(tenant_id).await?,
        &store.earlier_rules(tenant_id).await?,
    );
    let actions = store.actions(tenant_id).await?;
    // The notice period counts from the day the letter went out: a done
    // "send notice" step of the same case gives that day for its organisation.
    let mut sent_notices: Vec<(Option<i64>, Option<String>, NaiveDate)> = actions
        .iter()
        .filter(|a| a.action.kind == ActionKind::SendNotice)
        .flat_map(|a| {
            a.action.organisations.iter().filter_map(move |o| {
                a.action
                    .done_on
                    .map(|d| (a.fields.case_id, Some(o.clone()), d))
            })
        })
        .collect();
    // A notice letter registered as sent proves the day too: under a
    // membership for its organisation, under a case alone for all of the
    // case's organisations.
    let letters = store.notices_sent(tenant_id).await?;
    if !letters.is_empty() {
        let organisations = store.organisations(tenant_id).await?;
        let memberships = store.memberships(tenant_id).await?;
        for (case, membership, day) in letters {
            let org = membership.and_then(|m| {
                let m = memberships.iter().find(|x| x.id == m)?;
                organisations
                    .iter()
                    .find(|o| o.id == m.organisation_id)
                    .map(|o| o.label().to_owned())
            });
            sent_notices.push((case, org, day));
        }
    }
    let mut out = Vec::new();
    // Many actions come from one case; read each case's decision day once.
    let mut decided: std::collections::HashMap<i64, Option<(NaiveDate, bool)>> =
        std::collections::HashMap::new();
    for a in actions.iter().cloned() {
        let from_case = match a.fields.case_id {
            Some(c) => match decided.get(&c) {
                Some(d) => *d,
                None => {
                    let d = store
                        .case(tenant_id, c)
                        .await?
                        .case
                        .decisions
                        .last()
                        .map(|d| (d.decided_on, d.date_illustrative));
                    decided.insert(c, d);
                    d
                }
            },
            None => None,
        };
        let sent = match from_case {
            Some((d, _)) => d,
            None => sent_from(store, tenant_id, &a).await?,
        };
        let mut w = Vec::new();
        let mut from_decision = false;
        for o in &a.action.organisations {
            let letter = sent_notices
                .iter()
                .filter(|(case, org, _)| {
                    org.as_ref() == Some(o) && (*case == a.fields.case_id || case.is_none())
                        || org.is_none() && case.is_some() && *case == a.fields.case_id
                })
                .map(|(_, _, d)| *d)
                .min();
            let one = oversyn_core::followup::Action {
                organisations: vec![o.clone()],
                ..a.action.clone()
            };
            let before = w.len();
            w.extend(notice_warnings(&one, &rules, letter.unwrap_or(sent), lang));
            from_decision |= w.len() > before && letter.is_none() && a.action.done_on.is_none();
        }
        if from_decision && from_case.is_some_and(|(_, i)| i) {
            w.push(oversyn_core::followup::illustrative_basis(sent, lang));
        }
        out.push((a, w));
    }
    Ok(out)
}
