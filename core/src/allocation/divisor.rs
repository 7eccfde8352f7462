//! Divisor (highest-averages) methods, computed exactly and without handing
//! out the units one by one.
//!
//! Every positive weight wᵢ offers the averages wᵢ/d(0) > wᵢ/d(1) > …, and the
//! result for N units is the set of the N largest averages of all weights,
//! ordered by value, then larger weight, then earlier position. Because each
//! weight's averages decrease, that set is "everything at or above some
//! threshold". So instead of N heap steps we count, per weight and in closed
//! form, the averages at or above the threshold λ at which a proportional
//! split would land, and then add the next-best or remove the worst
//! averages with a heap until exactly N are chosen. The count is off by at
//! most about one unit per weight, so the heap does O(n) steps whatever N is.

use crate::error::{Error, Result};
use crate::number::to_scaled;
use num_bigint::BigUint;
use num_traits::{ToPrimitive, Zero};
use rust_decimal::Decimal;
use std::cmp::{Ordering, Reverse};
use std::collections::BinaryHeap;

/// The divisor sequence d(k) for the k-th unit (counted from 0) of a weight.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Divisors {
    /// d(k) = k + 1.
    Dhondt,
    /// d(0) = first / scale, d(k) = 2k + 1 for k ≥ 1.
    SainteLague { first: u128, scale: u128 },
    /// d(k) = √(k(k+1)); d(0) = 0, so every positive weight gets a unit first.
    HuntingtonHill,
}

impl Divisors {
    pub(super) fn sainte_lague(first: Decimal) -> Result<Self> {
        let scale = first.normalize().scale();
        let overflow = || Error::overflow("the first divisor");
        let first = to_scaled(first, scale).ok_or_else(overflow)?;
        let scale = crate::number::pow10(scale).ok_or_else(overflow)?;
        Ok(Divisors::SainteLague {
            first: first as u128,
            scale: scale as u128,
        })
    }

    /// The divisor of the k-th unit as an integer key: averages compare as
    /// `wᵢ·key(l)` against `wⱼ·key(k)` (for Huntington–Hill with squared
    /// weights, because the key is d(k)² = k(k+1)). Zero stands for an
    /// infinite average.
    fn key(self, k: &BigUint) -> BigUint {
        match self {
            Divisors::Dhondt => k + 1u8,
            Divisors::SainteLague { first, .. } if k.is_zero() => BigUint::from(first),
            Divisors::SainteLague { scale, .. } => (k * 2u8 + 1u8) * scale,
            Divisors::HuntingtonHill => k * (k + 1u8),
        }
    }

    /// The weight as it enters a comparison of averages.
    fn weight_key(self, w: u128) -> BigUint {
        match self {
            Divisors::HuntingtonHill => BigUint::from(w) * w,
            _ => BigUint::from(w),
        }
    }

    /// How many of the averages of weight `w` are at or above the threshold
    /// at which a proportional split of `units` lands. In 128-bit integers
    /// when they suffice, else in big integers: the answer is the same.
    fn count_at_threshold(self, w: u128, units: u128, sum: u128) -> u128 {
        if w == 0 {
            return 0;
        }
        self.count_small(w, units, sum)
            .unwrap_or_else(|| self.count_big(w.into(), units.into(), sum.into()))
    }

    fn count_small(self, w: u128, units: u128, sum: u128) -> Option<u128> {
        let product = units.checked_mul(w)?;
        match self {
            // λ = sum/units: w/(k+1) ≥ λ ⇔ k+1 ≤ units·w/sum.
            Divisors::Dhondt => Some(product / sum),
            // λ = sum/(2·units): w/d ≥ λ ⇔ d ≤ 2·units·w/sum.
            Divisors::SainteLague { first, scale } => {
                let twice = product.checked_mul(2)?;
                let first_counts = sum.checked_mul(first)? <= twice.checked_mul(scale)?;
                let g = twice / sum; // odd divisors 3, 5, … up to g
                Some(u128::from(first_counts) + g.saturating_sub(1) / 2)
            }
            // λ = sum/units: the first unit always; then w/√(k(k+1)) ≥ λ ⇔
            // k(k+1)·sum² ≤ (units·w)², which holds for k < f = ⌊units·w/sum⌋
            // and perhaps for k = f.
            Divisors::HuntingtonHill => {
                let f = product / sum;
                let lhs = f
                    .checked_mul(f.checked_add(1)?)?
                    .checked_mul(sum.checked_mul(sum)?)?;
                let fits = lhs <= product.checked_mul(product)?;
                Some(if fits { f + 1 } else { f.max(1) })
            }
        }
    }

    /// The same count as [`count_small`](Self::count_small), in big integers.
    fn count_big(self, w: BigUint, units: BigUint, sum: BigUint) -> u128 {
        let product = units * w;
        let count = match self {
            Divisors::Dhondt => &product / &sum,
            Divisors::SainteLague { first, scale } => {
                let twice = product * 2u8;
                let first_counts = &sum * first <= &twice * scale;
                let g: BigUint = &twice / &sum;
                let odd = if g.is_zero() {
                    BigUint::zero()
                } else {
                    (g - 1u8) / 2u8
                };
                odd + u8::from(first_counts)
            }
            Divisors::HuntingtonHill => {
                let f: BigUint = &product / &sum;
                let fits = &f * (&f + 1u8) * &sum * &sum <= &product * &product;
                if fits {
                    f + 1u8
                } else {
                    f.max(BigUint::from(1u8))
                }
            }
        };
        // A count never exceeds units + 1, which fits in u128.
        count.to_u128().unwrap_or(u128::MAX)
    }
}

