//! `andel.PlanResult` and `andel.Explanation`: core's computed plan and
//! its explanations as the public Python classes.
//!
//! A computed plan as Python values: core's `PlanResult` in the shape of its
//! serde JSON, with every decimal a `decimal.Decimal`.
//!
//! Built from the typed structs rather than from the JSON text, because only
//! the types know which strings are decimals (a member's name may be
//! "2021"). Every struct is destructured in full (`struct_dict!`), so a
//! field added to core fails this build instead of going missing from
//! `to_dict()`.

use crate::document::write_file;
use crate::errors::{OrRaise, boundary};
use crate::text::lang_for;
use andel::plan::{
    LineAmount, LineResult, MemberTotal, MemberYear, Membership, PlanResult, YearResult,
};
use andel::{Computed, Decimal, Explanation};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict, PyString, PyType};

type Dict<'py> = PyResult<Bound<'py, PyDict>>;

/// The whole result, keys in core's serde order.
pub fn result_dict<'py>(py: Python<'py>, result: &PlanResult) -> Dict<'py> {
    Ok(struct_dict!(py, result, PlanResult {
        name, currency, unit, method => method.name(), years => all(py, years, year_dict)?,
        totals => all(py, totals, total_dict)?, total, notes,
    }))
}

/// One dict per item, in order.
fn all<'py, T>(
    py: Python<'py>,
    items: &[T],
    to_dict: fn(Python<'py>, &T) -> Dict<'py>,
) -> PyResult<Vec<Bound<'py, PyDict>>> {
    items.iter().map(|item| to_dict(py, item)).collect()
}

fn year_dict<'py>(py: Python<'py>, year: &YearResult) -> Dict<'py> {
    Ok(struct_dict!(py, year, YearResult {
        year, lines => all(py, lines, line_dict)?, gross, funding, net,
        // Built one at a time and not kept: a large result is not held twice.
        members => members.rows().map(|m| member_dict(py, &m)).collect::<PyResult<Vec<_>>>()?,
    }))
}

fn line_dict<'py>(py: Python<'py>, line: &LineResult) -> Dict<'py> {
    Ok(struct_dict!(
        py,
        line,
        LineResult {
            id,
            name,
            gross,
            funding,
            net,
            participants => &participants[..]
        }
    ))
}

// Dates stay the ISO text of core's JSON ("2019-12-31"), exact fractions
// core's "n/d" text.
fn member_dict<'py>(py: Python<'py>, member: &MemberYear) -> Dict<'py> {
    Ok(struct_dict!(py, member, MemberYear {
        id, name, paying, population,
        population_date => population_date.map(|d| d.to_string()),
        population_carried_from => population_carried_from.map(|d| d.to_string()),
        membership => membership.as_ref().map(|m| membership_dict(py, m)).transpose()?,
        share => share.to_string(), share_percent, exact => exact.to_string(), exact_decimal,
        contribution, rounding, lines => all(py, lines, line_amount_dict)?, in_kind, cash_due,
        change, change_percent, limits,
    }))
}

fn membership_dict<'py>(py: Python<'py>, membership: &Membership) -> Dict<'py> {
    Ok(struct_dict!(
        py,
        membership,
        Membership { counted, of, unit }
    ))
}

fn line_amount_dict<'py>(py: Python<'py>, amount: &LineAmount) -> Dict<'py> {
    Ok(struct_dict!(py, amount, LineAmount { line, amount, share => share.to_string() }))
}

fn total_dict<'py>(py: Python<'py>, total: &MemberTotal) -> Dict<'py> {
    Ok(struct_dict!(
        py,
        total,
        MemberTotal {
            id,
            name,
            contribution,
            in_kind
        }
    ))
}

/// `value` as Python's `str()` of its `decimal.Decimal`, the text a
/// Python f-string shows.
pub fn decimal_str(py: Python<'_>, value: Decimal) -> PyResult<String> {
    Ok(value.into_pyobject(py)?.str()?.to_cow()?.into_owned())
}

/// Every member's contribution for every budget year of a plan.
///
/// Made by :meth:`andel.Plan.compute`. Contributions are whole multiples of
/// the plan's unit; every year's contributions add up exactly to the year's
/// net cost, and every member's line amounts to its contribution.
///
/// In a notebook the result shows as a table of members by years
/// (``_repr_html_``); :meth:`to_html` gives the same table.
///
/// >>> from andel import Plan
/// >>> result = Plan.reference().compute()
/// >>> result.contributions()[2021]["hylte"]
/// Decimal('59163')
/// >>> [year["net"] for year in result.years][:2]
/// [Decimal('1250000'), Decimal('1081500')]
#[pyclass(frozen, module = "andel", name = "PlanResult")]
pub struct NativeResult {
    computed: Computed,
}

