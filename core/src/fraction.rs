//! Exact fractions for explaining a result: shares and quotas.

use crate::number::from_scaled;
use rust_decimal::Decimal;
use serde::{Serialize, Serializer};
use std::fmt;

/// An exact fraction in lowest terms, such as a share `15128/228501` or a
/// quota `1512800000/228501`. Serialises as the text `"n/d"` (or `"n"`
/// when the denominator is 1), so no precision is lost in JSON.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Fraction {
    numerator: i128,
    denominator: u128,
}

impl Fraction {
    /// `numerator / denominator` in lowest terms. The denominator must not be
    /// zero.
    pub(crate) fn new(numerator: i128, denominator: u128) -> Self {
        debug_assert!(denominator != 0);
        let g = gcd(numerator.unsigned_abs(), denominator).max(1);
        let numerator = if g == 1 {
            numerator
        } else {
            // The quotient is no larger in magnitude than the numerator.
            let magnitude = (numerator.unsigned_abs() / g) as i128;
            if numerator < 0 { -magnitude } else { magnitude }
        };
        Fraction {
            numerator,
            denominator: denominator / g,
        }
    }

    /// The numerator, carrying the sign.
    pub fn numerator(&self) -> i128 {
        self.numerator
    }

    /// The denominator, always positive.
    pub fn denominator(&self) -> u128 {
        self.denominator
    }

    /// The value as a decimal with as many significant digits as a
    /// [`Decimal`] holds (28), rounded half to even in the last digit.
    /// Exact whenever the fraction has a terminating expansion that fits;
    /// `None` when even the whole part does not fit in a [`Decimal`].
    pub fn to_decimal(&self) -> Option<Decimal> {
        let negative = self.numerator < 0;
        let num = self.numerator.unsigned_abs();
        let den = self.denominator;
        let mut digits: u128 = num / den;
        if digits >= 10u128.pow(28) {
            return None;
        }
        let mut rem = num % den;
        let mut scale = 0u32;
        // Long division, one digit at a time, while the next digit still fits.
        while rem != 0 && scale < 28 && digits < 10u128.pow(27) {
            let (next, carry) = long_step(rem, den);
            digits = digits * 10 + next;
            rem = carry;
            scale += 1;
        }
        if rem != 0 {
            // Round half to even on what is left: compare 2·rem with den
            // without overflowing.
            let up = match rem.cmp(&(den - rem)) {
                std::cmp::Ordering::Greater => true,
                std::cmp::Ordering::Equal => digits % 2 == 1,
                std::cmp::Ordering::Less => false,
            };
            digits += u128::from(up);
        }
        let signed = if negative {
            -(digits as i128)
        } else {
            digits as i128
        };
        from_scaled(signed, scale)
    }
}

/// One digit of long division: `(10·rem) / den` and its remainder, without
/// overflowing when `rem` is close to `u128::MAX / 10`.
fn long_step(rem: u128, den: u128) -> (u128, u128) {
    match rem.checked_mul(10) {
        Some(r10) => (r10 / den, r10 % den),
        None => {
            // Add rem to itself ten times modulo den, counting the wraps.
            let mut digit = 0;
            let mut acc = 0u128;
            for _ in 0..10 {
                let room = den - acc;
                if rem >= room {
                    acc = rem - room;
                    digit += 1;
                } else {
                    acc += rem;
                }
            }
            (digit, acc)
        }
    }
}

pub(crate) fn gcd(mut a: u128, mut b: u128) -> u128 {
    while b != 0 {
        (a, b) = (b, a % b);
    }
    a
}

impl fmt::Display for Fraction {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.denominator == 1 {
            write!(f, "{}", self.numerator)
        } else {
            write!(f, "{}/{}", self.numerator, self.denominator)
        }
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

    #[test]
    fn lowest_terms_and_text() {
        assert_eq!(Fraction::new(6, 4).to_string(), "3/2");
        assert_eq!(Fraction::new(-6, 3).to_string(), "-2");
        assert_eq!(Fraction::new(0, 7).to_string(), "0");
    }

    #[test]
    fn decimals() {
        assert_eq!(
            Fraction::new(1, 3).to_decimal().unwrap().to_string(),
            "0.3333333333333333333333333333"
        );
        assert_eq!(
            Fraction::new(-2, 3).to_decimal().unwrap().to_string(),
            "-0.6666666666666666666666666667"
        );
        assert_eq!(
            Fraction::new(1_000_000_000, 7)
                .to_decimal()
                .unwrap()
                .to_string(),
            "142857142.8571428571428571429"
        );
        assert_eq!(
            Fraction::new(5, 4).to_decimal().unwrap().to_string(),
            "1.25"
        );
        let big = Fraction::new(i128::MAX / 3, u128::MAX / 2 - 7)
            .to_decimal()
            .unwrap();
        assert_eq!(big.to_string(), "0.3333333333333333333333333333");
        assert_eq!(Fraction::new(i128::MAX, 1).to_decimal(), None);
    }
}
