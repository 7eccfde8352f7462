//! An explained split as plain strings, for the wrapper to turn into
//! JavaScript objects.

use andel::{Allocation, Part};
use wasm_bindgen::prelude::*;

/// [`andel::Allocation`] with every decimal and fraction as its text.
#[wasm_bindgen(getter_with_clone)]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawAllocation {
    /// The amount that was split.
    #[wasm_bindgen(readonly)]
    pub total: String,
    /// The rounding unit.
    #[wasm_bindgen(readonly)]
    pub unit: String,
    /// The public name of the method.
    #[wasm_bindgen(readonly)]
    pub method: String,
    /// Sainte-Laguë's first divisor, when one was given.
    #[wasm_bindgen(readonly, js_name = firstDivisor)]
    pub first_divisor: Option<String>,
    /// One entry per weight, in input order.
    #[wasm_bindgen(readonly)]
    pub parts: Vec<RawPart>,
}

/// [`andel::Part`] with every decimal and fraction as its text.
#[wasm_bindgen(getter_with_clone)]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawPart {
    /// The name of the weight, when the weights were named.
    #[wasm_bindgen(readonly)]
    pub name: Option<String>,
    /// The weight as read.
    #[wasm_bindgen(readonly)]
    pub weight: String,
    /// `weight / Σ weights`, exactly, as `"n/d"` (or `"n"`).
    #[wasm_bindgen(readonly)]
    pub share: String,
    /// `total · share`, exactly, as `"n/d"` (or `"n"`).
    #[wasm_bindgen(readonly)]
    pub quota: String,
    /// The quota as a decimal with as many significant digits as fit in a
    /// `Decimal` (28 or 29), rounded half to even in the last one.
    #[wasm_bindgen(readonly, js_name = quotaDecimal)]
    pub quota_decimal: String,
    /// The amount this part receives.
    #[wasm_bindgen(readonly)]
    pub amount: String,
    /// Units received beyond the quota rounded toward zero (a JS BigInt
    /// here; the wrapper gives a number, as it is a small count).
    #[wasm_bindgen(readonly, js_name = leftoverUnits)]
    pub leftover_units: i64,
}

impl From<&Allocation> for RawAllocation {
    fn from(a: &Allocation) -> Self {
        RawAllocation {
            total: a.total.to_string(),
            unit: a.unit.to_string(),
            method: a.method.name().to_string(),
            first_divisor: a.first_divisor.map(|d| d.to_string()),
            parts: a.parts.iter().map(RawPart::from).collect(),
        }
    }
}

impl From<&Part> for RawPart {
    fn from(p: &Part) -> Self {
        RawPart {
            name: p.name.clone(),
            weight: p.weight.to_string(),
            share: p.share.to_string(),
            quota: p.quota.to_string(),
            quota_decimal: p.quota_decimal.to_string(),
            amount: p.amount.to_string(),
            leftover_units: p.leftover_units,
        }
    }
}
