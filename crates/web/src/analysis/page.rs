//! The analysis page and the report downloads; the API's analysis is
//! `api::analysis`.

use crate::AppState;
use crate::context::Signed;
use crate::error::PageError;
use crate::i18n::Lang;
use crate::i18n::Text;
use crate::views::Chrome;
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::response::Response;
use oversyn_app::analysis::report;
use oversyn_app::analysis::{Analysed, Analysis, analyse_shared};
use oversyn_core::analysis::Category;
use oversyn_documents::figures::figures;
use oversyn_documents::html::figure;
use oversyn_documents::report::text;

#[derive(Template)]
#[template(path = "reviews/analysis_content.html")]
struct AnalysisView {
    c: Chrome,
    a: std::sync::Arc<Analysis>,
    /// The report's charts as HTML (SVG, caption, table), escaped where they
    /// are made: beside the summary, per criterion, and for sensitivity.
    overview: Vec<String>,
    answers: Vec<String>,
    /// Each criterion's sensitivity page: its title and what happens on it.
    sensitivity: Vec<SensitivityLink>,
    /// Headings and texts of the chart sections, from the report's wording.
    answers_heading: String,
    sensitivity_heading: String,
    sensitivity_text: String,
}

/// A link to the sensitivity to one criterion's weight, with its counts in
/// words, so that the analysis page says what the charts behind it show.
struct SensitivityLink {
    n: usize,
    title: String,
    counts: String,
}

/// The sensitivity to one criterion's weight: a chart with its table, on a
/// page of its own, as a review of many memberships makes these large.
#[derive(Template)]
#[template(path = "reviews/sensitivity_content.html")]
struct SensitivityView {
    c: Chrome,
    /// The chart's title: the page's heading, short enough for a phone.
    heading: String,
    review_title: String,
    review: i64,
    n: usize,
    of: usize,
    figure: String,
}

impl AnalysisView {
    fn num(&self, v: &Option<f64>) -> String {
        v.map(|x| format!("{x:.0}")).unwrap_or_else(|| "–".into())
    }
    fn prob(&self, p: &std::collections::BTreeMap<Category, f64>, code: &str) -> String {
        p.iter()
            .find(|(c, _)| c.code() == code)
            .map(|(_, v)| format!("{:.0} %", v * 100.0))
            .unwrap_or_else(|| "0 %".into())
    }
    fn reason(&self, r: &oversyn_core::analysis::rules::Reason) -> String {
        if self.c.lang.code() == "en" {
            r.en.clone()
        } else {
            r.sv.clone()
        }
    }
    fn criterion(&self, i: &usize) -> String {
        self.a
            .criteria
            .get(*i)
            .map(|c| c.name(self.c.lang).to_owned())
            .unwrap_or_default()
    }
    fn cost(&self, v: &f64) -> String {
        format!("{v:.0}")
    }
    fn pct(&self, v: &f64) -> String {
        format!("{:.0} %", v * 100.0)
    }
    /// "Strategic fit: 50 % of the goals (Miljöhuvudstad)", or that it is unknown.
    fn fit(&self, m: &Analysed) -> String {
        match m.evidence.goal_fit {
            Some(_) if m.served_goals.is_empty() => self.c.t("analysis-fit-none"),
            Some(share) => self.c.t_args(
                "analysis-fit",
                &[
                    ("share", format!("{:.0}", share * 100.0)),
                    ("goals", m.served_goals.join(", ")),
                ],
            ),
            None => self.c.t("analysis-fit-unknown"),
        }
    }
    /// The bootstrap's shares of the analysed category and its 90 % interval.
    fn bootstrap(&self, m: &Analysed) -> String {
        let b = &m.bootstrap;
        let same = b
            .probabilities
            .get(&m.outcome.category)
            .copied()
            .unwrap_or(0.0);
        let interval = b
            .index_90
            .map(|(lo, hi)| format!("{lo:.0}–{hi:.0}"))
            .unwrap_or_else(|| "–".into());
        self.c.t_args(
            "analysis-bootstrap",
            &[
                ("draws", b.draws.to_string()),
                ("same", format!("{:.0}", same * 100.0)),
                ("interval", interval),
            ],
        )
    }
}

pub async fn page(
    State(state): State<AppState>,
    s: Signed,
    Path(id): Path<i64>,
) -> Result<Response, PageError> {
    // The page's title names the review; the analysis is kept, so asking
    // for it here costs nothing when the content is kept too.
    let a = analyse_shared(&state.store, s.tenant(), id).await?;
    let c = Chrome::signed(&s, "analysis-title").titled(&format!(
        "{} – {}",
        s.lang.t("analysis-title"),
        a.review.title
    ));
    let lang = s.lang;
    crate::kept::page(&state, &s, "analysis page", id, c, |c| async {
        // The report's charts beside the analysis.
        let report = report::assemble(&state.store, s.tenant(), &a, lang).await?;
        let f = figures(&report);
        let html = |list: &[oversyn_documents::charts::Figure]| -> Vec<String> {
            list.iter().map(|x| figure(x, lang, true)).collect()
        };
        let sensitivity = f
            .sensitivity
            .iter()
            .zip(&report.sweeps)
            .map(|(figure, sweep)| SensitivityLink {
                n: sweep.criterion + 1,
                title: figure.title.clone(),
                counts: c.t_args(
                    "analysis-sensitivity-counts",
                    &[
                        ("changes", sweep.changes.len().to_string()),
                        ("crossings", sweep.crossovers.len().to_string()),
                    ],
                ),
            })
            .collect();
        Ok(AnalysisView {
            overview: html(&f.overview),
            answers: html(&f.answers),
            sensitivity,
            c,
            a,
            answers_heading: text(lang, "answers"),
            sensitivity_heading: text(lang, "sensitivity-charts"),
            sensitivity_text: text(lang, "sensitivity-charts-text"),
        })
    })
    .await
}

