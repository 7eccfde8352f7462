//! The annual-cycle sections of a plan document — `[[milestones]]`,
//! `[instalments]` and `[[outcome]]` — as read, and their checks. They are
//! part of reading a plan, so they live with the reader; what the annual
//! cycle makes of them (calendar, invoices, settlement) is
//! [`crate::cycle`], which builds on the plan and never the other way
//! round.

mod day;
mod instalments;
mod milestones;
mod outcomes;

pub use day::MonthDay;
pub use instalments::Instalments;
pub use milestones::{Figures, Milestone};
pub use outcomes::Outcome;

pub(crate) use instalments::problems as instalment_problems;
pub(crate) use milestones::too_large as too_many_milestones;
pub(crate) use outcomes::outcome_problems;

use crate::document::plan::Plan;
use crate::error::Error;

/// Every problem of the plan's annual-cycle sections, each with its path.
pub(crate) fn problems(plan: &Plan) -> Vec<Error> {
    let mut v = milestones::problems(plan);
    v.extend(instalment_problems(plan));
    v.extend(outcome_problems(plan, &plan.outcome));
    v
}
