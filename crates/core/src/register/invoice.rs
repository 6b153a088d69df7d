//! The invoices a membership's organisation sends: when, how much, in which
//! currency, charged to which budget year, and whether and when it was paid.

use super::input::loose;
use crate::fees;
use crate::validate::{self as v, FieldErrors};
use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Invoice {
    pub id: i64,
    pub membership_id: i64,
    pub invoice_date: NaiveDate,
    pub budget_year: i32,
    pub amount_minor: i64,
    pub currency: String,
    pub paid_on: Option<NaiveDate>,
    pub reference: Option<String>,
    pub version: i64,
}

/// An invoice as typed (form or JSON). Empty budget year: the invoice
/// date's; empty currency: the membership fee's, else SEK.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(default)]
pub struct InvoiceInput {
    #[serde(deserialize_with = "loose")]
    pub invoice_date: String,
    #[serde(deserialize_with = "loose")]
    pub amount: String,
    #[serde(deserialize_with = "loose")]
    pub currency: String,
    #[serde(deserialize_with = "loose")]
    pub budget_year: String,
    #[serde(deserialize_with = "loose")]
    pub paid_on: String,
    #[serde(deserialize_with = "loose")]
    pub reference: String,
    #[serde(deserialize_with = "loose")]
    pub version: String,
}

/// A checked invoice, ready to store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InvoiceCmd {
    pub invoice_date: NaiveDate,
    pub budget_year: i32,
    pub amount_minor: i64,
    pub currency: String,
    pub paid_on: Option<NaiveDate>,
    pub reference: Option<String>,
    pub version: Option<i64>,
}

impl InvoiceInput {
    /// `default_currency` is the membership fee's currency, if it has one.
    pub fn parse(&self, default_currency: Option<&str>) -> Result<InvoiceCmd, FieldErrors> {
        let mut e = FieldErrors::new();
        let date = e
            .check("invoice_date", v::date(&self.invoice_date))
            .flatten();
        if date.is_none() && self.invoice_date.trim().is_empty() {
            e.add("invoice_date", "error-required");
        }
        let amount = e.check("amount", fees::parse_amount(&self.amount));
        let currency = e.check(
            "currency",
            fees::parse_currency(if self.currency.trim().is_empty() {
                default_currency.unwrap_or("SEK")
            } else {
                &self.currency
            }),
        );
        let year = e.check("budget_year", v::year(&self.budget_year)).flatten();
        // An invoice is charged to the budget of its own year, the one
        // before (paid late) or the one after (sent in advance).
        if let (Some(y), Some(d)) = (year, date)
            && (y - d.year()).abs() > 1
        {
            e.add("budget_year", "error-budget-year");
        }
        let paid_on = e.check("paid_on", v::date(&self.paid_on)).flatten();
        if let (Some(p), Some(d)) = (paid_on, date)
            && p < d
        {
            e.add("paid_on", "error-paid-before-invoice");
        }
        let reference = e.check("reference", v::text(&self.reference)).flatten();
        let version = if self.version.trim().is_empty() {
            None
        } else {
            e.check(
                "version",
                self.version
                    .trim()
                    .parse::<i64>()
                    .map_err(|_| "error-version"),
            )
        };
        e.into_result(|| {
            let date = date.expect("checked");
            InvoiceCmd {
                invoice_date: date,
                budget_year: year.unwrap_or(date.year()),
                amount_minor: amount.expect("checked"),
                currency: currency.expect("checked"),
                paid_on,
                reference,
                version,
            }
        })
    }

    /// The form as it shows a stored invoice.
    pub fn of(i: &Invoice) -> InvoiceInput {
        InvoiceInput {
            invoice_date: i.invoice_date.to_string(),
            amount: fees::format_minor(i.amount_minor).replace('\u{a0}', " "),
            currency: i.currency.clone(),
            budget_year: i.budget_year.to_string(),
            paid_on: i.paid_on.map(|d| d.to_string()).unwrap_or_default(),
            reference: i.reference.clone().unwrap_or_default(),
            version: i.version.to_string(),
        }
    }
}

/// What a budget year was invoiced, in kronor at the year's rates.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct BudgetYear {
    pub year: i32,
    /// Öre.
    pub invoiced: i64,
    /// Öre not yet paid.
    pub unpaid: i64,
    /// Invoices in a currency without any rate, left out of both sums.
    pub unconverted: usize,
}

