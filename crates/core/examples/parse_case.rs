//! Prints what the case parser reads from a text file, for a developer
//! looking at one document without building the whole application:
//! `cargo run -p oversyn-core --example parse_case -- FILE [--all]`.

use oversyn_core::case_parse::{catalogue_names, parse, parse_all};

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(path) = args.next() else {
        eprintln!("usage: parse_case FILE [--all]");
        std::process::exit(2);
    };
    let all = args.any(|a| a == "--all");
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("{path}: {e}");
            std::process::exit(1);
        }
    };
    let orgs = catalogue_names();
    let out = if all {
        parse_all(&text, &orgs).map(|c| serde_json::to_string_pretty(&c))
    } else {
        parse(&text, &orgs).map(|c| serde_json::to_string_pretty(&c))
    };
    match out {
        Ok(json) => println!("{}", json.unwrap_or_default()),
        Err(e) => {
            eprintln!("{path}: {e}");
            std::process::exit(1);
        }
    }
}
