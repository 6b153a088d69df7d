//! Decision cases: the case row, its positions and decisions, and the
//! memberships it concerns. The rules (who may add what, when a case locks)
//! are the core's; this module loads a case, asks the core, and writes the
//! change with its audit entry in one transaction.

mod files;
pub(crate) mod settings;

pub use files::{MAX_FILE, StoredFile};
pub use settings::CASE_NUMBER_PATTERN;

use crate::audit::{Actor, record};
use crate::codec::{code_in, date_in, date_out, now};
use crate::register::check_version;
use crate::scope::{Kind, Links, replace_links, require};
use crate::{Store, StoreError};
use oversyn_core::Code;
use oversyn_core::cases::{
    Adopted, Case, CaseFields, CaseNumber, CaseStatus, Decision, DecisionKind, Person, Point,
    Position, Stage,
};
use serde::Serialize;
use sqlx::any::AnyRow;
use sqlx::{Any, Row, Transaction};

/// A stored case: its fields, the rules' view of it, and bookkeeping.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StoredCase {
    pub id: i64,
    pub fields: CaseFields,
    pub case: Case,
    pub status: CaseStatus,
    /// `ui` or `import`.
    pub source: String,
    pub version: i64,
    pub created_at: String,
    pub updated_at: String,
}

const COLUMNS: &str = "id, number_series, number_year, number_serial, number_suffix, reference, title, language, document_date, rapporteur, route_json, proposal_json, matter, preparation, views, statement, review_id, source, status, version, created_at, updated_at";

fn json_in<T: serde::de::DeserializeOwned + Default>(s: &str) -> T {
    serde_json::from_str(s).unwrap_or_default()
}

fn json_out<T: Serialize>(v: &T) -> String {
    serde_json::to_string(v).unwrap_or_else(|_| "[]".into())
}

fn case_row(r: &AnyRow) -> Result<StoredCase, sqlx::Error> {
    let year: Option<i64> = r.try_get("number_year")?;
    let number = year.map(|y| CaseNumber {
        series: r.try_get("number_series").unwrap_or_default(),
        year: y as i32,
        serial: r.try_get("number_serial").unwrap_or_default(),
        suffix: r.try_get("number_suffix").unwrap_or_default(),
    });
    let route: Vec<Stage> = json_in(&r.try_get::<String, _>("route_json")?);
    let proposal: Vec<Point> = json_in(&r.try_get::<String, _>("proposal_json")?);
    Ok(StoredCase {
        id: r.try_get("id")?,
        fields: CaseFields {
            number,
            reference: r.try_get("reference")?,
            title: r.try_get("title")?,
            language: r.try_get("language")?,
            document_date: date_in(r.try_get("document_date")?),
            rapporteur: r.try_get("rapporteur")?,
            route: route.clone(),
            proposal: proposal.clone(),
            matter: r.try_get("matter")?,
            preparation: r.try_get("preparation")?,
            views: r.try_get("views")?,
            statement: r.try_get("statement")?,
            review_id: r.try_get("review_id")?,
            membership_ids: Vec::new(),
        },
        case: Case {
            route,
            proposal,
            positions: Vec::new(),
            decisions: Vec::new(),
        },
        status: code_in(&r.try_get::<String, _>("status")?),
        source: r.try_get("source")?,
        version: r.try_get("version")?,
        created_at: r.try_get("created_at")?,
        updated_at: r.try_get("updated_at")?,
    })
}

fn position_row(r: &AnyRow) -> Result<Position, sqlx::Error> {
    let persons: Vec<Person> = json_in(&r.try_get::<String, _>("persons_json")?);
    Ok(Position {
        seq: r.try_get::<i64, _>("seq")? as u32,
        body: r.try_get("body")?,
        kind: code_in(&r.try_get::<String, _>("kind")?),
        persons,
        refers_to: r.try_get::<Option<i64>, _>("refers_to")?.map(|v| v as u32),
        points: json_in(&r.try_get::<String, _>("points_json")?),
        seconded_by: r
            .try_get::<Option<String>, _>("seconded_by_json")?
            .map(|j| json_in(&j))
            .unwrap_or_default(),
        text: r.try_get("text")?,
    })
}

fn adopted_in(s: &str) -> Adopted {
    s.strip_prefix("position:")
        .and_then(|n| n.parse().ok())
        .map_or(Adopted::Proposal, Adopted::Position)
}

