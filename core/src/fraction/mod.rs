//! Exact fractions: the engine's arithmetic ([`arith`]) and the shares,
//! quotas and amounts it reports.

mod arith;
#[cfg(test)]
mod proptests;

use crate::rounding::Rounding;
use num_bigint::BigInt;
use num_integer::Integer;
use num_rational::BigRational;
use num_traits::{Signed, ToPrimitive, Zero};
use rust_decimal::Decimal;
use serde::{Serialize, Serializer};
use std::fmt;

/// The largest mantissa a [`Decimal`] holds: 2⁹⁶ − 1.
const MAX_MANTISSA: u128 = (1 << 96) - 1;

/// An exact fraction in lowest terms, such as a share `15128/228501` or a
/// quota `14681000000/32643`, of any size. Serialises as the text `"n/d"`
/// (or `"n"` when the denominator is 1), so no precision is lost in JSON.
///
/// Held in machine integers whenever they fit (nearly always), and as big
/// integers otherwise; the form is canonical, so equal values compare equal.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Fraction(Repr);

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum Repr {
    /// Reduced, with a positive denominator.
    Small(i128, u128),
    /// Reduced, and too large for `Small`; boxed, so the common small form
    /// sets the size of every fraction (a plan result holds several per
    /// member and year).
    Big(Box<BigRational>),
}

impl Fraction {
    /// `numerator / denominator` in lowest terms. The denominator must not be
    /// zero.
    pub(crate) fn new(numerator: impl Into<BigInt>, denominator: impl Into<BigInt>) -> Self {
        Fraction::from_rational(BigRational::new(numerator.into(), denominator.into()))
    }

    /// `numerator / denominator` from machine integers, reduced with a
    /// machine gcd. The denominator must be positive.
    pub(crate) fn small(numerator: i128, denominator: u128) -> Self {
        let g = binary_gcd(numerator.unsigned_abs(), denominator).max(1);
        let magnitude = numerator.unsigned_abs() / g;
        // The reduced magnitude is at most the original's, so it fits.
        let signed = if numerator < 0 {
            (magnitude as i128).wrapping_neg()
        } else {
            magnitude as i128
        };
        Fraction(Repr::Small(signed, denominator / g))
    }

    /// `numerator / denominator`, already in lowest terms (the caller has
    /// reduced it), with a positive denominator.
    pub(crate) fn lowest(numerator: i128, denominator: u128) -> Self {
        debug_assert!(denominator > 0 && gcd(numerator.unsigned_abs(), denominator) == 1);
        Fraction(Repr::Small(numerator, denominator))
    }

    /// `numerator / denominator` in lowest terms, reduced in machine
    /// integers when both fit. The denominator must be positive.
    pub(crate) fn ratio(numerator: BigInt, denominator: BigInt) -> Self {
        match (numerator.to_i128(), denominator.to_u128()) {
            (Some(n), Some(d)) => Fraction::small(n, d),
            _ => Fraction::from_rational(BigRational::new(numerator, denominator)),
        }
    }

    fn from_rational(value: BigRational) -> Self {
        match (value.numer().to_i128(), value.denom().to_u128()) {
            (Some(n), Some(d)) => Fraction(Repr::Small(n, d)),
            _ => Fraction(Repr::Big(Box::new(value))),
        }
    }

    fn rational(&self) -> BigRational {
        match &self.0 {
            Repr::Small(n, d) => BigRational::new_raw(BigInt::from(*n), BigInt::from(*d)),
            Repr::Big(r) => (**r).clone(),
        }
    }

    /// The numerator, carrying the sign.
    pub fn numerator(&self) -> BigInt {
        match &self.0 {
            Repr::Small(n, _) => BigInt::from(*n),
            Repr::Big(r) => r.numer().clone(),
        }
    }

    /// The denominator, always positive.
    pub fn denominator(&self) -> BigInt {
        match &self.0 {
            Repr::Small(_, d) => BigInt::from(*d),
            Repr::Big(r) => r.denom().clone(),
        }
    }

    /// The value as a decimal with as many significant digits as fit in a
    /// [`Decimal`] (28 or 29), rounded half to even in the last digit.
    /// Exact whenever the fraction has a terminating expansion that fits;
    /// `None` when even the whole part does not fit.
    ///
    /// ```
    /// use andel::Allocator;
    /// let split = Allocator::new().unit(1.into()).explain(10.into(), &[1.into(), 2.into()])?;
    /// assert_eq!(split.parts[0].quota.to_string(), "10/3");
    /// assert_eq!(split.parts[0].quota.to_decimal().unwrap().to_string(), "3.3333333333333333333333333333");
    /// # Ok::<(), andel::Error>(())
    /// ```
    pub fn to_decimal(&self) -> Option<Decimal> {
        // With den ≤ u128::MAX / 10, 10·rem always fits in machine integers.
        if let Repr::Small(n, d) = self.0 {
            if d <= u128::MAX / 10 {
                return small_decimal(n, d);
            }
        }
        big_decimal(&self.rational())
    }

