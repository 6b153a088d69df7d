//! The `oversyn` command end to end on a fresh SQLite file: the demo, the
//! review answers as an XLSX workbook with its codebook, Popolo out and back
//! in, the calendar, dumps, and a decision document parsed without a database.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn run(dir: &Path, args: &[&str]) -> Output {
    let out = Command::new(env!("CARGO_BIN_EXE_oversyn"))
        .arg("--data-dir")
        .arg(dir)
        .args(args)
        .env("RUST_BACKTRACE", "0")
        .env_remove("OVERSYN_DATABASE_URL")
        .output()
        .expect("the binary runs");
    assert!(
        out.status.success(),
        "{args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

fn scratch(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("oversyn-cli-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

#[test]
fn the_command_line_exports_and_imports_what_it_promises() {
    let d = scratch("all");
    run(&d, &["demo"]);

    let book = d.join("answers.xlsx");
    run(
        &d,
        &[
            "review",
            "export",
            "--tenant",
            "stockholm",
            "--format",
            "xlsx",
            "-o",
            book.to_str().unwrap(),
        ],
    );
    let table = oversyn_import::table::read_table(&std::fs::read(&book).unwrap()).unwrap();
    assert!(
        table.header.iter().any(|h| h == "question") && table.header.iter().any(|h| h == "value")
    );
    assert!(table.rows.len() > 100, "every answer is a row");

    let popolo =
        String::from_utf8(run(&d, &["export", "popolo", "--tenant", "stockholm"]).stdout).unwrap();
    let file = d.join("popolo.json");
    std::fs::write(&file, &popolo).unwrap();
    run(&d, &["tenant", "add", "kopia"]);
    run(
        &d,
        &[
            "import",
            "popolo",
            "--tenant",
            "kopia",
            file.to_str().unwrap(),
        ],
    );
    let again =
        String::from_utf8(run(&d, &["export", "popolo", "--tenant", "kopia"]).stdout).unwrap();
    let a: serde_json::Value = serde_json::from_str(&popolo).unwrap();
    let b: serde_json::Value = serde_json::from_str(&again).unwrap();
    assert_eq!(a["memberships"], b["memberships"]);
    assert_eq!(a["posts"], b["posts"]);

    let ics = d.join("cal.ics");
    run(
        &d,
        &[
            "calendar",
            "--tenant",
            "stockholm",
            "-o",
            ics.to_str().unwrap(),
        ],
    );
    let text = std::fs::read_to_string(&ics).unwrap();
    assert!(text.starts_with("BEGIN:VCALENDAR") && text.contains("20111123"));

    let dump = d.join("dump");
    run(
        &d,
        &[
            "export",
            "all",
            "--tenant",
            "stockholm",
            "--dir",
            dump.to_str().unwrap(),
        ],
    );
    for f in [
        "register.popolo.json",
        "memberships.csv",
        "datacard.json",
        "cases.json",
    ] {
        assert!(dump.join(f).exists(), "{f}");
    }
    let card: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dump.join("datacard.json")).unwrap())
            .unwrap();
    assert_eq!(
        card["withheld"],
        serde_json::json!([]),
        "the demo withholds nothing"
    );
    let _ = std::fs::remove_dir_all(&d);
}

#[test]
fn case_parse_needs_no_database_and_refuses_garbage_with_a_message() {
    let d = scratch("parse");
    let reference = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/reference/stockholm-2011-international-review.txt");
    if reference.exists() {
        let out = run(&d, &["case", "parse", reference.to_str().unwrap()]);
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(v["case_number"], "006-1348/2010");
    }
    assert!(!d.join("oversyn.db").exists(), "parse opens no database");
    let junk = d.join("junk.bin");
    std::fs::write(&junk, [0u8, 159, 146, 150, 0, 0, 1, 2, 3]).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_oversyn"))
        .args(["case", "parse", junk.to_str().unwrap()])
        .env("RUST_BACKTRACE", "0")
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("junk.bin") && err.contains("binary"), "{err}");
    assert!(!err.contains("panicked"));
    let _ = std::fs::remove_dir_all(&d);
}

#[test]
fn analyse_prints_the_contract_document_and_a_readable_summary() {
    let d = scratch("analyse");
    run(&d, &["demo"]);
    let out = run(
        &d,
        &[
            "analyse",
            "--tenant",
            "stockholm",
            "--review",
            "latest",
            "--json",
        ],
    );
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(doc["review"]["id"].is_i64());
    let memberships = doc["memberships"].as_array().unwrap();
    assert_eq!(memberships.len(), 4);
    for m in memberships {
        for key in [
            "organisation",
            "benefit",
            "benefit_index",
            "cost",
            "fit",
            "flags",
            "recommendation",
            "reasons",
            "probabilities",
            "weight_stability",
            "bootstrap",
        ] {
            assert!(m.get(key).is_some(), "{key} missing in {m}");
        }
        for key in ["fee", "travel_days", "co2_kg"] {
            assert!(m["cost"].get(key).is_some(), "cost.{key} missing");
        }
        let p = &m["probabilities"];
        for c in ["continue", "deepen", "reduce", "terminate"] {
            assert!(p[c].is_f64(), "probabilities.{c}");
        }
    }
    let uclg = memberships
        .iter()
        .find(|m| m["organisation"] == "UCLG")
        .unwrap();
    assert_eq!(uclg["recommendation"], "terminate");
    assert!(
        uclg["flags"]
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f == "represented_indirectly")
    );

    let text = String::from_utf8(
        run(
            &d,
            &[
                "analyse",
                "--tenant",
                "stockholm",
                "--review",
                "latest",
                "--lang",
                "en",
            ],
        )
        .stdout,
    )
    .unwrap();
    assert!(
        text.contains("UCLG")
            && text.contains("terminate")
            && text.contains("represented through SKL"),
        "{text}"
    );
}
