//! Generated documents. The review report — "Rapport avseende
//! engagemanget i internationella organisationer" — is assembled once as
//! [`report::Report`] and written as HTML, as typst source (compiled to PDF
//! by the pdf crate) and as DOCX with real Word heading styles (written by
//! [`ooxml`] in the OOXML schema's element order). Charts are drawn with
//! plotters by one piece of code per chart, as SVG for the page, the HTML
//! and the PDF and as PNG for the DOCX, so every format shows the same
//! picture, each with its numbers as a table beside it.

pub mod akn;
pub mod blocks;
pub mod case;
pub mod charts;
pub mod docx;
pub mod figures;
pub mod html;
pub mod ooxml;
pub mod report;
pub mod typst;
pub mod xml;
