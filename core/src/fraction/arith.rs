//! Arithmetic on [`Fraction`]: the one exact rational type of andel, for
//! the plan engine's sums and shares as well as for the figures it
//! reports. Each operation runs in machine integers while the operands and
//! the result fit (nearly always), and in big integers otherwise; either
//! way the result is exact and in lowest terms, so the two forms never
//! disagree.

use super::{Fraction, Repr, binary_gcd};
use num_rational::BigRational;
use num_traits::Signed;
use std::cmp::Ordering;
use std::iter::Sum;
use std::ops::{Add, AddAssign, Div, Mul, Neg, Sub, SubAssign};

/// A machine-form fraction's numerator and denominator.
type Parts = (i128, u128);

impl Fraction {
    /// The decimal's exact value: its mantissa over a power of ten (at
    /// most 10²⁸), so always in machine integers.
    pub(crate) fn from_decimal(d: rust_decimal::Decimal) -> Self {
        Fraction::small(d.mantissa(), super::POW10[d.scale() as usize])
    }

    /// Zero.
    pub(crate) fn zero() -> Self {
        Fraction(Repr::Small(0, 1))
    }

    /// One.
    pub(crate) fn one() -> Self {
        Fraction(Repr::Small(1, 1))
    }

    /// Whether the value is zero.
    pub(crate) fn is_zero(&self) -> bool {
        matches!(self.0, Repr::Small(0, _))
    }

    /// Whether the value is a whole number.
    pub(crate) fn is_integer(&self) -> bool {
        match &self.0 {
            Repr::Small(_, d) => *d == 1,
            Repr::Big(r) => r.is_integer(),
        }
    }

    /// Whether the value is below zero.
    pub(crate) fn is_negative(&self) -> bool {
        match &self.0 {
            Repr::Small(n, _) => *n < 0,
            Repr::Big(r) => r.is_negative(),
        }
    }

    /// The largest whole number not above the value.
    pub(crate) fn floor(&self) -> Self {
        match &self.0 {
            Repr::Small(n, d) => match i128::try_from(*d) {
                Ok(d) => Fraction(Repr::Small(n.div_euclid(d), 1)),
                // A denominator beyond i128 exceeds every i128 numerator:
                // the value is in (−1, 1).
                Err(_) => Fraction(Repr::Small(if *n < 0 { -1 } else { 0 }, 1)),
            },
            Repr::Big(r) => Fraction::from_rational(r.floor()),
        }
    }

    /// The whole number at or below the value, when it fits in an `i128`.
    pub(crate) fn floor_i128(&self) -> Option<i128> {
        match self.floor().0 {
            Repr::Small(n, _) => Some(n),
            Repr::Big(_) => None,
        }
    }

    fn parts(&self) -> Option<Parts> {
        match self.0 {
            Repr::Small(n, d) => Some((n, d)),
            Repr::Big(_) => None,
        }
    }

    /// `self ∘ other` in machine integers by `small`, else in big ones by
    /// `big`.
    fn combine(
        &self,
        other: &Fraction,
        small: fn(Parts, Parts) -> Option<Fraction>,
        big: fn(BigRational, BigRational) -> BigRational,
    ) -> Fraction {
        self.parts()
            .zip(other.parts())
            .and_then(|(a, b)| small(a, b))
            .unwrap_or_else(|| Fraction::from_rational(big(self.rational(), other.rational())))
    }
}

/// a/b + c/d over the least common denominator, reduced; None on overflow.
fn small_add((a, b): (i128, u128), (c, d): (i128, u128)) -> Option<Fraction> {
    let g = binary_gcd(b, d);
    let (b1, d1) = (b / g, d / g);
    let n = a
        .checked_mul(i128::try_from(d1).ok()?)?
        .checked_add(c.checked_mul(i128::try_from(b1).ok()?)?)?;
    Some(Fraction::small(n, b.checked_mul(d1)?))
}

/// (a/b)·(c/d), cross-reduced first; None on overflow.
fn small_mul((a, b): (i128, u128), (c, d): (i128, u128)) -> Option<Fraction> {
    let g1 = binary_gcd(a.unsigned_abs(), d).max(1);
    let g2 = binary_gcd(c.unsigned_abs(), b).max(1);
    let n = (a / i128::try_from(g1).ok()?).checked_mul(c / i128::try_from(g2).ok()?)?;
    Some(Fraction::small(n, (b / g2).checked_mul(d / g1)?))
}

/// (a/b)/(c/d) as (a/b)·(d/c); None on overflow. Panics when c is zero, as
/// a division by zero does.
fn small_div(x: (i128, u128), (c, d): (i128, u128)) -> Option<Fraction> {
    assert!(c != 0, "division of a fraction by zero");
    let d = i128::try_from(d).ok()?;
    let n = if c < 0 { d.checked_neg()? } else { d };
    small_mul(x, (n, c.unsigned_abs()))
}

fn small_sub(x: (i128, u128), (c, d): (i128, u128)) -> Option<Fraction> {
    small_add(x, (c.checked_neg()?, d))
}

