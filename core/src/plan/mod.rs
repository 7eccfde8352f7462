//! Budget-cycle plans: a collaboration's members, costs, funding and keys
//! over a multi-year horizon, and what every member pays every year.
//!
//! ```
//! let plan = andel::Plan::from_toml(r#"
//!     format = 1
//!     name = "Example"
//!     first_year = 2025
//!     years = 2
//!     population = { years_before = 2 }
//!
//!     [[members]]
//!     id = "a"
//!     name = "A"
//!     metrics.population = { "2023-12-31" = 2000, "2024-12-31" = 2100 }
//!
//!     [[members]]
//!     id = "b"
//!     name = "B"
//!     metrics.population = { "2023-12-31" = 1000, "2024-12-31" = 1000 }
//!
//!     [[costs]]
//!     id = "pm"
//!     name = "Project management"
//!     amount = "100000"
//!     from = 2025
//! "#)?;
//! let result = plan.compute()?;
//! assert_eq!(result.contribution("a", 2025).unwrap().to_string(), "66667");
//! assert_eq!(result.contribution("b", 2026).unwrap().to_string(), "32258");
//! # Ok::<(), andel::Error>(())
//! ```

mod bounds;
mod budget;
mod explain;
mod find;
mod key;
mod method_totals;
mod notes;
mod result;
mod rows;
pub(crate) mod table;
pub(crate) mod year;

// The document's modules under the names the engine's files have always
// used for them (`super::document::Key`, `super::number::Number`).
use crate::document::{locate, number, plan as document};

pub use crate::document::host::HostValue;
pub use crate::document::validate::limits;
pub use crate::document::{FORMAT, MAX_DOCUMENT_BYTES, REFERENCE_PLAN, REFERENCE_PLAN_JSON};
pub use budget::{Budget, BudgetKey, BudgetMember, BudgetNumber, BudgetParts};
pub use document::{
    Band, BlendPart, CostLine, Funding, InKind, Indexation, Key, Member, MemberKind, Plan,
    PopulationRule,
};
pub use explain::{Explanation, rounding_sentence};
pub use find::find_member;
pub use locate::Format;
pub use number::Number;
pub use result::{
    LineAmount, LineResult, MemberTotal, MemberYear, Members, Membership, Participants, PlanResult,
    YearResult,
};

use crate::error::{Error, Result};
use crate::exact;
use rust_decimal::Decimal;

impl Plan {
    /// Every problem in a plan document (not only the first), each with its
    /// place in the text. Empty when the plan is sound and computes.
    pub fn check(text: &str, format: Format) -> Vec<Error> {
        match Plan::checked(text, format) {
            Err(problems) => problems,
            Ok(plan) => match plan.compute() {
                Err(e) => vec![locate::locate(e, text, format)],
                Ok(_) => Vec::new(),
            },
        }
    }

    /// Computes every member's contribution for every budget year.
    pub fn compute(&self) -> Result<PlanResult> {
        self.validate()?;
        let mut years: Vec<YearResult> = Vec::new();
        let last = self.first_year + self.years as i32 - 1;
        let mut index = year::PlanIndex::new(self, self.first_year..=last);
        for y in 0..self.years {
            let year = self.first_year + y as i32;
            let computed = year::compute_year_in(&mut index, year, years.last())?;
            years.push(computed);
        }
        // Summed in units, year by year, rather than as decimals: 100 000
        // members over 50 years are five million checked additions.
        let units: Vec<_> = years.iter().map(|y| y.members.units()).collect();
        let unit = self.unit.value();
        let totals = self
            .members
            .iter()
            .enumerate()
            .map(|(m, member)| {
                let what = "a member's total contribution";
                let contribution = units
                    .iter()
                    .try_fold(0i128, |total, year| total.checked_add(year[m]))
                    .ok_or_else(|| Error::overflow(what))
                    .and_then(|total| rows::amount_of(total, unit))
                    .map_err(|_| Error::overflow(what))?;
                Ok(MemberTotal {
                    id: member.id.clone(),
                    name: member.name.clone(),
                    contribution: if years.is_empty() {
                        Decimal::ZERO
                    } else {
                        contribution
                    },
                    in_kind: if self.in_kind.is_empty() {
                        Decimal::ZERO
                    } else {
                        exact::sum(
                            years.iter().filter_map(|y| y.members.in_kind(m)),
                            "a member's total in kind",
                        )?
                    },
                })
            })
            .collect::<Result<Vec<_>>>()?;
        let notes = notes::carried(&years, crate::text::Lang::En);
        let total = exact::sum(years.iter().map(|y| y.net), "the plan's total")?;
        Ok(PlanResult {
            total,
            name: self.name.clone(),
            currency: self.currency.clone(),
            unit: self.unit.value(),
            method: self.method,
            years,
            totals,
            notes,
        })
    }

    /// Explains how `member`'s contribution in `year` arose, in English.
    /// `member` is an id, or a display name that names one member (see
    /// [`find_member`]).
    pub fn explain(&self, member: &str, year: i32) -> Result<Explanation> {
        let result = self.compute()?;
        self.explain_result(&result, member, year)
    }

    /// Like [`explain`](Plan::explain), from a result already computed from
    /// this plan.
    pub fn explain_result(
        &self,
        result: &PlanResult,
        member: &str,
        year: i32,
    ) -> Result<Explanation> {
        self.explain_result_in(result, member, year, crate::text::Lang::En)
    }

    /// Like [`explain_result`](Plan::explain_result), in `lang`: Swedish
    /// sentences and sv-SE figures, or English.
    ///
    /// ```
    /// use andel::text::Lang;
    /// let plan = andel::Plan::reference();
    /// let result = plan.compute()?;
    /// let text = plan.explain_result_in(&result, "Falkenberg", 2021, Lang::Sv)?.to_string();
    /// assert!(text.contains("avrundat"));
    /// assert!(!text.contains("exactly"));
    /// # Ok::<(), andel::Error>(())
    /// ```
    pub fn explain_result_in(
        &self,
        result: &PlanResult,
        member: &str,
        year: i32,
        lang: crate::text::Lang,
    ) -> Result<Explanation> {
        explain::explain(self, result, member, year, lang)
    }
}

#[cfg(test)]
pub(crate) mod tests;
