//! Core errors as values the JavaScript wrapper turns into `AndelError`.

use wasm_bindgen::prelude::*;

/// A failure as it crosses into JavaScript: the stable code, the message,
/// and for an error about a plan, where in the plan it is.
///
/// Exported functions throw an `ErrorInfo` (`checkPlan` returns a list of
/// them); the wrapper in `wasm/js/api.js` copies the fields into an
/// `AndelError` (or a plain problem object) and frees it. Users never see
/// this type.
#[wasm_bindgen(getter_with_clone)]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ErrorInfo {
    /// The stable snake_case code, [`andel::Error::code`].
    #[wasm_bindgen(readonly)]
    pub code: String,
    /// The message, the `Display` of the core error.
    #[wasm_bindgen(readonly)]
    pub message: String,
    /// The message without the place it names: the `Display` of
    /// [`andel::Error::root`]. The wrapper uses it to name a place of its own
    /// when the plan was a JavaScript object rather than a text.
    #[wasm_bindgen(readonly)]
    pub detail: String,
    /// For an error about a plan, the path of the field
    /// (`costs[2].participants[0]`; empty for the whole document).
    #[wasm_bindgen(readonly)]
    pub path: Option<String>,
    /// For an error in a plan read from text, the line, from 1.
    #[wasm_bindgen(readonly)]
    pub line: Option<u32>,
    /// For an error in a plan read from text, the column, from 1.
    #[wasm_bindgen(readonly)]
    pub column: Option<u32>,
    /// Whether the error is in the second document of a call that reads
    /// two (the outcome of a settlement, plan B of a comparison): the
    /// wrapper then places it in that document, not in the plan.
    #[wasm_bindgen(readonly)]
    pub second: bool,
}

/// The one mapping from core errors to what JavaScript receives: code,
/// message and place are passed on unchanged, so they match Rust and Python.
impl From<andel::Error> for ErrorInfo {
    fn from(err: andel::Error) -> Self {
        let location = err.location();
        ErrorInfo {
            code: err.code().to_string(),
            message: err.to_string(),
            detail: err.root().to_string(),
            path: location.map(|l| l.path.clone()),
            line: location.and_then(|l| l.line),
            column: location.and_then(|l| l.column),
            second: false,
        }
    }
}

impl ErrorInfo {
    /// An error of the JavaScript API itself (code `invalid_argument`): a
    /// call the wrapper should have refused before reaching WebAssembly.
    pub fn invalid_argument(message: impl Into<String>) -> Self {
        let message = message.into();
        ErrorInfo {
            code: "invalid_argument".to_string(),
            detail: message.clone(),
            message,
            path: None,
            line: None,
            column: None,
            second: false,
        }
    }

    /// The same error, marked as being in the second document of the call.
    pub fn in_second(mut self) -> Self {
        self.second = true;
        self
    }
}

/// Short for a result whose error is thrown into JavaScript.
pub type JsResult<T> = Result<T, ErrorInfo>;

#[cfg(test)]
mod tests {
    use super::*;
    use andel::{Error, Location};

    #[test]
    fn a_plain_error_has_no_place() {
        let info = ErrorInfo::from(Error::EmptyWeights);
        assert_eq!(info.code, "empty_weights");
        assert_eq!(info.message, info.detail);
        assert_eq!((info.path, info.line, info.column), (None, None, None));
    }

    #[test]
    fn a_plan_error_keeps_its_place_and_inner_code() {
        let err = Error::InPlan {
            location: Location {
                path: "costs[0].partcipants".into(),
                line: Some(7),
                column: Some(3),
            },
            source: Box::new(Error::MissingField {
                field: "name".into(),
            }),
        };
        let info = ErrorInfo::from(err);
        assert_eq!(info.code, "missing_field");
        assert_eq!(info.path.as_deref(), Some("costs[0].partcipants"));
        assert_eq!((info.line, info.column), (Some(7), Some(3)));
        assert_eq!(info.detail, "missing field \"name\"");
        assert!(
            info.message
                .starts_with("costs[0].partcipants (line 7, column 3): "),
            "{}",
            info.message
        );
    }
}

/// Every code of core's errors (`andel::Error::codes()`), for the
/// wrapper's `errorCodes()`, which adds its own two.
#[wasm_bindgen(js_name = coreErrorCodes)]
pub fn core_error_codes() -> Vec<String> {
    andel::Error::codes()
        .iter()
        .map(|c| c.to_string())
        .collect()
}
