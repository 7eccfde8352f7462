//! Panics: keep the message for the JavaScript side, and a way to cause one.
//!
//! The browser build uses `panic = "abort"`, so a panic ends in a
//! WebAssembly trap (`WebAssembly.RuntimeError`) that carries no message.
//! The hook below keeps the message first; after the trap the wrapper reads
//! it with [`take_panic_message`], replaces the instance with a fresh one and
//! throws an `AndelError` with code `internal_error`.

use std::sync::Mutex;
use wasm_bindgen::prelude::*;

/// The message of the last panic, until the wrapper takes it.
static LAST_PANIC: Mutex<Option<String>> = Mutex::new(None);

/// Runs when the instance starts (and again when the wrapper replaces a
/// trapped instance): installs the hook that keeps the panic message.
#[wasm_bindgen(start)]
fn start() {
    #[cfg(target_arch = "wasm32")]
    andel::identity::use_host_nfc(host_nfc);
    std::panic::set_hook(Box::new(|info| {
        // `try_lock`: a panic while the slot is held must not deadlock.
        if let Ok(mut slot) = LAST_PANIC.try_lock() {
            *slot = Some(info.to_string());
        }
    }));
}

#[cfg(target_arch = "wasm32")]
#[wasm_bindgen]
extern "C" {
    /// A JavaScript string, for its `normalize` method.
    #[wasm_bindgen(js_name = String)]
    type JsText;

    #[wasm_bindgen(method, js_class = "String", js_name = normalize)]
    fn normalize(this: &JsText, form: &str) -> String;
}

/// Unicode NFC by the JavaScript engine's own tables
/// (`String.prototype.normalize`), so the module does not carry a copy:
/// core is built without its `nfc` feature here (andel::identity).
#[cfg(target_arch = "wasm32")]
fn host_nfc(text: &str) -> String {
    use wasm_bindgen::JsCast;
    JsValue::from_str(text)
        .unchecked_into::<JsText>()
        .normalize("NFC")
}

/// The message of the last panic, if any, taken out of its slot.
#[wasm_bindgen(js_name = takePanicMessage)]
pub fn take_panic_message() -> Option<String> {
    LAST_PANIC.try_lock().ok().and_then(|mut slot| slot.take())
}

/// Test-only: panics, so the tests can show that a panic reaches JavaScript
/// as an `AndelError` with code `internal_error` and that the package works
/// again afterwards. Not part of the public API.
#[wasm_bindgen(js_name = __testPanic)]
pub fn test_panic() {
    panic!("deliberate panic for the test suite");
}
