//! `oversyn export all`: every public dataset of a tenant in one folder —
//! the register as Popolo JSON and CSV, decided cases as JSON and Akoma
//! Ntoso, events as CSV — with a data card saying what, when and under
//! which licence. Only what the public pages show is written.

use oversyn_core::Code;
use oversyn_core::fees::Fee;
use oversyn_core::opendata::popolo::LICENCE;
use oversyn_store::Store;
use std::path::Path;

/// Why a dump could not be written.
#[derive(Debug, thiserror::Error)]
pub enum DumpError {
    #[error("{0}")]
    Store(#[from] oversyn_store::StoreError),
    #[error("writing {0}: {1}")]
    Io(String, std::io::Error),
    #[error("{0}")]
    Other(String),
}

type Result<T> = std::result::Result<T, DumpError>;

fn io(path: &Path) -> impl Fn(std::io::Error) -> DumpError + '_ {
    move |e| DumpError::Io(path.display().to_string(), e)
}

fn write(path: &Path, text: &str) -> Result<()> {
    std::fs::write(path, text).map_err(io(path))
}

fn json(v: &impl serde::Serialize) -> Result<String> {
    serde_json::to_string_pretty(v).map_err(|e| DumpError::Other(e.to_string()))
}

fn csv_file(path: &Path, header: &[&str], rows: &[Vec<String>]) -> Result<()> {
    let other = |e: csv::Error| DumpError::Other(format!("{}: {e}", path.display()));
    let mut w = csv::Writer::from_path(path).map_err(other)?;
    w.write_record(header).map_err(other)?;
    for r in rows {
        w.write_record(r.iter().map(|c| super::table::spreadsheet_text(c)))
            .map_err(other)?;
    }
    w.flush().map_err(io(path))?;
    Ok(())
}

/// The number of steps `progress` is called for.
pub const STEPS: u64 = 6;

pub async fn export_all(
    store: &Store,
    tenant_id: i64,
    dir: &Path,
    progress: &dyn Fn(),
) -> Result<Vec<String>> {
    std::fs::create_dir_all(dir).map_err(io(dir))?;
    let tenant = store.tenant_by_id(tenant_id).await?;
    let mut written = Vec::new();
    let r = super::public::public_register(store, tenant_id).await?;

    let doc = super::public::public_popolo(store, tenant_id).await?;
    write(&dir.join("register.popolo.json"), &json(&doc)?)?;
    written.push("register.popolo.json".to_owned());
    progress();

    let d = |d: Option<chrono::NaiveDate>| d.map(|d| d.to_string()).unwrap_or_default();
    let rows: Vec<Vec<String>> = r
        .memberships
        .iter()
        .map(|m| {
            let (fee, currency, year) = match &m.fee {
                Fee::Amount {
                    minor,
                    currency,
                    year,
                } => (
                    format!("{:.2}", *minor as f64 / 100.0),
                    currency.clone(),
                    year.map(|y| y.to_string()).unwrap_or_default(),
                ),
                Fee::NoFee => ("0".into(), String::new(), String::new()),
                Fee::Unknown => (String::new(), String::new(), String::new()),
            };
            vec![
                r.snap.org_label(m.organisation_id),
                r.snap.body_name(m.body_id),
                m.mtype.code().into(),
                m.status.code().into(),
                d(m.since),
                d(m.until),
                fee,
                currency,
                year,
            ]
        })
        .collect();
    csv_file(
        &dir.join("memberships.csv"),
        &[
            "organisation",
            "body",
            "type",
            "status",
            "since",
            "until",
            "fee",
            "currency",
            "fee_year",
        ],
        &rows,
    )?;
    written.push("memberships.csv".to_owned());
    progress();

    let rows: Vec<Vec<String>> = r
        .seats
        .iter()
        .map(|s| {
            vec![
                r.snap.org_label(s.organisation_id),
                s.org_body.clone(),
                s.kind.code().into(),
                s.title.clone().unwrap_or_default(),
                r.snap.person_name(s.person_id).unwrap_or_default(),
                d(s.from),
                d(s.until),
            ]
        })
        .collect();
    csv_file(
        &dir.join("seats.csv"),
        &[
            "organisation",
            "organisation_body",
            "kind",
            "title",
            "holder",
            "from",
            "until",
        ],
        &rows,
    )?;
    written.push("seats.csv".to_owned());
    progress();

    let kinds = &r.kinds;
    if kinds.iter().any(|k| k == "cases") {
        let mut cases = Vec::new();
        for c in store.cases(tenant_id).await? {
            if c.status != oversyn_core::cases::CaseStatus::Decided {
                continue;
            }
            let full = store.case(tenant_id, c.id).await?;
            if let Some(xml) = crate::cases::akoma_ntoso(store, tenant_id, c.id).await? {
                let name = format!("case-{}.akn.xml", c.id);
                write(&dir.join(&name), &xml)?;
                written.push(name);
            }
            cases.push(serde_json::json!({ "id": c.id, "fields": full.fields, "positions": full.case.positions, "decisions": full.case.decisions }));
        }
        write(&dir.join("cases.json"), &json(&cases)?)?;
        written.push("cases.json".to_owned());
    }
    progress();

    if kinds.iter().any(|k| k == "events") {
        let rows: Vec<Vec<String>> = store
            .events(tenant_id)
            .await?
            .iter()
            .filter(|e| e.fields.public)
            .map(|e| {
                vec![
                    r.snap.org_label(e.fields.organisation_id),
                    e.fields.kind.clone(),
                    e.fields.title.clone(),
                    e.fields.starts_on.to_string(),
                    e.fields.ends_on.to_string(),
                    e.fields.place.clone(),
                    e.fields.stream_url.clone().unwrap_or_default(),
                ]
            })
            .collect();
        csv_file(
            &dir.join("events.csv"),
            &[
                "organisation",
                "kind",
                "title",
                "starts_on",
                "ends_on",
                "place",
                "stream_url",
            ],
            &rows,
        )?;
        written.push("events.csv".to_owned());
    }
    progress();

    let card = serde_json::json!({
        "title": format!("{}: internationella medlemskap / international memberships", tenant.name),
        "publisher": tenant.name,
        "generated_by": "Översyn",
        "generated_on": chrono::Utc::now().date_naive().to_string(),
        "licence": LICENCE,
        "shown_kinds": kinds,
        "files": written,
        "withheld": r.withheld,
        "notes": "Only data the tenant publishes; records withheld under the Public Access to Information and Secrecy Act (OSL) are left out and counted in `withheld` by kind and ground. Fees in the currency and year given; illustrative demo values are marked in the Popolo extras."
    });
    write(&dir.join("datacard.json"), &json(&card)?)?;
    written.push("datacard.json".to_owned());
    progress();
    Ok(written)
}
