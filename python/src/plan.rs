//! `andel.Plan`: core's `Plan` as the public Python class.
//!
//! Every method reads, checks and computes in core: a plan keeps the text
//! it was read from, and a result is core's [`Computed`], which places
//! every error in that text. This module converts arguments and results
//! only; the types and the public signatures are in `andel/_andel.pyi`.

use crate::cycle::{calendar_entries, change_explanation, invoices_dict, settlement_dict};
use crate::document::{format_of_file, outcome_text, read_text};
use crate::errors::{OrRaise, boundary, from_core};
use crate::result::{NativeExplanation, NativeResult};
use crate::text::lang_for;
use andel::cycle::OutcomeSource;
use andel::plan::Format;
use andel::{Computed, Plan, Source};
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyTuple, PyType};
use std::sync::Arc;

/// A collaboration's budget plan over several years, read and checked.
///
/// Make one from a file (:meth:`load`), a text (:meth:`from_toml`,
/// :meth:`from_json`), a dict (:meth:`from_dict`), keyword arguments that
/// mirror the file format (``Plan(name=..., first_year=..., years=...,
/// members=[...], costs=[...])``), or take the bundled reference case
/// (:meth:`reference`). Every way checks the whole plan and raises
/// :class:`andel.PlanError` at the first problem; :meth:`check` lists them
/// all.
///
/// :meth:`compute` gives a :class:`andel.PlanResult`: every member's
/// contribution every year. A plan is immutable.
///
/// ``Plan(**fields)`` is a plan from keyword arguments named like the
/// fields of the file format, e.g. ``Plan(name="Example", first_year=2025,
/// years=3, members=[{"id": "a", "name": "A", "metrics": {"population":
/// {"2023-12-31": 2000}}}], costs=[{"id": "pm", "name": "Project
/// management", "amount": "100000", "from": 2025}])``. ``format`` defaults
/// to 1 (core's ``FORMAT``, the format this version of andel reads); every
/// other default is the core's. ``from`` is a Python keyword, so write a cost line as a dict
/// (``{"from": 2025}``). Values as in :meth:`from_dict`. It raises
/// :class:`andel.PlanError` at the first problem of the plan (an unknown
/// field such as ``partcipants`` has code ``unknown_field``).
///
/// >>> plan = Plan.reference()
/// >>> result = plan.compute()
/// >>> result.contribution("halmstad", 2021)
/// Decimal('562180')
/// >>> print(plan.explain("halmstad", 2021, lang="en").lines[0])
/// Halmstad (halmstad), budget year 2021: contribution 562180 SEK.
/// >>> plan.explain("halmstad", 2021).lines[0]  # Swedish: the plan is in SEK
/// 'Halmstad (halmstad), budgetår 2021: bidrag 562\u202f180 kr.'
#[pyclass(frozen, subclass, module = "andel", name = "Plan")]
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

    /// Reads and checks a plan from `text` in `format`.
    fn read(py: Python<'_>, text: &str, format: &str) -> PyResult<Self> {
        let source = Source::new(text, Format::named(format).or_raise(py)?);
        let plan = py.detach(|| source.read()).or_raise(py)?;
        Ok(NativePlan {
            plan: Arc::new(plan),
            source: Some(Arc::new(source)),
        })
    }

    /// Reads and checks a plan given as Python values (a dict, as the plan
    /// format): core writes it and names every problem by its path.
    fn from_host(py: Python<'_>, value: &Bound<'_, PyAny>) -> PyResult<Self> {
        let host = crate::host::host_value(value)?;
        let source = Source::from_host(&host).map_err(|p| crate::host::first_problem(py, p))?;
        let plan = py.detach(|| source.read()).or_raise(py)?;
        Ok(NativePlan {
            plan: Arc::new(plan),
            source: Some(Arc::new(source)),
        })
    }

    fn computed(&self) -> andel::Result<Computed> {
        Computed::new(Arc::clone(&self.plan), self.source.clone())
    }

    fn compute_native(&self, py: Python<'_>) -> PyResult<Computed> {
        py.detach(|| self.computed()).or_raise(py)
    }

    /// `plan` as an instance of `cls`, which may be a subclass.
    pub(crate) fn of_class<'py>(
        cls: &Bound<'py, PyType>,
        plan: NativePlan,
    ) -> PyResult<Bound<'py, PyAny>> {
        let py = cls.py();
        let held = Bound::new(py, plan)?;
        if cls.is(py.get_type::<NativePlan>()) {
            return Ok(held.into_any());
        }
        // A subclass's instance is made by `__new__`, which takes the plan;
        // its `__init__` is not called (it may take other arguments).
        cls.call_method1("__new__", (cls, held))
    }
}

