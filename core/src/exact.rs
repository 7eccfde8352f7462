//! Checked decimal arithmetic for plan amounts, and the plan engine's
//! conversions between decimals and exact [`Fraction`]s (the one exact
//! rational type of andel, see `crate::fraction`).

use crate::error::{Error, Result};
use crate::fraction::Fraction;
use rust_decimal::Decimal;

/// The decimal as an exact fraction (shorthand for
/// [`Fraction::from_decimal`], which the engine's formulas use a lot).
pub(crate) fn q(d: Decimal) -> Fraction {
    Fraction::from_decimal(d)
}

/// Whole units: the integer part of a non-negative fraction, or an
/// `overflow` error when it is beyond an `i128`.
pub(crate) fn floor_i128(x: &Fraction) -> Result<i128> {
    x.floor_i128()
        .ok_or_else(|| Error::overflow("an amount in units"))
}

/// The fraction as a decimal with up to 28 significant digits, or an
/// `overflow` error when even its whole part does not fit.
pub(crate) fn decimal(x: &Fraction) -> Result<Decimal> {
    x.to_decimal().ok_or_else(|| Error::overflow("a decimal"))
}

/// `r` when it is exactly `want` (computed only when `r` may have been
/// rounded), else an `overflow` error naming `what`. rust_decimal's checked
/// operations return `None` only when the result is beyond the largest
/// decimal; when it merely has more than 28 digits they **round** it
/// silently, dropping decimals (3.9 × 10²⁸ + 0.1 is 3.9 × 10²⁸), which
/// shows as a result with fewer decimals than the exact one has.
fn exactly(r: Decimal, scale: u32, want: impl FnOnce() -> Fraction, what: &str) -> Result<Decimal> {
    if r.scale() >= scale || q(r) == want() {
        Ok(r)
    } else {
        Err(Error::overflow(what))
    }
}

/// `a + b`, or an `overflow` error naming `what` when the sum is beyond
/// what a decimal holds exactly (about 7.9 × 10²⁸, 28 digits): a plan's
/// amounts can each be valid while their sum is not.
pub(crate) fn add(a: Decimal, b: Decimal, what: &str) -> Result<Decimal> {
    let r = a.checked_add(b).ok_or_else(|| Error::overflow(what))?;
    exactly(r, a.scale().max(b.scale()), || q(a) + q(b), what)
}

/// `a − b`, or an `overflow` error naming `what` (two amounts of opposite
/// signs can differ by more than a decimal holds; a large one and a small
/// one with decimals, by more digits than it holds).
pub(crate) fn sub(a: Decimal, b: Decimal, what: &str) -> Result<Decimal> {
    let r = a.checked_sub(b).ok_or_else(|| Error::overflow(what))?;
    exactly(r, a.scale().max(b.scale()), || q(a) - q(b), what)
}

/// `a × b`, or an `overflow` error naming `what`.
pub(crate) fn mul(a: Decimal, b: Decimal, what: &str) -> Result<Decimal> {
    let r = a.checked_mul(b).ok_or_else(|| Error::overflow(what))?;
    exactly(r, a.scale() + b.scale(), || q(a) * q(b), what)
}

/// `n` units of `unit` as a decimal with the unit's scale (as `n × unit`
/// would give), trailing zeros dropped only as far as needed to fit; or an
/// `overflow` error naming `what`. `Decimal::from(n)` panics for an `n`
/// beyond 96 bits, which a count of hundredths of a large amount is.
pub(crate) fn units_to_decimal(n: i128, unit: Decimal, what: &str) -> Result<Decimal> {
    let overflow = || Error::overflow(what);
    let mut m = n.checked_mul(unit.mantissa()).ok_or_else(overflow)?;
    let mut scale = unit.scale();
    // A decimal's mantissa has 96 bits.
    while m.unsigned_abs() >= 1 << 96 && scale > 0 && m % 10 == 0 {
        m /= 10;
        scale -= 1;
    }
    Decimal::try_from_i128_with_scale(m, scale).map_err(|_| overflow())
}

/// Whether `value` is a whole multiple of `unit`, exactly; true for a unit
/// of 0 or less (there is nothing to check against; such a unit is refused
/// on its own). Dividing the decimals instead overflows, a panic, when the
/// quotient is beyond a decimal, e.g. 7.9 × 10²⁸ in hundredths.
pub(crate) fn is_multiple(value: Decimal, unit: Decimal) -> bool {
    unit <= Decimal::ZERO || (q(value) / q(unit)).is_integer()
}

/// The sum of `values`, or an `overflow` error naming `what`.
pub(crate) fn sum(values: impl IntoIterator<Item = Decimal>, what: &str) -> Result<Decimal> {
    values
        .into_iter()
        .try_fold(Decimal::ZERO, |total, v| add(total, v, what))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    /// rust_decimal rounds a result of more than 28 digits instead of
    /// failing; these refuse it.
    #[test]
    fn sums_that_a_decimal_holds_only_rounded_are_overflow() {
        let big = d("39614081257132168796771975168");
        assert_eq!(
            big.checked_sub(d("0.9")),
            Some(d("39614081257132168796771975167"))
        );
        assert_eq!(sub(big, d("0.9"), "x").unwrap_err().code(), "overflow");
        assert_eq!(add(big, d("0.1"), "x").unwrap_err().code(), "overflow");
        assert_eq!(
            sum([big, d("0.5"), d("0.5")], "x").unwrap_err().code(),
            "overflow"
        );
        assert_eq!(
            mul(d("0.000000000000001"), d("0.000000000000001"), "x")
                .unwrap_err()
                .code(),
            "overflow"
        );
        assert_eq!(
            add(big, d("-1"), "x").unwrap(),
            d("39614081257132168796771975167")
        );
        // Fewer decimals than the operands but exact: fine.
        assert_eq!(add(d("1.50"), d("1.5"), "x").unwrap(), d("3.00"));
        assert_eq!(
            add(big, d("1.0"), "x").unwrap(),
            d("39614081257132168796771975169")
        );
        assert_eq!(mul(d("2.5"), d("4"), "x").unwrap(), d("10.0"));
        assert_eq!(
            units_to_decimal(1_975_000_000_000_000_000_000_000_000_000, d("0.01"), "x").unwrap(),
            d("19750000000000000000000000000")
        );
        assert_eq!(
            units_to_decimal(7, d("0.05"), "x").unwrap().to_string(),
            "0.35"
        );
        assert!(is_multiple(d("79000000000000000000000000000"), d("0.01")));
        assert!(!is_multiple(d("79000000000000000000000000000"), d("0.03")));
    }
}
