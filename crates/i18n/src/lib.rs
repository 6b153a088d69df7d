//! Every phrase the product shows or writes, in Swedish and English, from
//! the Fluent files in `locales/{sv,en}/`: `web.ftl` for the pages,
//! `report.ftl` for the review report and `mail.ftl` for messages. A phrase
//! is changed in one place, in both languages; a test keeps the two files
//! of each kind to the same keys.

use fluent_templates::fluent_bundle::FluentValue;
use fluent_templates::{LanguageIdentifier, Loader, langid};
pub use oversyn_core::Lang;
use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::{OnceLock, RwLock};

fluent_templates::static_loader! {
    static LOCALES = {
        locales: "./locales",
        fallback_language: "sv",
        // Without this, Fluent wraps arguments in invisible marks that leak into HTML.
        customise: |bundle| bundle.set_use_isolating(false),
    };
}

static SV: LanguageIdentifier = langid!("sv");
static EN: LanguageIdentifier = langid!("en");

fn id(lang: Lang) -> &'static LanguageIdentifier {
    match lang {
        Lang::Sv => &SV,
        Lang::En => &EN,
    }
}

/// Lookups of a language's phrases; a missing key shows itself so it is noticed.
pub trait Text: Copy {
    /// The text for `key`.
    fn t(self, key: &str) -> String;
    /// The text for `key` with one named argument.
    fn t1(self, key: &str, name: &'static str, value: impl ToString) -> String;
    /// The text for `key` with several named arguments.
    fn t_args(self, key: &str, values: &[(&'static str, String)]) -> String;
}

/// Phrases without arguments, resolved once per language: a page shows a
/// hundred of them, and Fluent negotiates the language and resolves the
/// pattern on every lookup. Bounded, in case a caller ever builds keys
/// from input.
type Resolved = RwLock<HashMap<String, String>>;
const MAX_RESOLVED: usize = 20_000;

fn resolved(lang: Lang) -> &'static Resolved {
    static SV_RESOLVED: OnceLock<Resolved> = OnceLock::new();
    static EN_RESOLVED: OnceLock<Resolved> = OnceLock::new();
    match lang {
        Lang::Sv => SV_RESOLVED.get_or_init(Resolved::default),
        Lang::En => EN_RESOLVED.get_or_init(Resolved::default),
    }
}

impl Text for Lang {
    fn t(self, key: &str) -> String {
        let memo = resolved(self);
        if let Some(text) = memo.read().unwrap_or_else(|p| p.into_inner()).get(key) {
            return text.clone();
        }
        let text = LOCALES
            .try_lookup(id(self), key)
            .unwrap_or_else(|| key.to_owned());
        let mut memo = memo.write().unwrap_or_else(|p| p.into_inner());
        if memo.len() < MAX_RESOLVED {
            memo.insert(key.to_owned(), text.clone());
        }
        text
    }

    fn t1(self, key: &str, name: &'static str, value: impl ToString) -> String {
        let mut args: HashMap<Cow<'static, str>, FluentValue> = HashMap::new();
        args.insert(Cow::Borrowed(name), FluentValue::from(value.to_string()));
        LOCALES
            .try_lookup_with_args(id(self), key, &args)
            .unwrap_or_else(|| key.to_owned())
    }

    fn t_args(self, key: &str, values: &[(&'static str, String)]) -> String {
        let args: HashMap<Cow<'static, str>, FluentValue> = values
            .iter()
            .map(|(name, value)| (Cow::Borrowed(*name), FluentValue::from(value.clone())))
            .collect();
        LOCALES
            .try_lookup_with_args(id(self), key, &args)
            .unwrap_or_else(|| key.to_owned())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    fn keys(lang: &str, file: &str) -> BTreeSet<String> {
        let path = format!("{}/locales/{lang}/{file}", env!("CARGO_MANIFEST_DIR"));
        std::fs::read_to_string(path)
            .unwrap()
            .lines()
            .filter(|l| l.chars().next().is_some_and(|c| c.is_ascii_lowercase()))
            .filter_map(|l| l.split_once(" =").map(|(k, _)| k.trim().to_owned()))
            .collect()
    }

    fn files() -> Vec<String> {
        let dir = format!("{}/locales/sv", env!("CARGO_MANIFEST_DIR"));
        let mut out: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        out.sort();
        out
    }

    #[test]
    fn swedish_and_english_have_the_same_keys() {
        let mut all = BTreeSet::new();
        for file in files() {
            let sv = keys("sv", &file);
            let en = keys("en", &file);
            assert!(!sv.is_empty(), "{file} has no keys");
            assert_eq!(
                sv.difference(&en).collect::<Vec<_>>(),
                Vec::<&String>::new(),
                "in sv/{file}, not en"
            );
            assert_eq!(
                en.difference(&sv).collect::<Vec<_>>(),
                Vec::<&String>::new(),
                "in en/{file}, not sv"
            );
            // One bundle holds every file: a key may live in one file only.
            for k in sv {
                assert!(all.insert(k.clone()), "{k} is in more than one file");
            }
        }
        assert!(all.len() > 50);
    }

    #[test]
    fn lookups_work_without_isolation_marks() {
        assert_eq!(Lang::Sv.t("nav-register"), "Register");
        assert_eq!(Lang::En.t("nav-persons"), "People");
        let s = Lang::En.t1("error-ref", "name", "X");
        assert!(!s.contains('\u{2068}'));
    }

    #[test]
    fn a_resolved_phrase_is_the_same_as_fluents_every_time() {
        for lang in [Lang::Sv, Lang::En] {
            for key in keys(lang.code(), "web.ftl").iter().take(200) {
                let direct = LOCALES
                    .try_lookup(id(lang), key)
                    .unwrap_or_else(|| key.to_owned());
                assert_eq!(lang.t(key), direct, "{key}");
                assert_eq!(lang.t(key), direct, "{key}, kept");
            }
            assert_eq!(lang.t("no-such-key"), "no-such-key");
            assert_eq!(lang.t("no-such-key"), "no-such-key");
        }
        assert_ne!(Lang::Sv.t("nav-persons"), Lang::En.t("nav-persons"));
    }
}
