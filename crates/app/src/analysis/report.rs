//! Assembles the review report from the analysis, the results and the
//! register, and renders it as HTML, PDF or DOCX.

use super::{Analysis, analyse};
use crate::Format;
use oversyn_core::analysis::Category;
use oversyn_core::analysis::sensitivity::sweeps;
use oversyn_core::analysis::value::contributions;
use oversyn_core::{Code, Lang};
use oversyn_documents::figures::{Figures, figures};
use oversyn_documents::report::{Report, ResultRow, Section, category, text};
use oversyn_i18n::Text;
use oversyn_store::{Store, StoreError};

fn fmt(v: Option<f64>) -> String {
    v.map(|x| {
        if x.fract() == 0.0 {
            format!("{x:.0}")
        } else {
            format!("{x:.1}")
        }
    })
    .unwrap_or_else(|| "–".into())
}

pub async fn build(
    store: &Store,
    tenant_id: i64,
    review_id: i64,
    lang: Lang,
) -> Result<Report, StoreError> {
    let a = analyse(store, tenant_id, review_id).await?;
    assemble(store, tenant_id, &a, lang).await
}

/// The report of an analysis already made (the analysis page has one).
pub async fn assemble(
    store: &Store,
    tenant_id: i64,
    a: &Analysis,
    lang: Lang,
) -> Result<Report, StoreError> {
    let review_id = a.review.id;
    let snap = crate::snapshot(store, tenant_id).await?;
    let tenant = store.tenant_by_id(tenant_id).await?;
    let questions = store.review_questions(tenant_id, review_id).await?;
    let rows = store.answer_rows(tenant_id, review_id).await?;
    let respondents = store.respondents(tenant_id, review_id).await?;
    let k = usize::try_from(a.review.min_group).unwrap_or(3);
    let strategy = store
        .strategy(tenant_id, a.review.strategy_id)
        .await?
        .strategy;
    let cells = oversyn_core::review::results::by_membership_and_criterion(
        &questions,
        &rows,
        &a.memberships
            .iter()
            .map(|m| m.evidence.membership_id)
            .collect::<Vec<_>>(),
        &strategy.criteria,
        k,
    );
    let mut sections = Vec::new();
    // The tenant's strategy and own decision documents on this review,
    // then the catalogue facts the sections cite.
    let pattern = store.case_number_pattern(tenant_id).await?;
    let profile = store.profile(tenant_id).await?;
    let cases = store.cases(tenant_id).await?;
    let mut sources: Vec<String> = std::iter::once(profile.strategy_reference.clone())
        .chain(
            cases
                .iter()
                .filter(|c| c.fields.review_id == Some(review_id))
                .map(|c| {
                    oversyn_core::cases::citation(
                        &c.fields.reference,
                        &crate::cases::documents::number_text(c, &pattern),
                    )
                }),
        )
        .filter(|s| !s.is_empty())
        .collect();
    for m in &a.memberships {
        let e = &m.evidence;
        let membership = snap.memberships.iter().find(|x| x.id == e.membership_id);
        let org = membership.and_then(|x| snap.organisation(x.organisation_id));
        let detail = match org {
            Some(o) => Some(store.organisation_detail(tenant_id, o.id).await?),
            None => None,
        };
        // A fact about another member city is not this tenant's evidence,
        // and one found after the review closed was not known then, nor
        // one that a newer fact had replaced by then.
        let concerns = |f: &&oversyn_store::register::OrgFact| {
            oversyn_core::catalogue::fact_concerns(&f.topic, &tenant.slug)
                && oversyn_core::catalogue::in_force_on(
                    &f.as_of,
                    f.valid_to.as_deref(),
                    a.review.closes_on,
                )
        };
        let facts: Vec<String> = detail
            .iter()
            .flat_map(|d| {
                d.facts.iter().filter(concerns).map(|f| {
                    // In the report's language; a fact not yet worded
                    // in Swedish says that it is in English.
                    let (said, in_lang) = oversyn_core::catalogue_sv::fact_text(&f.text, lang);
                    let mark = if in_lang {
                        String::new()
                    } else {
                        format!(" [{}]", text(lang, "review-report-fact-in-english"))
                    };
                    format!("{said}{mark} ({}; {})", f.as_of, f.source)
                })
            })
            .collect();
        if let Some(d) = &detail {
            sources.extend(d.facts.iter().filter(concerns).map(|f| f.source.clone()));
        }
        let seats = membership
            .map(|x| {
                snap.seats_in(x.organisation_id)
                    .iter()
                    .map(|s| {
                        format!(
                            "{} ({}){}",
                            s.org_body,
                            s.kind.code().replace('_', " "),
                            snap.person_name(s.person_id)
                                .map(|p| format!(": {p}"))
                                .unwrap_or_default()
                        )
                    })
                    .collect()
            })
            .unwrap_or_default();
        let results = strategy
            .criteria
            .iter()
            .filter_map(|c| {
                cells
                    .iter()
                    .find(|x| x.membership_id == e.membership_id && x.criterion == c.key)
                    .map(|x| (c, x))
            })
            .map(|(c, x)| ResultRow {
                criterion: c.name(lang).to_owned(),
                n: x.summary.n,
                dont_know: x.summary.dont_know,
                median: fmt(x.summary.median),
                median_ci: x
                    .summary
                    .median_ci
                    .map(|(l, h)| format!("{l:.0}–{h:.0}"))
                    .unwrap_or_else(|| "–".into()),
                agree: x
                    .summary
                    .share_agree
                    .map(|v| format!("{:.0} %", v * 100.0))
                    .unwrap_or_else(|| "–".into()),
                distribution: x.summary.distribution,
                suppressed: x.summary.suppressed,
            })
            .collect();
        let fee = match membership.map(|x| &x.fee) {
            Some(oversyn_core::fees::Fee::Amount {
                minor,
                currency,
                year,
            }) => {
                let illustrative = if membership.is_some_and(|x| x.fee_illustrative) {
                    format!(" ({})", text(lang, "fee-illustrative"))
                } else {
                    String::new()
                };
                // In kronor beside it, with the rate's year and source named.
                let sek = membership
                    .and_then(|x| snap.rates.fee_in_sek(&x.fee))
                    .and_then(|(ore, rate)| rate.map(|r| (ore, r)))
                    .map(|(ore, r)| {
                        format!(
                            " ≈ {} kr ({} kr/{currency}, {}; {})",
                            oversyn_core::fees::format_minor(oversyn_core::fees::round_to_whole(
                                ore
                            )),
                            r.display(lang == Lang::Sv),
                            r.year,
                            r.source
                        )
                    })
                    .unwrap_or_default();
                format!(
                    "{} {currency}{}{sek}{illustrative}",
                    oversyn_core::fees::format_minor(*minor),
                    year.map(|y| format!(" ({y})")).unwrap_or_default()
                )
            }
            Some(oversyn_core::fees::Fee::NoFee) => text(lang, "fee-none"),
            _ => text(lang, "fee-unknown"),
        };
        // Outcome reports from the organisation's events are evidence too.
        let mut texts = oversyn_core::review::results::texts(e.membership_id, &rows);
        if let Some(o) = org {
            for (event, r) in store.organisation_reports(tenant_id, o.id).await? {
                let parts: Vec<String> = [
                    (text(lang, "outcome-learned"), &r.learned),
                    (text(lang, "outcome-shared"), &r.shared),
                    (text(lang, "outcome-influenced"), &r.influenced),
                ]
                .iter()
                .filter(|(_, t)| !t.is_empty())
                .map(|(k, t)| format!("{k}: {t}"))
                .collect();
                texts.push(format!("{event} ({}): {}", r.traveller, parts.join("; ")));
            }
        }
        if let Some(co2) = e.co2_kg {
            texts.push(lang.t_args(
                "review-report-travel",
                &[
                    ("days", format!("{:.1}", e.travel_days)),
                    ("co2", format!("{co2:.0}")),
                ],
            ));
        }
        sections.push(Section {
            label: e.organisation.clone(),
            name: org
                .map(|o| o.name.clone())
                .unwrap_or_else(|| e.organisation.clone()),
            body: membership
                .map(|x| snap.body_name(x.body_id))
                .unwrap_or_default(),
            fee,
            facts,
            seats,
            results,
            benefit_index: m.outcome.benefit_index,
            cost_index: m.outcome.cost_index,
            recommendation: recommendation_text(m, lang),
            reasons: reasons_text(m, lang),
            flags: m.outcome.flags.clone(),
            probabilities: m
                .probabilities
                .iter()
                .filter(|(_, p)| **p > 0.0)
                .map(|(c, p)| (category(lang, c.code()).to_owned(), *p))
                .collect(),
            stability: a
                .criteria
                .iter()
                .zip(&m.stability)
                .map(|(c, (l, h))| (c.name(lang).to_owned(), *l, *h))
                .collect(),
            texts,
            contributions: contributions(&e.benefit, &a.weights),
            shares: Category::DECIDED
                .into_iter()
                .chain([Category::InsufficientEvidence])
                .map(|c| {
                    let p = m.probabilities.get(&c).copied().unwrap_or(0.0);
                    (c.code().to_owned(), p)
                })
                .collect(),
        });
    }
    sources.sort();
    sources.dedup();
    Ok(Report {
        lang: lang.to_owned(),
        city: tenant.name,
        review_title: a.review.title.clone(),
        date: a.review.closes_on.to_string(),
        illustrative: a.review.illustrative,
        criteria: a
            .criteria
            .iter()
            .zip(&a.weights)
            .map(|(c, w)| (c.name(lang).to_owned(), *w))
            .collect(),
        questions: questions.iter().map(|q| q.text(lang).to_owned()).collect(),
        respondents: respondents.len(),
        answered: respondents
            .iter()
            .filter(|r| r.submitted_at.is_some())
            .count(),
        sections,
        sources,
        sweeps: sweeps(
            &a.memberships
                .iter()
                .map(|m| m.evidence.clone())
                .collect::<Vec<_>>(),
            &a.weights,
        ),
    })
}

