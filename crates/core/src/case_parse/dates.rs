//! Dates written in Swedish, Danish, Norwegian and English running text:
//! "den 8 september 2011", "23-26 november 2011" (the first day of a
//! range), "1 January 2012", "3rd November 2011", "November 23, 2011",
//! "13. marts 2007", "2019-10-16", "8.9.2011", "13.09.2007", "20/03/2019"
//! (day first, as British minutes write it), "24-09-2019", and the turn
//! of a year, "vid årsskiftet 2011/2012".

use super::words::{Word, lower, words};
use chrono::{Datelike, NaiveDate};

/// A date found in a text; `year` is missing when the text leaves it out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Found {
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) year: Option<i32>,
    pub(crate) month: u32,
    pub(crate) day: u32,
}

impl Found {
    /// The date, taking a missing year from `context` (the next such day on or after it).
    pub(crate) fn date(&self, context: Option<NaiveDate>) -> Option<NaiveDate> {
        match (self.year, context) {
            (Some(y), _) => NaiveDate::from_ymd_opt(y, self.month, self.day),
            (None, Some(c)) => {
                let d = NaiveDate::from_ymd_opt(c.year(), self.month, self.day)?;
                if d < c {
                    NaiveDate::from_ymd_opt(c.year() + 1, self.month, self.day)
                } else {
                    Some(d)
                }
            }
            (None, None) => None,
        }
    }
}

pub(crate) fn month(word: &str) -> Option<u32> {
    // Every name below is ASCII, of three to nine letters.
    if !(3..=9).contains(&word.len()) {
        return None;
    }
    let m = match lower(word).as_str() {
        // Swedish, English, Danish and Norwegian.
        "januari" | "january" | "januar" | "jan" => 1,
        "februari" | "february" | "februar" | "feb" => 2,
        "mars" | "march" | "marts" | "mar" => 3,
        "april" | "apr" => 4,
        "maj" | "may" | "mai" => 5,
        "juni" | "june" | "jun" => 6,
        "juli" | "july" | "jul" => 7,
        "augusti" | "august" | "aug" => 8,
        "september" | "sep" | "sept" => 9,
        "oktober" | "october" | "okt" | "oct" => 10,
        "november" | "nov" => 11,
        "december" | "desember" | "dec" | "des" => 12,
        _ => return None,
    };
    Some(m)
}

fn number(w: &str, max_len: usize) -> Option<u32> {
    (!w.is_empty() && w.len() <= max_len && w.chars().all(|c| c.is_ascii_digit()))
        .then(|| w.parse().ok())
        .flatten()
}

fn year(w: &str) -> Option<i32> {
    let y: i32 = (w.len() == 4)
        .then(|| number(w, 4))
        .flatten()?
        .try_into()
        .ok()?;
    (1900..=2200).contains(&y).then_some(y)
}

/// A day of the month, allowing "1st", "23rd".
fn day(w: &str) -> Option<u32> {
    let digits = w.bytes().take_while(u8::is_ascii_digit).count();
    let suffix = w.get(digits..)?;
    if !(suffix.is_empty()
        || ["st", "nd", "rd", "th"]
            .iter()
            .any(|s| suffix.eq_ignore_ascii_case(s)))
    {
        return None;
    }
    number(w.get(..digits)?, 2).filter(|d| (1..=31).contains(d))
}

/// "19thDecember": a day with its ordinal's ending and a month's name,
/// with no space between them.
fn run_together(w: &str) -> Option<(u32, u32)> {
    let digits = w.bytes().take_while(u8::is_ascii_digit).count();
    if !(1..=2).contains(&digits) {
        return None;
    }
    let rest = w.get(digits..)?;
    let ending = ["st", "nd", "rd", "th"]
        .iter()
        .find(|e| rest.get(..2).is_some_and(|r| r.eq_ignore_ascii_case(e)))?;
    let name = rest.get(ending.len()..)?;
    if !name.starts_with(|c: char| c.is_ascii_uppercase()) {
        return None;
    }
    Some((number(&w[..digits], 2)?, month(name)?))
}

/// The characters between two words.
fn gap<'a>(text: &'a str, a: &Word, b: &Word) -> &'a str {
    text.get(a.end..b.start).unwrap_or("")
}

fn is_range_dash(g: &str) -> bool {
    matches!(g.trim(), "-" | "–" | "—")
}

