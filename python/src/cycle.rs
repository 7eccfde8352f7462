//! The annual cycle as Python values: core's calendar, invoices,
//! settlement, scenario comparison and causes of change, in the shape of
//! their serde JSON with every decimal a `decimal.Decimal`.
//!
//! Built from the typed structs (like `result.rs`), because only the types
//! know which values are decimals: a comparison's `a` is a plan's name at the
//! top and an amount in a year. Every struct is destructured in full
//! (`struct_dict!`), so a field added to core fails this build instead of
//! going missing. Dates stay the ISO text of core's JSON, exact fractions
//! core's "n/d" text.

use andel::cycle::{
    Calendar, CalendarEntry, Cause, CauseKind, ChangeExplanation, Figures, Invoice, InvoiceRun,
    Invoices, LineSettlement, MemberDiff, MemberFigure, MemberSettlement, ScenarioDiff, Settlement,
    YearDiff,
};
use andel::text::Lang;
use pyo3::prelude::*;
use pyo3::types::PyDict;

type Dict<'py> = PyResult<Bound<'py, PyDict>>;

/// One dict per item, in order.
fn all<'py, T>(
    py: Python<'py>,
    items: &[T],
    to_dict: fn(Python<'py>, &T) -> Dict<'py>,
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

fn entry_dict<'py>(py: Python<'py>, entry: &CalendarEntry) -> Dict<'py> {
    Ok(struct_dict!(py, entry, CalendarEntry {
        date => date.to_string(), budget_year, milestone, name, due, who,
        figures => figures_name(*figures), amounts => all(py, amounts, figure_dict)?,
    }))
}

fn figure_dict<'py>(py: Python<'py>, figure: &MemberFigure) -> Dict<'py> {
    Ok(struct_dict!(py, figure, MemberFigure { id, name, amount }))
}

/// A year's invoices, run by run.
pub fn invoices_dict<'py>(py: Python<'py>, invoices: &Invoices) -> Dict<'py> {
    Ok(struct_dict!(py, invoices, Invoices {
        year, currency, net, settles, runs => all(py, runs, run_dict)?,
    }))
}

fn run_dict<'py>(py: Python<'py>, run: &InvoiceRun) -> Dict<'py> {
    Ok(struct_dict!(py, run, InvoiceRun {
        instalment, due => due.to_string(), total, invoices => all(py, invoices, invoice_dict)?,
    }))
}

fn invoice_dict<'py>(py: Python<'py>, invoice: &Invoice) -> Dict<'py> {
    Ok(struct_dict!(py, invoice, Invoice {
        member, name, instalment, due => due.to_string(), amount, settlement, total, reference,
    }))
}

/// The settlement of a year's outcome.
pub fn settlement_dict<'py>(py: Python<'py>, s: &Settlement) -> Dict<'py> {
    Ok(struct_dict!(py, s, Settlement {
        year, currency, planned, actual, difference,
        lines => all(py, lines, line_settlement_dict)?,
        members => all(py, members, member_settlement_dict)?,
    }))
}

fn line_settlement_dict<'py>(py: Python<'py>, l: &LineSettlement) -> Dict<'py> {
    Ok(struct_dict!(
        py,
        l,
        LineSettlement {
            id,
            name,
            planned_gross,
            actual_gross,
            planned_net,
            actual_net,
        }
    ))
}

fn member_settlement_dict<'py>(py: Python<'py>, m: &MemberSettlement) -> Dict<'py> {
    Ok(struct_dict!(
        py,
        m,
        MemberSettlement {
            id,
            name,
            planned,
            actual,
            settlement
        }
    ))
}

/// The comparison of two plans. Here `a` and `b` are the plans' names; in
/// the years they are amounts.
pub fn diff_dict<'py>(py: Python<'py>, d: &ScenarioDiff) -> Dict<'py> {
    Ok(struct_dict!(py, d, ScenarioDiff {
        a, b, currency, years => all(py, years, year_diff_dict)?,
        totals => all(py, totals, member_diff_dict)?, change,
    }))
}

fn year_diff_dict<'py>(py: Python<'py>, y: &YearDiff) -> Dict<'py> {
    Ok(struct_dict!(py, y, YearDiff {
        year, a, b, change, members => all(py, members, member_diff_dict)?,
    }))
}

fn member_diff_dict<'py>(py: Python<'py>, m: &MemberDiff) -> Dict<'py> {
    Ok(struct_dict!(
        py,
        m,
        MemberDiff {
            id,
            name,
            a,
            b,
            change,
            change_percent
        }
    ))
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

fn cause_dict<'py>(py: Python<'py>, c: &Cause) -> Dict<'py> {
    Ok(struct_dict!(py, c, Cause {
        kind => kind_name(*kind), amount, exact => exact.as_ref().map(|f| f.to_string()), from,
    }))
}

/// Why a member's contribution changed, as an `andel.ChangeExplanation`
/// (the dataclass of `andel/_cycle.py`) with core's text in `lang`.
pub fn change_explanation<'py>(
    py: Python<'py>,
    c: &ChangeExplanation,
    lang: Lang,
) -> PyResult<Bound<'py, PyAny>> {
    let fields = struct_dict!(py, c, ChangeExplanation {
        member, name, year, previous, contribution, change,
        causes => all(py, causes, cause_dict)?, currency,
    });
    fields.set_item("text", c.to_text(lang))?;
    let class = py.import("andel._cycle")?.getattr("ChangeExplanation")?;
    class.call((), Some(&fields))
}

/// A calendar's entries by date, one dict each.
pub fn calendar_entries<'py>(
    py: Python<'py>,
    calendar: &Calendar,
) -> PyResult<Vec<Bound<'py, PyDict>>> {
    all(py, &calendar.entries, entry_dict)
}
