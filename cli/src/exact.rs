//! Exact fractions shown as rounded decimals, for display only.
//!
//! Rounding [`andel::Fraction::to_decimal`] again to a few decimals could
//! round twice (a value just below a half-way point would first become the
//! half-way point, then round up), so display figures come straight from
//! the exact fraction through core's [`andel::Fraction::round`].

use andel::{Decimal, Fraction, Rounding};

/// `fraction · 10^shift` rounded half away from zero to `decimals` places,
/// or `None` if the result does not fit in a [`Decimal`].
///
/// `shift` = 2 turns a share into a percentage.
pub fn rounded(fraction: &Fraction, shift: u32, decimals: u32) -> Option<Decimal> {
    fraction.round(shift, decimals, Rounding::HalfAwayFromZero)
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
            .clone()
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
            .clone()
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
            .share
            .clone();
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
