//! Turning core errors and Rust panics into andel's Python exceptions.
//!
//! The exception classes live in `andel/_errors.py` (pure Python, so they
//! carry docstrings, a real `__init__` and pickle cleanly); this module only
//! picks the class and fills in `.code` and the message.

use andel::{Error, ErrorFamily};
use pyo3::call::PyCallArgs;
use pyo3::prelude::*;
use std::any::Any;
use std::panic::{AssertUnwindSafe, catch_unwind};

/// The code of the error raised when Rust panics, which is always a bug.
const INTERNAL_ERROR: &str = "internal_error";

/// Maps a core error to its Python exception: the class by the error's
/// family, `.code` and the message exactly as core wrote them, and for an
/// error in a plan its place (`.path`, `.line`, `.column`).
///
/// This is the only place where core errors are mapped.
pub fn from_core(py: Python<'_>, err: &Error) -> PyErr {
    let location = err.location();
    let class = match err.family() {
        ErrorFamily::Internal => "AndelError",
        // An error at a place in a plan is a PlanError whatever its family
        // (a bad date in a plan file is a problem of that plan), because
        // only PlanError carries the place.
        _ if location.is_some() => "PlanError",
        ErrorFamily::Plan => "PlanError",
        ErrorFamily::Allocation => "AllocationError",
        ErrorFamily::Input => "InputError",
        ErrorFamily::Overflow => "AndelOverflowError",
        // A family added to core later still surfaces as an AndelError with
        // its own code, never as a crash.
        _ => "AndelError",
    };
    let message = err.to_string();
    let made = if class == "PlanError" {
        // Core's path is empty for "the whole document" (syntax errors,
        // whose place is the line and column): Python says None.
        let path = location
            .map(|at| at.path.as_str())
            .filter(|p| !p.is_empty());
        let line = location.and_then(|at| at.line);
        let column = location.and_then(|at| at.column);
        new_exception(py, class, (message, err.code(), path, line, column))
    } else {
        new_exception(py, class, (message, err.code()))
    };
    made.unwrap_or_else(|e| e)
}

/// Converts a core `Result` into a `PyResult` with [`from_core`].
pub trait OrRaise<T> {
    /// The value, or the core error as a Python exception.
    fn or_raise(self, py: Python<'_>) -> PyResult<T>;
}

impl<T> OrRaise<T> for andel::Result<T> {
    fn or_raise(self, py: Python<'_>) -> PyResult<T> {
        self.map_err(|err| from_core(py, &err))
    }
}

/// Runs the body of a Python-facing function so that no panic crosses into
/// Python: a panic becomes `AndelError` with code `internal_error`.
///
/// pyo3 would otherwise raise `PanicException`, a `BaseException` that
/// `except ValueError` / `except Exception` does not catch.
pub fn boundary<T>(py: Python<'_>, body: impl FnOnce() -> PyResult<T>) -> PyResult<T> {
    // AssertUnwindSafe: after a panic nothing the body touched is used
    // again; the inputs are Python objects that stay consistent on their own.
    catch_unwind(AssertUnwindSafe(body)).unwrap_or_else(|payload| {
        let detail = panic_message(payload.as_ref());
        Err(andel_error(
            py,
            "AndelError",
            INTERNAL_ERROR,
            &format!("internal error in andel ({detail}): this is a bug, please report it"),
        ))
    })
}

/// The text a panic was raised with, when it has one.
fn panic_message(payload: &(dyn Any + Send)) -> &str {
    payload
        .downcast_ref::<&str>()
        .copied()
        .or_else(|| payload.downcast_ref::<String>().map(String::as_str))
        .unwrap_or("a panic without a message")
}

/// An instance of `andel._errors.<class>(message, code)` as a `PyErr`.
fn andel_error(py: Python<'_>, class: &str, code: &str, message: &str) -> PyErr {
    new_exception(py, class, (message, code)).unwrap_or_else(|e| e)
}

/// `andel._errors.<class>(*args)` as a `PyErr`; the error of the import or
/// the call if the package itself is broken (said rather than hidden).
fn new_exception<'py, A>(py: Python<'py>, class: &str, args: A) -> Result<PyErr, PyErr>
where
    A: PyCallArgs<'py>,
{
    let exception = py.import("andel._errors")?.getattr(class)?.call1(args)?;
    Ok(PyErr::from_value(exception))
}
