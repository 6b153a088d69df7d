//! The OpenAPI 3.1 document: the paths come from the API's one route list
//! ([`super::routes`]), the shared schemas, security and error responses
//! are added here.

use super::model::*;
use super::overrides as ov;
use super::problem::{FieldProblem, Problem};
use super::responses::SharedResponses;
use super::reviews::{ResultOut, ResultsOut, ReviewMembership, ReviewOut};
use super::{cases as cs, followup as fu};
use crate::reviews::Progress;
use axum::Json;
use oversyn_core::register::input::{
    BodyInput, MembershipInput, OrganisationInput, PersonInput, SeatInput,
};
use std::sync::OnceLock;
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::{Modify, OpenApi};

struct Bearer;

impl Modify for Bearer {
    fn modify(&self, api: &mut utoipa::openapi::OpenApi) {
        let components = api.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(HttpBuilder::new().scheme(HttpAuthScheme::Bearer).build()),
        );
    }
}

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Översyn API",
        description = "A city's memberships in international organisations: the register, read and written with personal bearer tokens (`oversyn token create`). Errors are application/problem+json."
    ),
    components(schemas(
        Problem,
        FieldProblem,
        OrganisationOut,
        OrgRef,
        BodyRef,
        FeeOut,
        ViaOut,
        MembershipOut,
        PersonOut,
        BodyOut,
        SeatOut,
        AuditOut,
        EndBody,
        OrganisationInput,
        MembershipInput,
        PersonInput,
        BodyInput,
        SeatInput,
        ReviewOut,
        ReviewMembership,
        ResultOut,
        ResultsOut,
        Progress,
        ov::OverrideOut,
        ov::OverrideIn,
        fu::ActionOut,
        fu::EventOut,
        oversyn_core::followup::ActionKind,
        oversyn_core::followup::ActionStatus,
        cs::CaseOut,
        cs::CaseIn,
        cs::PointIn,
        cs::PositionIn,
        cs::ImportOut,
        oversyn_core::cases::Point,
        oversyn_core::cases::Person,
        oversyn_core::cases::Stage,
        oversyn_core::cases::Position,
        oversyn_core::cases::Decision,
        oversyn_core::cases::Adopted,
        oversyn_core::cases::PositionKind,
        oversyn_core::cases::CaseStatus,
        oversyn_core::cases::CaseNumber,
    ))
)]
struct ApiDoc;

/// The whole document, built once from the route list.
pub fn api_doc() -> &'static utoipa::openapi::OpenApi {
    static DOC: OnceLock<utoipa::openapi::OpenApi> = OnceLock::new();
    DOC.get_or_init(|| {
        let (_, routed) = super::routes().split_for_parts();
        let mut doc = ApiDoc::openapi();
        // The API is served under /api; the route list's paths are relative to it.
        for (path, item) in routed.paths.paths {
            doc.paths.paths.insert(format!("/api{path}"), item);
        }
        if let Some(found) = routed.components {
            let components = doc.components.get_or_insert_with(Default::default);
            for (name, schema) in found.schemas {
                components.schemas.entry(name).or_insert(schema);
            }
        }
        Bearer.modify(&mut doc);
        SharedResponses.modify(&mut doc);
        doc
    })
}

/// The OpenAPI document.
pub async fn document() -> Json<&'static utoipa::openapi::OpenApi> {
    Json(api_doc())
}
