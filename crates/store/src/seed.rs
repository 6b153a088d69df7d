//! Seeding: the shared catalogue (on every start, adding what is missing)
//! and the Stockholm 2011 demo tenant (safe to load any number of times).

use crate::audit::Actor;
use crate::codec::{list_out, now};
use crate::{Store, StoreError};
use oversyn_core::catalogue::{ENTRIES, LINKS};
use oversyn_core::demo::{self, DemoFeeKind};
use oversyn_core::fees::Fee;
use oversyn_core::register::input::{BodyCmd, MembershipCmd, PersonCmd, SeatCmd};
use oversyn_core::{Code, Role};
use sqlx::Row;

/// What loading the demo did, for the command to report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DemoLoaded {
    pub tenant_id: i64,
    pub user_email: String,
    /// A fresh password for the demo user, set on every load.
    pub password: String,
    pub added: usize,
}

impl Store {
    /// Adds catalogue entries and relations that are missing; leaves
    /// existing ones (which users may have corrected) alone.
    pub async fn seed_catalogue(&self) -> Result<usize, StoreError> {
        let mut tx = self.write_tx().await?;
        let mut added = 0;
        for e in ENTRIES {
            let exists: i64 = sqlx::query_scalar(
                "SELECT COUNT(*) FROM organisations WHERE tenant_id IS NULL AND slug = $1",
            )
            .bind(e.slug)
            .fetch_one(&mut *tx)
            .await?;
            if exists > 0 {
                continue;
            }
            let t = now();
            let aliases: Vec<String> = e.aliases.iter().map(|s| s.to_string()).collect();
            let themes: Vec<String> = e.themes.iter().map(|s| s.to_string()).collect();
            let id: i64 = sqlx::query_scalar(
                "INSERT INTO organisations (tenant_id, slug, name, acronym, aliases, kind, headquarters, founded, website, themes,
                 notice_months, written_notice, fee_basis, created_at, updated_at)
                 VALUES (NULL, $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $13) RETURNING id",
            )
            .bind(e.slug)
            .bind(e.name)
            .bind(e.acronym)
            .bind(list_out(&aliases))
            .bind(e.kind.code())
            .bind(e.headquarters)
            .bind(e.founded.map(i64::from))
            .bind(e.website)
            .bind(list_out(&themes))
            .bind(e.notice_months.map(i64::from))
            .bind(i64::from(e.written_notice))
            .bind(e.fee_basis)
            .bind(&t)
            .fetch_one(&mut *tx)
            .await?;
            for f in e.facts {
                sqlx::query("INSERT INTO organisation_facts (organisation_id, topic, text, source, as_of, valid_to) VALUES ($1, $2, $3, $4, $5, $6)")
                    .bind(id)
                    .bind(f.topic)
                    .bind(f.text)
                    .bind(f.source)
                    .bind(f.as_of)
                    .bind(f.valid_to)
                    .execute(&mut *tx)
                    .await?;
            }
            for b in e.bodies {
                sqlx::query("INSERT INTO organisation_bodies (organisation_id, name, cadence) VALUES ($1, $2, $3)")
                    .bind(id)
                    .bind(b.name)
                    .bind(b.cadence)
                    .execute(&mut *tx)
                    .await?;
            }
            added += 1;
        }
        for l in LINKS {
            let ids = sqlx::query(
                "SELECT a.id AS a, b.id AS b FROM organisations a, organisations b
                 WHERE a.tenant_id IS NULL AND b.tenant_id IS NULL AND a.slug = $1 AND b.slug = $2",
            )
            .bind(l.from)
            .bind(l.to)
            .fetch_optional(&mut *tx)
            .await?;
            let Some(ids) = ids else { continue };
            let (a, b): (i64, i64) = (ids.try_get("a")?, ids.try_get("b")?);
            let exists: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM organisation_relations WHERE from_id = $1 AND to_id = $2 AND kind = $3")
                .bind(a)
                .bind(b)
                .bind(l.kind.code())
                .fetch_one(&mut *tx)
                .await?;
            if exists == 0 {
                sqlx::query("INSERT INTO organisation_relations (from_id, to_id, kind, source) VALUES ($1, $2, $3, $4)")
                    .bind(a)
                    .bind(b)
                    .bind(l.kind.code())
                    .bind(l.source)
                    .execute(&mut *tx)
                    .await?;
            }
        }
        tx.commit().await?;
        Ok(added)
    }

    /// Loads the Stockholm 2011 demo as tenant `stockholm`. Records that are
    /// already there (matched by name, or by body and organisation) are kept,
    /// so a second load adds nothing.
    pub async fn load_demo(&self) -> Result<DemoLoaded, StoreError> {
        self.seed_catalogue().await?;
        let tenant = match self.tenant_by_slug(demo::TENANT_SLUG).await {
            Ok(t) => t,
            Err(StoreError::NotFound) => {
                self.create_tenant(demo::TENANT_SLUG, demo::TENANT_NAME)
                    .await?
            }
            Err(e) => return Err(e),
        };
        let actor = Actor {
            tenant_id: tenant.id,
            user_id: None,
            label: "demo".into(),
        };
        let mut added = 0;
        if !self.has_profile(tenant.id).await? {
            self.set_profile(&actor, &demo::profile()).await?;
            added += 1;
        }
        let strategies: i64 =
            sqlx::query_scalar("SELECT COUNT(*) FROM strategies WHERE tenant_id = $1")
                .bind(tenant.id)
                .fetch_one(self.pool())
                .await?;
        if strategies == 0 {
            self.save_strategy(&actor, &demo::strategy()).await?;
        }

        let mut bodies = std::collections::HashMap::new();
        let existing = self.bodies(tenant.id).await?;
        for b in demo::BODIES {
            let id = match existing.iter().find(|x| x.name == b.name) {
                Some(x) => x.id,
                None => {
                    added += 1;
                    let cmd = BodyCmd {
                        name: b.name.into(),
                        kind: b.kind,
                        abbreviation: b.abbreviation.map(Into::into),
                        version: None,
                    };
                    self.create_body(&actor, &cmd).await?.id
                }
            };
            bodies.insert(b.key, id);
        }

        let mut persons = std::collections::HashMap::new();
        let existing = self.persons(tenant.id).await?;
        for p in demo::PERSONS {
            let id = match existing.iter().find(|x| x.name == p.name) {
                Some(x) => x.id,
                None => {
                    added += 1;
                    let cmd = PersonCmd {
                        name: p.name.into(),
                        kind: p.kind,
                        party: p.party.map(Into::into),
                        side: p.side,
                        department: p.department.map(Into::into),
                        email: None,
                        version: None,
                    };
                    self.create_person(&actor, &cmd).await?.id
                }
            };
            persons.insert(p.key, id);
        }

        let existing = self.memberships(tenant.id).await?;
        for m in demo::MEMBERSHIPS {
            let org = self.organisation_by_slug(tenant.id, m.organisation).await?;
            let body_id = bodies[m.body];
            if existing
                .iter()
                .any(|x| x.body_id == body_id && x.organisation_id == org.id)
            {
                continue;
            }
            let (fee, fee_illustrative) = match &m.fee {
                DemoFeeKind::Unknown => (Fee::Unknown, false),
                DemoFeeKind::NoFee => (Fee::NoFee, false),
                DemoFeeKind::Illustrative(f) => (
                    Fee::Amount {
                        minor: f.minor,
                        currency: f.currency.into(),
                        year: Some(f.year),
                    },
                    true,
                ),
            };
            let cmd = MembershipCmd {
                body_id,
                organisation_id: org.id,
                mtype: m.mtype,
                status: m.status,
                since: None,
                until: None,
                fee,
                fee_illustrative,
                contact_person_id: None,
                notes: Some(m.notes.into()),
                version: None,
            };
            self.create_membership(&actor, &cmd).await?;
            added += 1;
        }

        let existing = self.seats(tenant.id).await?;
        for s in demo::SEATS {
            let org = self.organisation_by_slug(tenant.id, s.organisation).await?;
            if existing.iter().any(|x| {
                x.organisation_id == org.id && x.org_body == s.org_body && x.kind == s.kind
            }) {
                continue;
            }
            let cmd = SeatCmd {
                organisation_id: org.id,
                person_id: s.person.map(|p| persons[p]),
                kind: s.kind,
                org_body: s.org_body.into(),
                title: s.title.map(Into::into),
                from: None,
                until: None,
                notes: Some(s.notes.into()),
                appointed_by: None,
                deputy_person_id: None,
                version: None,
            };
            self.create_seat(&actor, &cmd).await?;
            added += 1;
        }

        let user = match self.user_by_email(tenant.id, demo::DEMO_EMAIL).await {
            Ok(u) => u,
            Err(StoreError::NotFound) => {
                self.create_user(tenant.id, demo::DEMO_EMAIL, Role::Admin, false)
                    .await?
                    .0
            }
            Err(e) => return Err(e),
        };
        added += self.load_demo_review(&actor).await?;
        added += self.load_demo_case(&actor).await?;
        added += self.load_demo_events(&actor).await?;
        let password = crate::auth::random_password();
        self.set_password(user.id, &password).await?;
        Ok(DemoLoaded {
            tenant_id: tenant.id,
            user_email: user.email,
            password,
            added,
        })
    }

    /// The events of the demo (see `demo::events`).
    async fn load_demo_events(&self, actor: &Actor) -> Result<usize, StoreError> {
        let existing = self.events(actor.tenant_id).await?;
        let mut added = 0;
        for e in demo::events::EVENTS {
            if existing.iter().any(|x| x.fields.title == e.title) {
                continue;
            }
            let org = self
                .organisation_by_slug(actor.tenant_id, e.organisation)
                .await?;
            let date = |s: &str| {
                chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("demo dates are valid")
            };
            let fields = crate::followup::EventFields {
                organisation_id: org.id,
                kind: e.kind.into(),
                title: e.title.into(),
                starts_on: date(e.starts_on),
                ends_on: date(e.ends_on),
                place: e.place.into(),
                remote: false,
                stream_url: None,
                public: true,
                notes: demo::SOURCE.into(),
            };
            self.create_event(actor, &fields).await?;
            added += 1;
        }
        Ok(added)
    }

    /// The 2011 case with its positions and decisions (see `demo::case`).
    async fn load_demo_case(&self, actor: &Actor) -> Result<usize, StoreError> {
        use demo::case as c;
        use oversyn_core::cases::text::{persons_from_text, points_from_text};
        use oversyn_core::cases::{
            Adopted, CaseFields, CaseNumber, Decision, Position, PositionKind, Stage,
        };
        if self
            .cases(actor.tenant_id)
            .await?
            .iter()
            .any(|x| x.fields.reference == c::REFERENCE)
        {
            return Ok(0);
        }
        let date = |s: &str| {
            chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("demo dates are valid")
        };
        if self
            .setting(actor.tenant_id, crate::cases::CASE_NUMBER_PATTERN)
            .await?
            .is_none()
        {
            self.set_case_number_pattern(actor.tenant_id, c::NUMBER_PATTERN)
                .await?;
        }
        let memberships = self.memberships(actor.tenant_id).await?;
        let mut membership_ids = Vec::new();
        for slug in demo::review::ORGANISATIONS {
            let org = self.organisation_by_slug(actor.tenant_id, slug).await?;
            membership_ids.extend(
                memberships
                    .iter()
                    .filter(|m| m.organisation_id == org.id)
                    .map(|m| m.id),
            );
        }
        let review_id = self
            .reviews(actor.tenant_id)
            .await?
            .iter()
            .find(|x| x.title == demo::review::TITLE)
            .map(|x| x.id);
        let fields = CaseFields {
            number: CaseNumber::parse_with(c::NUMBER, c::NUMBER_PATTERN),
            reference: c::REFERENCE.into(),
            title: c::TITLE.into(),
            language: "sv".into(),
            document_date: Some(date(c::DATE)),
            rapporteur: c::RAPPORTEUR.into(),
            route: c::ROUTE
                .iter()
                .map(|b| Stage {
                    body: (*b).into(),
                    date: None,
                })
                .collect(),
            proposal: points_from_text(c::PROPOSAL),
            matter: c::MATTER.into(),
            preparation: c::PREPARATION.into(),
            views: c::VIEWS.into(),
            statement: c::STATEMENT.into(),
            review_id,
            membership_ids,
        };
        let positions = c::POSITIONS
            .iter()
            .map(|p| Position {
                seq: 0,
                body: p.body.into(),
                kind: if p.reservation {
                    PositionKind::Reservation
                } else {
                    PositionKind::Statement
                },
                persons: persons_from_text(p.persons),
                refers_to: p.refers_to,
                points: points_from_text(p.points),
                text: p.text.into(),
                seconded_by: Vec::new(),
            })
            .collect();
        // The source: "Borgarrådsberedningen tillstyrker …"; the last body decides.
        let last = c::DECISIONS.len().saturating_sub(1);
        let decisions = c::DECISIONS
            .iter()
            .enumerate()
            .map(|(i, (body, d))| Decision {
                body: (*body).into(),
                kind: if i < last {
                    oversyn_core::cases::DecisionKind::Recommended
                } else {
                    oversyn_core::cases::DecisionKind::Adopted
                },
                adopted: Adopted::Proposal,
                decided_on: date(d),
                votes_for: None,
                votes_against: None,
                abstentions: None,
                absent: None,
                votes: None,
                roll_call: Vec::new(),
                date_illustrative: true,
                paragraph: None,
                adjusted_on: None,
                published_on: None,
                legal_force_on: None,
            })
            .collect();
        let new = crate::cases::NewCase {
            fields,
            positions,
            decisions,
            source: "demo".into(),
        };
        self.create_case(actor, &new).await?;
        Ok(1)
    }

    /// The illustrative 2011 review with its answers (see `demo::review`).
    async fn load_demo_review(&self, actor: &Actor) -> Result<usize, StoreError> {
        use demo::review as r;
        use oversyn_core::review::answers::Answer;
        use oversyn_core::review::questionnaire::{QuestionKind, default_questionnaire};
        if self
            .reviews(actor.tenant_id)
            .await?
            .iter()
            .any(|x| x.title == r::TITLE)
        {
            return Ok(0);
        }
        let strategy = self.current_strategy(actor).await?;
        let date = |s: &str| {
            chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("demo dates are valid")
        };
        let memberships = self.memberships(actor.tenant_id).await?;
        let mut scope = Vec::new();
        for slug in r::ORGANISATIONS {
            let org = self.organisation_by_slug(actor.tenant_id, slug).await?;
            if let Some(m) = memberships.iter().find(|m| m.organisation_id == org.id) {
                scope.push((*slug, m.id));
            }
        }
        let new = crate::reviews::NewReview {
            title: r::TITLE.into(),
            opens_on: date(r::OPENS_ON),
            closes_on: date(r::CLOSES_ON),
            anonymous: false,
            min_group: 3,
            reminder_max: 2,
            reminder_days: 7,
            illustrative: true,
            memberships: scope.iter().map(|(_, m)| *m).collect(),
        };
        let review = self
            .create_review(
                actor,
                strategy.id,
                &new,
                &default_questionnaire(&strategy.strategy),
            )
            .await?;
        let questions = self.questions(review.id).await?;
        let day = review.opens_on;
        for (slug, membership_id) in &scope {
            for i in 0..r::RESPONDENTS {
                let name = format!(
                    "Svarande {} – {} (illustrativ)",
                    (b'A' + i as u8) as char,
                    slug.to_uppercase()
                );
                let who = crate::reviews::NewRespondent {
                    person_id: None,
                    name,
                    email: None,
                    lang: "sv".into(),
                    memberships: vec![*membership_id],
                };
                let respondent = self.add_respondent(actor, review.id, &who).await?;
                sqlx::query(
                    "UPDATE respondents SET invited_at = $1, last_contact_at = $1 WHERE id = $2",
                )
                .bind(format!("{}T08:00:00.000Z", r::OPENS_ON))
                .bind(respondent.id)
                .execute(self.pool())
                .await?;
                let token = self.issue_link(actor.tenant_id, respondent.id).await?;
                let ctx = self.open_link(&token).await?.ok_or(StoreError::NotFound)?;
                let mut changes = Vec::new();
                let mut per_criterion = std::collections::HashMap::new();
                for q in &questions {
                    let answer = match (q.kind, &q.criterion) {
                        (QuestionKind::Scale, Some(c)) => {
                            let n = per_criterion.entry(c.clone()).or_insert(0usize);
                            let a = r::answer(slug, c, i, *n)
                                .map(Answer::Scale)
                                .unwrap_or(Answer::DontKnow);
                            *n += 1;
                            Some(a)
                        }
                        (QuestionKind::YesNo, _) => Some(Answer::YesNo(r::declined(slug, i))),
                        (QuestionKind::Text, _) => {
                            r::comment(slug, i).map(|t| Answer::Text(t.into()))
                        }
                        _ => None,
                    };
                    if let Some(a) = answer {
                        changes.push((*membership_id, q.id, Some(a)));
                    }
                }
                self.save_answers(&ctx, day, &changes).await?;
                self.submit_ballot(&ctx, day).await?;
            }
        }
        Ok(1)
    }
}
