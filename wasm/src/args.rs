//! JavaScript values, as the wrapper hands them over, to core's raw numbers.
//!
//! The wrapper passes every number as a text (a string as given, a BigInt's
//! digits, a JS number through `String(value)`, a value that is no number
//! as the wrapper describes it) together with what kind of value it was
//! ([`TEXT`], [`FLOAT`], [`OTHER`]). This module only turns each into an
//! [`andel::RawNumber`]; the order in which a split's arguments are read and
//! what a float may be are core's ([`andel::SplitArguments::read`]). The
//! wrapper's own wording of a refused value is [`refuse`].

use andel::{Decimal, Error, RawNumber, ReadSplit, Refusal, RefusalKind, Result, SplitArguments};

/// Kind of a value: a string as given, or a BigInt's digits.
pub const TEXT: u8 = 0;
/// Kind of a value: a JavaScript number, given as `String(value)`.
pub const FLOAT: u8 = 1;
/// Kind of a value: no number at all (`null`, an object, …), given as the
/// wrapper describes it.
pub const OTHER: u8 = 2;

/// The kind of scalar number `slot` (0 the total or amount, 1 the unit, 2
/// the first divisor) in the wrapper's packed `kinds`: two bits each.
pub fn scalar_kind(kinds: u32, slot: u32) -> u8 {
    ((kinds >> (2 * slot)) & 0b11) as u8
}

/// A value's text and kind as core's raw number; no text is [`RawNumber::Absent`].
pub fn raw(text: Option<&str>, kind: u8) -> RawNumber<'_> {
    match (text, kind) {
        (None, _) => RawNumber::Absent,
        (Some(text), FLOAT) => RawNumber::Float(text),
        (Some(text), OTHER) => RawNumber::Other(text),
        (Some(text), _) => RawNumber::Text(text),
    }
}

/// The split's arguments other than the weights, for core to read.
pub fn split_arguments<'a>(
    total: &'a str,
    unit: Option<&'a str>,
    method: Option<&'a str>,
    first_divisor: Option<&'a str>,
    names: Option<&'a [String]>,
    weight_count: usize,
    kinds: u32,
) -> SplitArguments<'a> {
    SplitArguments {
        total: raw(Some(total), scalar_kind(kinds, 0)),
        unit: raw(unit, scalar_kind(kinds, 1)),
        first_divisor: raw(first_divisor, scalar_kind(kinds, 2)),
        first_divisor_field: "firstDivisor",
        method,
        weight_count,
        names,
    }
}

/// Reads a split whose weights are texts, `weight_kinds[i]` the kind of
/// weight `i` (absent when every weight is a text, the common case, so no
/// array crosses for it).
pub fn read_split(
    arguments: &SplitArguments<'_>,
    weights: &[String],
    weight_kinds: Option<&[u8]>,
) -> Result<ReadSplit<Vec<Decimal>>> {
    arguments.read(&refuse, |reader| {
        weights
            .iter()
            .enumerate()
            .map(|(i, w)| {
                let kind = weight_kinds.and_then(|k| k.get(i).copied()).unwrap_or(TEXT);
                reader.weight(i, raw(Some(w), kind))
            })
            .collect()
    })
}

/// The wrapper's wording of a value core's number policy refused: always
/// `invalid_number`, naming what JavaScript may pass instead.
pub fn refuse(refusal: Refusal<'_>) -> Error {
    let reason = match refusal.kind {
        RefusalKind::FloatMoney => {
            "money must be a decimal string such as \"1234.50\" or a BigInt, \
             not a JS number, which may already have lost digits"
        }
        RefusalKind::NotFinite => "NaN and infinities are not numbers",
        RefusalKind::NotANumber if refusal.which.is_money() => {
            "expected a decimal string or a BigInt"
        }
        RefusalKind::NotANumber => "expected a decimal string, a number or a BigInt",
    };
    refusal.invalid_number(reason)
}

/// The largest integer a JavaScript number holds exactly with all below it,
/// `Number.MAX_SAFE_INTEGER` (2⁵³ − 1).
const MAX_SAFE_INTEGER: i64 = (1 << 53) - 1;

