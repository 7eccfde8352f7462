//! Exact fractions shown as rounded decimals, for display only.
//!
//! [`andel::Fraction::to_decimal`] already rounds to 28 significant digits;
//! rounding that again to a few decimals could round twice (a value just
//! below a half-way point would first become the half-way point, then round
//! up). So the display figures are computed here straight from the exact
//! numerator and denominator, by integer long division.

use andel::{Decimal, Fraction};

/// `fraction · 10^shift` rounded half away from zero to `decimals` places,
/// or `None` if the result does not fit in a [`Decimal`].
///
/// `shift` = 2 turns a share into a percentage.
pub fn rounded(fraction: &Fraction, shift: u32, decimals: u32) -> Option<Decimal> {
    let numerator = fraction.numerator();
    let den = fraction.denominator();
    let places = decimals.checked_add(shift)?;
    let mut digits = numerator.unsigned_abs() / den;
    let mut rem = numerator.unsigned_abs() % den;
    for _ in 0..places {
        let (next, carry) = long_step(rem, den);
        digits = digits.checked_mul(10)?.checked_add(next)?;
        rem = carry;
    }
    // Half away from zero: up when what is left is at least half of `den`,
    // compared as `rem >= den - rem` so nothing can overflow.
    if rem != 0 && rem >= den - rem {
        digits = digits.checked_add(1)?;
    }
    let magnitude = i128::try_from(digits).ok()?;
    let signed = if numerator < 0 { -magnitude } else { magnitude };
    let mut value = Decimal::try_from_i128_with_scale(signed, decimals).ok()?;
    if value.is_zero() {
        // Never print "-0.0000" for a tiny negative quota.
        value.set_sign_positive(true);
    }
    Some(value)
}

/// One digit of long division: `(10·rem) / den` and its remainder, for
/// `rem < den`, without overflowing when `10·rem` does not fit in a `u128`.
fn long_step(rem: u128, den: u128) -> (u128, u128) {
    match rem.checked_mul(10) {
        Some(r10) => (r10 / den, r10 % den),
        None => {
            // Add `rem` to itself ten times modulo `den`, counting the wraps.
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

#[cfg(test)]
mod tests {
    use super::*;
    use andel::{Allocator, Decimal};

    /// A fraction as andel produces it: the share of the first weight.
    fn share(a: i64, b: i64) -> Fraction {
        let weights = [Decimal::from(a), Decimal::from(b - a)];
        Allocator::new()
            .explain(Decimal::ONE, &weights)
            .unwrap()
            .parts[0]
            .share
    }

    /// A quota as andel produces it: `total · 1/1`, in units of 0.01 or 1.
    fn quota(total: &str, unit: &str, a: i64, b: i64) -> Fraction {
        let weights = [Decimal::from(a), Decimal::from(b - a)];
        Allocator::new()
            .unit(unit.parse().unwrap())
            .explain(total.parse().unwrap(), &weights)
            .unwrap()
            .parts[0]
            .quota
    }

    fn shown(f: &Fraction, shift: u32, decimals: u32) -> String {
        rounded(f, shift, decimals).unwrap().to_string()
    }

    #[test]
    fn percentages_round_half_away_from_zero() {
        assert_eq!(shown(&share(1, 3), 2, 4), "33.3333");
        assert_eq!(shown(&share(2, 3), 2, 4), "66.6667");
        assert_eq!(shown(&share(1, 1), 2, 4), "100.0000");
        // 1/8 = 12.5 % exactly; at 0 decimals the half goes up.
        assert_eq!(shown(&share(1, 8), 2, 0), "13");
        assert_eq!(shown(&share(1, 8), 2, 1), "12.5");
        // 15128/228501 = 6.62053994... %
        assert_eq!(shown(&share(15128, 228501), 2, 4), "6.6205");
    }

    #[test]
    fn no_double_rounding() {
        // 13333500000000000000000000003 / (3·10^28 + 7) = 0.44444999…99996295…:
        // rounded to 28 digits first it would be 0.44445 exactly, and a
        // second rounding would then go up to 0.4445. Exactly, it is below.
        let weights = [
            "13333500000000000000000000003",
            "16666500000000000000000000004",
        ]
        .map(|s| s.parse::<Decimal>().unwrap());
        let f = Allocator::new()
            .explain(Decimal::ONE, &weights)
            .unwrap()
            .parts[0]
            .share;
        assert_eq!(f.to_decimal().unwrap().to_string(), "0.44445");
        assert_eq!(shown(&f, 0, 4), "0.4444");
        assert_eq!(shown(&f, 2, 2), "44.44");
    }

    #[test]
    fn negative_quotas_and_no_negative_zero() {
        let q = quota("-1", "0.01", 1, 3);
        assert_eq!(q.to_string(), "-1/3");
        assert_eq!(shown(&q, 0, 4), "-0.3333");
        let tiny = quota("-0.01", "0.01", 1, 1_000_000);
        assert_eq!(shown(&tiny, 0, 4), "0.0000");
    }
}
