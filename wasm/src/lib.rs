//! # andel-wasm — the WebAssembly core of andel's browser and Node package
//!
//! This crate is **not** the public JavaScript API. It exports a few
//! low-level functions that take and return decimal *texts*; the
//! hand-written wrapper in `wasm/js/` turns JavaScript values (strings,
//! numbers, BigInts, objects) into those texts, builds the result objects,
//! and turns every failure into an `AndelError`. `scripts/build-wasm` puts
//! the generated glue and the wrapper together into `wasm/pkg/web` and
//! `wasm/pkg/node`, and, from a build without the `full` feature (budgets
//! only: [`budget`]), into `wasm/pkg/calculator` for the embeddable
//! calculator.
//!
//! Every rule lives in the `andel` crate: here are only argument conversion
//! (`args`, [`budget`]) and error mapping ([`error`]). Decimals cross the boundary as
//! strings and are read with [`andel::parse_decimal`], so JavaScript accepts
//! and refuses exactly the texts that Rust and Python do. No floating point
//! is used anywhere.
#![deny(unsafe_code)]
#![warn(missing_docs)]

#[cfg(feature = "full")]
pub mod api;
#[cfg(feature = "full")]
pub mod args;
// Budgets are in the full and the calculator's modules; the plan page's
// has none, for its size budget (BENCHMARKS.md, the plan page).
#[cfg(any(feature = "full", not(feature = "plan")))]
pub mod budget;
#[cfg(feature = "plan")]
pub mod computed;
pub mod error;
#[cfg(feature = "full")]
pub mod explain;
#[cfg(feature = "plan")]
pub mod host;
pub mod panic;
#[cfg(feature = "plan")]
pub mod plan;

#[cfg(feature = "full")]
pub use api::{allocate, methods, round_to_unit, rounding_modes};
#[cfg(any(feature = "full", not(feature = "plan")))]
pub use budget::{compute_budget, reference_budget};
pub use error::ErrorInfo;
#[cfg(feature = "full")]
pub use {
    api::explain,
    explain::{RawAllocation, RawPart},
    plan::{
        check_plan, format_named, plan_schema, plan_to_json, reference_plan_json,
        reference_plan_toml,
    },
};

/// The version of andel.
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}

/// Compact JSON of a result. Serialising plain data cannot fail; were it to,
/// the caller gets an error with code `internal_error` rather than a text
/// that does not parse.
pub(crate) fn to_json<T: serde::Serialize>(value: &T) -> error::JsResult<String> {
    serde_json::to_string(value).map_err(|e| {
        andel::Error::Internal {
            message: format!("the result could not be written as JSON: {e}"),
        }
        .into()
    })
}
