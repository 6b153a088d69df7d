//! The analysis core against an independent reference in Python
//! (`tests/reference/analysis.py`, standard library only): the same random
//! cases through both, the index and category to rounding, SMAA within
//! sampling error (the two use different generators), and the weight
//! stability intervals — scanned and bisected here, solved in closed form
//! there — within the scan's tolerance.

use oversyn_core::analysis::smaa::{Rng, probabilities};
use oversyn_core::analysis::stability::weight_stability;
use oversyn_core::analysis::{Category, Evidence, benefit_index, categorise};
use serde_json::{Value, json};
use std::io::Write;
use std::process::{Command, Stdio};

const RUST_DRAWS: usize = 100_000;
const PYTHON_DRAWS: usize = 10_000;

fn evidence(id: i64, rng: &mut Rng, k: usize) -> Evidence {
    let mut pick = |n: u64| rng.next_u64() % n;
    let benefit: Vec<Option<f64>> = (0..k)
        .map(|_| (pick(10) != 0).then(|| pick(10_000) as f64 / 100.0))
        .collect();
    let respondents = (0..k).map(|_| pick(8) as usize).collect();
    let keys: Vec<String> = (0..k).map(|c| format!("c{c}")).collect();
    Evidence {
        membership_id: id,
        organisation: format!("Org {id}"),
        median: vec![None; k],
        benefit,
        respondents,
        criteria_names_sv: keys.clone(),
        criteria_names_en: keys.clone(),
        criteria_keys: keys,
        represented_indirectly_via: (pick(4) == 0).then(|| "SKR".to_string()),
        overlaps_with: Vec::new(),
        development_cooperation_focus: pick(3) == 0,
        goal_fit: match pick(3) {
            0 => None,
            _ => Some(pick(100) as f64 / 100.0),
        },
        geography_only: false,
        travel_days: 0.0,
        staff_days: 0.0,
        co2_kg: None,
        declined_invitations: 0,
        annual_fee: None,
        annual_fee_sek: None,
    }
}

struct Case {
    evidence: Vec<Evidence>,
    weights: Vec<f64>,
    intervals: Vec<(f64, f64)>,
}

fn cases() -> Vec<Case> {
    let mut rng = Rng::new(20_111_124);
    (0..12)
        .map(|_| {
            let k = 2 + (rng.next_u64() % 5) as usize;
            let n = 1 + (rng.next_u64() % 6) as usize;
            let weights: Vec<f64> = (0..k).map(|_| 0.2 + rng.next_f64() * 0.8).collect();
            let intervals = weights
                .iter()
                .map(|w| {
                    (
                        w * (0.5 + rng.next_f64() * 0.5),
                        w * (1.0 + rng.next_f64() * 0.5),
                    )
                })
                .collect();
            let evidence = (0..n as i64).map(|id| evidence(id, &mut rng, k)).collect();
            Case {
                evidence,
                weights,
                intervals,
            }
        })
        .collect()
}

fn to_json(c: &Case, seed: u64) -> Value {
    json!({
        "weights": c.weights,
        "intervals": c.intervals.iter().map(|(l, h)| [l, h]).collect::<Vec<_>>(),
        "draws": PYTHON_DRAWS,
        "seed": seed,
        "memberships": c.evidence.iter().map(|e| json!({
            "benefit": e.benefit,
            "respondents": e.respondents,
            "indirect": e.represented_indirectly_via.is_some(),
            "dev_coop": e.development_cooperation_focus,
            "goal_fit": e.goal_fit,
        })).collect::<Vec<_>>(),
    })
}

fn reference(input: &Value) -> Vec<Value> {
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/reference/analysis.py");
    let mut child = Command::new("python3")
        .arg(script)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("python3 runs the reference implementation (install python3)");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.to_string().as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "reference failed");
    serde_json::from_slice(&out.stdout).unwrap()
}

fn f(v: &Value) -> f64 {
    v.as_f64().unwrap()
}

#[test]
fn the_core_agrees_with_an_independent_reference() {
    let cases = cases();
    let input = Value::Array(
        cases
            .iter()
            .enumerate()
            .map(|(i, c)| to_json(c, i as u64))
            .collect(),
    );
    if let Ok(path) = std::env::var("OVERSYN_REFERENCE_DUMP") {
        std::fs::write(path, input.to_string()).unwrap();
    }
    let expected = reference(&input);
    assert_eq!(expected.len(), cases.len());
    let mut compared = [0usize; 3];
    for (n, (case, want)) in cases.iter().zip(&expected).enumerate() {
        let total: f64 = case.weights.iter().sum();
        let base: Vec<f64> = case.weights.iter().map(|w| w / total).collect();
        // Index and category.
        for (m, e) in case.evidence.iter().enumerate() {
            let index = benefit_index(&e.benefit, &base);
            match (index, want["index"][m].as_f64()) {
                (Some(a), Some(b)) => assert!((a - b).abs() < 1e-9, "case {n} m {m}: {a} vs {b}"),
                (None, None) => {}
                (a, b) => panic!("case {n} m {m}: index {a:?} vs {b:?}"),
            }
            let category = categorise(e, index);
            assert_eq!(category.code(), want["category"][m], "case {n} m {m}");
        }
        // SMAA: five standard errors of the difference at p = 0.5 is 0.026.
        let ours = probabilities(&case.evidence, &case.intervals, RUST_DRAWS, n as u64);
        for (m, map) in ours.iter().enumerate() {
            for c in Category::ALL {
                let (a, b) = (map[&c], f(&want["smaa"][m][c.code()]));
                assert!((a - b).abs() < 0.03, "case {n} m {m} {c:?}: {a} vs {b}");
                compared[0] += 1;
            }
        }
        // Stability: ours lies inside the true interval by at most 1e-4,
        // plus what a change within one scan step can hide.
        let check = |ours: &[(f64, f64)], theirs: &Value, what: &str| {
            for (i, (lo, hi)) in ours.iter().enumerate() {
                let (tlo, thi) = (f(&theirs[i][0]), f(&theirs[i][1]));
                assert!(
                    (lo - tlo).abs() < 2e-3 && (hi - thi).abs() < 2e-3,
                    "case {n} {what} criterion {i}: ours [{lo}, {hi}], reference [{tlo}, {thi}]"
                );
            }
        };
        check(
            &weight_stability(&case.evidence, &case.weights),
            &want["stability_all"],
            "all",
        );
        compared[1] += case.weights.len();
        for (m, e) in case.evidence.iter().enumerate() {
            let single = weight_stability(std::slice::from_ref(e), &case.weights);
            check(
                &single,
                &want["stability_each"][m],
                &format!("membership {m}"),
            );
            compared[2] += 1;
        }
    }
    println!("compared {compared:?} (SMAA cells, stability criteria, single memberships)");
}
