//! Script in every text field stays text: a corpus of markup, attribute
//! breakers, `javascript:` links and unicode tricks is typed into every text
//! field of the register, review, case and follow-up forms (found by reading
//! each form as a browser would), uploaded in documents, tables and file
//! names, and sent through the API. Then every page reachable from the
//! register and the public pages is fetched, with the documents as HTML,
//! Akoma Ntoso, Popolo and CSV, and none may carry a payload as live markup.

use crate::helpers::*;
use reqwest::StatusCode;
use serde_json::json;
use std::collections::{BTreeMap, BTreeSet, VecDeque};

/// Each payload, and the raw text that would show it live (lower case; the
/// check ignores case). `None`: harmless as text, but it must survive.
const CORPUS: &[(&str, Option<&str>)] = &[
    ("<script>alert(1)</script>", Some("<script>alert(1)")),
    (
        "\"><img src=x onerror=alert(2)>",
        Some("<img src=x onerror"),
    ),
    ("'><svg onload=alert(3)>", Some("<svg onload")),
    (
        "</textarea><script>alert(4)</script>",
        Some("</textarea><script>"),
    ),
    (
        "\" autofocus onfocus=\"alert(5)",
        Some("\" autofocus onfocus=\""),
    ),
    (
        "<IMG SRC=\"javascript:alert(6)\">",
        Some("<img src=\"javascript:"),
    ),
    ("javascript:alert(7)", None),
    ("<svg/onload=alert(8)>", Some("<svg/onload")),
    ("]]><script>alert(9)</script><![CDATA[", Some("]]><script>")),
    ("<scr<script>ipt>alert(10)</script>", Some("<scr<script>")),
    (
        "&lt;script&gt;alert(11)&lt;/script&gt;",
        Some("<script>alert(11)"),
    ),
    ("\u{FF1C}script\u{FF1E}alert(12)\u{202E}\u{200B}", None),
    ("{{7*7}}${7*7}<%= 7*7 %>", Some("<%= 7*7")),
    ("=HYPERLINK(\"https://evil.example\",\"klicka\")", None),
];

/// Cells a spreadsheet would run as formulas if a CSV export wrote them as they are.
const FORMULAS: &[&str] = &[
    "=HYPERLINK(\"https://evil.example\",\"klicka\")",
    "+cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
];

/// Hands out the corpus round-robin, each payload tagged with a number so a
/// live one can be traced to the field it was typed into.
#[derive(Default)]
struct Payloads {
    next: usize,
    used: BTreeMap<String, String>,
}

impl Payloads {
    fn take(&mut self, field: &str) -> String {
        let (p, _) = CORPUS[self.next % CORPUS.len()];
        self.next += 1;
        // The formula must stay first in its cell to mean anything.
        let tagged = if p.starts_with('=') {
            p.to_owned()
        } else {
            format!("x{}{p}", self.next)
        };
        self.used.insert(tagged.clone(), field.to_owned());
        tagged
    }
}

// ---------------------------------------------------------------- HTML reading

