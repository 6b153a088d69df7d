//! The analysis at its largest expected size: 100 memberships, 6 criteria,
//! 100,000 SMAA draws (goal: under 100 ms on one core), beside the bootstrap
//! over 20 respondents per membership and the weight-stability intervals.

use criterion::{Criterion, criterion_group, criterion_main};
use oversyn_core::analysis::bootstrap::bootstrap;
use oversyn_core::analysis::smaa::{Rng, probabilities};
use oversyn_core::analysis::stability::weight_stability;
use oversyn_core::analysis::{Evidence, benefit_from_answers};
use std::hint::black_box;

const CRITERIA: usize = 6;

/// Random answers per respondent and criterion, the evidence computed from
/// them the way the web layer does.
fn membership(id: i64, rng: &mut Rng) -> (Evidence, Vec<Vec<Vec<u8>>>) {
    let ballots: Vec<Vec<Vec<u8>>> = (0..20)
        .map(|_| {
            (0..CRITERIA)
                .map(|_| vec![1 + (rng.next_u64() % 5) as u8])
                .collect()
        })
        .collect();
    let benefit = (0..CRITERIA)
        .map(|c| {
            let values: Vec<u8> = ballots.iter().flat_map(|b| b[c].clone()).collect();
            benefit_from_answers(&values)
        })
        .collect();
    let keys: Vec<String> = (0..CRITERIA).map(|c| format!("c{c}")).collect();
    let evidence = Evidence {
        membership_id: id,
        organisation: format!("Org {id}"),
        benefit,
        median: vec![Some(3.0); CRITERIA],
        respondents: vec![20; CRITERIA],
        criteria_keys: keys.clone(),
        criteria_names_sv: keys.clone(),
        criteria_names_en: keys,
        represented_indirectly_via: (id % 7 == 0).then(|| "SKR".to_string()),
        overlaps_with: Vec::new(),
        development_cooperation_focus: id % 5 == 0,
        goal_fit: Some(0.5),
        geography_only: false,
        travel_days: 4.0,
        staff_days: 0.0,
        co2_kg: Some(800.0),
        declined_invitations: 0,
        annual_fee: Some((10_000.0, "EUR".into())),
        annual_fee_sek: Some(90_300.0),
    };
    (evidence, ballots)
}

fn bench(c: &mut Criterion) {
    let mut rng = Rng::new(2011);
    let (evidence, ballots): (Vec<Evidence>, Vec<_>) =
        (0..100).map(|id| membership(id, &mut rng)).unzip();
    let intervals = [(0.5, 1.5); CRITERIA];
    let weights = [1.0 / CRITERIA as f64; CRITERIA];

    let mut group = c.benchmark_group("analysis");
    group.sample_size(10);
    group.bench_function("smaa_100x6_100k_draws", |b| {
        b.iter(|| probabilities(black_box(&evidence), &intervals, 100_000, 1))
    });
    group.bench_function("bootstrap_100x20_respondents_1k_draws", |b| {
        b.iter(|| {
            evidence
                .iter()
                .zip(&ballots)
                .map(|(e, r)| bootstrap(black_box(e), r, &weights, 1_000, 1))
                .collect::<Vec<_>>()
        })
    });
    group.bench_function("weight_stability_100x6", |b| {
        b.iter(|| weight_stability(black_box(&evidence), &weights))
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
