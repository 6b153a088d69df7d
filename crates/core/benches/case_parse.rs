//! Parsing speed on a long document: the reference case repeated to about
//! 1 MB, or a generated Swedish decision text when the reference is missing.

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
}

criterion_group!(benches, bench);
criterion_main!(benches);
