//! Drafts of the official statement (tjänsteutlåtande) and of the proposal's
//! points from a review's recommendations. Only a draft: the official edits
//! both before the case goes on.

use super::Point;
use crate::Lang;
use crate::analysis::Category;
use crate::profile::{Profile, capitalised};
use chrono::{Datelike, NaiveDate};

/// What the draft needs to know about one reviewed membership.
#[derive(Debug, Clone)]
pub struct Recommended {
    pub organisation: String,
    pub category: Category,
    /// The reasons, already in the draft's language.
    pub reasons: Vec<String>,
    /// Whether the city holds board or other seats there.
    pub has_seats: bool,
}

const MONTHS_SV: [&str; 12] = [
    "januari",
    "februari",
    "mars",
    "april",
    "maj",
    "juni",
    "juli",
    "augusti",
    "september",
    "oktober",
    "november",
    "december",
];
const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// "1 januari 2012" / "1 January 2012".
pub fn long_date(d: NaiveDate, lang: Lang) -> String {
    let months = if lang.is_en() { &MONTHS_EN } else { &MONTHS_SV };
    format!("{} {} {}", d.day(), months[d.month0() as usize], d.year())
}

/// "A, B och C" / "A, B and C".
pub fn join_names(names: &[&str], lang: Lang) -> String {
    let and = if lang.is_en() { " and " } else { " och " };
    match names {
        [] => String::new(),
        [one] => (*one).to_owned(),
        [rest @ .., last] => format!("{}{and}{last}", rest.join(", ")),
    }
}

fn names(rs: &[Recommended], f: impl Fn(&Recommended) -> bool) -> Vec<&str> {
    rs.iter()
        .filter(|r| f(r))
        .map(|r| r.organisation.as_str())
        .collect()
}

/// The proposal's points: resign seats where the city leaves, end those
/// memberships from `effective`, commission deeper engagement, limit reduced
/// ones; in the tenant's own words for itself and its office.
pub fn points(rs: &[Recommended], effective: NaiveDate, lang: Lang, p: &Profile) -> Vec<Point> {
    let en = lang.is_en();
    let we = capitalised(p.kind.noun(lang));
    let our = p.kind.genitive(lang);
    let our_cap = capitalised(our);
    let office = p.office(lang);
    let leave = names(rs, |r| r.category == Category::Terminate);
    let leave_seats = names(rs, |r| r.category == Category::Terminate && r.has_seats);
    let deepen = names(rs, |r| r.category == Category::Deepen);
    let reduce = names(rs, |r| r.category == Category::Reduce);
    let mut texts = Vec::new();
    if !leave_seats.is_empty() {
        let who = join_names(&leave_seats, lang);
        texts.push(if en {
            format!("{we} resigns its board seats in {who}.")
        } else {
            format!("{we} avsäger sig styrelseposterna i {who}.")
        });
    }
    if !leave.is_empty() {
        let who = join_names(&leave, lang);
        let when = long_date(effective, lang);
        texts.push(if en {
            format!("{our_cap} membership of {who} is terminated with effect from {when}.")
        } else {
            format!("{our_cap} medlemskap i {who} sägs upp från och med den {when}.")
        });
    }
    if !reduce.is_empty() {
        let who = join_names(&reduce, lang);
        texts.push(if en {
            format!(
                "{our_cap} engagement in {who} is limited to the working groups that serve its goals."
            )
        } else {
            format!(
                "{our_cap} engagemang i {who} begränsas till de arbetsgrupper som tjänar {our} mål."
            )
        });
    }
    if !deepen.is_empty() {
        let who = join_names(&deepen, lang);
        texts.push(if en {
            format!(
                "The {office} is commissioned to propose a strategic engagement within the membership of {who}."
            )
        } else {
            format!(
                "{office} får i uppdrag att se över och komma med förslag till strategiskt engagemang inom ramen för medlemskapet i {who}."
            )
        });
    }
    texts
        .into_iter()
        .enumerate()
        .map(|(i, text)| Point {
            number: i as u32 + 1,
            label: format!("{}.", i + 1),
            text,
        })
        .collect()
}

