//! `andel.Budget`: one year's budget shared by one key, core's `Budget` as
//! the public Python class.
//!
//! This module reads the arguments into core's typed `Budget` through
//! `BudgetParts::read` (numbers exactly, each error placed at the budget
//! input it is about) and hands every rule to core: the defaults, the order
//! of the errors, the key by `BudgetKey::from_name`, the checks and the
//! figures by `Budget::compute`. What is left here is conversion: the
//! shapes of Python's arguments, and `TypeError`s for the wrong ones.

use crate::convert::{Floats, placed_decimal};
use crate::document::is_mapping;
use crate::errors::{OrRaise, boundary};
use crate::plan::NativePlan;
use crate::result::{NativeResult, decimal_str};
use andel::Decimal;
use andel::plan::{Budget, BudgetKey, BudgetParts};
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyDict, PyInt, PyString, PyTuple, PyType};
use std::collections::BTreeMap;
use std::sync::Arc;

/// A member as Python gives it to the native class: id, name, population.
/// A member as core's `BudgetParts` takes it: id, name, population.
type MemberParts<'py> = (String, String, Option<Bound<'py, PyAny>>);

/// The names of a member given as a dict.
const MEMBER_FIELDS: [&str; 3] = ["id", "name", "population"];

/// One budget year's total shared among members by one key.
///
/// >>> budget = Budget("100000", [("a", "A", 3000), ("b", "B", 1000)],
/// ...                 key="blend", fixed="0.3", year=2025)
/// >>> budget.compute().contribution("a", 2025)
/// Decimal('67500')
///
/// Args:
///     total: the amount the members share.
///     members: ``(id, name, population)`` tuples or dicts with those keys,
///         in the order the result lists them. ``population`` may be None
///         (a member that pays a fixed share needs none).
///     key: ``"per_capita"`` (the default), ``"equal"``, ``"blend"`` (the
///         part ``fixed`` in equal parts, the rest per capita) or
///         ``"fixed_shares"`` (the members in ``shares`` pay those fractions
///         of the total, the others share the rest per capita).
///     fixed: the blend's equal part, from 0 to 1 (only with ``"blend"``).
///     shares: member id to its fraction of the total (only with
///         ``"fixed_shares"``).
///     unit: every contribution is a whole multiple of this (default 1).
///     year: the budget year (required): the result is keyed by it, and
///         populations count as of 31 December of it.
///     method: the apportionment method (see :data:`andel.METHODS`).
///     currency: the currency code (default ``"SEK"``).
///
/// Numbers are ``decimal.Decimal``, ``int`` or ``str``; a ``float`` raises
/// :class:`TypeError` because it has lost its exact value. ``key``,
/// ``unit``, ``method`` and ``currency`` given as None are the defaults,
/// which are core's.
///
/// Raises:
///     PlanError: a value that is not a number (code ``invalid_number``), an
///         unknown key or a key given the wrong arguments (``invalid_key``,
///         at ``key``), an unknown method (``unknown_method``, at
///         ``method``). ``.path`` names the input, e.g.
///         ``members[2].population``. Everything else (a missing
///         population, a fixed part outside 0..1, a share of an unknown
///         member, ...) is found by :meth:`compute`.
///     TypeError: a float, a bool, or a member of the wrong shape.
#[pyclass(frozen, subclass, module = "andel", name = "Budget")]
pub struct NativeBudget {
    budget: Budget,
}