macro_rules! binary {
    ($trait:ident, $method:ident, $small:ident, $big:expr) => {
        impl $trait<&Fraction> for &Fraction {
            type Output = Fraction;
            fn $method(self, other: &Fraction) -> Fraction {
                self.combine(other, $small, $big)
            }
        }
        impl $trait<Fraction> for &Fraction {
            type Output = Fraction;
            fn $method(self, other: Fraction) -> Fraction {
                self.combine(&other, $small, $big)
            }
        }
        impl $trait<&Fraction> for Fraction {
            type Output = Fraction;
            fn $method(self, other: &Fraction) -> Fraction {
                self.combine(other, $small, $big)
            }
        }
        impl $trait<Fraction> for Fraction {
            type Output = Fraction;
            fn $method(self, other: Fraction) -> Fraction {
                self.combine(&other, $small, $big)
            }
        }
    };
}

binary!(Add, add, small_add, |a, b| a + b);
binary!(Sub, sub, small_sub, |a, b| a - b);
binary!(Mul, mul, small_mul, |a, b| a * b);
binary!(Div, div, small_div, |a, b| a / b);

impl AddAssign<Fraction> for Fraction {
    fn add_assign(&mut self, other: Fraction) {
        *self = &*self + &other;
    }
}

impl AddAssign<&Fraction> for Fraction {
    fn add_assign(&mut self, other: &Fraction) {
        *self = &*self + other;
    }
}

impl SubAssign<Fraction> for Fraction {
    fn sub_assign(&mut self, other: Fraction) {
        *self = &*self - &other;
    }
}

impl SubAssign<&Fraction> for Fraction {
    fn sub_assign(&mut self, other: &Fraction) {
        *self = &*self - other;
    }
}

impl From<i128> for Fraction {
    /// The whole number `n`.
    fn from(n: i128) -> Self {
        Fraction(Repr::Small(n, 1))
    }
}

impl From<rust_decimal::Decimal> for Fraction {
    /// The decimal's exact value.
    fn from(d: rust_decimal::Decimal) -> Self {
        Fraction::from_decimal(d)
    }
}

impl Neg for &Fraction {
    type Output = Fraction;
    fn neg(self) -> Fraction {
        match self.parts().and_then(|(n, d)| Some((n.checked_neg()?, d))) {
            Some((n, d)) => Fraction(Repr::Small(n, d)),
            None => Fraction::from_rational(-self.rational()),
        }
    }
}

impl Neg for Fraction {
    type Output = Fraction;
    fn neg(self) -> Fraction {
        -&self
    }
}

impl Sum for Fraction {
    fn sum<I: Iterator<Item = Fraction>>(iter: I) -> Fraction {
        iter.fold(Fraction::zero(), |acc, x| acc + x)
    }
}

impl<'a> Sum<&'a Fraction> for Fraction {
    fn sum<I: Iterator<Item = &'a Fraction>>(iter: I) -> Fraction {
        iter.fold(Fraction::zero(), |acc, x| acc + x)
    }
}

/// By value: in machine integers when the cross products fit.
pub(super) fn compare(a: &Fraction, b: &Fraction) -> Ordering {
    if let (Some((n1, d1)), Some((n2, d2))) = (a.parts(), b.parts()) {
        let cross = i128::try_from(d2)
            .ok()
            .zip(i128::try_from(d1).ok())
            .and_then(|(d2, d1)| Some((n1.checked_mul(d2)?, n2.checked_mul(d1)?)));
        if let Some((x, y)) = cross {
            return x.cmp(&y);
        }
    }
    a.rational().cmp(&b.rational())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn big(n: i128, d: i128) -> BigRational {
        BigRational::new(n.into(), d.into())
    }

    /// Every operation agrees with BigRational, near the edges of the
    /// machine form too (where the small path overflows and hands over).
    #[test]
    fn agrees_with_big_rationals() {
        let edge = [
            i128::MAX,
            i128::MAX - 1,
            i128::MIN + 1,
            1 << 100,
            -(1 << 100),
        ];
        let mut values: Vec<(i128, i128)> = vec![
            (0, 1),
            (1, 1),
            (-1, 1),
            (1, 3),
            (-7, 2),
            (22, 7),
            (5, 1 << 90),
        ];
        values.extend(edge.iter().map(|&n| (n, 1)));
        values.extend(edge.iter().map(|&n| (n, 3)));
        values.extend(edge.iter().filter(|&&n| n > 0).map(|&n| (1, n)));
        for &(a, b) in &values {
            let x = Fraction::from_rational(big(a, b));
            assert_eq!((-&x).rational(), -big(a, b));
            assert_eq!(x.floor().rational(), big(a, b).floor());
            for &(c, d) in &values {
                let y = Fraction::from_rational(big(c, d));
                let (p, q) = (big(a, b), big(c, d));
                assert_eq!((&x + &y).rational(), &p + &q, "{x} + {y}");
                assert_eq!((&x - &y).rational(), &p - &q, "{x} - {y}");
                assert_eq!((&x * &y).rational(), &p * &q, "{x} * {y}");
                if c != 0 {
                    assert_eq!((&x / &y).rational(), &p / &q, "{x} / {y}");
                }
                assert_eq!(x.cmp(&y), p.cmp(&q), "{x} cmp {y}");
                // The form is canonical: equal values are equal fractions.
                assert_eq!(&x + &y, Fraction::from_rational(&p + &q));
            }
        }
    }
}
