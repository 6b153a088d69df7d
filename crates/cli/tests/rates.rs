//! `oversyn rates import FILE`: a table with a fault is refused line by line
//! with nothing imported; a good one replaces the shipped rates it names,
//! and `rates list` shows what fees are now converted at.

use std::path::PathBuf;
use std::process::{Command, Output};

fn oversyn(dir: &std::path::Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_oversyn"))
        .arg("--data-dir")
        .arg(dir)
        .args(args)
        .env("RUST_BACKTRACE", "0")
        .env_remove("OVERSYN_DATABASE_URL")
        .output()
        .expect("the binary runs")
}

fn scratch() -> PathBuf {
    let d = std::env::temp_dir().join(format!("oversyn-cli-rates-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn list(d: &std::path::Path) -> String {
    let out = oversyn(d, &["rates", "list"]);
    assert!(out.status.success());
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn a_rates_table_is_imported_whole_or_not_at_all() {
    let d = scratch();
    let shipped = list(&d);
    assert!(shipped.starts_with("currency,year,sek_per_unit,source\n"));
    assert!(shipped.contains("EUR,2011,9.0298,ECB"), "{shipped}");

    // The Riksbank's export: semicolons and decimal commas; line 3 has a
    // rate of 0 and line 4 no source.
    let bad = d.join("bad.csv");
    std::fs::write(
        &bad,
        "currency;year;sek_per_unit;source\nEUR;2011;9,0335;Riksbanken\nUSD;2011;0;Riksbanken\nGBP;2011;10,4;\n",
    )
    .unwrap();
    let out = oversyn(&d, &["rates", "import", bad.to_str().unwrap()]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("line 3, column C (sek_per_unit): a rate of 0"),
        "{err}"
    );
    assert!(err.contains("line 4, column D (source)"), "{err}");
    assert!(err.contains("nothing was imported"), "{err}");
    assert_eq!(list(&d), shipped, "nothing half-imported");

    let good = d.join("good.csv");
    std::fs::write(
        &good,
        "currency;year;sek_per_unit;source\nEUR;2011;9,0335;Sveriges riksbank, årsgenomsnitt\nJPY;2015;0,0752;Sveriges riksbank, årsgenomsnitt\n",
    )
    .unwrap();
    let out = oversyn(&d, &["rates", "import", good.to_str().unwrap()]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("Imported 2 rates (2 new"));
    let now = list(&d);
    assert!(
        now.contains("EUR,2011,9.0335,Sveriges riksbank, årsgenomsnitt"),
        "{now}"
    );
    assert!(
        !now.contains("EUR,2011,9.0298,"),
        "the shipped rate is replaced"
    );
    assert!(now.contains("JPY,2015,0.0752,"));
    assert_eq!(now.lines().count(), shipped.lines().count() + 1);
    let _ = std::fs::remove_dir_all(&d);
}