fn valid(y: Option<i32>, m: u32, d: u32) -> bool {
    NaiveDate::from_ymd_opt(y.unwrap_or(2000), m, d).is_some()
}

/// Every date in `text`, in order.
pub(crate) fn find(text: &str) -> Vec<Found> {
    // Every form of a date has a digit; most lines have none.
    if !text.bytes().any(|b| b.is_ascii_digit()) {
        return Vec::new();
    }
    let ws: Vec<Word> = words(text).collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < ws.len() {
        if let Some((found, next)) = at(text, &ws, i) {
            out.push(found);
            i = next;
        } else {
            i += 1;
        }
    }
    out
}

fn at(text: &str, ws: &[Word], i: usize) -> Option<(Found, usize)> {
    let w = ws.get(i)?;
    // 2019-10-16, and 2011/12/14 as decision registers write it
    if let Some(y) = year(w.text)
        && let (Some(mw), Some(dw)) = (ws.get(i + 1), ws.get(i + 2))
        && let sep = gap(text, w, mw)
        && matches!(sep, "-" | "/")
        && gap(text, mw, dw) == sep
        && let (Some(m), Some(d)) = (number(mw.text, 2), number(dw.text, 2))
        && valid(Some(y), m, d)
    {
        return Some((found(w.start, dw.end, Some(y), m, d), i + 3));
    }
    // 8.9.2011, and as British and Danish minutes write it: 20/03/2019, 24-09-2019
    if let Some(d) = number(w.text, 2)
        && let (Some(mw), Some(yw)) = (ws.get(i + 1), ws.get(i + 2))
        && let sep = gap(text, w, mw)
        && matches!(sep, "." | "/" | "-")
        && gap(text, mw, yw) == sep
        && let (Some(m), Some(y)) = (number(mw.text, 2), year(yw.text))
        && valid(Some(y), m, d)
    {
        return Some((found(w.start, yw.end, Some(y), m, d), i + 3));
    }
    // "Monday, 19thDecember 2011": a transcript that lost the space
    // after the ordinal.
    if let Some((d, m)) = run_together(w.text)
        && let Some(yw) = ws.get(i + 1)
        && matches!(gap(text, w, yw).trim(), "" | ",")
        && let Some(y) = year(yw.text)
        && valid(Some(y), m, d)
    {
        return Some((found(w.start, yw.end, Some(y), m, d), i + 2));
    }
    // 23-26 november 2011, 8 september 2011, 1st January 2012, 8:e maj
    if let Some(d) = day(w.text) {
        let mut k = i + 1;
        if let Some(to) = ws.get(k)
            && is_range_dash(gap(text, w, to))
            && day(to.text).is_some()
        {
            k += 1;
        }
        if let Some(suffix) = ws.get(k)
            && matches!(suffix.text, "e" | "a")
            && gap(text, &ws[k - 1], suffix) == ":"
        {
            k += 1;
        }
        // "24 TH NOVEMBER, 2014": the ordinal's ending set apart, as a
        // PDF's text often has it.
        if let Some(suffix) = ws.get(k)
            && matches!(lower(suffix.text).as_str(), "st" | "nd" | "rd" | "th")
            && gap(text, &ws[k - 1], suffix) == " "
            && ws[k - 1].text.bytes().all(|b| b.is_ascii_digit())
        {
            k += 1;
        }
        // "the 26th of November 2012"
        if ws
            .get(k)
            .is_some_and(|of| of.text.eq_ignore_ascii_case("of"))
            && ws[k - 1].text.len() > 2
        {
            k += 1;
        }
        let mw = ws.get(k)?;
        let m = month(mw.text)?;
        // "23. marts 2006": Danish and Norwegian write the day as an ordinal.
        if !matches!(gap(text, &ws[k - 1], mw).trim(), "" | ".") {
            return None;
        }
        let y = ws
            .get(k + 1)
            .filter(|yw| matches!(gap(text, mw, yw).trim(), "" | "." | ","))
            .and_then(|yw| year(yw.text));
        if !valid(y, m, d) {
            return None;
        }
        return Some(match y {
            Some(_) => (found(w.start, ws[k + 1].end, y, m, d), k + 2),
            None => (found(w.start, mw.end, None, m, d), k + 1),
        });
    }
    // November 23, 2011 and November 23-26, 2011
    if let Some(m) = month(w.text)
        && w.text.len() >= 3
        && let Some(dw) = ws.get(i + 1)
        && let Some(d) = day(dw.text)
        && matches!(gap(text, w, dw).trim(), "" | ".")
    {
        let mut k = i + 2;
        if let Some(to) = ws.get(k)
            && is_range_dash(gap(text, dw, to))
            && day(to.text).is_some()
        {
            k += 1;
        }
        let yw = ws.get(k)?;
        let y = year(yw.text)?;
        if matches!(gap(text, &ws[k - 1], yw).trim(), "," | "") && valid(Some(y), m, d) {
            return Some((found(w.start, yw.end, Some(y), m, d), k + 1));
        }
    }
    None
}

