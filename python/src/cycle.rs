//! The annual cycle as Python values: core's calendar, invoices,
//! settlement, scenario comparison and causes of change, in the shape of
//! their serde JSON with every decimal a `decimal.Decimal`.
//!
//! Built from the typed structs (like `result.rs`), because only the types
//! know which values are decimals: a comparison's `a` is a plan's name at the
//! top and an amount in a year. Every struct is destructured in full, so a
//! field added to core fails this build instead of going missing.

use andel::cycle::{
    Calendar, CalendarEntry, Cause, CauseKind, ChangeExplanation, Figures, Invoice, InvoiceRun,
    Invoices, LineSettlement, MemberDiff, MemberFigure, MemberSettlement, ScenarioDiff, Settlement,
    YearDiff,
};
use andel::text::Lang;
use pyo3::prelude::*;
use pyo3::types::PyDict;

/// One dict per item, in order.
fn all<'py, T>(
    py: Python<'py>,
    items: &[T],
    to_dict: fn(Python<'py>, &T) -> PyResult<Bound<'py, PyDict>>,
) -> PyResult<Vec<Bound<'py, PyDict>>> {
    items.iter().map(|item| to_dict(py, item)).collect()
}

fn figures_name(figures: Figures) -> &'static str {
    // serde's snake_case names, so the dict matches core's JSON.
    match figures {
        Figures::None => "none",
        Figures::Contributions => "contributions",
        Figures::Settlement => "settlement",
    }
}

fn entry_dict<'py>(py: Python<'py>, entry: &CalendarEntry) -> PyResult<Bound<'py, PyDict>> {
    let CalendarEntry {
        date,
        budget_year,
        milestone,
        name,
        due,
        who,
        figures,
        amounts,
    } = entry;
    let dict = PyDict::new(py);
    // Dates stay the ISO text of core's JSON, as in PlanResult.to_dict().
    dict.set_item("date", date.to_string())?;
    dict.set_item("budget_year", budget_year)?;
    dict.set_item("milestone", milestone)?;
    dict.set_item("name", name)?;
    dict.set_item("due", due)?;
    dict.set_item("who", who)?;
    dict.set_item("figures", figures_name(*figures))?;
    dict.set_item("amounts", all(py, amounts, figure_dict)?)?;
    Ok(dict)
}

fn figure_dict<'py>(py: Python<'py>, figure: &MemberFigure) -> PyResult<Bound<'py, PyDict>> {
    let MemberFigure { id, name, amount } = figure;
    let dict = PyDict::new(py);
    dict.set_item("id", id)?;
    dict.set_item("name", name)?;
    dict.set_item("amount", amount)?;
    Ok(dict)
}

/// A year's invoices, run by run.
pub fn invoices_dict<'py>(py: Python<'py>, invoices: &Invoices) -> PyResult<Bound<'py, PyDict>> {
    let Invoices {
        year,
        currency,
        net,
        settles,
        runs,
    } = invoices;
    let dict = PyDict::new(py);
    dict.set_item("year", year)?;
    dict.set_item("currency", currency)?;
    dict.set_item("net", net)?;
    dict.set_item("settles", settles)?;
    dict.set_item("runs", all(py, runs, run_dict)?)?;
    Ok(dict)
}

fn run_dict<'py>(py: Python<'py>, run: &InvoiceRun) -> PyResult<Bound<'py, PyDict>> {
    let InvoiceRun {
        instalment,
        due,
        total,
        invoices,
    } = run;
    let dict = PyDict::new(py);
    dict.set_item("instalment", instalment)?;
    dict.set_item("due", due.to_string())?;
    dict.set_item("total", total)?;
    dict.set_item("invoices", all(py, invoices, invoice_dict)?)?;
    Ok(dict)
}

fn invoice_dict<'py>(py: Python<'py>, invoice: &Invoice) -> PyResult<Bound<'py, PyDict>> {
    let Invoice {
        member,
        name,
        instalment,
        due,
        amount,
        settlement,
        total,
        reference,
    } = invoice;
    let dict = PyDict::new(py);
    dict.set_item("member", member)?;
    dict.set_item("name", name)?;
    dict.set_item("instalment", instalment)?;
    dict.set_item("due", due.to_string())?;
    dict.set_item("amount", amount)?;
    dict.set_item("settlement", settlement)?;
    dict.set_item("total", total)?;
    dict.set_item("reference", reference)?;
    Ok(dict)
}

/// The settlement of a year's outcome.
pub fn settlement_dict<'py>(py: Python<'py>, s: &Settlement) -> PyResult<Bound<'py, PyDict>> {
    let Settlement {
        year,
        currency,
        planned,
        actual,
        difference,
        lines,
        members,
    } = s;
    let dict = PyDict::new(py);
    dict.set_item("year", year)?;
    dict.set_item("currency", currency)?;
    dict.set_item("planned", planned)?;
    dict.set_item("actual", actual)?;
    dict.set_item("difference", difference)?;
    dict.set_item("lines", all(py, lines, line_settlement_dict)?)?;
    dict.set_item("members", all(py, members, member_settlement_dict)?)?;
    Ok(dict)
}

