//! The arguments of a split, read from Python and run through core.

use crate::convert::{Floats, decimal, optional_decimal, weight};
use crate::errors::OrRaise;
use andel::{Allocation, Allocator, Decimal, Method};
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;

/// A split read from Python arguments, ready for core.
pub struct Split {
    allocator: Allocator,
    total: Decimal,
    weights: Vec<Decimal>,
    names: Option<Vec<String>>,
}

impl Split {
    /// Reads the arguments in the order of the shared error precedence: the
    /// numbers first (total, unit, first divisor, then the weights in
    /// order), then the method name; every other check is core's.
    pub fn read(
        total: &Bound<'_, PyAny>,
        weights: &[Bound<'_, PyAny>],
        names: Option<Vec<String>>,
        unit: &Bound<'_, PyAny>,
        method: &str,
        first_divisor: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Self> {
        let py = total.py();
        if names.as_ref().is_some_and(|n| n.len() != weights.len()) {
            // The public functions take names from the weights' own mapping,
            // so this is a caller bug inside the package, not a user error.
            return Err(PyValueError::new_err("names and weights differ in length"));
        }
        let total = decimal(total, "total", Floats::Refuse)?;
        let unit = decimal(unit, "unit", Floats::Refuse)?;
        let first_divisor = optional_decimal(first_divisor, "first_divisor", Floats::Refuse)?;
        let weights = weights
            .iter()
            .enumerate()
            .map(|(i, w)| weight(w, i, names.as_deref()))
            .collect::<PyResult<Vec<_>>>()?;
        let method: Method = method.parse().or_raise(py)?;
        Ok(Split {
            allocator: Allocator::new()
                .unit(unit)
                .method(method)
                .first_divisor(first_divisor),
            total,
            weights,
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
