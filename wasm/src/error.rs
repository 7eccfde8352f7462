//! Core errors as values the JavaScript wrapper turns into `AndelError`.

use wasm_bindgen::prelude::*;

/// A failure as it crosses into JavaScript: the stable code and the message.
///
/// Exported functions throw an `ErrorInfo`; the wrapper in `wasm/js/api.js`
/// catches it, copies `code` and `message` into an `AndelError` and frees it.
/// Users never see this type.
#[wasm_bindgen(getter_with_clone)]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ErrorInfo {
    /// The stable snake_case code, [`andel::Error::code`].
    #[wasm_bindgen(readonly)]
    pub code: String,
    /// The message, the `Display` of the core error.
    #[wasm_bindgen(readonly)]
    pub message: String,
}

/// The one mapping from core errors to what JavaScript receives: the code
/// and the message are passed on unchanged, so they match Rust and Python.
impl From<andel::Error> for ErrorInfo {
    fn from(err: andel::Error) -> Self {
        ErrorInfo {
            code: err.code().to_string(),
            message: err.to_string(),
        }
    }
}

/// Short for a result whose error is thrown into JavaScript.
pub type JsResult<T> = Result<T, ErrorInfo>;
