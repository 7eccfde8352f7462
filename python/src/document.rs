//! Documents for core, and files: a plan or outcome given as a dict is
//! written as the JSON text core reads (decimals and dates as text, so
//! nothing is lost on the way), an outcome argument becomes the text and
//! format core reads, and files are read and written through Python's own
//! `open`, so paths, encodings and `OSError`s are Python's.

use crate::errors::OrRaise;
use andel::plan::Format;
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyDict, PyList, PyString, PyTuple, PyType};

static MAPPING: PyOnceLock<Py<PyType>> = PyOnceLock::new();
static DATE: PyOnceLock<Py<PyType>> = PyOnceLock::new();
static DECIMAL: PyOnceLock<Py<PyType>> = PyOnceLock::new();
static PATH_LIKE: PyOnceLock<Py<PyType>> = PyOnceLock::new();

/// Whether `value` is a `collections.abc.Mapping`.
pub fn is_mapping(value: &Bound<'_, PyAny>) -> PyResult<bool> {
    value.is_instance(MAPPING.import(value.py(), "collections.abc", "Mapping")?)
}

/// `value` ready for `json.dumps`: a Decimal becomes its text (so core
/// reads it exactly), a date its ISO text (also as a key), a tuple a list;
/// a float stays a JSON number, which core refuses with a message.
fn json_value<'py>(value: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    let py = value.py();
    if is_mapping(value)? {
        let dict = PyDict::new(py);
        for item in value.call_method0("items")?.try_iter()? {
            let (key, item): (Bound<'py, PyAny>, Bound<'py, PyAny>) = item?.extract()?;
            let key = if is_date(&key)? {
                key.call_method0("isoformat")?
            } else {
                key
            };
            dict.set_item(key, json_value(&item)?)?;
        }
        return Ok(dict.into_any());
    }
    if value.is_instance_of::<PyList>() || value.is_instance_of::<PyTuple>() {
        let items = value
            .try_iter()?
            .map(|item| json_value(&item?))
            .collect::<PyResult<Vec<_>>>()?;
        return Ok(PyList::new(py, items)?.into_any());
    }
    if value.is_instance(DECIMAL.import(py, "decimal", "Decimal")?)? {
        return Ok(value.str()?.into_any());
    }
    if is_date(value)? {
        return value.call_method0("isoformat");
    }
    Ok(value.clone())
}

fn is_date(value: &Bound<'_, PyAny>) -> PyResult<bool> {
    value.is_instance(DATE.import(value.py(), "datetime", "date")?)
}

/// A dict as the pretty JSON text core reads (`json.dumps(..., indent=2,
/// ensure_ascii=False)`), so that an error's line and column point into it.
pub fn dict_to_json(data: &Bound<'_, PyAny>) -> PyResult<String> {
    let py = data.py();
    let kwargs = PyDict::new(py);
    kwargs.set_item("indent", 2)?;
    kwargs.set_item("ensure_ascii", false)?;
    py.import("json")?
        .call_method("dumps", (json_value(data)?,), Some(&kwargs))?
        .extract()
}

/// The text of the file at `path` (`utf-8-sig`: a byte-order mark, as some
/// Windows editors write, is not part of the text).
pub fn read_text(path: &Bound<'_, PyAny>) -> PyResult<String> {
    let py = path.py();
    let kwargs = PyDict::new(py);
    kwargs.set_item("encoding", "utf-8-sig")?;
    let file = py
        .import("builtins")?
        .call_method("open", (path,), Some(&kwargs))?;
    let text = file.call_method0("read");
    file.call_method0("close")?;
    text?.extract()
}

/// Writes `data` (a str, or bytes with `encoding` None) to the file at
/// `path`, replacing it; a str's own `"\n"` line ends are kept.
pub fn write_file(
    path: &Bound<'_, PyAny>,
    data: &Bound<'_, PyAny>,
    encoding: Option<&str>,
) -> PyResult<()> {
    let py = path.py();
    let kwargs = PyDict::new(py);
    let mode = match encoding {
        Some(encoding) => {
            kwargs.set_item("encoding", encoding)?;
            kwargs.set_item("newline", "")?;
            "w"
        }
        None => "wb",
    };
    let file = py
        .import("builtins")?
        .call_method("open", (path, mode), Some(&kwargs))?;
    let written = file.call_method1("write", (data,));
    file.call_method0("close")?;
    written.map(drop)
}

/// The format name of the plan or outcome file at `path`, by its extension:
/// core's rule.
pub fn format_of_file(path: &Bound<'_, PyAny>) -> PyResult<&'static str> {
    let file: std::path::PathBuf = path.extract()?;
    Format::of_path(&file).map(Format::name).or_raise(path.py())
}

/// An outcome argument as (text, format) for core; (None, None) for the
/// plan's own `[[outcome]]`: a dict (`{"outcome": [...]}`, or one outcome)
/// as JSON, a text with a line break as it is (core tells TOML from JSON),
/// or a path to an outcome file.
pub fn outcome_text(
    outcome: Option<&Bound<'_, PyAny>>,
) -> PyResult<(Option<String>, Option<&'static str>)> {
    let Some(outcome) = outcome else {
        return Ok((None, None));
    };
    let py = outcome.py();
    if is_mapping(outcome)? {
        let json = if outcome.contains("outcome")? {
            dict_to_json(outcome)?
        } else {
            let wrapped = PyDict::new(py);
            wrapped.set_item("outcome", PyList::new(py, [outcome])?)?;
            dict_to_json(&wrapped)?
        };
        return Ok((Some(json), Some("json")));
    }
    if let Ok(text) = outcome.cast::<PyString>() {
        let text = text.to_cow()?;
        if text.contains('\n') {
            return Ok((Some(text.into_owned()), None));
        }
    }
    let path_like = PATH_LIKE.import(py, "os", "PathLike")?;
    if outcome.is_instance_of::<PyString>() || outcome.is_instance(path_like)? {
        let format = format_of_file(outcome)?;
        return Ok((Some(read_text(outcome)?), Some(format)));
    }
    Err(PyTypeError::new_err(format!(
        "an outcome is a path, a text or a dict, not {}",
        outcome.get_type().name()?
    )))
}
