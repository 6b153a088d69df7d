//! Register tables in and out: organisations, persons and memberships as
//! CSV or XLSX in the columns the importer reads. An import is checked
//! whole — cells, then names of organisations and bodies against the
//! register — and nothing is written unless every row is valid, or unless
//! the caller asks for the valid rows only.

use oversyn_core::Code;
use oversyn_core::fees::Fee;
use oversyn_core::opendata::table::{CellError, Checked, Record, TableKind, check};
use oversyn_core::register::input::{MembershipCmd, OrganisationCmd, PersonCmd};
use oversyn_store::audit::Actor;
use oversyn_store::{Store, StoreError};

/// The register as a table of `kind` in the importer's columns.
pub async fn export_table(
    store: &Store,
    tenant_id: i64,
    kind: TableKind,
) -> Result<(Vec<String>, Vec<Vec<String>>), StoreError> {
    let snap = crate::snapshot(store, tenant_id).await?;
    let d = |d: Option<chrono::NaiveDate>| d.map(|d| d.to_string()).unwrap_or_default();
    let o = |v: &Option<String>| v.clone().unwrap_or_default();
    let rows = match kind {
        TableKind::Organisations => snap
            .organisations
            .iter()
            .filter(|x| x.tenant_id.is_some())
            .map(|x| {
                vec![
                    x.name.clone(),
                    o(&x.acronym),
                    x.kind.code().into(),
                    o(&x.website),
                    o(&x.headquarters),
                    x.founded.map(|y| y.to_string()).unwrap_or_default(),
                    x.themes.join("; "),
                ]
            })
            .collect(),
        TableKind::Persons => snap
            .persons
            .iter()
            .map(|p| {
                vec![
                    p.name.clone(),
                    p.kind.code().into(),
                    o(&p.party),
                    p.side.map(|s| s.code().to_owned()).unwrap_or_default(),
                    o(&p.department),
                    o(&p.email),
                ]
            })
            .collect(),
        TableKind::Memberships => snap
            .memberships
            .iter()
            .map(|m| {
                let (fee, currency, year) = match &m.fee {
                    Fee::Amount {
                        minor,
                        currency,
                        year,
                    } => (
                        oversyn_core::fees::decimal(*minor),
                        currency.clone(),
                        year.map(|y| y.to_string()).unwrap_or_default(),
                    ),
                    Fee::NoFee => ("0".into(), String::new(), String::new()),
                    Fee::Unknown => (String::new(), String::new(), String::new()),
                };
                vec![
                    snap.organisation(m.organisation_id)
                        .map(|x| x.name.clone())
                        .unwrap_or_default(),
                    snap.body_name(m.body_id),
                    m.mtype.code().into(),
                    m.status.code().into(),
                    d(m.since),
                    d(m.until),
                    fee,
                    currency,
                    year,
                ]
            })
            .collect(),
    };
    Ok((
        kind.columns().iter().map(|c| (*c).to_owned()).collect(),
        rows,
    ))
}

pub fn to_csv(header: &[String], rows: &[Vec<String>]) -> Vec<u8> {
    let mut w = csv::Writer::from_writer(Vec::new());
    let _ = w.write_record(header);
    for r in rows {
        let _ = w.write_record(r.iter().map(|c| spreadsheet_text(c)));
    }
    w.into_inner().unwrap_or_default()
}