fn line_settlement_dict<'py>(py: Python<'py>, l: &LineSettlement) -> PyResult<Bound<'py, PyDict>> {
    let LineSettlement {
        id,
        name,
        planned_gross,
        actual_gross,
        planned_net,
        actual_net,
    } = l;
    let dict = PyDict::new(py);
    dict.set_item("id", id)?;
    dict.set_item("name", name)?;
    dict.set_item("planned_gross", planned_gross)?;
    dict.set_item("actual_gross", actual_gross)?;
    dict.set_item("planned_net", planned_net)?;
    dict.set_item("actual_net", actual_net)?;
    Ok(dict)
}

fn member_settlement_dict<'py>(
    py: Python<'py>,
    m: &MemberSettlement,
) -> PyResult<Bound<'py, PyDict>> {
    let MemberSettlement {
        id,
        name,
        planned,
        actual,
        settlement,
    } = m;
    let dict = PyDict::new(py);
    dict.set_item("id", id)?;
    dict.set_item("name", name)?;
    dict.set_item("planned", planned)?;
    dict.set_item("actual", actual)?;
    dict.set_item("settlement", settlement)?;
    Ok(dict)
}

/// The comparison of two plans.
pub fn diff_dict<'py>(py: Python<'py>, d: &ScenarioDiff) -> PyResult<Bound<'py, PyDict>> {
    let ScenarioDiff {
        a,
        b,
        currency,
        years,
        totals,
        change,
    } = d;
    let dict = PyDict::new(py);
    // Here a and b are the plans' names; in the years they are amounts.
    dict.set_item("a", a)?;
    dict.set_item("b", b)?;
    dict.set_item("currency", currency)?;
    dict.set_item("years", all(py, years, year_diff_dict)?)?;
    dict.set_item("totals", all(py, totals, member_diff_dict)?)?;
    dict.set_item("change", change)?;
    Ok(dict)
}

fn year_diff_dict<'py>(py: Python<'py>, y: &YearDiff) -> PyResult<Bound<'py, PyDict>> {
    let YearDiff {
        year,
        a,
        b,
        change,
        members,
    } = y;
    let dict = PyDict::new(py);
    dict.set_item("year", year)?;
    dict.set_item("a", a)?;
    dict.set_item("b", b)?;
    dict.set_item("change", change)?;
    dict.set_item("members", all(py, members, member_diff_dict)?)?;
    Ok(dict)
}

fn member_diff_dict<'py>(py: Python<'py>, m: &MemberDiff) -> PyResult<Bound<'py, PyDict>> {
    let MemberDiff {
        id,
        name,
        a,
        b,
        change,
        change_percent,
    } = m;
    let dict = PyDict::new(py);
    dict.set_item("id", id)?;
    dict.set_item("name", name)?;
    dict.set_item("a", a)?;
    dict.set_item("b", b)?;
    dict.set_item("change", change)?;
    dict.set_item("change_percent", change_percent)?;
    Ok(dict)
}

/// Why a member's contribution changed: the causes, and core's text in `lang`.
fn change_dict<'py>(
    py: Python<'py>,
    c: &ChangeExplanation,
    lang: Lang,
) -> PyResult<Bound<'py, PyDict>> {
    let text = c.to_text(lang);
    let ChangeExplanation {
        member,
        name,
        year,
        previous,
        contribution,
        change,
        causes,
        currency,
    } = c;
    let dict = PyDict::new(py);
    dict.set_item("member", member)?;
    dict.set_item("name", name)?;
    dict.set_item("year", year)?;
    dict.set_item("previous", previous)?;
    dict.set_item("contribution", contribution)?;
    dict.set_item("change", change)?;
    dict.set_item("causes", all(py, causes, cause_dict)?)?;
    dict.set_item("currency", currency)?;
    dict.set_item("text", text)?;
    Ok(dict)
}

fn kind_name(kind: CauseKind) -> &'static str {
    // serde's snake_case names, so the dict matches core's JSON.
    match kind {
        CauseKind::CostLevel => "cost_level",
        CauseKind::NewLines => "new_lines",
        CauseKind::EndedLines => "ended_lines",
        CauseKind::Funding => "funding",
        CauseKind::PopulationShare => "population_share",
        CauseKind::Band => "band",
        CauseKind::Membership => "membership",
        CauseKind::Rounding => "rounding",
    }
}

fn cause_dict<'py>(py: Python<'py>, c: &Cause) -> PyResult<Bound<'py, PyDict>> {
    let Cause {
        kind,
        amount,
        exact,
        from,
    } = c;
    let dict = PyDict::new(py);
    dict.set_item("kind", kind_name(*kind))?;
    dict.set_item("amount", amount)?;
    // Exact fractions stay core's "n/d" text.
    dict.set_item("exact", exact.as_ref().map(|f| f.to_string()))?;
    dict.set_item("from", from)?;
    Ok(dict)
}

/// Why a member's contribution changed, as an `andel.ChangeExplanation`
/// (the dataclass of `andel/_cycle.py`) with core's text in `lang`.
pub fn change_explanation<'py>(
    py: Python<'py>,
    c: &ChangeExplanation,
    lang: Lang,
) -> PyResult<Bound<'py, PyAny>> {
    let class = py.import("andel._cycle")?.getattr("ChangeExplanation")?;
    class.call((), Some(&change_dict(py, c, lang)?))
}

/// A calendar's entries by date, one dict each.
pub fn calendar_entries<'py>(
    py: Python<'py>,
    calendar: &Calendar,
) -> PyResult<Vec<Bound<'py, PyDict>>> {
    all(py, &calendar.entries, entry_dict)
}
