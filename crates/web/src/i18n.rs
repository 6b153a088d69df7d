//! The language of a request and its phrases: the type is the core's
//! [`Lang`], the wording lives in `oversyn-i18n` (Fluent files).

pub use oversyn_i18n::{Lang, Text};
