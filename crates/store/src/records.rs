//! The document register: documents numbered under their case (or in the
//! register's own series), the tenant's document types with their
//! retention, the public list of what is registered and not secret, and
//! removal (gallring) that leaves the entry and a record of it.

use crate::audit::{Actor, record};
use crate::codec::now;
use crate::scope::{Kind, require};
use crate::{Store, StoreError};
use chrono::{Datelike, NaiveDate};
use oversyn_core::records::{Direction, DocumentCmd, DocumentType, due, number, shipped_types};
use serde::Serialize;
use sqlx::Row;
use sqlx::any::AnyRow;

/// A registered document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Document {
    pub id: i64,
    pub number: String,
    pub title: String,
    pub direction: String,
    pub dated_on: String,
    pub counterpart: String,
    pub type_code: String,
    pub case_id: Option<i64>,
    pub membership_id: Option<i64>,
    pub review_id: Option<i64>,
    pub file_id: Option<i64>,
    pub attachment_of: Option<String>,
    pub removed_at: Option<String>,
    pub removed_by: Option<String>,
}

/// A file that comes with a document: name, media type and content.
pub struct NewFile<'a> {
    pub name: &'a str,
    pub media_type: &'a str,
    pub content: &'a [u8],
}

/// What the public list shows of a document (as a public body's register
/// does): no sender or recipient, no file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PublicDocument {
    pub number: String,
    pub title: String,
    pub dated_on: String,
    pub type_code: String,
    pub direction: String,
}

const COLUMNS: &str = "id, number, title, direction, dated_on, counterpart, type_code, case_id, membership_id, review_id, file_id, attachment_of, removed_at, removed_by";

fn document(r: &AnyRow) -> Result<Document, sqlx::Error> {
    Ok(Document {
        id: r.try_get("id")?,
        number: r.try_get("number")?,
        title: r.try_get("title")?,
        direction: r.try_get("direction")?,
        dated_on: r.try_get("dated_on")?,
        counterpart: r.try_get("counterpart")?,
        type_code: r.try_get("type_code")?,
        case_id: r.try_get("case_id")?,
        membership_id: r.try_get("membership_id")?,
        review_id: r.try_get("review_id")?,
        file_id: r.try_get("file_id")?,
        attachment_of: r.try_get("attachment_of")?,
        removed_at: r.try_get("removed_at")?,
        removed_by: r.try_get("removed_by")?,
    })
}

impl Store {
    /// The tenant's document types: the shipped ones, each replaced by the
    /// tenant's own rule where its plan has one, then its additions.
    pub async fn document_types(
        &self,
        tenant_id: i64,
        lang: oversyn_core::Lang,
    ) -> Result<Vec<DocumentType>, StoreError> {
        let mut out = shipped_types(lang);
        let rows = sqlx::query(
            "SELECT code, name, keep_years FROM document_types WHERE tenant_id = $1 ORDER BY code",
        )
        .bind(tenant_id)
        .fetch_all(self.pool())
        .await?;
        for r in rows {
            let t = DocumentType {
                code: r.try_get("code")?,
                name: r.try_get("name")?,
                keep_years: r
                    .try_get::<Option<i64>, _>("keep_years")?
                    .and_then(|y| u32::try_from(y).ok()),
            };
            match out.iter_mut().find(|x| x.code == t.code) {
                Some(x) => *x = t,
                None => out.push(t),
            }
        }
        Ok(out)
    }

