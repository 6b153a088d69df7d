//! Open data in and out of the store: Popolo export and import.

pub mod pages;
