//! `oversyn review export`: a review's answers as CSV with a codebook. In
//! anonymous reviews no respondent column is written at all.

use anyhow::{Result, bail};
use oversyn_app::opendata::table::spreadsheet_text;
use oversyn_core::Code;
use oversyn_core::review::answers::Answer;
use oversyn_store::Store;
use std::path::Path;

/// Resolves `--review ID|latest` to a review of the tenant.
pub async fn review_id(store: &Store, tenant_id: i64, which: &str) -> Result<i64> {
    let reviews = store.reviews(tenant_id).await?;
    let review = match which {
        "latest" => reviews.first(),
        id => {
            let Ok(id) = id.parse::<i64>() else {
                bail!("--review takes a review id or `latest`")
            };
            reviews.iter().find(|r| r.id == id)
        }
    };
    match review {
        Some(r) => Ok(r.id),
        None => bail!("no such review in this tenant"),
    }
}

pub async fn review_csv(
    store: &Store,
    tenant_id: i64,
    which: &str,
    output: Option<&Path>,
    xlsx: bool,
) -> Result<()> {
    let review = store
        .review(tenant_id, review_id(store, tenant_id, which).await?)
        .await?;
    let questions = store.questions(review.id).await?;
    let rows = store.answer_rows(tenant_id, review.id).await?;
    let owners = store.ballot_owners(tenant_id, review.id).await?;
    let respondents = store.respondents(tenant_id, review.id).await?;
    let mut labels = std::collections::HashMap::new();
    for m in store.review_memberships(review.id).await? {
        let membership = store.membership(tenant_id, m).await?;
        labels.insert(
            m,
            store
                .organisation(tenant_id, membership.organisation_id)
                .await?
                .slug,
        );
    }
    let mut answers = csv::Writer::from_writer(Vec::new());
    let mut header = vec!["review_id", "ballot"];
    if !review.anonymous {
        header.push("respondent");
    }
    header.extend([
        "membership_id",
        "organisation",
        "question",
        "criterion",
        "kind",
        "value",
        "dont_know",
    ]);
    answers.write_record(&header)?;
    for r in &rows {
        let q = questions.iter().find(|q| q.id == r.question_id);
        let (value, dk) = match &r.answer {
            Answer::Scale(v) => (v.to_string(), "0"),
            Answer::YesNo(b) => (if *b { "yes" } else { "no" }.to_string(), "0"),
            // A respondent's text must not run as a formula when the file is opened in a spreadsheet.
            Answer::Text(t) => (spreadsheet_text(t), "0"),
            Answer::DontKnow => (String::new(), "1"),
        };
        let mut rec = vec![review.id.to_string(), r.ballot.clone()];
        if !review.anonymous {
            let who = owners
                .iter()
                .find(|(b, _)| *b == r.ballot)
                .and_then(|(_, id)| respondents.iter().find(|x| x.id == *id))
                .map(|x| spreadsheet_text(&x.name))
                .unwrap_or_default();
            rec.push(who);
        }
        rec.extend([
            r.membership_id.to_string(),
            labels.get(&r.membership_id).cloned().unwrap_or_default(),
            format!("q{}", q.map(|q| q.position).unwrap_or_default()),
            q.and_then(|q| q.criterion.clone()).unwrap_or_default(),
            q.map(|q| q.kind.code().to_owned()).unwrap_or_default(),
            value,
            dk.to_owned(),
        ]);
        answers.write_record(&rec)?;
    }
    let answers = answers.into_inner()?;
    let mut codebook = csv::Writer::from_writer(Vec::new());
    codebook.write_record([
        "variable",
        "criterion",
        "kind",
        "values",
        "text_sv",
        "text_en",
    ])?;
    for q in &questions {
        let values = match q.kind.code() {
            "scale" => {
                "1 = instämmer inte alls / strongly disagree … 5 = instämmer helt / strongly agree; dont_know = 1: vet ej / don't know"
            }
            "yes_no" => "yes, no; dont_know = 1",
            _ => {
                "free text; text that starts like a formula (=, +, -, @) begins with ' so spreadsheets show it as text"
            }
        };
        codebook.write_record([
            format!("q{}", q.position),
            q.criterion.clone().unwrap_or_default(),
            q.kind.code().into(),
            values.into(),
            q.text_sv.clone(),
            q.text_en.clone(),
        ])?;
    }
    let codebook = codebook.into_inner()?;
    if xlsx {
        let Some(path) = output else {
            anyhow::bail!("an XLSX workbook needs -o FILE")
        };
        let split = |b: &[u8]| {
            let mut all = oversyn_app::opendata::table::csv_rows(b);
            let header = if all.is_empty() {
                Vec::new()
            } else {
                all.remove(0)
            };
            (header, all)
        };
        let (ah, ar) = split(&answers);
        let (ch, cr) = split(&codebook);
        let book = oversyn_app::opendata::table::to_xlsx_sheets(&[
            ("answers", &ah, &ar),
            ("codebook", &ch, &cr),
        ])
        .map_err(|e| anyhow::anyhow!(e))?;
        std::fs::write(path, book)?;
        eprintln!(
            "Wrote {} answers and the codebook to {}.",
            rows.len(),
            path.display()
        );
        return Ok(());
    }
    match output {
        Some(path) => {
            std::fs::write(path, &answers)?;
            let cb = path.with_extension("codebook.csv");
            std::fs::write(&cb, &codebook)?;
            eprintln!(
                "Wrote {} answers to {} and the codebook to {}.",
                rows.len(),
                path.display(),
                cb.display()
            );
        }
        None => {
            crate::common::write_out(&answers)?;
            eprintln!(
                "{} answers; write with -o FILE to get the codebook beside them.",
                rows.len()
            );
        }
    }
    Ok(())
}
