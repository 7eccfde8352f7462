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
mod diff;
mod instalments;
mod milestones;
mod settlement;
mod settling;

pub use crate::document::sections::{Figures, Instalments, Milestone, MonthDay, Outcome};
pub use changes::{Cause, CauseKind, ChangeExplanation};
pub use diff::{MemberDiff, ScenarioDiff, YearDiff, diff};
pub use instalments::{Invoice, InvoiceRun, Invoices};
pub use milestones::{Calendar, CalendarEntry, MemberFigure};
pub use settlement::{LineSettlement, MemberSettlement, OutcomeFile, Settlement};
pub use settling::{OutcomeSource, SettlingError};

use crate::error::Result;
use crate::plan::{Plan, PlanResult};

/// The year of a result, or a `year_outside_horizon` error.
pub(crate) fn year_of(
    plan: &Plan,
    result: &PlanResult,
    year: i32,
) -> Result<crate::plan::YearResult> {
    result.year(year).cloned().ok_or_else(|| plan.outside(year))
}
