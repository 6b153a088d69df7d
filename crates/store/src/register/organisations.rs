//! Organisations: the shared catalogue (no tenant) and tenants' own entries,
//! with their sourced facts, governing bodies, relations and per-tenant notes.

use super::check_version;
use crate::audit::{Actor, AuditEntry, record};
use crate::codec::{code_in, date_in, date_out, list_in, list_out, now};
use crate::{Store, StoreError};
use oversyn_core::Code;
use oversyn_core::register::input::OrganisationCmd;
use oversyn_core::register::statutes::{EarlierRule, replaced};
use oversyn_core::register::{Organisation, Relation};
use serde::Serialize;
use sqlx::Row;

const COLUMNS: &str = "id, tenant_id, slug, name, acronym, aliases, kind, headquarters, founded, website, themes, \
     notice_months, written_notice, notice_valid_from, fee_basis, version";

/// Rows a tenant may see: the catalogue and its own.
const VISIBLE: &str = "(tenant_id IS NULL OR tenant_id = $1)";

fn organisation(r: &sqlx::any::AnyRow) -> Result<Organisation, sqlx::Error> {
    Ok(Organisation {
        id: r.try_get("id")?,
        tenant_id: r.try_get("tenant_id")?,
        slug: r.try_get("slug")?,
        name: r.try_get("name")?,
        acronym: r.try_get("acronym")?,
        aliases: list_in(&r.try_get::<String, _>("aliases")?),
        kind: code_in(&r.try_get::<String, _>("kind")?),
        headquarters: r.try_get("headquarters")?,
        founded: r
            .try_get::<Option<i64>, _>("founded")?
            .and_then(|y| i32::try_from(y).ok()),
        website: r.try_get("website")?,
        themes: list_in(&r.try_get::<String, _>("themes")?),
        notice_months: r
            .try_get::<Option<i64>, _>("notice_months")?
            .and_then(|m| i32::try_from(m).ok()),
        written_notice: r.try_get::<i64, _>("written_notice")? != 0,
        notice_valid_from: date_in(r.try_get("notice_valid_from")?),
        fee_basis: r.try_get("fee_basis")?,
        version: r.try_get("version")?,
    })
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OrgFact {
    pub topic: String,
    pub text: String,
    pub source: String,
    pub as_of: String,
    /// When a later fact replaced this one; absent while none has.
    pub valid_to: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OrgBody {
    pub name: String,
    pub cadence: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OrganisationDetail {
    pub organisation: Organisation,
    pub facts: Vec<OrgFact>,
    pub bodies: Vec<OrgBody>,
    /// The tenant's own notes and their version.
    pub notes: Option<(String, i64)>,
}

/// A URL-safe key from a name: "Energy Cities" → "energy-cities".
fn slugify(name: &str) -> String {
    let mut s = String::new();
    for c in name.to_lowercase().chars() {
        let c = match c {
            'å' | 'ä' | 'à' | 'á' | 'â' => 'a',
            'ö' | 'ø' | 'ó' | 'ô' => 'o',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'ü' | 'ú' => 'u',
            c => c,
        };
        if c.is_ascii_alphanumeric() {
            s.push(c);
        } else if !s.ends_with('-') && !s.is_empty() {
            s.push('-');
        }
    }
    let s = s.trim_end_matches('-').chars().take(36).collect::<String>();
    if s.starts_with(|c: char| c.is_ascii_lowercase()) {
        s
    } else {
        format!("org-{s}")
    }
}

impl Store {
    /// The notice rules the tenant's and the catalogue's organisations had
    /// before their current ones.
    pub async fn earlier_rules(&self, tenant_id: i64) -> Result<Vec<EarlierRule>, StoreError> {
        let rows = sqlx::query(
            "SELECT organisation_id, valid_from, notice_months, written_notice FROM statute_rules
             WHERE tenant_id = $1 OR tenant_id IS NULL ORDER BY organisation_id, id",
        )
        .bind(tenant_id)
        .fetch_all(self.pool())
        .await?;
        rows.iter()
            .map(|r| {
                Ok(EarlierRule {
                    organisation_id: r.try_get("organisation_id")?,
                    valid_from: date_in(r.try_get("valid_from")?),
                    notice_months: i32::try_from(r.try_get::<i64, _>("notice_months")?)
                        .unwrap_or_default(),
                    written_notice: r.try_get::<i64, _>("written_notice")? != 0,
                })
            })
            .collect()
    }

    /// The tenant's organisations; kept while its data is unchanged.
    pub async fn organisations(&self, tenant_id: i64) -> Result<Vec<Organisation>, StoreError> {
        self.kept(tenant_id, "organisations", (0, 0), || {
            self.load_organisations(tenant_id)
        })
        .await
    }

    async fn load_organisations(&self, tenant_id: i64) -> Result<Vec<Organisation>, StoreError> {
        let rows = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT {COLUMNS} FROM organisations WHERE {VISIBLE} ORDER BY name"
        )))
        .bind(tenant_id)
        .fetch_all(self.pool())
        .await?;
        Ok(rows.iter().map(organisation).collect::<Result<_, _>>()?)
    }

    /// One of the tenant's organisations, from the kept list.
    pub async fn organisation(&self, tenant_id: i64, id: i64) -> Result<Organisation, StoreError> {
        self.kept_arc(tenant_id, "organisations", (0, 0), || {
            self.load_organisations(tenant_id)
        })
        .await?
        .iter()
        .find(|x| x.id == id)
        .cloned()
        .ok_or(StoreError::NotFound)
    }

    pub async fn organisation_by_slug(
        &self,
        tenant_id: i64,
        slug: &str,
    ) -> Result<Organisation, StoreError> {
        let r = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT {COLUMNS} FROM organisations WHERE {VISIBLE} AND slug = $2 ORDER BY tenant_id"
        )))
        .bind(tenant_id)
        .bind(slug)
        .fetch_optional(self.pool())
        .await?;
        r.as_ref()
            .map(organisation)
            .transpose()?
            .ok_or(StoreError::NotFound)
    }

    pub(crate) async fn organisation_visible(
        &self,
        tenant_id: i64,
        id: i64,
    ) -> Result<bool, StoreError> {
        match self.organisation(tenant_id, id).await {
            Ok(_) => Ok(true),
            Err(StoreError::NotFound) => Ok(false),
            Err(e) => Err(e),
        }
    }

    pub async fn organisation_detail(
        &self,
        tenant_id: i64,
        id: i64,
    ) -> Result<OrganisationDetail, StoreError> {
        let organisation = self.organisation(tenant_id, id).await?;
        let facts = sqlx::query("SELECT topic, text, source, as_of, valid_to FROM organisation_facts WHERE organisation_id = $1 ORDER BY id")
            .bind(id)
            .fetch_all(self.pool())
            .await?
            .iter()
            .map(|r| Ok(OrgFact { topic: r.try_get("topic")?, text: r.try_get("text")?, source: r.try_get("source")?, as_of: r.try_get("as_of")?, valid_to: r.try_get("valid_to")? }))
            .collect::<Result<_, sqlx::Error>>()?;
        let bodies = sqlx::query(
            "SELECT name, cadence FROM organisation_bodies WHERE organisation_id = $1 ORDER BY id",
        )
        .bind(id)
        .fetch_all(self.pool())
        .await?
        .iter()
        .map(|r| {
            Ok(OrgBody {
                name: r.try_get("name")?,
                cadence: r.try_get("cadence")?,
            })
        })
        .collect::<Result<_, sqlx::Error>>()?;
        let notes = sqlx::query("SELECT notes, version FROM organisation_notes WHERE tenant_id = $1 AND organisation_id = $2")
            .bind(tenant_id)
            .bind(id)
            .fetch_optional(self.pool())
            .await?
            .map(|r| Ok::<_, sqlx::Error>((r.try_get("notes")?, r.try_get("version")?)))
            .transpose()?;
        Ok(OrganisationDetail {
            organisation,
            facts,
            bodies,
            notes,
        })
    }

    /// Relations among the organisations a tenant can see.
    pub async fn relations(&self, tenant_id: i64) -> Result<Vec<Relation>, StoreError> {
        let rows = sqlx::query(
            "SELECT r.id, r.from_id, r.to_id, r.kind, r.source FROM organisation_relations r
             JOIN organisations a ON a.id = r.from_id JOIN organisations b ON b.id = r.to_id
             WHERE (a.tenant_id IS NULL OR a.tenant_id = $1) AND (b.tenant_id IS NULL OR b.tenant_id = $1) ORDER BY r.id",
        )
        .bind(tenant_id)
        .fetch_all(self.pool())
        .await?;
        rows.iter()
            .map(|r| {
                Ok(Relation {
                    id: r.try_get("id")?,
                    from_id: r.try_get("from_id")?,
                    to_id: r.try_get("to_id")?,
                    kind: code_in(&r.try_get::<String, _>("kind")?),
                    source: r.try_get("source")?,
                })
            })
            .collect::<Result<_, sqlx::Error>>()
            .map_err(Into::into)
    }

    /// Adds an organisation of the tenant's own (not in the shared catalogue).
    pub async fn create_organisation(
        &self,
        actor: &Actor,
        c: &OrganisationCmd,
    ) -> Result<Organisation, StoreError> {
        let mut tx = self.write_tx().await?;
        let base = slugify(&c.name);
        let mut slug = base.clone();
        for n in 2.. {
            let taken: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM organisations WHERE (tenant_id IS NULL OR tenant_id = $1) AND slug = $2")
                .bind(actor.tenant_id)
                .bind(&slug)
                .fetch_one(&mut *tx)
                .await?;
            if taken == 0 {
                break;
            }
            slug = format!("{base}-{n}");
        }
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO organisations (tenant_id, slug, name, acronym, aliases, kind, headquarters, founded, website, themes,
             notice_months, written_notice, fee_basis, created_at, updated_at, notice_valid_from)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $14, $15) RETURNING id",
        )
        .bind(actor.tenant_id)
        .bind(&slug)
        .bind(&c.name)
        .bind(&c.acronym)
        .bind(list_out(&c.aliases))
        .bind(c.kind.code())
        .bind(&c.headquarters)
        .bind(c.founded.map(i64::from))
        .bind(&c.website)
        .bind(list_out(&c.themes))
        .bind(c.notice_months.map(i64::from))
        .bind(i64::from(c.written_notice))
        .bind(&c.fee_basis)
        .bind(now())
        .bind(date_out(c.notice_valid_from))
        .fetch_one(&mut *tx)
        .await?;
        let after = from_cmd(id, Some(actor.tenant_id), slug, c, 1);
        record(
            &mut tx,
            actor,
            "organisation",
            id,
            "create",
            None,
            Some(&after),
        )
        .await?;
        tx.commit().await?;
        Ok(after)
    }

    /// Edits an organisation: a tenant's own by its editors; a catalogue
    /// entry only by a platform admin (`may_edit_catalogue`).
    pub async fn update_organisation(
        &self,
        actor: &Actor,
        id: i64,
        c: &OrganisationCmd,
        may_edit_catalogue: bool,
    ) -> Result<Organisation, StoreError> {
        let mut tx = self.write_tx().await?;
        let r = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT {COLUMNS} FROM organisations WHERE {VISIBLE} AND id = $2"
        )))
        .bind(actor.tenant_id)
        .bind(id)
        .fetch_optional(&mut *tx)
        .await?;
        let before = r
            .as_ref()
            .map(organisation)
            .transpose()?
            .ok_or(StoreError::NotFound)?;
        if before.tenant_id.is_none() && !may_edit_catalogue {
            return Err(StoreError::Forbidden);
        }
        check_version(c.version, before.version)?;
        // A dated change of the notice rule keeps the rule it replaces.
        if let Some(earlier) = replaced(&before, c).map_err(StoreError::Invalid)? {
            sqlx::query(
                "INSERT INTO statute_rules (tenant_id, organisation_id, valid_from, notice_months, written_notice, replaced_at)
                 VALUES ($1, $2, $3, $4, $5, $6)",
            )
            .bind(before.tenant_id)
            .bind(id)
            .bind(date_out(earlier.valid_from))
            .bind(i64::from(earlier.notice_months))
            .bind(i64::from(earlier.written_notice))
            .bind(now())
            .execute(&mut *tx)
            .await?;
        }
        let n = sqlx::query(
            "UPDATE organisations SET name = $1, acronym = $2, aliases = $3, kind = $4, headquarters = $5, founded = $6,
             website = $7, themes = $8, notice_months = $9, written_notice = $10, fee_basis = $11, version = version + 1,
             updated_at = $12, notice_valid_from = $15 WHERE id = $13 AND version = $14",
        )
        .bind(&c.name)
        .bind(&c.acronym)
        .bind(list_out(&c.aliases))
        .bind(c.kind.code())
        .bind(&c.headquarters)
        .bind(c.founded.map(i64::from))
        .bind(&c.website)
        .bind(list_out(&c.themes))
        .bind(c.notice_months.map(i64::from))
        .bind(i64::from(c.written_notice))
        .bind(&c.fee_basis)
        .bind(now())
        .bind(id)
        .bind(before.version)
        .bind(date_out(c.notice_valid_from))
        .execute(&mut *tx)
        .await?
        .rows_affected();
        if n == 0 {
            return Err(StoreError::Stale);
        }
        let after = from_cmd(
            id,
            before.tenant_id,
            before.slug.clone(),
            c,
            before.version + 1,
        );
        record(
            &mut tx,
            actor,
            "organisation",
            id,
            "update",
            Some(&before),
            Some(&after),
        )
        .await?;
        tx.commit().await?;
        Ok(after)
    }

    /// Sets the tenant's own notes on an organisation.
    pub async fn set_organisation_notes(
        &self,
        actor: &Actor,
        id: i64,
        notes: &str,
        version: Option<i64>,
    ) -> Result<(), StoreError> {
        self.organisation(actor.tenant_id, id).await?;
        let mut tx = self.write_tx().await?;
        let before: Option<(String, i64)> = sqlx::query("SELECT notes, version FROM organisation_notes WHERE tenant_id = $1 AND organisation_id = $2")
            .bind(actor.tenant_id)
            .bind(id)
            .fetch_optional(&mut *tx)
            .await?
            .map(|r| Ok::<_, sqlx::Error>((r.try_get("notes")?, r.try_get("version")?)))
            .transpose()?;
        match &before {
            Some((_, v)) => {
                check_version(version, *v)?;
                sqlx::query("UPDATE organisation_notes SET notes = $1, version = version + 1, updated_at = $2 WHERE tenant_id = $3 AND organisation_id = $4")
                    .bind(notes)
                    .bind(now())
                    .bind(actor.tenant_id)
                    .bind(id)
                    .execute(&mut *tx)
                    .await?;
            }
            None => {
                sqlx::query("INSERT INTO organisation_notes (tenant_id, organisation_id, notes, updated_at) VALUES ($1, $2, $3, $4)")
                    .bind(actor.tenant_id)
                    .bind(id)
                    .bind(notes)
                    .bind(now())
                    .execute(&mut *tx)
                    .await?;
            }
        }
        let wrap = |s: &str| serde_json::json!({ "notes": s });
        let before_json = before.as_ref().map(|(n, _)| wrap(n));
        record(
            &mut tx,
            actor,
            "organisation",
            id,
            "notes",
            before_json.as_ref(),
            Some(&wrap(notes)),
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// The history of an organisation the tenant can see. Catalogue entries
    /// show catalogue edits from any tenant's platform admins, plus this
    /// tenant's notes.
    pub async fn organisation_history(
        &self,
        tenant_id: i64,
        id: i64,
    ) -> Result<Vec<AuditEntry>, StoreError> {
        let org = self.organisation(tenant_id, id).await?;
        if org.tenant_id.is_some() {
            return self.history(tenant_id, "organisation", id).await;
        }
        let mut own = self.history(tenant_id, "organisation", id).await?;
        // What others did to a catalogue entry is kept while no tenant's
        // data changes.
        let today = chrono::Utc::now().date_naive();
        let shared = self
            .kept_everywhere("catalogue history", (id, tenant_id), today, || {
                self.history_where("entity = 'organisation' AND entity_id = $1 AND action <> 'notes' AND (tenant_id IS NULL OR tenant_id <> $2)", id, tenant_id)
            })
            .await?
            .as_ref()
            .clone();
        own.extend(shared);
        own.sort_by(|a, b| b.at.cmp(&a.at).then(b.id.cmp(&a.id)));
        Ok(own)
    }
}

fn from_cmd(
    id: i64,
    tenant_id: Option<i64>,
    slug: String,
    c: &OrganisationCmd,
    version: i64,
) -> Organisation {
    Organisation {
        id,
        tenant_id,
        slug,
        name: c.name.clone(),
        acronym: c.acronym.clone(),
        aliases: c.aliases.clone(),
        kind: c.kind,
        headquarters: c.headquarters.clone(),
        founded: c.founded,
        website: c.website.clone(),
        themes: c.themes.clone(),
        notice_months: c.notice_months,
        written_notice: c.written_notice,
        notice_valid_from: c.notice_valid_from,
        fee_basis: c.fee_basis.clone(),
        version,
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn slugs_from_names() {
        assert_eq!(super::slugify("Energy Cities"), "energy-cities");
        assert_eq!(
            super::slugify("Sveriges Ekokommuner (Sekom)"),
            "sveriges-ekokommuner-sekom"
        );
        assert_eq!(super::slugify("2030 Network"), "org-2030-network");
        assert!(oversyn_core::validate::slug(&super::slugify("Ärlig Återbruk Öst")).is_ok());
    }
}
