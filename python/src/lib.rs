//! The native module `andel._andel` of the Python package `andel`.
//!
//! It converts: Python values in (read exactly, through
//! [`andel::parse_decimal`]), `decimal.Decimal`s and core's serde JSON out,
//! core errors to the exceptions of `andel/_errors.py`. The rules live in
//! the core crate; one is still written here as in the other bindings: the
//! order in which a split's arguments are read and refused (`split.rs`,
//! the shared error precedence that the vectors check). Its classes are the
//! public API: `andel.Plan`, `andel.PlanResult`, `andel.Explanation` (and
//! `andel.Budget`) are these classes, documented here and typed by
//! `andel/_andel.pyi`; the Python package around it (`python/andel/`) keeps
//! the functions, numpy, pandas and HTML glue and the exceptions.

/// A dict of a core struct's fields for Python, keyed by their names in
/// the order written (core's serde order), each converted by pyo3 or by
/// the expression after `=>`. The struct is destructured in full, so a field
/// added to core fails this build instead of going missing from the dict.
/// `?` inside returns from the function it is used in.
macro_rules! struct_dict {
    ($py:expr, $value:expr, $ty:ident { $($field:ident $(=> $conv:expr)?),* $(,)? }) => {{
        let $ty { $($field),* } = $value;
        let dict = pyo3::types::PyDict::new($py);
        $(dict.set_item(stringify!($field), struct_dict!(@value $field $(, $conv)?))?;)*
        dict
    }};
    (@value $field:ident) => { $field };
    (@value $field:ident, $conv:expr) => { $conv };
}

mod budget;
mod convert;
mod cycle;
mod document;
mod errors;
mod host;
mod plan;
mod result;
mod split;
mod text;

use pyo3::prelude::*;

/// Native core of the andel package. Use the functions of `andel` instead:
/// these take every argument positionally and may change without notice.
#[pymodule(name = "_andel")]
mod native {
    use crate::convert::{decimal_list, held};
    use crate::errors::{OrRaise, boundary};
    use crate::split::{self, Split, held_optional};
    use andel::{Decimal, Method, Rounding, SplitArguments};
    use pyo3::exceptions::{PyRuntimeError, PyValueError};
    use pyo3::prelude::*;
    use pyo3::types::{PyByteArray, PyBytes, PyList, PyTuple};

    #[pymodule_export]
    use crate::budget::NativeBudget;
    #[pymodule_export]
    use crate::plan::NativePlan;
    #[pymodule_export]
    use crate::result::{NativeExplanation, NativeResult, diff_results};

    #[pymodule_init]
    fn init(m: &Bound<'_, PyModule>) -> PyResult<()> {
        let py = m.py();
        m.add("__version__", env!("CARGO_PKG_VERSION"))?;
        m.add("METHODS", PyTuple::new(py, Method::ALL.map(Method::name))?)?;
        m.add(
            "ROUNDING_MODES",
            PyTuple::new(py, Rounding::ALL.map(Rounding::name))?,
        )?;
        m.add(
            "BUDGET_KEYS",
            PyTuple::new(py, andel::plan::BudgetKey::NAMES)?,
        )?;
        m.add("DEFAULT_UNIT", andel::DEFAULT_UNIT.to_string())?;
        m.add("ERROR_CODES", PyTuple::new(py, andel::Error::codes())?)?;
        m.add("REFERENCE_PLAN", andel::plan::REFERENCE_PLAN)?;
        Ok(())
    }