    /// Sets a type's retention from the tenant's document management plan.
    pub async fn set_document_type(
        &self,
        actor: &Actor,
        t: &DocumentType,
    ) -> Result<(), StoreError> {
        let mut tx = self.write_tx().await?;
        sqlx::query("DELETE FROM document_types WHERE tenant_id = $1 AND code = $2")
            .bind(actor.tenant_id)
            .bind(&t.code)
            .execute(&mut *tx)
            .await?;
        sqlx::query("INSERT INTO document_types (tenant_id, code, name, keep_years, created_at) VALUES ($1, $2, $3, $4, $5)")
            .bind(actor.tenant_id)
            .bind(&t.code)
            .bind(&t.name)
            .bind(t.keep_years.map(i64::from))
            .bind(now())
            .execute(&mut *tx)
            .await?;
        record(&mut tx, actor, "document_type", 0, "set", None, Some(t)).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Registers a document and gives it the next number under its case
    /// (or in the register's series for its year), with its file if given:
    /// both or neither.
    pub async fn register_document(
        &self,
        actor: &Actor,
        c: &DocumentCmd,
        file: Option<NewFile<'_>>,
    ) -> Result<Document, StoreError> {
        if file
            .as_ref()
            .is_some_and(|f| f.content.len() > crate::cases::MAX_FILE)
        {
            return Err(StoreError::invalid("file", "error-file-too-large"));
        }
        let tenant = actor.tenant_id;
        let case_number = match c.case_id {
            Some(id) => {
                let case = self.case(tenant, id).await?;
                let pattern = self.case_number_pattern(tenant).await?;
                case.fields.number.as_ref().map(|n| n.render(&pattern))
            }
            None => None,
        };
        let mut tx = self.write_tx().await?;
        if let Some(m) = c.membership_id {
            require(&mut tx, tenant, Kind::Memberships, m, "membership_id").await?;
        }
        if let Some(r) = c.review_id {
            require(&mut tx, tenant, Kind::Reviews, r, "review_id").await?;
        }
        // The serial runs per case, or per year in the register's series.
        let prefix = match &case_number {
            Some(n) => format!("{n}-"),
            None => format!("REG {}-", c.dated_on.year()),
        };
        let taken: Vec<String> = sqlx::query_scalar(
            "SELECT number FROM documents WHERE tenant_id = $1 AND number LIKE $2",
        )
        .bind(tenant)
        .bind(format!(
            "{}%",
            prefix.replace('%', "\\%").replace('_', "\\_")
        ))
        .fetch_all(&mut *tx)
        .await?;
        let serial = taken
            .iter()
            .filter_map(|n| n.strip_prefix(&prefix)?.parse::<i64>().ok())
            .max()
            .unwrap_or(0)
            + 1;
        let number = number(case_number.as_deref(), c.dated_on.year(), serial);
        let t = now();
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO documents (tenant_id, case_id, membership_id, review_id, serial, number, title, direction, dated_on, counterpart, type_code, file_id, attachment_of, created_by, created_at, updated_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $15) RETURNING id",
        )
        .bind(tenant)
        .bind(c.case_id)
        .bind(c.membership_id)
        .bind(c.review_id)
        .bind(serial)
        .bind(&number)
        .bind(&c.title)
        .bind(c.direction.code())
        .bind(c.dated_on.to_string())
        .bind(&c.counterpart)
        .bind(&c.type_code)
        .bind(None::<i64>)
        .bind(&c.attachment_of)
        .bind(&actor.label)
        .bind(&t)
        .fetch_one(&mut *tx)
        .await?;
        record(&mut tx, actor, "document", id, "create", None, Some(c)).await?;
        if let Some(f) = file {
            file_under(&mut tx, actor, id, &f, &t).await?;
        }
        tx.commit().await?;
        self.document(tenant, id).await
    }

