//! Case numbers (diarienummer). Every municipality writes them its own way —
//! `006-1348/2010`, `KS 2019/0457`, `2016/0117 KS-2`, `KS/2017:214` — so a
//! number is kept as its parts and shown through the tenant's pattern. A
//! pattern is text with the placeholders `{series}`, `{year}`, `{serial}` and
//! `{suffix}`; everything else is written as it stands.

use serde::{Deserialize, Serialize};

#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct CaseNumber {
    /// The register or series, e.g. "006" or "KS"; empty when the format has none.
    pub series: String,
    pub year: i32,
    /// Kept as text so leading zeros ("0457") survive.
    pub serial: String,
    /// What follows, e.g. "KS-2".
    pub suffix: String,
}

/// Patterns of the formats met in real documents, tried in order when a
/// number is read without knowing the municipality.
pub const KNOWN_PATTERNS: &[&str] = &[
    "{series}-{serial}/{year}",
    "{series} {year}/{serial}",
    "{year}/{serial} {suffix}",
    "{series}/{year}:{serial}",
    "{year}/{serial}",
];

pub const DEFAULT_PATTERN: &str = "{series} {year}/{serial}";

#[derive(Debug, Clone, PartialEq, Eq)]
enum Token {
    Text(String),
    Series,
    Year,
    Serial,
    Suffix,
}

fn tokens(pattern: &str) -> Option<Vec<Token>> {
    let mut out = Vec::new();
    let mut rest = pattern;
    while !rest.is_empty() {
        if let Some(after) = rest.strip_prefix('{') {
            let end = after.find('}')?;
            out.push(match &after[..end] {
                "series" => Token::Series,
                "year" => Token::Year,
                "serial" => Token::Serial,
                "suffix" => Token::Suffix,
                _ => return None,
            });
            rest = &after[end + 1..];
        } else {
            let end = rest.find('{').unwrap_or(rest.len());
            out.push(Token::Text(rest[..end].to_owned()));
            rest = &rest[end..];
        }
    }
    Some(out)
}

/// Whether `pattern` is usable: known placeholders only, and year and serial present.
pub fn valid_pattern(pattern: &str) -> bool {
    tokens(pattern).is_some_and(|t| t.contains(&Token::Year) && t.contains(&Token::Serial))
}

impl CaseNumber {
    pub fn render(&self, pattern: &str) -> String {
        let Some(tokens) = tokens(pattern).filter(|_| valid_pattern(pattern)) else {
            return self.render(DEFAULT_PATTERN);
        };
        let mut out = String::new();
        for t in tokens {
            match t {
                Token::Text(s) => out.push_str(&s),
                Token::Series => out.push_str(&self.series),
                Token::Year => out.push_str(&self.year.to_string()),
                Token::Serial => out.push_str(&self.serial),
                Token::Suffix => out.push_str(&self.suffix),
            }
        }
        out.trim().to_owned()
    }

    /// Reads `text` as written by `pattern`; None when it does not fit.
    pub fn parse_with(text: &str, pattern: &str) -> Option<CaseNumber> {
        let tokens = tokens(pattern)?;
        let mut n = CaseNumber::default();
        let mut rest = text.trim();
        for (i, t) in tokens.iter().enumerate() {
            // A field runs to the next literal text, or to the end.
            let next_text = tokens[i + 1..].iter().find_map(|t| match t {
                Token::Text(s) => Some(s.as_str()),
                _ => None,
            });
            match t {
                Token::Text(s) => rest = rest.strip_prefix(s.as_str())?,
                field => {
                    let end = match (next_text, i + 1 < tokens.len()) {
                        (Some(s), true) if matches!(tokens[i + 1], Token::Text(_)) => {
                            rest.find(s)?
                        }
                        (_, true) => return None,
                        _ => rest.len(),
                    };
                    let value = &rest[..end];
                    rest = &rest[end..];
                    match field {
                        Token::Year => {
                            if value.len() != 4 || !value.bytes().all(|b| b.is_ascii_digit()) {
                                return None;
                            }
                            n.year = value.parse().ok()?;
                        }
                        Token::Serial => {
                            if value.is_empty() || !value.bytes().all(|b| b.is_ascii_digit()) {
                                return None;
                            }
                            n.serial = value.to_owned();
                        }
                        Token::Series => {
                            if value.is_empty() || value.contains(char::is_whitespace) {
                                return None;
                            }
                            n.series = value.to_owned();
                        }
                        Token::Suffix => {
                            if value.is_empty() {
                                return None;
                            }
                            n.suffix = value.to_owned();
                        }
                        Token::Text(_) => {}
                    }
                }
            }
        }
        rest.is_empty().then_some(n)
    }

    /// Reads a number in any of the known formats; the pattern that fitted comes with it.
    pub fn parse_any(text: &str) -> Option<(CaseNumber, &'static str)> {
        KNOWN_PATTERNS
            .iter()
            .find_map(|p| CaseNumber::parse_with(text, p).map(|n| (n, *p)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn the_four_municipal_formats_read_and_write_back() {
        for (text, series, year, serial, suffix) in [
            ("006-1348/2010", "006", 2010, "1348", ""),
            ("KS 2019/0457", "KS", 2019, "0457", ""),
            ("2016/0117 KS-2", "", 2016, "0117", "KS-2"),
            ("KS/2017:214", "KS", 2017, "214", ""),
        ] {
            let (n, pattern) = CaseNumber::parse_any(text).expect(text);
            assert_eq!(
                (
                    n.series.as_str(),
                    n.year,
                    n.serial.as_str(),
                    n.suffix.as_str()
                ),
                (series, year, serial, suffix),
                "{text}"
            );
            assert_eq!(n.render(pattern), text);
        }
    }

    #[test]
    fn a_number_is_shown_in_the_tenants_own_pattern() {
        let (n, _) = CaseNumber::parse_any("006-1348/2010").unwrap();
        assert_eq!(n.render("KS {year}/{serial}"), "KS 2010/1348");
        assert_eq!(n.render("{nonsense}"), "006 2010/1348");
    }

    #[test]
    fn text_that_is_not_a_number_is_refused() {
        for bad in ["", "hello", "KS 19/0457", "KS 2019/", "006-1348/2010 x"] {
            assert_eq!(
                CaseNumber::parse_with(bad, "{series}-{serial}/{year}"),
                None,
                "{bad}"
            );
        }
        assert!(!valid_pattern("{series}/{serial}"));
        assert!(valid_pattern("{year}/{serial}"));
    }

    proptest! {
        #[test]
        fn render_then_parse_gives_the_parts_back(
            series in "[A-Z0-9]{1,4}", year in 1900i32..2100, serial in "[0-9]{1,5}",
        ) {
            let n = CaseNumber { series, year, serial, suffix: String::new() };
            for p in &KNOWN_PATTERNS[..2] {
                prop_assert_eq!(CaseNumber::parse_with(&n.render(p), p), Some(n.clone()));
            }
        }

        #[test]
        fn parsing_never_panics(text in "\\PC{0,30}", pattern in "\\PC{0,20}") {
            let _ = CaseNumber::parse_with(&text, &pattern);
            let _ = CaseNumber::parse_any(&text);
        }
    }
}
