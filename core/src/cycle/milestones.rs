//! The budget calendar (årscykel): the milestones of the members' planning
//! cycle, stated once relative to the budget year and listed for every year
//! of the horizon with their dates and what is due.

use crate::dates::Date;
use crate::document::sections::{Figures, too_many_milestones};
use crate::error::{Error, Result};
use crate::plan::{Plan, PlanResult};
use rust_decimal::Decimal;
use serde::Serialize;

/// The budget calendar of a plan: every milestone of every budget year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct Calendar {
    /// The plan's name.
    pub name: String,
    /// Currency of the figures.
    pub currency: String,
    /// Every milestone of every year, by date (then in plan order).
    pub entries: Vec<CalendarEntry>,
}

/// One milestone in one budget year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct CalendarEntry {
    /// The date.
    pub date: Date,
    /// The budget year it belongs to.
    pub budget_year: i32,
    /// The milestone's id.
    pub milestone: String,
    /// The milestone's name.
    pub name: String,
    /// What is due.
    pub due: String,
    /// For whom.
    pub who: Option<String>,
    /// Which figures.
    pub figures: Figures,
    /// The figures, per member (empty for `none`, and for `settlement`
    /// before the year's outcome is known).
    pub amounts: Vec<MemberFigure>,
}

/// A member's figure at a milestone.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct MemberFigure {
    /// The member's id.
    pub id: String,
    /// The member's name.
    pub name: String,
    /// The amount.
    #[schemars(with = "crate::schema::DecimalText")]
    pub amount: Decimal,
}

pub(crate) fn calendar(plan: &Plan, result: &PlanResult) -> Result<Calendar> {
    // A plan built in code and never validated: bounded all the same.
    if let Some(e) = too_many_milestones(plan) {
        return Err(e);
    }
    let mut entries = Vec::with_capacity(plan.milestones.len().saturating_mul(result.years.len()));
    for y in &result.years {
        // The year's settlement, computed once for all its settlement
        // milestones: each computation recomputes the year from a copy of
        // the plan.
        let mut settled: Option<Vec<MemberFigure>> = None;
        for m in &plan.milestones {
            // The offset is -10 to 10 in a validated plan; checked for one
            // built in code and never validated.
            let year = y
                .year
                .checked_add(m.offset)
                .ok_or_else(|| Error::InvalidPlan {
                    reason: "a milestone's offset must be from -10 to 10 years".into(),
                })?;
            let date = m.date.in_year(year)?;
            let amounts = match m.figures {
                Figures::None => Vec::new(),
                Figures::Contributions => y
                    .members
                    .iter()
                    .filter(|r| r.paying)
                    .map(|r| MemberFigure {
                        id: r.id.clone(),
                        name: r.name.clone(),
                        amount: r.contribution,
                    })
                    .collect(),
                Figures::Settlement => match plan.outcome.iter().any(|o| o.year == y.year) {
                    true => match &settled {
                        Some(figures) => figures.clone(),
                        None => {
                            let figures: Vec<MemberFigure> = plan
                                .settle_result(result, y.year)?
                                .members
                                .into_iter()
                                .map(|s| MemberFigure {
                                    id: s.id,
                                    name: s.name,
                                    amount: s.settlement,
                                })
                                .collect();
                            settled.insert(figures).clone()
                        }
                    },
                    false => Vec::new(),
                },
            };
            entries.push(CalendarEntry {
                date,
                budget_year: y.year,
                milestone: m.id.clone(),
                name: m.name.clone(),
                due: m.due.clone(),
                who: m.who.clone(),
                figures: m.figures,
                amounts,
            });
        }
    }
    // Stable: milestones on one day keep budget-year and plan order.
    entries.sort_by_key(|e| e.date);
    Ok(Calendar {
        name: plan.name.clone(),
        currency: plan.currency.clone(),
        entries,
    })
}

impl Plan {
    /// The budget calendar: every milestone of every budget year, by date,
    /// with the figures that go with it.
    ///
    /// ```
    /// let text = andel::plan::REFERENCE_PLAN.to_string() + r#"
    /// [[milestones]]
    /// id = "final"
    /// name = "Final decision"
    /// date = "10-31"
    /// offset = -1
    /// due = "The contribution for the budget year"
    /// figures = "contributions"
    /// "#;
    /// let plan = andel::Plan::from_toml(&text)?;
    /// let calendar = plan.calendar(&plan.compute()?)?;
    /// assert_eq!(calendar.entries[0].date.to_string(), "2020-10-31");
    /// assert_eq!(calendar.entries.len(), 5);
    /// # Ok::<(), andel::Error>(())
    /// ```
    pub fn calendar(&self, result: &PlanResult) -> Result<Calendar> {
        calendar(self, result)
    }
}

impl Calendar {
    // The iCalendar form (`to_ics`) is written in crate::export::ics.

    /// The calendar as pretty JSON (decimals as strings).
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).expect("a calendar always serialises to JSON")
    }
}