/// `&#60;`, `&#x3C;`, `&lt;` and friends back to characters.
fn decode(s: &str) -> String {
    let mut out = String::new();
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let end = rest.find(';').filter(|e| *e <= 10);
        let decoded = end.and_then(|e| {
            let ent = &rest[1..e];
            let c = match ent {
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                _ => ent
                    .strip_prefix("#x")
                    .or_else(|| ent.strip_prefix("#X"))
                    .and_then(|h| u32::from_str_radix(h, 16).ok())
                    .or_else(|| ent.strip_prefix('#').and_then(|d| d.parse().ok()))
                    .and_then(char::from_u32),
            };
            c.map(|c| (c, e))
        });
        match decoded {
            Some((c, e)) => {
                out.push(c);
                rest = &rest[e + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// The attributes of a start tag such as `<input name="a" checked>`.
fn attributes(tag: &str) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    let inner = tag
        .trim_start_matches('<')
        .trim_end_matches('>')
        .trim_end_matches('/');
    let mut chars = inner.char_indices().peekable();
    // Skip the tag's name.
    while chars.next_if(|(_, c)| !c.is_whitespace()).is_some() {}
    loop {
        while chars.next_if(|(_, c)| c.is_whitespace()).is_some() {}
        let Some(&(start, _)) = chars.peek() else {
            break;
        };
        let mut end = start;
        while let Some((i, c)) = chars.next_if(|(_, c)| !c.is_whitespace() && *c != '=') {
            end = i + c.len_utf8();
        }
        let name = inner[start..end].to_ascii_lowercase();
        let mut value = String::new();
        if chars.next_if(|(_, c)| *c == '=').is_some() {
            match chars.peek().map(|(_, c)| *c) {
                Some(q @ ('"' | '\'')) => {
                    chars.next();
                    for (_, c) in chars.by_ref() {
                        if c == q {
                            break;
                        }
                        value.push(c);
                    }
                }
                _ => {
                    while let Some((_, c)) = chars.next_if(|(_, c)| !c.is_whitespace()) {
                        value.push(c);
                    }
                }
            }
        }
        if name.is_empty() {
            chars.next();
            continue;
        }
        out.insert(name, decode(&value));
    }
    out
}

/// Every start tag named `name` in `html`, as (offset, tag text).
fn tags<'a>(html: &'a str, name: &str) -> Vec<(usize, &'a str)> {
    let open = format!("<{name}");
    html.match_indices(&open)
        .filter(|(i, _)| {
            html[i + open.len()..]
                .chars()
                .next()
                .is_some_and(|c| c.is_whitespace() || c == '>' || c == '/')
        })
        .filter_map(|(i, _)| html[i..].find('>').map(|e| (i, &html[i..=i + e])))
        .collect()
}

#[derive(Clone, Debug, PartialEq)]
enum Kind {
    /// Free text: typed into.
    Text,
    /// Sent as the page gave it.
    Kept,
}

#[derive(Clone, Debug)]
struct Field {
    name: String,
    value: String,
    kind: Kind,
    /// The input's type: a plain value to fall back on must fit it.
    input: String,
}

/// A form as a browser would send it untouched.
#[derive(Debug)]
struct Form {
    action: String,
    fields: Vec<Field>,
}

fn forms(html: &str, page: &str) -> Vec<Form> {
    let mut out = Vec::new();
    for (at, tag) in tags(html, "form") {
        let a = attributes(tag);
        if a.get("method").map(String::as_str) != Some("post") {
            continue;
        }
        let end = html[at..].find("</form>").map_or(html.len(), |e| at + e);
        let body = &html[at..end];
        let mut fields = Vec::new();
        let mut radios: BTreeMap<String, (Option<String>, String)> = BTreeMap::new();
        for (_, t) in tags(body, "input") {
            let a = attributes(t);
            let Some(name) = a.get("name").cloned() else {
                continue;
            };
            let value = a.get("value").cloned().unwrap_or_default();
            let numeric = matches!(
                a.get("inputmode").map(String::as_str),
                Some("numeric" | "decimal")
            );
            let input = a.get("type").cloned().unwrap_or_else(|| "text".into());
            match input.as_str() {
                "text" | "search" | "email" | "url" | "tel" if !numeric => fields.push(Field {
                    name,
                    value,
                    kind: Kind::Text,
                    input,
                }),
                "checkbox" if a.contains_key("checked") => fields.push(Field {
                    name,
                    value: if value.is_empty() { "on".into() } else { value },
                    kind: Kind::Kept,
                    input,
                }),
                "checkbox" | "file" | "submit" | "button" => {}
                "radio" => {
                    let e = radios.entry(name).or_insert((None, value.clone()));
                    if a.contains_key("checked") {
                        e.0 = Some(value);
                    }
                }
                _ => fields.push(Field {
                    name,
                    value,
                    kind: Kind::Kept,
                    input,
                }),
            }
        }
        for (name, (checked, first)) in radios {
            fields.push(Field {
                name,
                value: checked.unwrap_or(first),
                kind: Kind::Kept,
                input: "radio".into(),
            });
        }
        for (i, t) in tags(body, "textarea") {
            let a = attributes(t);
            let Some(name) = a.get("name").cloned() else {
                continue;
            };
            let start = i + t.len();
            let end = body[start..]
                .find("</textarea>")
                .map_or(body.len(), |e| start + e);
            fields.push(Field {
                name,
                value: decode(&body[start..end]),
                kind: Kind::Text,
                input: "textarea".into(),
            });
        }
        for (i, t) in tags(body, "select") {
            let a = attributes(t);
            let Some(name) = a.get("name").cloned() else {
                continue;
            };
            let end = body[i..].find("</select>").map_or(body.len(), |e| i + e);
            let list = &body[i..end];
            let options = tags(list, "option");
            // An option without a value sends its text.
            let chosen = options
                .iter()
                .find(|(_, o)| attributes(o).contains_key("selected"))
                .or(options.first())
                .map(|(at, o)| {
                    attributes(o).get("value").cloned().unwrap_or_else(|| {
                        let text = &list[at + o.len()..];
                        decode(&text[..text.find("</option>").unwrap_or(text.len())])
                    })
                })
                .unwrap_or_default();
            fields.push(Field {
                name,
                value: chosen,
                kind: Kind::Kept,
                input: "select".into(),
            });
        }
        out.push(Form {
            action: a.get("action").cloned().unwrap_or_else(|| page.to_owned()),
            fields,
        });
    }
    out
}

/// The fields a page's form marks as wrong.
fn invalid_fields(html: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for name in ["input", "textarea", "select"] {
        for (_, t) in tags(html, name) {
            let a = attributes(t);
            if a.get("aria-invalid").map(String::as_str) == Some("true")
                && let Some(n) = a.get("name")
            {
                out.insert(n.clone());
            }
        }
    }
    out
}

// ------------------------------------------------------------------ checking

/// What came back, kept for the checks at the end.
struct Seen {
    url: String,
    ctype: String,
    body: String,
}

/// Problems in one response: a payload live in HTML, a script URL, XML that
/// grew elements, a CSV cell a spreadsheet would run.
fn problems(seen: &Seen) -> Vec<String> {
    let mut out = Vec::new();
    let at = |i: usize| -> String {
        let b = &seen.body;
        let start = b.floor_char_boundary(i.saturating_sub(60));
        let end = b.ceil_char_boundary((i + 60).min(b.len()));
        b[start..end].to_owned()
    };
    if seen.ctype.starts_with("text/html") {
        let lower = seen.body.to_lowercase();
        for (_, marker) in CORPUS {
            if let Some(m) = marker
                && let Some(i) = lower.find(m)
            {
                out.push(format!("{}: live payload {m:?} in …{}…", seen.url, at(i)));
            }
        }
        for name in [
            "a", "img", "iframe", "form", "link", "script", "area", "object", "embed",
        ] {
            for (i, t) in tags(&seen.body, name) {
                for (k, v) in attributes(t) {
                    if k.starts_with("on") {
                        out.push(format!("{}: event handler {k} in …{}…", seen.url, at(i)));
                    }
                    let v: String = v
                        .chars()
                        .filter(|c| !c.is_whitespace() && !c.is_control())
                        .collect();
                    let v = v.to_lowercase();
                    if matches!(
                        k.as_str(),
                        "href" | "src" | "action" | "formaction" | "data"
                    ) && (v.starts_with("javascript:")
                        || v.starts_with("vbscript:")
                        || v.starts_with("data:text/html"))
                    {
                        out.push(format!("{}: script URL in …{}…", seen.url, at(i)));
                    }
                }
            }
        }
    } else if seen.ctype.contains("xml") && !seen.ctype.contains("openxmlformats") {
        match roxmltree::Document::parse(&seen.body) {
            Ok(doc) => {
                for n in doc.descendants().filter(|n| n.is_element()) {
                    let name = n.tag_name().name().to_lowercase();
                    if ["script", "img", "svg", "iframe"].contains(&name.as_str()) {
                        out.push(format!("{}: element <{name}> from a payload", seen.url));
                    }
                }
            }
            Err(e) => out.push(format!("{}: not well-formed XML: {e}", seen.url)),
        }
    } else if seen.ctype.starts_with("text/csv") {
        let mut r = csv::ReaderBuilder::new()
            .has_headers(false)
            .from_reader(seen.body.as_bytes());
        for rec in r.records() {
            match rec {
                Ok(rec) => {
                    for cell in rec.iter() {
                        let number =
                            cell.starts_with(['+', '-']) && cell[1..].trim().parse::<f64>().is_ok();
                        if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) && !number {
                            out.push(format!(
                                "{}: a spreadsheet would run the cell {cell:?}",
                                seen.url
                            ));
                        }
                    }
                }
                Err(e) => out.push(format!("{}: unreadable CSV: {e}", seen.url)),
            }
        }
    } else if (seen.ctype.starts_with("application/json")
        || seen.ctype.starts_with("application/problem+json"))
        && serde_json::from_str::<serde_json::Value>(&seen.body).is_err()
    {
        out.push(format!("{}: JSON that does not parse", seen.url));
    }
    out
}

// ------------------------------------------------------------------ the story

struct Session<'a> {
    app: &'a TestApp,
    client: reqwest::Client,
    payloads: Payloads,
    seen: Vec<Seen>,
    /// Forms that could not be saved even with plain values where payloads were refused.
    unsaved: Vec<String>,
}