fn found(start: usize, end: usize, year: Option<i32>, month: u32, day: u32) -> Found {
    Found {
        start,
        end,
        year,
        month,
        day,
    }
}

/// "årsskiftet 2011/2012" or "the turn of the year 2011/2012": 1 January of the later year.
pub(crate) fn turn_of_year(lowered: &str) -> Option<(usize, NaiveDate)> {
    for lead in ["årsskiftet", "turn of the year", "turn of year", "year-end"] {
        if let Some(at) = lowered.find(lead) {
            let rest = lowered.get(at + lead.len()..)?;
            let ws: Vec<Word> = words(rest).take(3).collect();
            let later = ws.iter().filter_map(|w| year(w.text)).nth(1)?;
            return Some((at, NaiveDate::from_ymd_opt(later, 1, 1)?));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dates(text: &str) -> Vec<Option<NaiveDate>> {
        find(text).iter().map(|f| f.date(None)).collect()
    }

    fn d(y: i32, m: u32, day: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, day)
    }

    #[test]
    fn swedish_dates() {
        assert_eq!(dates("Stockholm den 8 september 2011"), [d(2011, 9, 8)]);
        assert_eq!(
            dates("i Porto Alegre den 23-26 november 2011."),
            [d(2011, 11, 23)]
        );
        assert_eq!(dates("från och med den 1 januari 2012"), [d(2012, 1, 1)]);
        assert_eq!(dates("den 23–26 nov. 2011"), [d(2011, 11, 23)]);
        assert_eq!(dates("Sammanträdesdatum 2019-10-16"), [d(2019, 10, 16)]);
        assert_eq!(dates("den 8:e maj 2020"), [d(2020, 5, 8)]);
        assert_eq!(dates("8.9.2011"), [d(2011, 9, 8)]);
    }

    #[test]
    fn english_dates_with_of_and_capitals() {
        assert_eq!(
            dates("HELD ON THE 26TH OF NOVEMBER 2012"),
            vec![d(2012, 11, 26)]
        );
        assert_eq!(find("the 3rd of May").len(), 1);
        assert_eq!(
            dates("ON MONDAY, 24 TH NOVEMBER, 2014, AT 3.00 P.M."),
            vec![d(2014, 11, 24)]
        );
        // "5 of March" is no date: only an ordinal takes "of".
        assert!(dates("5 of March 2012").is_empty());
    }

    #[test]
    fn an_ordinal_run_into_its_month() {
        assert_eq!(
            dates("Meeting held on Monday, 19thDecember 2011, at Kells"),
            [NaiveDate::from_ymd_opt(2011, 12, 19)]
        );
        assert_eq!(
            dates("the 19thdecember 2011"),
            Vec::<Option<NaiveDate>>::new()
        );
    }

    #[test]
    fn english_dates() {
        assert_eq!(dates("with effect from 1 January 2021"), [d(2021, 1, 1)]);
        assert_eq!(dates("by 23rd November 2011"), [d(2011, 11, 23)]);
        assert_eq!(dates("on November 23, 2011"), [d(2011, 11, 23)]);
        assert_eq!(dates("March 3-5, 2020"), [d(2020, 3, 3)]);
    }

    #[test]
    fn missing_years_and_non_dates() {
        let f = find("senast den 30 juni");
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].date(d(2011, 9, 8)), d(2012, 6, 30));
        assert_eq!(f[0].date(d(2011, 3, 1)), d(2011, 6, 30));
        assert!(dates("dnr 006-1137/2007, 31 februari 2011, 1.5 miljoner, maj").is_empty());
    }

    #[test]
    fn turn_of_the_year() {
        assert_eq!(
            turn_of_year("vid årsskiftet 2011/2012 helt").map(|x| x.1),
            d(2012, 1, 1)
        );
        assert_eq!(turn_of_year("vid årsskiftet"), None);
    }
}
