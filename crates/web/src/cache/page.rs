//! A remembered page in the forms it is served in: plain, gzip and
//! brotli, each with its own ETag, and the choice among them by the
//! request's `Accept-Encoding`, made as the compression layer makes it.

use super::{COMPRESS_LEVEL, MIN_COMPRESS_BYTES};
use axum::body::{Body, Bytes};
use axum::response::{IntoResponse, Response};
use http::{HeaderMap, HeaderValue, StatusCode, header};
use oversyn_store::Stamp;
use std::io::Write as _;

/// A content coding a page is kept in; ordered as tower-http ranks them
/// when two have the same q-value (brotli first, plain last).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum Coding {
    Plain,
    Gzip,
    Brotli,
}

/// The coding a request's `Accept-Encoding` asks for, chosen as
/// tower-http's compression layer chooses, so that an answer from memory
/// and a fresh one agree: the highest q-value wins, `*` stands for what is
/// not named, and no header at all means plain. (Where the layer refuses
/// with 406 because nothing is acceptable, it does so for these too.)
pub(super) fn coding_for(headers: &HeaderMap) -> Coding {
    let (named, rest) = qualities(headers);
    [Coding::Plain, Coding::Gzip, Coding::Brotli]
        .into_iter()
        .zip(named)
        .filter_map(|(c, q)| Some((q.or(rest)?, c)))
        .filter(|&(q, _)| q > 0)
        .max()
        .map_or(Coding::Plain, |(_, c)| c)
}

/// Whether a request takes gzip before plain: a page made of pieces is
/// sent as gzip, also to a client that would have liked brotli better.
pub fn takes_gzip(headers: &HeaderMap) -> bool {
    let (named, rest) = qualities(headers);
    let gzip = named[1].or(rest).unwrap_or(0);
    let plain = named[0].or(rest).unwrap_or(1);
    gzip > 0 && gzip >= plain
}

/// The q-values of plain, gzip and brotli as named, and of `*`.
fn qualities(headers: &HeaderMap) -> ([Option<u16>; 3], Option<u16>) {
    let mut named: [Option<u16>; 3] = [None; 3];
    let mut rest = None;
    let items = headers
        .get_all(header::ACCEPT_ENCODING)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','));
    for item in items {
        let (name, params) = item.split_once(';').unwrap_or((item, "q=1"));
        let Some(q) = q_value(params.trim()) else {
            continue;
        };
        let slot = match name.trim() {
            "*" => &mut rest,
            n if n.eq_ignore_ascii_case("identity") => &mut named[0],
            n if n.eq_ignore_ascii_case("gzip") || n.eq_ignore_ascii_case("x-gzip") => {
                &mut named[1]
            }
            n if n.eq_ignore_ascii_case("br") => &mut named[2],
            _ => continue,
        };
        slot.get_or_insert(q);
    }
    (named, rest)
}

/// `q=0.8` in thousandths; `None` if malformed (the item is then ignored).
fn q_value(s: &str) -> Option<u16> {
    let v = s.strip_prefix("q=").or_else(|| s.strip_prefix("Q="))?;
    let (whole, frac) = v.split_once('.').unwrap_or((v, ""));
    let whole = match whole {
        "0" => 0,
        "1" => 1000,
        _ => return None,
    };
    let mut q = whole;
    let mut unit = 100;
    for b in frac.bytes() {
        if !b.is_ascii_digit() || unit == 0 {
            return None;
        }
        q += unit * u16::from(b - b'0');
        unit /= 10;
    }
    (q <= 1000).then_some(q)
}

/// Marks an answer whose coding the cache has chosen already, plain or
/// not: the compression layer must leave it as it is.
#[derive(Debug, Clone, Copy)]
pub struct Encoded;

/// One coding of a remembered page, with everything a hit sends.
struct Form {
    etag: HeaderValue,
    /// The handler's headers (content type and the like), with this form's
    /// ETag, length, coding and `Vary` added.
    headers: HeaderMap,
    body: Bytes,
}