/// The official statement: what was reviewed, then one paragraph per
/// membership with its reasons, signed by the tenant's office and citing
/// its strategy when it has given the reference.
pub fn statement(rs: &[Recommended], review_title: &str, lang: Lang, p: &Profile) -> String {
    let en = lang.is_en();
    let our = p.kind.genitive(lang);
    let office = p.office(lang);
    let office_lower = lower_first(office);
    let all: Vec<&str> = rs.iter().map(|r| r.organisation.as_str()).collect();
    let strategy = if p.strategy_reference.is_empty() {
        String::new()
    } else {
        format!(" ({})", p.strategy_reference)
    };
    let mut out = if en {
        format!(
            "The review \"{review_title}\" examined {our} engagement in {}. The recommendations follow from the answers of {our} representatives, the costs and {our} goals for international work{strategy}.",
            join_names(&all, lang)
        )
    } else {
        format!(
            "Översynen \"{review_title}\" har analyserat {our} engagemang i {}. Rekommendationerna bygger på svar från {our} företrädare, kostnaderna och {our} mål för det internationella arbetet{strategy}.",
            join_names(&all, lang)
        )
    };
    for r in rs {
        let verdict = match (r.category, en) {
            (Category::Deepen, false) => "arbetet fördjupas",
            (Category::Continue, false) => "medlemskapet behålls",
            (Category::Reduce, false) => "engagemanget begränsas",
            (Category::Terminate, false) => "medlemskapet sägs upp",
            (Category::InsufficientEvidence, false) => {
                "underlaget räcker inte för en rekommendation"
            }
            (Category::Deepen, true) => "the work is deepened",
            (Category::Continue, true) => "the membership continues",
            (Category::Reduce, true) => "the engagement is reduced",
            (Category::Terminate, true) => "the membership is terminated",
            (Category::InsufficientEvidence, true) => {
                "the evidence does not support a recommendation"
            }
        };
        let because = if r.reasons.is_empty() {
            String::new()
        } else if en {
            format!(" Reasons: {}.", r.reasons.join("; "))
        } else {
            format!(" Skäl: {}.", r.reasons.join("; "))
        };
        out.push_str("\n\n");
        out.push_str(&if en {
            format!(
                "{}: the {office} recommends that {verdict}.{because}",
                r.organisation
            )
        } else {
            format!(
                "{}: {office_lower} rekommenderar att {verdict}.{because}",
                r.organisation
            )
        });
    }
    out
}

/// "Kommunledningskontoret" in the middle of a sentence.
fn lower_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_lowercase().chain(c).collect(),
        None => String::new(),
    }
}

/// The months of notice a drafted end must leave: the longest period of the
/// organisations the city leaves whose statutes are known; six when none is
/// (the "check the statutes" step then follows the decision).
pub const UNKNOWN_NOTICE_MONTHS: u32 = 6;

pub fn notice_months(leaving: &[Option<i32>]) -> u32 {
    leaving
        .iter()
        .flatten()
        .filter_map(|m| u32::try_from(*m).ok())
        .max()
        .unwrap_or(UNKNOWN_NOTICE_MONTHS)
}

