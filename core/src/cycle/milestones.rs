//! The budget calendar (årscykel): the milestones of the members' planning
//! cycle, stated once relative to the budget year and listed for every year
//! of the horizon with their dates and what is due.

use super::day::MonthDay;
use crate::calendar::Date;
use crate::error::{Error, Result};
use crate::plan::{Plan, PlanResult, limits};
use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// A milestone of the members' planning cycle, relative to the budget year:
/// "preliminary contribution notice by 30 April of Y−1" is
/// `date = "04-30"`, `offset = -1`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Milestone {
    /// Stable id, unique among the milestones.
    pub id: String,
    /// What happens, e.g. "Preliminary contribution notice".
    pub name: String,
    /// The day, `MM-DD`.
    pub date: MonthDay,
    /// The year of the date relative to the budget year Y: −1 for Y−1,
    /// 0 for Y (the default), 1 for Y+1. From −10 to 10.
    #[serde(default)]
    pub offset: i32,
    /// What is due, in words, e.g. "the preliminary contribution for Y".
    pub due: String,
    /// For whom, in words, e.g. "each member's finance department".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub who: Option<String>,
    /// Which figures go with the milestone, default `none`.
    #[serde(default)]
    pub figures: Figures,
}

/// The figures that go with a milestone.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Figures {
    /// Words only.
    #[default]
    None,
    /// Each paying member's contribution for the budget year.
    Contributions,
    /// Each member's settlement of the budget year, when the plan has its
    /// outcome (`[[outcome]]`); otherwise none yet.
    Settlement,
}

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

/// The checks of `[[milestones]]`, each with its path.
pub(crate) fn problems(plan: &Plan) -> Vec<Error> {
    let mut v = Vec::new();
    if let Some(e) = too_large(plan) {
        v.push(e);
    }
    // A set, not a scan of the earlier milestones: that was quadratic in
    // a document of many milestones.
    let mut ids = std::collections::HashSet::new();
    for (i, m) in plan.milestones.iter().enumerate() {
        if !(-10..=10).contains(&m.offset) {
            v.push(
                Error::InvalidPlan {
                    reason: "a milestone's offset must be from -10 to 10 years".into(),
                }
                .at(format!("milestones[{i}].offset")),
            );
        }
        for (field, text) in [("due", Some(&m.due)), ("who", m.who.as_ref())] {
            if let Some(text) = text.filter(|t| t.len() > limits::LONG_TEXT) {
                v.push(
                    Error::InvalidPlan {
                        reason: format!(
                            "is {} bytes long, more than the {} bytes a milestone's {field} may have",
                            text.len(),
                            limits::LONG_TEXT
                        ),
                    }
                    .at(format!("milestones[{i}].{field}")),
                );
            }
        }
        // Compared in NFC, as every id (crate::identity).
        if !ids.insert(crate::identity::nfc(&m.id)) {
            v.push(
                Error::DuplicateId {
                    id: m.id.clone(),
                    kind: "milestone".into(),
                }
                .at(format!("milestones[{i}].id")),
            );
        }
    }
    v
}

/// The figures a calendar lists at most: every milestone with figures
/// (contributions or settlement), in every year, for every member.
pub(crate) fn calendar_figures(plan: &Plan) -> u64 {
    let with_figures = plan
        .milestones
        .iter()
        .filter(|m| m.figures != Figures::None)
        .count();
    (with_figures as u64)
        .saturating_mul(u64::from(plan.years))
        .saturating_mul(plan.members.len() as u64)
}

/// The calendar's bounds, at `milestones`: at most
/// [`limits::MILESTONES`] milestones (so at most that many entries a year),
/// and at most [`limits::FIGURES`] figures, the bound of the plan itself.
fn too_large(plan: &Plan) -> Option<Error> {
    let reason = if plan.milestones.len() > limits::MILESTONES {
        format!(
            "a plan has at most {} milestones; this one has {}",
            limits::MILESTONES,
            plan.milestones.len()
        )
    } else {
        let figures = calendar_figures(plan);
        if figures <= limits::FIGURES {
            return None;
        }
        format!(
            "the calendar would list {figures} figures (milestones with figures × years × members), more than the {} a plan may compute",
            limits::FIGURES
        )
    };
    Some(Error::InvalidPlan { reason }.at("milestones"))
}

pub(crate) fn calendar(plan: &Plan, result: &PlanResult) -> Result<Calendar> {
    // A plan built in code and never validated: bounded all the same.
    if let Some(e) = too_large(plan) {
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
    /// The calendar as an iCalendar file (RFC 5545) that calendar programs
    /// import: one all-day event per milestone and year.
    pub fn to_ics(&self) -> String {
        super::ics::write(self)
    }

    /// The calendar as pretty JSON (decimals as strings).
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).expect("a calendar always serialises to JSON")
    }
}
