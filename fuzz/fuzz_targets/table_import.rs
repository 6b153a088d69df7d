//! Any bytes uploaded as a register table (CSV in any of its dialects, or
//! an XLSX workbook) must read as a table or fail with an error, and the
//! check must name problems, never panic, abort or allocate without bound.

#![no_main]

use libfuzzer_sys::fuzz_target;
use oversyn_core::opendata::table::{TableKind, check};
use oversyn_import::table::{MAX_CELLS, MAX_COLUMNS, MAX_ROWS, read_table};

fuzz_target!(|data: &[u8]| {
    let Ok(t) = read_table(data) else {
        return;
    };
    assert!(t.header.len() <= MAX_COLUMNS && t.rows.len() <= MAX_ROWS);
    assert!(t.rows.iter().map(Vec::len).sum::<usize>() <= MAX_CELLS);
    for kind in [
        TableKind::Organisations,
        TableKind::Persons,
        TableKind::Memberships,
    ] {
        let c = check(kind, &t.header, &t.rows, t.first_line);
        assert!(c.rows.len() <= t.rows.len());
        for e in &c.errors {
            assert!(e.line >= 1 && !e.message.is_empty());
        }
    }
});