/// The weights of a `Float64Array` as integers: each must be an exact safe
/// integer (whole, magnitude at most 2⁵³ − 1; `-0` is 0), else the first one
/// that is not is refused as `invalid_number`. A conversion only: the value
/// is compared, never computed with. It stays here, per weight, rather than
/// in core: core holds no float, and turning each weight into a text for
/// core to read would cost the typed array's whole point (no text per
/// weight). Core calls it in the weights' place of the order.
pub fn safe_integers(weights: Vec<f64>) -> Result<Vec<i64>> {
    // Nearly always every weight is one: checked in one pass of plain
    // comparisons and converted in another, both free of early exits so
    // the compiler can vectorise them, the second in place (a float and an
    // integer of 64 bits have one size, so collecting reuses the vector);
    // the pass below finds the culprit.
    let limit = MAX_SAFE_INTEGER as f64;
    if weights.iter().all(|&w| w.abs() <= limit && w.trunc() == w) {
        return Ok(weights.into_iter().map(|w| w as i64).collect());
    }
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
                field: andel::weight_label(index, None),
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

#[cfg(test)]
mod tests {
    use super::*;
    use andel::Allocator;

    fn texts(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    fn read(
        total: &str,
        unit: Option<&str>,
        divisor: Option<&str>,
        weights: &[String],
        weight_kinds: Option<&[u8]>,
        kinds: u32,
    ) -> Result<ReadSplit<Vec<Decimal>>> {
        let args = split_arguments(total, unit, None, divisor, None, weights.len(), kinds);
        read_split(&args, weights, weight_kinds)
    }

    #[test]
    fn defaults_are_the_core_defaults() {
        let split = read("3", None, None, &texts(&["1", "2"]), None, 0).unwrap();
        assert_eq!(split.allocator, Allocator::new());
        assert_eq!(split.total.to_string(), "3");
    }

    #[test]
    fn kinds_are_two_bits_per_scalar() {
        let kinds = u32::from(FLOAT) | u32::from(OTHER) << 2 | u32::from(TEXT) << 4;
        assert_eq!(scalar_kind(kinds, 0), FLOAT);
        assert_eq!(scalar_kind(kinds, 1), OTHER);
        assert_eq!(scalar_kind(kinds, 2), TEXT);
    }

    #[test]
    fn refusals_are_worded_for_javascript() {
        // A JS number for money, with a bad unit after it: the total first.
        let err = read("12", Some("0,01"), None, &[], None, u32::from(FLOAT)).unwrap_err();
        assert_eq!(
            err.to_string(),
            "total: \"12\" is not a valid number (money must be a decimal string such as \
             \"1234.50\" or a BigInt, not a JS number, which may already have lost digits)"
        );
        // A bad unit text before a weight that is no number.
        let weights = texts(&["NaN"]);
        let err = read("12", Some("0,01"), None, &weights, Some(&[FLOAT]), 0).unwrap_err();
        assert!(err.to_string().starts_with("unit:"), "{err}");
        let err = read("12", None, None, &weights, Some(&[FLOAT]), 0).unwrap_err();
        assert_eq!(
            err.to_string(),
            "weight 0: \"NaN\" is not a valid number (NaN and infinities are not numbers)"
        );
        let err = read("12", Some("null"), None, &[], None, u32::from(OTHER) << 2).unwrap_err();
        assert_eq!(
            err.to_string(),
            "unit: \"null\" is not a valid number (expected a decimal string or a BigInt)"
        );
        // A JS number is a first divisor or a weight through its text.
        let split = read(
            "12",
            None,
            Some("1.2"),
            &texts(&["0.5", "1"]),
            Some(&[FLOAT, TEXT]),
            u32::from(FLOAT) << 4,
        )
        .unwrap();
        let d = |s: &str| s.parse::<Decimal>().unwrap();
        assert_eq!(split.weights, [d("0.5"), d("1")]);
        assert_eq!(
            split.allocator,
            Allocator::new().first_divisor(Some(d("1.2")))
        );
    }
}
