//! `oversyn tenant oidc`: bad settings are refused with a message that says
//! what to give, nothing is stored then, and the secret is never printed.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn oversyn(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_oversyn"))
        .arg("--data-dir")
        .arg(dir)
        .args(args)
        .env("RUST_BACKTRACE", "0")
        .env("RUST_LOG", "error")
        .env_remove("OVERSYN_DATABASE_URL")
        .env_remove("OVERSYN_PUBLIC_URL")
        .output()
        .expect("the binary runs")
}

fn text(o: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

#[test]
fn settings_are_checked_and_the_secret_never_shown() {
    let d: PathBuf = std::env::temp_dir().join(format!("oversyn-oidc-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    assert!(oversyn(&d, &["tenant", "add", "lund"]).status.success());
    let secret = d.join("secret");
    std::fs::write(&secret, "the-secret-value-0123456789\n").unwrap();
    let secret = secret.to_str().unwrap();
    let base = [
        "tenant",
        "oidc",
        "--tenant",
        "lund",
        "--issuer",
        "https://idp.lund.example/realms/lund",
        "--client-id",
        "oversyn",
    ];
    let with = |extra: &[&str]| {
        let mut a = base.to_vec();
        a.extend_from_slice(extra);
        oversyn(&d, &a)
    };

    for (extra, says) in [
        (
            vec!["--client-secret-file", secret],
            "map at least one group",
        ),
        (vec!["--editor-group", "e"], "--client-secret-file"),
        (
            vec![
                "--client-secret-file",
                "/no/such/file",
                "--editor-group",
                "e",
            ],
            "/no/such/file",
        ),
    ] {
        let o = with(&extra);
        assert!(!o.status.success(), "{extra:?} is refused");
        assert!(text(&o).contains(says), "{extra:?}: {}", text(&o));
    }
    let o = oversyn(
        &d,
        &[
            "tenant",
            "oidc",
            "--tenant",
            "lund",
            "--issuer",
            "not a url",
            "--client-id",
            "x",
            "--client-secret-file",
            secret,
            "--editor-group",
            "e",
        ],
    );
    assert!(
        !o.status.success() && text(&o).contains("not a URL"),
        "{}",
        text(&o)
    );
    let show = oversyn(&d, &["tenant", "oidc", "--tenant", "lund", "--show"]);
    assert!(
        text(&show).contains("password login only"),
        "nothing stored after refusals: {}",
        text(&show)
    );

    let o = with(&[
        "--client-secret-file",
        secret,
        "--editor-group",
        "lund-editors",
        "--no-passwords",
    ]);
    assert!(o.status.success(), "{}", text(&o));
    assert!(
        text(&o).contains("/login/sso/callback"),
        "names the redirect URI"
    );
    let show = text(&oversyn(
        &d,
        &["tenant", "oidc", "--tenant", "lund", "--show"],
    ));
    assert!(
        show.contains("lund-editors") && show.contains("\"passwords_off\": true"),
        "{show}"
    );
    assert!(
        !show.contains("the-secret-value"),
        "the secret is never shown: {show}"
    );
    assert!(!text(&o).contains("the-secret-value"));

    let o = oversyn(&d, &["tenant", "oidc", "--tenant", "lund", "--remove"]);
    assert!(o.status.success());
    let show = text(&oversyn(
        &d,
        &["tenant", "oidc", "--tenant", "lund", "--show"],
    ));
    assert!(show.contains("password login only"), "{show}");
    let _ = std::fs::remove_dir_all(&d);
}
