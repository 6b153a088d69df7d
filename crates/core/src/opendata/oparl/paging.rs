//! Lists the way OParl clients read them: in a stable order, filtered by
//! when objects were created or changed, in pages that continue after the
//! last object seen. Continuing after a key (not an offset) means an object
//! added while a client pages through appears once, at the end, and nothing
//! is seen twice.

use chrono::{DateTime, NaiveDate, SecondsFormat, Utc};

/// An object's place in its list: a rank separates kinds that share a list
/// (the city's own bodies before the networks), then the record's id.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Key {
    pub rank: u8,
    pub id: i64,
}

impl Key {
    pub fn new(id: i64) -> Self {
        Key { rank: 0, id }
    }
}

/// One object of a list with when it was created and last changed, as
/// stored: RFC 3339 in UTC with milliseconds, so text order is time order.
#[derive(Debug, Clone, PartialEq)]
pub struct Item<T> {
    pub key: Key,
    pub created: String,
    pub modified: String,
    pub object: T,
}

/// The time filters of a list request, each bound inclusive.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    pub created_since: Option<String>,
    pub created_until: Option<String>,
    pub modified_since: Option<String>,
    pub modified_until: Option<String>,
}

impl Filter {
    /// Reads the four parameters, each RFC 3339 or a date; the error names
    /// the parameter and the value.
    pub fn parse(
        created_since: Option<&str>,
        created_until: Option<&str>,
        modified_since: Option<&str>,
        modified_until: Option<&str>,
    ) -> Result<Filter, String> {
        let one = |name: &str, v: Option<&str>, end: bool| -> Result<Option<String>, String> {
            v.map(|s| {
                normal(s, end).ok_or_else(|| {
                    format!("{name}: \"{s}\" is not a time: use RFC 3339 (2011-09-21T00:00:00Z) or a date (2011-09-21).")
                })
            })
            .transpose()
        };
        Ok(Filter {
            created_since: one("created_since", created_since, false)?,
            created_until: one("created_until", created_until, true)?,
            modified_since: one("modified_since", modified_since, false)?,
            modified_until: one("modified_until", modified_until, true)?,
        })
    }

    pub fn admits(&self, created: &str, modified: &str) -> bool {
        self.created_since.as_deref().is_none_or(|t| created >= t)
            && self.created_until.as_deref().is_none_or(|t| created <= t)
            && self.modified_since.as_deref().is_none_or(|t| modified >= t)
            && self.modified_until.as_deref().is_none_or(|t| modified <= t)
    }

    /// A client that syncs by change time must learn of deletions.
    pub fn wants_deleted(&self) -> bool {
        self.modified_since.is_some()
    }
}

/// A time as stored (UTC, milliseconds). A bare date is its first
/// millisecond, or its last when it ends a range, so `_until=2011-09-21`
/// takes in the whole day.
pub fn normal(s: &str, end: bool) -> Option<String> {
    if let Ok(t) = DateTime::parse_from_rfc3339(s) {
        return Some(
            t.with_timezone(&Utc)
                .to_rfc3339_opts(SecondsFormat::Millis, true),
        );
    }
    let d = NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()?;
    Some(if end {
        format!("{d}T23:59:59.999Z")
    } else {
        format!("{d}T00:00:00.000Z")
    })
}

/// One page of a list.
#[derive(Debug, PartialEq)]
pub struct Page<'a, T> {
    pub items: Vec<&'a Item<T>>,
    /// Where the next page starts, when there is one.
    pub next: Option<Key>,
    /// How many objects the filtered list holds in all.
    pub total: usize,
}

/// Objects admitted by `filter`, in key order, after `after`, at most
/// `size` (at least one). `items` need not be sorted.
pub fn select<'a, T>(
    items: &'a [Item<T>],
    filter: &Filter,
    after: Option<Key>,
    size: usize,
) -> Page<'a, T> {
    let size = size.max(1);
    let mut kept: Vec<&Item<T>> = items
        .iter()
        .filter(|i| filter.admits(&i.created, &i.modified))
        .collect();
    kept.sort_by_key(|i| i.key);
    let total = kept.len();
    let rest: Vec<&Item<T>> = kept
        .into_iter()
        .filter(|i| after.is_none_or(|a| i.key > a))
        .collect();
    let next = (rest.len() > size).then(|| rest[size - 1].key);
    Page {
        items: rest.into_iter().take(size).collect(),
        next,
        total,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn item(id: i64, created: &str, modified: &str) -> Item<()> {
        Item {
            key: Key::new(id),
            created: created.into(),
            modified: modified.into(),
            object: (),
        }
    }

    #[test]
    fn a_date_bound_takes_in_the_whole_day() {
        let f = Filter::parse(None, Some("2011-09-21"), None, None).unwrap();
        assert!(f.admits("2011-09-21T22:00:00.000Z", "x"));
        assert!(!f.admits("2011-09-22T00:00:00.000Z", "x"));
        let f = Filter::parse(Some("2011-09-21"), None, None, None).unwrap();
        assert!(f.admits("2011-09-21T00:00:00.000Z", "x"));
        assert!(!f.admits("2011-09-20T23:59:59.999Z", "x"));
    }

    #[test]
    fn an_offset_is_turned_into_utc() {
        assert_eq!(
            normal("2011-09-21T02:00:00+02:00", false).as_deref(),
            Some("2011-09-21T00:00:00.000Z")
        );
        assert_eq!(normal("21.9.2011", false), None);
    }

    #[test]
    fn a_bad_time_names_its_parameter() {
        let e = Filter::parse(None, None, None, Some("yesterday")).unwrap_err();
        assert!(e.starts_with("modified_until: \"yesterday\""), "{e}");
    }

    #[test]
    fn until_filters_on_modification() {
        let items = [
            item(1, "2020-01-01T00:00:00.000Z", "2020-01-01T00:00:00.000Z"),
            item(2, "2020-01-01T00:00:00.000Z", "2024-01-01T00:00:00.000Z"),
        ];
        let f = Filter::parse(None, None, None, Some("2021-01-01")).unwrap();
        let p = select(&items, &f, None, 10);
        assert_eq!(p.items.iter().map(|i| i.key.id).collect::<Vec<_>>(), [1]);
        assert_eq!(p.total, 1);
    }

    proptest! {
        /// Following `next` from the start visits every admitted object once, in order.
        #[test]
        fn paging_visits_each_object_once(
            ids in proptest::collection::btree_set(-1000i64..1000, 0..60),
            size in 1usize..9,
            cut in 0u8..4,
        ) {
            let items: Vec<Item<()>> = ids.iter().map(|&id| {
                let day = format!("2020-01-{:02}T00:00:00.000Z", 1 + id.rem_euclid(28));
                item(id, &day, &day)
            }).collect();
            let f = if cut == 0 { Filter::default() } else {
                Filter::parse(None, Some(&format!("2020-01-{:02}", cut * 7)), None, None).unwrap()
            };
            let want: Vec<i64> = items.iter().filter(|i| f.admits(&i.created, &i.modified)).map(|i| i.key.id).collect();
            let mut seen = Vec::new();
            let mut after = None;
            loop {
                let p = select(&items, &f, after, size);
                prop_assert!(p.items.len() <= size);
                prop_assert_eq!(p.total, want.len());
                seen.extend(p.items.iter().map(|i| i.key.id));
                match p.next { Some(k) => after = Some(k), None => break }
            }
            prop_assert_eq!(seen, want);
        }
    }
}