impl NativeResult {
    /// Holds a plan core has computed.
    pub(crate) fn new(computed: Computed) -> Self {
        NativeResult { computed }
    }

    fn result(&self) -> &PlanResult {
        self.computed.result()
    }

    /// The Python glue (pandas, HTML) `module.function`, called with this
    /// result and `kwargs`.
    fn glue<'py>(
        slf: &Bound<'py, Self>,
        module: &str,
        function: &str,
        kwargs: &Bound<'py, PyDict>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let py = slf.py();
        py.import(module)?
            .getattr(function)?
            .call((slf,), Some(kwargs))
    }
}

#[pymethods]
impl NativeResult {
    /// The result in the shape of the Rust core's JSON, decimals as
    /// :class:`decimal.Decimal`; exact fractions (``share``, ``exact``) and
    /// dates stay text. A new dict each call.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        boundary(py, || result_dict(py, self.result()))
    }

    /// The plan's name.
    #[getter]
    fn name(&self) -> &str {
        &self.result().name
    }

    /// The currency code, e.g. ``"SEK"``.
    #[getter]
    fn currency(&self) -> &str {
        &self.result().currency
    }

    /// The rounding unit of every contribution.
    #[getter]
    fn unit(&self) -> Decimal {
        self.result().unit
    }

    /// The apportionment method (one of ``andel.METHODS``).
    #[getter]
    fn method(&self) -> &'static str {
        self.result().method.name()
    }

    /// The budget years in order, each a dict: ``year``, ``lines``,
    /// ``gross``, ``funding``, ``net`` and ``members`` (every member in plan
    /// order, with its ``contribution`` and how it arose).
    #[getter]
    fn years<'py>(&self, py: Python<'py>) -> PyResult<Vec<Bound<'py, PyDict>>> {
        boundary(py, || all(py, &self.result().years, year_dict))
    }

    /// Per member in plan order, the sums over the horizon (``contribution``
    /// and ``in_kind``), as computed by the Rust core.
    #[getter]
    fn totals<'py>(&self, py: Python<'py>) -> PyResult<Vec<Bound<'py, PyDict>>> {
        boundary(py, || all(py, &self.result().totals, total_dict))
    }

    /// Things the reader should know, e.g. population figures carried
    /// forward: one line per cause, in English (the data's language, the
    /// same in every runtime); :meth:`notes_in` gives them in Swedish.
    #[getter]
    fn notes(&self) -> Vec<String> {
        self.result().notes.clone()
    }

    /// The notes in ``lang`` (``"sv"`` or ``"en"``; None: the core's
    /// default for the plan's currency, Swedish for SEK), as the core words
    /// them.
    ///
    /// Raises:
    ///     InputError: code ``unknown_language`` for another ``lang``.
    #[pyo3(signature = (lang = None))]
    fn notes_in(&self, py: Python<'_>, lang: Option<&str>) -> PyResult<Vec<String>> {
        boundary(py, || {
            let lang = lang_for(py, lang, &self.result().currency)?;
            Ok(self.result().notes_in(lang))
        })
    }

    /// What ``member`` (its id) pays in budget ``year``.
    ///
    /// Raises:
    ///     PlanError: code ``unknown_member`` or ``year_outside_horizon``.
    fn contribution(&self, py: Python<'_>, member: &str, year: i64) -> PyResult<Decimal> {
        boundary(py, || self.computed.contribution(member, year).or_raise(py))
    }

    /// Every contribution: year → member id → amount, in plan order.
    fn contributions<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        boundary(py, || {
            let out = PyDict::new(py);
            for year in &self.result().years {
                let members = PyDict::new(py);
                for member in &year.members {
                    members.set_item(&member.id, member.contribution)?;
                }
                out.set_item(year.year, members)?;
            }
            Ok(out)
        })
    }

    /// How ``member``'s contribution in ``year`` arose.
    ///
    /// Args:
    ///     lang: the language of the sentences, ``"sv"`` or ``"en"``; None
    ///         (the default) is the Rust core's default for the plan's
    ///         currency: Swedish (sv-SE figures, ``kr``) for SEK, English
    ///         otherwise.
    ///
    /// Raises:
    ///     PlanError: code ``unknown_member`` or ``year_outside_horizon``.
    ///     InputError: code ``unknown_language`` for another ``lang``.
    #[pyo3(signature = (member, year, *, lang = None))]
    fn explain(
        &self,
        py: Python<'_>,
        member: &str,
        year: i64,
        lang: Option<&str>,
    ) -> PyResult<NativeExplanation> {
        boundary(py, || {
            let lang = lang_for(py, lang, &self.result().currency)?;
            let explanation = self
                .computed
                .explain(member, year, Some(lang))
                .or_raise(py)?;
            Ok(NativeExplanation::from(explanation))
        })
    }

    /// The result as the Rust core's pretty JSON text (decimals as
    /// strings, so they stay exact in any JSON reader).
    fn to_json(&self, py: Python<'_>) -> PyResult<String> {
        boundary(py, || Ok(self.result().to_json()))
    }

    /// The contributions as CSV, one row per member and year: ``year,
    /// member, name, share, share_percent, contribution``, one column per
    /// cost line, then ``in_kind``.
    ///
    /// Args:
    ///     path: when given, the CSV is also written to this file.
    ///     encoding: of the file; ``"utf-8-sig"`` makes Excel read å, ä, ö
    ///         right when it opens the file directly.
    ///
    /// Returns:
    ///     The CSV text (the Rust core's, unchanged).
    #[pyo3(signature = (path = None, *, encoding = "utf-8"))]
    fn to_csv(
        &self,
        py: Python<'_>,
        path: Option<&Bound<'_, PyAny>>,
        encoding: &str,
    ) -> PyResult<String> {
        boundary(py, || {
            let text = self.result().to_csv();
            if let Some(path) = path {
                write_file(path, PyString::new(py, &text).as_any(), Some(encoding))?;
            }
            Ok(text)
        })
    }

    /// The result as an Excel workbook (.xlsx), written by the Rust core:
    /// a summary sheet (members by years, totals, and the in-kind values
    /// when there are any) and one sheet per budget year, amounts as
    /// numbers in the currency's format, totals as ``SUM`` formulas whose
    /// stored results are andel's exact figures.
    ///
    /// Args:
    ///     path: when given, the workbook is also written to this file
    ///         (name it ``.xlsx``).
    ///     lang: the language of sheet names, headers and titles,
    ///         ``"sv"`` (``Sammanställning``, ``Medlem``, ``Totalt``) or
    ///         ``"en"`` (``Summary``, ``Member``, ``Total``); None (the
    ///         default) is the core's default for the plan's currency:
    ///         Swedish for SEK, English otherwise. Amounts stay numbers in
    ///         every language.
    ///
    /// Returns:
    ///     The bytes of the .xlsx file.
    ///
    /// Raises:
    ///     InputError: code ``unknown_language`` for another ``lang``.
    #[pyo3(signature = (path = None, *, lang = None))]
    fn to_excel<'py>(
        &self,
        py: Python<'py>,
        path: Option<&Bound<'py, PyAny>>,
        lang: Option<&str>,
    ) -> PyResult<Bound<'py, PyBytes>> {
        boundary(py, || {
            let lang = lang_for(py, lang, &self.result().currency)?;
            let bytes = self.result().to_xlsx_in(lang).or_raise(py)?;
            let data = PyBytes::new(py, &bytes);
            if let Some(path) = path {
                write_file(path, data.as_any(), None)?;
            }
            Ok(data)
        })
    }

    /// The result as a tidy :class:`pandas.DataFrame`: one row per
    /// observation, one column per variable, ready for ``groupby``,
    /// ``pivot`` and plotting.
    ///
    /// Amounts stay exact: money columns hold :class:`decimal.Decimal`
    /// (object dtype), never floats; convert explicitly for a chart
    /// (``df["contribution"].astype(float)``), not for sums.
    ///
    /// Args:
    ///     table: which table:
    ///
    ///         - ``"members"`` (default): one row per budget year and
    ///           member, columns ``year, member, name, paying, population,
    ///           share, share_percent, contribution, in_kind, change``
    ///           (``share`` the exact fraction as text, ``"n/d"``).
    ///         - ``"lines"``: one row per year, member and cost line,
    ///           columns ``year, member, name, line, amount``.
    ///         - ``"years"``: one row per budget year, columns ``year,
    ///           gross, funding, net``.
    ///
    /// Raises:
    ///     ImportError: pandas is not installed (``pip install "andel[pandas]"``,
    ///         or from the repository ``pip install "./python[pandas]"``).
    ///     ValueError: an unknown ``table``.
    #[pyo3(signature = (table = "members"))]
    fn to_pandas<'py>(slf: &Bound<'py, Self>, table: &str) -> PyResult<Bound<'py, PyAny>> {
        let kwargs = PyDict::new(slf.py());
        kwargs.set_item("table", table)?;
        Self::glue(slf, "andel._result", "to_pandas", &kwargs)
    }

    /// A table of contributions, members by years, with a total per
    /// member (the Rust core's totals), the in-kind values beside the cash
    /// when any member contributes in kind, and a total row (the year's
    /// net cost). Labels and figures are the core's.
    ///
    /// Args:
    ///     lang: ``"sv"`` (Swedish labels, ``1 250 000``) or ``"en"``
    ///         (English labels, ``1250000``); None uses
    ///         :func:`andel.use_swedish_format`'s override when one is
    ///         set, else the core's default for the plan's currency
    ///         (Swedish for SEK).
    ///     swedish: the older spelling of ``lang``: True is ``"sv"``,
    ///         False ``"en"``.
    ///
    /// Raises:
    ///     InputError: code ``unknown_language`` for another ``lang``.
    #[pyo3(signature = (*, lang = None, swedish = None))]
    fn to_html<'py>(
        slf: &Bound<'py, Self>,
        lang: Option<&Bound<'py, PyAny>>,
        swedish: Option<bool>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let py = slf.py();
        let lang = match (lang, swedish) {
            (None, Some(swedish)) => {
                Some(PyString::new(py, if swedish { "sv" } else { "en" }).into_any())
            }
            (lang, _) => lang.cloned(),
        };
        let kwargs = PyDict::new(py);
        kwargs.set_item("lang", lang)?;
        Self::glue(slf, "andel._display", "result_html", &kwargs)
    }

    /// The table Jupyter shows for a result: :meth:`to_html` in the
    /// default language (see :func:`andel.use_swedish_format`).
    fn _repr_html_<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyAny>> {
        Self::to_html(slf, None, None)
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let result = self.result();
        let span = match (result.years.first(), result.years.last()) {
            (Some(first), Some(last)) => format!("{}–{}", first.year, last.year),
            _ => "no years".to_string(),
        };
        Ok(format!(
            "<PlanResult {} {span}: {} members, {}, unit {}>",
            PyString::new(py, &result.name).repr()?,
            result.totals.len(),
            result.currency,
            decimal_str(py, result.unit)?
        ))
    }
}

