//! The OpenAPI 3.1 document, generated from the handlers' annotations.

use super::cases as cs;
use super::followup as fu;
use super::model::*;
use super::overrides as ov;
use super::problem::{FieldProblem, Problem};
use super::register as r;
use super::responses::SharedResponses;
use super::reviews as rv;
use super::reviews::{ResultOut, ResultsOut, ReviewMembership, ReviewOut};
use crate::reviews::Progress;
use axum::Json;
use oversyn_core::register::input::{
    BodyInput, MembershipInput, OrganisationInput, PersonInput, SeatInput,
};
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
    info(title = "Översyn API", description = "A city's memberships in international organisations: the register, read and written with personal bearer tokens (`oversyn token create`). Errors are application/problem+json."),
    paths(
        r::list_organisations, r::get_organisation, r::create_organisation, r::update_organisation,
        r::list_memberships, r::get_membership, r::create_membership, r::update_membership, r::end_membership,
        r::list_persons, r::get_person, r::create_person, r::update_person,
        r::list_bodies, r::get_body, r::create_body, r::update_body,
        r::list_seats, r::get_seat, r::create_seat, r::update_seat, r::end_seat,
        r::history,
        rv::list_reviews, rv::results, crate::analysis::page::api, ov::history, ov::record,
        fu::list_actions, fu::list_events, super::opendata::popolo, super::oparl::list,
        cs::list_cases, cs::get_case, cs::create_case, cs::add_position, cs::decide, cs::parse, cs::import, cs::akn,
    ),
    components(schemas(
        Problem, FieldProblem, OrganisationOut, OrgRef, BodyRef, FeeOut, ViaOut, MembershipOut, PersonOut, BodyOut, SeatOut, AuditOut, EndBody,
        OrganisationInput, MembershipInput, PersonInput, BodyInput, SeatInput,
        ReviewOut, ReviewMembership, ResultOut, ResultsOut, Progress, ov::OverrideOut, ov::OverrideIn,
        fu::ActionOut, fu::EventOut, oversyn_core::followup::ActionKind, oversyn_core::followup::ActionStatus,
        cs::CaseOut, cs::CaseIn, cs::PointIn, cs::PositionIn, cs::ImportOut,
        oversyn_core::cases::Point, oversyn_core::cases::Person, oversyn_core::cases::Stage, oversyn_core::cases::Position,
        oversyn_core::cases::Decision, oversyn_core::cases::Adopted, oversyn_core::cases::PositionKind, oversyn_core::cases::CaseStatus, oversyn_core::cases::CaseNumber,
    )),
    modifiers(&Bearer, &SharedResponses),
)]
pub struct ApiDoc;

/// The OpenAPI document.
pub async fn document() -> Json<utoipa::openapi::OpenApi> {
    Json(ApiDoc::openapi())
}
