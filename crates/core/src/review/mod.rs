//! Reviews: the strategy's criteria and weights, questionnaires, the
//! respondent's answers and how they are checked, and the results per
//! membership and criterion.

pub mod answers;
pub mod form;
pub mod input;
pub mod questionnaire;
pub mod reminders;
pub mod results;
pub mod strategy;