/// The average of weight `index` for its `k`-th unit, ready to compare.
#[derive(Clone, PartialEq, Eq)]
struct Average {
    divisors: Divisors,
    weight: u128,
    k: u128,
    index: usize,
}

impl Average {
    /// The products to compare, `(self's side, other's side)`, in 128 bits
    /// when they fit.
    fn small_products(&self, other: &Self) -> Option<(u128, u128)> {
        let (wa, wb) = match self.divisors {
            Divisors::HuntingtonHill => (
                self.weight.checked_mul(self.weight)?,
                other.weight.checked_mul(other.weight)?,
            ),
            _ => (self.weight, other.weight),
        };
        let (ka, kb) = (
            small_key(self.divisors, self.k)?,
            small_key(self.divisors, other.k)?,
        );
        if ka == 0 || kb == 0 {
            return None; // infinite averages are compared below
        }
        Some((wa.checked_mul(kb)?, wb.checked_mul(ka)?))
    }

    fn value_cmp(&self, other: &Self) -> Ordering {
        if let Some((a, b)) = self.small_products(other) {
            return a.cmp(&b);
        }
        let (ka, kb) = (
            self.divisors.key(&self.k.into()),
            self.divisors.key(&other.k.into()),
        );
        match (ka.is_zero(), kb.is_zero()) {
            (true, true) => Ordering::Equal,
            (true, false) => Ordering::Greater,
            (false, true) => Ordering::Less,
            _ => (self.divisors.weight_key(self.weight) * kb)
                .cmp(&(self.divisors.weight_key(other.weight) * ka)),
        }
    }
}

/// The divisor key of the k-th unit in 128 bits, if it fits.
fn small_key(divisors: Divisors, k: u128) -> Option<u128> {
    match divisors {
        Divisors::Dhondt => k.checked_add(1),
        Divisors::SainteLague { first, .. } if k == 0 => Some(first),
        Divisors::SainteLague { scale, .. } => k.checked_mul(2)?.checked_add(1)?.checked_mul(scale),
        Divisors::HuntingtonHill => k.checked_mul(k.checked_add(1)?),
    }
}

impl Ord for Average {
    /// Larger average first; ties to the larger weight, then the earlier
    /// position.
    fn cmp(&self, other: &Self) -> Ordering {
        self.value_cmp(other)
            .then(self.weight.cmp(&other.weight))
            .then(other.index.cmp(&self.index))
    }
}

impl PartialOrd for Average {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// Units per weight under the divisor method, for exactly `units` units.
pub(super) fn apportion(
    divisors: Divisors,
    units: u128,
    weights: &[u128],
    sum: u128,
) -> Result<Vec<u128>> {
    if units == 0 {
        return Ok(vec![0; weights.len()]);
    }
    // D'Hondt's counts at the proportional threshold fall short of `units`
    // by about half a unit per weight, each being rounded down; aiming the
    // threshold at `units` plus half the weights lands within a few units
    // of the total instead, so the heap below makes a few corrections, not
    // about n/2 (1 000 000 weights: n log n heap work on 80 MB). The other
    // methods round to nearest and already land close.
    let aim = match divisors {
        Divisors::Dhondt => {
            let positive = weights.iter().filter(|&&w| w > 0).count() as u128;
            units.saturating_add(positive / 2)
        }
        _ => units,
    };
    let mut counts: Vec<u128> = weights
        .iter()
        .map(|&w| divisors.count_at_threshold(w, aim, sum))
        .collect();
    let given: u128 = counts.iter().sum();
    let average = |i: usize, k: u128| Average {
        divisors,
        weight: weights[i],
        k,
        index: i,
    };
    let positive = || (0..weights.len()).filter(|&i| weights[i] > 0);
    let stuck = || Error::Internal {
        message: "the divisor method ran out of averages".to_string(),
    };
    if given < units {
        // Add the best averages not yet chosen.
        let mut next: BinaryHeap<Average> = positive().map(|i| average(i, counts[i])).collect();
        for _ in given..units {
            let best = next.pop().ok_or_else(stuck)?;
            counts[best.index] += 1;
            next.push(average(best.index, counts[best.index]));
        }
    } else if given > units {
        // Remove the worst averages chosen.
        let mut last: BinaryHeap<Reverse<Average>> = positive()
            .filter(|&i| counts[i] > 0)
            .map(|i| Reverse(average(i, counts[i] - 1)))
            .collect();
        for _ in units..given {
            let Reverse(worst) = last.pop().ok_or_else(stuck)?;
            counts[worst.index] -= 1;
            if counts[worst.index] > 0 {
                last.push(Reverse(average(worst.index, counts[worst.index] - 1)));
            }
        }
    }
    Ok(counts)
}