    /// `fraction × 10^shift`, rounded with `mode` to `places` decimals: for
    /// display figures such as a percentage (`shift` 2) rounded to 4
    /// decimals, straight from the exact value so nothing is rounded twice.
    /// `None` if the result does not fit in a [`Decimal`].
    ///
    /// ```
    /// use andel::{Allocator, Rounding};
    /// let split = Allocator::new().unit(1.into()).explain(10.into(), &[1.into(), 2.into()])?;
    /// let percent = split.parts[1].share.round(2, 4, Rounding::HalfEven).unwrap();
    /// assert_eq!(percent.to_string(), "66.6667");
    /// # Ok::<(), andel::Error>(())
    /// ```
    pub fn round(&self, shift: u32, places: u32, mode: Rounding) -> Option<Decimal> {
        if let Some(fast) = self.small_round(shift, places, mode) {
            return Some(fast);
        }
        let scaled = self.rational()
            * BigRational::from_integer(BigInt::from(10u8).pow(shift.checked_add(places)?));
        let floor = scaled.floor();
        let rem = &scaled - &floor;
        let floor = floor.to_integer();
        let half = rem.cmp(&BigRational::new(1.into(), 2.into()));
        let up = !rem.is_zero() && mode.rounds_up(floor.is_odd(), scaled.is_negative(), half);
        let value = (floor + u8::from(up)).to_i128()?;
        let mut out = Decimal::try_from_i128_with_scale(value, places).ok()?;
        if out.is_zero() {
            out.set_sign_positive(true);
        }
        Some(out)
    }
}

impl Fraction {
    /// [`Fraction::round`] in machine integers, when everything fits.
    fn small_round(&self, shift: u32, places: u32, mode: Rounding) -> Option<Decimal> {
        let Repr::Small(n, d) = self.0 else {
            return None;
        };
        let d = i128::try_from(d).ok()?;
        let scaled = n.checked_mul(10i128.checked_pow(shift.checked_add(places)?)?)?;
        let (floor, rem) = (scaled.div_euclid(d), scaled.rem_euclid(d));
        let half = rem.cmp(&(d - rem));
        let up = rem != 0 && mode.rounds_up(floor % 2 != 0, scaled < 0, half);
        let mut out = Decimal::try_from_i128_with_scale(floor + i128::from(up), places).ok()?;
        if out.is_zero() {
            out.set_sign_positive(true);
        }
        Some(out)
    }
}

/// The greatest common divisor (0 for two zeros).
pub(crate) fn gcd(a: u128, b: u128) -> u128 {
    binary_gcd(a, b)
}

/// Stein's binary gcd: shifts and subtractions only, several times faster
/// than Euclid's algorithm with 128-bit division.
fn binary_gcd(mut a: u128, mut b: u128) -> u128 {
    if a == 0 {
        return b;
    }
    if b == 0 {
        return a;
    }
    let shift = (a | b).trailing_zeros();
    a >>= a.trailing_zeros();
    loop {
        b >>= b.trailing_zeros();
        if a > b {
            std::mem::swap(&mut a, &mut b);
        }
        // Both odd, a ≤ b: once b fits in 64 bits, so does a, and the rest
        // runs in single machine words (several times faster).
        if let Ok(b64) = u64::try_from(b) {
            return u128::from(binary_gcd_odd64(a as u64, b64)) << shift;
        }
        b -= a;
        if b == 0 {
            return a << shift;
        }
    }
}

/// [`binary_gcd`] of two odd numbers, `a ≤ b`, in 64 bits.
fn binary_gcd_odd64(mut a: u64, mut b: u64) -> u64 {
    loop {
        b -= a;
        if b == 0 {
            return a;
        }
        b >>= b.trailing_zeros();
        if a > b {
            std::mem::swap(&mut a, &mut b);
        }
    }
}

/// [`Fraction::to_decimal`] of `numerator / denominator`, a positive
/// denominator, without reducing it first: the digits depend on the value
/// only.
pub(crate) fn decimal_of(numerator: i128, denominator: u128) -> Option<Decimal> {
    if denominator <= u128::MAX / 10 {
        small_decimal(numerator, denominator)
    } else {
        Fraction::small(numerator, denominator).to_decimal()
    }
}

