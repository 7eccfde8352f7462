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
mod document;
pub(crate) mod exact;
mod explain;
mod find;
mod host;
mod key;
mod locate;
mod method_totals;
mod notes;
pub(crate) mod number;
mod reader;
mod result;
pub(crate) mod sections;
pub(crate) mod table;
mod tree;
mod validate;
pub(crate) mod year;

pub use budget::{Budget, BudgetKey, BudgetMember, BudgetNumber, BudgetParts};
pub use document::{
    Band, BlendPart, CostLine, Funding, InKind, Indexation, Key, Member, MemberKind, Plan,
    PopulationRule,
};
pub use explain::{Explanation, rounding_sentence};
pub use find::find_member;
pub use host::HostValue;
pub use locate::Format;
pub use number::Number;
pub use result::{
    LineAmount, LineResult, MemberTotal, MemberYear, Membership, PlanResult, YearResult,
};
pub use validate::limits;

use crate::error::{Error, Result};

/// The plan format (`format = 1`) this version of andel reads and writes:
/// the only one a plan may name, and the one a plan built from parts (a
/// budget's, a binding's keyword arguments) is given.
pub const FORMAT: i64 = 1;

/// The most bytes a plan document may have.
pub const MAX_DOCUMENT_BYTES: usize = 16 * 1024 * 1024;

/// The reference case bundled with andel: the regional growth collaboration
/// of six municipalities and a university (`examples/tillvaxtmotor.toml`).
pub const REFERENCE_PLAN: &str = include_str!("../../../examples/tillvaxtmotor.toml");

/// The same reference case as JSON, every default written out
/// (`examples/tillvaxtmotor.json`, which a test keeps equal to
/// [`REFERENCE_PLAN`]). Builds without the `toml` feature start from it.
pub const REFERENCE_PLAN_JSON: &str = include_str!("../../../examples/tillvaxtmotor.json");

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

impl Plan {
    /// Reads a plan from TOML. Errors carry the line and column.
    #[cfg(feature = "toml")]
    pub fn from_toml(text: &str) -> Result<Plan> {
        Self::read(text, Format::Toml)
    }

    /// Reads a plan from JSON. Errors carry the line and column.
    pub fn from_json(text: &str) -> Result<Plan> {
        Self::read(text, Format::Json)
    }

    /// Reads a plan from text in either format, checks it, and reports the
    /// first problem with its place in the text.
    pub fn read(text: &str, format: Format) -> Result<Plan> {
        let plan = Self::parse(text, format)?;
        match validate::problems(&plan).into_iter().next() {
            Some(problem) => Err(locate::locate(problem, text, format)),
            None => Ok(plan),
        }
    }

    /// Every problem in a plan document (not only the first), each with its
    /// place in the text. Empty when the plan is sound and computes.
    pub fn check(text: &str, format: Format) -> Vec<Error> {
        let plan = match Self::parse(text, format) {
            Ok(plan) => plan,
            Err(e) => return vec![e],
        };
        let mut problems = locate::locate_all(validate::problems(&plan), text, format);
        if problems.is_empty() {
            if let Err(e) = plan.compute() {
                problems.push(locate::locate(e, text, format));
            }
        }
        problems
    }

    fn parse(text: &str, format: Format) -> Result<Plan> {
        if text.len() > MAX_DOCUMENT_BYTES {
            return Err(Error::InvalidPlan {
                reason: format!(
                    "the document is {} bytes, more than the {MAX_DOCUMENT_BYTES} (16 MiB) a plan may have",
                    text.len()
                ),
            });
        }
        let tree = tree::read(text, format)?;
        check_format_version(&tree, text, format)?;
        from_tree(tree, text, format)
    }