#[pymethods]
impl NativeBudget {
    // Reads a budget from its parts, in the order core's
    // `BudgetParts::read` fixes for every runtime; every other check is
    // `compute`'s.
    #[new]
    #[pyo3(
        signature = (total, members, *, year, key = None, fixed = None, shares = None, unit = None, method = None, currency = None),
        text_signature = "(total, members, *, year, key='per_capita', fixed=None, shares=None, unit=1, method='largest_remainder', currency='SEK')"
    )]
    #[allow(clippy::too_many_arguments)]
    fn py_new(
        py: Python<'_>,
        total: &Bound<'_, PyAny>,
        members: &Bound<'_, PyAny>,
        year: &Bound<'_, PyAny>,
        key: Option<String>,
        fixed: Option<&Bound<'_, PyAny>>,
        shares: Option<&Bound<'_, PyAny>>,
        unit: Option<&Bound<'_, PyAny>>,
        method: Option<String>,
        currency: Option<String>,
    ) -> PyResult<Self> {
        boundary(py, || {
            if members.is_instance_of::<PyString>()
                || members.is_instance_of::<pyo3::types::PyBytes>()
                || is_mapping(members)?
            {
                return Err(PyTypeError::new_err(format!(
                    "members: expected a sequence of (id, name, population) tuples or dicts, not {}",
                    type_name(members)?
                )));
            }
            if year.is_instance_of::<PyBool>() || !year.is_instance_of::<PyInt>() {
                return Err(PyTypeError::new_err(format!(
                    "year: expected an int, not {}",
                    type_name(year)?
                )));
            }
            let members = members
                .try_iter()?
                .enumerate()
                .map(|(i, member)| member_parts(i, &member?))
                .collect::<PyResult<Vec<_>>>()?;
            let shares = match shares {
                None => None,
                Some(shares) => Some(
                    shares
                        .call_method0("items")?
                        .try_iter()?
                        .map(|item| item?.extract())
                        .collect::<PyResult<Vec<(String, Bound<'_, PyAny>)>>>()?,
                ),
            };
            let parts = BudgetParts {
                year: year.extract()?,
                currency,
                total: total.clone(),
                unit: unit.cloned(),
                method,
                key: key.unwrap_or_else(|| BudgetKey::default().name().to_string()),
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

    /// The reference budget: the first year (2021) of
    /// :meth:`andel.Plan.reference`, its net cost of 1 250 000 SEK shared
    /// per capita among its six paying municipalities.
    #[classmethod]
    fn reference<'py>(cls: &Bound<'py, PyType>) -> PyResult<Bound<'py, PyAny>> {
        let py = cls.py();
        let held = Bound::new(
            py,
            NativeBudget {
                budget: Budget::reference(),
            },
        )?;
        if cls.is(py.get_type::<NativeBudget>()) {
            return Ok(held.into_any());
        }
        // A subclass is made by its own constructor, from the same values.
        cls.call_method1("from_dict", (held.call_method0("to_dict")?,))
    }

    /// A budget from a dict shaped like :meth:`to_dict` (core's serde
    /// form: ``{"year", "total", "unit", "key": {"type", "fixed" |
    /// "shares"}, "members": [{"id", "name", "population"}], ...}``);
    /// ``unit``, ``method``, ``currency`` and ``key`` may be left out.
    #[classmethod]
    fn from_dict<'py>(
        cls: &Bound<'py, PyType>,
        data: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyAny>> {
        const KNOWN: [&str; 7] = [
            "year", "currency", "total", "unit", "method", "key", "members",
        ];
        let unknown = keys_outside(data, &KNOWN, true)?;
        if !unknown.is_empty() {
            return Err(PyTypeError::new_err(format!(
                "unknown budget field {unknown}"
            )));
        }
        let py = cls.py();
        let kwargs = PyDict::new(py);
        if data.contains("key")? {
            let key = py.get_type::<PyDict>().call1((data.get_item("key")?,))?;
            let key = key.cast::<PyDict>()?;
            let name = key.call_method1("pop", ("type", py.None()))?;
            if !name.is_instance_of::<PyString>() {
                return Err(PyTypeError::new_err(
                    "key: expected a dict with a str `type`",
                ));
            }
            let extra = keys_outside(key, &["fixed", "shares"], false)?;
            if !extra.is_empty() {
                return Err(PyTypeError::new_err(format!("key: unknown field {extra}")));
            }
            kwargs.set_item("key", name)?;
            kwargs.set_item("fixed", key.get_item("fixed")?)?;
            kwargs.set_item("shares", key.get_item("shares")?)?;
        }
        for option in ["unit", "method", "currency"] {
            if data.contains(option)? {
                kwargs.set_item(option, data.get_item(option)?)?;
            }
        }
        let args = (data.get_item("total")?, data.get_item("members")?);
        kwargs.set_item("year", data.get_item("year")?)?;
        cls.call(args, Some(&kwargs))
    }

    /// The budget year.
    #[getter]
    fn year(&self) -> i32 {
        self.budget.year
    }

    /// The currency code.
    #[getter]
    fn currency(&self) -> &str {
        &self.budget.currency
    }

    /// The amount the members share.
    #[getter]
    fn total(&self) -> Decimal {
        self.budget.total
    }

    /// The rounding unit.
    #[getter]
    fn unit(&self) -> Decimal {
        self.budget.unit
    }

    /// The apportionment method's name.
    #[getter]
    fn method(&self) -> &'static str {
        self.budget.method.name()
    }

    /// The key's name, one of :data:`andel.BUDGET_KEYS`.
    #[getter]
    fn key(&self) -> &'static str {
        self.budget.key.name()
    }

    /// The blend's equal part, or None for another key.
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

    /// The members, in order.
    #[getter]
    fn members<'py>(&self, py: Python<'py>) -> PyResult<Vec<Bound<'py, PyAny>>> {
        let class = py.import("andel._budget")?.getattr("BudgetMember")?;
        self.budget
            .members
            .iter()
            .map(|m| class.call1((&m.id, &m.name, m.population)))
            .collect()
    }

    /// Every member's contribution: the result of the equivalent
    /// one-year plan (:meth:`to_plan`), the same type as
    /// :meth:`andel.Plan.compute` gives.
    ///
    /// Raises:
    ///     PlanError: with ``.path`` in the budget, e.g. ``missing_figure``
    ///         at ``members[1].population``, ``invalid_key`` at
    ///         ``key.fixed``, ``unknown_member`` at ``key.shares.m9``,
    ///         ``not_multiple_of_unit`` at ``total``.
    fn compute(&self, py: Python<'_>) -> PyResult<NativeResult> {
        boundary(py, || {
            let computed = py.detach(|| self.budget.computed()).or_raise(py)?;
            Ok(NativeResult::new(computed))
        })
    }

    /// The equivalent plan: one year, one cost line of ``total``, the
    /// populations counted on 31 December of the budget year.
    ///
    /// Raises:
    ///     PlanError: only for a year outside the calendar's range (at
    ///         ``year``); the plan is checked when it is computed.
    fn to_plan(&self, py: Python<'_>) -> PyResult<NativePlan> {
        boundary(py, || {
            let plan = self.budget.to_plan().or_raise(py)?;
            Ok(NativePlan::new(Arc::new(plan)))
        })
    }

    /// The budget in core's serde form, with the names of a plan
    /// document and numbers as strings: ``{"year", "currency", "total",
    /// "unit", "method", "key": {"type": "blend", "fixed": "0.3"},
    /// "members": [{"id", "name", "population"}]}``; :meth:`from_dict`
    /// reads it back.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        boundary(py, || {
            let json = serde_json::to_string(&self.budget).map_err(|e| {
                pyo3::exceptions::PyRuntimeError::new_err(format!("serialising the budget: {e}"))
            })?;
            py.import("json")?.call_method1("loads", (json,))
        })
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let budget = &self.budget;
        let mut key = budget.key.name().to_string();
        if let Some(fixed) = self.fixed() {
            key += &format!(" (fixed {})", decimal_str(py, fixed)?);
        }
        Ok(format!(
            "<Budget {}: {} {} by {key}, unit {}, {} members>",
            budget.year,
            decimal_str(py, budget.total)?,
            budget.currency,
            decimal_str(py, budget.unit)?,
            budget.members.len()
        ))
    }

    fn __reduce__<'py>(
        slf: &Bound<'py, Self>,
    ) -> PyResult<(Bound<'py, PyAny>, (Bound<'py, PyAny>,))> {
        let from_dict = slf.get_type().getattr("from_dict")?;
        Ok((from_dict, (slf.call_method0("to_dict")?,)))
    }
}

