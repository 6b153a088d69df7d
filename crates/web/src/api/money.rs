//! API handlers for money: the exchange rates in use, fee totals in kronor,
//! and the invoices of a membership.

use super::auth::{ApiUser, ApiWriter};
use super::model::{List, RateRef};
use super::problem::{ApiJson, Problem};
use crate::AppState;
use axum::Json;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use http::{StatusCode, header};
use oversyn_core::fees::Fee;
use oversyn_core::register::invoice::{Invoice, InvoiceInput, by_budget_year};
use serde::Serialize;
use utoipa::ToSchema;

type ApiResult<T> = Result<T, Problem>;

/// One annual average rate into kronor.
#[derive(Serialize, ToSchema)]
#[schema(example = json!({"currency": "EUR", "year": 2011, "value": 9.0298, "source": "ECB euro reference rates: mean of 257 days; EUR/SEK (not the Riksbank's fixing)"}))]
pub struct RateOut {
    pub currency: String,
    pub year: i32,
    /// Kronor per unit.
    pub value: f64,
    pub source: String,
}

/// The rates fees are converted at: those shipped with Översyn, each
/// replaced by any rate imported with `oversyn rates import`.
#[utoipa::path(get, path = "/v1/rates", tag = "money", security(("bearer" = [])),
    responses((status = 200, body = List<RateOut>), (status = 401, body = Problem)))]
pub async fn list_rates(
    State(s): State<AppState>,
    u: ApiUser,
) -> ApiResult<axum::response::Response> {
    // The same for every caller of the tenant: serialised once per state
    // of its data.
    crate::kept::json(&s.store, u.tenant(), "api rates", (0, 0), || async {
        let snap = oversyn_app::snapshot(&s.store, u.tenant()).await?;
        Ok::<_, Problem>(List {
            data: snap
                .rates
                .all()
                .map(|r| RateOut {
                    currency: r.currency.clone(),
                    year: r.year,
                    value: r.value(),
                    source: r.source.clone(),
                })
                .collect(),
        })
    })
    .await
}

#[derive(Serialize, ToSchema)]
#[schema(example = json!({"year": 2011, "sek": 14447680}))]
pub struct YearTotal {
    pub year: i32,
    /// Öre.
    pub sek: i64,
}

#[derive(Serialize, ToSchema)]
#[schema(example = json!({"year": 2011, "invoiced_sek": 14447680, "unpaid_sek": 0, "unconverted": 0}))]
pub struct BudgetYearOut {
    pub year: i32,
    /// Öre invoiced for the budget year.
    pub invoiced_sek: i64,
    /// Öre of that not yet paid.
    pub unpaid_sek: i64,
    /// Invoices in a currency without a rate, left out of the sums.
    pub unconverted: usize,
}

#[derive(Serialize, ToSchema)]
#[schema(example = json!({"fees_by_year": [{"year": 2011, "sek": 14447680}], "unconverted": {}, "unknown": 2, "without_year": 0, "budget_years": []}))]
pub struct FeeTotalsOut {
    /// The annual fees of memberships in force, per fee year, in öre.
    pub fees_by_year: Vec<YearTotal>,
    /// Currencies without any rate, with how many fees each (left out).
    pub unconverted: std::collections::BTreeMap<String, usize>,
    /// Fees not known.
    pub unknown: usize,
    /// Fees with an amount but no year (left out of the years).
    pub without_year: usize,
    /// What was invoiced per budget year.
    pub budget_years: Vec<BudgetYearOut>,
}

/// Fee totals in kronor per year, and invoices per budget year.
#[utoipa::path(get, path = "/v1/fees/totals", tag = "money", security(("bearer" = [])),
    responses((status = 200, body = FeeTotalsOut), (status = 401, body = Problem)))]
pub async fn fee_totals(State(s): State<AppState>, u: ApiUser) -> ApiResult<Json<FeeTotalsOut>> {
    let snap = oversyn_app::snapshot(&s.store, u.tenant()).await?;
    let fees: Vec<&Fee> = snap
        .memberships
        .iter()
        .filter(|m| snap.in_force(m))
        .map(|m| &m.fee)
        .collect();
    let t = oversyn_core::rates::sek_totals(fees, &snap.rates);
    let invoices = s.store.all_invoices(u.tenant()).await?;
    Ok(Json(FeeTotalsOut {
        fees_by_year: t
            .by_year
            .iter()
            .map(|(y, ore)| YearTotal {
                year: *y,
                sek: *ore,
            })
            .collect(),
        unconverted: t.unconverted,
        unknown: t.unknown,
        without_year: t.without_year,
        budget_years: by_budget_year(&invoices, &snap.rates)
            .into_iter()
            .map(|b| BudgetYearOut {
                year: b.year,
                invoiced_sek: b.invoiced,
                unpaid_sek: b.unpaid,
                unconverted: b.unconverted,
            })
            .collect(),
    }))
}

/// An invoice with its amount in kronor.
#[derive(Serialize, ToSchema)]
#[schema(example = json!({"id": 1, "membership_id": 4, "invoice_date": "2011-02-15", "budget_year": 2011, "amount_minor": 1600000, "currency": "EUR", "paid": true, "paid_on": "2011-03-10", "reference": "EC-2011-118", "sek": 14447680, "rate": {"value": 9.0298, "year": 2011, "source": "ECB euro reference rates: mean of 257 days; EUR/SEK (not the Riksbank's fixing)"}, "version": 1}))]
pub struct InvoiceOut {
    pub id: i64,
    pub membership_id: i64,
    pub invoice_date: String,
    pub budget_year: i32,
    /// Minor units (öre, cent).
    pub amount_minor: i64,
    pub currency: String,
    pub paid: bool,
    pub paid_on: Option<String>,
    pub reference: Option<String>,
    /// Öre at the budget year's rate; null when the currency has no rate.
    pub sek: Option<i64>,
    /// Null for SEK.
    pub rate: Option<RateRef>,
    pub version: i64,
}