pub(super) struct Page {
    /// Whose data it shows, and at which versions.
    pub(super) tenant_id: i64,
    pub(super) stamp: Stamp,
    pub(super) forms: Forms,
}

impl Page {
    pub(super) fn new(tenant_id: i64, stamp: Stamp, headers: HeaderMap, body: Bytes) -> Page {
        let tag = format!("{}.{}-{:016x}", stamp.shared, stamp.own, fnv1a(&body));
        Page {
            tenant_id,
            stamp,
            forms: Forms::new(&tag, headers, body, true),
        }
    }

    pub(super) fn bytes(&self) -> usize {
        self.forms.bytes()
    }
}

/// One body in the codings it is served in: plain, and gzip and brotli
/// where they are smaller, each with its own ETag.
pub struct Forms {
    plain: Form,
    gzip: Option<Form>,
    brotli: Option<Form>,
}

impl Forms {
    fn new(tag: &str, mut headers: HeaderMap, body: Bytes, compress: bool) -> Forms {
        // Added again on the way out, where they then replace themselves in
        // place instead of growing a copied map on every hit.
        crate::middleware::add_security_headers(&mut headers);
        headers.remove(header::CONTENT_LENGTH);
        headers.insert(header::VARY, HeaderValue::from_static("accept-encoding"));
        let compressed = |coding, encoded: Option<Vec<u8>>| {
            let encoded = encoded.filter(|e| e.len() < body.len())?;
            Some(Form::new(&headers, tag, coding, Bytes::from(encoded)))
        };
        let worth = compress && body.len() >= MIN_COMPRESS_BYTES;
        let gzip = compressed(Coding::Gzip, worth.then(|| gzip(&body)).flatten());
        let brotli = compressed(Coding::Brotli, worth.then(|| brotli(&body)).flatten());
        Forms {
            plain: Form::new(&headers, tag, Coding::Plain, body),
            gzip,
            brotli,
        }
    }

    /// A body kept outside the page cache (a report, kept per state of its
    /// tenant's data), compressed unless `compress` says it is already (a
    /// DOCX is a zip): its ETag is its content's hash.
    pub fn of(headers: HeaderMap, body: Bytes, compress: bool) -> Forms {
        let tag = format!("{:016x}", fnv1a(&body));
        Forms::new(&tag, headers, body, compress)
    }

    /// The form for `coding`, plain where it was not worth keeping.
    fn form(&self, coding: Coding) -> &Form {
        let kept = match coding {
            Coding::Plain => None,
            Coding::Gzip => self.gzip.as_ref(),
            Coding::Brotli => self.brotli.as_ref(),
        };
        kept.unwrap_or(&self.plain)
    }

    fn all(&self) -> impl Iterator<Item = &Form> {
        std::iter::once(&self.plain)
            .chain(&self.gzip)
            .chain(&self.brotli)
    }

    /// The plain form's body, shared.
    pub fn plain_body(&self) -> Bytes {
        self.plain.body.clone()
    }

    /// Every form's bytes together.
    pub fn bytes(&self) -> usize {
        self.all().map(|f| f.body.len()).sum()
    }

    /// This body in the coding `request` asks for, or 304 if the client
    /// holds it already.
    pub fn answer(&self, request: &HeaderMap) -> Response {
        answer(request, self)
    }
}

impl Form {
    fn new(headers: &HeaderMap, tag: &str, coding: Coding, body: Bytes) -> Form {
        let (suffix, encoding) = match coding {
            Coding::Plain => ("", None),
            Coding::Gzip => ("-gz", Some("gzip")),
            Coding::Brotli => ("-br", Some("br")),
        };
        let etag = HeaderValue::from_str(&format!("\"{tag}{suffix}\""))
            .expect("digits, hex and letters are a valid header");
        let mut headers = headers.clone();
        headers.insert(header::ETAG, etag.clone());
        headers.insert(header::CONTENT_LENGTH, HeaderValue::from(body.len()));
        if let Some(e) = encoding {
            headers.insert(header::CONTENT_ENCODING, HeaderValue::from_static(e));
        }
        Form {
            etag,
            headers,
            body,
        }
    }
}