#[derive(Debug, thiserror::Error)]
pub enum RenderError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("{0}")]
    Render(String),
}

/// The report as [`render`] makes it, made once per state of the tenant's
/// data and day and kept (a PDF takes a fifth of a second).
pub async fn render_kept(
    store: &Store,
    tenant_id: i64,
    review_id: i64,
    lang: Lang,
    format: Format,
) -> Result<Vec<u8>, RenderError> {
    Ok(render_shared(store, tenant_id, review_id, lang, format)
        .await?
        .as_ref()
        .clone())
}

/// The report as kept in this server's memory, shared without a copy: a
/// national review's PDF is 2 MB.
pub async fn render_shared(
    store: &Store,
    tenant_id: i64,
    review_id: i64,
    lang: Lang,
    format: Format,
) -> Result<std::sync::Arc<Vec<u8>>, RenderError> {
    let what = match format {
        Format::Html => "report html",
        Format::Docx => "report docx",
        Format::Pdf => "report pdf",
    };
    let today = chrono::Utc::now().date_naive();
    let kept = store
        .remembered_weighed(
            tenant_id,
            what,
            (review_id, i64::from(lang.is_en())),
            today,
            || render(store, tenant_id, review_id, lang, format),
            Vec::len,
        )
        .await?;
    Ok(kept)
}