/// How ``other`` differs from ``result`` (B − A per member and year, with
/// ``result`` as A). Internal: use ``andel.diff``.
#[pyfunction]
pub fn diff_results<'py>(
    py: Python<'py>,
    result: &NativeResult,
    other: &NativeResult,
) -> PyResult<Bound<'py, PyDict>> {
    boundary(py, || {
        let d = result.computed.diff(&other.computed).or_raise(py)?;
        crate::cycle::diff_dict(py, &d)
    })
}

/// How one member's contribution in one year arose, sentence by sentence.
///
/// ``str(explanation)`` is the whole text, one sentence a line.
///
/// Attributes:
///     member: the member's id.
///     year: the budget year.
///     contribution: the contribution explained.
///     lines: the sentences, from the inputs to the rounded amount.
///     text: all the sentences, one a line, as the Rust core writes them.
#[pyclass(frozen, eq, module = "andel", name = "Explanation")]
#[derive(PartialEq)]
pub struct NativeExplanation {
    #[pyo3(get)]
    member: String,
    #[pyo3(get)]
    year: i32,
    #[pyo3(get)]
    contribution: Decimal,
    #[pyo3(get)]
    lines: Vec<String>,
    #[pyo3(get)]
    text: String,
}

impl From<Explanation> for NativeExplanation {
    fn from(explanation: Explanation) -> Self {
        let text = explanation.to_string();
        let Explanation {
            member,
            year,
            contribution,
            lines,
        } = explanation;
        NativeExplanation {
            member,
            year,
            contribution,
            lines,
            text,
        }
    }
}

