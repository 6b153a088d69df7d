//! Exchange rates into kronor: one annual average per currency and year,
//! with its source, so every fee can also be read in SEK and fees in
//! different currencies can be added up and weighed against each other.
//!
//! A fee of year Y is converted at the rate of Y; when Y has none yet (the
//! current year's average is published only in December), at the latest
//! earlier year's, and the rate's own year is shown beside the figure.

use crate::fees::{self, Fee};
use crate::opendata::table::{CellError, column_letter};
use serde::Serialize;
use std::collections::BTreeMap;

/// Millionths of a krona per unit: the Riksbank publishes four or five
/// decimals, so six keep every published figure exactly.
pub const SCALE: i64 = 1_000_000;

/// One annual average: `micro` millionths of a krona for one unit of `currency`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Rate {
    pub currency: String,
    pub year: i32,
    pub micro: i64,
    pub source: String,
}

impl Rate {
    /// The rate as a number, for the API and for display.
    pub fn value(&self) -> f64 {
        self.micro as f64 / SCALE as f64
    }

    /// "9,03" or "9.03" with as many decimals as the rate has (at least two).
    pub fn display(&self, decimal_comma: bool) -> String {
        let whole = self.micro / SCALE;
        let mut frac = format!("{:06}", self.micro % SCALE);
        while frac.len() > 2 && frac.ends_with('0') {
            frac.pop();
        }
        let mark = if decimal_comma { ',' } else { '.' };
        format!("{whole}{mark}{frac}")
    }
}

/// The rates shipped with the product (see `data/rates.csv` for what they
/// are and how they were entered).
const SHIPPED: &str = include_str!("../data/rates.csv");

/// Every shipped rate, read once per process (every snapshot starts from
/// them). The file is checked by a test, so a fault in it is caught before
/// release; a row that would not parse is left out here.
pub fn shipped() -> &'static [Rate] {
    static RATES: std::sync::OnceLock<Vec<Rate>> = std::sync::OnceLock::new();
    RATES.get_or_init(|| {
        let (header, rows, first) = split_csv(SHIPPED);
        check(&header, &rows, first).unwrap_or_default()
    })
}

/// A comment-free CSV of four columns, the last of which may hold commas.
fn split_csv(text: &str) -> (Vec<String>, Vec<Vec<String>>, usize) {
    let mut header = Vec::new();
    let mut rows = Vec::new();
    let mut first = 0;
    for (i, line) in text.lines().enumerate() {
        let t = line.trim();
        if t.is_empty() || t.starts_with('#') {
            continue;
        }
        let cells: Vec<String> = t.splitn(4, ',').map(str::to_owned).collect();
        if header.is_empty() {
            header = cells;
            first = i + 2;
        } else {
            rows.push(cells);
        }
    }
    (header, rows, first)
}

/// The columns of a rates table, in any order.
pub const COLUMNS: [&str; 4] = ["currency", "year", "sek_per_unit", "source"];

/// A rate as typed: "9.0335", "9,0335", "10". Zero, negative and absurd
/// rates are refused.
pub fn parse_rate(input: &str) -> Result<i64, String> {
    let t = input.trim().replace([' ', '\u{a0}'], "");
    let t = t.replace(',', ".");
    let message = || {
        format!(
            "\"{}\" is not a rate: write kronor per unit, e.g. 9.0335",
            input.trim()
        )
    };
    let (whole, frac) = t.split_once('.').unwrap_or((&t, ""));
    if whole.is_empty() && frac.is_empty()
        || !whole.chars().all(|c| c.is_ascii_digit())
        || !frac.chars().all(|c| c.is_ascii_digit())
    {
        return Err(message());
    }
    if frac.len() > 6 {
        return Err(format!("\"{}\" has more than six decimals", input.trim()));
    }
    let w: i64 = if whole.is_empty() {
        0
    } else {
        whole.parse().map_err(|_| message())?
    };
    if w >= 100_000 {
        return Err(format!(
            "\"{}\" kronor per unit is not a plausible rate (write the rate for one unit, not for 100)",
            input.trim()
        ));
    }
    let f: i64 = format!("{frac:0<6}").parse().map_err(|_| message())?;
    let micro = w * SCALE + f;
    if micro == 0 {
        return Err("a rate of 0 would make every fee in the currency free".into());
    }
    Ok(micro)
}

