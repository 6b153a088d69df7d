//! Open data: the register and the cases in exchange formats (Popolo). Pure:
//! callers load records and write files.

pub mod oparl;
pub mod popolo;
pub mod table;