/// A CSV cell as a spreadsheet will read it as text. A cell that starts like
/// a formula (`=`, `+`, `-`, `@`, tab, carriage return) gets a leading `'`,
/// unless it is a plain number: an organisation named `=HYPERLINK(…)`
/// must not run when an officer or a journalist opens the export in Excel.
/// The table import takes the mark off again.
pub fn spreadsheet_text(cell: &str) -> String {
    let formula = cell.starts_with(['=', '+', '-', '@', '\t', '\r'])
        && !(cell.starts_with(['+', '-']) && cell[1..].trim().parse::<f64>().is_ok());
    if formula {
        format!("'{cell}")
    } else {
        cell.to_owned()
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn formulas_are_written_as_text_and_numbers_as_numbers() {
        use super::spreadsheet_text as t;
        assert_eq!(t("=HYPERLINK(\"https://x\")"), "'=HYPERLINK(\"https://x\")");
        assert_eq!(t("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(t("-2+3+cmd|' /C calc'!A0"), "'-2+3+cmd|' /C calc'!A0");
        assert_eq!(t("+46 8 508"), "'+46 8 508");
        assert_eq!(t("-5"), "-5");
        assert_eq!(t("16300.50"), "16300.50");
        assert_eq!(t("EUROCITIES"), "EUROCITIES");
        assert_eq!(t(""), "");
    }
}

pub fn to_xlsx(sheet: &str, header: &[String], rows: &[Vec<String>]) -> Result<Vec<u8>, String> {
    to_xlsx_sheets(&[(sheet, header, rows)])
}

/// A sheet to write: name, header, rows.
pub type Sheet<'a> = (&'a str, &'a [String], &'a [Vec<String>]);

/// A workbook of several sheets, each (name, header, rows); every cell is written as text.
pub fn to_xlsx_sheets(sheets: &[Sheet]) -> Result<Vec<u8>, String> {
    let mut book = rust_xlsxwriter::Workbook::new();
    let bold = rust_xlsxwriter::Format::new().set_bold();
    for (name, header, rows) in sheets {
        let ws = book.add_worksheet();
        ws.set_name(*name).map_err(|e| e.to_string())?;
        for (c, h) in header.iter().enumerate() {
            ws.write_string_with_format(0, c as u16, h, &bold)
                .map_err(|e| e.to_string())?;
        }
        for (r, row) in rows.iter().enumerate() {
            for (c, v) in row.iter().enumerate() {
                ws.write_string(r as u32 + 1, c as u16, v)
                    .map_err(|e| e.to_string())?;
            }
        }
    }
    book.save_to_buffer().map_err(|e| e.to_string())
}

/// Rows of a CSV document (as written by the exports), header first.
pub fn csv_rows(bytes: &[u8]) -> Vec<Vec<String>> {
    csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(bytes)
        .records()
        .filter_map(Result::ok)
        .map(|r| r.iter().map(str::to_owned).collect())
        .collect()
}

/// A valid row: its line, the record, and for a membership (organisation id, body id).
type Resolved = (usize, Record, Option<(i64, i64)>);

/// What an import did, or would do.
#[derive(Debug, Clone, Default)]
pub struct Outcome {
    pub written: usize,
    pub errors: Vec<CellError>,
}

/// Checks a table and the names in it against the register; writes when
/// everything is valid, or (with `valid_rows`) the rows that are.
pub async fn import_table(
    store: &Store,
    actor: &Actor,
    kind: TableKind,
    table: &oversyn_import::table::Table,
    valid_rows: bool,
) -> Result<Outcome, StoreError> {
    run(store, actor, kind, table, valid_rows, true).await
}

/// Every problem an import would meet, cells and names, with nothing written;
/// `written` counts the rows that would be.
pub async fn check_table(
    store: &Store,
    actor: &Actor,
    kind: TableKind,
    table: &oversyn_import::table::Table,
) -> Result<Outcome, StoreError> {
    run(store, actor, kind, table, true, false).await
}

async fn run(
    store: &Store,
    actor: &Actor,
    kind: TableKind,
    table: &oversyn_import::table::Table,
    valid_rows: bool,
    write: bool,
) -> Result<Outcome, StoreError> {
    let Checked { rows, mut errors } = check(kind, &table.header, &table.rows, table.first_line);
    let snap = crate::snapshot(store, actor.tenant_id).await?;
    let mut resolved: Vec<Resolved> = Vec::new();
    let col = |name: &str| {
        table
            .header
            .iter()
            .position(|h| h.trim().eq_ignore_ascii_case(name))
            .map(|i| {
                format!(
                    "{} ({name})",
                    oversyn_core::opendata::table::column_letter(i)
                )
            })
            .unwrap_or_default()
    };
    for row in rows {
        let Some(record) = row.record else { continue };
        let mut ok = true;
        let mut refs = None;
        match &record {
            Record::Membership {
                organisation, body, ..
            } => {
                let org = snap
                    .organisations
                    .iter()
                    .find(|o| o.answers_to(organisation) || o.slug == *organisation);
                let b = snap.bodies.iter().find(|b| {
                    b.name.eq_ignore_ascii_case(body)
                        || b.abbreviation
                            .as_deref()
                            .is_some_and(|a| a.eq_ignore_ascii_case(body))
                });
                if org.is_none() {
                    errors.push(CellError {
                        line: row.line,
                        column: col("organisation"),
                        message: format!(
                            "no organisation named \"{organisation}\" in the register"
                        ),
                    });
                    ok = false;
                }
                if b.is_none() {
                    errors.push(CellError {
                        line: row.line,
                        column: col("body"),
                        message: format!("no body named \"{body}\"; add it under Bodies first"),
                    });
                    ok = false;
                }
                if let (Some(o), Some(b)) = (org, b) {
                    refs = Some((o.id, b.id));
                }
            }
            Record::Organisation { name, .. } => {
                if snap
                    .organisations
                    .iter()
                    .any(|o| o.name.eq_ignore_ascii_case(name))
                {
                    errors.push(CellError {
                        line: row.line,
                        column: col("name"),
                        message: format!("\"{name}\" is in the register already"),
                    });
                    ok = false;
                }
            }
            Record::Person { name, .. } => {
                if snap
                    .persons
                    .iter()
                    .any(|p| p.name.eq_ignore_ascii_case(name))
                {
                    errors.push(CellError {
                        line: row.line,
                        column: col("name"),
                        message: format!("\"{name}\" is in the register already"),
                    });
                    ok = false;
                }
            }
        }
        if ok {
            resolved.push((row.line, record, refs));
        }
    }
    errors.sort_by_key(|e| e.line);
    if !errors.is_empty() && !valid_rows {
        return Ok(Outcome { written: 0, errors });
    }
    if !write {
        return Ok(Outcome {
            written: resolved.len(),
            errors,
        });
    }
    let mut written = 0;
    for (_, record, refs) in resolved {
        match record {
            Record::Organisation {
                name,
                acronym,
                kind,
                website,
                headquarters,
                founded,
                themes,
            } => {
                let cmd = OrganisationCmd {
                    name,
                    acronym,
                    aliases: vec![],
                    kind,
                    headquarters,
                    founded,
                    website,
                    themes,
                    notice_months: None,
                    written_notice: false,
                    notice_valid_from: None,
                    fee_basis: None,
                    version: None,
                };
                store.create_organisation(actor, &cmd).await?;
            }
            Record::Person {
                name,
                kind,
                party,
                side,
                department,
                email,
            } => {
                let cmd = PersonCmd {
                    name,
                    kind,
                    party,
                    side,
                    department,
                    email,
                    version: None,
                };
                store.create_person(actor, &cmd).await?;
            }
            Record::Membership {
                mtype,
                status,
                since,
                until,
                fee,
                ..
            } => {
                let Some((organisation_id, body_id)) = refs else {
                    continue;
                };
                let cmd = MembershipCmd {
                    body_id,
                    organisation_id,
                    mtype,
                    status,
                    since,
                    until,
                    fee,
                    fee_illustrative: false,
                    contact_person_id: None,
                    notes: None,
                    version: None,
                };
                store.create_membership(actor, &cmd).await?;
            }
        }
        written += 1;
    }
    Ok(Outcome { written, errors })
}
