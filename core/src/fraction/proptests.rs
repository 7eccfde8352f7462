//! Property tests: [`Fraction`] arithmetic gives exactly what
//! [`BigRational`] gives, for values anywhere in the machine form and at
//! its edges (i128::MIN, i128::MAX, denominators near u128::MAX and
//! 2¹²⁷), where a machine-integer step overflows and must hand over to big
//! integers (never wrap, never panic), and for values already in the big
//! form. The results are compared as values and as representations: the
//! form is canonical, so a result that fits is always in machine integers.

use super::Fraction;
use num_bigint::BigInt;
use num_rational::BigRational;
use num_traits::{ToPrimitive, Zero};
use proptest::prelude::*;
use rust_decimal::Decimal;
use std::cmp::Ordering;

/// Numerators: small, anywhere in i128, and within a little of its ends.
fn numerator() -> impl Strategy<Value = i128> {
    prop_oneof![
        -1000i128..1000,
        any::<i128>(),
        (0i128..64).prop_map(|k| i128::MAX - k),
        (0i128..64).prop_map(|k| i128::MIN + k),
        (0u32..127, any::<bool>()).prop_map(|(s, neg)| {
            let p = 1i128 << s;
            if neg { -p } else { p }
        }),
    ]
}

/// Denominators (positive): small, anywhere in u128, near its top, and near
/// 2¹²⁷ (where a denominator stops fitting in an i128).
fn denominator() -> impl Strategy<Value = u128> {
    prop_oneof![
        1u128..1000,
        any::<u128>().prop_map(|d| d.max(1)),
        (0u128..64).prop_map(|k| u128::MAX - k),
        (0u128..64).prop_map(|k| (1u128 << 127) - 32 + k),
        (0u32..128).prop_map(|s| 1u128 << s),
        (0u32..28).prop_map(|s| 10u128.pow(s)),
    ]
}

/// A value as the pair (Fraction, BigRational): mostly machine-form
/// values, and some just beyond it (a numerator or denominator a few bits
/// past 128), which are big.
fn value() -> impl Strategy<Value = (Fraction, BigRational)> {
    let small = (numerator(), denominator()).prop_map(|(n, d)| {
        let r = BigRational::new(n.into(), d.into());
        (Fraction::small(n, d), r)
    });
    let big = (numerator(), denominator(), 0u32..8, 0u32..8).prop_map(|(n, d, a, b)| {
        let r = BigRational::new(BigInt::from(n) << a, BigInt::from(d) << b);
        (Fraction::from_rational(r.clone()), r)
    });
    prop_oneof![4 => small, 1 => big]
}

/// `f` is the value `r`, in canonical form.
fn same(f: &Fraction, r: &BigRational) -> Result<(), TestCaseError> {
    prop_assert_eq!(&f.rational(), r);
    prop_assert_eq!(f, &Fraction::from_rational(r.clone()));
    prop_assert_eq!(
        matches!(f.0, super::Repr::Small(..)),
        r.numer().to_i128().is_some() && r.denom().to_u128().is_some()
    );
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn small_reduces_as_big_rational_does(n in numerator(), d in denominator()) {
        same(&Fraction::small(n, d), &BigRational::new(n.into(), d.into()))?;
    }

    #[test]
    fn binary_operations_agree((x, p) in value(), (y, q) in value()) {
        same(&(&x + &y), &(&p + &q))?;
        same(&(&x - &y), &(&p - &q))?;
        same(&(&x * &y), &(&p * &q))?;
        if !q.is_zero() {
            same(&(&x / &y), &(&p / &q))?;
        }
        prop_assert_eq!(x.cmp(&y), p.cmp(&q));
        prop_assert_eq!(x == y, p == q);
        let mut acc = x.clone();
        acc += &y;
        acc -= y.clone();
        same(&acc, &p)?;
        let sum: Fraction = [x.clone(), y.clone()].into_iter().sum();
        same(&sum, &(&p + &q))?;
    }

    #[test]
    fn unary_operations_agree((x, p) in value()) {
        same(&-&x, &-p.clone())?;
        same(&x.floor(), &p.floor())?;
        prop_assert_eq!(x.floor_i128(), p.floor().to_integer().to_i128());
        prop_assert_eq!(x.is_zero(), p.is_zero());
        prop_assert_eq!(x.is_integer(), p.is_integer());
        prop_assert_eq!(x.is_negative(), p < BigRational::zero());
        prop_assert_eq!(x.cmp(&Fraction::zero()), p.cmp(&BigRational::zero()));
        prop_assert_eq!(x.to_decimal(), super::big_decimal(&p));
        prop_assert_eq!(x.to_string(), p.to_string());
    }

    #[test]
    fn integers_and_decimals_convert_exactly(n in any::<i128>(), m in any::<i64>(), scale in 0u32..=28) {
        same(&Fraction::from(n), &BigRational::from_integer(n.into()))?;
        let d = Decimal::new(m, scale);
        let r = BigRational::new(d.mantissa().into(), BigInt::from(10u8).pow(scale));
        same(&Fraction::from(d), &r)?;
        prop_assert_eq!(Fraction::from(d).cmp(&Fraction::from(n)), r.cmp(&BigRational::from_integer(n.into())));
    }
}

/// The extreme values by hand: every pair of them through every operation.
#[test]
fn the_edges_of_the_machine_form() {
    let nums = [i128::MIN, i128::MIN + 1, -1, 0, 1, i128::MAX - 1, i128::MAX];
    let dens = [1, 2, 3, 1 << 127, (1 << 127) + 1, u128::MAX - 1, u128::MAX];
    let values: Vec<(Fraction, BigRational)> = nums
        .iter()
        .flat_map(|&n| dens.iter().map(move |&d| (n, d)))
        .map(|(n, d)| (Fraction::small(n, d), BigRational::new(n.into(), d.into())))
        .collect();
    for (x, p) in &values {
        same(&-x, &-p.clone()).unwrap();
        same(&x.floor(), &p.floor()).unwrap();
        for (y, q) in &values {
            same(&(x + y), &(p + q)).unwrap();
            same(&(x - y), &(p - q)).unwrap();
            same(&(x * y), &(p * q)).unwrap();
            if !q.is_zero() {
                same(&(x / y), &(p / q)).unwrap();
            }
            assert_eq!(x.cmp(y), p.cmp(q), "{x} cmp {y}");
            assert_eq!(x.partial_cmp(y), Some(p.cmp(q)));
        }
    }
    assert_eq!(
        Fraction::from(i128::MIN).cmp(&Fraction::from(i128::MAX)),
        Ordering::Less
    );
}