impl Session<'_> {
    async fn fetch(&mut self, client: &reqwest::Client, path: &str) -> (StatusCode, String) {
        let r = client.get(self.app.url(path)).send().await.unwrap();
        self.keep(path, r).await
    }

    async fn keep(&mut self, url: &str, r: reqwest::Response) -> (StatusCode, String) {
        let status = r.status();
        let ctype = r
            .headers()
            .get("content-type")
            .and_then(|c| c.to_str().ok())
            .unwrap_or("")
            .to_owned();
        let location = r
            .headers()
            .get("location")
            .and_then(|c| c.to_str().ok())
            .unwrap_or("")
            .to_owned();
        let body = String::from_utf8_lossy(&r.bytes().await.unwrap()).into_owned();
        assert!(!status.is_server_error(), "{url}: {status} {body}");
        self.seen.push(Seen {
            url: url.to_owned(),
            ctype,
            body: body.clone(),
        });
        (
            status,
            if status == StatusCode::SEE_OTHER {
                location
            } else {
                body
            },
        )
    }

    /// Opens `page`, types a payload into every text field of the form that
    /// posts to an action ending in `action` (overrides aside) and sends it.
    /// Fields the app refuses get their old value back, then plain text,
    /// until the form saves. Returns the final status and the redirect
    /// target (or the page).
    async fn submit(
        &mut self,
        page: &str,
        action: &str,
        overrides: &[(&str, String)],
    ) -> (StatusCode, String) {
        let (status, html) = self.fetch(&self.client.clone(), page).await;
        assert_eq!(status, StatusCode::OK, "{page}");
        let form = forms(&html, page)
            .into_iter()
            .find(|f| f.action.ends_with(action))
            .unwrap_or_else(|| panic!("{page} has no form posting to …{action}"));
        let mut fields: Vec<Field> = form
            .fields
            .into_iter()
            .filter(|f| !overrides.iter().any(|(k, _)| *k == f.name))
            .collect();
        let originals: BTreeMap<String, String> = fields
            .iter()
            .map(|f| (f.name.clone(), f.value.clone()))
            .collect();
        for f in fields.iter_mut().filter(|f| f.kind == Kind::Text) {
            f.value = self.payloads.take(&format!("{page} {}", f.name));
        }
        let mut tries = BTreeMap::<String, usize>::new();
        let mut last = BTreeSet::new();
        for _ in 0..5 {
            let mut pairs: Vec<(String, String)> = fields
                .iter()
                .map(|f| (f.name.clone(), f.value.clone()))
                .collect();
            pairs.extend(overrides.iter().map(|(k, v)| ((*k).to_owned(), v.clone())));
            let r = self
                .client
                .post(self.app.url(&form.action))
                .form(&pairs)
                .send()
                .await
                .unwrap();
            let (status, out) = self.keep(&form.action, r).await;
            if status != StatusCode::UNPROCESSABLE_ENTITY {
                return (status, out);
            }
            let wrong = invalid_fields(&out);
            if wrong.is_empty() {
                break;
            }
            for f in fields.iter_mut().filter(|f| wrong.contains(&f.name)) {
                let n = tries.entry(f.name.clone()).or_default();
                *n += 1;
                f.value = match (*n, f.input.as_str()) {
                    (1, _) => originals[&f.name].clone(),
                    (2, "email") => "prov@example.org".into(),
                    (2, "url") => "https://example.org/".into(),
                    (2, _) => "Prov".into(),
                    _ => "1".into(),
                };
            }
            last = wrong;
        }
        self.unsaved.push(format!("{page} → {action}: {last:?}"));
        (StatusCode::UNPROCESSABLE_ENTITY, String::new())
    }

    async fn upload(
        &mut self,
        action: &str,
        page: &str,
        fields: &[(&str, &str)],
        file: (&str, Vec<u8>),
    ) -> (StatusCode, String) {
        let (_, html) = self.fetch(&self.client.clone(), page).await;
        let mut form = reqwest::multipart::Form::new().text("csrf", csrf_of(&html));
        for (k, v) in fields {
            form = form.text((*k).to_owned(), (*v).to_owned());
        }
        form = form.part(
            "file",
            reqwest::multipart::Part::bytes(file.1).file_name(file.0.to_owned()),
        );
        let r = self
            .client
            .post(self.app.url(action))
            .multipart(form)
            .send()
            .await
            .unwrap();
        self.keep(action, r).await
    }

    /// Every page reachable from `start` by links, as `client` sees it;
    /// documents in HTML rather than PDF or DOCX.
    async fn crawl(&mut self, client: &reqwest::Client, start: &[String], limit: usize) -> usize {
        let mut queue: VecDeque<String> = start.iter().cloned().collect();
        let mut done = BTreeSet::new();
        while let Some(path) = queue.pop_front() {
            if done.len() >= limit || !done.insert(path.clone()) {
                continue;
            }
            let (status, body) = self.fetch(client, &path).await;
            if status != StatusCode::OK {
                continue;
            }
            for (_, t) in tags(&body, "a") {
                let Some(href) = attributes(t).get("href").cloned() else {
                    continue;
                };
                let href = href
                    .split('#')
                    .next()
                    .unwrap_or("")
                    .replace("format=pdf", "format=html")
                    .replace("format=docx", "format=html");
                if href.starts_with('/')
                    && !href.starts_with("//")
                    && !href.contains("lang=")
                    && !href.starts_with("/static/")
                    && !done.contains(&href)
                {
                    queue.push_back(href);
                }
            }
        }
        done.len()
    }
}

