//! One year's budget shared by one key: core's `Budget` held for Python.
//!
//! The class here is internal (`andel._andel.Budget`); the documented API
//! is `andel.Budget` in `andel/_budget.py`. This module reads the arguments
//! into core's typed `Budget` through `BudgetParts::read` (numbers exactly,
//! each error placed at the budget input it is about) and hands every rule
//! to core: the order of the errors, the key by `BudgetKey::from_name`, the
//! checks and the figures by `Budget::compute`.

use crate::convert::{Floats, placed_decimal};
use crate::errors::{OrRaise, boundary};
use crate::plan::NativePlan;
use crate::result::NativeResult;
use andel::Decimal;
use andel::plan::{Budget, BudgetKey, BudgetParts};
use pyo3::prelude::*;
use std::collections::BTreeMap;
use std::sync::Arc;

/// A member as Python gives it to the native class: id, name, population.
type MemberParts<'py> = (String, String, Option<Bound<'py, PyAny>>);

/// A member as Python reads it back: id, name, population.
type MemberValues = (String, String, Option<Decimal>);

/// A budget read by core. Internal: use `andel.Budget`.
#[pyclass(frozen, module = "andel._andel", name = "Budget")]
pub struct NativeBudget {
    budget: Budget,
}

#[pymethods]
impl NativeBudget {
    /// Reads a budget from its parts, in the order core's
    /// `BudgetParts::read` fixes for every runtime; every other check is
    /// `compute`'s.
    #[new]
    #[pyo3(signature = (year, currency, total, unit, method, key, fixed, shares, members))]
    #[allow(clippy::too_many_arguments)]
    fn new(
        py: Python<'_>,
        year: i32,
        currency: String,
        total: &Bound<'_, PyAny>,
        unit: &Bound<'_, PyAny>,
        method: &str,
        key: &str,
        fixed: Option<&Bound<'_, PyAny>>,
        shares: Option<Vec<(String, Bound<'_, PyAny>)>>,
        members: Vec<MemberParts<'_>>,
    ) -> PyResult<Self> {
        boundary(py, || {
            let parts = BudgetParts {
                year,
                currency: Some(currency),
                total: total.clone(),
                unit: Some(unit.clone()),
                method: Some(method.to_string()),
                key: key.to_string(),
                fixed: fixed.cloned(),
                shares,
                members,
            };
            let budget = parts
                .read(|value, which, path| {
                    let floats = if which.is_money() {
                        Floats::Refuse
                    } else {
                        Floats::RefuseFigure
                    };
                    placed_decimal(value, which.name(), path, floats)
                })?
                .or_raise(py)?;
            Ok(NativeBudget { budget })
        })
    }

    /// The bundled reference budget.
    #[staticmethod]
    fn reference() -> Self {
        NativeBudget {
            budget: Budget::reference(),
        }
    }

    #[getter]
    fn year(&self) -> i32 {
        self.budget.year
    }

    #[getter]
    fn currency(&self) -> &str {
        &self.budget.currency
    }

    #[getter]
    fn total(&self) -> Decimal {
        self.budget.total
    }

    #[getter]
    fn unit(&self) -> Decimal {
        self.budget.unit
    }

    #[getter]
    fn method(&self) -> &'static str {
        self.budget.method.name()
    }

    /// The key's name.
    #[getter]
    fn key(&self) -> &'static str {
        self.budget.key.name()
    }

    /// The blend's fixed part, or None for another key.
    #[getter]
    fn fixed(&self) -> Option<Decimal> {
        match &self.budget.key {
            BudgetKey::Blend { fixed } => Some(*fixed),
            _ => None,
        }
    }

    /// The fixed shares by member id, or None for another key.
    #[getter]
    fn shares(&self) -> Option<BTreeMap<String, Decimal>> {
        match &self.budget.key {
            BudgetKey::FixedShares { shares } => Some(shares.clone()),
            _ => None,
        }
    }

    #[getter]
    fn members(&self) -> Vec<MemberValues> {
        self.budget
            .members
            .iter()
            .map(|m| (m.id.clone(), m.name.clone(), m.population))
            .collect()
    }

    /// Core's serde JSON of the budget (decimals as strings).
    fn to_json(&self, py: Python<'_>) -> PyResult<String> {
        boundary(py, || {
            serde_json::to_string(&self.budget).map_err(|e| {
                pyo3::exceptions::PyRuntimeError::new_err(format!("serialising the budget: {e}"))
            })
        })
    }

    /// Every member's contribution, as the result of the equivalent plan;
    /// errors placed in the budget.
    fn compute(&self, py: Python<'_>) -> PyResult<NativeResult> {
        boundary(py, || {
            let computed = py.detach(|| self.budget.computed()).or_raise(py)?;
            Ok(NativeResult::new(computed))
        })
    }

    /// The equivalent one-year plan.
    fn to_plan(&self, py: Python<'_>) -> PyResult<NativePlan> {
        boundary(py, || {
            let plan = self.budget.to_plan().or_raise(py)?;
            Ok(NativePlan::new(Arc::new(plan)))
        })
    }
}