    /// Splits `total` by `weights` (with `names` for a mapping): the amounts
    /// as Decimals in weight order, or (`as_units`) the parts as ints, counts
    /// of rounding units signed like the total. Internal: use
    /// `andel.allocate`.
    #[pyfunction]
    #[pyo3(signature = (total, weights, names, unit, method, first_divisor, as_units=false))]
    #[allow(clippy::too_many_arguments)]
    fn allocate<'py>(
        py: Python<'py>,
        total: &Bound<'py, PyAny>,
        weights: Vec<Bound<'py, PyAny>>,
        names: Option<Vec<String>>,
        unit: &Bound<'py, PyAny>,
        method: String,
        first_divisor: Option<&Bound<'py, PyAny>>,
        as_units: bool,
    ) -> PyResult<Bound<'py, PyList>> {
        boundary(py, || {
            let split = Split::read(total, &weights, names, unit, &method, first_divisor)?;
            if as_units {
                return PyList::new(py, split.allocate_to_units(py)?);
            }
            decimal_list(py, &split.allocate(py)?)
        })
    }

    /// Splits `total` by `weights` and explains every part: core's
    /// `Allocation` as serde JSON text. Internal: use `andel.explain`.
    #[pyfunction]
    #[pyo3(signature = (total, weights, names, unit, method, first_divisor))]
    fn explain(
        py: Python<'_>,
        total: &Bound<'_, PyAny>,
        weights: Vec<Bound<'_, PyAny>>,
        names: Option<Vec<String>>,
        unit: &Bound<'_, PyAny>,
        method: String,
        first_divisor: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<String> {
        boundary(py, || {
            let allocation =
                Split::read(total, &weights, names, unit, &method, first_divisor)?.explain(py)?;
            // JSON keeps the shape of core's serde output exactly, which is
            // what `Allocation.to_dict()` promises.
            serde_json::to_string(&allocation)
                .map_err(|e| PyRuntimeError::new_err(format!("serialising the allocation: {e}")))
        })
    }

    /// Splits `total` by whole-number weights given as the raw bytes of a
    /// contiguous native-endian 64-bit integer array (`signed`: int64, else
    /// uint64). Returns the parts as counts of rounding units in a
    /// `bytearray` of native int64s, or (`as_decimal`) the amounts as a list
    /// of Decimals. Internal: use `andel.allocate` with a numpy array.
    #[pyfunction]
    #[pyo3(signature = (total, weights, signed, unit, method, first_divisor, as_decimal))]
    #[allow(clippy::too_many_arguments)]
    fn allocate_units<'py>(
        py: Python<'py>,
        total: &Bound<'py, PyAny>,
        weights: &Bound<'py, PyBytes>,
        signed: bool,
        unit: &Bound<'py, PyAny>,
        method: String,
        first_divisor: Option<&Bound<'py, PyAny>>,
        as_decimal: bool,
    ) -> PyResult<Bound<'py, PyAny>> {
        boundary(py, || {
            let bytes = weights.as_bytes();
            // Core's order and number policy; the weights are integers
            // already, so there is nothing to read in their place.
            let (total, unit) = (held(total)?, held(unit)?);
            let first_divisor = held_optional(first_divisor)?;
            let split = SplitArguments {
                total: total.raw(),
                unit: unit.raw(),
                first_divisor: split::raw(&first_divisor),
                first_divisor_field: "first_divisor",
                method: Some(&method),
                weight_count: bytes.len() / 8,
                names: None,
            }
            .read(&split::refuse(py), |_| Ok(()))
            .map_err(|f| f.raise(py))?;
            let (allocator, total) = (split.allocator, split.total);
            if bytes.len() % 8 != 0 {
                return Err(PyValueError::new_err(
                    "weights: not a whole number of 64-bit integers",
                ));
            }
            let words = bytes.chunks_exact(8).map(|c| {
                let mut word = [0u8; 8];
                word.copy_from_slice(c);
                word
            });
            // Core works on Rust values only, so other Python threads may run.
            let units = if signed {
                let ints: Vec<i64> = words.map(i64::from_ne_bytes).collect();
                py.detach(move || {
                    allocator
                        .allocate_units(total, &ints)
                        .map(|u| (allocator, u))
                })
            } else {
                let ints: Vec<u64> = words.map(u64::from_ne_bytes).collect();
                py.detach(move || {
                    allocator
                        .allocate_units(total, &ints)
                        .map(|u| (allocator, u))
                })
            };
            let (allocator, units) = units.or_raise(py)?;
            if as_decimal {
                let amounts = units
                    .iter()
                    .map(|&u| allocator.amount_of_units(u))
                    .collect::<andel::Result<Vec<Decimal>>>()
                    .or_raise(py)?;
                return Ok(decimal_list(py, &amounts)?.into_any());
            }
            let out = PyByteArray::new_with(py, units.len() * 8, |buf| {
                for (slot, u) in buf.chunks_exact_mut(8).zip(&units) {
                    slot.copy_from_slice(&u.to_ne_bytes());
                }
                Ok(())
            })?;
            Ok(out.into_any())
        })
    }

    /// Round ``amount`` to a whole multiple of ``unit``, exactly.
    ///
    /// Args:
    ///     amount: a Decimal, int or str (never a float).
    ///     unit: the rounding unit, e.g. ``"1"`` for whole kronor.
    ///     mode: one of ``andel.ROUNDING_MODES``: ``half_away_from_zero``
    ///         (default; Swedish cash rounding), ``half_even``, ``up`` (toward
    ///         +infinity), ``down`` (toward -infinity), ``toward_zero``,
    ///         ``away_from_zero``.
    ///
    /// Returns:
    ///     The rounded amount with at least the unit's scale.
    ///
    /// >>> round_to_unit("12.50", "1")
    /// Decimal('13')
    /// >>> round_to_unit("12.50", "1", "half_even")
    /// Decimal('12')
    #[pyfunction]
    #[pyo3(
        signature = (amount, unit, mode = None),
        text_signature = "(amount, unit, mode='half_away_from_zero')"
    )]
    fn round_to_unit(
        py: Python<'_>,
        amount: &Bound<'_, PyAny>,
        unit: &Bound<'_, PyAny>,
        mode: Option<String>,
    ) -> PyResult<Decimal> {
        boundary(py, || {
            let (amount, unit) = (held(amount)?, held(unit)?);
            let (amount, unit, mode) = andel::read_rounding_arguments(
                amount.raw(),
                unit.raw(),
                // None: core's default mode.
                mode.as_deref(),
                &split::refuse(py),
            )
            .map_err(|f| f.raise(py))?;
            andel::round_to_unit(amount, unit, mode).or_raise(py)
        })
    }

    /// Core's default language for a plan in `currency`: `"sv"` for SEK,
    /// else `"en"`. Internal: used by `andel._display`.
    #[pyfunction]
    fn default_lang(currency: &str) -> &'static str {
        crate::text::default_lang(currency)
    }

    /// Core's labels of human-readable output in `lang`, by field name.
    /// Internal: used by `andel._display`.
    #[pyfunction]
    fn labels<'py>(py: Python<'py>, lang: &str) -> PyResult<Bound<'py, pyo3::types::PyDict>> {
        boundary(py, || crate::text::labels(py, lang))
    }

    /// `label` with its first letter in upper case, as core capitalises a
    /// header. Internal: used by `andel._display`.
    #[pyfunction]
    fn capitalized(label: &str) -> String {
        andel::text::Labels::capitalized(label)
    }

    /// An exact decimal in `lang`'s format (core's `text::figure`).
    /// Internal: use `andel.format_amount`.
    #[pyfunction]
    fn format_figure(py: Python<'_>, value: &Bound<'_, PyAny>, lang: &str) -> PyResult<String> {
        boundary(py, || crate::text::format_figure(py, value, lang))
    }

    /// An amount with its currency in `lang` (core's `text::money`).
    /// Internal: use `andel.format_amount`.
    #[pyfunction]
    fn format_money(
        py: Python<'_>,
        value: &Bound<'_, PyAny>,
        currency: &str,
        lang: &str,
    ) -> PyResult<String> {
        boundary(py, || crate::text::format_money(py, value, currency, lang))
    }

    /// `kr` for kronor in Swedish, else the currency code (core's
    /// `text::currency_symbol`). Internal: used by `andel._display`.
    #[pyfunction]
    fn currency_symbol(py: Python<'_>, currency: &str, lang: &str) -> PyResult<String> {
        boundary(py, || crate::text::currency_symbol(py, currency, lang))
    }

    /// Test only: panics inside Rust, to prove that a panic reaches Python
    /// as `andel.AndelError` with code `internal_error`.
    #[pyfunction]
    #[pyo3(name = "_panic_for_tests")]
    fn panic_for_tests(py: Python<'_>) -> PyResult<()> {
        boundary(py, || {
            // Where core runs: detached from the interpreter, like the
            // allocations in split.rs.
            py.detach(|| -> andel::Result<()> {
                panic!("deliberate panic from andel._andel._panic_for_tests")
            })
            .or_raise(py)
        })
    }
}
