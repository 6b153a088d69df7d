//! HTTP integration tests: the real app on a random port with a fresh
//! database, on SQLite and — when `OVERSYN_TEST_POSTGRES_URL` is set — on
//! PostgreSQL. Laid out by capability; helpers in `helpers.rs`.

mod api;
mod api_errors;
mod cache;
mod cases;
mod compression;
mod decisions;
mod followup;
mod helpers;
mod money;
mod oparl;
mod opendata;
mod outage;
mod overrides;
mod pages;
mod people;
mod popolo_schema;
mod privacy;
mod profile;
mod records;
mod report_facts;
mod respond_form;
mod reviews;
mod security;
mod security_headers;
mod security_matrix;
mod security_xss;
mod sso;
mod statutes;
