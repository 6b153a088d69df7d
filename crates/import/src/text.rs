//! The text of an uploaded document: PDF (text extracted by pdf-extract),
//! UTF-8 or UTF-16 with a byte-order mark, or Windows-1252 as older Swedish
//! documents are saved. Anything else is refused with a reason.

use std::panic::{AssertUnwindSafe, catch_unwind};

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum ReadError {
    #[error("the file is empty")]
    Empty,
    #[error("the PDF could not be read ({0}); if it is a scan, it has no text to import")]
    Pdf(String),
    #[error("the PDF has no text layer (a scanned image?); run it through OCR first")]
    NoText,
    #[error("the file is neither text nor PDF (it looks like binary data)")]
    Binary,
}

/// Larger files are not decision documents.
pub const MAX_BYTES: usize = 20 * 1024 * 1024;

pub fn document_text(bytes: &[u8]) -> Result<String, ReadError> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(ReadError::Empty);
    }
    if bytes.len() > MAX_BYTES {
        return Err(ReadError::Binary);
    }
    if bytes.starts_with(b"%PDF") {
        return pdf_text(bytes);
    }
    if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        return utf8(rest);
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        return utf16(rest, u16::from_le_bytes);
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        return utf16(rest, u16::from_be_bytes);
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => checked(s.to_owned()),
        Err(_) => checked(bytes.iter().map(|&b| windows_1252(b)).collect()),
    }
}

fn utf8(bytes: &[u8]) -> Result<String, ReadError> {
    std::str::from_utf8(bytes)
        .map_err(|_| ReadError::Binary)
        .and_then(|s| checked(s.to_owned()))
}

fn utf16(bytes: &[u8], f: fn([u8; 2]) -> u16) -> Result<String, ReadError> {
    let units: Vec<u16> = bytes.chunks_exact(2).map(|c| f([c[0], c[1]])).collect();
    String::from_utf16(&units)
        .map_err(|_| ReadError::Binary)
        .and_then(checked)
}

/// Text has few control characters; binary data has many.
fn checked(s: String) -> Result<String, ReadError> {
    let total = s.chars().count().max(1);
    let control = s
        .chars()
        .filter(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{c}'))
        .count();
    if control * 20 > total {
        Err(ReadError::Binary)
    } else {
        Ok(s)
    }
}

fn windows_1252(b: u8) -> char {
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž',
        '\u{8f}', '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}',
        'ž', 'Ÿ',
    ];
    match b {
        0x80..=0x9F => HIGH[usize::from(b - 0x80)],
        _ => char::from(b),
    }
}

fn pdf_text(bytes: &[u8]) -> Result<String, ReadError> {
    // pdf-extract panics on some malformed files; a bad upload must give an
    // error, not take the request (or the command) down.
    let r = catch_unwind(AssertUnwindSafe(|| {
        pdf_extract::extract_text_from_mem(bytes)
    }));
    match r {
        Ok(Ok(text)) if text.trim().is_empty() => Err(ReadError::NoText),
        Ok(Ok(text)) => Ok(text),
        Ok(Err(e)) => Err(ReadError::Pdf(e.to_string())),
        Err(_) => Err(ReadError::Pdf("the file is damaged".into())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_in_the_usual_encodings_is_read() {
        assert_eq!(document_text("Översyn".as_bytes()).unwrap(), "Översyn");
        assert_eq!(document_text(b"\xEF\xBB\xBF\xC3\x96").unwrap(), "Ö");
        assert_eq!(
            document_text(b"\xD6versyn \x96 ok").unwrap(),
            "Översyn – ok"
        );
        let utf16: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("Ärende".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        assert_eq!(document_text(&utf16).unwrap(), "Ärende");
    }

    #[test]
    fn empty_binary_and_broken_pdf_input_is_refused_with_a_reason() {
        assert_eq!(document_text(b"  \n"), Err(ReadError::Empty));
        assert_eq!(
            document_text(&[0u8, 1, 2, 3, 4, 5, 6, 7, 0, 0, 0]),
            Err(ReadError::Binary)
        );
        assert!(matches!(
            document_text(b"%PDF-1.7\n garbage that is no pdf"),
            Err(ReadError::Pdf(_))
        ));
    }
}
