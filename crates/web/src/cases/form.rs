//! The case form: what an official types, parsed into the core's fields
//! (errors per field, the typed input kept), and the draft made from a review.

use chrono::NaiveDate;
use oversyn_app::analysis::analyse;
use oversyn_core::FieldErrors;
use oversyn_core::Lang;
use oversyn_core::cases::draft::{
    Recommended, default_effective, notice_months, points, statement,
};
use oversyn_core::cases::text::{points_from_text, points_to_text};
use oversyn_core::cases::{CaseFields, CaseNumber, Stage};
use oversyn_store::cases::StoredCase;
use oversyn_store::{Store, StoreError};
use serde::Deserialize;

/// The form as typed; `route` is one body per line, `proposal` one point per line.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct CaseInput {
    pub number: String,
    pub reference: String,
    pub title: String,
    pub language: String,
    pub document_date: String,
    pub rapporteur: String,
    pub route: String,
    pub proposal: String,
    pub matter: String,
    pub preparation: String,
    pub views: String,
    pub statement: String,
    pub review_id: String,
    pub memberships: Vec<String>,
    pub version: String,
}

impl CaseInput {
    /// Reads posted pairs; `membership` repeats, one per checked box.
    pub fn from_pairs(pairs: Vec<(String, String)>) -> CaseInput {
        let mut c = CaseInput::default();
        for (k, v) in pairs {
            match k.as_str() {
                "number" => c.number = v,
                "reference" => c.reference = v,
                "title" => c.title = v,
                "language" => c.language = v,
                "document_date" => c.document_date = v,
                "rapporteur" => c.rapporteur = v,
                "route" => c.route = v,
                "proposal" => c.proposal = v,
                "matter" => c.matter = v,
                "preparation" => c.preparation = v,
                "views" => c.views = v,
                "statement" => c.statement = v,
                "review_id" => c.review_id = v,
                "membership" => c.memberships.push(v),
                "version" => c.version = v,
                _ => {}
            }
        }
        c
    }

    pub fn from_stored(c: &StoredCase, pattern: &str) -> CaseInput {
        let f = &c.fields;
        CaseInput {
            number: f
                .number
                .as_ref()
                .map(|n| n.render(pattern))
                .unwrap_or_default(),
            reference: f.reference.clone(),
            title: f.title.clone(),
            language: f.language.clone(),
            document_date: f.document_date.map(|d| d.to_string()).unwrap_or_default(),
            rapporteur: f.rapporteur.clone(),
            route: f
                .route
                .iter()
                .map(|s| s.body.as_str())
                .collect::<Vec<_>>()
                .join("\n"),
            proposal: points_to_text(&f.proposal),
            matter: f.matter.clone(),
            preparation: f.preparation.clone(),
            views: f.views.clone(),
            statement: f.statement.clone(),
            review_id: f.review_id.map(|r| r.to_string()).unwrap_or_default(),
            memberships: f.membership_ids.iter().map(i64::to_string).collect(),
            version: c.version.to_string(),
        }
    }

    pub fn has_membership(&self, id: &i64) -> bool {
        self.memberships.contains(&id.to_string())
    }

    pub fn version(&self) -> Option<i64> {
        self.version.trim().parse().ok()
    }

    /// The fields, or every problem at once.
    pub fn parse(&self, pattern: &str) -> Result<CaseFields, FieldErrors> {
        let mut e = FieldErrors::new();
        let number = match self.number.trim() {
            "" => None,
            n => {
                let parsed = CaseNumber::parse_with(n, pattern)
                    .or_else(|| CaseNumber::parse_any(n).map(|(n, _)| n));
                if parsed.is_none() {
                    e.add("number", "error-case-number");
                }
                parsed
            }
        };
        let document_date = match self.document_date.trim() {
            "" => None,
            d => {
                let parsed = NaiveDate::parse_from_str(d, "%Y-%m-%d").ok();
                if parsed.is_none() {
                    e.add("document_date", "error-date");
                }
                parsed
            }
        };
        let review_id = match self.review_id.trim() {
            "" => None,
            r => {
                let parsed = r.parse().ok();
                if parsed.is_none() {
                    e.add("review_id", "error-choose");
                }
                parsed
            }
        };
        let membership_ids = self
            .memberships
            .iter()
            .filter_map(|m| m.parse().ok())
            .collect();
        let fields = CaseFields {
            number,
            reference: self.reference.trim().to_owned(),
            title: self.title.trim().to_owned(),
            language: if self.language.is_empty() {
                "sv".into()
            } else {
                self.language.clone()
            },
            document_date,
            rapporteur: self.rapporteur.trim().to_owned(),
            route: self
                .route
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .map(|b| Stage {
                    body: b.to_owned(),
                    date: None,
                })
                .collect(),
            proposal: points_from_text(&self.proposal),
            matter: self.matter.trim().to_owned(),
            preparation: self.preparation.trim().to_owned(),
            views: self.views.trim().to_owned(),
            statement: self.statement.trim().to_owned(),
            review_id,
            membership_ids,
        };
        if let Err(more) = fields.validate() {
            e.0.extend(more.0);
        }
        e.into_result(|| fields)
    }
}

/// A new case drafted from a review: its memberships, the official
/// statement and the proposal's points from the recommendations.
pub async fn draft_from_review(
    store: &Store,
    tenant_id: i64,
    review_id: i64,
    lang: Lang,
) -> Result<CaseInput, StoreError> {
    let a = analyse(store, tenant_id, review_id).await?;
    let snap = oversyn_app::snapshot(store, tenant_id).await?;
    let recommended: Vec<Recommended> = a
        .memberships
        .iter()
        .map(|m| {
            let org = snap
                .memberships
                .iter()
                .find(|x| x.id == m.evidence.membership_id)
                .map(|x| x.organisation_id);
            Recommended {
                organisation: m.evidence.organisation.clone(),
                category: m.outcome.category,
                reasons: m
                    .outcome
                    .reasons
                    .iter()
                    .map(|r| {
                        if lang == Lang::En {
                            r.en.clone()
                        } else {
                            r.sv.clone()
                        }
                    })
                    .collect(),
                has_seats: org.is_some_and(|o| !snap.seats_in(o).is_empty()),
            }
        })
        .collect();
    let leaving: Vec<Option<i32>> = a
        .memberships
        .iter()
        .filter(|m| m.outcome.category == oversyn_core::analysis::Category::Terminate)
        .filter_map(|m| {
            let x = snap
                .memberships
                .iter()
                .find(|x| x.id == m.evidence.membership_id)?;
            snap.organisation(x.organisation_id)
                .map(|o| o.notice_months)
        })
        .collect();
    let effective = default_effective(snap.today, notice_months(&leaving));
    let profile = store.profile(tenant_id).await?;
    Ok(CaseInput {
        title: a.review.title.clone(),
        language: lang.code().to_owned(),
        route: profile.route(lang),
        proposal: points_to_text(&points(&recommended, effective, lang, &profile)),
        statement: statement(&recommended, &a.review.title, lang, &profile),
        review_id: review_id.to_string(),
        memberships: a
            .memberships
            .iter()
            .map(|m| m.evidence.membership_id.to_string())
            .collect(),
        ..CaseInput::default()
    })
}
