//! `oversyn … | head`: when the reader closes the pipe before the command
//! has written, the command ends quietly (status 0, nothing on stderr but
//! its own notes), never with a panic about a broken pipe.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

fn oversyn(dir: &Path) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_oversyn"));
    c.arg("--data-dir")
        .arg(dir)
        .env("RUST_BACKTRACE", "0")
        .env("RUST_LOG", "error")
        .env_remove("OVERSYN_DATABASE_URL");
    c
}

/// Runs the command with its standard output a pipe whose reading end is
/// closed before the command starts, so its first write fails.
fn into_closed_pipe(dir: &Path, args: &[&str]) -> (std::process::ExitStatus, String) {
    let mut child = oversyn(dir)
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    drop(child.stdout.take());
    let mut err = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut err)
        .unwrap();
    (child.wait().unwrap(), err)
}

#[test]
fn every_command_that_prints_ends_quietly_on_a_closed_pipe() {
    let d: PathBuf = std::env::temp_dir().join(format!("oversyn-pipe-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    let demo = oversyn(&d).arg("demo").output().unwrap();
    assert!(
        demo.status.success(),
        "{}",
        String::from_utf8_lossy(&demo.stderr)
    );
    let decision = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/reference/stockholm-2011-international-review.txt");
    let mut cases: Vec<Vec<String>> = [
        "migrate",
        "tenant list",
        "user add --tenant stockholm --email pipe@stockholm.example --role viewer",
        "token create --tenant stockholm --email pipe@stockholm.example",
        "analyse --tenant stockholm --review latest",
        "analyse --tenant stockholm --review latest --json",
        "export popolo --tenant stockholm",
        "review export --tenant stockholm --review latest --format csv",
        "--help",
        "tenant --help",
        "tenant oidc --tenant stockholm --show",
    ]
    .iter()
    .map(|c| c.split(' ').map(str::to_owned).collect())
    .collect();
    if decision.exists() {
        cases.push(vec![
            "case".into(),
            "parse".into(),
            decision.display().to_string(),
        ]);
    }
    for args in &cases {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let (status, err) = into_closed_pipe(&d, &args);
        assert!(
            !err.contains("panicked") && !err.contains("Broken pipe"),
            "{args:?} on a closed pipe: {err}"
        );
        assert!(
            status.success(),
            "{args:?} on a closed pipe: {status} {err}"
        );
    }
    let _ = std::fs::remove_dir_all(&d);
}