fn adopted_out(a: &Adopted) -> String {
    match a {
        Adopted::Proposal => "proposal".into(),
        Adopted::Position(n) => format!("position:{n}"),
    }
}

fn count(v: Option<i64>) -> Option<u32> {
    v.and_then(|v| u32::try_from(v).ok())
}

fn decision_row(r: &AnyRow) -> Result<Decision, sqlx::Error> {
    let roll_call: Option<String> = r.try_get("roll_call")?;
    Ok(Decision {
        body: r.try_get("body")?,
        kind: DecisionKind::parse(&r.try_get::<String, _>("kind")?).unwrap_or_default(),
        adopted: adopted_in(&r.try_get::<String, _>("adopted")?),
        decided_on: date_in(r.try_get("decided_on")?).unwrap_or_default(),
        votes_for: count(r.try_get("votes_for")?),
        votes_against: count(r.try_get("votes_against")?),
        abstentions: count(r.try_get("abstentions")?),
        absent: count(r.try_get("absent")?),
        votes: None,
        roll_call: roll_call.map(|j| json_in(&j)).unwrap_or_default(),
        date_illustrative: r.try_get::<i64, _>("date_illustrative")? != 0,
        paragraph: r.try_get("paragraph")?,
        adjusted_on: date_in(r.try_get("adjusted_on")?),
        published_on: date_in(r.try_get("published_on")?),
        legal_force_on: None,
    }
    .with_legal_force())
}

/// Loads a whole case inside a transaction (so a check and its write see the same case).
async fn load(
    tx: &mut Transaction<'static, Any>,
    tenant_id: i64,
    id: i64,
) -> Result<StoredCase, StoreError> {
    let r = sqlx::query(sqlx::AssertSqlSafe(format!(
        "SELECT {COLUMNS} FROM cases WHERE tenant_id = $1 AND id = $2"
    )))
    .bind(tenant_id)
    .bind(id)
    .fetch_optional(&mut **tx)
    .await?;
    let mut c = r
        .as_ref()
        .map(case_row)
        .transpose()?
        .ok_or(StoreError::NotFound)?;
    let rows = sqlx::query("SELECT * FROM case_positions WHERE case_id = $1 ORDER BY seq")
        .bind(id)
        .fetch_all(&mut **tx)
        .await?;
    c.case.positions = rows.iter().map(position_row).collect::<Result<_, _>>()?;
    let rows = sqlx::query("SELECT * FROM case_decisions WHERE case_id = $1 ORDER BY id")
        .bind(id)
        .fetch_all(&mut **tx)
        .await?;
    c.case.decisions = rows.iter().map(decision_row).collect::<Result<_, _>>()?;
    c.fields.membership_ids = sqlx::query_scalar(
        "SELECT membership_id FROM case_memberships WHERE case_id = $1 ORDER BY membership_id",
    )
    .bind(id)
    .fetch_all(&mut **tx)
    .await?;
    Ok(c)
}

/// Memberships must be the tenant's own; a linked review too.
async fn check_links(
    tx: &mut Transaction<'static, Any>,
    tenant_id: i64,
    f: &CaseFields,
) -> Result<(), StoreError> {
    for m in &f.membership_ids {
        require(tx, tenant_id, Kind::Memberships, *m, "membership_ids").await?;
    }
    if let Some(r) = f.review_id {
        require(tx, tenant_id, Kind::Reviews, r, "review_id").await?;
    }
    Ok(())
}

async fn insert_position(
    tx: &mut Transaction<'static, Any>,
    actor: &Actor,
    case_id: i64,
    p: &Position,
) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO case_positions (case_id, seq, body, kind, persons_json, refers_to, points_json, text, created_by, created_at, seconded_by_json)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
    )
    .bind(case_id)
    .bind(i64::from(p.seq))
    .bind(&p.body)
    .bind(p.kind.code())
    .bind(json_out(&p.persons))
    .bind(p.refers_to.map(i64::from))
    .bind(json_out(&p.points))
    .bind(&p.text)
    .bind(&actor.label)
    .bind(now())
    .bind((!p.seconded_by.is_empty()).then(|| json_out(&p.seconded_by)))
    .execute(&mut **tx)
    .await?;
    record(tx, actor, "case_position", case_id, "create", None, Some(p)).await
}

