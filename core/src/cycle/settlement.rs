//! Settlement (avräkning): when a year's actual outcome is known, each
//! member pays the difference between what its contribution would have been
//! with the actual figures, by that year's key, and what it was invoiced.
//!
//! The actual contributions are computed by the plan's own rules: the year
//! is recomputed with the actual cost of each line and the actual funding in
//! place of the planned amounts (same keys, participants, populations and
//! controlled rounding). Both tables add up exactly, so the settlements add
//! up exactly to the difference in net cost.

use crate::document::sections::{Outcome, outcome_problems};
use crate::error::{Error, Result};
use crate::exact;
use crate::plan::{Format, Plan, PlanResult};
use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// A separate outcome file: `[[outcome]]` entries only.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct OutcomeFile {
    /// The outcomes.
    pub outcome: Vec<Outcome>,
}

impl OutcomeFile {
    /// The outcome of `year`, or `invalid_plan` when the file has none.
    pub fn for_year(&self, year: i32) -> Result<&Outcome> {
        self.outcome
            .iter()
            .find(|o| o.year == year)
            .ok_or_else(|| Error::InvalidPlan {
                reason: format!("the outcome file has no outcome for {year}"),
            })
    }
}

/// The settlement of one budget year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct Settlement {
    /// The settled budget year.
    pub year: i32,
    /// Currency.
    pub currency: String,
    /// The planned net cost (what was invoiced).
    #[schemars(with = "crate::schema::DecimalText")]
    pub planned: Decimal,
    /// The actual net cost.
    #[schemars(with = "crate::schema::DecimalText")]
    pub actual: Decimal,
    /// actual − planned; the sum of the members' settlements.
    #[schemars(with = "crate::schema::DecimalText")]
    pub difference: Decimal,
    /// Per cost line: planned and actual gross and net.
    pub lines: Vec<LineSettlement>,
    /// Per paying member, in plan order.
    pub members: Vec<MemberSettlement>,
}

/// A cost line's planned and actual figures in the settled year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct LineSettlement {
    /// The line's id.
    pub id: String,
    /// The line's name.
    pub name: String,
    /// Planned gross cost.
    #[schemars(with = "crate::schema::DecimalText")]
    pub planned_gross: Decimal,
    /// Actual gross cost.
    #[schemars(with = "crate::schema::DecimalText")]
    pub actual_gross: Decimal,
    /// Planned net cost (after funding).
    #[schemars(with = "crate::schema::DecimalText")]
    pub planned_net: Decimal,
    /// Actual net cost (after actual funding).
    #[schemars(with = "crate::schema::DecimalText")]
    pub actual_net: Decimal,
}

/// A member's settlement.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct MemberSettlement {
    /// The member's id.
    pub id: String,
    /// The member's name.
    pub name: String,
    /// The planned (invoiced) contribution.
    #[schemars(with = "crate::schema::DecimalText")]
    pub planned: Decimal,
    /// The contribution with the actual figures, by the year's key.
    #[schemars(with = "crate::schema::DecimalText")]
    pub actual: Decimal,
    /// actual − planned: above zero an extra charge, below zero a refund.
    #[schemars(with = "crate::schema::DecimalText")]
    pub settlement: Decimal,
}

impl OutcomeFile {
    /// Reads a separate outcome file (TOML or JSON) and checks it against
    /// `plan`; errors carry the line and column in `text`.
    pub fn read(text: &str, format: Format, plan: &Plan) -> Result<OutcomeFile> {
        // The plan format's reader, so an outcome file has the same syntax
        // rules and typed errors with their places.
        let file: OutcomeFile = crate::document::parse_document(text, format)?;
        if let Some(e) = outcome_problems(plan, &file.outcome).into_iter().next() {
            return Err(Plan::locate(e, text, format));
        }
        Ok(file)
    }
}

/// The plan with `outcome`'s actual figures in place of the planned ones
/// for its year. Only that year may be computed from it.
fn actual_plan(plan: &Plan, outcome: &Outcome) -> Plan {
    let mut actual = plan.clone();
    for line in &mut actual.costs {
        if let Some(cost) = outcome.costs.get(&line.id) {
            line.year = Some(outcome.year);
            line.from = None;
            line.to = None;
            line.indexed = false;
            line.amount = Some(*cost);
        }
    }
    for f in &mut actual.funding {
        if f.year == outcome.year {
            if let Some(amount) = outcome.funding.get(&f.id) {
                f.amount = *amount;
            }
        }
    }
    actual.outcome.clear();
    actual
}

