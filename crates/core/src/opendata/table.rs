//! Rows from a spreadsheet or CSV file checked as register records: each
//! problem named by line and column, Excel's quirks understood (dates as
//! day numbers or with a time, amounts as "16 300", "16300,50" or 16300.0).
//! Nothing here writes; the caller stores the rows only when the whole
//! table is valid, or only the valid rows when asked to.

use crate::codes::{Code, MembershipStatus, MembershipType, OrgKind, PersonKind, Side};
use crate::fees::{Fee, parse_amount, parse_currency};
use chrono::{Days, NaiveDate};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TableKind {
    Organisations,
    Persons,
    Memberships,
}

impl TableKind {
    pub fn parse(s: &str) -> Option<TableKind> {
        match s {
            "organisations" | "organizations" => Some(TableKind::Organisations),
            "persons" => Some(TableKind::Persons),
            "memberships" => Some(TableKind::Memberships),
            _ => None,
        }
    }

    /// The columns, the required ones first.
    pub fn columns(self) -> &'static [&'static str] {
        match self {
            TableKind::Organisations => &[
                "name",
                "acronym",
                "kind",
                "website",
                "headquarters",
                "founded",
                "themes",
            ],
            TableKind::Persons => &["name", "kind", "party", "side", "department", "email"],
            TableKind::Memberships => &[
                "organisation",
                "body",
                "type",
                "status",
                "since",
                "until",
                "fee",
                "currency",
                "fee_year",
            ],
        }
    }

    fn required(self) -> &'static [&'static str] {
        match self {
            TableKind::Organisations | TableKind::Persons => &["name"],
            TableKind::Memberships => &["organisation", "body"],
        }
    }
}

/// One problem: where (1-based line as in the file, column letter and name) and what.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CellError {
    pub line: usize,
    pub column: String,
    pub message: String,
}

impl std::fmt::Display for CellError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.column.is_empty() {
            write!(f, "line {}: {}", self.line, self.message)
        } else {
            write!(
                f,
                "line {}, column {}: {}",
                self.line, self.column, self.message
            )
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub enum Record {
    Organisation {
        name: String,
        acronym: Option<String>,
        kind: OrgKind,
        website: Option<String>,
        headquarters: Option<String>,
        founded: Option<i32>,
        themes: Vec<String>,
    },
    Person {
        name: String,
        kind: PersonKind,
        party: Option<String>,
        side: Option<Side>,
        department: Option<String>,
        email: Option<String>,
    },
    Membership {
        /// Name, acronym or alias, resolved against the register by the caller.
        organisation: String,
        /// The tenant's body by name or abbreviation.
        body: String,
        mtype: MembershipType,
        status: MembershipStatus,
        since: Option<NaiveDate>,
        until: Option<NaiveDate>,
        fee: Fee,
    },
}

/// A checked row: its line and the record, or nothing when it had errors.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Row {
    pub line: usize,
    pub record: Option<Record>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Default)]
pub struct Checked {
    pub rows: Vec<Row>,
    pub errors: Vec<CellError>,
}

impl Checked {
    pub fn valid(&self) -> impl Iterator<Item = (usize, &Record)> {
        self.rows
            .iter()
            .filter_map(|r| r.record.as_ref().map(|x| (r.line, x)))
    }
}

/// "A", "B", … "AA" for column index 0, 1, … 26.
pub fn column_letter(mut i: usize) -> String {
    let mut s = String::new();
    loop {
        s.insert(0, char::from(b'A' + (i % 26) as u8));
        if i < 26 {
            break;
        }
        i = i / 26 - 1;
    }
    s
}

/// A date as typed or as Excel stores it: ISO, with a time, Swedish
/// "17/1 2011"-free forms are refused, or a serial day number (1900 system).
pub fn excel_date(s: &str) -> Result<NaiveDate, String> {
    let t = s.trim();
    if let Ok(d) = NaiveDate::parse_from_str(t, "%Y-%m-%d") {
        return Ok(d);
    }
    if let Some(day) = t.get(..10)
        && t.len() > 10
        && let Ok(d) = NaiveDate::parse_from_str(day, "%Y-%m-%d")
    {
        return Ok(d);
    }
    if let Ok(n) = t.parse::<f64>()
        && (1.0..2_958_466.0).contains(&n)
    {
        // Excel's day 1 is 1900-01-01 and it counts a 29 February 1900 that never was.
        let base = NaiveDate::from_ymd_opt(1899, 12, 30).unwrap_or_default();
        return base
            .checked_add_days(Days::new(n.trunc() as u64))
            .ok_or_else(|| format!("\"{t}\" is out of range"));
    }
    Err(format!("\"{t}\" is not a date: write YYYY-MM-DD"))
}

