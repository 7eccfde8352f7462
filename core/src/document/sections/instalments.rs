//! `[instalments]`: how a plan's contributions are invoiced through the
//! year, and its checks. The invoices made from it are
//! [`crate::cycle::Invoices`].

use super::day::MonthDay;
use crate::document::plan::Plan;
use crate::error::Error;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// How each year's contributions are invoiced: `count` instalments with
/// their due dates in the budget year,
/// e.g. `{ count = 4, due = ["03-31", "06-30", "09-30", "12-31"] }`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Instalments {
    /// Instalments a year, 1 to 12 (1, 2 = twice a year, 4 = quarterly,
    /// 12 = monthly).
    pub count: u32,
    /// The due dates, `MM-DD`, one per instalment, in order.
    pub due: Vec<MonthDay>,
}

/// The checks of `[instalments]`, each with its path.
pub(crate) fn problems(plan: &Plan) -> Vec<Error> {
    let mut v = Vec::new();
    let Some(inst) = &plan.instalments else {
        return v;
    };
    if !(1..=12).contains(&inst.count) {
        v.push(
            Error::InvalidPlan {
                reason: "instalments.count must be from 1 to 12".into(),
            }
            .at("instalments.count"),
        );
    }
    if inst.due.len() != inst.count as usize {
        v.push(
            Error::InvalidPlan {
                reason: format!(
                    "instalments.due has {} dates for {} instalments",
                    inst.due.len(),
                    inst.count
                ),
            }
            .at("instalments.due"),
        );
    }
    for (i, pair) in inst.due.windows(2).enumerate() {
        if pair[1] <= pair[0] {
            v.push(
                Error::InvalidPlan {
                    reason: "the instalments' due dates must be in order within the year".into(),
                }
                .at(format!("instalments.due[{}]", i + 1)),
            );
        }
    }
    v
}
