//! Decision cases as documents: the case document, protocol excerpts and
//! Akoma Ntoso, with the case number written in the tenant's pattern.

pub mod documents;

pub use documents::{CaseDocs, akoma_ntoso, number_text, render, view};
