//! Open data: what the public may see of a tenant's register, register
//! tables and Popolo in and out, and the dump of every public dataset.

pub mod dump;
pub mod oparl;
pub mod popolo;
pub mod public;
pub mod table;