    /// Files a registered document's copy after the entry (scripts send
    /// the entry and the file separately). A registered copy is never
    /// replaced, and a document removed by gallring takes none.
    pub async fn attach_document_file(
        &self,
        actor: &Actor,
        id: i64,
        file: NewFile<'_>,
    ) -> Result<Document, StoreError> {
        if file.content.len() > crate::cases::MAX_FILE {
            return Err(StoreError::invalid("file", "error-file-too-large"));
        }
        let mut tx = self.write_tx().await?;
        let row: Option<(Option<i64>, Option<String>)> = sqlx::query_as(
            "SELECT file_id, removed_at FROM documents WHERE tenant_id = $1 AND id = $2",
        )
        .bind(actor.tenant_id)
        .bind(id)
        .fetch_optional(&mut *tx)
        .await?;
        match row {
            None => return Err(StoreError::NotFound),
            Some((Some(_), _)) => {
                return Err(StoreError::Conflict(
                    "the document already has its file; register a new document for another version".into(),
                ));
            }
            Some((None, Some(_))) => {
                return Err(StoreError::Conflict(
                    "the document was removed under its retention rule".into(),
                ));
            }
            Some((None, None)) => {}
        }
        let t = now();
        file_under(&mut tx, actor, id, &file, &t).await?;
        record(
            &mut tx,
            actor,
            "document",
            id,
            "attach_file",
            None,
            Some(&serde_json::json!({"name": file.name, "media_type": file.media_type, "size": file.content.len()})),
        )
        .await?;
        tx.commit().await?;
        self.document(actor.tenant_id, id).await
    }

