//! `oversyn privacy`: retention on demand with a rule that can be changed,
//! a person's export as JSON, and an erasure that is refused, with the
//! reason, for what must be kept.

use std::path::PathBuf;
use std::process::{Command, Output};

fn oversyn(dir: &std::path::Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_oversyn"))
        .arg("--data-dir")
        .arg(dir)
        .args(args)
        .env("RUST_BACKTRACE", "0")
        .env("RUST_LOG", "error")
        .env_remove("OVERSYN_DATABASE_URL")
        .output()
        .expect("the binary runs")
}

fn scratch() -> PathBuf {
    let d = std::env::temp_dir().join(format!("oversyn-cli-privacy-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

#[test]
fn privacy_commands_from_the_command_line() {
    let d = scratch();
    assert!(oversyn(&d, &["demo"]).status.success());

    let out = oversyn(
        &d,
        &[
            "privacy",
            "retention",
            "--tenant",
            "stockholm",
            "--set",
            "forever",
        ],
    );
    assert!(!out.status.success());
    assert!(
        text(&out.stderr).contains("`decided` or a number of days"),
        "{}",
        text(&out.stderr)
    );

    let out = oversyn(&d, &["privacy", "retention", "--tenant", "stockholm"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let said = text(&out.stdout);
    assert!(said.contains("Rule: decided"), "{said}");
    assert!(
        said.contains("24 respondents' names and addresses removed"),
        "{said}"
    );
    let again = text(&oversyn(&d, &["privacy", "retention", "--tenant", "stockholm"]).stdout);
    assert!(again.contains("No review's respondents are due"), "{again}");

    let out = oversyn(
        &d,
        &[
            "privacy",
            "export",
            "--tenant",
            "stockholm",
            "--email",
            "demo@stockholm.example",
        ],
    );
    assert!(out.status.success());
    let data: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(data["user_accounts"][0]["role"], "admin");
    assert!(data["user_accounts"][0].get("password_hash").is_none());

    let out = oversyn(
        &d,
        &[
            "privacy",
            "erase",
            "--tenant",
            "stockholm",
            "--email",
            "demo@stockholm.example",
        ],
    );
    assert!(!out.status.success(), "a user account is kept");
    let err = text(&out.stderr);
    assert!(
        err.contains("refused in part") && err.contains("audit log"),
        "{err}"
    );

    let out = oversyn(
        &d,
        &[
            "privacy", "export", "--tenant", "nowhere", "--email", "a@b.se",
        ],
    );
    assert!(!out.status.success());
    assert!(text(&out.stderr).contains("no tenant 'nowhere'"));
    let _ = std::fs::remove_dir_all(&d);
}