    /// Adds the line and column in `text` to an error that has a path, such
    /// as one from [`compute`](Plan::compute) of a plan read from `text`.
    ///
    /// ```
    /// use andel::plan::{Format, Plan};
    /// let text = andel::plan::REFERENCE_PLAN.replace("carry_forward = true", "carry_forward = false");
    /// let plan = Plan::from_toml(&text)?;
    /// let error = Plan::locate(plan.compute().unwrap_err(), &text, Format::Toml);
    /// assert_eq!(error.code(), "missing_figure");
    /// assert!(error.location().unwrap().line.is_some());
    /// # Ok::<(), andel::Error>(())
    /// ```
    pub fn locate(error: Error, text: &str, format: Format) -> Error {
        locate::locate(error, text, format)
    }

    /// Checks the plan as a value (for plans built in code): the first
    /// problem found, with its path.
    pub fn validate(&self) -> Result<()> {
        validate::problems(self)
            .into_iter()
            .next()
            .map_or(Ok(()), Err)
    }

    /// Computes every member's contribution for every budget year.
    pub fn compute(&self) -> Result<PlanResult> {
        self.validate()?;
        let mut years: Vec<YearResult> = Vec::new();
        for y in 0..self.years {
            let year = self.first_year + y as i32;
            let computed = year::compute_year(self, year, years.last())?;
            years.push(computed);
        }
        let totals = self
            .members
            .iter()
            .enumerate()
            .map(|(m, member)| {
                Ok(MemberTotal {
                    id: member.id.clone(),
                    name: member.name.clone(),
                    contribution: exact::sum(
                        years.iter().map(|y| y.members[m].contribution),
                        "a member's total contribution",
                    )?,
                    in_kind: exact::sum(
                        years.iter().map(|y| y.members[m].in_kind),
                        "a member's total in kind",
                    )?,
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

    /// The plan as TOML.
    #[cfg(feature = "toml")]
    pub fn to_toml(&self) -> Result<String> {
        toml::to_string_pretty(self).map_err(|e| Error::InvalidPlan {
            reason: e.to_string(),
        })
    }

    /// The plan as pretty JSON.
    pub fn to_json(&self) -> String {
        // Cannot fail: every map key in a plan is a string.
        serde_json::to_string_pretty(self).expect("a plan always serialises to JSON")
    }

    /// The JSON Schema of the plan format (draft 2020-12), generated from
    /// these types, for editors and web pages that validate plans.
    pub fn json_schema() -> String {
        let schema = schemars::schema_for!(Plan);
        serde_json::to_string_pretty(&schema).unwrap_or_default()
    }

    /// The bundled reference case.
    pub fn reference() -> Plan {
        #[cfg(feature = "toml")]
        let plan = Plan::from_toml(REFERENCE_PLAN);
        #[cfg(not(feature = "toml"))]
        let plan = Plan::from_json(REFERENCE_PLAN_JSON);
        plan.unwrap_or_else(|e| panic!("the bundled reference plan is invalid: {e}"))
    }
}

/// Reads any part of the plan format (a plan, or a separate outcome file)
/// from text, with the plan reader's typed errors and places.
pub(crate) fn parse_document<T: serde::de::DeserializeOwned>(
    text: &str,
    format: Format,
) -> Result<T> {
    from_tree(tree::read(text, format)?, text, format)
}

/// Reads a plan type from the document's tree. Every reading error names
/// the field at fault, and [`locate`] finds that field in the text.
fn from_tree<T: serde::de::DeserializeOwned>(
    tree: serde_json::Value,
    text: &str,
    format: Format,
) -> Result<T> {
    reader::read(tree).map_err(|(path, message)| {
        locate::locate_reading(tree::syntax(&path, &message, None), text, format)
    })
}

/// Refuses a plan of another format version before reading its fields, so
/// a newer plan says "unsupported format", not "missing field".
fn check_format_version(tree: &serde_json::Value, text: &str, format: Format) -> Result<()> {
    match tree.get("format").and_then(serde_json::Value::as_i64) {
        Some(found) if found != 1 => Err(locate::locate(
            Error::UnsupportedFormat { found }.at("format"),
            text,
            format,
        )),
        _ => Ok(()),
    }
}

#[cfg(test)]
pub(crate) mod tests;