/// The first 1 January at least `months` months after `today`: a default end date that leaves room for notice.
pub fn default_effective(today: NaiveDate, months: u32) -> NaiveDate {
    let earliest = today
        .checked_add_months(chrono::Months::new(months))
        .unwrap_or(today);
    let year = if earliest.month() == 1 && earliest.day() == 1 {
        earliest.year()
    } else {
        earliest.year() + 1
    };
    NaiveDate::from_ymd_opt(year, 1, 1).unwrap_or(earliest)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stockholm() -> Vec<Recommended> {
        let r = |o: &str, c, s| Recommended {
            organisation: o.into(),
            category: c,
            reasons: vec!["låg nytta".into()],
            has_seats: s,
        };
        vec![
            r("EUROCITIES", Category::Deepen, false),
            r("C40", Category::Continue, false),
            r("Metropolis", Category::Terminate, true),
            r("UCLG", Category::Terminate, true),
        ]
    }

    #[test]
    fn the_stockholm_recommendations_draft_the_three_real_points() {
        let p = points(
            &stockholm(),
            NaiveDate::from_ymd_opt(2012, 1, 1).unwrap(),
            Lang::Sv,
            &crate::demo::profile(),
        );
        let texts: Vec<_> = p.iter().map(|x| x.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "Staden avsäger sig styrelseposterna i Metropolis och UCLG.",
                "Stadens medlemskap i Metropolis och UCLG sägs upp från och med den 1 januari 2012.",
                "Stadsledningskontoret får i uppdrag att se över och komma med förslag till strategiskt engagemang inom ramen för medlemskapet i EUROCITIES."
            ]
        );
        assert_eq!(p[2].label, "3.");
    }

    #[test]
    fn the_statement_names_every_membership_with_its_reasons() {
        let p = crate::demo::profile();
        let s = statement(&stockholm(), "Översyn 2011", Lang::Sv, &p);
        assert!(s.contains("EUROCITIES, C40, Metropolis och UCLG"));
        assert!(s.contains(
            "UCLG: stadsledningskontoret rekommenderar att medlemskapet sägs upp. Skäl: låg nytta."
        ));
        let en = statement(&stockholm(), "Review 2011", Lang::En, &p);
        assert!(
            en.contains("C40: the City Executive Office recommends that the membership continues.")
        );
    }

    #[test]
    fn another_tenant_drafts_in_its_own_words() {
        let mut p = Profile::default_for("Uppsala kommun");
        p.strategy_reference = "Internationell policy (KF 2019-06-10 § 12)".into();
        let end = NaiveDate::from_ymd_opt(2027, 1, 1).unwrap();
        let texts: Vec<String> = points(&stockholm(), end, Lang::Sv, &p)
            .into_iter()
            .map(|x| x.text)
            .collect();
        assert_eq!(
            texts[0],
            "Kommunen avsäger sig styrelseposterna i Metropolis och UCLG."
        );
        assert!(texts[2].starts_with("Kommunledningskontoret får i uppdrag"));
        let s = statement(&stockholm(), "Översyn 2026", Lang::Sv, &p);
        assert!(s.contains("kommunens mål för det internationella arbetet (Internationell policy (KF 2019-06-10 § 12))"));
        assert!(s.contains("UCLG: kommunledningskontoret rekommenderar"));
        let en = points(&stockholm(), end, Lang::En, &p);
        assert!(
            en[1]
                .text
                .starts_with("The municipality's membership of Metropolis")
        );
        for t in texts.iter().chain([&s]) {
            assert!(!t.to_lowercase().contains("stad"), "{t}");
        }
    }

    #[test]
    fn the_default_end_leaves_the_notice_period() {
        let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        assert_eq!(default_effective(d(2011, 9, 8), 6), d(2013, 1, 1));
        assert_eq!(default_effective(d(2011, 6, 1), 6), d(2012, 1, 1));
        assert_eq!(default_effective(d(2011, 7, 1), 6), d(2012, 1, 1));
        assert_eq!(long_date(d(2012, 1, 1), Lang::En), "1 January 2012");
        // A twelve-month rule moves the drafted end a year further.
        assert_eq!(notice_months(&[None, Some(12), Some(6)]), 12);
        assert_eq!(notice_months(&[None]), 6);
        assert_eq!(notice_months(&[Some(0)]), 0);
        assert_eq!(
            default_effective(d(2026, 12, 5), notice_months(&[Some(12)])),
            d(2028, 1, 1)
        );
    }
}