/// 10⁰ … 10³⁸, every power of ten a `u128` holds.
const POW10: [u128; 39] = {
    let mut p = [1u128; 39];
    let mut i = 1;
    while i < 39 {
        p[i] = p[i - 1] * 10;
        i += 1;
    }
    p
};

/// [`Fraction::to_decimal`] in machine integers: the same digits, faster.
fn small_decimal(numerator: i128, den: u128) -> Option<Decimal> {
    let limit = MAX_MANTISSA / 10;
    let num = numerator.unsigned_abs();
    let (mut digits, mut rem) = (num / den, num % den);
    if digits > MAX_MANTISSA {
        return None;
    }
    let mut scale = 0u32;
    while rem != 0 && scale < 28 && digits < limit {
        // The digits of long division, several at a time: k steps at once
        // give the same digits and remainder as k single steps, and k is
        // small enough that no step before the last could have stopped
        // the loop (after k − 1 steps the digits are below
        // (digits + 1)·10^(k−1) ≤ limit; a remainder of zero only adds
        // trailing zeros, which `normalize` drops). A 128-bit division
        // is slow, and 28 of them per figure were most of its cost.
        let mut k = 1;
        while scale + k < 28
            && den <= u128::MAX / POW10[k as usize + 1]
            && (digits + 1).saturating_mul(POW10[k as usize]) <= limit
        {
            k += 1;
        }
        let r = rem * POW10[k as usize]; // rem < den ≤ u128::MAX / 10^k
        let (next, carry) = (r / den, r % den);
        digits = digits * POW10[k as usize] + next;
        rem = carry;
        scale += k;
    }
    if rem != 0 {
        let up = match rem.cmp(&(den - rem)) {
            std::cmp::Ordering::Greater => true,
            std::cmp::Ordering::Equal => digits % 2 == 1,
            std::cmp::Ordering::Less => false,
        };
        digits += u128::from(up);
    }
    if digits > MAX_MANTISSA {
        return None;
    }
    let signed = if numerator < 0 {
        -(digits as i128)
    } else {
        digits as i128
    };
    Decimal::try_from_i128_with_scale(signed, scale)
        .ok()
        .map(|d| d.normalize())
}

/// [`Fraction::to_decimal`] in big integers, one digit at a time.
fn big_decimal(value: &BigRational) -> Option<Decimal> {
    let max = BigInt::from(MAX_MANTISSA);
    let limit = &max / 10u8;
    let den = value.denom();
    let (mut digits, mut rem) = value.numer().abs().div_rem(den);
    if digits > max {
        return None;
    }
    let mut scale = 0u32;
    // Long division while one more digit (and a rounding carry) fits.
    while !rem.is_zero() && scale < 28 && digits < limit {
        let (next, carry) = (rem * 10u8).div_rem(den);
        digits = digits * 10u8 + next;
        rem = carry;
        scale += 1;
    }
    if half_even_up(&rem, den, &digits) {
        digits += 1u8;
    }
    let magnitude = digits.to_i128().filter(|&d| d as u128 <= MAX_MANTISSA)?;
    let signed = if value.is_negative() {
        -magnitude
    } else {
        magnitude
    };
    // A carry can leave trailing zeros (0.44444999… → 0.44445000…).
    Decimal::try_from_i128_with_scale(signed, scale)
        .ok()
        .map(|d| d.normalize())
}

/// Whether a remainder rounds the last digit up, half to even.
fn half_even_up(rem: &BigInt, den: &BigInt, digits: &BigInt) -> bool {
    if rem.is_zero() {
        return false;
    }
    let twice = rem * 2u8;
    twice > *den || (twice == *den && digits.is_odd())
}

impl fmt::Display for Fraction {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.0 {
            Repr::Small(n, 1) => write!(f, "{n}"),
            Repr::Small(n, d) => write!(f, "{n}/{d}"),
            Repr::Big(r) if r.denom() == &BigInt::from(1u8) => write!(f, "{}", r.numer()),
            Repr::Big(r) => write!(f, "{}/{}", r.numer(), r.denom()),
        }
    }
}

impl PartialOrd for Fraction {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Fraction {
    /// By value.
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        arith::compare(self, other)
    }
}

impl schemars::JsonSchema for Fraction {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Fraction".into()
    }

    fn inline_schema() -> bool {
        true
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "format": "fraction",
            "pattern": "^-?\\d+(/\\d+)?$"
        })
    }
}

impl Serialize for Fraction {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dec(f: Fraction) -> String {
        f.to_decimal().unwrap().to_string()
    }

