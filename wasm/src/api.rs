//! The functions the JavaScript wrapper calls: texts in, texts out.
//!
//! Each one reads its texts ([`crate::args`]), calls the core and returns
//! texts; a core error is thrown as an [`ErrorInfo`]. Optional arguments
//! are `None` when the caller left them out, so the core's defaults apply.

use crate::args::{raw, read_split, refuse, safe_integers, scalar_kind, split_arguments};
use crate::error::JsResult;
#[cfg(feature = "full")]
use crate::explain::RawAllocation;
use andel::{Decimal, Method, Rounding, push_decimal, read_rounding_arguments};
use wasm_bindgen::prelude::*;

// Every split below takes, after its texts, `kinds`: what the total (bits
// 0–1), unit (2–3) and first divisor (4–5) were in JavaScript
// ([`crate::args::TEXT`], `FLOAT`, `OTHER`), and for texts of weights
// `weight_kinds`, one kind per weight, absent when all are texts. Core
// reads them in its order with its number policy.

/// Splits `total` by `weights`; the amounts as texts, in weight order.
///
/// `names`, when given, must pair with the weights; they appear in error
/// messages ("weight 3 (Hylte) is negative").
#[wasm_bindgen]
#[allow(clippy::too_many_arguments)] // the wrapper's flat call
pub fn allocate(
    total: &str,
    weights: Vec<String>,
    unit: Option<String>,
    method: Option<String>,
    first_divisor: Option<String>,
    names: Option<Vec<String>>,
    kinds: u32,
    weight_kinds: Option<Vec<u8>>,
) -> JsResult<Vec<String>> {
    let amounts = split(
        total,
        &weights,
        unit,
        method,
        first_divisor,
        names,
        kinds,
        weight_kinds,
    )?;
    Ok(amounts
        .into_iter()
        .map(|amount| {
            let mut text = String::new();
            push_decimal(&mut text, amount);
            text
        })
        .collect())
}

/// The split behind [`allocate`] and [`allocate_lines`].
#[allow(clippy::too_many_arguments)]
fn split(
    total: &str,
    weights: &[String],
    unit: Option<String>,
    method: Option<String>,
    first_divisor: Option<String>,
    names: Option<Vec<String>>,
    kinds: u32,
    weight_kinds: Option<Vec<u8>>,
) -> JsResult<Vec<Decimal>> {
    let arguments = split_arguments(
        total,
        unit.as_deref(),
        method.as_deref(),
        first_divisor.as_deref(),
        names.as_deref(),
        weights.len(),
        kinds,
    );
    let split = read_split(&arguments, weights, weight_kinds.as_deref())?;
    Ok(split
        .allocator
        .allocate(split.total, &split.weights)
        .map_err(|e| e.with_names(names.as_deref()))?)
}

/// [`allocate`] for the wrapper's bulk path: the weights as one text, one
/// weight per line, and the amounts back the same way.
///
/// Handing 100 000 weights across the JavaScript boundary as 100 000
/// separate strings (and the amounts back) costs several times the split
/// itself; one text each way does not. The wrapper only takes this path for
/// a non-empty list whose texts have no line break, so splitting on `\n`
/// gives back exactly the weights it was given.
#[wasm_bindgen(js_name = allocateLines)]
#[allow(clippy::too_many_arguments)] // the wrapper's flat call
pub fn allocate_lines(
    total: &str,
    weights: &str,
    unit: Option<String>,
    method: Option<String>,
    first_divisor: Option<String>,
    names: Option<Vec<String>>,
    kinds: u32,
    weight_kinds: Option<Vec<u8>>,
) -> JsResult<String> {
    let weights: Vec<String> = weights.split('\n').map(str::to_owned).collect();
    let amounts = split(
        total,
        &weights,
        unit,
        method,
        first_divisor,
        names,
        kinds,
        weight_kinds,
    )?;
    let mut text = String::with_capacity(amounts.len() * 12);
    for (i, amount) in amounts.into_iter().enumerate() {
        if i > 0 {
            text.push('\n');
        }
        push_decimal(&mut text, amount);
    }
    Ok(text)
}