/// The keys of `mapping` not in `known`, sorted, each as its `repr`, joined
/// by ", " (`as_text`: each key's `str` first).
fn keys_outside(mapping: &Bound<'_, PyAny>, known: &[&str], as_text: bool) -> PyResult<String> {
    let mut outside = Vec::new();
    for key in mapping.try_iter()? {
        let key = key?;
        let is_known = match key.cast::<PyString>() {
            Ok(text) => known.contains(&&*text.to_cow()?),
            Err(_) => false,
        };
        if !is_known {
            outside.push(if as_text { key.str()?.into_any() } else { key });
        }
    }
    let sorted = mapping
        .py()
        .import("builtins")?
        .call_method1("sorted", (outside,))?;
    let shown = sorted
        .try_iter()?
        .map(|key| Ok(key?.repr()?.to_cow()?.into_owned()))
        .collect::<PyResult<Vec<String>>>()?;
    Ok(shown.join(", "))
}

/// `type(value).__name__`.
fn type_name(value: &Bound<'_, PyAny>) -> PyResult<String> {
    Ok(value.get_type().name()?.to_cow()?.into_owned())
}

/// `(id, name, population)` of one member given as a tuple or a dict, or a
/// `TypeError` naming it.
fn member_parts<'py>(index: usize, member: &Bound<'py, PyAny>) -> PyResult<MemberParts<'py>> {
    let at = format!("members[{index}]");
    let (id, name, population) = if is_mapping(member)? {
        let unknown = keys_outside(member, &MEMBER_FIELDS, true)?;
        if !unknown.is_empty() {
            return Err(PyTypeError::new_err(format!(
                "{at}: unknown key {unknown}: a member has id, name and population"
            )));
        }
        let mut missing = Vec::new();
        for field in ["id", "name"] {
            if !member.contains(field)? {
                missing.push(field);
            }
        }
        if !missing.is_empty() {
            return Err(PyTypeError::new_err(format!(
                "{at}: missing {}",
                missing.join(" and ")
            )));
        }
        let population = member.call_method1("get", ("population",))?;
        (member.get_item("id")?, member.get_item("name")?, population)
    } else if let Ok(tuple) = member.cast::<PyTuple>() {
        if tuple.len() != 3 {
            return Err(PyTypeError::new_err(format!(
                "{at}: a member is (id, name, population), not {} values",
                tuple.len()
            )));
        }
        (tuple.get_item(0)?, tuple.get_item(1)?, tuple.get_item(2)?)
    } else {
        return Err(PyTypeError::new_err(format!(
            "{at}: expected an (id, name, population) tuple or a dict, not {}",
            type_name(member)?
        )));
    };
    let text = |value: &Bound<'py, PyAny>, field: &str| -> PyResult<String> {
        match value.cast::<PyString>() {
            Ok(text) => Ok(text.to_cow()?.into_owned()),
            Err(_) => Err(PyTypeError::new_err(format!(
                "{at}.{field}: expected a str, not {}",
                type_name(value)?
            ))),
        }
    };
    let (id, name) = (text(&id, "id")?, text(&name, "name")?);
    Ok((id, name, (!population.is_none()).then_some(population)))
}
