//! A plan or outcome given as Python values (a dict of lists, strs, ints,
//! Decimals, dates), handed to core as it is: walked into core's
//! [`HostValue`], which core writes as the JSON its reader reads, or
//! refuses at the value's path with its own message. Only conversion here:
//! what a Python value is; what may be part of a plan is core's.

use crate::convert::{Held, held};
use andel::plan::HostValue;
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyDate, PyFloat, PyInt, PyList, PyMapping, PyString, PyTuple};

/// `value` as core's [`HostValue`].
pub fn host_value(value: &Bound<'_, PyAny>) -> PyResult<HostValue> {
    walk(value, &mut Vec::new())
}

/// `value`, with `open` the containers being walked (outermost first), to
/// find a circular reference and to bound the depth.
fn walk(value: &Bound<'_, PyAny>, open: &mut Vec<usize>) -> PyResult<HostValue> {
    if value.is_none() {
        return Ok(HostValue::Null);
    }
    // bool is a subclass of int, so it is told apart first.
    if let Ok(b) = value.cast::<PyBool>() {
        return Ok(HostValue::Bool(b.is_true()));
    }
    if let Ok(text) = value.cast::<PyString>() {
        return Ok(HostValue::Text(text.to_cow()?.into_owned()));
    }
    if value.is_instance_of::<PyInt>() || value.is_instance_of::<PyFloat>() {
        return Ok(match held(value)? {
            Held::Float(repr) => HostValue::Float(repr),
            Held::Text(digits) => HostValue::Integer(digits),
            Held::Bool(shown) | Held::Other(shown) => HostValue::Unsupported(shown),
        });
    }
    // A date (or a datetime, its subclass) is written as its ISO text, which
    // core reads as a date or refuses with its own message.
    if value.is_instance_of::<PyDate>() {
        return Ok(HostValue::Text(value.call_method0("isoformat")?.extract()?));
    }
    if value.is_instance_of::<PyList>() || value.is_instance_of::<PyTuple>() {
        return container(value, open, |value, open| {
            let items = value.try_iter()?;
            let list = items
                .map(|item| walk(&item?, open))
                .collect::<PyResult<_>>()?;
            Ok(HostValue::List(list))
        });
    }
    if let Ok(mapping) = value.cast::<PyMapping>() {
        return container(value, open, |_, open| entries(mapping, open));
    }
    Ok(match held(value)? {
        // A Decimal's text, or an integer's digits (an object with
        // `__index__`, such as a numpy integer).
        Held::Text(text) => HostValue::Text(text),
        Held::Float(repr) => HostValue::Float(repr),
        Held::Bool(shown) => HostValue::Unsupported(shown),
        Held::Other(name) => HostValue::Unsupported(format!("a {name}")),
    })
}

/// A list, tuple or mapping, walked by `inner` unless it contains itself or
/// nests too deeply.
fn container<'py>(
    value: &Bound<'py, PyAny>,
    open: &mut Vec<usize>,
    inner: impl FnOnce(&Bound<'py, PyAny>, &mut Vec<usize>) -> PyResult<HostValue>,
) -> PyResult<HostValue> {
    let id = value.as_ptr() as usize;
    if open.contains(&id) {
        return Ok(HostValue::Circular);
    }
    if open.len() >= HostValue::MAX_DEPTH {
        return Ok(HostValue::TooDeep);
    }
    open.push(id);
    let walked = inner(value, open);
    open.pop();
    walked
}

/// A mapping's entries in order. Keys are strs, or dates (the dates of a
/// metric's series) written as their ISO text, or ints written as their
/// digits (as `json.dumps` writes them); any other key is a problem there.
fn entries(mapping: &Bound<'_, PyMapping>, open: &mut Vec<usize>) -> PyResult<HostValue> {
    let mut out = Vec::new();
    for item in mapping.items()?.try_iter()? {
        let (key, value): (Bound<'_, PyAny>, Bound<'_, PyAny>) = item?.extract()?;
        let walked = walk(&value, open)?;
        match key_text(&key)? {
            Some(name) => out.push((name, walked)),
            None => {
                let kind = key.get_type().name()?.to_cow()?.into_owned();
                let shown = key.repr()?.to_cow()?.into_owned();
                out.push((
                    shown,
                    HostValue::Unsupported(format!("a key of type {kind}")),
                ));
            }
        }
    }
    Ok(HostValue::Map(out))
}

fn key_text(key: &Bound<'_, PyAny>) -> PyResult<Option<String>> {
    if let Ok(text) = key.cast::<PyString>() {
        return Ok(Some(text.to_cow()?.into_owned()));
    }
    if key.is_instance_of::<PyDate>() {
        return Ok(Some(key.call_method0("isoformat")?.extract()?));
    }
    if key.is_instance_of::<PyInt>() && !key.is_instance_of::<PyBool>() {
        return Ok(Some(key.str()?.to_cow()?.into_owned()));
    }
    Ok(None)
}

/// The JSON text of a document given as Python values, or its first
/// problem raised (a `PlanError` at its path).
pub fn document_json(value: &Bound<'_, PyAny>) -> PyResult<String> {
    let py = value.py();
    host_value(value)?
        .to_json()
        .map_err(|problems| first_problem(py, problems))
}

/// The first of core's problems as the Python exception.
pub fn first_problem(py: Python<'_>, problems: Vec<andel::Error>) -> PyErr {
    match problems.into_iter().next() {
        Some(first) => crate::errors::from_core(py, &first),
        None => crate::errors::from_core(
            py,
            &andel::Error::Internal {
                message: "a document refused without a problem".into(),
            },
        ),
    }
}
