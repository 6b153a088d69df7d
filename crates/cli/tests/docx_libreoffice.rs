//! LibreOffice opens every DOCX the Stockholm demo produces — the review
//! report in Swedish and English, the case document and each protocol
//! excerpt — and converts it to PDF with the text intact: `libreoffice
//! --headless --convert-to pdf` (Debian `libreoffice-writer-nogui`), then
//! poppler's `pdftotext`. The text must hold the title, the case number,
//! every politician's name, every decision point and the statements; the
//! report its title, every organisation and every recommendation.
//!
//! The documents are made on SQLite and, when `OVERSYN_TEST_POSTGRES_URL`
//! is set, on PostgreSQL; identical files are converted once (the writer is
//! deterministic, so the two databases normally give the same bytes), all
//! in one LibreOffice run with a profile of its own. Without LibreOffice
//! or pdftotext the test fails.

use oversyn_app::Format;
use oversyn_core::Lang;
use oversyn_core::cases::same_body;
use oversyn_store::testing::backends;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn tool(name: &str, arg: &str) -> bool {
    Command::new(name)
        .arg(arg)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

fn libreoffice() -> &'static str {
    for name in ["libreoffice", "soffice"] {
        if tool(name, "--version") {
            return name;
        }
    }
    panic!(
        "LibreOffice is missing: apt-get install libreoffice-writer-nogui (scripts/test installs it)"
    );
}

/// Text as pdftotext gives it, with every run of whitespace removed, so a
/// line break inside a sentence does not matter.
fn squeeze(s: &str) -> String {
    s.replace('\u{FB01}', "fi")
        .replace('\u{FB02}', "fl")
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect()
}

struct Expect {
    file: PathBuf,
    label: String,
    texts: Vec<String>,
}

