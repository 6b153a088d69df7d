//! Small text helpers shared by the parser's steps.

/// Lowercases character by character. A character whose lowercase form has
/// another byte length is kept as it is, so an offset found in the result is
/// valid in the original too.
pub(crate) fn lower(s: &str) -> String {
    // The ASCII letters are lowered in one pass, and only the characters
    // that are not ASCII are decoded: most letters of a Nordic text are
    // ASCII, and this runs on every paragraph many times.
    let mut out = s.to_ascii_lowercase();
    let bytes = s.as_bytes();
    let mut from = 0;
    // A character that is not ASCII starts with a byte of 0xC0 or more.
    while let Some(at) = bytes
        .get(from..)
        .and_then(|rest| rest.iter().position(|&b| b >= 0xC0))
        .map(|k| from + k)
    {
        let Some(c) = s.get(at..).and_then(|r| r.chars().next()) else {
            break;
        };
        let width = c.len_utf8();
        from = at + width;
        let mut l = c.to_lowercase();
        if let (Some(one), None) = (l.next(), l.next())
            && one != c
            && one.len_utf8() == width
        {
            let mut buf = [0u8; 4];
            out.replace_range(at..from, one.encode_utf8(&mut buf));
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
    // Most needles are a word and most texts a line: looking for the first
    // byte and comparing there costs less than setting up a substring search.
    let (first, rest) = needle.as_bytes().split_first()?;
    let bytes = hay.as_bytes();
    memchr::memchr_iter(*first, bytes).find(|&i| {
        bytes
            .get(i + 1..)
            .is_some_and(|after| after.starts_with(rest))
            && !((check_start && alnum_before(hay, i))
                || (check_end && alnum_at(hay, i + needle.len())))
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

/// The earliest of several phrases, with its position; of phrases found at
/// the same place, the one listed first.
pub(crate) fn find_any(
    hay: &str,
    phrases: &'static [&'static str],
) -> Option<(usize, &'static str)> {
    phrase_set(phrases)
        .find(hay)
        .and_then(|(at, k)| phrases.get(k).map(|p| (at, *p)))
}

/// Whether one of `parts` stands anywhere in `hay`, inside a word or not:
/// one pass over the text, however long the list.
pub(crate) fn contains_any(hay: &str, parts: &'static [&'static str]) -> bool {
    phrase_set(parts)
        .automaton
        .as_ref()
        .is_some_and(|a| a.is_match(hay))
}

/// Whether a word of `s` begins with one of `stems` (lowercase): a word is
/// what stands between spaces, less the marks before its first letter
/// ("(beslutade" begins with "beslut", "ombeslutade" does not).
pub(crate) fn has_word_starting(s: &str, stems: &'static [&'static str]) -> bool {
    lowered_has_word_starting(&lower(s), stems)
}

/// [`has_word_starting`] of a text already lowercased with [`lower`].
pub(crate) fn lowered_has_word_starting(l: &str, stems: &'static [&'static str]) -> bool {
    let set = phrase_set(stems);
    let Some(automaton) = set.automaton.as_ref() else {
        return false;
    };
    automaton.find_overlapping_iter(l).any(|m| {
        l.get(..m.start()).is_some_and(|before| {
            !before
                .rsplit(char::is_whitespace)
                .next()
                .unwrap_or("")
                .contains(char::is_alphanumeric)
        })
    })
}

/// Every place where one of `phrases` begins, overlapping ones too, in
/// the order of the text and then of the list; with no test of word
/// boundaries, which the caller makes.
pub(crate) fn occurrences(
    hay: &str,
    phrases: &'static [&'static str],
) -> Vec<(usize, &'static str)> {
    let set = phrase_set(phrases);
    let Some(automaton) = set.automaton.as_ref() else {
        return Vec::new();
    };
    let mut found: Vec<(usize, usize)> = automaton
        .find_overlapping_iter(hay)
        .filter_map(|m| {
            let (k, _, _) = set.patterns.get(m.pattern().as_usize())?;
            Some((m.start(), *k))
        })
        .collect();
    found.sort_unstable();
    found
        .into_iter()
        .filter_map(|(at, k)| phrases.get(k).map(|p| (at, *p)))
        .collect()
}

fn phrase_set(phrases: &'static [&'static str]) -> std::rc::Rc<PhraseSet> {
    PHRASE_SETS.with(|sets| {
        let key = (phrases.as_ptr() as usize, phrases.len());
        sets.borrow_mut()
            .entry(key)
            .or_insert_with(|| std::rc::Rc::new(PhraseSet::new(phrases)))
            .clone()
    })
}