/// Splits `total` by whole-number `weights` (a `BigInt64Array`); the parts
/// as counts of rounding units (a `BigInt64Array`), signed like the total:
/// part *i* is `units[i] × unit`. No text is read or written per weight:
/// the weights are copied into WebAssembly memory as they are and the core's
/// [`andel::Allocator::allocate_units`] gives the very split `allocate`
/// gives for the same weights.
#[wasm_bindgen(js_name = allocateUnits)]
pub fn allocate_units(
    total: &str,
    weights: &[i64],
    unit: Option<String>,
    method: Option<String>,
    first_divisor: Option<String>,
    kinds: u32,
) -> JsResult<Vec<i64>> {
    let arguments = split_arguments(
        total,
        unit.as_deref(),
        method.as_deref(),
        first_divisor.as_deref(),
        None,
        weights.len(),
        kinds,
    );
    let split = arguments.read(&refuse, |_| Ok(()))?;
    Ok(split.allocator.allocate_units(split.total, weights)?)
}

/// [`allocate_units`] for weights in a `Float64Array`: every weight must be
/// an exact safe integer (a whole number of magnitude at most 2⁵³ − 1), or
/// the call is refused with `invalid_number` naming the first one that is
/// not; such a weight is then the same integer as in a `BigInt64Array`.
#[wasm_bindgen(js_name = allocateUnitsSafe)]
pub fn allocate_units_safe(
    total: &str,
    weights: Vec<f64>,
    unit: Option<String>,
    method: Option<String>,
    first_divisor: Option<String>,
    kinds: u32,
) -> JsResult<Vec<i64>> {
    let arguments = split_arguments(
        total,
        unit.as_deref(),
        method.as_deref(),
        first_divisor.as_deref(),
        None,
        weights.len(),
        kinds,
    );
    let split = arguments.read(&refuse, move |_| safe_integers(weights))?;
    Ok(split
        .allocator
        .allocate_units(split.total, &split.weights)?)
}

/// Splits `total` by `weights` and explains every part.
#[cfg(feature = "full")]
#[wasm_bindgen]
#[allow(clippy::too_many_arguments)] // the wrapper's flat call
pub fn explain(
    total: &str,
    weights: Vec<String>,
    unit: Option<String>,
    method: Option<String>,
    first_divisor: Option<String>,
    names: Option<Vec<String>>,
    kinds: u32,
    weight_kinds: Option<Vec<u8>>,
) -> JsResult<RawAllocation> {
    let arguments = split_arguments(
        total,
        unit.as_deref(),
        method.as_deref(),
        first_divisor.as_deref(),
        names.as_deref(),
        weights.len(),
        kinds,
    );
    let split = read_split(&arguments, &weights, weight_kinds.as_deref())?;
    let allocation = match &names {
        Some(names) => split
            .allocator
            .explain_named(split.total, names, &split.weights),
        None => split.allocator.explain(split.total, &split.weights),
    }?;
    Ok(RawAllocation::from(&allocation))
}

/// Rounds `amount` to a whole multiple of `unit` (default 0.01) with the
/// named rounding `mode` (default half away from zero); `kinds` as for a
/// split, the amount in bits 0–1 and the unit in 2–3.
#[wasm_bindgen(js_name = roundToUnit)]
pub fn round_to_unit(
    amount: &str,
    unit: Option<String>,
    mode: Option<String>,
    kinds: u32,
) -> JsResult<String> {
    let (amount, unit, mode) = read_rounding_arguments(
        raw(Some(amount), scalar_kind(kinds, 0)),
        raw(unit.as_deref(), scalar_kind(kinds, 1)),
        mode.as_deref(),
        &refuse,
    )?;
    Ok(andel::round_to_unit(amount, unit, mode)?.to_string())
}

/// The public names of the apportionment methods, in documentation order.
#[wasm_bindgen]
pub fn methods() -> Vec<String> {
    Method::ALL.iter().map(|m| m.name().to_string()).collect()
}

