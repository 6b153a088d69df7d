//! A decision document from bytes to the parse contract: text read, parsed
//! against the organisations the tenant knows (the catalogue's and its own).

use crate::text::{ReadError, document_text};
use oversyn_core::case_parse::{OrgName, ParseError, catalogue_names, parse, parse_all};
use oversyn_core::register::Organisation;

#[derive(Debug, thiserror::Error)]
pub enum DocumentError {
    #[error("{0}")]
    Read(#[from] ReadError),
    #[error("{0}")]
    Parse(#[from] ParseError),
}

/// The catalogue's names plus the tenant's organisations (their own names,
/// acronyms and aliases), each under the label the register shows.
pub fn org_names(organisations: &[Organisation]) -> Vec<OrgName> {
    let mut names = catalogue_names();
    for o in organisations {
        let label = o.label().to_owned();
        let mut all = vec![o.name.clone()];
        all.extend(o.acronym.clone());
        all.extend(o.aliases.iter().cloned());
        match names.iter_mut().find(|n| n.canonical == label) {
            Some(known) => {
                for a in all {
                    if !known.names.contains(&a) {
                        known.names.push(a);
                    }
                }
            }
            None => names.push(OrgName {
                canonical: label,
                names: all,
            }),
        }
    }
    names
}

/// Reads and parses a document; the result is the parse contract as JSON.
pub fn parse_document(
    bytes: &[u8],
    organisations: &[Organisation],
) -> Result<serde_json::Value, DocumentError> {
    let text = document_text(bytes)?;
    let parsed = parse(&text, &org_names(organisations))?;
    Ok(serde_json::to_value(&parsed).unwrap_or(serde_json::Value::Null))
}

/// Reads a protocol and parses each of its items (§ 63 … § 67) as a case;
/// the result is a JSON array of parse contracts.
pub fn parse_document_all(
    bytes: &[u8],
    organisations: &[Organisation],
) -> Result<serde_json::Value, DocumentError> {
    let text = document_text(bytes)?;
    let cases = parse_all(&text, &org_names(organisations))?;
    Ok(serde_json::to_value(&cases).unwrap_or(serde_json::Value::Null))
}
