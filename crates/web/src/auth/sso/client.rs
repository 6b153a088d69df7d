//! The HTTP client `openidconnect` talks to providers through: reqwest with
//! rustls and the system's certificate store (rustls-platform-verifier), so
//! a city's own CA works once it is installed on the host. Redirects are not followed (a
//! provider answering discovery or the token request with a redirect could
//! point the server at internal addresses), and every request has a time
//! limit so a hanging provider cannot hold a sign-in forever.

use std::future::Future;
use std::pin::Pin;
use std::sync::LazyLock;
use std::time::Duration;

/// Answers larger than this are refused (discovery documents and key sets
/// are a few kilobytes).
const MAX_BODY: usize = 1 << 20;

#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct HttpFailure(String);

#[derive(Clone)]
pub struct Http(reqwest::Client);

static SHARED: LazyLock<Http> = LazyLock::new(|| {
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .timeout(Duration::from_secs(10))
        .connect_timeout(Duration::from_secs(5))
        .user_agent(concat!("oversyn/", env!("CARGO_PKG_VERSION")))
        .build()
        .expect("a client with fixed settings builds");
    Http(client)
});

impl Http {
    pub fn shared() -> Http {
        SHARED.clone()
    }

    async fn send(
        &self,
        req: openidconnect::HttpRequest,
    ) -> Result<openidconnect::HttpResponse, HttpFailure> {
        let (parts, body) = req.into_parts();
        let res = self
            .0
            .request(parts.method, parts.uri.to_string())
            .headers(parts.headers)
            .body(body)
            .send()
            .await
            .map_err(|e| HttpFailure(e.to_string()))?;
        let mut out = http::Response::builder().status(res.status());
        if let Some(h) = out.headers_mut() {
            *h = res.headers().clone();
        }
        if res.content_length().is_some_and(|n| n > MAX_BODY as u64) {
            return Err(HttpFailure("the answer is too large".into()));
        }
        let bytes = res.bytes().await.map_err(|e| HttpFailure(e.to_string()))?;
        if bytes.len() > MAX_BODY {
            return Err(HttpFailure("the answer is too large".into()));
        }
        out.body(bytes.to_vec())
            .map_err(|e| HttpFailure(e.to_string()))
    }
}

impl<'c> openidconnect::AsyncHttpClient<'c> for Http {
    type Error = HttpFailure;
    type Future =
        Pin<Box<dyn Future<Output = Result<openidconnect::HttpResponse, Self::Error>> + Send + 'c>>;

    fn call(&'c self, request: openidconnect::HttpRequest) -> Self::Future {
        Box::pin(self.send(request))
    }
}