pub(crate) fn settle(
    plan: &Plan,
    result: &PlanResult,
    outcome: &Outcome,
    index: usize,
) -> Result<Settlement> {
    if let Some(e) = outcome_problems(plan, std::slice::from_ref(outcome))
        .into_iter()
        .next()
    {
        let path = e.location().map(|l| l.path.clone()).unwrap_or_default();
        let path = path.replacen("outcome[0]", &format!("outcome[{index}]"), 1);
        return Err(Error::InPlan {
            location: crate::error::Location {
                path,
                line: None,
                column: None,
            },
            source: Box::new(e.root().clone()),
        });
    }
    let planned = super::year_of(plan, result, outcome.year)?;
    let actual = crate::plan::year::compute_year(&actual_plan(plan, outcome), outcome.year, None)?;
    // Maps, not a scan of the lines per line.
    let by_id = |lines: &[crate::plan::LineResult]| -> std::collections::HashMap<String, usize> {
        lines
            .iter()
            .enumerate()
            .map(|(i, l)| (l.id.clone(), i))
            .collect()
    };
    let (planned_at, actual_at) = (by_id(&planned.lines), by_id(&actual.lines));
    let lines = planned
        .lines
        .iter()
        .map(|l| (l.id.clone(), l.name.clone()))
        .chain(
            actual
                .lines
                .iter()
                .filter(|a| !planned_at.contains_key(&a.id))
                .map(|l| (l.id.clone(), l.name.clone())),
        )
        .map(|(id, name)| {
            let p = planned_at.get(&id).map(|&i| &planned.lines[i]);
            let a = actual_at.get(&id).map(|&i| &actual.lines[i]);
            LineSettlement {
                planned_gross: p.map_or(Decimal::ZERO, |l| l.gross),
                actual_gross: a.map_or(Decimal::ZERO, |l| l.gross),
                planned_net: p.map_or(Decimal::ZERO, |l| l.net),
                actual_net: a.map_or(Decimal::ZERO, |l| l.net),
                id,
                name,
            }
        })
        .collect();
    let members = planned
        .members
        .iter()
        .zip(&actual.members)
        .filter(|(p, _)| p.paying)
        .map(|(p, a)| {
            Ok(MemberSettlement {
                id: p.id.clone(),
                name: p.name.clone(),
                planned: p.contribution,
                actual: a.contribution,
                settlement: exact::sub(a.contribution, p.contribution, "a member's settlement")?,
            })
        })
        .collect::<Result<_>>()?;
    Ok(Settlement {
        year: outcome.year,
        currency: plan.currency.clone(),
        planned: planned.net,
        actual: actual.net,
        difference: exact::sub(actual.net, planned.net, "the settled difference")?,
        lines,
        members,
    })
}

impl Plan {
    /// The settlement of `year` by the plan's own `[[outcome]]` of that year.
    ///
    /// ```
    /// let text = andel::plan::REFERENCE_PLAN.to_string() + r#"
    /// [[outcome]]
    /// year = 2021
    /// costs = { analys = "500000" }
    /// "#;
    /// let plan = andel::Plan::from_toml(&text)?;
    /// let s = plan.settle(&plan.compute()?, 2021)?;
    /// // The analysis cost 100 000 less than planned: refunds summing to that.
    /// assert_eq!(s.difference.to_string(), "-100000");
    /// let sum: andel::Decimal = s.members.iter().map(|m| m.settlement).sum();
    /// assert_eq!(sum, s.difference);
    /// # Ok::<(), andel::Error>(())
    /// ```
    pub fn settle(&self, result: &PlanResult, year: i32) -> Result<Settlement> {
        self.settle_result(result, year)
    }

    pub(crate) fn settle_result(&self, result: &PlanResult, year: i32) -> Result<Settlement> {
        if year < self.first_year || year > self.last_year() {
            return Err(self.outside(year));
        }
        let (index, outcome) = self
            .outcome
            .iter()
            .enumerate()
            .find(|(_, o)| o.year == year)
            .ok_or_else(|| Error::InvalidPlan {
                reason: format!("the plan has no outcome for {year}"),
            })?;
        settle(self, result, outcome, index)
    }

    /// The settlement of an outcome given separately (e.g. read with
    /// [`OutcomeFile::read`]).
    pub fn settle_outcome(&self, result: &PlanResult, outcome: &Outcome) -> Result<Settlement> {
        settle(self, result, outcome, 0)
    }
}

impl Settlement {
    // The CSV form (`to_csv`) is written in crate::export::csv.

    /// The settlement as pretty JSON (decimals as strings).
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).expect("a settlement always serialises to JSON")
    }
}