/// The report of a review as bytes in the chosen format.
pub async fn render(
    store: &Store,
    tenant_id: i64,
    review_id: i64,
    lang: Lang,
    format: Format,
) -> Result<Vec<u8>, RenderError> {
    let r = build(store, tenant_id, review_id, lang).await?;
    let figures: Figures = figures(&r);
    match format {
        Format::Html => Ok(oversyn_documents::html::page(&r, &figures).into_bytes()),
        Format::Docx => {
            // Drawing a dozen bitmaps is CPU-bound too.
            tokio::task::spawn_blocking(move || oversyn_documents::docx::document(&r, &figures))
                .await
                .map_err(|e| RenderError::Render(e.to_string()))?
                .map_err(RenderError::Render)
        }
        Format::Pdf => {
            let source = oversyn_documents::typst::source(&r, &figures);
            let files = oversyn_documents::typst::files(&figures).map_err(RenderError::Render)?;
            // Typst is CPU-bound; keep it off the async workers.
            tokio::task::spawn_blocking(move || {
                let files: Vec<(&str, &[u8])> = files
                    .iter()
                    .map(|(n, b)| (n.as_str(), b.as_slice()))
                    .collect();
                oversyn_pdf::render(&source, &files)
            })
            .await
            .map_err(|e| RenderError::Render(e.to_string()))?
            .map_err(|e| RenderError::Render(e.to_string()))
        }
    }
}

/// The recommendation in force; when an official changed it, the analysed one beside it.
fn recommendation_text(m: &super::Analysed, lang: Lang) -> String {
    let in_force = category(lang, m.final_category().code());
    match &m.overridden {
        Some(_) => lang.t_args(
            "review-report-recommendation-changed",
            &[
                ("final", in_force),
                ("analysed", category(lang, m.outcome.category.code())),
            ],
        ),
        None => in_force,
    }
}

/// The official's justification first, then the analysis' reasons, strategic fit and survey uncertainty.
fn reasons_text(m: &super::Analysed, lang: Lang) -> Vec<String> {
    let mut out = Vec::new();
    if let Some(o) = &m.overridden {
        out.push(lang.t_args(
            "review-report-justification",
            &[
                ("by", o.created_by.to_string()),
                ("at", o.created_at.to_string()),
                ("text", o.justification.clone()),
            ],
        ));
    }
    out.extend(
        m.outcome
            .reasons
            .iter()
            .map(|r| lang.pick(&r.sv, &r.en).clone()),
    );
    if let Some(share) = m.evidence.goal_fit {
        let percent = (share * 100.0).round();
        let goals = m.served_goals.join(", ");
        let percent = format!("{percent:.0}");
        out.push(if goals.is_empty() {
            lang.t1("review-report-fit-none", "percent", percent)
        } else {
            lang.t_args(
                "review-report-fit",
                &[("percent", percent), ("goals", goals)],
            )
        });
    }
    let b = &m.bootstrap;
    if let Some((lo, hi)) = b.index_90 {
        let same = b
            .probabilities
            .get(&m.outcome.category)
            .copied()
            .unwrap_or(0.0)
            * 100.0;
        out.push(lang.t_args(
            "review-report-survey-uncertainty",
            &[
                ("same", format!("{same:.0}")),
                ("draws", b.draws.to_string()),
                ("low", format!("{lo:.0}")),
                ("high", format!("{hi:.0}")),
            ],
        ));
    }
    out
}
