//! Actions: stored with their organisations; a change of status carries
//! through to the register (notice given ends the memberships on the
//! effective day; resigned seats end on the day they were resigned).

use crate::audit::{Actor, record};
use crate::codec::{code_in, date_in, date_out, now};
use crate::register::check_version;
use crate::scope::{Kind, Links, replace_links, require};
use crate::{Store, StoreError};
use chrono::NaiveDate;
use oversyn_core::Code;
use oversyn_core::followup::input::ActionFields;
use oversyn_core::followup::{Action, ActionKind, ActionStatus};
use serde::Serialize;
use sqlx::any::AnyRow;
use sqlx::{Any, Row, Transaction};

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StoredAction {
    pub id: i64,
    pub fields: ActionFields,
    /// The rules' view, with organisation labels.
    pub action: Action,
    pub reminded_on: Option<NaiveDate>,
    pub version: i64,
    pub created_at: String,
}

const COLUMNS: &str = "id, case_id, point, kind, title, owner, owner_email, due_on, effective_on, status, done_on, notes, reminded_on, version, created_at";

fn row(r: &AnyRow) -> Result<StoredAction, sqlx::Error> {
    let fields = ActionFields {
        case_id: r.try_get("case_id")?,
        point: r
            .try_get::<Option<i64>, _>("point")?
            .and_then(|p| u32::try_from(p).ok()),
        kind: code_in(&r.try_get::<String, _>("kind")?),
        title: r.try_get("title")?,
        owner: r.try_get("owner")?,
        owner_email: r.try_get("owner_email")?,
        due: date_in(r.try_get("due_on")?),
        effective: date_in(r.try_get("effective_on")?),
        status: code_in(&r.try_get::<String, _>("status")?),
        done_on: date_in(r.try_get("done_on")?),
        notes: r.try_get("notes")?,
        organisation_ids: Vec::new(),
    };
    Ok(StoredAction {
        id: r.try_get("id")?,
        action: Action {
            kind: fields.kind,
            organisations: Vec::new(),
            due: fields.due,
            effective: fields.effective,
            status: fields.status,
            done_on: fields.done_on,
        },
        fields,
        reminded_on: date_in(r.try_get("reminded_on")?),
        version: r.try_get("version")?,
        created_at: r.try_get("created_at")?,
    })
}

/// Fills in each action's organisations with one query for all of them.
async fn with_organisations(
    store: &Store,
    mut actions: Vec<StoredAction>,
) -> Result<Vec<StoredAction>, StoreError> {
    let Some(first) = actions.first() else {
        return Ok(actions);
    };
    let tenant: i64 = sqlx::query_scalar("SELECT tenant_id FROM actions WHERE id = $1")
        .bind(first.id)
        .fetch_one(store.pool())
        .await?;
    let rows = sqlx::query(
        "SELECT ao.action_id, o.id, o.name, o.acronym FROM action_organisations ao
         JOIN organisations o ON o.id = ao.organisation_id
         JOIN actions a ON a.id = ao.action_id
         WHERE a.tenant_id = $1 ORDER BY ao.action_id, o.name",
    )
    .bind(tenant)
    .fetch_all(store.pool())
    .await?;
    for r in rows {
        let action_id: i64 = r.try_get("action_id")?;
        let Some(a) = actions.iter_mut().find(|a| a.id == action_id) else {
            continue;
        };
        a.fields.organisation_ids.push(r.try_get("id")?);
        let acronym: Option<String> = r.try_get("acronym")?;
        let name: String = r.try_get("name")?;
        a.action.organisations.push(acronym.unwrap_or(name));
    }
    Ok(actions)
}

async fn check_organisations(
    tx: &mut Transaction<'static, Any>,
    tenant_id: i64,
    ids: &[i64],
) -> Result<(), StoreError> {
    for id in ids {
        require(tx, tenant_id, Kind::Organisations, *id, "organisation_ids").await?;
    }
    Ok(())
}

impl Store {
    pub async fn actions(&self, tenant_id: i64) -> Result<Vec<StoredAction>, StoreError> {
        self.kept(tenant_id, "actions", (0, 0), || {
            self.load_actions(tenant_id)
        })
        .await
    }

