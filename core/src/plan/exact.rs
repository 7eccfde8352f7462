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

/// The sum of `values`, or an `overflow` error naming `what`.
pub(crate) fn sum(values: impl IntoIterator<Item = Decimal>, what: &str) -> Result<Decimal> {
    values
        .into_iter()
        .try_fold(Decimal::ZERO, |total, v| add(total, v, what))
}