thread_local! {
    /// The parser's phrase lists are constants, so a list's address names
    /// it: each is compiled into one automaton once per thread, instead of
    /// searching the text once for every phrase of it (most of the
    /// parser's time went on that).
    static PHRASE_SETS: std::cell::RefCell<
        std::collections::HashMap<(usize, usize), std::rc::Rc<PhraseSet>, FastBuild>,
    > = std::cell::RefCell::default();
}

/// A quick hasher for maps whose keys the parser chose: its phrase lists'
/// addresses, and the catalogue's names. The map of phrase lists is looked
/// up on every search (hundreds of thousands in a long document), and the
/// default hasher's resistance to chosen keys buys nothing where no
/// uploaded text adds a key. Maps keyed by a document's own words keep the
/// default hasher.
#[derive(Default)]
pub(crate) struct FastHasher(u64);

/// A map or set with [`FastHasher`].
pub(crate) type FastBuild = std::hash::BuildHasherDefault<FastHasher>;

impl std::hash::Hasher for FastHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            self.write_u64(u64::from_le_bytes(c.try_into().unwrap_or_default()));
        }
        let mut last = [0u8; 8];
        let rest = chunks.remainder();
        last[..rest.len()].copy_from_slice(rest);
        self.write_u64(u64::from_le_bytes(last) ^ rest.len() as u64);
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0.rotate_left(5) ^ n).wrapping_mul(0x517c_c1b7_2722_0a95);
    }

    fn write_usize(&mut self, n: usize) {
        self.write_u64(n as u64);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// A list of phrases searched for in one pass.
struct PhraseSet {
    automaton: Option<aho_corasick::AhoCorasick>,
    /// Per pattern of the automaton: its index in the list, whether its
    /// start and its end must be at a word boundary.
    patterns: Vec<(usize, bool, bool)>,
    longest: usize,
}

impl PhraseSet {
    fn new(phrases: &[&str]) -> PhraseSet {
        let mut needles = Vec::new();
        let mut patterns = Vec::new();
        for (k, phrase) in phrases.iter().enumerate() {
            let (needle, stem) = match phrase.strip_suffix('*') {
                Some(n) => (n, true),
                None => (*phrase, false),
            };
            if needle.is_empty() {
                continue;
            }
            let check_start = needle.starts_with(char::is_alphanumeric);
            let check_end = !stem && needle.ends_with(char::is_alphanumeric);
            needles.push(needle);
            patterns.push((k, check_start, check_end));
        }
        PhraseSet {
            longest: needles.iter().map(|n| n.len()).max().unwrap_or(0),
            automaton: aho_corasick::AhoCorasick::builder()
                .kind(Some(aho_corasick::AhoCorasickKind::DFA))
                .build(&needles)
                .ok(),
            patterns,
        }
    }

    /// The earliest match that keeps to its word boundaries: its byte
    /// position and the phrase's index in the list.
    fn find(&self, hay: &str) -> Option<(usize, usize)> {
        let automaton = self.automaton.as_ref()?;
        let mut best: Option<(usize, usize)> = None;
        for m in automaton.find_overlapping_iter(hay) {
            // Matches come in the order they end: none that ends this late
            // can begin before the best one found.
            if best.is_some_and(|(at, _)| m.end() > at + self.longest) {
                break;
            }
            let Some(&(k, check_start, check_end)) = self.patterns.get(m.pattern().as_usize())
            else {
                continue;
            };
            if (check_start && alnum_before(hay, m.start()))
                || (check_end && alnum_at(hay, m.end()))
            {
                continue;
            }
            if best.is_none_or(|b| (m.start(), k) < b) {
                best = Some((m.start(), k));
            }
        }
        best
    }
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
    // Most lines are spaced already: copying them costs less than
    // splitting them into words and joining them again.
    if !needs_squash(s.as_bytes()) {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    for w in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

/// Whether a text has whitespace to trim or join: at its ends, two in a
/// row, or any but the plain space. Every whitespace character that is
/// not ASCII starts with one of the lead bytes 0xC2, 0xE1, 0xE2 and 0xE3,
/// followed by the bytes that are looked at here.
fn needs_squash(b: &[u8]) -> bool {
    if b.first() == Some(&b' ') || b.last() == Some(&b' ') {
        return true;
    }
    any_byte_at(b, |c, next, third| match c {
        b' ' => next == b' ',
        b'\t' | b'\n' | 0x0b | 0x0c | b'\r' => true,
        // U+0085 and U+00A0.
        0xC2 => matches!(next, 0x85 | 0xA0),
        // U+1680.
        0xE1 => next == 0x9A && third == 0x80,
        // U+2000 to U+200A, U+2028, U+2029, U+202F and U+205F.
        0xE2 => {
            (next == 0x80 && matches!(third, 0x80..=0x8A | 0xA8 | 0xA9 | 0xAF))
                || (next == 0x81 && third == 0x9F)
        }
        // U+3000.
        0xE3 => next == 0x80 && third == 0x80,
        _ => false,
    })
}

/// Whether `odd` holds at some byte of `b`, given that byte and the two
/// after it (0 past the end): a character's UTF-8 form, read without
/// decoding the text.
pub(crate) fn any_byte_at(b: &[u8], odd: impl Fn(u8, u8, u8) -> bool) -> bool {
    (0..b.len()).any(|i| {
        let next = b.get(i + 1).copied().unwrap_or(0);
        let third = b.get(i + 2).copied().unwrap_or(0);
        odd(b[i], next, third)
    })
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

/// [`edit_distance`] where it is at most `limit`, found without a table on
/// the heap and given up as soon as no path can stay within the limit:
/// the organisation matcher compares every capitalised word with every
/// known name this way.
pub(crate) fn edit_distance_within(a: &[char], b: &[char], limit: usize) -> Option<usize> {
    const MAX: usize = 32;
    if a.len().abs_diff(b.len()) > limit {
        return None;
    }
    if b.len() >= MAX {
        return Some(edit_distance(a, b)).filter(|&d| d <= limit);
    }
    // Three rows of the table: the one two back, the one before, this one.
    let (mut back2, mut back1, mut row) = ([0usize; MAX], [0usize; MAX], [0usize; MAX]);
    for (j, cell) in back1.iter_mut().enumerate().take(b.len() + 1) {
        *cell = j;
    }
    let mut prev_min = 0;
    for i in 1..=a.len() {
        row[0] = i;
        let mut row_min = i;
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut best = (back1[j] + 1).min(row[j - 1] + 1).min(back1[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(back2[j - 2] + 1);
            }
            row[j] = best;
            row_min = row_min.min(best);
        }
        // Every later cell comes from this row or the one before it (a
        // swap reaches back two rows, plus one): past the limit in both,
        // the distance is too.
        if row_min > limit && prev_min > limit {
            return None;
        }
        prev_min = row_min;
        back2 = back1;
        back1 = row;
    }
    Some(back1[b.len()]).filter(|&d| d <= limit)
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
pub(crate) mod tests {
    use super::*;

    #[test]
    fn the_quick_hasher_tells_trailing_bytes_and_lengths_apart() {
        use std::hash::{BuildHasher, Hasher};
        let hash = |b: &[u8]| {
            let mut h = FastBuild::default().build_hasher();
            h.write(b);
            h.finish()
        };
        assert_ne!(hash(b"ab"), hash(b"ab\0"));
        assert_ne!(hash(b"abcdefgh"), hash(b"abcdefgh\0"));
        assert_ne!(hash(b"abcdefghi"), hash(b"abcdefghj"));
        // Distinct names of the catalogue rarely share a hash.
        let names = crate::case_parse::catalogue_names();
        let mut seen = std::collections::HashSet::new();
        let mut same = 0;
        let distinct: std::collections::BTreeSet<&String> =
            names.iter().flat_map(|o| o.names.iter()).collect();
        for n in distinct {
            if !seen.insert(FastBuild::default().hash_one(n)) {
                same += 1;
            }
        }
        assert_eq!(same, 0, "{same} names share a hash");
    }

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

    /// The earliest phrase by searching for each in turn, as `find_any`
    /// did before it searched for all at once.
    fn earliest_one_by_one(hay: &str, phrases: &[&'static str]) -> Option<(usize, &'static str)> {
        phrases
            .iter()
            .filter_map(|p| find_phrase(hay, p).map(|i| (i, *p)))
            .min_by_key(|(i, _)| *i)
    }

    const SOME_PHRASES: &[&str] = &["med", "med i", "medlem*", "i", "lem", "ö.", "å"];

    #[test]
    fn any_phrase_keeps_boundaries_and_list_order() {
        assert_eq!(find_any("vi går med i", SOME_PHRASES), Some((8, "med")));
        assert_eq!(find_any("medlemskap i", SOME_PHRASES), Some((0, "medlem*")));
        assert_eq!(find_any("problem", SOME_PHRASES), None);
        assert_eq!(find_any("för ö. i", SOME_PHRASES), Some((5, "ö.")));
    }

    #[test]
    fn occurrences_are_every_start_in_order() {
        assert_eq!(
            occurrences("med i medlem", SOME_PHRASES),
            [
                (0, "med"),
                (0, "med i"),
                (4, "i"),
                (6, "med"),
                (6, "medlem*"),
                (9, "lem")
            ]
        );
    }

    #[test]
    fn a_word_starting_with_a_stem() {
        const STEMS: &[&str] = &["beslut", "röst"];
        assert!(has_word_starting("Han (beslutade) det", STEMS));
        assert!(has_word_starting("RÖSTNING", STEMS));
        assert!(!has_word_starting("ombeslutade", STEMS));
        assert!(!has_word_starting("x-beslut", STEMS));
    }

    fn lowered_char_by_char(s: &str) -> String {
        s.chars()
            .map(|c| {
                let mut l = c.to_lowercase();
                match (l.next(), l.next()) {
                    (Some(one), None) if one.len_utf8() == c.len_utf8() => one,
                    _ => c,
                }
            })
            .collect()
    }

    #[test]
    fn lower_matches_lowering_each_character() {
        let s = "ÅÄÖ Ærø ÜBER Σ İ ǅ";
        assert_eq!(lower(s), lowered_char_by_char(s));
        assert_eq!(lower(s), "åäö ærø über σ İ ǆ");
    }

    /// Short strings of the given characters, each as likely as another.
    pub(crate) fn some_of(
        chars: &'static [char],
    ) -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::strategy::Strategy;
        proptest::collection::vec(proptest::sample::select(chars), 0..10)
            .prop_map(|cs: Vec<char>| cs.into_iter().collect())
    }

    proptest::proptest! {
        #[test]
        fn contains_any_is_containing_one(hay in "[medli åö.\\-]{0,40}") {
            proptest::prop_assert_eq!(
                contains_any(&hay, SOME_PHRASES),
                SOME_PHRASES.iter().any(|p| hay.contains(p.trim_end_matches('*')))
            );
        }

        #[test]
        fn a_distance_within_a_limit_is_the_distance(
            a in "[abcå]{0,12}",
            b in "[abcå]{0,12}",
            limit in 0usize..4,
        ) {
            let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
            let d = edit_distance(&a, &b);
            proptest::prop_assert_eq!(
                edit_distance_within(&a, &b, limit),
                (d <= limit).then_some(d)
            );
        }

        #[test]
        fn lower_is_lowering_each_character(s in "\\PC{0,60}") {
            proptest::prop_assert_eq!(lower(&s), lowered_char_by_char(&s));
        }

        #[test]
        fn squash_is_joining_the_words(s in some_of(&[
            ' ', 'a', 'å', '\t', '\n', '\r', '\u{b}', '\u{c}', '\u{85}', '\u{a0}', '\u{ad}',
            '\u{1680}', '\u{1681}', '\u{2000}', '\u{200a}', '\u{200b}', '\u{2013}',
            '\u{2028}', '\u{2029}', '\u{202f}', '\u{205f}', '\u{2060}', '\u{3000}', '\u{3001}',
        ])) {
            let joined = s.split_whitespace().collect::<Vec<_>>().join(" ");
            proptest::prop_assert_eq!(squash(&s), joined);
        }

        #[test]
        fn squash_joins_plain_spaces(s in some_of(&[' ', 'a', 'å', '\u{2013}', '\u{1681}', '\u{2060}'])) {
            let joined = s.split_whitespace().collect::<Vec<_>>().join(" ");
            proptest::prop_assert_eq!(squash(&s), joined);
        }

        #[test]
        fn all_at_once_finds_what_one_by_one_finds(hay in "[medli åö.\\-]{0,40}") {
            proptest::prop_assert_eq!(
                find_any(&hay, SOME_PHRASES),
                earliest_one_by_one(&hay, SOME_PHRASES)
            );
        }
    }

    #[test]
    fn prefix_stops_on_a_char_boundary() {
        assert_eq!(prefix("åäö", 3), "å");
        assert_eq!(prefix("abc", 10), "abc");
    }
}