#[tokio::test]
async fn payloads_in_every_text_field_never_come_back_as_markup() {
    on_each_backend(|app| async move {
        app.login_as_demo().await;
        let t = app.store.tenant_by_slug("stockholm").await.unwrap();
        let today = chrono::Utc::now().date_naive();
        let day = |n: i64| (today + chrono::Duration::days(n)).to_string();
        let mut s = Session {
            app: &app,
            client: app.client.clone(),
            payloads: Payloads::default(),
            seen: Vec::new(),
            unsaved: Vec::new(),
        };
        let id_of = |location: &str| -> String { location.split(['/', '?', '#']).nth(2).unwrap_or("").to_owned() };

        // The strategy's criteria names reach results, analysis, charts and the report.
        s.submit("/strategy", "/strategy", &[]).await;

        // The register.
        let (status, org) = s.submit("/organisations/new", "/organisations", &[]).await;
        assert_eq!(status, StatusCode::SEE_OTHER, "an organisation with payloads is saved");
        let org = id_of(&org);
        s.submit(&format!("/organisations/{org}"), "/notes", &[]).await;
        s.submit("/bodies/new", "/bodies", &[]).await;
        let (_, person) = s.submit("/persons/new", "/persons", &[]).await;
        let person = id_of(&person);
        let body = app.store.bodies(t.id).await.unwrap()[0].id.to_string();
        let (status, mem) = s
            .submit("/memberships/new", "/memberships", &[("organisation_id", org.clone()), ("body_id", body.clone())])
            .await;
        assert_eq!(status, StatusCode::SEE_OTHER);
        let mem = id_of(&mem);
        s.submit("/seats/new", "/seats", &[("organisation_id", org.clone()), ("person_id", person.clone())]).await;
        let (_, csv) = s.fetch(&app.client.clone(), "/tables/organisations.csv").await;
        let header = csv.lines().next().unwrap().to_owned();
        let columns: Vec<&str> = header.split(',').collect();
        let mut row: Vec<String> = Vec::new();
        for c in &columns {
            row.push(match *c {
                "name" | "headquarters" | "aliases" | "themes" | "fee_basis" => s.payloads.take(&format!("table {c}")),
                "slug" => "xss-tabell".into(),
                "kind" => "city_network".into(),
                _ => String::new(),
            });
        }
        let mut w = csv::Writer::from_writer(Vec::new());
        w.write_record(&columns).unwrap();
        w.write_record(&row).unwrap();
        let (status, preview) = s
            .upload("/tables", "/tables", &[("kind", "organisations")], ("tabell.csv", w.into_inner().unwrap()))
            .await;
        assert_eq!(status, StatusCode::OK, "{preview}");
        if preview.contains("/tables/confirm") {
            s.submit_from(&preview, "/tables", "/tables/confirm").await;
        }

        // A review, its respondents, questions and the answers given.
        let eurocities = app.membership_id("stockholm", "eurocities").await.to_string();
        let (status, review) = s
            .submit(
                "/reviews/new",
                "/reviews",
                &[("opens_on", day(-1)), ("closes_on", day(10)), ("membership", mem.clone()), ("membership", eurocities.clone()), ("questions_from", "default".into())],
            )
            .await;
        assert_eq!(status, StatusCode::SEE_OTHER, "{review}");
        let review = id_of(&review);
        s.submit(&format!("/reviews/{review}"), "/respondents", &[("membership", mem.clone()), ("membership", eurocities.clone())]).await;
        s.submit(&format!("/reviews/{review}/questions"), "/questions", &[]).await;
        let respondents = app.store.respondents(t.id, review.parse().unwrap()).await.unwrap();
        assert!(!respondents.is_empty(), "the respondent with payloads is saved");
        // The outbox shows the message to send by hand, with the respondent's name.
        let rid = respondents[0].id;
        s.submit(&format!("/reviews/{review}/outbox"), &format!("/respondents/{rid}/link"), &[]).await;
        let token = app.store.issue_link(t.id, rid).await.unwrap();
        let stranger = app.new_browser();
        let link = format!("/respond/{token}");
        let (_, form) = s.fetch(&stranger, &link).await;
        let mut pairs = vec![("action".to_owned(), "submit".to_owned())];
        for f in forms(&form, &link).remove(0).fields {
            let v = if f.kind == Kind::Text { s.payloads.take("answer") } else { f.value };
            pairs.push((f.name, v));
        }
        let r = stranger.post(app.url(&link)).form(&pairs).send().await.unwrap();
        let (status, _) = s.keep(&link, r).await;
        assert_eq!(status, StatusCode::OK);

        // A case with a reservation, decided, so it is public; its actions.
        let (status, case) = s
            .submit("/cases/new", "/cases", &[("membership", mem.clone()), ("document_date", day(0))])
            .await;
        assert_eq!(status, StatusCode::SEE_OTHER, "{case}");
        let case = id_of(&case);
        s.submit(&format!("/cases/{case}"), "/positions", &[]).await;
        s.submit(&format!("/cases/{case}"), "/decisions", &[("decided_on", day(0))]).await;
        s.submit(&format!("/cases/{case}"), "/actions", &[]).await;
        s.submit("/cases", "/cases/settings", &[]).await;
        let document = format!(
            "Stockholms stad\nTjänsteutlåtande\n{}\n\nFörslag till beslut\n1. {}\n2. Stadens medlemskap i UCLG sägs upp.\n",
            s.payloads.take("imported title"),
            s.payloads.take("imported point")
        );
        let (status, parsed) = s.upload("/cases/import", "/cases/import", &[], ("beslut.txt", document.into_bytes())).await;
        if status == StatusCode::OK && parsed.contains("/cases/import/save") {
            s.submit_from(&parsed, "/cases/import", "/cases/import/save").await;
        }

        // Follow-up.
        s.submit("/actions/new", "/actions", &[]).await;
        let action = app.store.actions(t.id).await.unwrap()[0].id;
        let name = s.payloads.take("file name");
        s.upload(&format!("/actions/{action}/files"), &format!("/actions/{action}"), &[], (&name, b"bevis".to_vec())).await;
        let (status, event) = s
            .submit("/events/new", "/events", &[("organisation_id", org.clone()), ("starts_on", day(30)), ("ends_on", day(31)), ("public", "on".into())])
            .await;
        assert_eq!(status, StatusCode::SEE_OTHER, "{event}");
        let event = id_of(&event);
        s.submit(&format!("/events/{event}"), "/journeys", &[]).await;
        let (status, links) = s.submit(&format!("/events/{event}"), "/reports", &[]).await;
        assert_eq!(status, StatusCode::OK);
        for url in links.split("<code>").skip(1).filter_map(|c| c.split("</code>").next()) {
            let path = decode(url).trim_start_matches(&app.base).to_owned();
            let (_, form) = s.fetch(&stranger, &path).await;
            let mut pairs = Vec::new();
            for f in forms(&form, &path).remove(0).fields {
                let v = if f.kind == Kind::Text { s.payloads.take("report") } else { f.value };
                pairs.push((f.name, v));
            }
            let r = stranger.post(app.url(&path)).form(&pairs).send().await.unwrap();
            s.keep(&path, r).await;
        }
        s.submit("/intake", "/intake", &[]).await;
        s.submit("/representation", "/representation", &[]).await;
        s.submit("/admin/users", "/admin/users", &[]).await;
        s.submit(&format!("/memberships/{mem}"), "/end", &[("date", day(400))]).await;

        // The API.
        let token = app.token_for("stockholm", "xss@stockholm.example", oversyn_core::Role::Editor).await;
        for (path, fields) in [
            ("/api/v1/persons", vec!["name", "party", "department"]),
            ("/api/v1/organisations", vec!["name", "acronym", "headquarters", "themes"]),
            ("/api/v1/bodies", vec!["name", "abbreviation"]),
        ] {
            let mut body = json!({"kind": match path { "/api/v1/persons" => "politician", "/api/v1/bodies" => "committee", _ => "city_network" }});
            for f in fields {
                body[f] = json!(s.payloads.take(&format!("{path} {f}")));
            }
            let (status, out, _) = app.api_send(reqwest::Method::POST, path, &token, &body).await;
            assert_eq!(status, StatusCode::CREATED, "{path}: {out}");
        }
        // Formulas as organisation names, for the CSV export.
        for name in FORMULAS {
            let (status, out, _) = app
                .api_send(reqwest::Method::POST, "/api/v1/organisations", &token, &json!({"name": name, "kind": "city_network"}))
                .await;
            assert_eq!(status, StatusCode::CREATED, "{out}");
        }
        let title = s.payloads.take("api case title");
        let point = s.payloads.take("api case point");
        let (status, c, _) = app
            .api_send(reqwest::Method::POST, "/api/v1/cases", &token, &json!({"title": title, "language": "sv", "route": ["Kommunstyrelsen"], "proposal": [{"text": point}]}))
            .await;
        assert_eq!(status, StatusCode::CREATED, "{c}");
        let text = s.payloads.take("api reservation");
        let who = s.payloads.take("api reservation person");
        let (status, p, _) = app
            .api_send(
                reqwest::Method::POST,
                &format!("/api/v1/cases/{}/positions", c["id"]),
                &token,
                &json!({"body": "Kommunstyrelsen", "kind": "reservation", "persons": [{"name": who, "party": "V"}], "points": [{"text": text}], "text": text}),
            )
            .await;
        assert_eq!(status, StatusCode::CREATED, "{p}");

        // Now read everything back: the signed-in register, the public pages, the data.
        let mut start: Vec<String> = [
            "/", "/organisations", "/persons", "/bodies", "/reviews", "/cases", "/actions", "/events", "/calendar",
            "/representation", "/intake", "/strategy", "/tables", "/admin/users", "/settings/public", "/account",
        ]
        .iter()
        .map(|p| (*p).to_owned())
        .collect();
        start.push(format!("/reviews/{review}/outbox"));
        start.push(format!("/reviews/{review}/report?format=html"));
        start.push(format!("/cases/{case}/document?format=html"));
        start.push(format!("/cases/{case}/excerpt/0?format=html"));
        let pages = s.crawl(&app.client.clone(), &start, 600).await;
        let public = [format!("/public/{}", t.slug), format!("/public/{}/events", t.slug)];
        let public_pages = s.crawl(&app.new_browser(), &public, 200).await;
        let ours = app.store.case(t.id, case.parse().unwrap()).await.unwrap();
        let data = [
            format!("/public/{}/popolo.json", t.slug),
            format!("/public/{}/cases/{case}/akn.xml", t.slug),
            "/tables/organisations.csv".to_owned(),
            "/tables/persons.csv".to_owned(),
            "/tables/memberships.csv".to_owned(),
        ];
        for path in &data {
            let (status, _) = s.fetch(&app.client.clone(), path).await;
            assert_eq!(status, StatusCode::OK, "{path}");
        }
        for path in ["/api/v1/organisations", "/api/v1/persons", "/api/v1/popolo", "/api/v1/cases"] {
            let r = reqwest::Client::new().get(app.url(path)).bearer_auth(&token).send().await.unwrap();
            s.keep(path, r).await;
        }
        let r = reqwest::Client::new()
            .get(app.url(&format!("/api/v1/cases/{case}/akn")))
            .bearer_auth(&token)
            .send()
            .await
            .unwrap();
        s.keep("akn", r).await;

        eprintln!(
            "{} payloads typed, {} responses read ({pages} signed-in pages, {public_pages} public)",
            s.payloads.used.len(),
            s.seen.len()
        );
        let mut wrong: Vec<String> = s.seen.iter().flat_map(problems).collect();
        wrong.sort();
        wrong.dedup();
        assert!(wrong.is_empty(), "{} problems:\n{}", wrong.len(), wrong.join("\n"));

        // The test saw what it meant to: the forms saved, the pages show the payloads as text.
        assert!(s.unsaved.is_empty(), "forms that never saved: {:?}", s.unsaved);
        assert!(pages > 60 && public_pages > 2, "{pages} pages and {public_pages} public pages read");
        assert!(ours.case.is_locked(), "the case with payloads is decided, so it is public");
        let shown: String = s
            .seen
            .iter()
            .filter(|x| x.ctype.starts_with("text/html"))
            .map(|x| decode(&x.body))
            .collect();
        for (p, _) in CORPUS {
            assert!(shown.contains(p), "{p:?} is never shown, so its check proves nothing");
        }
        let akn = s.seen.iter().find(|x| x.url.ends_with("akn.xml")).unwrap();
        assert!(
            roxmltree::Document::parse(&akn.body).unwrap().descendants().any(|n| n.text().is_some_and(|t| t.contains("<script>alert(1)</script>") || t.contains("alert("))),
            "the public Akoma Ntoso carries the payloads as text"
        );
    })
    .await;
}

