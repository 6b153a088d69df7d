//! Any bytes, read as text the way an upload would be, must parse or fail
//! with an error, never panic.

#![no_main]

use libfuzzer_sys::fuzz_target;
use oversyn_core::case_parse::{OrgName, catalogue_names, parse, parse_all};
use std::sync::OnceLock;

fn orgs() -> &'static [OrgName] {
    static ORGS: OnceLock<Vec<OrgName>> = OnceLock::new();
    ORGS.get_or_init(catalogue_names)
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    if let Ok(case) = parse(&text, orgs()) {
        for p in &case.positions {
            if let Some(r) = p.refers_to {
                assert!(r < case.positions.len());
            }
        }
    }
    // One case per item of a protocol: each as sound as a single one.
    if let Ok(cases) = parse_all(&text, orgs()) {
        assert!(!cases.is_empty());
        for case in &cases {
            for p in &case.positions {
                if let Some(r) = p.refers_to {
                    assert!(r < case.positions.len());
                }
            }
        }
    }
});
