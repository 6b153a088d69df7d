//! Events of an organisation (congresses, board meetings) and the journeys
//! made to them; travel totals per organisation and year feed the review's
//! cost evidence.

use crate::audit::{Actor, record};
use crate::codec::{code_in, date_in, date_out, now};
use crate::scope::{Kind, holds, require};
use crate::{Store, StoreError};
use oversyn_core::Code;
use oversyn_core::followup::input::{EventFields, check_journey};
use oversyn_core::followup::travel::{Mode, Totals, totals};
use serde::Serialize;
use sqlx::Row;
use sqlx::any::AnyRow;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StoredEvent {
    pub id: i64,
    pub fields: EventFields,
    pub journeys: Vec<Journey>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Journey {
    pub id: i64,
    pub person_id: Option<i64>,
    pub traveller: String,
    pub mode: Mode,
    pub from_place: String,
    pub to_place: String,
    pub distance_km: u32,
}

fn event_row(r: &AnyRow) -> Result<StoredEvent, sqlx::Error> {
    Ok(StoredEvent {
        id: r.try_get("id")?,
        fields: EventFields {
            organisation_id: r.try_get("organisation_id")?,
            kind: r.try_get("kind")?,
            title: r.try_get("title")?,
            starts_on: date_in(r.try_get("starts_on")?).unwrap_or_default(),
            ends_on: date_in(r.try_get("ends_on")?).unwrap_or_default(),
            place: r.try_get("place")?,
            remote: r.try_get::<i64, _>("remote")? != 0,
            stream_url: r.try_get("stream_url")?,
            public: r.try_get::<i64, _>("public")? != 0,
            notes: r.try_get("notes")?,
        },
        journeys: Vec::new(),
    })
}

fn journey_row(r: &AnyRow) -> Result<Journey, sqlx::Error> {
    Ok(Journey {
        id: r.try_get("id")?,
        person_id: r.try_get("person_id")?,
        traveller: r.try_get("traveller")?,
        mode: code_in(&r.try_get::<String, _>("mode")?),
        from_place: r.try_get("from_place")?,
        to_place: r.try_get("to_place")?,
        distance_km: u32::try_from(r.try_get::<i64, _>("distance_km")?).unwrap_or(0),
    })
}

impl Store {
    pub async fn events(&self, tenant_id: i64) -> Result<Vec<StoredEvent>, StoreError> {
        let rows = sqlx::query("SELECT * FROM events WHERE tenant_id = $1 ORDER BY starts_on, id")
            .bind(tenant_id)
            .fetch_all(self.pool())
            .await?;
        let mut events: Vec<StoredEvent> = rows.iter().map(event_row).collect::<Result<_, _>>()?;
        let journeys = sqlx::query("SELECT * FROM journeys WHERE tenant_id = $1 ORDER BY id")
            .bind(tenant_id)
            .fetch_all(self.pool())
            .await?;
        for j in &journeys {
            let event_id: i64 = j.try_get("event_id")?;
            if let Some(e) = events.iter_mut().find(|e| e.id == event_id) {
                e.journeys.push(journey_row(j)?);
            }
        }
        Ok(events)
    }

    pub async fn event(&self, tenant_id: i64, id: i64) -> Result<StoredEvent, StoreError> {
        self.events(tenant_id)
            .await?
            .into_iter()
            .find(|e| e.id == id)
            .ok_or(StoreError::NotFound)
    }

    pub async fn create_event(&self, actor: &Actor, f: &EventFields) -> Result<i64, StoreError> {
        f.validate().map_err(StoreError::Invalid)?;
        let mut tx = self.write_tx().await?;
        require(
            &mut tx,
            actor.tenant_id,
            Kind::Organisations,
            f.organisation_id,
            "organisation_id",
        )
        .await?;
        let t = now();
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO events (tenant_id, organisation_id, kind, title, starts_on, ends_on, place, remote, stream_url, public, notes, created_at, updated_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $12) RETURNING id",
        )
        .bind(actor.tenant_id)
        .bind(f.organisation_id)
        .bind(&f.kind)
        .bind(f.title.trim())
        .bind(date_out(Some(f.starts_on)))
        .bind(date_out(Some(f.ends_on)))
        .bind(&f.place)
        .bind(i64::from(f.remote))
        .bind(&f.stream_url)
        .bind(i64::from(f.public))
        .bind(&f.notes)
        .bind(&t)
        .fetch_one(&mut *tx)
        .await?;
        record(&mut tx, actor, "event", id, "create", None, Some(f)).await?;
        tx.commit().await?;
        Ok(id)
    }

    /// Adds a journey (one leg) to an event of the tenant.
    pub async fn add_journey(
        &self,
        actor: &Actor,
        event_id: i64,
        j: &Journey,
    ) -> Result<i64, StoreError> {
        check_journey(&j.traveller, &j.from_place, &j.to_place, j.distance_km)
            .map_err(StoreError::Invalid)?;
        let mut tx = self.write_tx().await?;
        if !holds(&mut tx, actor.tenant_id, Kind::Events, event_id).await? {
            return Err(StoreError::NotFound);
        }
        if let Some(p) = j.person_id {
            require(&mut tx, actor.tenant_id, Kind::Persons, p, "person_id").await?;
        }
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO journeys (tenant_id, event_id, person_id, traveller, mode, from_place, to_place, distance_km, created_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id",
        )
        .bind(actor.tenant_id)
        .bind(event_id)
        .bind(j.person_id)
        .bind(j.traveller.trim())
        .bind(j.mode.code())
        .bind(j.from_place.trim())
        .bind(j.to_place.trim())
        .bind(i64::from(j.distance_km))
        .bind(now())
        .fetch_one(&mut *tx)
        .await?;
        record(&mut tx, actor, "journey", id, "create", None, Some(j)).await?;
        tx.commit().await?;
        Ok(id)
    }

    /// Travel per organisation and year, from the journeys to its events.
    pub async fn travel_totals(
        &self,
        tenant_id: i64,
        organisation_id: i64,
        year: Option<i32>,
    ) -> Result<Totals, StoreError> {
        let events = self.events(tenant_id).await?;
        let legs: Vec<(Mode, u32)> = events
            .iter()
            .filter(|e| e.fields.organisation_id == organisation_id)
            .filter(|e| year.is_none_or(|y| chrono::Datelike::year(&e.fields.starts_on) == y))
            .flat_map(|e| e.journeys.iter().map(|j| (j.mode, j.distance_km)))
            .collect();
        Ok(totals(&legs))
    }
}
