//! The Stockholm 2011 review report end to end — the analysis from the
//! database, the charts, and the document — as PDF, DOCX and HTML (goal for
//! the PDF: under 1 s). The demo is loaded once into a scratch SQLite file.

use criterion::{Criterion, criterion_group, criterion_main};
use oversyn_app::Format;
use oversyn_app::analysis::report::render;
use oversyn_store::testing::ScratchDb;

fn bench(c: &mut Criterion) {
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(1)
        .enable_all()
        .build()
        .expect("a runtime");
    let db = ScratchDb::sqlite();
    let (store, tenant, review) = rt.block_on(async {
        let store = db.open().await.expect("scratch database");
        store.load_demo().await.expect("demo loads");
        let tenant = store
            .tenant_by_slug("stockholm")
            .await
            .expect("demo tenant");
        let review = store
            .reviews(tenant.id)
            .await
            .expect("reviews")
            .into_iter()
            .find(|r| r.illustrative)
            .expect("the demo review");
        (store, tenant.id, review.id)
    });
    let mut group = c.benchmark_group("report");
    group.sample_size(10);
    for (name, format) in [
        ("stockholm_pdf", Format::Pdf),
        ("stockholm_docx", Format::Docx),
        ("stockholm_html", Format::Html),
    ] {
        group.bench_function(name, |b| {
            b.iter(|| {
                rt.block_on(render(
                    &store,
                    tenant,
                    review,
                    oversyn_core::Lang::Sv,
                    format,
                ))
                .expect("the report renders")
            })
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