fn gzip(body: &[u8]) -> Option<Vec<u8>> {
    let mut e = flate2::write::GzEncoder::new(
        Vec::with_capacity(body.len() / 4),
        flate2::Compression::new(COMPRESS_LEVEL),
    );
    e.write_all(body).ok()?;
    e.finish().ok()
}

fn brotli(body: &[u8]) -> Option<Vec<u8>> {
    let params = brotli::enc::BrotliEncoderParams {
        quality: COMPRESS_LEVEL as i32,
        size_hint: body.len(),
        ..Default::default()
    };
    let mut out = Vec::with_capacity(body.len() / 4);
    brotli::BrotliCompress(&mut &body[..], &mut out, &params).ok()?;
    Some(out)
}

/// Whether the client already holds this version of the page, in any
/// coding: the content is the same, whichever form it was sent in.
fn holds(if_none_match: Option<&HeaderValue>, forms: &Forms) -> bool {
    if_none_match
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| {
            v.split(',').map(str::trim).any(|t| {
                let t = t.trim_start_matches("W/");
                t == "*" || forms.all().any(|f| f.etag.as_bytes() == t.as_bytes())
            })
        })
}

/// The page in the coding the request asks for, or 304 with that form's
/// ETag if the client holds it already.
pub(super) fn answer(request: &HeaderMap, forms: &Forms) -> Response {
    let form = forms.form(coding_for(request));
    let mut r = if holds(request.get(header::IF_NONE_MATCH), forms) {
        let mut r = StatusCode::NOT_MODIFIED.into_response();
        let h = r.headers_mut();
        h.insert(header::ETAG, form.etag.clone());
        h.insert(header::VARY, HeaderValue::from_static("accept-encoding"));
        r
    } else {
        let mut r = Response::new(Body::from(form.body.clone()));
        *r.headers_mut() = form.headers.clone();
        r
    };
    r.extensions_mut().insert(Encoded);
    r
}

