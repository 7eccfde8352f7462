//! Budget-cycle plans: core's `Plan` and `PlanResult` held for Python.
//!
//! The classes here are internal (`andel._andel.Plan`, `andel._andel.PlanResult`);
//! the documented API is `andel.Plan` and `andel.PlanResult` in
//! `andel/_plan.py` and `andel/_result.py`. Every method reads, checks and
//! computes in core: a plan keeps the text it was read from, and a result
//! is core's [`Computed`], which places every error in that text. This
//! module converts arguments and results only.

use crate::cycle::{calendar_dict, change_dict, diff_dict, invoices_dict, settlement_dict};
use crate::errors::{OrRaise, boundary, from_core};
use crate::result::result_dict;
use crate::text::lang_for;
use andel::cycle::OutcomeSource;
use andel::plan::Format;
use andel::{Computed, Decimal, Explanation, Plan, Source};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict};
use std::path::Path;
use std::sync::Arc;

/// An explanation as Python values: member, year, contribution, the
/// sentences, and core's text of them all.
type ExplanationParts = (String, i32, Decimal, Vec<String>, String);

/// The plan format named `name`: core's rule.
fn format_named(name: &str) -> andel::Result<Format> {
    Format::named(name)
}

/// The format of a plan file by its extension: core's rule.
fn format_of_file(path: &Path) -> andel::Result<&'static str> {
    Format::of_path(path).map(Format::name)
}

fn explanation_parts(explanation: Explanation) -> ExplanationParts {
    let text = explanation.to_string();
    let Explanation {
        member,
        year,
        contribution,
        lines,
    } = explanation;
    (member, year, contribution, lines, text)
}

/// A plan read and checked by core. Internal: use `andel.Plan`.
#[pyclass(frozen, module = "andel._andel", name = "Plan")]
pub struct NativePlan {
    // Shared with the results computed from it, which explain from it.
    plan: Arc<Plan>,
    // The text it was read from, where its errors are placed (none for a
    // plan core built, such as a budget's).
    source: Option<Arc<Source>>,
}

impl NativePlan {
    /// Holds a plan core has built (e.g. a budget's plan).
    pub(crate) fn new(plan: Arc<Plan>) -> Self {
        NativePlan { plan, source: None }
    }

    fn computed(&self) -> andel::Result<Computed> {
        Computed::new(Arc::clone(&self.plan), self.source.clone())
    }
}

#[pymethods]
impl NativePlan {
    /// Reads and checks a plan from `text` in `format` ("toml" or "json").
    #[staticmethod]
    fn read(py: Python<'_>, text: &str, format: &str) -> PyResult<Self> {
        boundary(py, || {
            let source = Source::new(text, format_named(format).or_raise(py)?);
            let plan = py.detach(|| source.read()).or_raise(py)?;
            Ok(NativePlan {
                plan: Arc::new(plan),
                source: Some(Arc::new(source)),
            })
        })
    }

    /// Reads and checks a plan given as Python values (a dict, as the plan
    /// format): core writes it and names every problem by its path.
    #[staticmethod]
    fn from_host(py: Python<'_>, value: &Bound<'_, PyAny>) -> PyResult<Self> {
        boundary(py, || {
            let host = crate::host::host_value(value)?;
            let source = Source::from_host(&host).map_err(|p| crate::host::first_problem(py, p))?;
            let plan = py.detach(|| source.read()).or_raise(py)?;
            Ok(NativePlan {
                plan: Arc::new(plan),
                source: Some(Arc::new(source)),
            })
        })
    }

    /// The bundled reference case.
    #[staticmethod]
    fn reference(py: Python<'_>) -> PyResult<Self> {
        // Core panics if its own bundled plan were invalid: a bug, which the
        // boundary reports as internal_error.
        boundary(py, || {
            Ok(NativePlan::new(Arc::new(py.detach(Plan::reference))))
        })
    }

    /// Every problem of a plan document, as AndelError instances.
    #[staticmethod]
    fn check(py: Python<'_>, text: &str, format: &str) -> PyResult<Vec<Py<PyAny>>> {
        boundary(py, || {
            let problems = match format_named(format) {
                Ok(format) => py.detach(|| Plan::check(text, format)),
                Err(wrong_format) => vec![wrong_format],
            };
            Ok(problems
                .iter()
                .map(|problem| from_core(py, problem).into_value(py).into_any())
                .collect())
        })
    }

    /// "toml" or "json" by the file name's extension; PlanError otherwise.
    #[staticmethod]
    fn format_of_file(py: Python<'_>, path: std::path::PathBuf) -> PyResult<&'static str> {
        boundary(py, || format_of_file(&path).or_raise(py))
    }

    /// The plan as TOML.
    fn to_toml(&self, py: Python<'_>) -> PyResult<String> {
        boundary(py, || self.plan.to_toml().or_raise(py))
    }

    /// The plan as pretty JSON.
    fn to_json(&self, py: Python<'_>) -> PyResult<String> {
        boundary(py, || Ok(self.plan.to_json()))
    }

    /// Every member's contribution for every budget year.
    fn compute(&self, py: Python<'_>) -> PyResult<NativeResult> {
        boundary(py, || {
            let computed = py.detach(|| self.computed()).or_raise(py)?;
            Ok(NativeResult { computed })
        })
    }

    /// How `member`'s contribution in `year` arose, in `lang` (None: the
    /// default for the plan's currency).
    #[pyo3(signature = (member, year, lang=None))]
    fn explain(
        &self,
        py: Python<'_>,
        member: &str,
        year: i64,
        lang: Option<&str>,
    ) -> PyResult<ExplanationParts> {
        boundary(py, || {
            let lang = lang_for(py, lang, &self.plan.currency)?;
            // Computed first, as `Plan::explain` does.
            let explanation = py
                .detach(|| self.computed()?.explain(member, year, Some(lang)))
                .or_raise(py)?;
            Ok(explanation_parts(explanation))
        })
    }
}

/// A computed plan. Internal: use `andel.PlanResult`.
#[pyclass(frozen, module = "andel._andel", name = "PlanResult")]
pub struct NativeResult {
    computed: Computed,
}

#[pymethods]
impl NativeResult {
    /// Core's result as Python values, decimals as `decimal.Decimal`.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        boundary(py, || result_dict(py, self.computed.result()))
    }