/// Checks a rates table (header, rows, the file line of the first row):
/// every rate or every problem, so an import is all or nothing.
pub fn check(
    header: &[String],
    rows: &[Vec<String>],
    first_line: usize,
) -> Result<Vec<Rate>, Vec<CellError>> {
    let names: Vec<String> = header.iter().map(|h| h.trim().to_lowercase()).collect();
    let header_line = first_line.saturating_sub(1).max(1);
    let mut errors = Vec::new();
    for (i, h) in names.iter().enumerate() {
        if !h.is_empty() && !COLUMNS.contains(&h.as_str()) {
            errors.push(CellError {
                line: header_line,
                column: format!("{} ({h})", column_letter(i)),
                message: format!("unknown column; the columns are {}", COLUMNS.join(", ")),
            });
        }
    }
    for c in COLUMNS {
        if !names.iter().any(|h| h == c) {
            errors.push(CellError {
                line: header_line,
                column: String::new(),
                message: format!("the column \"{c}\" is missing"),
            });
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let at = |name: &str| names.iter().position(|h| h == name);
    let col = |name: &str| {
        at(name)
            .map(|i| format!("{} ({name})", column_letter(i)))
            .unwrap_or_default()
    };
    let mut out: Vec<Rate> = Vec::new();
    let mut seen: BTreeMap<(String, i32), usize> = BTreeMap::new();
    for (n, row) in rows.iter().enumerate() {
        let line = first_line + n;
        if row.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let cell = |name: &str| {
            at(name)
                .and_then(|i| row.get(i))
                .map(|s| s.trim())
                .unwrap_or("")
        };
        let mut bad = |name: &str, message: String| {
            errors.push(CellError {
                line,
                column: col(name),
                message,
            })
        };
        let currency = match fees::parse_currency(cell("currency")) {
            Ok(c) if c == "SEK" => {
                bad(
                    "currency",
                    "a krona is always one krona; leave SEK out".into(),
                );
                None
            }
            Ok(c) => Some(c),
            Err(_) => {
                bad(
                    "currency",
                    format!(
                        "\"{}\" is not a currency code such as EUR",
                        cell("currency")
                    ),
                );
                None
            }
        };
        let year = match cell("year").parse::<i32>() {
            Ok(y) if (1900..=2200).contains(&y) => Some(y),
            _ => {
                bad("year", format!("\"{}\" is not a year", cell("year")));
                None
            }
        };
        let micro = match parse_rate(cell("sek_per_unit")) {
            Ok(m) => Some(m),
            Err(e) => {
                bad("sek_per_unit", e);
                None
            }
        };
        let source = cell("source");
        if source.is_empty() {
            bad(
                "source",
                "a rate needs its source, e.g. \"Sveriges riksbank, årsgenomsnitt\"".into(),
            );
        } else if source.chars().count() > 300 {
            bad("source", "the source is longer than 300 characters".into());
        }
        if let (Some(currency), Some(year), Some(micro)) = (currency, year, micro) {
            if let Some(earlier) = seen.insert((currency.clone(), year), line) {
                bad(
                    "year",
                    format!("{currency} {year} is given twice (also on line {earlier})"),
                );
            } else if !source.is_empty() && source.chars().count() <= 300 {
                out.push(Rate {
                    currency,
                    year,
                    micro,
                    source: source.to_owned(),
                });
            }
        }
    }
    if out.is_empty() && errors.is_empty() {
        errors.push(CellError {
            line: header_line,
            column: String::new(),
            message: "the table holds no rates".into(),
        });
    }
    if errors.is_empty() {
        Ok(out)
    } else {
        Err(errors)
    }
}

/// The rates in use: the shipped ones, each replaced by an imported rate of
/// the same currency and year.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Rates {
    by_currency: BTreeMap<String, BTreeMap<i32, Rate>>,
}

impl Rates {
    pub fn new(shipped: impl IntoIterator<Item = Rate>, imported: Vec<Rate>) -> Rates {
        let mut by_currency: BTreeMap<String, BTreeMap<i32, Rate>> = BTreeMap::new();
        for r in shipped.into_iter().chain(imported) {
            by_currency
                .entry(r.currency.clone())
                .or_default()
                .insert(r.year, r);
        }
        Rates { by_currency }
    }

    /// The shipped rates with these imported over them.
    pub fn with_imported(imported: Vec<Rate>) -> Rates {
        Rates::new(shipped().iter().cloned(), imported)
    }

    /// Every rate, by currency and year.
    pub fn all(&self) -> impl Iterator<Item = &Rate> {
        self.by_currency.values().flat_map(|y| y.values())
    }

    /// The rate for a fee of `year` (or, for a fee without a year, the
    /// latest): that year's, else the latest earlier year's, else the
    /// earliest later one's. None for a currency without any rate.
    pub fn for_year(&self, currency: &str, year: Option<i32>) -> Option<&Rate> {
        let years = self.by_currency.get(currency)?;
        match year {
            None => years.values().next_back(),
            Some(y) => years
                .range(..=y)
                .next_back()
                .or_else(|| years.range(y..).next())
                .map(|(_, r)| r),
        }
    }

    /// An amount of `year` in kronor, with the rate used (None for SEK
    /// itself); None when its currency has no rate.
    pub fn in_sek(
        &self,
        minor: i64,
        currency: &str,
        year: Option<i32>,
    ) -> Option<(i64, Option<&Rate>)> {
        if currency == "SEK" {
            return Some((minor, None));
        }
        let rate = self.for_year(currency, year)?;
        Some((to_sek(minor, rate.micro), Some(rate)))
    }

    /// A fee in kronor, see [`Rates::in_sek`]; no fee is 0 kr, an unknown fee None.
    pub fn fee_in_sek(&self, fee: &Fee) -> Option<(i64, Option<&Rate>)> {
        match fee {
            Fee::Unknown => None,
            Fee::NoFee => Some((0, None)),
            Fee::Amount {
                minor,
                currency,
                year,
            } => self.in_sek(*minor, currency, *year),
        }
    }
}

/// Minor units of a currency into öre at `micro` millionths of a krona per
/// unit, rounded half away from zero.
pub fn to_sek(minor: i64, micro: i64) -> i64 {
    let p = i128::from(minor) * i128::from(micro);
    let s = i128::from(SCALE);
    let q = (p.abs() + s / 2) / s;
    let q = if p < 0 { -q } else { q };
    i64::try_from(q).unwrap_or(if p < 0 { i64::MIN } else { i64::MAX })
}

/// Fees per year in kronor. A fee whose currency has no rate is counted
/// apart, by currency, so a total never hides a fee it could not add.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct SekTotals {
    /// year → öre.
    pub by_year: BTreeMap<i32, i64>,
    /// Currencies met without any rate, with how many fees each.
    pub unconverted: BTreeMap<String, usize>,
    pub unknown: usize,
    pub without_year: usize,
}

