//! The annual cycle: what a finance officer does with a plan through the
//! year. The members' budget calendar ([`calendar`](Plan::calendar)), the
//! invoices of each year's instalments ([`invoices`](Plan::invoices)),
//! the settlement of a year's actual outcome ([`settle`](Plan::settle)) and
//! the comparison of two plans ([`diff`]) and why a member's contribution
//! changed from one year to the next ([`why_changed`](Plan::why_changed)).
//!
//! Everything here is computed from a [`PlanResult`] and the plan's own
//! optional sections (`[[milestones]]`, `[instalments]`, `[[outcome]]`), so
//! the figures always agree with the plan's tables.

mod changes;
mod day;
mod diff;
mod ics;
mod instalments;
mod milestones;
mod settlement;
mod settling;
#[cfg(feature = "xlsx")]
mod xlsx;

pub use changes::{Cause, CauseKind, ChangeExplanation};
pub use day::MonthDay;
pub use diff::{MemberDiff, ScenarioDiff, YearDiff, diff};
pub use instalments::{Instalments, Invoice, InvoiceRun, Invoices};
pub use milestones::{Calendar, CalendarEntry, Figures, MemberFigure, Milestone};
pub use settlement::{LineSettlement, MemberSettlement, Outcome, OutcomeFile, Settlement};
pub use settling::{OutcomeSource, SettlingError};

use crate::error::{Error, Result};
use crate::plan::{Plan, PlanResult};

impl Plan {
    /// The last budget year of the horizon.
    pub fn last_year(&self) -> i32 {
        self.first_year + self.years as i32 - 1
    }

    /// The error for a year outside the plan's horizon.
    pub(crate) fn outside(&self, year: i32) -> Error {
        Error::YearOutsideHorizon {
            year: year.into(),
            first: self.first_year,
            last: self.last_year(),
        }
    }
}

/// Every problem of the plan's annual-cycle sections, each with its path.
pub(crate) fn problems(plan: &Plan) -> Vec<Error> {
    let mut v = milestones::problems(plan);
    v.extend(instalments::problems(plan));
    v.extend(settlement::problems(plan, &plan.outcome));
    v
}

/// The year of a result, or a `year_outside_horizon` error.
pub(crate) fn year_of(
    plan: &Plan,
    result: &PlanResult,
    year: i32,
) -> Result<crate::plan::YearResult> {
    result.year(year).cloned().ok_or_else(|| plan.outside(year))
}