    /// Core's JSON text (decimals as strings).
    fn to_json(&self, py: Python<'_>) -> PyResult<String> {
        boundary(py, || Ok(self.computed.result().to_json()))
    }

    /// Core's CSV text.
    fn to_csv(&self, py: Python<'_>) -> PyResult<String> {
        boundary(py, || Ok(self.computed.result().to_csv()))
    }

    /// Core's Excel workbook in `lang` (None: the default for the
    /// currency), as the bytes of an .xlsx file.
    #[pyo3(signature = (lang=None))]
    fn to_xlsx<'py>(&self, py: Python<'py>, lang: Option<&str>) -> PyResult<Bound<'py, PyBytes>> {
        boundary(py, || {
            let lang = lang_for(py, lang, &self.computed.result().currency)?;
            let bytes = self.computed.result().to_xlsx_in(lang).or_raise(py)?;
            Ok(PyBytes::new(py, &bytes))
        })
    }

    /// Core's notes (one line per cause) in `lang` (None: the default for
    /// the currency).
    #[pyo3(signature = (lang=None))]
    fn notes_in(&self, py: Python<'_>, lang: Option<&str>) -> PyResult<Vec<String>> {
        boundary(py, || {
            let lang = lang_for(py, lang, &self.computed.result().currency)?;
            Ok(self.computed.result().notes_in(lang))
        })
    }

    /// One member's contribution in one year.
    fn contribution(&self, py: Python<'_>, member: &str, year: i64) -> PyResult<Decimal> {
        boundary(py, || self.computed.contribution(member, year).or_raise(py))
    }

    /// How `member`'s contribution in `year` arose, from this result, in
    /// `lang` (None: the default for the currency).
    #[pyo3(signature = (member, year, lang=None))]
    fn explain(
        &self,
        py: Python<'_>,
        member: &str,
        year: i64,
        lang: Option<&str>,
    ) -> PyResult<ExplanationParts> {
        boundary(py, || {
            let lang = lang_for(py, lang, &self.computed.result().currency)?;
            let explanation = self
                .computed
                .explain(member, year, Some(lang))
                .or_raise(py)?;
            Ok(explanation_parts(explanation))
        })
    }

    /// The members' budget calendar.
    fn calendar<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        boundary(py, || {
            let calendar = self.computed.calendar().or_raise(py)?;
            calendar_dict(py, &calendar)
        })
    }

    /// The members' budget calendar as iCalendar text.
    fn calendar_ics(&self, py: Python<'_>) -> PyResult<String> {
        boundary(py, || Ok(self.computed.calendar().or_raise(py)?.to_ics()))
    }

    /// The settlement of `year`: from the plan's own outcome, or from an
    /// outcome file's `text` in `format`.
    #[pyo3(signature = (year, text=None, format=None))]
    fn settle<'py>(
        &self,
        py: Python<'py>,
        year: i64,
        text: Option<&str>,
        format: Option<&str>,
    ) -> PyResult<Bound<'py, PyDict>> {
        boundary(py, || {
            let outcome = OutcomeSource::named(text, format).or_raise(py)?;
            let settlement = self
                .computed
                .settle(year, outcome)
                .map_err(andel::Error::from)
                .or_raise(py)?;
            settlement_dict(py, &settlement)
        })
    }

    /// The invoices of `year`; with `settle`, the settlement of the year
    /// before on the first instalment (outcome as in `settle`).
    #[pyo3(signature = (year, settle, text=None, format=None))]
    fn invoices<'py>(
        &self,
        py: Python<'py>,
        year: i64,
        settle: bool,
        text: Option<&str>,
        format: Option<&str>,
    ) -> PyResult<Bound<'py, PyDict>> {
        boundary(py, || {
            let outcome = OutcomeSource::named(text, format).or_raise(py)?;
            let (invoices, _) = self
                .computed
                .invoices(year, settle.then_some(outcome))
                .map_err(andel::Error::from)
                .or_raise(py)?;
            invoices_dict(py, &invoices)
        })
    }

    /// Why contributions changed from the year before: one dict per member
    /// and year, both optional filters, the text in `lang` (None: the
    /// default for the currency).
    #[pyo3(signature = (member=None, year=None, lang=None))]
    fn why_changed<'py>(
        &self,
        py: Python<'py>,
        member: Option<&str>,
        year: Option<i64>,
        lang: Option<&str>,
    ) -> PyResult<Vec<Bound<'py, PyDict>>> {
        boundary(py, || {
            let lang = lang_for(py, lang, &self.computed.result().currency)?;
            let all = self.computed.why(member, year).or_raise(py)?;
            all.iter().map(|c| change_dict(py, c, lang)).collect()
        })
    }

    /// How this result differs from `other`: B − A per member and year,
    /// with this result as A.
    fn diff<'py>(&self, py: Python<'py>, other: &NativeResult) -> PyResult<Bound<'py, PyDict>> {
        boundary(py, || {
            let d = self.computed.diff(&other.computed).or_raise(py)?;
            diff_dict(py, &d)
        })
    }
}

impl NativeResult {
    /// Holds a plan core has computed (e.g. a budget's).
    pub(crate) fn new(computed: Computed) -> Self {
        NativeResult { computed }
    }
}