pub fn sek_totals<'a>(fees: impl IntoIterator<Item = &'a Fee>, rates: &Rates) -> SekTotals {
    let mut t = SekTotals::default();
    for fee in fees {
        match fee {
            Fee::Unknown => t.unknown += 1,
            Fee::NoFee => {}
            Fee::Amount { year: None, .. } => t.without_year += 1,
            Fee::Amount {
                currency,
                year: Some(y),
                ..
            } => match rates.fee_in_sek(fee) {
                Some((ore, _)) => {
                    let e = t.by_year.entry(*y).or_default();
                    *e = e.saturating_add(ore);
                }
                None => *t.unconverted.entry(currency.clone()).or_default() += 1,
            },
        }
    }
    t
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn rate(currency: &str, year: i32, micro: i64) -> Rate {
        Rate {
            currency: currency.into(),
            year,
            micro,
            source: "test".into(),
        }
    }

    fn table(lines: &[&str]) -> Result<Vec<Rate>, Vec<CellError>> {
        let header: Vec<String> = lines[0].split(',').map(str::to_owned).collect();
        let rows: Vec<Vec<String>> = lines[1..]
            .iter()
            .map(|l| l.split(',').map(str::to_owned).collect())
            .collect();
        check(&header, &rows, 2)
    }

    #[test]
    fn the_shipped_table_is_whole_and_checks() {
        let (header, rows, first) = split_csv(SHIPPED);
        let rates = check(&header, &rows, first).expect("data/rates.csv checks");
        for c in ["EUR", "USD", "GBP", "NOK", "DKK"] {
            for y in 2010..=2024 {
                assert!(
                    rates.iter().any(|r| r.currency == c && r.year == y),
                    "{c} {y} is shipped"
                );
            }
        }
        assert_eq!(shipped(), &rates[..]);
        // The demo's fee year.
        let eur = Rates::with_imported(vec![]);
        assert_eq!(eur.for_year("EUR", Some(2011)).unwrap().micro, 9_029_800);
    }

    #[test]
    fn rates_as_typed() {
        assert_eq!(parse_rate("9.0335"), Ok(9_033_500));
        assert_eq!(parse_rate("9,0335"), Ok(9_033_500));
        assert_eq!(parse_rate("10"), Ok(10_000_000));
        assert_eq!(parse_rate("0.0752"), Ok(75_200));
        assert!(parse_rate("0").unwrap_err().contains("rate of 0"));
        assert!(parse_rate("0,000").unwrap_err().contains("rate of 0"));
        assert!(parse_rate("-9.03").is_err());
        assert!(parse_rate("abc").is_err());
        assert!(parse_rate("").is_err());
        assert!(
            parse_rate("1.1234567")
                .unwrap_err()
                .contains("six decimals")
        );
        assert!(parse_rate("123456").unwrap_err().contains("plausible"));
    }

    #[test]
    fn a_table_with_faults_names_each_line_and_gives_nothing() {
        let e = table(&[
            "currency,year,sek_per_unit,source",
            "EUR,2011,9.0335,Riksbanken",
            "USD,2011,0,Riksbanken",
            "XX,2011,1.2,Riksbanken",
            "GBP,20x1,10.4,Riksbanken",
            "NOK,2011,1.16,",
            "EUR,2011,9.03,Riksbanken",
            "SEK,2011,1,Riksbanken",
        ])
        .unwrap_err();
        let lines: Vec<(usize, &str)> = e.iter().map(|c| (c.line, c.column.as_str())).collect();
        assert_eq!(
            lines,
            vec![
                (3, "C (sek_per_unit)"),
                (4, "A (currency)"),
                (5, "B (year)"),
                (6, "D (source)"),
                (7, "B (year)"),
                (8, "A (currency)"),
            ]
        );
        assert!(e[0].message.contains("rate of 0"));
        assert!(e[4].message.contains("line 2"));
    }

    #[test]
    fn a_table_needs_its_columns() {
        let e = table(&["currency,year,rate", "EUR,2011,9.03"]).unwrap_err();
        assert!(e.iter().any(|c| c.message.contains("unknown column")));
        assert!(e.iter().any(|c| c.message.contains("\"sek_per_unit\"")));
        assert!(e.iter().any(|c| c.message.contains("\"source\"")));
        let e = table(&["currency,year,sek_per_unit,source"]).unwrap_err();
        assert!(e[0].message.contains("no rates"));
    }

    #[test]
    fn an_imported_rate_replaces_the_shipped_one() {
        let r = Rates::new(
            vec![rate("EUR", 2011, 9_030_000), rate("EUR", 2012, 8_700_000)],
            vec![rate("EUR", 2011, 9_033_500)],
        );
        assert_eq!(r.for_year("EUR", Some(2011)).unwrap().micro, 9_033_500);
        assert_eq!(r.all().count(), 2);
    }

    #[test]
    fn a_year_without_a_rate_takes_the_nearest_earlier_then_later() {
        let r = Rates::new(
            vec![rate("EUR", 2011, 9_030_000), rate("EUR", 2014, 9_100_000)],
            vec![],
        );
        assert_eq!(r.for_year("EUR", Some(2013)).unwrap().year, 2011);
        assert_eq!(r.for_year("EUR", Some(2026)).unwrap().year, 2014);
        assert_eq!(r.for_year("EUR", Some(2005)).unwrap().year, 2011);
        assert_eq!(r.for_year("EUR", None).unwrap().year, 2014);
        assert!(r.for_year("JPY", Some(2011)).is_none());
    }

    #[test]
    fn fees_in_kronor() {
        let r = Rates::new(vec![rate("EUR", 2011, 9_030_000)], vec![]);
        let eur = Fee::Amount {
            minor: 1_600_000,
            currency: "EUR".into(),
            year: Some(2011),
        };
        let (ore, used) = r.fee_in_sek(&eur).unwrap();
        // 16 000 EUR × 9.03 = 144 480 kr.
        assert_eq!(ore, 14_448_000);
        assert_eq!(used.unwrap().year, 2011);
        let sek = Fee::Amount {
            minor: 1_500_000,
            currency: "SEK".into(),
            year: Some(2011),
        };
        assert_eq!(r.fee_in_sek(&sek), Some((1_500_000, None)));
        assert_eq!(r.fee_in_sek(&Fee::NoFee), Some((0, None)));
        assert_eq!(r.fee_in_sek(&Fee::Unknown), None);
        let jpy = Fee::Amount {
            minor: 200_000,
            currency: "JPY".into(),
            year: Some(2015),
        };
        assert_eq!(r.fee_in_sek(&jpy), None);
    }

    #[test]
    fn totals_per_year_in_kronor_keep_the_unconverted_apart() {
        let r = Rates::new(vec![rate("EUR", 2011, 9_030_000)], vec![]);
        let fees = [
            Fee::Amount {
                minor: 10_000,
                currency: "EUR".into(),
                year: Some(2011),
            },
            Fee::Amount {
                minor: 50_000,
                currency: "SEK".into(),
                year: Some(2011),
            },
            Fee::Amount {
                minor: 200_000,
                currency: "JPY".into(),
                year: Some(2011),
            },
            Fee::Amount {
                minor: 1,
                currency: "EUR".into(),
                year: None,
            },
            Fee::Unknown,
            Fee::NoFee,
        ];
        let t = sek_totals(&fees, &r);
        assert_eq!(t.by_year[&2011], 90_300 + 50_000);
        assert_eq!(t.unconverted["JPY"], 1);
        assert_eq!((t.unknown, t.without_year), (1, 1));
    }

    #[test]
    fn display_keeps_the_published_decimals() {
        assert_eq!(rate("EUR", 2011, 9_033_500).display(true), "9,0335");
        assert_eq!(rate("EUR", 2011, 9_030_000).display(false), "9.03");
        assert_eq!(rate("JPY", 2011, 75_200).display(false), "0.0752");
    }

    proptest! {
        #[test]
        fn conversion_rounds_to_the_nearest_ore(minor in 0i64..1_000_000_000_000, micro in 1i64..100_000_000_000) {
            let exact = minor as f64 * micro as f64 / SCALE as f64;
            let got = to_sek(minor, micro) as f64;
            prop_assert!((got - exact).abs() <= 0.5 + exact * 1e-12);
        }

        #[test]
        fn a_displayed_rate_parses_back(micro in 1i64..100_000 * SCALE) {
            let r = rate("EUR", 2011, micro);
            prop_assert_eq!(parse_rate(&r.display(true)), Ok(micro));
        }

        #[test]
        fn parse_never_panics(s in "\\PC{0,30}") {
            let _ = parse_rate(&s);
        }
    }
}
