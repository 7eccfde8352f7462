//! Text for people, from core's `andel::text`: the language a caller names
//! (or the default for a plan's currency), core's labels and core's figures.
//!
//! Python never writes a label or a number format of its own: the HTML
//! table of `andel/_display.py` asks these functions.

use crate::convert::{Floats, decimal};
use crate::errors::OrRaise;
use andel::text::{self, Lang};
use pyo3::exceptions::PyRuntimeError;
use pyo3::prelude::*;
use pyo3::types::PyDict;

/// The language `lang` names (`"sv"` or `"en"`), or core's default for
/// `currency` when None. Any other code is `unknown_language`.
pub fn lang_for(py: Python<'_>, lang: Option<&str>, currency: &str) -> PyResult<Lang> {
    match lang {
        Some(code) => code.parse::<Lang>().or_raise(py),
        None => Ok(Lang::default_for(currency)),
    }
}

/// The language named `lang`, without a default.
fn named(py: Python<'_>, lang: &str) -> PyResult<Lang> {
    lang_for(py, Some(lang), "")
}

/// `"sv"` for SEK, `"en"` for every other currency, as core decides.
pub fn default_lang(currency: &str) -> &'static str {
    Lang::default_for(currency).code()
}

/// Every label of `lang`, by field name, as core serialises them.
pub fn labels<'py>(py: Python<'py>, lang: &str) -> PyResult<Bound<'py, PyDict>> {
    let labels = named(py, lang)?.labels();
    let value = serde_json::to_value(labels)
        .map_err(|e| PyRuntimeError::new_err(format!("serialising the labels: {e}")))?;
    let dict = PyDict::new(py);
    if let serde_json::Value::Object(map) = value {
        for (key, label) in map {
            if let serde_json::Value::String(label) = label {
                dict.set_item(key, label)?;
            }
        }
    }
    Ok(dict)
}

/// `value` in `lang`'s format, every digit kept (`1 250 000,50` / `1250000.50`).
pub fn format_figure(py: Python<'_>, value: &Bound<'_, PyAny>, lang: &str) -> PyResult<String> {
    let lang = named(py, lang)?;
    Ok(text::figure(decimal(value, "value", Floats::Refuse)?, lang))
}

/// `value` with its currency in `lang` (`1 250 000 kr` / `1250000 SEK`).
pub fn format_money(
    py: Python<'_>,
    value: &Bound<'_, PyAny>,
    currency: &str,
    lang: &str,
) -> PyResult<String> {
    let lang = named(py, lang)?;
    Ok(text::money(
        decimal(value, "value", Floats::Refuse)?,
        currency,
        lang,
    ))
}

/// `kr` for kronor in Swedish, else the currency code.
pub fn currency_symbol(py: Python<'_>, currency: &str, lang: &str) -> PyResult<String> {
    let lang = named(py, lang)?;
    Ok(text::currency_symbol(currency, lang).to_string())
}
