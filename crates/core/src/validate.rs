//! Validated values parsed from what a user typed, and the field errors that
//! say what was wrong. Errors carry a message key (translated at the edge)
//! so the core stays free of any language.

use chrono::NaiveDate;
use serde::Serialize;

/// The longest name the register accepts; longer input is almost always a
/// paste gone wrong, and it would break every table it appears in.
pub const MAX_NAME: usize = 200;
pub const MAX_TEXT: usize = 10_000;
pub const MAX_SHORT: usize = 200;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FieldError {
    pub field: String,
    /// A message key such as `error-required`, resolved by the web layer.
    pub key: &'static str,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct FieldErrors(pub Vec<FieldError>);

impl FieldErrors {
    pub fn new() -> Self {
        Self::default()
    }
    pub fn add(&mut self, field: &str, key: &'static str) {
        self.0.push(FieldError {
            field: field.to_owned(),
            key,
        });
    }
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
    pub fn get(&self, field: &str) -> Option<&'static str> {
        self.0.iter().find(|e| e.field == field).map(|e| e.key)
    }
    /// Runs a parser and records its error under `field`; returns the value
    /// when it parsed, so a form can be checked in one pass.
    pub fn check<T>(&mut self, field: &str, r: Result<T, &'static str>) -> Option<T> {
        match r {
            Ok(v) => Some(v),
            Err(key) => {
                self.add(field, key);
                None
            }
        }
    }
    pub fn into_result<T>(self, v: impl FnOnce() -> T) -> Result<T, FieldErrors> {
        if self.is_empty() { Ok(v()) } else { Err(self) }
    }
}

impl std::fmt::Display for FieldErrors {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let parts: Vec<String> = self
            .0
            .iter()
            .map(|e| format!("{}: {}", e.field, e.key))
            .collect();
        f.write_str(&parts.join(", "))
    }
}

impl std::error::Error for FieldErrors {}

/// A required name: trimmed, not empty, at most [`MAX_NAME`] characters,
/// no control characters.
pub fn name(input: &str) -> Result<String, &'static str> {
    let t = input.trim();
    if t.is_empty() {
        return Err("error-required");
    }
    if t.chars().count() > MAX_NAME {
        return Err("error-too-long");
    }
    if t.chars().any(char::is_control) {
        return Err("error-control-characters");
    }
    Ok(t.to_owned())
}

/// Optional short text: empty becomes `None`.
pub fn short(input: &str) -> Result<Option<String>, &'static str> {
    let t = input.trim();
    if t.is_empty() {
        return Ok(None);
    }
    if t.chars().count() > MAX_SHORT {
        return Err("error-too-long");
    }
    if t.chars().any(char::is_control) {
        return Err("error-control-characters");
    }
    Ok(Some(t.to_owned()))
}

/// Optional free text (notes): line breaks allowed.
pub fn text(input: &str) -> Result<Option<String>, &'static str> {
    let t = input.trim();
    if t.is_empty() {
        return Ok(None);
    }
    if t.chars().count() > MAX_TEXT {
        return Err("error-too-long");
    }
    Ok(Some(t.to_owned()))
}

/// Optional e-mail address; the check is deliberately loose (one `@`, a dot
/// in the domain, no spaces) since only a sent message proves an address.
pub fn email(input: &str) -> Result<Option<String>, &'static str> {
    let t = input.trim();
    if t.is_empty() {
        return Ok(None);
    }
    required_email(t).map(Some)
}

pub fn required_email(input: &str) -> Result<String, &'static str> {
    let t = input.trim();
    if t.is_empty() {
        return Err("error-required");
    }
    let ok = t.len() <= 254
        && !t.chars().any(|c| c.is_whitespace() || c.is_control())
        && matches!(t.split_once('@'), Some((local, domain))
            if !local.is_empty() && domain.contains('.') && !domain.starts_with('.')
               && !domain.ends_with('.') && !domain.contains('@'));
    if ok {
        Ok(t.to_lowercase())
    } else {
        Err("error-email")
    }
}

/// Optional calendar date in ISO form (YYYY-MM-DD), as a date input sends it.
pub fn date(input: &str) -> Result<Option<NaiveDate>, &'static str> {
    let t = input.trim();
    if t.is_empty() {
        return Ok(None);
    }
    NaiveDate::parse_from_str(t, "%Y-%m-%d")
        .ok()
        .filter(|d| (1800..=2200).contains(&chrono::Datelike::year(d)))
        .map(Some)
        .ok_or("error-date")
}

/// Checks that a period does not end before it starts.
pub fn period(from: Option<NaiveDate>, until: Option<NaiveDate>) -> Result<(), &'static str> {
    match (from, until) {
        (Some(f), Some(u)) if u < f => Err("error-end-before-start"),
        _ => Ok(()),
    }
}