    async fn load_actions(&self, tenant_id: i64) -> Result<Vec<StoredAction>, StoreError> {
        let rows = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT {COLUMNS} FROM actions WHERE tenant_id = $1 ORDER BY COALESCE(due_on, effective_on, '9999'), id"
        )))
        .bind(tenant_id)
        .fetch_all(self.pool())
        .await?;
        let list = rows.iter().map(row).collect::<Result<_, _>>()?;
        with_organisations(self, list).await
    }

    pub async fn action(&self, tenant_id: i64, id: i64) -> Result<StoredAction, StoreError> {
        let r = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT {COLUMNS} FROM actions WHERE tenant_id = $1 AND id = $2"
        )))
        .bind(tenant_id)
        .bind(id)
        .fetch_optional(self.pool())
        .await?
        .ok_or(StoreError::NotFound)?;
        let a = row(&r)?;
        Ok(with_organisations(self, vec![a]).await?.remove(0))
    }

    /// Stores actions together (e.g. all the points of a decided case), or none.
    pub async fn create_actions(
        &self,
        actor: &Actor,
        all: &[ActionFields],
    ) -> Result<Vec<i64>, StoreError> {
        let mut tx = self.write_tx().await?;
        let mut ids = Vec::new();
        for f in all {
            f.validate().map_err(StoreError::Invalid)?;
            check_organisations(&mut tx, actor.tenant_id, &f.organisation_ids).await?;
            if let Some(c) = f.case_id {
                require(&mut tx, actor.tenant_id, Kind::Cases, c, "case_id").await?;
            }
            let t = now();
            let id: i64 = sqlx::query_scalar(
                "INSERT INTO actions (tenant_id, case_id, point, kind, title, owner, owner_email, due_on, effective_on, status, done_on, notes, created_at, updated_at)
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $13) RETURNING id",
            )
            .bind(actor.tenant_id)
            .bind(f.case_id)
            .bind(f.point.map(i64::from))
            .bind(f.kind.code())
            .bind(f.title.trim())
            .bind(f.owner.trim())
            .bind(&f.owner_email)
            .bind(date_out(f.due))
            .bind(date_out(f.effective))
            .bind(f.status.code())
            .bind(date_out(f.done_on))
            .bind(&f.notes)
            .bind(&t)
            .fetch_one(&mut *tx)
            .await?;
            replace_links(&mut tx, Links::ActionOrganisations, id, &f.organisation_ids).await?;
            record(&mut tx, actor, "action", id, "create", None, Some(f)).await?;
            ids.push(id);
        }
        tx.commit().await?;
        Ok(ids)
    }

    /// Changes an action; a change to done (or notice given) carries through to the register.
    pub async fn update_action(
        &self,
        actor: &Actor,
        id: i64,
        f: &ActionFields,
        version: Option<i64>,
        today: NaiveDate,
    ) -> Result<StoredAction, StoreError> {
        f.validate().map_err(StoreError::Invalid)?;
        let before = self.action(actor.tenant_id, id).await?;
        check_version(version, before.version)?;
        let mut tx = self.write_tx().await?;
        check_organisations(&mut tx, actor.tenant_id, &f.organisation_ids).await?;
        let n = sqlx::query(
            "UPDATE actions SET kind = $1, title = $2, owner = $3, owner_email = $4, due_on = $5, effective_on = $6, status = $7, done_on = $8, notes = $9, version = version + 1, updated_at = $10
             WHERE tenant_id = $11 AND id = $12 AND version = $13",
        )
        .bind(f.kind.code())
        .bind(f.title.trim())
        .bind(f.owner.trim())
        .bind(&f.owner_email)
        .bind(date_out(f.due))
        .bind(date_out(f.effective))
        .bind(f.status.code())
        .bind(date_out(f.done_on))
        .bind(&f.notes)
        .bind(now())
        .bind(actor.tenant_id)
        .bind(id)
        .bind(before.version)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        if n == 0 {
            return Err(StoreError::Stale);
        }
        replace_links(&mut tx, Links::ActionOrganisations, id, &f.organisation_ids).await?;
        record(
            &mut tx,
            actor,
            "action",
            id,
            "update",
            Some(&before.fields),
            Some(f),
        )
        .await?;
        tx.commit().await?;
        if f.status == ActionStatus::Done && before.fields.status != ActionStatus::Done {
            self.carry_through(actor, f, today).await?;
        }
        self.action(actor.tenant_id, id).await
    }

    /// What a done action means for the register.
    async fn carry_through(
        &self,
        actor: &Actor,
        f: &ActionFields,
        today: NaiveDate,
    ) -> Result<(), StoreError> {
        match f.kind {
            ActionKind::TerminateMembership => {
                let Some(last_day) = f.effective.and_then(|d| d.pred_opt()) else {
                    return Ok(());
                };
                for m in self.memberships(actor.tenant_id).await? {
                    if f.organisation_ids.contains(&m.organisation_id) && m.until.is_none() {
                        self.end_membership(actor, m.id, last_day, today, None)
                            .await?;
                    }
                }
            }
            ActionKind::ResignBoardSeats => {
                let Some(day) = f.done_on else { return Ok(()) };
                for s in self.seats(actor.tenant_id).await? {
                    if f.organisation_ids.contains(&s.organisation_id) && s.until.is_none() {
                        self.end_seat(actor, s.id, day, None).await?;
                    }
                }
            }
            _ => {}
        }
        Ok(())
    }

    /// Records that a reminder went out, so it is sent once.
    pub async fn mark_action_reminded(
        &self,
        tenant_id: i64,
        id: i64,
        day: NaiveDate,
    ) -> Result<(), StoreError> {
        sqlx::query("UPDATE actions SET reminded_on = $1 WHERE tenant_id = $2 AND id = $3")
            .bind(date_out(Some(day)))
            .bind(tenant_id)
            .bind(id)
            .execute(self.pool())
            .await?;
        Ok(())
    }
}
