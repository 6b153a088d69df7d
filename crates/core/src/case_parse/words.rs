//! Small text helpers shared by the parser's steps.

/// Lowercases character by character. A character whose lowercase form has
/// another byte length is kept as it is, so an offset found in the result is
/// valid in the original too.
pub(crate) fn lower(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
            continue;
        }
        let mut l = c.to_lowercase();
        match (l.next(), l.next()) {
            (Some(one), None) if one.len_utf8() == c.len_utf8() => out.push(one),
            _ => out.push(c),
        }
    }
    out
}

/// A run of letters and digits and where it stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Word<'a> {
    pub(crate) text: &'a str,
    pub(crate) start: usize,
    pub(crate) end: usize,
}

pub(crate) struct Words<'a> {
    s: &'a str,
    pos: usize,
}

impl<'a> Iterator for Words<'a> {
    type Item = Word<'a>;

    fn next(&mut self) -> Option<Word<'a>> {
        let rest = self.s.get(self.pos..)?;
        let skip = rest.find(char::is_alphanumeric)?;
        let start = self.pos + skip;
        let after = self.s.get(start..)?;
        let len = after
            .find(|c: char| !c.is_alphanumeric())
            .unwrap_or(after.len());
        let end = start + len;
        self.pos = end;
        Some(Word {
            text: self.s.get(start..end)?,
            start,
            end,
        })
    }
}

pub(crate) fn words(s: &str) -> Words<'_> {
    Words { s, pos: 0 }
}

fn alnum_before(s: &str, at: usize) -> bool {
    s.get(..at)
        .and_then(|b| b.chars().next_back())
        .is_some_and(char::is_alphanumeric)
}

fn alnum_at(s: &str, at: usize) -> bool {
    s.get(at..)
        .and_then(|b| b.chars().next())
        .is_some_and(char::is_alphanumeric)
}

/// Finds `phrase` in `hay` (both lowercase) starting at a word boundary. A
/// phrase ending in '*' is a stem and may run on into a longer word;
/// otherwise it must also end at a word boundary.
pub(crate) fn find_phrase(hay: &str, phrase: &str) -> Option<usize> {
    let (needle, stem) = match phrase.strip_suffix('*') {
        Some(n) => (n, true),
        None => (phrase, false),
    };
    if needle.is_empty() {
        return None;
    }
    let check_start = needle.starts_with(char::is_alphanumeric);
    let check_end = !stem && needle.ends_with(char::is_alphanumeric);
    hay.match_indices(needle).map(|(i, _)| i).find(|&i| {
        !((check_start && alnum_before(hay, i)) || (check_end && alnum_at(hay, i + needle.len())))
    })
}

/// Whether `hay` (lowercase) starts with `phrase`, with the same rules as [`find_phrase`].
pub(crate) fn starts_with_phrase(hay: &str, phrase: &str) -> bool {
    let (needle, stem) = match phrase.strip_suffix('*') {
        Some(n) => (n, true),
        None => (phrase, false),
    };
    !needle.is_empty()
        && hay.starts_with(needle)
        && (stem || !needle.ends_with(char::is_alphanumeric) || !alnum_at(hay, needle.len()))
}

/// Whether `a` and `b` are equal but for case.
pub(crate) fn same_lowercase(a: &str, lowered: &str) -> bool {
    if a.is_ascii() {
        return a.eq_ignore_ascii_case(lowered);
    }
    a.chars().flat_map(char::to_lowercase).eq(lowered.chars())
}

/// The earliest of several phrases, with its position.
pub(crate) fn find_any<'p>(hay: &str, phrases: &[&'p str]) -> Option<(usize, &'p str)> {
    phrases
        .iter()
        .filter_map(|p| find_phrase(hay, p).map(|i| (i, *p)))
        .min_by_key(|(i, _)| *i)
}

/// The longest prefix of `s` of at most `max` bytes that ends on a character boundary.
pub(crate) fn prefix(s: &str, max: usize) -> &str {
    if s.len() <= max {
        return s;
    }
    let mut end = max;
    while end > 0 && !s.is_char_boundary(end) {
        end -= 1;
    }
    s.get(..end).unwrap_or("")
}

pub(crate) fn starts_upper(s: &str) -> bool {
    s.chars().next().is_some_and(char::is_uppercase)
}

/// Joins whitespace runs into single spaces and trims.
pub(crate) fn squash(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for w in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

/// Edit distance counting a swap of two neighbours as one edit (optimal
/// string alignment). Both inputs are short names, so the table is small.
pub(crate) fn edit_distance(a: &[char], b: &[char]) -> usize {
    let w = b.len() + 1;
    let mut d = vec![0usize; (a.len() + 1) * w];
    for (i, cell) in d.iter_mut().step_by(w).enumerate() {
        *cell = i;
    }
    for (j, cell) in d.iter_mut().take(w).enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut best = (d[(i - 1) * w + j] + 1)
                .min(d[i * w + j - 1] + 1)
                .min(d[(i - 1) * w + j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(d[(i - 2) * w + j - 2] + 1);
            }
            d[i * w + j] = best;
        }
    }
    d[a.len() * w + b.len()]
}

/// `w` with its first letter in capitals: "regionstyrelsen" → "Regionstyrelsen",
/// for testing a common noun against the names of bodies.
pub(crate) fn capitalise(w: &str) -> String {
    let mut c = w.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lower_keeps_offsets() {
        let s = "İstanbul ÖVERSYN";
        assert_eq!(lower(s).len(), s.len());
        assert!(lower(s).ends_with("översyn"));
    }

    #[test]
    fn words_split_on_punctuation() {
        let w: Vec<&str> = words("UCLG:s och C40-nätverket, 2011.")
            .map(|w| w.text)
            .collect();
        assert_eq!(w, ["UCLG", "s", "och", "C40", "nätverket", "2011"]);
    }

    #[test]
    fn phrases_respect_word_boundaries() {
        assert_eq!(find_phrase("vi går med i", "med i"), Some(8));
        assert_eq!(find_phrase("medlemskap", "med"), None);
        assert_eq!(find_phrase("utvärderas nu", "utvärdera*"), Some(0));
        assert_eq!(find_phrase("fr.o.m. den", "fr.o.m."), Some(0));
    }

    #[test]
    fn anchored_phrases() {
        assert!(starts_with_phrase(
            "reservation anfördes av",
            "reservation anförd*"
        ));
        assert!(starts_with_phrase("dissented", "dissent*"));
        assert!(!starts_with_phrase("reservationen", "reservation"));
        assert!(starts_with_phrase("reservation:", "reservation:"));
        assert!(same_lowercase("ÖVERSYN", "översyn"));
        assert!(!same_lowercase("UCLG", "ucl"));
    }

    #[test]
    fn edit_distance_counts_swaps_once() {
        let d = |a: &str, b: &str| {
            edit_distance(
                &a.chars().collect::<Vec<_>>(),
                &b.chars().collect::<Vec<_>>(),
            )
        };
        assert_eq!(d("ECLG", "UCLG"), 1);
        assert_eq!(d("SLK", "SKL"), 1);
        assert_eq!(d("metroplois", "metropolis"), 1);
        assert_eq!(d("", "abc"), 3);
    }

    #[test]
    fn prefix_stops_on_a_char_boundary() {
        assert_eq!(prefix("åäö", 3), "å");
        assert_eq!(prefix("abc", 10), "abc");
    }
}