    #[test]
    fn binary_gcd_agrees_with_euclid() {
        let euclid = |mut a: u128, mut b: u128| {
            while b != 0 {
                (a, b) = (b, a % b);
            }
            a
        };
        let mut x: u128 = 0x9E37_79B9_7F4A_7C15;
        for _ in 0..2000 {
            x = x
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            let (a, b) = (x >> (x % 90), (x.rotate_left(17)) >> (x % 70));
            assert_eq!(binary_gcd(a, b), euclid(a, b), "{a} {b}");
            let (c, d) = ((a >> 8) * 12, (b >> 8) * 18);
            assert_eq!(binary_gcd(c, d), euclid(c, d));
            // Equal and both beyond 64 bits, and one just past 64 bits.
            assert_eq!(binary_gcd(a | 1 << 100, a | 1 << 100), a | 1 << 100);
            let e = ((b >> 70) | 1) + (1 << 64);
            assert_eq!(binary_gcd(e, e * 3), euclid(e, e * 3));
        }
        assert_eq!(binary_gcd(0, 7), 7);
        assert_eq!(binary_gcd(0, 0), 0);
    }

    /// The machine-integer decimal, several digits per division, gives
    /// the digits of the big-integer one, a digit per division.
    #[test]
    fn small_decimals_agree_with_the_long_division() {
        let mut x: u128 = 0x2545_F491_4F6C_DD1D;
        let mut next = || {
            x = x
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            x
        };
        for i in 0..20_000 {
            let (a, b) = (next(), next());
            let num = (a >> (1 + a % 127)) as i128 * if i % 3 == 0 { -1 } else { 1 };
            let den = ((b >> (b % 128)) % (u128::MAX / 10)).max(1);
            // Also denominators with small factors, which terminate.
            let den = match i % 4 {
                0 => POW10[(b % 20) as usize] << (a % 9),
                1 => b % 1_000_000_007 + 1,
                _ => den,
            };
            let big = big_decimal(&BigRational::new(num.into(), den.into()));
            assert_eq!(small_decimal(num, den), big, "{num}/{den}");
            assert_eq!(decimal_of(num, den), big, "{num}/{den}");
        }
    }

    #[test]
    fn a_fraction_is_the_size_of_its_small_form() {
        assert_eq!(std::mem::size_of::<Fraction>(), 48);
    }

    #[test]
    fn lowest_terms_and_text() {
        assert_eq!(Fraction::new(6, 4).to_string(), "3/2");
        assert_eq!(Fraction::new(-6, 3).to_string(), "-2");
        assert_eq!(Fraction::new(0, 7).to_string(), "0");
    }

    #[test]
    fn decimals() {
        assert_eq!(dec(Fraction::new(1, 3)), "0.3333333333333333333333333333");
        assert_eq!(dec(Fraction::new(-2, 3)), "-0.6666666666666666666666666667");
        assert_eq!(
            dec(Fraction::new(1_000_000_000, 7)),
            "142857142.85714285714285714286"
        );
        assert_eq!(dec(Fraction::new(5, 4)), "1.25");
        assert_eq!(
            dec(Fraction::new(MAX_MANTISSA, 1)),
            "79228162514264337593543950335"
        );
        assert_eq!(
            dec(Fraction::new(MAX_MANTISSA, 2)),
            "39614081257132168796771975168"
        );
        assert_eq!(Fraction::new(MAX_MANTISSA + 1, 1).to_decimal(), None);
        let big = Fraction::new(i128::MAX / 3, u128::MAX / 2 - 7);
        assert_eq!(dec(big), "0.3333333333333333333333333333");
    }

    #[test]
    fn rounds_for_display() {
        let third = Fraction::new(1, 3);
        assert_eq!(
            third.round(2, 4, Rounding::HalfEven).unwrap().to_string(),
            "33.3333"
        );
        assert_eq!(
            Fraction::new(1, 8)
                .round(2, 1, Rounding::HalfEven)
                .unwrap()
                .to_string(),
            "12.5"
        );
        assert_eq!(
            Fraction::new(1, 8)
                .round(0, 2, Rounding::HalfEven)
                .unwrap()
                .to_string(),
            "0.12"
        );
        assert_eq!(
            Fraction::new(1, 8)
                .round(0, 2, Rounding::HalfAwayFromZero)
                .unwrap()
                .to_string(),
            "0.13"
        );
        assert_eq!(
            Fraction::new(-1, 1000)
                .round(0, 2, Rounding::HalfEven)
                .unwrap()
                .to_string(),
            "0.00"
        );
    }
}