/// An amount as Excel exports it ("16300.0") or as typed ("16 300", "16300,50").
fn excel_amount(s: &str) -> Result<i64, String> {
    let t = s.trim();
    let message = |key: &str| {
        if key == "error-amount-large" {
            format!("\"{t}\" is too large an amount")
        } else {
            format!("\"{t}\" is not an amount")
        }
    };
    if let Ok(f) = t.parse::<f64>()
        && t.contains('.')
        && !t.contains(',')
        && f.is_finite()
        && f >= 0.0
    {
        // Through the typed-amount parser with two decimals, so a float far
        // beyond its ceiling is refused instead of saturating to i64::MAX
        // (which would overflow every fee total).
        return parse_amount(&format!("{f:.2}")).map_err(message);
    }
    parse_amount(t).map_err(message)
}

fn opt(s: &str) -> Option<String> {
    let t = s.trim();
    (!t.is_empty()).then(|| t.to_owned())
}

/// Checks a table: `header` and `rows` as read; `first_line` is the file line of the first row.
pub fn check(
    kind: TableKind,
    header: &[String],
    rows: &[Vec<String>],
    first_line: usize,
) -> Checked {
    let mut out = Checked::default();
    let names: Vec<String> = header.iter().map(|h| h.trim().to_lowercase()).collect();
    let header_line = first_line.saturating_sub(1).max(1);
    for (i, h) in names.iter().enumerate() {
        if !h.is_empty() && !kind.columns().contains(&h.as_str()) {
            out.errors.push(CellError {
                line: header_line,
                column: format!("{} ({h})", column_letter(i)),
                message: format!(
                    "unknown column; the columns are {}",
                    kind.columns().join(", ")
                ),
            });
        }
    }
    for r in kind.required() {
        if !names.iter().any(|h| h == r) {
            out.errors.push(CellError {
                line: header_line,
                column: String::new(),
                message: format!("the column \"{r}\" is missing"),
            });
        }
    }
    if !out.errors.is_empty() {
        return out;
    }
    let at = |name: &str| names.iter().position(|h| h == name);
    // A set, not a list: a 10 MB file of one-letter names is millions of rows.
    let mut seen: std::collections::HashSet<String> = std::collections::HashSet::new();
    for (n, row) in rows.iter().enumerate() {
        let line = first_line + n;
        if row.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let cell = |name: &str| {
            at(name)
                .and_then(|i| row.get(i))
                .map(String::as_str)
                .unwrap_or("")
        };
        let mut errors: Vec<CellError> = Vec::new();
        let mut err = |name: &str, message: String| {
            let col = at(name)
                .map(|i| format!("{} ({name})", column_letter(i)))
                .unwrap_or_default();
            errors.push(CellError {
                line,
                column: col,
                message,
            });
        };
        let mut code = |name: &str, parse: &dyn Fn(&str) -> bool, allowed: String| {
            let v = cell(name).trim();
            if !v.is_empty() && !parse(v) {
                err(name, format!("\"{v}\" is not one of {allowed}"));
            }
        };
        let list = |all: &[&str]| all.join(", ");
        match kind {
            TableKind::Organisations => code(
                "kind",
                &|v| OrgKind::parse(v).is_some(),
                list(&OrgKind::ALL.iter().map(|c| c.code()).collect::<Vec<_>>()),
            ),
            TableKind::Persons => {
                code(
                    "kind",
                    &|v| PersonKind::parse(v).is_some(),
                    list(&PersonKind::ALL.iter().map(|c| c.code()).collect::<Vec<_>>()),
                );
                code(
                    "side",
                    &|v| Side::parse(v).is_some(),
                    "majority, opposition".into(),
                );
            }
            TableKind::Memberships => {
                code(
                    "type",
                    &|v| MembershipType::parse(v).is_some(),
                    list(
                        &MembershipType::ALL
                            .iter()
                            .map(|c| c.code())
                            .collect::<Vec<_>>(),
                    ),
                );
                code(
                    "status",
                    &|v| MembershipStatus::parse(v).is_some(),
                    list(
                        &MembershipStatus::ALL
                            .iter()
                            .map(|c| c.code())
                            .collect::<Vec<_>>(),
                    ),
                );
            }
        }
        for r in kind.required() {
            if cell(r).trim().is_empty() {
                err(r, "is required".into());
            } else if cell(r).chars().count() > crate::validate::MAX_NAME {
                err(r, "is too long".into());
            }
        }
        let record = match kind {
            TableKind::Organisations => {
                let name = cell("name").trim().to_owned();
                let key = name.to_lowercase();
                if !seen.insert(key) && !name.is_empty() {
                    err("name", format!("\"{name}\" appears twice in the file"));
                }
                let founded = match cell("founded").trim() {
                    "" => None,
                    v => match v.trim_end_matches(".0").parse::<i32>() {
                        Ok(y) if (1800..=2100).contains(&y) => Some(y),
                        _ => {
                            err("founded", format!("\"{v}\" is not a year"));
                            None
                        }
                    },
                };
                Record::Organisation {
                    name,
                    acronym: opt(cell("acronym")),
                    kind: OrgKind::parse(cell("kind").trim()).unwrap_or(OrgKind::CityNetwork),
                    website: opt(cell("website")),
                    headquarters: opt(cell("headquarters")),
                    founded,
                    themes: cell("themes").split([';', ',']).filter_map(opt).collect(),
                }
            }
            TableKind::Persons => {
                let email = opt(cell("email"));
                if let Some(e) = &email
                    && crate::validate::email(e).is_err()
                {
                    err("email", format!("\"{e}\" is not an e-mail address"));
                }
                Record::Person {
                    name: cell("name").trim().to_owned(),
                    kind: PersonKind::parse(cell("kind").trim()).unwrap_or(PersonKind::Politician),
                    party: opt(cell("party")),
                    side: Side::parse(cell("side").trim()),
                    department: opt(cell("department")),
                    email,
                }
            }
            TableKind::Memberships => {
                let mut date = |name: &str| match cell(name).trim() {
                    "" => None,
                    v => excel_date(v).map_err(|m| err(name, m)).ok(),
                };
                let since = date("since");
                let until = date("until");
                if let (Some(a), Some(b)) = (since, until)
                    && b < a
                {
                    err("until", "comes before \"since\"".into());
                }
                let fee = match cell("fee").trim() {
                    "" => Fee::Unknown,
                    "0" | "none" | "ingen" => Fee::NoFee,
                    v => match excel_amount(v) {
                        Ok(minor) => {
                            let currency = match parse_currency(cell("currency").trim()) {
                                Ok(c) => c,
                                Err(_) => {
                                    err(
                                        "currency",
                                        format!(
                                            "\"{}\" is not a currency code such as EUR or SEK",
                                            cell("currency").trim()
                                        ),
                                    );
                                    String::new()
                                }
                            };
                            let year = match cell("fee_year").trim() {
                                "" => None,
                                y => y
                                    .trim_end_matches(".0")
                                    .parse()
                                    .map_err(|_| err("fee_year", format!("\"{y}\" is not a year")))
                                    .ok(),
                            };
                            Fee::Amount {
                                minor,
                                currency,
                                year,
                            }
                        }
                        Err(m) => {
                            err("fee", m);
                            Fee::Unknown
                        }
                    },
                };
                Record::Membership {
                    organisation: cell("organisation").trim().to_owned(),
                    body: cell("body").trim().to_owned(),
                    mtype: MembershipType::parse(cell("type").trim())
                        .unwrap_or(MembershipType::Full),
                    status: MembershipStatus::parse(cell("status").trim())
                        .unwrap_or(MembershipStatus::Active),
                    since,
                    until,
                    fee,
                }
            }
        };
        let ok = errors.is_empty();
        out.errors.extend(errors);
        out.rows.push(Row {
            line,
            record: ok.then_some(record),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn s(v: &[&str]) -> Vec<String> {
        v.iter().map(|x| (*x).to_owned()).collect()
    }

    #[test]
    fn excel_dates_and_amounts_are_understood() {
        assert_eq!(
            excel_date("40909").unwrap(),
            NaiveDate::from_ymd_opt(2012, 1, 1).unwrap()
        );
        assert_eq!(
            excel_date("40909.5").unwrap(),
            NaiveDate::from_ymd_opt(2012, 1, 1).unwrap()
        );
        assert_eq!(
            excel_date("2011-01-17 00:00:00").unwrap(),
            NaiveDate::from_ymd_opt(2011, 1, 17).unwrap()
        );
        assert!(excel_date("17/1 2011").is_err());
        assert_eq!(excel_amount("16300.0").unwrap(), 1_630_000);
        assert_eq!(excel_amount("16 300").unwrap(), 1_630_000);
        assert_eq!(excel_amount("16300,50").unwrap(), 1_630_050);
        assert_eq!(
            excel_amount("99999999999999999999.0"),
            Err("\"99999999999999999999.0\" is too large an amount".into())
        );
        assert_eq!(
            excel_amount("1e300.5"),
            Err("\"1e300.5\" is not an amount".into())
        );
        assert_eq!(column_letter(0), "A");
        assert_eq!(column_letter(26), "AA");
    }

    #[test]
    fn every_problem_is_named_by_line_and_column() {
        let header = s(&["organisation", "body", "since", "fee", "currency"]);
        let rows = vec![
            s(&[
                "EUROCITIES",
                "Kommunstyrelsen",
                "2010-01-01",
                "16300.0",
                "EUR",
            ]),
            s(&["", "Kommunstyrelsen", "igår", "mycket", "EUR"]),
            s(&["", "", "", "", ""]),
            s(&["C40", "Kommunstyrelsen", "40909", "", ""]),
        ];
        let c = check(TableKind::Memberships, &header, &rows, 2);
        let shown: Vec<String> = c.errors.iter().map(ToString::to_string).collect();
        assert_eq!(
            shown,
            [
                "line 3, column A (organisation): is required",
                "line 3, column C (since): \"igår\" is not a date: write YYYY-MM-DD",
                "line 3, column D (fee): \"mycket\" is not an amount",
            ]
        );
        assert_eq!(c.valid().count(), 2);
        assert_eq!(c.rows.len(), 3, "the empty line is skipped");
    }

    #[test]
    fn wrong_columns_and_duplicates_are_refused() {
        let c = check(TableKind::Persons, &s(&["namn", "party"]), &[], 2);
        assert_eq!(c.errors.len(), 2);
        assert!(
            c.errors[0]
                .to_string()
                .starts_with("line 1, column A (namn): unknown column")
        );
        let c = check(
            TableKind::Organisations,
            &s(&["name"]),
            &[s(&["ICLEI"]), s(&["iclei"])],
            2,
        );
        assert_eq!(
            c.errors[0].to_string(),
            "line 3, column A (name): \"iclei\" appears twice in the file"
        );
    }

    #[test]
    fn a_long_table_is_checked_in_linear_time() {
        // 100,000 names compared pairwise would be five billion comparisons.
        let rows: Vec<Vec<String>> = (0..100_000).map(|i| vec![format!("Nätverk {i}")]).collect();
        let started = std::time::Instant::now();
        let c = check(TableKind::Organisations, &s(&["name"]), &rows, 2);
        assert_eq!(c.valid().count(), 100_000);
        assert!(started.elapsed().as_secs() < 30, "{:?}", started.elapsed());
    }

    /// Cells of the kinds a spreadsheet holds, and some it should not.
    fn cell() -> impl Strategy<Value = String> {
        prop_oneof![
            "\\PC{0,12}",
            "[0-9]{1,25}(\\.[0-9]{0,4})?",
            "[0-9 ,.]{1,12}",
            "(19|20)[0-9]{2}-[0-9]{2}-[0-9]{2}( [0-9:]{0,8})?",
            "-?[0-9]{1,7}(\\.[0-9]{1,3})?(e[0-9]{1,3})?",
            "(full|associate|observer|active|ended|none|ingen|0|NaN|inf|EUR|eur|€)",
            proptest::collection::vec(any::<char>(), 0..300).prop_map(|v| v.into_iter().collect()),
        ]
    }

    fn header() -> impl Strategy<Value = Vec<String>> {
        let all: Vec<&'static str> = [
            TableKind::Organisations,
            TableKind::Persons,
            TableKind::Memberships,
        ]
        .iter()
        .flat_map(|k| k.columns().iter().copied())
        .collect();
        proptest::collection::vec(
            prop_oneof![
                proptest::sample::select(all).prop_map(str::to_owned),
                "\\PC{0,8}"
            ],
            0..12,
        )
    }

    proptest! {
        #[test]
        fn any_header_and_cells_give_errors_not_panics(
            header in header(),
            cells in proptest::collection::vec(proptest::collection::vec(cell(), 0..12), 0..16),
            first_line in 0usize..5,
        ) {
            for kind in [TableKind::Organisations, TableKind::Persons, TableKind::Memberships] {
                let c = check(kind, &header, &cells, first_line);
                prop_assert!(c.rows.len() <= cells.len());
                for e in &c.errors {
                    prop_assert!(!e.message.is_empty());
                }
                for (_, r) in c.valid() {
                    if let Record::Membership { fee: Fee::Amount { minor, .. }, .. } = r {
                        prop_assert!((0..=1_000_000_000_000).contains(minor));
                    }
                }
            }
        }

        #[test]
        fn garbage_gives_errors_not_panics(cells in proptest::collection::vec(proptest::collection::vec("\\PC{0,12}", 0..6), 0..20)) {
            for kind in [TableKind::Organisations, TableKind::Persons, TableKind::Memberships] {
                let header: Vec<String> = kind.columns().iter().map(|c| (*c).to_owned()).collect();
                let _ = check(kind, &header, &cells, 2);
            }
        }
    }
}