fn out(i: &Invoice, rates: &oversyn_core::rates::Rates) -> InvoiceOut {
    let converted = rates.in_sek(i.amount_minor, &i.currency, Some(i.budget_year));
    InvoiceOut {
        id: i.id,
        membership_id: i.membership_id,
        invoice_date: i.invoice_date.to_string(),
        budget_year: i.budget_year,
        amount_minor: i.amount_minor,
        currency: i.currency.clone(),
        paid: i.paid_on.is_some(),
        paid_on: i.paid_on.map(|d| d.to_string()),
        reference: i.reference.clone(),
        sek: converted.map(|(ore, _)| ore),
        rate: converted.and_then(|(_, r)| r).map(RateRef::from),
        version: i.version,
    }
}

/// A membership's invoices, newest first.
#[utoipa::path(get, path = "/v1/memberships/{id}/invoices", tag = "money", security(("bearer" = [])), params(("id" = i64, Path)),
    responses((status = 200, body = List<InvoiceOut>), (status = 404, body = Problem)))]
pub async fn list_invoices(
    State(s): State<AppState>,
    u: ApiUser,
    Path(id): Path<i64>,
) -> ApiResult<Json<List<InvoiceOut>>> {
    s.store.membership(u.tenant(), id).await?;
    let snap = oversyn_app::snapshot(&s.store, u.tenant()).await?;
    Ok(Json(List {
        data: s
            .store
            .invoices(u.tenant(), id)
            .await?
            .iter()
            .map(|i| out(i, &snap.rates))
            .collect(),
    }))
}

/// Record an invoice (editors). Empty currency: the fee's; empty budget year: the invoice date's.
#[utoipa::path(post, path = "/v1/memberships/{id}/invoices", tag = "money", security(("bearer" = [])), params(("id" = i64, Path)),
    request_body(content = InvoiceInput, example = json!({"invoice_date": "2011-02-15", "amount": "16 000", "currency": "EUR", "budget_year": "2011", "paid_on": "", "reference": "EC-2011-118", "version": ""})),
    responses((status = 201, body = InvoiceOut), (status = 403, body = Problem), (status = 404, body = Problem), (status = 422, body = Problem)))]
pub async fn create_invoice(
    State(s): State<AppState>,
    u: ApiWriter,
    Path(id): Path<i64>,
    ApiJson(input): ApiJson<InvoiceInput>,
) -> ApiResult<Response> {
    let m = s.store.membership(u.tenant(), id).await?;
    let currency = match &m.fee {
        Fee::Amount { currency, .. } => Some(currency.as_str()),
        _ => None,
    };
    let c = input.parse(currency).map_err(|e| Problem::invalid(&e))?;
    let i = s.store.create_invoice(&u.actor(), id, &c).await?;
    let snap = oversyn_app::snapshot(&s.store, u.tenant()).await?;
    Ok((
        StatusCode::CREATED,
        [(header::LOCATION, format!("/api/v1/invoices/{}", i.id))],
        Json(out(&i, &snap.rates)),
    )
        .into_response())
}

/// One invoice.
#[utoipa::path(get, path = "/v1/invoices/{id}", tag = "money", security(("bearer" = [])), params(("id" = i64, Path)),
    responses((status = 200, body = InvoiceOut), (status = 404, body = Problem)))]
pub async fn get_invoice(
    State(s): State<AppState>,
    u: ApiUser,
    Path(id): Path<i64>,
) -> ApiResult<Json<InvoiceOut>> {
    let i = s.store.invoice(u.tenant(), id).await?;
    let snap = oversyn_app::snapshot(&s.store, u.tenant()).await?;
    Ok(Json(out(&i, &snap.rates)))
}

/// Edit an invoice, e.g. record the day it was paid; send `version` to
/// refuse overwriting someone else's change.
#[utoipa::path(put, path = "/v1/invoices/{id}", tag = "money", security(("bearer" = [])), params(("id" = i64, Path)),
    request_body(content = InvoiceInput, example = json!({"invoice_date": "2011-02-15", "amount": "16 000", "currency": "EUR", "budget_year": "2011", "paid_on": "2011-03-10", "reference": "EC-2011-118", "version": "1"})),
    responses((status = 200, body = InvoiceOut), (status = 409, body = Problem), (status = 422, body = Problem)))]
pub async fn update_invoice(
    State(s): State<AppState>,
    u: ApiWriter,
    Path(id): Path<i64>,
    ApiJson(input): ApiJson<InvoiceInput>,
) -> ApiResult<Json<InvoiceOut>> {
    let before = s.store.invoice(u.tenant(), id).await?;
    let c = input
        .parse(Some(&before.currency))
        .map_err(|e| Problem::invalid(&e))?;
    let i = s.store.update_invoice(&u.actor(), id, &c).await?;
    let snap = oversyn_app::snapshot(&s.store, u.tenant()).await?;
    Ok(Json(out(&i, &snap.rates)))
}

/// Remove an invoice recorded by mistake (its history stays).
#[utoipa::path(delete, path = "/v1/invoices/{id}", tag = "money", security(("bearer" = [])), params(("id" = i64, Path)),
    responses((status = 204), (status = 403, body = Problem), (status = 404, body = Problem)))]
pub async fn delete_invoice(
    State(s): State<AppState>,
    u: ApiWriter,
    Path(id): Path<i64>,
) -> ApiResult<StatusCode> {
    s.store.delete_invoice(&u.actor(), id).await?;
    Ok(StatusCode::NO_CONTENT)
}
