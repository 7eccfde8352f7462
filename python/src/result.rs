//! A computed plan as Python values: core's `PlanResult` in the shape of its
//! serde JSON, with every decimal a `decimal.Decimal`.
//!
//! Built from the typed structs rather than from the JSON text, because only
//! the types know which strings are decimals (a member's name may be
//! "2021"). Every struct is destructured in full, so a field added to core
//! fails this build instead of going missing from `to_dict()`.

use andel::plan::{
    LineAmount, LineResult, MemberTotal, MemberYear, Membership, PlanResult, YearResult,
};
use pyo3::prelude::*;
use pyo3::types::PyDict;

/// The whole result, keys in core's serde order.
pub fn result_dict<'py>(py: Python<'py>, result: &PlanResult) -> PyResult<Bound<'py, PyDict>> {
    let PlanResult {
        name,
        currency,
        unit,
        method,
        years,
        totals,
        total,
        notes,
    } = result;
    let dict = PyDict::new(py);
    dict.set_item("name", name)?;
    dict.set_item("currency", currency)?;
    dict.set_item("unit", unit)?;
    dict.set_item("method", method.name())?;
    dict.set_item("years", all(py, years, year_dict)?)?;
    dict.set_item("totals", all(py, totals, total_dict)?)?;
    dict.set_item("total", total)?;
    dict.set_item("notes", notes)?;
    Ok(dict)
}

/// One dict per item, in order.
fn all<'py, T>(
    py: Python<'py>,
    items: &[T],
    to_dict: fn(Python<'py>, &T) -> PyResult<Bound<'py, PyDict>>,
) -> PyResult<Vec<Bound<'py, PyDict>>> {
    items.iter().map(|item| to_dict(py, item)).collect()
}

fn year_dict<'py>(py: Python<'py>, year: &YearResult) -> PyResult<Bound<'py, PyDict>> {
    let YearResult {
        year,
        lines,
        gross,
        funding,
        net,
        members,
    } = year;
    let dict = PyDict::new(py);
    dict.set_item("year", year)?;
    dict.set_item("lines", all(py, lines, line_dict)?)?;
    dict.set_item("gross", gross)?;
    dict.set_item("funding", funding)?;
    dict.set_item("net", net)?;
    dict.set_item("members", all(py, members, member_dict)?)?;
    Ok(dict)
}

fn line_dict<'py>(py: Python<'py>, line: &LineResult) -> PyResult<Bound<'py, PyDict>> {
    let LineResult {
        id,
        name,
        gross,
        funding,
        net,
        participants,
    } = line;
    let dict = PyDict::new(py);
    dict.set_item("id", id)?;
    dict.set_item("name", name)?;
    dict.set_item("gross", gross)?;
    dict.set_item("funding", funding)?;
    dict.set_item("net", net)?;
    dict.set_item("participants", participants)?;
    Ok(dict)
}

fn member_dict<'py>(py: Python<'py>, member: &MemberYear) -> PyResult<Bound<'py, PyDict>> {
    let MemberYear {
        id,
        name,
        paying,
        population,
        population_date,
        population_carried_from,
        membership,
        share,
        share_percent,
        exact,
        exact_decimal,
        contribution,
        rounding,
        lines,
        in_kind,
        cash_due,
        change,
        change_percent,
        limits,
    } = member;
    let dict = PyDict::new(py);
    dict.set_item("id", id)?;
    dict.set_item("name", name)?;
    dict.set_item("paying", paying)?;
    dict.set_item("population", population)?;
    // Dates stay the ISO text of core's JSON ("2019-12-31").
    dict.set_item("population_date", population_date.map(|d| d.to_string()))?;
    dict.set_item(
        "population_carried_from",
        population_carried_from.map(|d| d.to_string()),
    )?;
    dict.set_item(
        "membership",
        membership
            .as_ref()
            .map(|m| membership_dict(py, m))
            .transpose()?,
    )?;
    // Exact fractions stay core's "n/d" text.
    dict.set_item("share", share.to_string())?;
    dict.set_item("share_percent", share_percent)?;
    dict.set_item("exact", exact.to_string())?;
    dict.set_item("exact_decimal", exact_decimal)?;
    dict.set_item("contribution", contribution)?;
    dict.set_item("rounding", rounding)?;
    dict.set_item("lines", all(py, lines, line_amount_dict)?)?;
    dict.set_item("in_kind", in_kind)?;
    dict.set_item("cash_due", cash_due)?;
    dict.set_item("change", change)?;
    dict.set_item("change_percent", change_percent)?;
    dict.set_item("limits", limits)?;
    Ok(dict)
}

fn membership_dict<'py>(py: Python<'py>, membership: &Membership) -> PyResult<Bound<'py, PyDict>> {
    let Membership { counted, of, unit } = membership;
    let dict = PyDict::new(py);
    dict.set_item("counted", counted)?;
    dict.set_item("of", of)?;
    dict.set_item("unit", unit)?;
    Ok(dict)
}

fn line_amount_dict<'py>(py: Python<'py>, amount: &LineAmount) -> PyResult<Bound<'py, PyDict>> {
    let LineAmount {
        line,
        amount,
        share,
    } = amount;
    let dict = PyDict::new(py);
    dict.set_item("line", line)?;
    dict.set_item("amount", amount)?;
    dict.set_item("share", share.to_string())?;
    Ok(dict)
}

fn total_dict<'py>(py: Python<'py>, total: &MemberTotal) -> PyResult<Bound<'py, PyDict>> {
    let MemberTotal {
        id,
        name,
        contribution,
        in_kind,
    } = total;
    let dict = PyDict::new(py);
    dict.set_item("id", id)?;
    dict.set_item("name", name)?;
    dict.set_item("contribution", contribution)?;
    dict.set_item("in_kind", in_kind)?;
    Ok(dict)
}
