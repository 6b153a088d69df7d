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
    #[error("line {0} has more than {MAX_COLUMNS} columns; a register table has far fewer")]
    TooWide(usize),
    #[error("the table has more than {MAX_ROWS} rows; split it into several files")]
    TooManyRows,
    #[error("the sheet spans {0}, more than {MAX_CELLS} cells; a register table is much smaller")]
    TooManyCells(String),
    #[error("the workbook unpacks to more than {} MB; a register table is much smaller", MAX_UNPACKED >> 20)]
    TooLargeUnpacked,
}

pub const MAX_TABLE: usize = 10 * 1024 * 1024;
/// Limits that keep a small hostile file from taking the server's memory:
/// a spreadsheet can name cell XFD1048576 in a few bytes, and a CSV line of
/// commas is a million empty columns. Real register tables are far inside.
pub const MAX_COLUMNS: usize = 256;
pub const MAX_ROWS: usize = 100_000;
pub const MAX_CELLS: usize = 1_000_000;
/// What an XLSX may unpack to. A few hundred kilobytes of deflate can be
/// gigabytes of XML, which the reader would hold in memory; the zip reader
/// stops at each entry's declared size, so the declared sizes bound it.
pub const MAX_UNPACKED: u64 = 50 * 1024 * 1024;

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

/// The sizes the archive declares for its entries, added up.
fn unpacked_size(bytes: &[u8]) -> Result<u64, TableError> {
    let mut zip =
        zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| TableError::Xlsx(e.to_string()))?;
    let mut total: u64 = 0;
    for i in 0..zip.len() {
        let entry = zip
            .by_index_raw(i)
            .map_err(|e| TableError::Xlsx(e.to_string()))?;
        total = total.saturating_add(entry.size());
    }
    Ok(total)
}

fn xlsx(bytes: &[u8]) -> Result<Table, TableError> {
    use calamine::{Data, DataRef, Reader, Xlsx, open_workbook_from_rs};
    if unpacked_size(bytes)? > MAX_UNPACKED {
        return Err(TableError::TooLargeUnpacked);
    }
    let mut book: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes))
        .map_err(|e: calamine::XlsxError| TableError::Xlsx(e.to_string()))?;
    let name = book
        .sheet_names()
        .first()
        .cloned()
        .ok_or_else(|| TableError::Xlsx("it has no sheets".into()))?;
    let cell = |d: Data| match d {
        Data::Empty => String::new(),
        Data::String(s) => s,
        Data::Float(f) => f.to_string(),
        Data::Int(i) => i.to_string(),
        Data::Bool(b) => b.to_string(),
        Data::DateTime(dt) => dt.as_f64().to_string(),
        Data::DateTimeIso(s) | Data::DurationIso(s) => s,
        Data::Error(e) => format!("#{e:?}"),
    };
    // Cells are streamed and placed by hand rather than through calamine's
    // range, which allocates the whole rectangle a sheet names before we
    // could look at its size.
    let mut reader = book
        .worksheet_cells_reader(&name)
        .map_err(|e| TableError::Xlsx(e.to_string()))?;
    let mut cells: Vec<(usize, usize, String)> = Vec::new();
    let (mut top, mut bottom, mut right) = (usize::MAX, 0, 0);
    while let Some(c) = reader
        .next_cell()
        .map_err(|e| TableError::Xlsx(e.to_string()))?
    {
        if matches!(c.get_value(), DataRef::Empty) {
            continue;
        }
        let (r, col) = c.get_position();
        let (r, col) = (r as usize, col as usize);
        let text = cell(Data::from(c.get_value().clone()));
        top = top.min(r);
        bottom = bottom.max(r);
        right = right.max(col);
        if right >= MAX_COLUMNS {
            return Err(TableError::TooWide(r + 1));
        }
        if bottom - top > MAX_ROWS {
            return Err(TableError::TooManyRows);
        }
        if (bottom - top + 1) * (right + 1) > MAX_CELLS || cells.len() >= MAX_CELLS {
            return Err(TableError::TooManyCells(format!(
                "rows {}–{} and columns A–{}",
                top + 1,
                bottom + 1,
                oversyn_core::opendata::table::column_letter(right)
            )));
        }
        cells.push((r, col, text));
    }
    if cells.is_empty() {
        return Err(TableError::Empty);
    }
    // Columns keep their letters (A is column A even when empty); a cell
    // given twice keeps its last value, as Excel would show it.
    let mut grid = vec![vec![String::new(); right + 1]; bottom - top + 1];
    for (r, c, text) in cells {
        grid[r - top][c] = text;
    }
    let mut rows = grid.into_iter();
    let header = rows.next().ok_or(TableError::Empty)?;
    Ok(Table {
        header,
        rows: rows.collect(),
        first_line: top + 2,
    })
}

/// A cell without the `'` our CSV export puts before text that a
/// spreadsheet would take for a formula (`'=…`, `'+…`, `'-…`, `'@…`).
fn unmark(cell: &str) -> String {
    match cell.strip_prefix('\'') {
        Some(rest) if rest.starts_with(['=', '+', '-', '@', '\t', '\r']) => rest.to_owned(),
        _ => cell.to_owned(),
    }
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
    let mut count = 0;
    for rec in r.records() {
        let rec = rec.map_err(|e| {
            let line = e.position().map_or(0, |p| p.line() as usize);
            TableError::Csv(line, e.to_string())
        })?;
        let line = rec.position().map_or(all.len() + 1, |p| p.line() as usize);
        if rec.len() > MAX_COLUMNS {
            return Err(TableError::TooWide(line));
        }
        if all.len() > MAX_ROWS {
            return Err(TableError::TooManyRows);
        }
        count += rec.len();
        if count > MAX_CELLS {
            return Err(TableError::TooManyCells(format!("lines 1–{line}")));
        }
        all.push(rec.iter().map(unmark).collect::<Vec<_>>());
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
    fn the_exports_formula_mark_is_taken_off() {
        let t = read_table("name\n'=HYPERLINK(1)\n'Öresund\n".as_bytes()).unwrap();
        assert_eq!(t.rows, [["=HYPERLINK(1)"], ["'Öresund"]]);
    }

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
