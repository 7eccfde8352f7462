//! `[[outcome]]`: a year's actual costs and funding as a plan (or a
//! separate outcome file) states them, and their checks against the plan.
//! The settlement made from them is [`crate::cycle::Settlement`].

use crate::document::number::Number;
use crate::document::plan::{Key, Plan};
use crate::error::Error;
use crate::exact;
use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The actual outcome of a budget year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Outcome {
    /// The budget year.
    pub year: i32,
    /// Actual cost per cost line id; a line not named cost what was planned.
    #[serde(default)]
    pub costs: BTreeMap<String, Number>,
    /// Actual amount per funding id (of this year); funding not named came
    /// as planned.
    #[serde(default)]
    pub funding: BTreeMap<String, Number>,
}

/// The checks of outcomes against their plan, each with its path.
pub(crate) fn outcome_problems(plan: &Plan, outcomes: &[Outcome]) -> Vec<Error> {
    let mut v = Vec::new();
    let unit = plan.unit.value();
    // Sets and maps, not scans per entry: a hostile document has as many
    // outcomes and funding entries as fit in 16 MiB.
    let mut years = std::collections::HashSet::new();
    let lines: std::collections::HashMap<&str, _> =
        plan.costs.iter().map(|c| (c.id.as_str(), c)).collect();
    let funding: std::collections::HashSet<(&str, i32)> = plan
        .funding
        .iter()
        .map(|f| (f.id.as_str(), f.year))
        .collect();
    for (i, o) in outcomes.iter().enumerate() {
        let at = format!("outcome[{i}]");
        if o.year < plan.first_year || o.year > plan.last_year() {
            v.push(plan.outside(o.year).at(format!("{at}.year")));
        }
        if !years.insert(o.year) {
            v.push(
                Error::DuplicateId {
                    kind: "outcome year".into(),
                    id: o.year.to_string(),
                }
                .at(format!("{at}.year")),
            );
        }
        for (id, value) in &o.costs {
            let path = format!("{at}.costs.{id}");
            match lines.get(id.as_str()) {
                None => v.push(Error::UnknownLine { id: id.clone() }.at(path)),
                Some(line) => {
                    let key = line.key.as_ref().unwrap_or(&plan.key);
                    if matches!(key, Key::PerInhabitantFee { .. } | Key::Banded { .. }) {
                        v.push(Error::InvalidPlan {
                            reason: format!("cost line {id:?} is a fee (per inhabitant or banded): its cost follows from the fees and the population and cannot be given"),
                        }.at(path));
                    } else if line.amount.is_some_and(|a| a.value() < Decimal::ZERO) {
                        // A refund's actual amount is a refund too.
                        if value.value() > Decimal::ZERO {
                            v.push(Error::InvalidPlan {
                                reason: format!("cost line {id:?} is a refund or credit: its actual amount is zero or negative, not {}", value.value()),
                            }.at(path));
                        } else if !exact::is_multiple(value.value(), unit) {
                            v.push(
                                Error::NotMultipleOfUnit {
                                    total: value.value(),
                                    unit,
                                }
                                .at(path),
                            );
                        }
                    } else {
                        amount(&mut v, value.value(), unit, "actual cost", path);
                    }
                }
            }
        }
        for (id, value) in &o.funding {
            let path = format!("{at}.funding.{id}");
            if funding.contains(&(id.as_str(), o.year)) {
                amount(&mut v, value.value(), unit, "actual funding", path);
            } else {
                v.push(
                    Error::UnknownFunding {
                        id: id.clone(),
                        year: o.year,
                    }
                    .at(path),
                );
            }
        }
    }
    v
}

fn amount(v: &mut Vec<Error>, value: Decimal, unit: Decimal, what: &str, path: String) {
    if value < Decimal::ZERO {
        v.push(
            Error::NegativeAmount {
                what: what.into(),
                value,
            }
            .at(path),
        );
    } else if !exact::is_multiple(value, unit) {
        v.push(Error::NotMultipleOfUnit { total: value, unit }.at(path));
    }
}
