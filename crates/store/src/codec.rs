//! How values are written to and read from the portable schema.

use chrono::{NaiveDate, SecondsFormat, Utc};
use oversyn_core::Code;

/// Now, as stored: RFC 3339 in UTC with millisecond precision, so text order
/// is time order in both databases.
pub fn now() -> String {
    Utc::now().to_rfc3339_opts(SecondsFormat::Millis, true)
}

pub fn date_out(d: Option<NaiveDate>) -> Option<String> {
    d.map(|d| d.format("%Y-%m-%d").to_string())
}

pub fn date_in(s: Option<String>) -> Option<NaiveDate> {
    s.and_then(|s| NaiveDate::parse_from_str(&s, "%Y-%m-%d").ok())
}

/// Reads a stored code, falling back to the vocabulary's first value if a
/// later version wrote one this build does not know.
pub fn code_in<C: Code>(s: &str) -> C {
    C::parse(s).unwrap_or(C::ALL[0])
}

pub fn list_out(items: &[String]) -> String {
    items.join("\n")
}

pub fn list_in(s: &str) -> Vec<String> {
    s.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_owned)
        .collect()
}
