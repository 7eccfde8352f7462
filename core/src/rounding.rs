//! Rounding an amount to a unit, with the rounding named.

use crate::error::{Error, Result};
use crate::number::{from_scaled, to_scaled};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// How to round an amount that falls between two multiples of a unit.
///
/// "Up" and "down" are toward positive and negative infinity; the two
/// half-way modes differ only on exact ties.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default, schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Rounding {
    /// Ties go away from zero: 2.5 → 3, −2.5 → −3. Swedish cash rounding.
    #[default]
    HalfAwayFromZero,
    /// Ties go to the even multiple (banker's rounding): 2.5 → 2, 3.5 → 4.
    HalfEven,
    /// Toward positive infinity (ceiling).
    Up,
    /// Toward negative infinity (floor).
    Down,
    /// Toward zero (truncation).
    TowardZero,
    /// Away from zero.
    AwayFromZero,
}

impl Rounding {
    /// Every mode, in the order of the documentation.
    pub const ALL: [Rounding; 6] = [
        Rounding::HalfAwayFromZero,
        Rounding::HalfEven,
        Rounding::Up,
        Rounding::Down,
        Rounding::TowardZero,
        Rounding::AwayFromZero,
    ];

    /// The public name of the mode, as used in every runtime.
    pub fn name(self) -> &'static str {
        match self {
            Rounding::HalfAwayFromZero => "half_away_from_zero",
            Rounding::HalfEven => "half_even",
            Rounding::Up => "up",
            Rounding::Down => "down",
            Rounding::TowardZero => "toward_zero",
            Rounding::AwayFromZero => "away_from_zero",
        }
    }

    /// Whether `floor + 1` is chosen, given the floor's parity, the sign of
    /// the value, and how the remainder compares with half a unit.
    pub(crate) fn rounds_up(
        self,
        floor_is_odd: bool,
        negative: bool,
        half: std::cmp::Ordering,
    ) -> bool {
        use std::cmp::Ordering::*;
        match self {
            Rounding::Up => true,
            Rounding::Down => false,
            Rounding::TowardZero => negative,
            Rounding::AwayFromZero => !negative,
            Rounding::HalfAwayFromZero => half == Greater || (half == Equal && !negative),
            Rounding::HalfEven => half == Greater || (half == Equal && floor_is_odd),
        }
    }
}

impl fmt::Display for Rounding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Rounding {
    type Err = Error;

    fn from_str(name: &str) -> Result<Self> {
        Rounding::ALL
            .into_iter()
            .find(|mode| mode.name() == name)
            .ok_or_else(|| Error::UnknownRounding {
                name: name.to_string(),
            })
    }
}

/// Rounds `amount` to a whole multiple of `unit` with the named `mode`.
///
/// Exact: the decision is made on integers, never on a rounded quotient.
///
/// ```
/// use andel::{round_to_unit, Decimal, Rounding};
/// let d = |s: &str| s.parse::<Decimal>().unwrap();
/// assert_eq!(round_to_unit(d("12.50"), d("1"), Rounding::HalfAwayFromZero).unwrap(), d("13"));
/// assert_eq!(round_to_unit(d("12.50"), d("1"), Rounding::HalfEven).unwrap(), d("12"));
/// assert_eq!(round_to_unit(d("-0.07"), d("0.05"), Rounding::Down).unwrap(), d("-0.10"));
/// ```
pub fn round_to_unit(amount: Decimal, unit: Decimal, mode: Rounding) -> Result<Decimal> {
    if unit <= Decimal::ZERO {
        return Err(Error::InvalidUnit { unit });
    }
    let scale = amount.scale().max(unit.scale());
    let overflow = || Error::overflow(format!("rounding {amount} to the unit {unit}"));
    let a = to_scaled(amount, scale).ok_or_else(overflow)?;
    let u = to_scaled(unit, scale).ok_or_else(overflow)?;
    let floor = a.div_euclid(u);
    let rem = a.rem_euclid(u);
    let q = if rem == 0 {
        floor
    } else {
        // rem against u − rem, not 2·rem against u: 2·rem overflows i128
        // when the unit is scaled near its limit.
        let half = rem.cmp(&(u - rem));
        floor + i128::from(mode.rounds_up(floor % 2 != 0, a < 0, half))
    };
    let scaled = q.checked_mul(u).ok_or_else(overflow)?;
    let out = from_scaled(scaled, scale).ok_or_else(overflow)?;
    Ok(out.max_scale_of(unit))
}

