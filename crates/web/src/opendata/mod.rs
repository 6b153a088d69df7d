//! Open data in and out of the store: Popolo export and import.

pub mod dump;
pub mod pages;
pub mod popolo;
pub mod table;
