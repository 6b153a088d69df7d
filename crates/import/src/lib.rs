//! Importers: what comes from outside — decision documents as text or PDF —
//! read, parsed by the core and turned into what the store keeps. Nothing
//! here writes; the caller stores the result in one transaction, so a
//! refused import leaves nothing behind.

pub mod case;
pub mod document;
pub mod table;
pub mod text;

pub use case::{ImportedCase, to_new_case};
pub use document::{DocumentError, org_names, parse_document, parse_document_all};
pub use text::{ReadError, document_text};
