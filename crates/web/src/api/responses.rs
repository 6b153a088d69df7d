//! The responses every API operation can give besides its own, because a
//! shared part gives them: the token check (401, and 403 for a role that
//! may not write), the JSON body extractor (400 malformed, 413 too large,
//! 415 not JSON, 422 wrong shape), path ids (400 not a number, 404 not in
//! the tenant). Documented here once rather than on each handler, so a new
//! handler cannot forget them; every error is application/problem+json,
//! which the annotations' default content type (application/json) is
//! corrected to. Schemathesis found each of these undocumented.

use utoipa::Modify;
use utoipa::openapi::path::{Operation, ParameterIn};
use utoipa::openapi::{Content, OpenApi, Ref, RefOr, ResponseBuilder};

pub const PROBLEM_JSON: &str = "application/problem+json";

pub struct SharedResponses;

fn problem(description: &str) -> RefOr<utoipa::openapi::Response> {
    ResponseBuilder::new()
        .description(description)
        .content(
            PROBLEM_JSON,
            Content::new(Some(Ref::from_schema_name("Problem"))),
        )
        .build()
        .into()
}

fn is_problem(content: &Content) -> bool {
    matches!(&content.schema, Some(RefOr::Ref(r)) if r.ref_location.ends_with("/Problem"))
}

fn add(op: &mut Operation, status: &str, description: &str) {
    op.responses
        .responses
        .entry(status.to_owned())
        .or_insert_with(|| problem(description));
}

fn complete(op: &mut Operation, read_only: bool, path_params: bool) {
    if op.security.as_ref().is_some_and(|s| !s.is_empty()) {
        add(op, "401", "No valid personal API token was sent");
        if !read_only {
            add(op, "403", "The token's role may not make this change");
        }
    }
    let path_params = path_params
        || op
            .parameters
            .iter()
            .flatten()
            .any(|p| p.parameter_in == ParameterIn::Path);
    if path_params {
        add(op, "400", "A path parameter is malformed");
        add(op, "404", "No such record in the token's tenant");
    }
    if let Some(body) = &op.request_body {
        let json = body.content.keys().any(|k| k.ends_with("json"));
        if json {
            add(op, "400", "The body is not well-formed JSON");
            add(op, "415", "The body was not sent as application/json");
        }
        add(op, "413", "The body is too large");
        add(op, "422", "The body has the wrong shape or invalid fields");
    }
    for r in op.responses.responses.values_mut() {
        if let RefOr::T(r) = r
            && let Some(content) = r.content.shift_remove("application/json")
        {
            let key = if is_problem(&content) {
                PROBLEM_JSON
            } else {
                "application/json"
            };
            r.content.insert(key.to_owned(), content);
        }
    }
}

impl Modify for SharedResponses {
    fn modify(&self, api: &mut OpenApi) {
        for item in api.paths.paths.values_mut() {
            let path_params = item
                .parameters
                .iter()
                .flatten()
                .any(|p| p.parameter_in == ParameterIn::Path);
            for (op, read_only) in [
                (&mut item.get, true),
                (&mut item.head, true),
                (&mut item.put, false),
                (&mut item.post, false),
                (&mut item.patch, false),
                (&mut item.delete, false),
            ] {
                if let Some(op) = op {
                    complete(op, read_only, path_params);
                }
            }
        }
    }
}
