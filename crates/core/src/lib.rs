//! Översyn's domain core: the register's types, validation and rules, the
//! catalogue of real networks and the Stockholm 2011 demo. Pure: no I/O, no
//! async, no SQL, so most of the product's rules are tested here directly.

pub mod analysis;
pub mod case_parse;
pub mod cases;
pub mod catalogue;
pub mod codes;
pub mod demo;
pub mod fees;
pub mod followup;
pub mod lang;
pub mod opendata;
pub mod register;
pub mod review;
pub mod role;
pub mod statistics;
pub mod validate;

pub use codes::Code;
pub use lang::Lang;
pub use role::Role;
pub use validate::{FieldError, FieldErrors};