/// A fast 64-bit hash of a body for its ETag (FNV-1a; not a secret, only
/// to tell two bodies of the same version apart).
fn fnv1a(b: &[u8]) -> u64 {
    b.iter().fold(0xcbf2_9ce4_8422_2325, |h, &x| {
        (h ^ u64::from(x)).wrapping_mul(0x0100_0000_01b3)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const STAMP: Stamp = Stamp { shared: 3, own: 7 };

    fn accepting(value: &str) -> HeaderMap {
        let mut h = HeaderMap::new();
        h.insert(
            header::ACCEPT_ENCODING,
            HeaderValue::from_str(value).unwrap(),
        );
        h
    }

    #[test]
    fn accept_encoding_chooses_as_the_compression_layer_does() {
        let c = |v: &str| coding_for(&accepting(v));
        assert_eq!(coding_for(&HeaderMap::new()), Coding::Plain);
        assert_eq!(c(""), Coding::Plain);
        assert_eq!(c("identity"), Coding::Plain);
        assert_eq!(c("gzip"), Coding::Gzip);
        assert_eq!(c("x-gzip"), Coding::Gzip);
        assert_eq!(c("GZip"), Coding::Gzip);
        assert_eq!(c("br"), Coding::Brotli);
        // Equal q: brotli before gzip, whatever the order.
        assert_eq!(c("gzip, deflate, br, zstd"), Coding::Brotli);
        assert_eq!(c("gzip;q=0.5, br;q=0.5"), Coding::Brotli);
        // The higher q wins.
        assert_eq!(c("gzip;q=1.0, br;q=0.8"), Coding::Gzip);
        assert_eq!(c("identity, gzip;q=0.5"), Coding::Plain);
        // q=0 refuses a coding.
        assert_eq!(c("br;q=0, gzip"), Coding::Gzip);
        assert_eq!(c("br;q=0"), Coding::Plain);
        assert_eq!(c("br;q=0.000"), Coding::Plain);
        // `*` stands for the codings not named.
        assert_eq!(c("*"), Coding::Brotli);
        assert_eq!(c("br;q=0, *;q=0.5"), Coding::Gzip);
        assert_eq!(c("*;q=0"), Coding::Plain);
        // Unknown codings and malformed q-values are ignored.
        assert_eq!(c("compress, deflate"), Coding::Plain);
        assert_eq!(c("br;q=2, gzip"), Coding::Gzip);
        assert_eq!(c("br;q=0.8888, gzip;q=0.1"), Coding::Gzip);
        // Several header lines count together.
        let mut two = accepting("gzip;q=0.4");
        two.append(
            header::ACCEPT_ENCODING,
            HeaderValue::from_static("br;q=0.9"),
        );
        assert_eq!(coding_for(&two), Coding::Brotli);
    }

    #[test]
    fn gzip_is_taken_where_it_is_not_refused() {
        let t = |v: &str| takes_gzip(&accepting(v));
        assert!(!takes_gzip(&HeaderMap::new()));
        assert!(t("gzip, deflate, br, zstd"));
        assert!(t("br;q=1, gzip;q=0.5"));
        assert!(t("*"));
        assert!(!t("br"));
        assert!(!t("gzip;q=0"));
        assert!(!t("identity, gzip;q=0.5"));
        assert!(!t("identity"));
    }

    #[test]
    fn q_values_are_read_in_thousandths() {
        assert_eq!(q_value("q=1"), Some(1000));
        assert_eq!(q_value("Q=0.5"), Some(500));
        assert_eq!(q_value("q=0.123"), Some(123));
        assert_eq!(q_value("q=1.000"), Some(1000));
        assert_eq!(q_value("q=1.001"), None);
        assert_eq!(q_value("q=.5"), None);
        assert_eq!(q_value("level=1"), None);
    }

    #[test]
    fn a_page_keeps_smaller_forms_each_with_its_own_etag() {
        let body = Bytes::from("<p>Översyn</p>".repeat(50));
        let page = Page::new(1, STAMP, HeaderMap::new(), body.clone());
        let tags: Vec<_> = page.forms.all().map(|f| f.etag.clone()).collect();
        assert_eq!(tags.len(), 3, "plain, gzip and brotli");
        assert!(tags[0].to_str().unwrap().starts_with("\"3.7-"));
        assert!(tags[1].to_str().unwrap().ends_with("-gz\""));
        assert!(tags[2].to_str().unwrap().ends_with("-br\""));
        assert_eq!(
            page.bytes(),
            page.forms.all().map(|f| f.body.len()).sum::<usize>()
        );
        let br = page.forms.form(Coding::Brotli);
        assert_eq!(br.headers[header::CONTENT_ENCODING], "br");
        assert_eq!(
            br.headers[header::CONTENT_LENGTH],
            br.body.len().to_string()
        );
        let mut plain = Vec::new();
        brotli::BrotliDecompress(&mut &br.body[..], &mut plain).unwrap();
        assert_eq!(plain, body);
        // A body too small to gain is kept plain only.
        let tiny = Page::new(1, STAMP, HeaderMap::new(), Bytes::from_static(b"[]"));
        assert_eq!(tiny.forms.all().count(), 1);
        assert!(
            tiny.forms
                .form(Coding::Gzip)
                .headers
                .get(header::CONTENT_ENCODING)
                .is_none()
        );
        // Any form's ETag shows the client holds the page.
        for tag in &tags {
            assert!(holds(Some(tag), &page.forms));
        }
        assert!(!holds(
            Some(&HeaderValue::from_static("\"3.7-0-br\"")),
            &page.forms
        ));
    }
}
