//! Översyn's domain core: the register's types, validation and rules, the
//! catalogue of real networks and the Stockholm 2011 demo. Pure: no I/O, no
//! async, no SQL, so most of the product's rules are tested here directly.
//!
//! Layer rule for input: what a user typed is parsed and checked here, in
//! `<capability>::input` (e.g. [`register::input`], [`followup::input`]),
//! into a command or [`FieldErrors`]. The store checks only what needs the
//! database — that a row exists, belongs to the tenant, is unique, and has
//! the version the form was loaded with. Web and CLI only translate requests
//! into input and results into responses; they hold no rules of their own.

pub mod analysis;
pub mod case_parse;
pub mod cases;
pub mod catalogue;
pub mod catalogue_sv;
pub mod codes;
pub mod demo;
pub mod fees;
pub mod followup;
pub mod jobs;
pub mod lang;
pub mod opendata;
pub mod privacy;
pub mod profile;
pub mod rates;
pub mod records;
pub mod register;
pub mod review;
pub mod role;
pub mod sso;
pub mod statistics;
pub mod validate;

pub use codes::Code;
pub use lang::Lang;
pub use role::Role;
pub use validate::{FieldError, FieldErrors};