fn convert(office: &str, files: &[&Path], out: &Path) {
    let profile = std::env::temp_dir().join(format!(
        "oversyn-lo-profile-{}-{}",
        std::process::id(),
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_nanos()
    ));
    let mut child = Command::new(office)
        .arg(format!(
            "-env:UserInstallation=file://{}",
            profile.display()
        ))
        .args([
            "--headless",
            "--norestore",
            "--convert-to",
            "pdf",
            "--outdir",
        ])
        .arg(out)
        .args(files)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("LibreOffice starts");
    let started = Instant::now();
    let status = loop {
        if let Some(s) = child.try_wait().unwrap() {
            break s;
        }
        if started.elapsed() > Duration::from_secs(600) {
            let _ = child.kill();
            panic!("LibreOffice took more than 10 minutes");
        }
        std::thread::sleep(Duration::from_millis(200));
    };
    let output = child.wait_with_output().unwrap();
    let _ = std::fs::remove_dir_all(&profile);
    assert!(
        status.success(),
        "LibreOffice failed: {}\n{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
}

#[tokio::test]
async fn libreoffice_converts_every_docx_with_its_text_intact() {
    let office = libreoffice();
    assert!(
        tool("pdftotext", "-v"),
        "pdftotext is missing: apt-get install poppler-utils (scripts/test installs it)"
    );
    let dir = std::env::temp_dir().join(format!("oversyn-docx-lo-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let pdfs = dir.join("pdf");
    std::fs::create_dir_all(&pdfs).unwrap();
    let mut expects: Vec<Expect> = Vec::new();
    let mut seen: Vec<Vec<u8>> = Vec::new();
    for (n, (_db, store)) in backends().await.into_iter().enumerate() {
        let demo = oversyn_app::demo::load(&store).await.unwrap();
        let t = demo.tenant_id;
        let mut add = |label: String, bytes: Vec<u8>, texts: Vec<String>| {
            if seen.contains(&bytes) {
                return;
            }
            let file = dir.join(format!("b{n}-{label}.docx"));
            std::fs::write(&file, &bytes).unwrap();
            seen.push(bytes);
            expects.push(Expect { file, label, texts });
        };
        let review = store.reviews(t).await.unwrap()[0].id;
        for lang in [Lang::Sv, Lang::En] {
            let bytes =
                oversyn_app::analysis::report::render(&store, t, review, lang, Format::Docx)
                    .await
                    .unwrap();
            let report = oversyn_app::analysis::report::build(&store, t, review, lang)
                .await
                .unwrap();
            let mut texts = vec![report.t("title"), report.city.clone()];
            texts.extend(report.sections.iter().map(|s| s.name.clone()));
            texts.extend(report.sections.iter().map(|s| s.recommendation.clone()));
            assert!(!report.sections.is_empty());
            add(format!("report-{lang}"), bytes, texts);
        }
        for c in store.cases(t).await.unwrap() {
            // The list holds no positions or decisions; the case itself does.
            let c = store.case(t, c.id).await.unwrap();
            let docs = oversyn_app::cases::CaseDocs::load(&store, t, c.id)
                .await
                .unwrap();
            let mut texts = vec![c.fields.title.clone()];
            if !docs.number.is_empty() {
                texts.push(format!("Dnr {}", docs.number));
            }
            texts.extend(c.fields.proposal.iter().map(|p| p.text.clone()));
            for p in &c.case.positions {
                texts.extend(p.persons.iter().map(|x| x.name.clone()));
                texts.extend(p.points.iter().map(|x| x.text.clone()));
                texts.extend(
                    p.text
                        .split("\n\n")
                        .filter(|x| !x.trim().is_empty())
                        .map(|x| x.split_whitespace().collect::<Vec<_>>().join(" ")),
                );
            }
            if !c.fields.rapporteur.is_empty() {
                texts.push(c.fields.rapporteur.clone());
            }
            add(
                format!("case-{}", c.id),
                oversyn_app::cases::render(&docs.document, Format::Docx).unwrap(),
                texts,
            );
            for (i, (e, d)) in docs.excerpts.iter().zip(&c.case.decisions).enumerate() {
                let mut texts = vec![e.title.clone(), c.fields.title.clone(), d.body.clone()];
                texts.extend(c.case.adopted_points(d).iter().map(|p| p.text.clone()));
                for p in c
                    .case
                    .positions
                    .iter()
                    .filter(|p| same_body(&p.body, &d.body))
                {
                    texts.extend(p.persons.iter().map(|x| x.name.clone()));
                }
                add(
                    format!("case-{}-excerpt-{}", c.id, i + 1),
                    oversyn_app::cases::render(e, Format::Docx).unwrap(),
                    texts,
                );
            }
        }
    }
    assert!(
        expects.len() >= 4,
        "report sv/en, case, excerpt: {}",
        expects.len()
    );
    let files: Vec<&Path> = expects.iter().map(|e| e.file.as_path()).collect();
    convert(office, &files, &pdfs);
    let mut problems = Vec::new();
    for e in &expects {
        let pdf = pdfs.join(e.file.with_extension("pdf").file_name().unwrap());
        assert!(pdf.is_file(), "{}: LibreOffice wrote no PDF", e.label);
        let out = Command::new("pdftotext")
            .args(["-enc", "UTF-8"])
            .arg(&pdf)
            .arg("-")
            .output()
            .expect("pdftotext runs");
        assert!(out.status.success(), "{}: pdftotext failed", e.label);
        let text = String::from_utf8_lossy(&out.stdout).to_string();
        let have = squeeze(&text);
        for want in &e.texts {
            if !have.contains(&squeeze(want)) {
                problems.push(format!("{}: {want:?} is not in the PDF's text", e.label));
            }
        }
    }
    assert!(
        problems.is_empty(),
        "{}\n(files in {})",
        problems.join("\n"),
        dir.display()
    );
    let labels: Vec<String> = expects
        .iter()
        .map(|e| format!("{} ({} texts)", e.label, e.texts.len()))
        .collect();
    eprintln!(
        "LibreOffice converted {} DOCX with their text intact: {}",
        expects.len(),
        labels.join(", ")
    );
    let _ = std::fs::remove_dir_all(&dir);
}