#[pymethods]
impl NativePlan {
    // The keyword arguments are the class's (its docstring); one
    // positional argument, a plan, is how a subclass is made (`of_class`).
    #[new]
    #[pyo3(signature = (*args, **fields), text_signature = "(**fields)")]
    fn py_new(
        py: Python<'_>,
        args: &Bound<'_, PyTuple>,
        fields: Option<&Bound<'_, PyDict>>,
    ) -> PyResult<Self> {
        boundary(py, || {
            // A subclass's instance is made from a plan already read.
            if args.len() == 1 && fields.is_none() {
                if let Ok(plan) = args.get_item(0)?.cast::<NativePlan>() {
                    let plan = plan.get();
                    return Ok(NativePlan {
                        plan: Arc::clone(&plan.plan),
                        source: plan.source.clone(),
                    });
                }
            }
            if !args.is_empty() {
                return Err(PyTypeError::new_err(format!(
                    "Plan.__init__() takes 1 positional argument but {} were given",
                    args.len() + 1
                )));
            }
            let data = PyDict::new(py);
            data.set_item("format", andel::plan::FORMAT)?;
            if let Some(fields) = fields {
                data.update(fields.as_mapping())?;
            }
            NativePlan::from_host(py, data.as_any())
        })
    }

    /// Reads a plan file: TOML if its name ends in ``.toml``, JSON if in
    /// ``.json`` (in any case).
    ///
    /// Raises:
    ///     PlanError: code ``plan_syntax`` for any other file name (before
    ///         the file is opened), or the first problem of the plan, with
    ///         the line and column in the file.
    ///     OSError: the file cannot be read.
    #[classmethod]
    fn load<'py>(
        cls: &Bound<'py, PyType>,
        path: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let py = cls.py();
        boundary(py, || {
            let format = format_of_file(path)?;
            let text = read_text(path)?;
            Self::of_class(cls, NativePlan::read(py, &text, format)?)
        })
    }

    /// Reads a plan from TOML text.
    ///
    /// Raises:
    ///     PlanError: the first problem, with ``.line`` and ``.column``.
    #[classmethod]
    fn from_toml<'py>(cls: &Bound<'py, PyType>, text: &str) -> PyResult<Bound<'py, PyAny>> {
        let py = cls.py();
        boundary(py, || {
            Self::of_class(cls, NativePlan::read(py, text, "toml")?)
        })
    }

    /// Reads a plan from JSON text.
    ///
    /// Raises:
    ///     PlanError: the first problem, with ``.line`` and ``.column``.
    #[classmethod]
    fn from_json<'py>(cls: &Bound<'py, PyType>, text: &str) -> PyResult<Bound<'py, PyAny>> {
        let py = cls.py();
        boundary(py, || {
            Self::of_class(cls, NativePlan::read(py, text, "json")?)
        })
    }

    /// A plan from a dict shaped like the JSON file format (as
    /// :meth:`to_dict` gives it).
    ///
    /// Numbers are exact: write amounts as ``str`` or ``decimal.Decimal``
    /// (``"0.03"``, ``Decimal("900000")``) or ``int``; a ``float`` is refused
    /// (code ``plan_syntax``) because it has lost its exact value. Dates may
    /// be ``datetime.date`` or ``"YYYY-MM-DD"`` text.
    ///
    /// The dict goes to the core as it is: the core writes it and reads it
    /// like a JSON file, and names every problem by its ``.path`` (there is
    /// no text of yours, so ``.line`` and ``.column`` are None). A value no
    /// plan can hold (a ``Fraction``, a ``set``, NaN, a dict that contains
    /// itself) is a PlanError at its path too.
    ///
    /// Raises:
    ///     PlanError: the first problem of the plan.
    #[classmethod]
    fn from_dict<'py>(
        cls: &Bound<'py, PyType>,
        data: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let py = cls.py();
        boundary(py, || Self::of_class(cls, NativePlan::from_host(py, data)?))
    }

    /// The reference case bundled with andel: the regional growth
    /// collaboration of six municipalities and Halmstad University over five
    /// years (:data:`andel.REFERENCE_PLAN`). Populations are real (SCB);
    /// every amount of money is illustrative.
    #[classmethod]
    fn reference<'py>(cls: &Bound<'py, PyType>) -> PyResult<Bound<'py, PyAny>> {
        let py = cls.py();
        // Core panics if its own bundled plan were invalid: a bug, which the
        // boundary reports as internal_error.
        boundary(py, || {
            let plan = NativePlan::new(Arc::new(py.detach(Plan::reference)));
            Self::of_class(cls, plan)
        })
    }

    /// Every problem of a plan document (not only the first), each an
    /// :class:`andel.AndelError` (mostly :class:`andel.PlanError`, with
    /// ``.path``, ``.line`` and ``.column``), in document order. Empty when
    /// the plan is sound and computes. Nothing is raised for a bad plan.
    ///
    /// Args:
    ///     text: the plan's text.
    ///     format: ``"toml"`` or ``"json"`` (anything else is reported as a
    ///         ``plan_syntax`` problem); None, the default: the core tells
    ///         them apart (JSON when the text starts with ``{``), as for an
    ///         outcome's text.
    #[staticmethod]
    #[pyo3(signature = (text, format = None))]
    fn check(py: Python<'_>, text: &str, format: Option<&str>) -> PyResult<Vec<Py<PyAny>>> {
        boundary(py, || {
            let format = format.map_or(Ok(Format::of_text(text)), Format::named);
            let problems = match format {
                Ok(format) => py.detach(|| Plan::check(text, format)),
                Err(wrong_format) => vec![wrong_format],
            };
            Ok(problems
                .iter()
                .map(|problem| from_core(py, problem).into_value(py).into_any())
                .collect())
        })
    }

    /// The plan as TOML (every default written out).
    fn to_toml(&self, py: Python<'_>) -> PyResult<String> {
        boundary(py, || self.plan.to_toml().or_raise(py))
    }

    /// The plan as pretty JSON (numbers as strings, so they stay exact).
    fn to_json(&self, py: Python<'_>) -> PyResult<String> {
        boundary(py, || Ok(self.plan.to_json()))
    }

    /// The plan as a dict shaped like the JSON file format, numbers as
    /// the strings the file holds (``"900000"``); :meth:`from_dict` reads
    /// it back.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        boundary(py, || {
            py.import("json")?
                .call_method1("loads", (self.plan.to_json(),))
        })
    }

    /// Every member's contribution for every budget year.
    ///
    /// Raises:
    ///     PlanError: the plan cannot be computed, e.g. a population figure
    ///         is missing for the reference date (code ``missing_figure``,
    ///         unless the plan sets ``carry_forward``).
    fn compute(&self, py: Python<'_>) -> PyResult<NativeResult> {
        boundary(py, || Ok(NativeResult::new(self.compute_native(py)?)))
    }

    /// How ``member``'s (its id) contribution in budget ``year`` arose:
    /// the net cost, the population figure and its date, each cost line's
    /// share, the rounding. ``str()`` of it is the text.
    ///
    /// Computes the plan; to explain many contributions, compute once and
    /// use :meth:`PlanResult.explain`.
    ///
    /// Args:
    ///     lang: ``"sv"`` or ``"en"``; None (the default) is the Rust
    ///         core's default for the plan's currency: Swedish for SEK,
    ///         English otherwise.
    ///
    /// Raises:
    ///     PlanError: code ``unknown_member`` or ``year_outside_horizon``,
    ///         or the plan cannot be computed.
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
            let lang = lang_for(py, lang, &self.plan.currency)?;
            // Computed first, as `Plan::explain` does.
            let explanation = py
                .detach(|| self.computed()?.explain(member, year, Some(lang)))
                .or_raise(py)?;
            Ok(NativeExplanation::from(explanation))
        })
    }

    /// The members' budget calendar from the plan's ``[[milestones]]``
    /// (see docs/annual-cycle.md), by date: one dict per milestone and
    /// budget year with ``date`` (ISO text), ``budget_year``, ``milestone``
    /// (its id), ``name``, ``due``, ``who`` (or None), ``figures``
    /// (``none``, ``contributions`` or ``settlement``) and ``amounts`` (one
    /// ``{"id", "name", "amount"}`` per member, amounts as Decimals). Empty
    /// when the plan has no milestones.
    ///
    /// Raises:
    ///     PlanError: the plan cannot be computed.
    fn calendar<'py>(&self, py: Python<'py>) -> PyResult<Vec<Bound<'py, PyDict>>> {
        boundary(py, || {
            let calendar = self.compute_native(py)?.calendar().or_raise(py)?;
            calendar_entries(py, &calendar)
        })
    }

    /// The budget calendar as an iCalendar file's text (``BEGIN:VCALENDAR``
    /// ...), for a calendar program.
    fn calendar_ics(&self, py: Python<'_>) -> PyResult<String> {
        boundary(py, || {
            Ok(self.compute_native(py)?.calendar().or_raise(py)?.to_ics())
        })
    }

    /// The settlement (avräkning) of ``year``'s actual outcome: each
    /// member's contribution recomputed with the actual costs and funding,
    /// less what it was invoiced.
    ///
    /// ``outcome`` is the plan's own ``[[outcome]]`` when None; otherwise a
    /// path to an outcome file (``.toml``/``.json``), the text of one (a
    /// ``str`` with a line break; JSON if it starts with ``{``), or a dict
    /// (``{"outcome": [...]}``, or one ``{"year", "costs", "funding"}``).
    ///
    /// Returns ``{"year", "currency", "planned", "actual", "difference",
    /// "lines": [...], "members": [{"id", "name", "planned", "actual",
    /// "settlement"}]}``, amounts as Decimals; the members' settlements add
    /// up exactly to ``difference`` (actual - planned net cost).
    ///
    /// Raises:
    ///     PlanError: no outcome for ``year`` (``invalid_plan``), an unknown
    ///         line or funding in the outcome (``unknown_line``,
    ///         ``unknown_funding``), a year outside the plan, ...
    ///     OSError: the outcome file cannot be read.
    #[pyo3(signature = (year, outcome = None))]
    fn settle<'py>(
        &self,
        py: Python<'py>,
        year: i64,
        outcome: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyDict>> {
        boundary(py, || {
            let (text, format) = outcome_text(outcome)?;
            let computed = self.compute_native(py)?;
            let source = OutcomeSource::named(text.as_deref(), format).or_raise(py)?;
            let settlement = computed
                .settle(year, source)
                .map_err(andel::Error::from)
                .or_raise(py)?;
            settlement_dict(py, &settlement)
        })
    }

    /// The invoices of ``year``, instalment by instalment (the plan's
    /// ``[instalments]``; one a year without them).
    ///
    /// With ``settle=True`` (or an ``outcome``, which implies it) the
    /// settlement of the year before (see :meth:`settle`) is added to each
    /// member's first instalment.
    ///
    /// Returns ``{"year", "currency", "net", "settles", "runs": [{"instalment",
    /// "due", "total", "invoices": [{"member", "name", "instalment", "due",
    /// "amount", "settlement", "total", "reference"}]}]}``, amounts as
    /// Decimals. A member's amounts add up to its contribution; each run's
    /// totals to the run's ``total``.
    ///
    /// Raises:
    ///     PlanError: a year outside the plan, no outcome to settle, ...
    #[pyo3(signature = (year, *, outcome = None, settle = false))]
    fn invoices<'py>(
        &self,
        py: Python<'py>,
        year: i64,
        outcome: Option<&Bound<'py, PyAny>>,
        settle: bool,
    ) -> PyResult<Bound<'py, PyDict>> {
        boundary(py, || {
            let settle = settle || outcome.is_some();
            let (text, format) = outcome_text(outcome)?;
            let computed = self.compute_native(py)?;
            let source = OutcomeSource::named(text.as_deref(), format).or_raise(py)?;
            let (invoices, _) = computed
                .invoices(year, settle.then_some(source))
                .map_err(andel::Error::from)
                .or_raise(py)?;
            invoices_dict(py, &invoices)
        })
    }

    /// Why contributions changed from the year before, cause by cause:
    /// one :class:`andel.ChangeExplanation` per member and year after the
    /// first, or only ``member``'s and/or only ``year``'s.
    ///
    /// >>> plan = Plan.reference()
    /// >>> why = plan.why_changed("halmstad", 2022)[0]
    /// >>> sum(c["amount"] for c in why.causes) == why.change
    /// True
    ///
    /// ``lang`` is the language of each :attr:`ChangeExplanation.text`,
    /// ``"sv"`` or ``"en"``; None (the default) is the Rust core's default
    /// for the plan's currency: Swedish for SEK, English otherwise.
    ///
    /// Raises:
    ///     PlanError: an unknown member (``unknown_member``), or a year
    ///         outside the plan or without a year before it.
    ///     InputError: code ``unknown_language`` for another ``lang``.
    #[pyo3(signature = (member = None, year = None, *, lang = None))]
    fn why_changed<'py>(
        &self,
        py: Python<'py>,
        member: Option<&str>,
        year: Option<i64>,
        lang: Option<&str>,
    ) -> PyResult<Vec<Bound<'py, PyAny>>> {
        boundary(py, || {
            let computed = self.compute_native(py)?;
            let lang = lang_for(py, lang, &computed.result().currency)?;
            let all = computed.why(member, year).or_raise(py)?;
            all.iter()
                .map(|c| change_explanation(py, c, lang))
                .collect()
        })
    }

    fn __repr__(&self) -> PyResult<String> {
        let plan = &self.plan;
        Python::attach(|py| {
            let name = pyo3::types::PyString::new(py, &plan.name).repr()?;
            Ok(format!(
                "<Plan {name} from {}, {} years: {} members, {} cost lines>",
                plan.first_year,
                plan.years,
                plan.members.len(),
                plan.costs.len()
            ))
        })
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<(Bound<'py, PyAny>, (String,))> {
        // Pickled as its JSON, read back (and checked) by the core.
        let from_json = slf.get_type().getattr("from_json")?;
        Ok((from_json, (slf.get().plan.to_json(),)))
    }
}