/// Gives a decimal at least the scale of `unit`, so `12` rounded to `0.01`
/// prints as `12.00`.
trait MaxScale {
    fn max_scale_of(self, unit: Decimal) -> Decimal;
}

impl MaxScale for Decimal {
    fn max_scale_of(mut self, unit: Decimal) -> Decimal {
        let want = unit.normalize().scale();
        if self.scale() < want {
            self.rescale(want);
        }
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    fn r(amount: &str, unit: &str, mode: Rounding) -> String {
        round_to_unit(d(amount), d(unit), mode).unwrap().to_string()
    }

    #[test]
    fn every_mode_on_ties_and_between() {
        use Rounding::*;
        let table = [
            // amount, half_away, half_even, up, down, toward_zero, away
            ("2.5", ["3", "2", "3", "2", "2", "3"]),
            ("3.5", ["4", "4", "4", "3", "3", "4"]),
            ("-2.5", ["-3", "-2", "-2", "-3", "-2", "-3"]),
            ("2.4", ["2", "2", "3", "2", "2", "3"]),
            ("-2.6", ["-3", "-3", "-2", "-3", "-2", "-3"]),
            ("7", ["7", "7", "7", "7", "7", "7"]),
        ];
        for (amount, expected) in table {
            for (mode, want) in [
                HalfAwayFromZero,
                HalfEven,
                Up,
                Down,
                TowardZero,
                AwayFromZero,
            ]
            .iter()
            .zip(expected)
            {
                assert_eq!(r(amount, "1", *mode), want, "{amount} {mode}");
            }
        }
    }

    #[test]
    fn odd_units() {
        assert_eq!(r("0.07", "0.05", Rounding::HalfAwayFromZero), "0.05");
        assert_eq!(r("0.075", "0.05", Rounding::HalfAwayFromZero), "0.10");
        assert_eq!(r("1499", "1000", Rounding::HalfEven), "1000");
        assert_eq!(r("1500", "1000", Rounding::HalfEven), "2000");
        assert_eq!(r("12", "0.01", Rounding::Up), "12.00");
        assert_eq!(r("0.02", "0.03", Rounding::HalfEven), "0.03");
    }

    #[test]
    fn names_round_trip() {
        for mode in Rounding::ALL {
            assert_eq!(mode.name().parse::<Rounding>().unwrap(), mode);
        }
        assert_eq!(
            "half_up".parse::<Rounding>().unwrap_err().code(),
            "unknown_rounding"
        );
    }

    #[test]
    fn a_unit_near_the_i128_limit_is_compared_without_overflow() {
        // Found by the allocate fuzz target: at scale 23 the unit is about
        // 1e38, and 2·remainder overflowed i128 (a wrong half in release).
        let unit = "1015162463955899.7376430668749";
        let tiny = "-0.00000000000000000009838";
        assert_eq!(r(tiny, unit, Rounding::HalfAwayFromZero), "0.0000000000000");
        assert_eq!(r(tiny, unit, Rounding::HalfEven), "0.0000000000000");
        assert_eq!(r(tiny, unit, Rounding::TowardZero), "0.0000000000000");
        assert_eq!(r(tiny, unit, Rounding::Down), format!("-{unit}"));
    }

    #[test]
    fn refuses_bad_unit() {
        assert_eq!(
            round_to_unit(d("1"), d("0"), Rounding::Up)
                .unwrap_err()
                .code(),
            "invalid_unit"
        );
    }
}