    pub async fn document(&self, tenant_id: i64, id: i64) -> Result<Document, StoreError> {
        let r = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT {COLUMNS} FROM documents WHERE tenant_id = $1 AND id = $2"
        )))
        .bind(tenant_id)
        .bind(id)
        .fetch_optional(self.pool())
        .await?;
        r.as_ref()
            .map(document)
            .transpose()?
            .ok_or(StoreError::NotFound)
    }

    /// The tenant's documents, newest first; with `case`, those under it.
    pub async fn documents(
        &self,
        tenant_id: i64,
        case: Option<i64>,
    ) -> Result<Vec<Document>, StoreError> {
        let key = (case.unwrap_or(0), i64::from(case.is_some()));
        self.kept(tenant_id, "documents", key, || {
            self.load_documents(tenant_id, case)
        })
        .await
    }

    async fn load_documents(
        &self,
        tenant_id: i64,
        case: Option<i64>,
    ) -> Result<Vec<Document>, StoreError> {
        let under = if case.is_some() {
            "AND case_id = $2"
        } else {
            ""
        };
        let q = format!(
            "SELECT {COLUMNS} FROM documents WHERE tenant_id = $1 {under} ORDER BY dated_on DESC, id DESC"
        );
        let mut q = sqlx::query(sqlx::AssertSqlSafe(q)).bind(tenant_id);
        if let Some(c) = case {
            q = q.bind(c);
        }
        let rows = q.fetch_all(self.pool()).await?;
        Ok(rows.iter().map(document).collect::<Result<_, _>>()?)
    }

    /// The public register: every document not removed and not withheld,
    /// nor filed under a withheld membership (its title would tell what
    /// the withholding hides).
    pub async fn public_documents(
        &self,
        tenant_id: i64,
    ) -> Result<Vec<PublicDocument>, StoreError> {
        let rows = sqlx::query(
            "SELECT number, title, dated_on, type_code, direction FROM documents d
             WHERE d.tenant_id = $1 AND d.removed_at IS NULL
               AND NOT EXISTS (SELECT 1 FROM private_records p WHERE p.tenant_id = d.tenant_id AND p.entity = 'document' AND p.entity_id = d.id)
               AND NOT EXISTS (SELECT 1 FROM private_records p WHERE p.tenant_id = d.tenant_id AND p.entity = 'membership' AND p.entity_id = d.membership_id)
             ORDER BY d.dated_on DESC, d.id DESC",
        )
        .bind(tenant_id)
        .fetch_all(self.pool())
        .await?;
        rows.iter()
            .map(|r| {
                Ok(PublicDocument {
                    number: r.try_get("number")?,
                    title: r.try_get("title")?,
                    dated_on: r.try_get("dated_on")?,
                    type_code: r.try_get("type_code")?,
                    direction: r.try_get("direction")?,
                })
            })
            .collect()
    }

    /// The documents whose type's retention says they may go on `today`.
    pub async fn documents_due(
        &self,
        tenant_id: i64,
        today: NaiveDate,
    ) -> Result<Vec<Document>, StoreError> {
        let types = self
            .document_types(tenant_id, oversyn_core::Lang::Sv)
            .await?;
        Ok(self
            .documents(tenant_id, None)
            .await?
            .into_iter()
            .filter(|d| d.removed_at.is_none())
            .filter(|d| {
                let keep = types
                    .iter()
                    .find(|t| t.code == d.type_code)
                    .and_then(|t| t.keep_years);
                d.dated_on.parse().is_ok_and(|on| due(on, keep, today))
            })
            .collect())
    }

    /// Removes (gallrar) the documents due on `today`: the file and the
    /// sender or recipient go; the register entry stays with its number,
    /// title, type, date and who removed it, and the audit log names each.
    pub async fn remove_due_documents(
        &self,
        actor: &Actor,
        today: NaiveDate,
    ) -> Result<Vec<Document>, StoreError> {
        let due = self.documents_due(actor.tenant_id, today).await?;
        let mut tx = self.write_tx().await?;
        let t = now();
        for d in &due {
            if let Some(f) = d.file_id {
                sqlx::query("DELETE FROM files WHERE tenant_id = $1 AND id = $2")
                    .bind(actor.tenant_id)
                    .bind(f)
                    .execute(&mut *tx)
                    .await?;
            }
            sqlx::query("UPDATE documents SET file_id = NULL, counterpart = '', removed_at = $1, removed_by = $2, version = version + 1, updated_at = $1 WHERE tenant_id = $3 AND id = $4")
                .bind(&t)
                .bind(&actor.label)
                .bind(actor.tenant_id)
                .bind(d.id)
                .execute(&mut *tx)
                .await?;
            record(&mut tx, actor, "document", d.id, "remove", None, Some(&serde_json::json!({"number": d.number, "type": d.type_code, "dated_on": d.dated_on}))).await?;
        }
        tx.commit().await?;
        Ok(due)
    }

    /// The day an outgoing notice of termination was sent, per (case,
    /// membership): the earliest registered one.
    pub async fn notices_sent(
        &self,
        tenant_id: i64,
    ) -> Result<Vec<(Option<i64>, Option<i64>, NaiveDate)>, StoreError> {
        Ok(self
            .documents(tenant_id, None)
            .await?
            .into_iter()
            .filter(|d| d.type_code == "notice" && d.direction == Direction::Outgoing.code())
            .filter_map(|d| Some((d.case_id, d.membership_id, d.dated_on.parse().ok()?)))
            .collect())
    }
}

/// Stores a document's file and points the document at it, inside the write.
async fn file_under(
    tx: &mut sqlx::Transaction<'static, sqlx::Any>,
    actor: &Actor,
    document_id: i64,
    f: &NewFile<'_>,
    at: &str,
) -> Result<(), StoreError> {
    let file_id: i64 = sqlx::query_scalar(
        "INSERT INTO files (tenant_id, owner_kind, owner_id, name, media_type, size, content, created_by, created_at)
         VALUES ($1, 'document', $2, $3, $4, $5, $6, $7, $8) RETURNING id",
    )
    .bind(actor.tenant_id)
    .bind(document_id)
    .bind(f.name)
    .bind(f.media_type)
    .bind(f.content.len() as i64)
    .bind(f.content.to_vec())
    .bind(&actor.label)
    .bind(at)
    .fetch_one(&mut **tx)
    .await?;
    sqlx::query("UPDATE documents SET file_id = $1, version = version + 1, updated_at = $2 WHERE tenant_id = $3 AND id = $4")
        .bind(file_id)
        .bind(at)
        .bind(actor.tenant_id)
        .bind(document_id)
        .execute(&mut **tx)
        .await?;
    Ok(())
}
