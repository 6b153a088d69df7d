//! Membership fees: amounts in minor units (öre, cent) with their currency
//! and year, parsed from what officials type, and totals per year.

use serde::Serialize;
use std::collections::BTreeMap;

/// What the register knows about a membership's fee.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Fee {
    /// Not recorded (yet); shown as unknown, never as zero.
    Unknown,
    /// The organisation charges no fee (e.g. C40).
    NoFee,
    Amount {
        minor: i64,
        currency: String,
        year: Option<i32>,
    },
}

/// The largest fee accepted, in minor units: 10 billion in any currency is
/// a typo, not a membership fee.
const MAX_MINOR: i64 = 1_000_000_000_000;

/// Parses an amount as typed in Swedish or English: "16 300", "16300,50",
/// "16,300.00", "1.250,00". Returns minor units (two decimals).
pub fn parse_amount(input: &str) -> Result<i64, &'static str> {
    let s: String = input
        .trim()
        .chars()
        .filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '_' | '\''))
        .collect();
    if s.is_empty() {
        return Err("error-required");
    }
    if s.starts_with('-') {
        return Err("error-amount-negative");
    }
    let last_sep = s.rfind([',', '.']);
    let (int_part, frac_part) = match last_sep {
        Some(i) => {
            let frac = &s[i + 1..];
            let has_other = s[..i].contains([',', '.']);
            // One separator followed by three digits is a thousands
            // separator ("16,300"); otherwise the last one is the decimal mark.
            if !has_other && frac.len() == 3 {
                (s.replace([',', '.'], ""), String::new())
            } else {
                (s[..i].replace([',', '.'], ""), frac.to_owned())
            }
        }
        None => (s.clone(), String::new()),
    };
    if int_part.is_empty() && frac_part.is_empty() {
        return Err("error-amount");
    }
    if !int_part.chars().all(|c| c.is_ascii_digit())
        || !frac_part.chars().all(|c| c.is_ascii_digit())
    {
        return Err("error-amount");
    }
    if frac_part.len() > 2 {
        return Err("error-amount");
    }
    let whole: i64 = if int_part.is_empty() {
        0
    } else {
        int_part.parse().map_err(|_| "error-amount-large")?
    };
    let frac: i64 = match frac_part.len() {
        0 => 0,
        1 => frac_part.parse::<i64>().map_err(|_| "error-amount")? * 10,
        _ => frac_part.parse().map_err(|_| "error-amount")?,
    };
    let minor = whole
        .checked_mul(100)
        .and_then(|w| w.checked_add(frac))
        .ok_or("error-amount-large")?;
    if minor > MAX_MINOR {
        Err("error-amount-large")
    } else {
        Ok(minor)
    }
}

/// A currency code: three ASCII letters, stored upper case.
pub fn parse_currency(input: &str) -> Result<String, &'static str> {
    let t = input.trim().to_ascii_uppercase();
    if t.len() == 3 && t.chars().all(|c| c.is_ascii_uppercase()) {
        Ok(t)
    } else {
        Err("error-currency")
    }
}

/// Minor units as a plain decimal with two places and a point, for data
/// files: "16300.00", "-0.50".
pub fn decimal(minor: i64) -> String {
    let sign = if minor < 0 { "-" } else { "" };
    let m = minor.unsigned_abs();
    format!("{sign}{}.{:02}", m / 100, m % 100)
}

/// Formats minor units with a space as thousands separator, the way both
/// Swedish and English officials can read it: "16 300" or "16 300.50".
/// An amount in minor units rounded to whole units, half away from zero:
/// a converted figure is an approximation, so it is shown without öre.
pub fn round_to_whole(minor: i64) -> i64 {
    let half = if minor < 0 { -50 } else { 50 };
    (minor + half) / 100 * 100
}

pub fn format_minor(minor: i64) -> String {
    let whole = minor / 100;
    let frac = minor % 100;
    let digits = whole.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('\u{a0}');
        }
        out.push(c);
    }
    if frac != 0 {
        out.push_str(&format!(".{frac:02}"));
    }
    out
}

