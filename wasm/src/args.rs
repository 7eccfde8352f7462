//! Decimal texts from JavaScript to core values, in the shared error order.
//!
//! The JavaScript wrapper passes every number as a text (a string as given,
//! a BigInt or a number through `String(value)`); this module reads them
//! with [`andel::parse_decimal`], so every runtime accepts and refuses the
//! same texts, and in the order `tests/vectors/README.md` fixes: numbers
//! first (total, unit, first divisor, then the weights in order), then the
//! method, then the names; every other check is the core's.

use andel::{Allocator, Decimal, Error, Method, Result, Rounding, parse_decimal};

/// The inputs of a split as texts, the way JavaScript hands them over.
/// `None` means the option was not given, so the core's default applies.
#[derive(Debug, Clone, Copy, Default)]
pub struct SplitTexts<'a> {
    /// The amount to split.
    pub total: &'a str,
    /// One weight per part.
    pub weights: &'a [String],
    /// The rounding unit (default [`andel::DEFAULT_UNIT`]).
    pub unit: Option<&'a str>,
    /// The public name of the method (default largest remainder).
    pub method: Option<&'a str>,
    /// Sainte-Laguë's first divisor.
    pub first_divisor: Option<&'a str>,
    /// A name per weight, used in messages and in explanations.
    pub names: Option<&'a [String]>,
}

/// A split read from texts, ready for the core.
#[derive(Debug, Clone)]
pub struct Split {
    /// Unit, method and first divisor.
    pub allocator: Allocator,
    /// The amount to split.
    pub total: Decimal,
    /// One weight per part.
    pub weights: Vec<Decimal>,
}

impl SplitTexts<'_> {
    /// Reads every text, or gives the first error in the shared order.
    pub fn read(&self) -> Result<Split> {
        let (allocator, total, weights) = read_in_order(
            self.total,
            self.unit,
            self.first_divisor,
            self.method,
            || {
                self.weights
                    .iter()
                    .enumerate()
                    .map(|(i, w)| parse_weight(w, i, self.names))
                    .collect::<Result<Vec<_>>>()
            },
        )?;
        if let Some(names) = self.names
            && names.len() != weights.len()
        {
            return Err(Error::NamesMismatch {
                names: names.len(),
                weights: weights.len(),
            });
        }
        Ok(Split {
            allocator,
            total,
            weights,
        })
    }
}

/// A split's total and settings, read in the shared order around its
/// weights: total, unit, first divisor, then the weights (by `weights`,
/// as texts or as integers), then the method.
pub fn read_in_order<W>(
    total: &str,
    unit: Option<&str>,
    first_divisor: Option<&str>,
    method: Option<&str>,
    weights: impl FnOnce() -> Result<W>,
) -> Result<(Allocator, Decimal, W)> {
    let total = parse_decimal(total, "total")?;
    let unit = unit.map(|u| parse_decimal(u, "unit")).transpose()?;
    let first_divisor = first_divisor
        .map(|d| parse_decimal(d, "firstDivisor"))
        .transpose()?;
    let weights = weights()?;
    let method = read_method(method)?;
    let mut allocator = Allocator::new().method(method).first_divisor(first_divisor);
    if let Some(unit) = unit {
        allocator = allocator.unit(unit);
    }
    Ok((allocator, total, weights))
}

/// Reads weight number `index`; the message names it like the core does
/// ("weight 3 (Hylte)").
fn parse_weight(text: &str, index: usize, names: Option<&[String]>) -> Result<Decimal> {
    // The field label is built only on failure (parsing again to get the
    // core's message with it), so a long list of good weights costs no
    // allocation per weight.
    parse_decimal(text, "weight").or_else(|_| parse_decimal(text, &weight_label(index, names)))
}

/// The weight's label in messages, core's [`andel::weight_label`].
pub fn weight_label(index: usize, names: Option<&[String]>) -> String {
    andel::weight_label(index, names.and_then(|n| n.get(index)).map(String::as_str))
}

/// The largest integer a JavaScript number holds exactly with all below it,
/// `Number.MAX_SAFE_INTEGER` (2⁵³ − 1).
const MAX_SAFE_INTEGER: i64 = (1 << 53) - 1;

/// The weights of a `Float64Array` as integers: each must be an exact safe
/// integer (whole, magnitude at most 2⁵³ − 1; `-0` is 0), else the first one
/// that is not is refused as `invalid_number`. A conversion only: the value
/// is compared, never computed with.
pub fn safe_integers(weights: &[f64]) -> Result<Vec<i64>> {
    weights
        .iter()
        .enumerate()
        .map(|(index, &w)| {
            // In range first, so the cast below is exact, and then whole:
            // a float in this range that casts back to itself is an integer.
            let limit = MAX_SAFE_INTEGER as f64;
            if (-limit..=limit).contains(&w) {
                let int = w as i64;
                if int as f64 == w {
                    return Ok(int);
                }
            }
            Err(Error::InvalidNumber {
                field: weight_label(index, None),
                input: js_number_text(w),
                reason: "a Float64Array of weights must hold exact safe integers \
                         (whole numbers of magnitude at most 2^53 - 1)"
                    .to_string(),
            })
        })
        .collect()
}