impl Session<'_> {
    /// Sends a form found on a page already fetched (a preview to confirm).
    async fn submit_from(&mut self, html: &str, page: &str, action: &str) -> (StatusCode, String) {
        let form = forms(html, page)
            .into_iter()
            .find(|f| f.action.ends_with(action))
            .unwrap_or_else(|| panic!("no form posting to {action}"));
        let mut pairs = Vec::new();
        for f in form.fields {
            let v = if f.kind == Kind::Text {
                self.payloads.take(&format!("{page} {}", f.name))
            } else {
                f.value
            };
            pairs.push((f.name, v));
        }
        let r = self
            .client
            .post(self.app.url(&form.action))
            .form(&pairs)
            .send()
            .await
            .unwrap();
        self.keep(&form.action, r).await
    }
}

#[test]
fn forms_are_read_as_a_browser_sends_them() {
    let html = r#"<form method="post" action="/x"><input type="hidden" name="csrf" value="t&#38;k">
<input name="title" value="a &#60;b&#62;"><input name="n" inputmode="numeric" value="3">
<input type="radio" name="r" value="1"><input type="radio" name="r" value="2" checked>
<input type="checkbox" name="c" value="7"><input type="checkbox" name="d" checked>
<textarea id="t" name="text" rows="3">x &#38; y</textarea>
<select name="s"><option value="">–</option><option value="b" selected>B</option></select>
<select name="u"><option>K &#38; S</option></select></form>"#;
    let f = forms(html, "/page").remove(0);
    assert_eq!(f.action, "/x");
    let get = |n: &str| {
        f.fields
            .iter()
            .find(|x| x.name == n)
            .map(|x| (x.value.as_str(), x.kind.clone()))
    };
    assert_eq!(get("csrf"), Some(("t&k", Kind::Kept)));
    assert_eq!(get("title"), Some(("a <b>", Kind::Text)));
    assert_eq!(get("n"), Some(("3", Kind::Kept)));
    assert_eq!(get("r"), Some(("2", Kind::Kept)));
    assert_eq!(get("c"), None);
    assert_eq!(get("d"), Some(("on", Kind::Kept)));
    assert_eq!(get("text"), Some(("x & y", Kind::Text)));
    assert_eq!(get("s"), Some(("b", Kind::Kept)));
    assert_eq!(get("u"), Some(("K & S", Kind::Kept)));
    // The checks catch what they are for.
    let page = |body: &str| Seen {
        url: "/p".into(),
        ctype: "text/html; charset=utf-8".into(),
        body: body.into(),
    };
    assert!(!problems(&page("<p>x1<script>alert(1)</script></p>")).is_empty());
    assert!(!problems(&page("<a href=\" JavaScript:alert(1)\">x</a>")).is_empty());
    assert!(!problems(&page("<img src=y onerror=\"alert(1)\">")).is_empty());
    assert!(problems(&page("<p>x1&#60;script&#62;alert(1)&#60;/script&#62;</p>")).is_empty());
    let csv = Seen {
        url: "/t.csv".into(),
        ctype: "text/csv".into(),
        body: "name\n\"=HYPERLINK(\"\"x\"\")\"\n-5\n-2+3+cmd\n'=SUM(1)\n".into(),
    };
    assert_eq!(problems(&csv).len(), 2);
}
