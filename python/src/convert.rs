//! Reading Python values as exact decimals.
//!
//! Every number becomes a text first and is then read by
//! [`andel::parse_decimal`], so Python accepts and refuses exactly the texts
//! that the other runtimes do. Only the choice of text differs by type.

use crate::errors::OrRaise;
use andel::Decimal;
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyBool, PyFloat, PyInt, PyList, PyString, PyType};

/// Whether a Python `float` is acceptable for an input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Floats {
    /// Money (totals, units, amounts, divisors): a float is a `TypeError`.
    Refuse,
    /// Weights (populations, shares): a float is read through its shortest
    /// `repr`, which is the decimal the user typed (`0.1` → `0.1`).
    ReadRepr,
    /// The figures of a budget that are not money (populations, the blend's
    /// fixed part, fixed shares): a float is a `TypeError`, as in a plan,
    /// whose reader refuses a float anywhere.
    RefuseFigure,
}

/// Reads `value` as an exact decimal; `field` names the input in messages.
///
/// Accepts `decimal.Decimal`, `int` (and objects with `__index__`, such as
/// numpy integers), `str`, and for weights `float`. Refuses `bool`: `True`
/// is not a population.
pub fn decimal(value: &Bound<'_, PyAny>, field: &str, floats: Floats) -> PyResult<Decimal> {
    let text = number_text(value, field, floats)?;
    andel::parse_decimal(&text, field).or_raise(value.py())
}

/// Reads `value` as an exact decimal for the input at `path` of a plan or
/// budget (`members[2].population`), `field` being its last name
/// (`population`): a text that is not a number is core's `invalid_number`
/// placed at `path`, which reaches Python as a `PlanError` with `.path`.
pub fn placed_decimal(
    value: &Bound<'_, PyAny>,
    field: &str,
    path: &str,
    floats: Floats,
) -> PyResult<Decimal> {
    let text = number_text(value, path, floats)?;
    andel::parse_decimal(&text, field)
        .map_err(|e| e.at(path))
        .or_raise(value.py())
}

/// Reads weight number `index` as [`decimal`] does (field `weight 2`, or
/// `weight 2 (Hylte)` with names), faster for the two common kinds: an
/// `int` that fits in 64 bits is taken as it is and an exact
/// `decimal.Decimal` is read from its `str()`, with no lookup by name, and
/// the field's label is made only when the value is refused.
pub fn weight(
    value: &Bound<'_, PyAny>,
    index: usize,
    names: Option<&[String]>,
) -> PyResult<Decimal> {
    if value.is_exact_instance_of::<PyInt>() {
        if let Ok(int) = value.extract::<i64>() {
            return Ok(Decimal::from(int));
        }
    } else if value
        .get_type()
        .is(DECIMAL.import(value.py(), "decimal", "Decimal")?)
    {
        // An exact Decimal's str() is Decimal.__str__, which decimal() reads.
        if let Ok(text) = value.str()
            && let Ok(text) = text.to_cow()
            && let Ok(d) = andel::parse_decimal(&text, "weight")
        {
            return Ok(d);
        }
    }
    decimal(value, &weight_field(index, names), Floats::ReadRepr)
}

/// The weight's label in messages, core's [`andel::weight_label`].
fn weight_field(index: usize, names: Option<&[String]>) -> String {
    andel::weight_label(index, names.and_then(|n| n.get(index)).map(String::as_str))
}

/// Decimals as a list of `decimal.Decimal`s, each built from its text
/// (written by [`andel::push_decimal`] into one reused buffer) by one call
/// of the class: the same values pyo3's conversion gives, at a fraction of
/// its cost per amount.
pub fn decimal_list<'py>(py: Python<'py>, values: &[Decimal]) -> PyResult<Bound<'py, PyList>> {
    let class = DECIMAL.import(py, "decimal", "Decimal")?;
    let mut text = String::with_capacity(32);
    let items = values
        .iter()
        .map(|&d| {
            text.clear();
            andel::push_decimal(&mut text, d);
            class.call1((PyString::new(py, &text),))
        })
        .collect::<PyResult<Vec<_>>>()?;
    PyList::new(py, items)
}

/// An optional decimal: `None` stays `None`.
pub fn optional_decimal(
    value: Option<&Bound<'_, PyAny>>,
    field: &str,
    floats: Floats,
) -> PyResult<Option<Decimal>> {
    value
        .filter(|v| !v.is_none())
        .map(|v| decimal(v, field, floats))
        .transpose()
}

/// The text that stands for the number `value`.
fn number_text(value: &Bound<'_, PyAny>, field: &str, floats: Floats) -> PyResult<String> {
    let py = value.py();
    // bool is a subclass of int, so it must be refused before ints are read.
    if value.is_instance_of::<PyBool>() {
        return Err(PyTypeError::new_err(format!(
            "{field}: {} is a bool, not a number",
            value.repr()?
        )));
    }
    if value.is_instance_of::<PyFloat>() {
        return match floats {
            Floats::Refuse => Err(PyTypeError::new_err(format!(
                "{field}: {} is a float, and money is never a float: \
                 pass a str such as '0.10' or a decimal.Decimal",
                float_repr(value)?
            ))),
            Floats::RefuseFigure => Err(PyTypeError::new_err(format!(
                "{field}: {} is a float, which has lost its exact value: \
                 pass a str such as '{0}', an int or a decimal.Decimal",
                float_repr(value)?
            ))),
            Floats::ReadRepr => float_repr(value),
        };
    }
    if let Ok(text) = value.cast::<PyString>() {
        return Ok(text.to_cow()?.into_owned());
    }
    if value.is_instance_of::<PyInt>() {
        return int_repr(value);
    }
    let decimal_class = DECIMAL.import(py, "decimal", "Decimal")?;
    if value.is_instance(decimal_class)? {
        // Decimal.__str__ rather than str(): a subclass may print otherwise.
        // NaN and Infinity print as such and are refused by parse_decimal.
        return unbound_call(decimal_class, "__str__", value);
    }
    if value.hasattr("__index__")? {
        let int = py.import("operator")?.call_method1("index", (value,))?;
        return int_repr(&int);
    }
    let accepted = match floats {
        Floats::Refuse | Floats::RefuseFigure => "a decimal.Decimal, int or str",
        Floats::ReadRepr => "a decimal.Decimal, int, str or float",
    };
    Err(PyTypeError::new_err(format!(
        "{field}: expected {accepted}, not {}",
        value.get_type().name()?
    )))
}

static DECIMAL: PyOnceLock<Py<PyType>> = PyOnceLock::new();

/// `float.__repr__(value)`: the shortest text that reads back as the same
/// float. Called on the base class so that subclasses (numpy.float64)
/// print as plain floats too.
fn float_repr(value: &Bound<'_, PyAny>) -> PyResult<String> {
    unbound_call(&value.py().get_type::<PyFloat>(), "__repr__", value)
}

/// `int.__repr__(value)`: the digits, also for int subclasses such as
/// `IntEnum` whose `str()` is a name.
fn int_repr(value: &Bound<'_, PyAny>) -> PyResult<String> {
    unbound_call(&value.py().get_type::<PyInt>(), "__repr__", value)
}

/// `class.method(value)` as a Rust string.
fn unbound_call(
    class: &Bound<'_, PyType>,
    method: &str,
    value: &Bound<'_, PyAny>,
) -> PyResult<String> {
    class.call_method1(method, (value,))?.extract()
}
