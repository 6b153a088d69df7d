//! Escaping for the XML this crate writes (Akoma Ntoso, OOXML parts, SVG).

/// Text for an XML element or a double-quoted attribute: markup escaped,
/// and characters XML 1.0 does not allow (most control characters, U+FFFE,
/// U+FFFF) left out. Line breaks and tabs are kept.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\n' | '\t' | '\r' => out.push(c),
            '\u{FFFE}' | '\u{FFFF}' => {}
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::escape;

    #[test]
    fn markup_is_escaped_and_what_xml_forbids_left_out() {
        assert_eq!(
            escape("<a href=\"x\">A & B</a>\u{1}\u{FFFF}\n\t'"),
            "&lt;a href=&quot;x&quot;&gt;A &amp; B&lt;/a&gt;\n\t'"
        );
    }
}