/// The sum of known fees per year and currency. Fees without a year, and
/// unknown fees, are counted separately so a total never hides a gap.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct FeeTotals {
    /// (year, currency) → minor units.
    pub by_year: BTreeMap<(i32, String), i64>,
    pub unknown: usize,
    pub without_year: usize,
    pub no_fee: usize,
}

pub fn totals<'a>(fees: impl IntoIterator<Item = &'a Fee>) -> FeeTotals {
    let mut t = FeeTotals::default();
    for fee in fees {
        match fee {
            Fee::Unknown => t.unknown += 1,
            Fee::NoFee => t.no_fee += 1,
            Fee::Amount { year: None, .. } => t.without_year += 1,
            Fee::Amount {
                minor,
                currency,
                year: Some(y),
            } => {
                *t.by_year.entry((*y, currency.clone())).or_default() += minor;
            }
        }
    }
    t
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn converted_amounts_round_to_whole_units() {
        assert_eq!(round_to_whole(14_447_680), 14_447_700);
        assert_eq!(round_to_whole(14_447_649), 14_447_600);
        assert_eq!(round_to_whole(50), 100);
        assert_eq!(round_to_whole(-150), -200);
        assert_eq!(round_to_whole(0), 0);
    }

    #[test]
    fn decimals_have_two_places_and_keep_the_sign() {
        assert_eq!(decimal(1_630_000), "16300.00");
        assert_eq!(decimal(1_250_050), "12500.50");
        assert_eq!(decimal(-50), "-0.50");
        assert_eq!(decimal(0), "0.00");
    }

    #[test]
    fn amounts_in_both_conventions() {
        assert_eq!(parse_amount("16 300"), Ok(1_630_000));
        assert_eq!(parse_amount("16300,50"), Ok(1_630_050));
        assert_eq!(parse_amount("16,300.00"), Ok(1_630_000));
        assert_eq!(parse_amount("1.250,5"), Ok(125_050));
        assert_eq!(parse_amount("16,300"), Ok(1_630_000));
        assert_eq!(parse_amount("0"), Ok(0));
        assert_eq!(parse_amount("-5"), Err("error-amount-negative"));
        assert_eq!(parse_amount("abc"), Err("error-amount"));
        assert_eq!(parse_amount("1,2345"), Err("error-amount"));
        assert_eq!(parse_amount(""), Err("error-required"));
        assert_eq!(
            parse_amount("99999999999999999999"),
            Err("error-amount-large")
        );
    }

    #[test]
    fn totals_keep_unknowns_apart() {
        let fees = [
            Fee::Amount {
                minor: 100,
                currency: "EUR".into(),
                year: Some(2011),
            },
            Fee::Amount {
                minor: 50,
                currency: "EUR".into(),
                year: Some(2011),
            },
            Fee::Amount {
                minor: 70,
                currency: "SEK".into(),
                year: Some(2011),
            },
            Fee::Amount {
                minor: 70,
                currency: "SEK".into(),
                year: None,
            },
            Fee::Unknown,
            Fee::NoFee,
        ];
        let t = totals(&fees);
        assert_eq!(t.by_year[&(2011, "EUR".into())], 150);
        assert_eq!(t.by_year[&(2011, "SEK".into())], 70);
        assert_eq!((t.unknown, t.no_fee, t.without_year), (1, 1, 1));
    }

    #[test]
    fn formatting() {
        assert_eq!(format_minor(1_630_000), "16\u{a0}300");
        assert_eq!(format_minor(1_630_050), "16\u{a0}300.50");
        assert_eq!(format_minor(5), "0.05");
    }

    proptest! {
        #[test]
        fn formatted_amounts_parse_back(minor in 0i64..MAX_MINOR) {
            prop_assert_eq!(parse_amount(&format_minor(minor)), Ok(minor));
        }

        #[test]
        fn parse_never_panics(s in "\\PC{0,40}") {
            let _ = parse_amount(&s);
        }
    }
}