/// The sensitivity to the weight of the review's `n`th criterion (from 1).
pub async fn sensitivity(
    State(state): State<AppState>,
    s: Signed,
    Path((id, n)): Path<(i64, usize)>,
) -> Result<Response, PageError> {
    let a = analyse_shared(&state.store, s.tenant(), id).await?;
    let lang = s.lang;
    let of = a.criteria.len();
    let (Some(criterion), Ok(part)) = (
        n.checked_sub(1).and_then(|k| a.criteria.get(k)),
        u32::try_from(n),
    ) else {
        return Err(PageError::NotFound);
    };
    let title = lang.t_args(
        "review-report-chart-sensitivity",
        &[("c", criterion.name(lang).to_lowercase())],
    );
    let c = Chrome::signed(&s, "analysis-title").titled(&format!("{title} – {}", a.review.title));
    let review_title = a.review.title.clone();
    let (store, tenant) = (&state.store, s.tenant());
    crate::kept::page_part(
        &state,
        &s,
        ("sensitivity page", id, part),
        c,
        |c| async move {
            let report = report::assemble(store, tenant, &a, lang).await?;
            // A criterion no weight can move has no sweep and no page.
            let figure = report
                .sweeps
                .iter()
                .zip(figures(&report).sensitivity)
                .find(|(sweep, _)| sweep.criterion + 1 == n)
                .map(|(_, x)| figure(&x, lang, true))
                .ok_or(PageError::NotFound)?;
            Ok(SensitivityView {
                c,
                heading: title,
                review_title,
                review: id,
                n,
                of,
                figure,
            })
        },
    )
    .await
}

#[derive(serde::Deserialize, Default)]
#[serde(default)]
pub struct ReportQuery {
    format: String,
    lang: String,
}

/// Downloads the review report as PDF, DOCX or HTML, compressed as the
/// request accepts: a tagged PDF's structure is plain text, and a national
/// review's report shrinks from 2.3 MB to a fraction with brotli.
pub async fn download(
    State(state): State<AppState>,
    s: Signed,
    Path(id): Path<i64>,
    Query(q): Query<ReportQuery>,
    request: http::HeaderMap,
) -> Result<Response, PageError> {
    let format = oversyn_app::Format::parse(&q.format).unwrap_or(oversyn_app::Format::Pdf);
    let lang = if q.lang == "en" || (q.lang.is_empty() && s.lang.is_en()) {
        Lang::En
    } else {
        Lang::Sv
    };
    let what = match format {
        oversyn_app::Format::Html => "report html forms",
        oversyn_app::Format::Docx => "report docx forms",
        oversyn_app::Format::Pdf => "report pdf forms",
    };
    let today = chrono::Utc::now().date_naive();
    let forms = state
        .store
        .remembered_weighed(
            s.tenant(),
            what,
            (id, i64::from(lang.is_en())),
            today,
            || report_forms(&state, s.tenant(), id, lang, format),
            crate::cache::Forms::bytes,
        )
        .await?;
    Ok(forms.answer(&request))
}

/// The report in every coding worth keeping, made once per state of the
/// tenant's data: compressing two megabytes takes a while, and a hit then
/// only chooses.
async fn report_forms(
    state: &AppState,
    tenant: i64,
    id: i64,
    lang: Lang,
    format: oversyn_app::Format,
) -> Result<crate::cache::Forms, PageError> {
    let bytes = match report::render_shared(&state.store, tenant, id, lang, format).await {
        Ok(b) => crate::kept::bytes(b),
        Err(report::RenderError::Store(e)) => return Err(e.into()),
        Err(e) => {
            tracing::error!(error = %e, "report rendering failed");
            return Err(PageError::Internal);
        }
    };
    let name = format!(
        "attachment; filename=\"report-{id}-{lang}.{}\"",
        format.extension()
    );
    let mut headers = http::HeaderMap::new();
    let value = |v: &str| http::HeaderValue::from_str(v).map_err(|_| PageError::Internal);
    headers.insert(http::header::CONTENT_TYPE, value(format.content_type())?);
    headers.insert(http::header::CONTENT_DISPOSITION, value(&name)?);
    let compress = !matches!(format, oversyn_app::Format::Docx);
    tokio::task::spawn_blocking(move || crate::cache::Forms::of(headers, bytes, compress))
        .await
        .map_err(|_| PageError::Internal)
}
