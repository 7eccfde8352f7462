//! Exact rationals for plan arithmetic, and their conversions.

use crate::error::{Error, Result};
use crate::fraction::Fraction;
use num_bigint::BigInt;
use num_rational::BigRational;
use num_traits::{One, ToPrimitive, Zero};
use rust_decimal::Decimal;

/// An exact rational number.
pub(crate) type Q = BigRational;

/// The decimal as an exact rational.
pub(crate) fn q(d: Decimal) -> Q {
    let denominator = BigInt::from(10u8).pow(d.scale());
    Q::new(BigInt::from(d.mantissa()), denominator)
}

pub(crate) fn q_int(i: i128) -> Q {
    Q::from_integer(BigInt::from(i))
}

pub(crate) fn zero() -> Q {
    Q::zero()
}

pub(crate) fn one() -> Q {
    Q::one()
}

/// Whole units: the integer part of a non-negative rational.
pub(crate) fn floor_i128(x: &Q) -> Result<i128> {
    x.floor()
        .to_integer()
        .to_i128()
        .ok_or_else(|| Error::overflow("an amount in units"))
}

/// The rational as a [`Fraction`] when it fits, for reports.
pub(crate) fn fraction(x: &Q) -> Result<Fraction> {
    Ok(Fraction::from_rational(x.clone()))
}

/// The rational as a decimal with up to 28 significant digits.
pub(crate) fn decimal(x: &Q) -> Result<Decimal> {
    fraction(x)?
        .to_decimal()
        .ok_or_else(|| Error::overflow("a decimal"))
}

/// `a + b`, or an `overflow` error naming `what` when the sum is beyond
/// what a decimal holds (about 7.9 × 10²⁸): a plan's amounts can each be
/// valid while their sum is not.
pub(crate) fn add(a: Decimal, b: Decimal, what: &str) -> Result<Decimal> {
    a.checked_add(b).ok_or_else(|| Error::overflow(what))
}

/// `a − b`, or an `overflow` error naming `what` (two amounts of opposite
/// signs can differ by more than a decimal holds).
pub(crate) fn sub(a: Decimal, b: Decimal, what: &str) -> Result<Decimal> {
    a.checked_sub(b).ok_or_else(|| Error::overflow(what))
}

/// `a × b`, or an `overflow` error naming `what`.
pub(crate) fn mul(a: Decimal, b: Decimal, what: &str) -> Result<Decimal> {
    a.checked_mul(b).ok_or_else(|| Error::overflow(what))
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