async fn insert_decision(
    tx: &mut Transaction<'static, Any>,
    actor: &Actor,
    case_id: i64,
    d: &Decision,
) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO case_decisions (case_id, body, adopted, decided_on, votes_for, votes_against, abstentions, date_illustrative, paragraph, adjusted_on, published_on, created_by, created_at, kind, absent, roll_call)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)",
    )
    .bind(case_id)
    .bind(&d.body)
    .bind(adopted_out(&d.adopted))
    .bind(date_out(Some(d.decided_on)))
    .bind(d.votes_for.map(i64::from))
    .bind(d.votes_against.map(i64::from))
    .bind(d.abstentions.map(i64::from))
    .bind(i64::from(d.date_illustrative))
    .bind(d.paragraph.as_deref())
    .bind(date_out(d.adjusted_on))
    .bind(date_out(d.published_on))
    .bind(&actor.label)
    .bind(now())
    .bind(d.kind.code())
    .bind(d.absent.map(i64::from))
    .bind((!d.roll_call.is_empty()).then(|| json_out(&d.roll_call)))
    .execute(&mut **tx)
    .await?;
    record(tx, actor, "case_decision", case_id, "create", None, Some(d)).await
}

async fn set_status(
    tx: &mut Transaction<'static, Any>,
    id: i64,
    status: CaseStatus,
) -> Result<(), StoreError> {
    sqlx::query(
        "UPDATE cases SET status = $1, updated_at = $2, version = version + 1 WHERE id = $3",
    )
    .bind(status.code())
    .bind(now())
    .bind(id)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// A whole case to store at once, as an import gives it.
#[derive(Debug, Clone, Default)]
pub struct NewCase {
    pub fields: CaseFields,
    pub positions: Vec<Position>,
    pub decisions: Vec<Decision>,
    pub source: String,
}

impl Store {
    pub async fn cases(&self, tenant_id: i64) -> Result<Vec<StoredCase>, StoreError> {
        self.kept(tenant_id, "cases", (0, 0), || self.load_cases(tenant_id))
            .await
    }

    async fn load_cases(&self, tenant_id: i64) -> Result<Vec<StoredCase>, StoreError> {
        let rows = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT {COLUMNS} FROM cases WHERE tenant_id = $1 ORDER BY id DESC"
        )))
        .bind(tenant_id)
        .fetch_all(self.pool())
        .await?;
        Ok(rows.iter().map(case_row).collect::<Result<_, _>>()?)
    }

    pub async fn case(&self, tenant_id: i64, id: i64) -> Result<StoredCase, StoreError> {
        let mut tx = self.pool().begin().await?;
        let c = load(&mut tx, tenant_id, id).await?;
        tx.commit().await?;
        Ok(c)
    }

    /// Stores a case with its positions and decisions in one transaction:
    /// everything is checked by the same rules as when entered by hand, and
    /// nothing is kept if any part is refused.
    pub async fn create_case(&self, actor: &Actor, new: &NewCase) -> Result<i64, StoreError> {
        new.fields.validate().map_err(StoreError::Invalid)?;
        let mut tx = self.write_tx().await?;
        check_links(&mut tx, actor.tenant_id, &new.fields).await?;
        let f = &new.fields;
        let n = f.number.clone().unwrap_or_default();
        let t = now();
        // SQLite gives a new row the highest id plus one, so a case made
        // after the newest was deleted would take its id: open-data readers
        // would see one id both deleted and alive, and the audit log would
        // mix two cases. There the id is chosen above every id a case ever
        // had (tombstones stay). PostgreSQL's identity never repeats.
        macro_rules! insert_case {
            ($id:literal) => {
                concat!(
                    "INSERT INTO cases (id, tenant_id, number_series, number_year, number_serial, number_suffix, reference, title, language, document_date, rapporteur, route_json, proposal_json, matter, preparation, views, statement, review_id, source, status, created_at, updated_at) VALUES (",
                    $id,
                    ", $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, 'open', $19, $19) RETURNING id"
                )
            };
        }
        let insert = match self.backend() {
            crate::Backend::Sqlite => insert_case!(
                "(SELECT COALESCE(MAX(n), 0) + 1 FROM (SELECT MAX(id) AS n FROM cases UNION ALL SELECT MAX(entity_id) AS n FROM tombstones WHERE entity = 'case') AS ever)"
            ),
            crate::Backend::Postgres => insert_case!("DEFAULT"),
        };
        let id: i64 = sqlx::query_scalar(insert)
            .bind(actor.tenant_id)
            .bind(&n.series)
            .bind(f.number.as_ref().map(|n| i64::from(n.year)))
            .bind(&n.serial)
            .bind(&n.suffix)
            .bind(&f.reference)
            .bind(f.title.trim())
            .bind(&f.language)
            .bind(date_out(f.document_date))
            .bind(&f.rapporteur)
            .bind(json_out(&f.route))
            .bind(json_out(&f.proposal))
            .bind(&f.matter)
            .bind(&f.preparation)
            .bind(&f.views)
            .bind(&f.statement)
            .bind(f.review_id)
            .bind(if new.source.is_empty() {
                "ui"
            } else {
                new.source.as_str()
            })
            .bind(&t)
            .fetch_one(&mut *tx)
            .await?;
        replace_links(&mut tx, Links::CaseMemberships, id, &f.membership_ids).await?;
        record(&mut tx, actor, "case", id, "create", None, Some(f)).await?;
        let mut case = Case {
            route: f.route.clone(),
            proposal: f.proposal.clone(),
            ..Case::default()
        };
        for p in &new.positions {
            let refers = p.refers_to;
            let mut admitted = case
                .admit_position(p.clone())
                .map_err(StoreError::Invalid)?;
            admitted.refers_to = refers;
            insert_position(&mut tx, actor, id, &admitted).await?;
            case.positions.push(admitted);
        }
        for d in &new.decisions {
            case.admit_decision(d).map_err(StoreError::Invalid)?;
            insert_decision(&mut tx, actor, id, d).await?;
            case.decisions.push(d.clone());
        }
        if case.is_locked() {
            set_status(&mut tx, id, CaseStatus::Decided).await?;
        }
        tx.commit().await?;
        Ok(id)
    }

    /// Changes an open case's fields; a decided case is refused.
    pub async fn update_case(
        &self,
        actor: &Actor,
        id: i64,
        f: &CaseFields,
        version: Option<i64>,
    ) -> Result<StoredCase, StoreError> {
        f.validate().map_err(StoreError::Invalid)?;
        let mut tx = self.write_tx().await?;
        let before = load(&mut tx, actor.tenant_id, id).await?;
        if before.case.is_locked() {
            return Err(StoreError::Conflict(
                "the case is decided and locked; changes need a new case".into(),
            ));
        }
        check_version(version, before.version)?;
        check_links(&mut tx, actor.tenant_id, f).await?;
        // Positions and decisions already name bodies of the route; keep those bodies.
        let kept = Case {
            route: f.route.clone(),
            ..before.case.clone()
        };
        let orphan = before
            .case
            .positions
            .iter()
            .map(|p| &p.body)
            .chain(before.case.decisions.iter().map(|d| &d.body))
            .any(|b| {
                !kept
                    .route
                    .iter()
                    .any(|s| oversyn_core::cases::same_body(&s.body, b))
            });
        if orphan {
            return Err(StoreError::invalid("route", "error-case-body-in-use"));
        }
        let n = f.number.clone().unwrap_or_default();
        let changed = sqlx::query(
            "UPDATE cases SET number_series = $1, number_year = $2, number_serial = $3, number_suffix = $4, reference = $5, title = $6, language = $7, document_date = $8, rapporteur = $9, route_json = $10, proposal_json = $11, matter = $12, preparation = $13, views = $14, statement = $15, review_id = $16, version = version + 1, updated_at = $17
             WHERE tenant_id = $18 AND id = $19 AND version = $20",
        )
        .bind(&n.series)
        .bind(f.number.as_ref().map(|n| i64::from(n.year)))
        .bind(&n.serial)
        .bind(&n.suffix)
        .bind(&f.reference)
        .bind(f.title.trim())
        .bind(&f.language)
        .bind(date_out(f.document_date))
        .bind(&f.rapporteur)
        .bind(json_out(&f.route))
        .bind(json_out(&f.proposal))
        .bind(&f.matter)
        .bind(&f.preparation)
        .bind(&f.views)
        .bind(&f.statement)
        .bind(f.review_id)
        .bind(now())
        .bind(actor.tenant_id)
        .bind(id)
        .bind(before.version)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        if changed == 0 {
            return Err(StoreError::Stale);
        }
        replace_links(&mut tx, Links::CaseMemberships, id, &f.membership_ids).await?;
        record(
            &mut tx,
            actor,
            "case",
            id,
            "update",
            Some(&before.fields),
            Some(f),
        )
        .await?;
        let after = load(&mut tx, actor.tenant_id, id).await?;
        tx.commit().await?;
        Ok(after)
    }

    /// Adds a reservation or statement to an open case.
    pub async fn add_position(
        &self,
        actor: &Actor,
        case_id: i64,
        p: Position,
    ) -> Result<Position, StoreError> {
        let mut tx = self.write_tx().await?;
        let c = load(&mut tx, actor.tenant_id, case_id).await?;
        let p = c.case.admit_position(p).map_err(StoreError::Invalid)?;
        insert_position(&mut tx, actor, case_id, &p).await?;
        tx.commit().await?;
        Ok(p)
    }

    /// Records a body's decision; the deciding body's decision locks the case.
    pub async fn record_decision(
        &self,
        actor: &Actor,
        case_id: i64,
        d: &Decision,
    ) -> Result<CaseStatus, StoreError> {
        let profile = self.profile(actor.tenant_id).await?;
        let mut tx = self.write_tx().await?;
        let mut c = load(&mut tx, actor.tenant_id, case_id).await?;
        // The tenant's rules send a recommended case on to its council.
        let council = profile
            .council(oversyn_core::Lang::from_code(&c.fields.language))
            .trim()
            .to_owned();
        if c.case.moves_on(d, &council) {
            let before = c.fields.route.clone();
            let stage = Stage {
                body: council,
                date: None,
            };
            c.case.route.push(stage.clone());
            c.fields.route.push(stage);
            sqlx::query(
                "UPDATE cases SET route_json = $1, updated_at = $2, version = version + 1 WHERE id = $3",
            )
            .bind(json_out(&c.fields.route))
            .bind(now())
            .bind(case_id)
            .execute(&mut *tx)
            .await?;
            record(
                &mut tx,
                actor,
                "case",
                case_id,
                "move_on",
                Some(&before),
                Some(&c.fields.route),
            )
            .await?;
        }
        c.case.admit_decision(d).map_err(StoreError::Invalid)?;
        insert_decision(&mut tx, actor, case_id, d).await?;
        c.case.decisions.push(d.clone());
        let status = c.case.status();
        if status == CaseStatus::Decided {
            set_status(&mut tx, case_id, status).await?;
        }
        tx.commit().await?;
        Ok(status)
    }

    /// Deletes an open case that has no decision yet (a mistaken import).
    pub async fn delete_case(&self, actor: &Actor, id: i64) -> Result<(), StoreError> {
        let mut tx = self.write_tx().await?;
        let c = load(&mut tx, actor.tenant_id, id).await?;
        if !c.case.decisions.is_empty() {
            return Err(StoreError::Conflict(
                "a case with decisions is kept; it cannot be deleted".into(),
            ));
        }
        for table in ["case_positions", "case_memberships"] {
            sqlx::query(sqlx::AssertSqlSafe(format!(
                "DELETE FROM {table} WHERE case_id = $1"
            )))
            .bind(id)
            .execute(&mut *tx)
            .await?;
        }
        sqlx::query(
            "DELETE FROM files WHERE tenant_id = $1 AND owner_kind = 'case' AND owner_id = $2",
        )
        .bind(actor.tenant_id)
        .bind(id)
        .execute(&mut *tx)
        .await?;
        sqlx::query("DELETE FROM cases WHERE tenant_id = $1 AND id = $2")
            .bind(actor.tenant_id)
            .bind(id)
            .execute(&mut *tx)
            .await?;
        // SQLite hands a deleted row's id to the next case, which may be deleted in turn.
        sqlx::query("INSERT INTO tombstones (tenant_id, entity, entity_id, deleted_at) VALUES ($1, 'case', $2, $3) ON CONFLICT (tenant_id, entity, entity_id) DO UPDATE SET deleted_at = excluded.deleted_at")
            .bind(actor.tenant_id)
            .bind(id)
            .bind(now())
            .execute(&mut *tx)
            .await?;
        record(&mut tx, actor, "case", id, "delete", Some(&c.fields), None).await?;
        tx.commit().await?;
        Ok(())
    }
}