/// The public names of the rounding modes, in documentation order.
#[wasm_bindgen(js_name = roundingModes)]
pub fn rounding_modes() -> Vec<String> {
    Rounding::ALL.iter().map(|r| r.name().to_string()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn allocate_returns_texts_at_the_unit_scale() {
        let out = allocate(
            "100",
            texts(&["1", "1", "1"]),
            None,
            None,
            None,
            None,
            0,
            None,
        )
        .unwrap();
        assert_eq!(out, ["33.34", "33.33", "33.33"]);
        let out = allocate(
            "10",
            texts(&["1", "1", "1"]),
            Some("1".into()),
            Some("in_order".into()),
            None,
            None,
            0,
            None,
        )
        .unwrap();
        assert_eq!(out, ["4", "3", "3"]);
    }

    #[test]
    fn allocate_lines_is_allocate_one_line_per_weight() {
        let out = allocate_lines("100", "1\n1\n1", None, None, None, None, 0, None).unwrap();
        assert_eq!(out, "33.34\n33.33\n33.33");
        let out = allocate_lines("7", "5", Some("1".into()), None, None, None, 0, None).unwrap();
        assert_eq!(out, "7");
    }

    #[test]
    fn allocate_names_the_negative_weight() {
        let err = allocate(
            "10",
            texts(&["1", "-2"]),
            None,
            None,
            None,
            Some(texts(&["Båstad", "Hylte"])),
            0,
            None,
        )
        .unwrap_err();
        assert_eq!(err.code, "negative_weight");
        assert!(
            err.message.contains("weight at index 1 (Hylte)"),
            "{}",
            err.message
        );
    }

    #[test]
    fn explain_gives_texts() {
        let a = explain(
            "10",
            texts(&["1", "2"]),
            Some("1".into()),
            None,
            None,
            Some(texts(&["a", "b"])),
            0,
            None,
        )
        .unwrap();
        assert_eq!(a.total, "10");
        assert_eq!(a.method, "largest_remainder");
        assert_eq!(a.first_divisor, None);
        assert_eq!(a.parts[0].name.as_deref(), Some("a"));
        assert_eq!(a.parts[0].share, "1/3");
        assert_eq!(a.parts[0].quota, "10/3");
        assert_eq!(a.parts[1].quota, "20/3");
        assert_eq!(a.parts[1].amount, "7");
        assert_eq!(a.parts[1].leftover_units, 1);
    }

    #[test]
    fn round_to_unit_defaults() {
        assert_eq!(round_to_unit("2.005", None, None, 0).unwrap(), "2.01");
        assert_eq!(
            round_to_unit("12.5", Some("1".into()), Some("half_even".into()), 0).unwrap(),
            "12"
        );
        assert_eq!(
            round_to_unit("1", Some("0".into()), None, 0)
                .unwrap_err()
                .code,
            "invalid_unit"
        );
    }

    #[test]
    fn allocate_units_gives_the_split_of_allocate_in_units() {
        assert_eq!(
            allocate_units("100", &[1, 1, 1], None, None, None, 0).unwrap(),
            [3334, 3333, 3333]
        );
        assert_eq!(
            allocate_units(
                "-10",
                &[1, 1, 1],
                Some("1".into()),
                Some("in_order".into()),
                None,
                0
            )
            .unwrap(),
            [-4, -3, -3]
        );
        assert_eq!(
            allocate_units_safe("100", vec![1.0, -0.0, 2.0], Some("1".into()), None, None, 0)
                .unwrap(),
            [33, 0, 67]
        );
        let code = |r: JsResult<Vec<i64>>| r.unwrap_err().code;
        assert_eq!(
            code(allocate_units("1", &[1, -1], None, None, None, 0)),
            "negative_weight"
        );
        assert_eq!(
            code(allocate_units("1", &[], None, None, None, 0)),
            "empty_weights"
        );
        assert_eq!(
            code(allocate_units("x", &[1], None, None, None, 0)),
            "invalid_number"
        );
        // The numbers before the method, the weights among the numbers.
        let bad = Some("nope".to_string());
        assert_eq!(
            code(allocate_units("1", &[1], None, bad.clone(), None, 0)),
            "unknown_method"
        );
        for w in [
            0.5,
            f64::NAN,
            f64::INFINITY,
            9_007_199_254_740_992.0,
            -1e300,
        ] {
            let err =
                allocate_units_safe("1", vec![1.0, w], None, bad.clone(), None, 0).unwrap_err();
            assert_eq!(err.code, "invalid_number", "{w}");
            assert!(err.message.contains("weight 1"), "{}", err.message);
        }
        assert_eq!(
            code(allocate_units_safe("y", vec![0.5], None, None, None, 0)),
            "invalid_number"
        );
        assert_eq!(
            allocate_units_safe(
                "1",
                vec![9_007_199_254_740_991.0],
                Some("1".into()),
                None,
                None,
                0
            )
            .unwrap(),
            [1]
        );
    }

    #[test]
    fn names_lists() {
        assert_eq!(methods().len(), 6);
        assert_eq!(methods()[0], "largest_remainder");
        assert_eq!(rounding_modes()[1], "half_even");
    }
}