/// The invoices per budget year, oldest year first.
pub fn by_budget_year(invoices: &[Invoice], rates: &crate::rates::Rates) -> Vec<BudgetYear> {
    let mut years: std::collections::BTreeMap<i32, BudgetYear> = Default::default();
    for i in invoices {
        let y = years.entry(i.budget_year).or_insert_with(|| BudgetYear {
            year: i.budget_year,
            ..Default::default()
        });
        match rates
            .in_sek(i.amount_minor, &i.currency, Some(i.budget_year))
            .map(|(ore, _)| ore)
        {
            Some(o) => {
                y.invoiced = y.invoiced.saturating_add(o);
                if i.paid_on.is_none() {
                    y.unpaid = y.unpaid.saturating_add(o);
                }
            }
            None => y.unconverted += 1,
        }
    }
    years.into_values().collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn input(date: &str, amount: &str) -> InvoiceInput {
        InvoiceInput {
            invoice_date: date.into(),
            amount: amount.into(),
            ..Default::default()
        }
    }

    #[test]
    fn defaults_come_from_the_date_and_the_fee() {
        let c = input("2011-02-15", "16 000").parse(Some("EUR")).unwrap();
        assert_eq!(c.budget_year, 2011);
        assert_eq!(c.currency, "EUR");
        assert_eq!(c.amount_minor, 1_600_000);
        assert_eq!(
            input("2011-02-15", "100").parse(None).unwrap().currency,
            "SEK"
        );
    }

    #[test]
    fn faults_name_their_fields() {
        let mut i = input("", "-5");
        i.currency = "euro".into();
        let e = i.parse(None).unwrap_err();
        assert_eq!(e.get("invoice_date"), Some("error-required"));
        assert_eq!(e.get("amount"), Some("error-amount-negative"));
        assert_eq!(e.get("currency"), Some("error-currency"));

        let mut i = input("2011-03-01", "100");
        i.paid_on = "2011-02-28".into();
        i.budget_year = "2015".into();
        let e = i.parse(None).unwrap_err();
        assert_eq!(e.get("paid_on"), Some("error-paid-before-invoice"));
        assert_eq!(e.get("budget_year"), Some("error-budget-year"));
    }

    #[test]
    fn a_stored_invoice_reads_back_the_same() {
        let stored = Invoice {
            id: 1,
            membership_id: 2,
            invoice_date: NaiveDate::from_ymd_opt(2011, 12, 1).unwrap(),
            budget_year: 2012,
            amount_minor: 1_630_050,
            currency: "GBP".into(),
            paid_on: NaiveDate::from_ymd_opt(2012, 1, 10),
            reference: Some("INV-22".into()),
            version: 3,
        };
        let c = InvoiceInput::of(&stored).parse(None).unwrap();
        assert_eq!(
            (
                c.invoice_date,
                c.budget_year,
                c.amount_minor,
                c.currency.as_str(),
                c.paid_on,
                c.version
            ),
            (
                stored.invoice_date,
                2012,
                1_630_050,
                "GBP",
                stored.paid_on,
                Some(3)
            )
        );
    }

    #[test]
    fn budget_years_sum_in_kronor_and_keep_the_unpaid() {
        let rates = crate::rates::Rates::new(
            vec![crate::rates::Rate {
                currency: "EUR".into(),
                year: 2011,
                micro: 9_000_000,
                source: "t".into(),
            }],
            vec![],
        );
        let inv = |year: i32, minor: i64, currency: &str, paid: bool| Invoice {
            id: 0,
            membership_id: 1,
            invoice_date: NaiveDate::from_ymd_opt(year, 2, 1).unwrap(),
            budget_year: year,
            amount_minor: minor,
            currency: currency.into(),
            paid_on: paid.then(|| NaiveDate::from_ymd_opt(year, 3, 1).unwrap()),
            reference: None,
            version: 1,
        };
        let years = by_budget_year(
            &[
                inv(2011, 10_000, "EUR", true),
                inv(2011, 5_000, "SEK", false),
                inv(2011, 1, "JPY", false),
                inv(2010, 1_000, "SEK", true),
            ],
            &rates,
        );
        assert_eq!(years.len(), 2);
        assert_eq!(years[0].year, 2010);
        assert_eq!(
            (years[1].invoiced, years[1].unpaid, years[1].unconverted),
            (90_000 + 5_000, 5_000, 1)
        );
    }

    proptest! {
        #[test]
        fn parse_never_panics(d in "\\PC{0,12}", a in "\\PC{0,12}", y in "\\PC{0,6}", p in "\\PC{0,12}") {
            let i = InvoiceInput { invoice_date: d, amount: a, budget_year: y, paid_on: p, ..Default::default() };
            let _ = i.parse(Some("EUR"));
        }
    }
}
