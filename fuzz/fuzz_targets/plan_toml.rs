//! A TOML plan document: read, check, compute, explain; every invariant of
//! `core/tests/invariants/mod.rs` on the result.
#![no_main]

#[path = "../../core/tests/invariants/mod.rs"]
mod invariants;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        invariants::plan_text(text, andel::plan::Format::Toml);
    }
});
