//! Generated and hostile input for the CSV/XLSX table reader and the
//! register check behind it (the same functions the fuzz target
//! `table_import` calls): random bytes, valid files cut short or with bytes
//! changed, huge fields, and spreadsheets that name far-away cells. Each
//! must give a table or a clear error — never a panic, an abort or a
//! runaway allocation.

use oversyn_core::opendata::table::{TableKind, check};
use oversyn_import::table::{MAX_CELLS, MAX_COLUMNS, MAX_UNPACKED, TableError, read_table};
use rust_xlsxwriter::Workbook;

/// A small deterministic generator (xorshift64*), so failures repeat.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    fn bytes(&mut self, n: usize) -> Vec<u8> {
        (0..n).map(|_| self.next() as u8).collect()
    }
}

/// Reads and, when it is a table, checks it as every kind: what an upload does.
fn read_and_check(bytes: &[u8]) -> Result<usize, TableError> {
    let t = read_table(bytes)?;
    assert!(t.first_line >= 2);
    for kind in [
        TableKind::Organisations,
        TableKind::Persons,
        TableKind::Memberships,
    ] {
        let c = check(kind, &t.header, &t.rows, t.first_line);
        for e in &c.errors {
            assert!(e.line >= 1 && !e.message.is_empty(), "{e}");
        }
    }
    Ok(t.rows.len())
}

/// The error, shown to the user, says something.
fn clear(e: &TableError) {
    let text = e.to_string();
    assert!(text.len() > 8, "{text:?}");
}

const CSV: &str = "organisation;body;type;status;since;until;fee;currency;fee_year\n\
EUROCITIES;Kommunstyrelsen;full;active;2004-01-01;;16300.0;EUR;2011\n\
\"Metropolis; section\";KS;associate;ended;40909;41275;16 300,50;SEK;2011.0\n\
C40;KS;;;;;;;\n";

fn xlsx(rows: &[&[&str]]) -> Vec<u8> {
    let mut book = Workbook::new();
    let ws = book.add_worksheet();
    for (r, row) in rows.iter().enumerate() {
        for (c, v) in row.iter().enumerate() {
            if let Ok(n) = v.parse::<f64>() {
                ws.write_number(r as u32, c as u16, n).unwrap();
            } else {
                ws.write_string(r as u32, c as u16, *v).unwrap();
            }
        }
    }
    book.save_to_buffer().unwrap()
}

fn valid_xlsx() -> Vec<u8> {
    xlsx(&[
        &["name", "acronym", "kind", "founded", "themes"],
        &["ICLEI", "", "network", "1990", "climate; energy"],
        &["Energy Cities", "", "network", "1990.0", ""],
    ])
}

#[test]
fn the_valid_files_read() {
    assert_eq!(read_and_check(CSV.as_bytes()).unwrap(), 3);
    let t = read_table(&valid_xlsx()).unwrap();
    assert_eq!(t.header[0], "name");
    assert_eq!(t.rows.len(), 2);
    assert_eq!(t.rows[1][3], "1990");
}

#[test]
fn random_bytes_give_a_table_or_a_clear_error() {
    let mut rng = Rng(0x5eed_0001);
    for round in 0..2_000 {
        let n = rng.below(if round % 10 == 0 { 20_000 } else { 300 });
        let mut b = rng.bytes(n);
        if round % 3 == 0 && b.len() >= 4 {
            // A zip's signature in front sends it down the spreadsheet path.
            b[..4].copy_from_slice(b"PK\x03\x04");
        }
        if let Err(e) = read_and_check(&b) {
            clear(&e);
        }
    }
}

#[test]
fn cut_and_changed_files_give_a_table_or_a_clear_error() {
    let mut rng = Rng(0x5eed_0002);
    for valid in [CSV.as_bytes().to_vec(), valid_xlsx()] {
        for cut in (0..valid.len()).step_by(valid.len() / 300 + 1) {
            if let Err(e) = read_and_check(&valid[..cut]) {
                clear(&e);
            }
        }
        for _ in 0..600 {
            let mut b = valid.clone();
            for _ in 0..1 + rng.below(8) {
                let at = rng.below(b.len());
                b[at] = rng.next() as u8;
            }
            if let Err(e) = read_and_check(&b) {
                clear(&e);
            }
        }
    }
}

