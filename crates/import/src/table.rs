//! Tables from CSV (comma, semicolon or tab; UTF-8 or Windows-1252) or XLSX
//! (the first sheet, read with calamine) into a header and rows of text,
//! with the file line of each row. Dates in XLSX come as Excel day numbers
//! and numbers as they are stored; the core's check reads both.

use crate::text::{ReadError, document_text};
use std::io::Cursor;

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum TableError {
    #[error("the file is empty")]
    Empty,
    #[error("the file is too large for a register table (at most 10 MB)")]
    TooLarge,
    #[error("the spreadsheet could not be read: {0}")]
    Xlsx(String),
    #[error("line {0}: {1}")]
    Csv(usize, String),
    #[error("{0}")]
    Text(String),
}

pub const MAX_TABLE: usize = 10 * 1024 * 1024;

/// Header, rows, and the file line of the first row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    pub header: Vec<String>,
    pub rows: Vec<Vec<String>>,
    pub first_line: usize,
}

pub fn read_table(bytes: &[u8]) -> Result<Table, TableError> {
    if bytes.is_empty() {
        return Err(TableError::Empty);
    }
    if bytes.len() > MAX_TABLE {
        return Err(TableError::TooLarge);
    }
    if bytes.starts_with(b"PK\x03\x04") {
        return xlsx(bytes);
    }
    let text = document_text(bytes).map_err(|e: ReadError| TableError::Text(e.to_string()))?;
    csv_table(&text)
}

fn xlsx(bytes: &[u8]) -> Result<Table, TableError> {
    use calamine::{Data, Reader, Xlsx, open_workbook_from_rs};
    let mut book: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes))
        .map_err(|e: calamine::XlsxError| TableError::Xlsx(e.to_string()))?;
    let name = book
        .sheet_names()
        .first()
        .cloned()
        .ok_or_else(|| TableError::Xlsx("it has no sheets".into()))?;
    let range = book
        .worksheet_range(&name)
        .map_err(|e| TableError::Xlsx(e.to_string()))?;
    let start_row = range.start().map_or(0, |(r, _)| r as usize);
    let start_col = range.start().map_or(0, |(_, c)| c as usize);
    let cell = |d: &Data| match d {
        Data::Empty => String::new(),
        Data::String(s) => s.clone(),
        Data::Float(f) => f.to_string(),
        Data::Int(i) => i.to_string(),
        Data::Bool(b) => b.to_string(),
        Data::DateTime(dt) => dt.as_f64().to_string(),
        Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        Data::Error(e) => format!("#{e:?}"),
    };
    let mut rows = range.rows().map(|r| {
        // Keep the sheet's columns where they are (A is column A even when empty).
        let mut v = vec![String::new(); start_col];
        v.extend(r.iter().map(cell));
        v
    });
    let header = rows.next().ok_or(TableError::Empty)?;
    Ok(Table {
        header,
        rows: rows.collect(),
        first_line: start_row + 2,
    })
}

fn csv_table(text: &str) -> Result<Table, TableError> {
    let first = text.lines().next().unwrap_or("");
    let delimiter = [b';', b'\t', b',']
        .into_iter()
        .max_by_key(|d| first.bytes().filter(|b| b == d).count())
        .unwrap_or(b',');
    let mut r = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut all = Vec::new();
    for rec in r.records() {
        let rec = rec.map_err(|e| {
            let line = e.position().map_or(0, |p| p.line() as usize);
            TableError::Csv(line, e.to_string())
        })?;
        all.push(rec.iter().map(str::to_owned).collect::<Vec<_>>());
    }
    let mut rows = all.into_iter();
    let header = rows.next().ok_or(TableError::Empty)?;
    Ok(Table {
        header,
        rows: rows.collect(),
        first_line: 2,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_with_semicolons_and_quotes_is_read() {
        let t = read_table(
            "organisation;body;fee\n\"EUROCITIES\";Kommunstyrelsen;\"16 300\"\n".as_bytes(),
        )
        .unwrap();
        assert_eq!(t.header, ["organisation", "body", "fee"]);
        assert_eq!(t.rows[0][2], "16 300");
        assert_eq!(t.first_line, 2);
    }

    #[test]
    fn broken_and_empty_files_are_refused() {
        assert_eq!(read_table(b""), Err(TableError::Empty));
        assert!(matches!(
            read_table(b"PK\x03\x04 not a zip at all"),
            Err(TableError::Xlsx(_))
        ));
        assert!(matches!(
            read_table(&[0u8, 1, 2, 3, 0, 0, 7, 8, 0]),
            Err(TableError::Text(_))
        ));
        assert_eq!(
            read_table(&vec![b'a'; MAX_TABLE + 1]),
            Err(TableError::TooLarge)
        );
    }
}
