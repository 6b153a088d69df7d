//! The analysis of a review in the browser: the analysis page with its
//! report downloads, and officials' overrides of a recommendation. The
//! analysis itself is `oversyn_app::analysis`.

pub mod overrides;
pub mod page;

pub use page::{download, page, sensitivity};