#[test]
fn huge_fields_and_many_columns_are_bounded() {
    // One field of nearly 10 MB: read, and refused by the check as too long.
    let big = format!("name\n\"{}\"\n", "å".repeat(4_000_000));
    let t = read_table(big.as_bytes()).unwrap();
    let c = check(TableKind::Organisations, &t.header, &t.rows, t.first_line);
    assert_eq!(
        c.errors[0].to_string(),
        "line 2, column A (name): is too long"
    );

    // A line of commas is a million empty columns.
    let wide = format!("name{}\nx\n", ",".repeat(1_000_000));
    assert_eq!(read_table(wide.as_bytes()), Err(TableError::TooWide(1)));
    let e = read_table(format!("name\nx{}\n", ",".repeat(MAX_COLUMNS)).as_bytes()).unwrap_err();
    assert_eq!(
        e.to_string(),
        format!("line 2 has more than {MAX_COLUMNS} columns; a register table has far fewer")
    );

    // Millions of short lines.
    let long = "a\n".repeat(3_000_000);
    assert!(matches!(
        read_table(long.as_bytes()),
        Err(TableError::TooManyRows)
    ));
    let cells = "a,b,c,d,e,f,g,h,i,j,k,l\n".repeat(MAX_CELLS / 12 + 10);
    assert!(matches!(
        read_table(cells.as_bytes()),
        Err(TableError::TooManyCells(_))
    ));
}

#[test]
fn a_spreadsheet_naming_a_far_cell_is_refused_without_allocating_it() {
    // Two cells, A1 and XFD1048576: the rectangle between them is 17
    // billion cells, which a range-based reader allocates and aborts on.
    let mut book = Workbook::new();
    let ws = book.add_worksheet();
    ws.write_string(0, 0, "name").unwrap();
    ws.write_string(1_048_575, 16_383, "far").unwrap();
    let far = book.save_to_buffer().unwrap();
    let e = read_table(&far).unwrap_err();
    assert_eq!(e, TableError::TooWide(1_048_576));

    let mut book = Workbook::new();
    let ws = book.add_worksheet();
    ws.write_string(0, 0, "name").unwrap();
    ws.write_string(1_048_575, 0, "far down").unwrap();
    let e = read_table(&book.save_to_buffer().unwrap()).unwrap_err();
    assert_eq!(
        e.to_string(),
        "the table has more than 100000 rows; split it into several files"
    );

    let mut book = Workbook::new();
    let ws = book.add_worksheet();
    ws.write_string(0, 0, "name").unwrap();
    ws.write_string(50_000, 200, "far out").unwrap();
    let e = read_table(&book.save_to_buffer().unwrap()).unwrap_err();
    assert_eq!(
        e.to_string(),
        format!(
            "the sheet spans rows 1–50001 and columns A–GS, more than {MAX_CELLS} cells; a register table is much smaller"
        )
    );
}

#[test]
fn a_sheet_that_does_not_start_at_a1_keeps_its_lines_and_columns() {
    let mut book = Workbook::new();
    let ws = book.add_worksheet();
    ws.write_string(3, 1, "name").unwrap();
    ws.write_string(4, 1, "ICLEI").unwrap();
    ws.write_string(6, 1, "ICLEI").unwrap();
    let t = read_table(&book.save_to_buffer().unwrap()).unwrap();
    assert_eq!(t.header, ["", "name"]);
    assert_eq!(t.first_line, 5);
    let c = check(TableKind::Organisations, &t.header, &t.rows, t.first_line);
    assert_eq!(
        c.errors[0].to_string(),
        "line 7, column B (name): \"ICLEI\" appears twice in the file"
    );
}

#[test]
fn a_workbook_that_unpacks_to_more_than_the_limit_is_refused_before_it_is_read() {
    // One cell of 64 MB of "a" (written with Python's zipfile): 65 kB packed.
    let bomb = std::fs::read(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/unpacks-to-64mb.xlsx"),
    )
    .unwrap();
    assert!(bomb.len() < 100 * 1024);
    assert_eq!(read_table(&bomb), Err(TableError::TooLargeUnpacked));
    assert_eq!(
        TableError::TooLargeUnpacked.to_string(),
        format!(
            "the workbook unpacks to more than {} MB; a register table is much smaller",
            MAX_UNPACKED >> 20
        )
    );
}
