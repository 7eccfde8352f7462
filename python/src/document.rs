//! Documents for core, and files: an outcome argument becomes the text and
//! format core reads (a dict through `host.rs`, as core's `HostValue`), and
//! files are read and written through Python's own `open`, so paths,
//! encodings and `OSError`s are Python's.

use crate::errors::OrRaise;
use crate::host::document_json;
use andel::plan::Format;
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyDict, PyList, PyString, PyType};

static MAPPING: PyOnceLock<Py<PyType>> = PyOnceLock::new();
static PATH_LIKE: PyOnceLock<Py<PyType>> = PyOnceLock::new();

/// Whether `value` is a `collections.abc.Mapping`.
pub fn is_mapping(value: &Bound<'_, PyAny>) -> PyResult<bool> {
    value.is_instance(MAPPING.import(value.py(), "collections.abc", "Mapping")?)
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
        // Handed to core as it is, which names every value it refuses.
        let json = if outcome.contains("outcome")? {
            document_json(outcome)?
        } else {
            let wrapped = PyDict::new(py);
            wrapped.set_item("outcome", PyList::new(py, [outcome])?)?;
            document_json(&wrapped)?
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
