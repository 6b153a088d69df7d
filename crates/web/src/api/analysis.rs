//! A review's analysis as JSON: the same document as `oversyn analyse --json`.

use super::{ApiUser, Problem};
use crate::AppState;
use crate::i18n::Lang;
use axum::extract::{Path, Query, State};
use axum::response::Response;
use oversyn_app::analysis::{analyse, to_json};

#[derive(serde::Deserialize, Default)]
#[serde(default)]
pub struct LangQuery {
    lang: Option<String>,
}

/// A review's analysis: recommendations, reasons, SMAA probabilities, weight stability.
#[utoipa::path(get, path = "/v1/reviews/{id}/analysis", tag = "reviews", security(("bearer" = [])),
    params(("id" = i64, Path), ("lang" = Option<String>, Query, description = "sv or en (default en): the language of the reasons")),
    responses((status = 200, description = "{ review, memberships: [{ organisation, benefit, benefit_index, cost, fit, flags, recommendation, reasons, probabilities, weight_stability }] }", body = Object, example = json!({"review": {"id": 1, "title": "Översyn 2011"}, "memberships": [{"organisation": "UCLG", "recommendation": "terminate", "flags": ["represented_indirectly"], "reasons": ["low influence (median 2 of 5, n = 6)"]}]})),
        (status = 404, body = Problem)))]
pub async fn api(
    State(state): State<AppState>,
    u: ApiUser,
    Path(id): Path<i64>,
    Query(q): Query<LangQuery>,
) -> Result<Response, Problem> {
    let lang = Lang::parse(q.lang.as_deref().unwrap_or("en")).unwrap_or_default();
    // The document, not only the analysis, is kept per tenant stamp: for a
    // national tenant building it took longer than reading the analysis.
    crate::kept::json(
        &state.store,
        u.tenant(),
        "analysis json",
        (id, i64::from(lang.is_en())),
        || async {
            let a = analyse(&state.store, u.tenant(), id).await?;
            Ok::<_, Problem>(to_json(&a, lang))
        },
    )
    .await
}
