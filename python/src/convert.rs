//! Reading Python values as exact decimals.
//!
//! Every number becomes a text first and is then read by
//! [`andel::parse_decimal`], so Python accepts and refuses exactly the texts
//! that the other runtimes do. Only the choice of text differs by type.

use crate::errors::{OrRaise, from_core};
use andel::{Decimal, RawNumber, Refusal, RefusalKind};
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyBool, PyFloat, PyInt, PyList, PyString, PyType};

/// Whether a Python `float` is refused as money or as a figure, in the
/// messages of the readers here (budgets, texts). A split's float policy
/// is core's (`andel::SplitArguments`, see `split.rs`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Floats {
    /// Money (totals, units, amounts): a float is a `TypeError`.
    Refuse,
    /// The figures of a budget that are not money (populations, the blend's
    /// fixed part, fixed shares): a float is a `TypeError`, as in a plan,
    /// whose reader refuses a float anywhere.
    RefuseFigure,
}

/// A Python value as the text it stands for, and what kind of value it
/// was: what core's [`andel::RawNumber`] is made of.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Held {
    /// A str as given, an int's digits, a Decimal's `__str__`.
    Text(String),
    /// A float's shortest `repr` (`0.1`, `nan`).
    Float(String),
    /// A bool, as its `repr` (`True`): never a number.
    Bool(String),
    /// Any other type, by its name: never a number.
    Other(String),
}

impl Held {
    /// The value as core's raw number.
    pub fn raw(&self) -> RawNumber<'_> {
        match self {
            Held::Text(text) => RawNumber::Text(text),
            Held::Float(repr) => RawNumber::Float(repr),
            Held::Bool(shown) | Held::Other(shown) => RawNumber::Other(shown),
        }
    }
}

/// Python's wording of a value core's number policy refused (a split's,
/// `round_to_unit`'s): a `TypeError`, except a float with no decimal value
/// (`nan`, `inf`), which is core's `invalid_number` for its text.
pub fn refusal_error(py: Python<'_>, refusal: Refusal<'_>) -> PyErr {
    let Refusal {
        field, shown, kind, ..
    } = refusal;
    match kind {
        RefusalKind::FloatMoney => float_refusal(field, shown, Floats::Refuse),
        RefusalKind::NotFinite => match andel::parse_decimal(shown, field) {
            Err(err) => from_core(py, &err),
            Ok(_) => from_core(py, &refusal.invalid_number("it is not finite")),
        },
        // Held::Bool is shown as `True` or `False`, which no type is named.
        RefusalKind::NotANumber if shown == "True" || shown == "False" => {
            bool_refusal(field, shown)
        }
        RefusalKind::NotANumber => not_a_number(field, shown, !refusal.which.is_money()),
    }
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

/// The text that stands for the number `value`, refusing a float as
/// `floats` says and any value that is no number.
fn number_text(value: &Bound<'_, PyAny>, field: &str, floats: Floats) -> PyResult<String> {
    match held(value)? {
        Held::Text(text) => Ok(text),
        Held::Float(repr) => Err(float_refusal(field, &repr, floats)),
        Held::Bool(shown) => Err(bool_refusal(field, &shown)),
        Held::Other(name) => Err(not_a_number(field, &name, false)),
    }
}

/// The `TypeError` for a float refused as money or as a figure.
fn float_refusal(field: &str, repr: &str, floats: Floats) -> PyErr {
    PyTypeError::new_err(match floats {
        Floats::Refuse => format!(
            "{field}: {repr} is a float, and money is never a float: \
             pass a str such as '0.10' or a decimal.Decimal"
        ),
        Floats::RefuseFigure => format!(
            "{field}: {repr} is a float, which has lost its exact value: \
             pass a str such as '{repr}', an int or a decimal.Decimal"
        ),
    })
}

/// The `TypeError` for a bool, which is not a number.
fn bool_refusal(field: &str, shown: &str) -> PyErr {
    PyTypeError::new_err(format!("{field}: {shown} is a bool, not a number"))
}

/// The `TypeError` for a value of type `name`, which is no number.
fn not_a_number(field: &str, name: &str, floats_accepted: bool) -> PyErr {
    let accepted = if floats_accepted {
        "a decimal.Decimal, int, str or float"
    } else {
        "a decimal.Decimal, int or str"
    };
    PyTypeError::new_err(format!("{field}: expected {accepted}, not {name}"))
}

/// What `value` is as a number: its text and kind. Only conversion: what
/// is accepted where is decided by the caller's policy (core's, for a
/// split).
pub fn held(value: &Bound<'_, PyAny>) -> PyResult<Held> {
    let py = value.py();
    // bool is a subclass of int, so it must be told apart before ints are read.
    if value.is_instance_of::<PyBool>() {
        return Ok(Held::Bool(value.repr()?.to_cow()?.into_owned()));
    }
    if value.is_instance_of::<PyFloat>() {
        return Ok(Held::Float(float_repr(value)?));
    }
    if let Ok(text) = value.cast::<PyString>() {
        return Ok(Held::Text(text.to_cow()?.into_owned()));
    }
    if value.is_instance_of::<PyInt>() {
        return Ok(Held::Text(int_repr(value)?));
    }
    let decimal_class = DECIMAL.import(py, "decimal", "Decimal")?;
    if value.is_instance(decimal_class)? {
        // Decimal.__str__ rather than str(): a subclass may print otherwise.
        // NaN and Infinity print as such and are refused by parse_decimal.
        return Ok(Held::Text(unbound_call(decimal_class, "__str__", value)?));
    }
    if value.hasattr("__index__")? {
        let int = py.import("operator")?.call_method1("index", (value,))?;
        return Ok(Held::Text(int_repr(&int)?));
    }
    Ok(Held::Other(value.get_type().name()?.to_cow()?.into_owned()))
}

/// Whether `value` is exactly a `decimal.Decimal` (not a subclass), whose
/// `str()` is `Decimal.__str__`: the weights' fast path.
pub fn is_exact_decimal(value: &Bound<'_, PyAny>) -> PyResult<bool> {
    Ok(value
        .get_type()
        .is(DECIMAL.import(value.py(), "decimal", "Decimal")?))
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