/// An optional whole year, e.g. a fee year or a founding year.
pub fn year(input: &str) -> Result<Option<i32>, &'static str> {
    let t = input.trim();
    if t.is_empty() {
        return Ok(None);
    }
    t.parse::<i32>()
        .ok()
        .filter(|y| (1800..=2200).contains(y))
        .map(Some)
        .ok_or("error-year")
}

/// A tenant's short name in URLs and commands: lowercase letters, digits and
/// hyphens, 2–40 characters, starting with a letter.
pub fn slug(input: &str) -> Result<String, &'static str> {
    let t = input.trim();
    let ok = (2..=40).contains(&t.len())
        && t.starts_with(|c: char| c.is_ascii_lowercase())
        && t.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
    if ok {
        Ok(t.to_owned())
    } else {
        Err("error-slug")
    }
}

/// An optional web address; only http(s) so a stored link can never run script.
pub fn website(input: &str) -> Result<Option<String>, &'static str> {
    let t = input.trim();
    if t.is_empty() {
        return Ok(None);
    }
    let ok = (t.starts_with("https://") || t.starts_with("http://"))
        && t.len() <= 500
        && !t
            .chars()
            .any(|c| c.is_whitespace() || c.is_control() || c == '"' || c == '<');
    if ok {
        Ok(Some(t.to_owned()))
    } else {
        Err("error-url")
    }
}

/// A new password: long enough to resist guessing, short enough to hash.
pub fn password(input: &str) -> Result<String, &'static str> {
    let n = input.chars().count();
    if n < 10 {
        Err("error-password-short")
    } else if n > 200 {
        Err("error-too-long")
    } else {
        Ok(input.to_owned())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn names_are_trimmed_and_bounded() {
        assert_eq!(name("  EUROCITIES "), Ok("EUROCITIES".into()));
        assert_eq!(name("   "), Err("error-required"));
        assert_eq!(name(&"x".repeat(MAX_NAME + 1)), Err("error-too-long"));
        assert_eq!(
            name(&"å".repeat(MAX_NAME)).map(|s| s.chars().count()),
            Ok(MAX_NAME)
        );
        assert_eq!(name("a\u{0}b"), Err("error-control-characters"));
    }

    #[test]
    fn emails() {
        assert_eq!(email(""), Ok(None));
        assert_eq!(
            email("Anna@Stockholm.se"),
            Ok(Some("anna@stockholm.se".into()))
        );
        for bad in [
            "anna", "anna@", "@x.se", "a b@x.se", "a@x", "a@.se", "a@x.se.",
        ] {
            assert_eq!(email(bad), Err("error-email"), "{bad}");
        }
    }

    #[test]
    fn dates_and_periods() {
        let d = |s| date(s).unwrap();
        assert_eq!(
            date("2012-01-01").unwrap().unwrap().to_string(),
            "2012-01-01"
        );
        assert_eq!(date("1/1/2012"), Err("error-date"));
        assert_eq!(date("2012-02-30"), Err("error-date"));
        assert_eq!(
            period(d("2012-01-01"), d("2011-12-31")),
            Err("error-end-before-start")
        );
        assert_eq!(period(d("2012-01-01"), d("2012-01-01")), Ok(()));
        assert_eq!(period(None, d("2011-12-31")), Ok(()));
    }

    #[test]
    fn slugs_and_websites() {
        assert!(slug("stockholm").is_ok());
        assert!(slug("region-skane2").is_ok());
        for bad in ["S", "Stockholm", "1abc", "a b", "å-stad", ""] {
            assert!(slug(bad).is_err(), "{bad}");
        }
        assert!(website("javascript:alert(1)").is_err());
        assert_eq!(
            website(" https://eurocities.eu ").unwrap().as_deref(),
            Some("https://eurocities.eu")
        );
    }

    proptest! {
        #[test]
        fn accepted_names_are_trimmed_and_short(s in "\\PC{0,300}") {
            if let Ok(n) = name(&s) {
                prop_assert_eq!(n.trim(), n.as_str());
                prop_assert!(!n.is_empty());
                prop_assert!(n.chars().count() <= MAX_NAME);
            }
        }

        #[test]
        fn period_accepts_exactly_ordered_dates(a in 0i64..50_000, b in 0i64..50_000) {
            let base = NaiveDate::from_ymd_opt(1900, 1, 1).unwrap();
            let (f, u) = (base + chrono::Days::new(a as u64), base + chrono::Days::new(b as u64));
            prop_assert_eq!(period(Some(f), Some(u)).is_ok(), u >= f);
        }

        #[test]
        fn accepted_slugs_are_url_safe(s in "[a-z0-9\\- ]{0,45}") {
            if let Ok(v) = slug(&s) {
                prop_assert!(v.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'));
            }
        }
    }
}
