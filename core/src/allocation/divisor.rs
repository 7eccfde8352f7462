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
use rust_decimal::Decimal;
use std::cmp::{Ordering, Reverse};
use std::collections::BinaryHeap;

/// The divisor sequence d(k) for the k-th unit (counted from 0) of a weight.
#[derive(Clone, Copy)]
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
    /// `wᵢ·key(l)` against `wⱼ·key(k)` (for Huntington–Hill, with squared
    /// weights, because the key is d(k)² = k(k+1)). Zero stands for an
    /// infinite average.
    fn key(self, k: u128) -> Option<u128> {
        match self {
            Divisors::Dhondt => k.checked_add(1),
            Divisors::SainteLague { first, scale } => match k {
                0 => Some(first),
                _ => k.checked_mul(2)?.checked_add(1)?.checked_mul(scale),
            },
            Divisors::HuntingtonHill => k.checked_mul(k.checked_add(1)?),
        }
    }

    /// The weight as it enters a comparison of averages.
    fn weight_key(self, w: u128) -> Option<u128> {
        match self {
            Divisors::HuntingtonHill => w.checked_mul(w),
            _ => Some(w),
        }
    }

    /// How many of the averages of weight `w` are at or above the threshold
    /// at which a proportional split of `units` lands.
    fn count_at_threshold(self, w: u128, units: u128, sum: u128) -> Option<u128> {
        if w == 0 {
            return Some(0);
        }
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
}

/// The average of weight `i` for its `k`-th unit, ready to compare.
#[derive(Clone, Copy, PartialEq, Eq)]
struct Average {
    weight_key: u128,
    divisor_key: u128,
    weight: u128,
    index: usize,
}

impl Ord for Average {
    /// Larger average first; ties to the larger weight, then the earlier
    /// position. The products cannot overflow: `apportion` checks the
    /// largest one before any comparison.
    fn cmp(&self, other: &Self) -> Ordering {
        let value = match (self.divisor_key, other.divisor_key) {
            (0, 0) => Ordering::Equal,
            (0, _) => Ordering::Greater,
            (_, 0) => Ordering::Less,
            (a, b) => (self.weight_key * b).cmp(&(other.weight_key * a)),
        };
        value
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
    let overflow = || Error::overflow("the averages of the divisor method");
    if units == 0 {
        return Ok(vec![0; weights.len()]);
    }
    let mut counts = weights
        .iter()
        .map(|&w| divisors.count_at_threshold(w, units, sum))
        .collect::<Option<Vec<u128>>>()
        .ok_or_else(overflow)?;
    let given: u128 = counts.iter().sum();
    check_products(divisors, weights, &counts, units.saturating_sub(given)).ok_or_else(overflow)?;
    let average = |i: usize, k: u128| Average {
        weight_key: divisors.weight_key(weights[i]).unwrap_or(u128::MAX),
        divisor_key: divisors.key(k).unwrap_or(u128::MAX),
        weight: weights[i],
        index: i,
    };
    let positive = || (0..weights.len()).filter(|&i| weights[i] > 0);
    if given < units {
        // Add the best averages not yet chosen.
        let mut next: BinaryHeap<Average> = positive().map(|i| average(i, counts[i])).collect();
        for _ in given..units {
            let best = next.pop().ok_or_else(overflow)?;
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
            let Reverse(worst) = last.pop().ok_or_else(overflow)?;
            counts[worst.index] -= 1;
            if counts[worst.index] > 0 {
                last.push(Reverse(average(worst.index, counts[worst.index] - 1)));
            }
        }
    }
    Ok(counts)
}

/// Checks that the largest product an average comparison can form fits in
/// 128 bits, so that comparisons never overflow.
fn check_products(
    divisors: Divisors,
    weights: &[u128],
    counts: &[u128],
    to_add: u128,
) -> Option<()> {
    let max_w = weights.iter().copied().max()?;
    let max_k = counts
        .iter()
        .copied()
        .max()?
        .checked_add(to_add)?
        .checked_add(1)?;
    let max_key = divisors.key(max_k)?.max(divisors.key(0)?);
    divisors.weight_key(max_w)?.checked_mul(max_key).map(|_| ())
}