#[pymethods]
impl NativeExplanation {
    #[new]
    fn py_new(
        member: String,
        year: i32,
        contribution: Decimal,
        lines: Vec<String>,
        text: String,
    ) -> Self {
        NativeExplanation {
            member,
            year,
            contribution,
            lines,
            text,
        }
    }

    /// The explanation as the Rust core serialises it (``member``,
    /// ``year``, ``contribution``, ``lines``), the contribution a Decimal.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let dict = PyDict::new(py);
        dict.set_item("member", &self.member)?;
        dict.set_item("year", self.year)?;
        dict.set_item("contribution", self.contribution)?;
        dict.set_item("lines", &self.lines)?;
        Ok(dict)
    }

    fn __str__(&self) -> &str {
        &self.text
    }

    /// Pickled (and copied) through its constructor.
    #[allow(clippy::type_complexity)]
    fn __reduce__<'py>(
        slf: &Bound<'py, Self>,
    ) -> (
        Bound<'py, PyType>,
        (String, i32, Decimal, Vec<String>, String),
    ) {
        let e = slf.get();
        let fields = (
            e.member.clone(),
            e.year,
            e.contribution,
            e.lines.clone(),
            e.text.clone(),
        );
        (slf.get_type(), fields)
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        Ok(format!(
            "<Explanation member={} year={} contribution={}>",
            PyString::new(py, &self.member).repr()?,
            self.year,
            decimal_str(py, self.contribution)?
        ))
    }
}