/// A float as JavaScript prints it, near enough for a message: `NaN`,
/// `Infinity`, else the shortest digits that read back (`1.5`, `1e300`).
fn js_number_text(w: f64) -> String {
    if w.is_nan() {
        "NaN".to_string()
    } else if w.is_infinite() {
        if w > 0.0 { "Infinity" } else { "-Infinity" }.to_string()
    } else {
        format!("{w:?}")
    }
}

/// The method named `name`, or the core's default when none is given.
pub fn read_method(name: Option<&str>) -> Result<Method> {
    name.map(str::parse)
        .transpose()
        .map(Option::unwrap_or_default)
}

/// The rounding mode named `name`, or the core's default when none is given.
pub fn read_rounding(name: Option<&str>) -> Result<Rounding> {
    name.map(str::parse)
        .transpose()
        .map(Option::unwrap_or_default)
}

/// The error for a JavaScript value that cannot be a number at all (a JS
/// number given for money, `NaN`, `null`, an object, …), in the shared order:
/// if one of the texts checked before it (`earlier`, as `(field, text)`
/// pairs) is not a number, that one is reported instead.
pub fn refuse_value(earlier: &[(&str, &str)], field: &str, shown: &str, reason: &str) -> Error {
    earlier
        .iter()
        .find_map(|(f, text)| parse_decimal(text, f).err())
        .unwrap_or_else(|| Error::InvalidNumber {
            field: field.to_string(),
            input: shown.to_string(),
            reason: reason.to_string(),
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn defaults_are_the_core_defaults() {
        let weights = texts(&["1", "2"]);
        let split = SplitTexts {
            total: "3",
            weights: &weights,
            ..Default::default()
        }
        .read()
        .unwrap();
        assert_eq!(split.allocator, Allocator::new());
        assert_eq!(split.total.to_string(), "3");
    }

    #[test]
    fn parse_errors_come_in_the_shared_order() {
        let weights = texts(&["x", "1"]);
        let code_and_field = |t: SplitTexts| match t.read().unwrap_err() {
            Error::InvalidNumber { field, .. } => field,
            other => panic!("expected invalid_number, got {other:?}"),
        };
        let all_bad = SplitTexts {
            total: "a",
            weights: &weights,
            unit: Some("b"),
            method: Some("nope"),
            first_divisor: Some("c"),
            names: None,
        };
        assert_eq!(code_and_field(all_bad), "total");
        assert_eq!(
            code_and_field(SplitTexts {
                total: "1",
                ..all_bad
            }),
            "unit"
        );
        assert_eq!(
            code_and_field(SplitTexts {
                total: "1",
                unit: Some("1"),
                ..all_bad
            }),
            "firstDivisor"
        );
        assert_eq!(
            code_and_field(SplitTexts {
                total: "1",
                unit: Some("1"),
                first_divisor: Some("1"),
                ..all_bad
            }),
            "weight 0"
        );
        let after_numbers = SplitTexts {
            total: "1",
            unit: Some("1"),
            first_divisor: Some("1"),
            weights: &texts(&["1", "1"]),
            ..all_bad
        }
        .read()
        .unwrap_err();
        assert_eq!(after_numbers.code(), "unknown_method");
    }

    #[test]
    fn a_bad_weight_is_named() {
        let weights = texts(&["1", "1,5"]);
        let names = texts(&["Båstad", "Hylte"]);
        let err = SplitTexts {
            total: "1",
            weights: &weights,
            names: Some(&names),
            ..Default::default()
        }
        .read()
        .unwrap_err();
        assert_eq!(err.code(), "invalid_number");
        assert!(
            err.to_string().starts_with("weight 1 (Hylte): \"1,5\""),
            "{err}"
        );
    }

    #[test]
    fn names_must_pair_with_weights() {
        let weights = texts(&["1", "2"]);
        let names = texts(&["only one"]);
        let err = SplitTexts {
            total: "1",
            weights: &weights,
            names: Some(&names),
            ..Default::default()
        }
        .read()
        .unwrap_err();
        assert_eq!(err.code(), "names_mismatch");
    }

    #[test]
    fn refused_value_waits_for_earlier_bad_texts() {
        let err = refuse_value(&[("total", "12"), ("unit", "0,01")], "weight 0", "NaN", "r");
        assert!(err.to_string().starts_with("unit:"), "{err}");
        let err = refuse_value(&[("total", "12")], "unit", "0.01", "pass a string");
        assert_eq!(err.code(), "invalid_number");
        assert_eq!(
            err.to_string(),
            "unit: \"0.01\" is not a valid number (pass a string)"
        );
    }

    #[test]
    fn method_and_rounding_names() {
        assert_eq!(read_method(None).unwrap(), Method::LargestRemainder);
        assert_eq!(read_method(Some("dhondt")).unwrap(), Method::Dhondt);
        assert_eq!(
            read_method(Some("hare")).unwrap_err().code(),
            "unknown_method"
        );
        assert_eq!(read_rounding(None).unwrap(), Rounding::HalfAwayFromZero);
        assert_eq!(
            read_rounding(Some("half_up")).unwrap_err().code(),
            "unknown_rounding"
        );
    }
}
