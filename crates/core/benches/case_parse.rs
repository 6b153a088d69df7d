//! Parsing speed on a long document (the reference case repeated to about
//! 1 MB, or a generated Swedish decision text when the reference is
//! missing) and on the real documents of the test corpus, each parsed as
//! an upload is: the second is what a user's imports cost.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use oversyn_core::case_parse::{catalogue_names, parse};
use std::hint::black_box;

fn sample() -> String {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/reference/stockholm-2011-international-review.txt"
    );
    let one = std::fs::read_to_string(path).unwrap_or_else(|_| {
        "PM 2011:1 (Dnr 1-1/2011)\nMedlemskap\n\nBeslut\n1. Staden säger upp medlemskapet i UCLG från och med den 1 januari 2012.\n\nReservation anfördes av Anna Ek (V) enligt följande.\nVi vill behålla medlemskapet i Metropolis och EUROCITIES.\n".repeat(20)
    });
    let mut text = String::with_capacity(1 << 20);
    while text.len() < 1 << 20 {
        text.push_str(&one);
        text.push('\n');
    }
    text
}

/// The texts of the real-document corpus, in the order of their names.
fn corpus() -> Vec<String> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/corpus");
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|x| x == "txt"))
                .collect()
        })
        .unwrap_or_default();
    paths.sort();
    paths
        .iter()
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .collect()
}

fn bench(c: &mut Criterion) {
    let text = sample();
    let orgs = catalogue_names();
    let mut group = c.benchmark_group("case_parse");
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.sample_size(20);
    group.bench_function("reference_1mb", |b| {
        b.iter(|| parse(black_box(&text), &orgs))
    });
    group.finish();

    let documents = corpus();
    if documents.is_empty() {
        return;
    }
    let mut group = c.benchmark_group("case_parse");
    group.throughput(Throughput::Bytes(
        documents.iter().map(|d| d.len() as u64).sum(),
    ));
    group.sample_size(20);
    group.bench_function("real_corpus", |b| {
        b.iter(|| {
            for d in &documents {
                let _ = parse(black_box(d), &orgs);
            }
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
