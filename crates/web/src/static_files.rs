//! The stylesheet and the small script, compiled into the binary.

use axum::Router;
use axum::routing::get;
use http::header;

const CSS: &str = include_str!("../static/app.css");

pub fn router() -> Router<crate::AppState> {
    Router::new().route(
        "/static/app.css",
        get(|| async {
            (
                [
                    (header::CONTENT_TYPE, "text/css; charset=utf-8"),
                    (header::CACHE_CONTROL, "public, max-age=3600"),
                ],
                CSS,
            )
        }),
    )
}
