//! Generated documents. The review report — "Rapport avseende stadens
//! engagemang i internationella organisationer" — is assembled once as
//! [`report::Report`] and written as HTML, as typst source (compiled to PDF
//! by the pdf crate) and as DOCX with real Word heading styles. Charts are
//! SVG drawn with plotters, so the same picture goes into every format.

pub mod akn;
pub mod blocks;
pub mod case;
pub mod charts;
pub mod docx;
pub mod html;
pub mod report;
pub mod typst;
