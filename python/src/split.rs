//! The arguments of a split, read from Python and run through core.
//!
//! Each Python value is only converted here (into [`andel::RawNumber`]);
//! the order in which the arguments are read and what a float may be are
//! core's ([`andel::SplitArguments::read`]), the wording of a refused value
//! Python's ([`refusal_error`]).

use crate::convert::{Held, held, is_exact_decimal, refusal_error};
use crate::errors::{OrRaise, from_core};
use andel::{Allocation, Allocator, Decimal, RawNumber, Refusal, SplitArguments};
use pyo3::prelude::*;
use pyo3::types::{PyInt, PyString};

/// A split read from Python arguments, ready for core.
pub struct Split {
    allocator: Allocator,
    total: Decimal,
    weights: Vec<Decimal>,
    names: Option<Vec<String>>,
}

/// What reading a split's arguments failed with: core's error or a Python
/// exception (a refusal in Python's words, or one raised while converting).
pub enum Failure {
    /// A core error, raised as its andel exception.
    Core(andel::Error),
    /// A Python exception.
    Py(PyErr),
}

impl From<andel::Error> for Failure {
    fn from(err: andel::Error) -> Self {
        Failure::Core(err)
    }
}

impl From<PyErr> for Failure {
    fn from(err: PyErr) -> Self {
        Failure::Py(err)
    }
}

impl Failure {
    /// The failure as the Python exception to raise.
    pub fn raise(self, py: Python<'_>) -> PyErr {
        match self {
            Failure::Core(err) => from_core(py, &err),
            Failure::Py(err) => err,
        }
    }
}

/// A Python value held as core reads it: `None` is absent.
pub fn held_optional(value: Option<&Bound<'_, PyAny>>) -> PyResult<Option<Held>> {
    value.filter(|v| !v.is_none()).map(held).transpose()
}

/// An optional held value as core's raw number.
pub fn raw(held: &Option<Held>) -> RawNumber<'_> {
    held.as_ref().map_or(RawNumber::Absent, Held::raw)
}

/// Python's refusal, for core's readers.
pub fn refuse(py: Python<'_>) -> impl Fn(Refusal<'_>) -> Failure {
    move |refusal| Failure::Py(refusal_error(py, refusal))
}

impl Split {
    /// Reads the arguments with core's [`SplitArguments::read`]: its order
    /// (total, unit, first divisor, the weights in order, the method, the
    /// names against the weights) and its number policy.
    pub fn read(
        total: &Bound<'_, PyAny>,
        weights: &[Bound<'_, PyAny>],
        names: Option<Vec<String>>,
        unit: &Bound<'_, PyAny>,
        method: &str,
        first_divisor: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Self> {
        let py = total.py();
        let total = held(total)?;
        let unit = held(unit)?;
        let first_divisor = held_optional(first_divisor)?;
        let arguments = SplitArguments {
            total: total.raw(),
            unit: unit.raw(),
            first_divisor: raw(&first_divisor),
            first_divisor_field: "first_divisor",
            method: Some(method),
            weight_count: weights.len(),
            names: names.as_deref(),
        };
        let split = arguments
            .read(&refuse(py), |reader| {
                weights
                    .iter()
                    .enumerate()
                    .map(|(i, w)| {
                        // The fast kinds, read with no text made here: an
                        // int of 64 bits as it is, a str and an exact
                        // Decimal's str() borrowed.
                        if w.is_exact_instance_of::<PyInt>()
                            && let Ok(int) = w.extract::<i64>()
                        {
                            return reader.weight(i, RawNumber::Integer(int));
                        }
                        if let Ok(text) = w.cast::<PyString>() {
                            return reader.weight(i, RawNumber::Text(&text.to_cow()?));
                        }
                        if is_exact_decimal(w)? {
                            let text = w.str()?;
                            return reader.weight(i, RawNumber::Text(&text.to_cow()?));
                        }
                        reader.weight(i, held(w)?.raw())
                    })
                    .collect::<Result<Vec<_>, Failure>>()
            })
            .map_err(|f| f.raise(py))?;
        Ok(Split {
            allocator: split.allocator,
            total: split.total,
            weights: split.weights,
            names,
        })
    }

    /// The amounts, in weight order.
    pub fn allocate(self, py: Python<'_>) -> PyResult<Vec<Decimal>> {
        self.split_by(py, Allocator::allocate)
    }

    /// The parts as counts of rounding units, in weight order.
    pub fn allocate_to_units(self, py: Python<'_>) -> PyResult<Vec<i64>> {
        self.split_by(py, Allocator::allocate_to_units)
    }

    /// Runs one of core's splits outside the GIL (core works on Rust values
    /// only, so other Python threads may run). Core reports a negative
    /// weight by position only; a mapping's weights are known by name, so
    /// core adds it, as its `explain_named` does.
    fn split_by<T: Send>(
        self,
        py: Python<'_>,
        split: impl FnOnce(&Allocator, Decimal, &[Decimal]) -> andel::Result<T> + Send,
    ) -> PyResult<T> {
        let Split {
            allocator,
            total,
            weights,
            names,
        } = self;
        py.detach(move || {
            split(&allocator, total, &weights).map_err(|err| err.with_names(names.as_deref()))
        })
        .or_raise(py)
    }

    /// The split explained part by part.
    pub fn explain(self, py: Python<'_>) -> PyResult<Allocation> {
        let Split {
            allocator,
            total,
            weights,
            names,
        } = self;
        py.detach(move || match names {
            Some(names) => allocator.explain_named(total, &names, &weights),
            None => allocator.explain(total, &weights),
        })
        .or_raise(py)
    }
}
