//! Quota methods: round every exact quota down, then hand out the units
//! that are left over, one each, in an order that depends on the method.
//!
//! The leftover count is `units − Σ⌊qᵢ⌋ = Σ frac(qᵢ)`, which is smaller than
//! the number of parts with a fractional remainder; so zero weights (whose
//! quota is exactly 0) never need a leftover unit, and each method below
//! picks only among positive weights.

use crate::error::{Error, Result};
use crate::order;

/// Floors of the exact quotas `units·wᵢ/sum` and their remainders (the
/// fractional parts, all over the same denominator `sum`).
struct Quotas {
    floors: Vec<u128>,
    remainders: Vec<u128>,
    leftover: usize,
}

fn quotas(units: u128, weights: &[u128], sum: u128) -> Result<Quotas> {
    let max_w = weights.iter().copied().max().unwrap_or(0);
    units
        .checked_mul(max_w)
        .ok_or_else(|| Error::overflow("the total in units times the largest weight"))?;
    let mut floors = Vec::with_capacity(weights.len());
    let mut remainders = Vec::with_capacity(weights.len());
    // Most real splits fit in 64 bits, where division is several times
    // faster than the 128-bit routine.
    if units * max_w <= u64::MAX as u128 && sum <= u64::MAX as u128 {
        let (n, s) = (units as u64, sum as u64);
        for &w in weights {
            let product = n * w as u64;
            floors.push(u128::from(product / s));
            remainders.push(u128::from(product % s));
        }
    } else {
        for &w in weights {
            let product = units * w;
            floors.push(product / sum);
            remainders.push(product % sum);
        }
    }
    let given: u128 = floors.iter().sum();
    // Less than the number of weights, so it fits in usize.
    let leftover = (units - given) as usize;
    Ok(Quotas {
        floors,
        remainders,
        leftover,
    })
}

/// Hamilton: leftover units to the largest remainders; ties to the larger
/// weight, then the earlier position.
pub(super) fn largest_remainder(units: u128, weights: &[u128], sum: u128) -> Result<Vec<u128>> {
    let Quotas {
        mut floors,
        remainders,
        leftover,
    } = quotas(units, weights, sum)?;
    let winners = order::first(positive(weights), leftover, &mut |&a, &b| {
        remainders[b]
            .cmp(&remainders[a])
            .then(weights[b].cmp(&weights[a]))
            .then(a.cmp(&b))
    });
    for i in winners {
        floors[i] += 1;
    }
    Ok(floors)
}

/// Dinero.js 2.x: leftover units to the largest weights; ties to the
/// earlier position.
pub(super) fn largest_ratio(units: u128, weights: &[u128], sum: u128) -> Result<Vec<u128>> {
    let Quotas {
        mut floors,
        leftover,
        ..
    } = quotas(units, weights, sum)?;
    let winners = order::first(positive(weights), leftover, &mut |&a, &b| {
        weights[b].cmp(&weights[a]).then(a.cmp(&b))
    });
    for i in winners {
        floors[i] += 1;
    }
    Ok(floors)
}

/// Fowler: leftover units to the first positive weights in input order.
pub(super) fn in_order(units: u128, weights: &[u128], sum: u128) -> Result<Vec<u128>> {
    let Quotas {
        mut floors,
        leftover,
        ..
    } = quotas(units, weights, sum)?;
    for i in positive(weights).into_iter().take(leftover) {
        floors[i] += 1;
    }
    Ok(floors)
}

fn positive(weights: &[u128]) -> Vec<usize> {
    (0..weights.len()).filter(|&i| weights[i] > 0).collect()
}

/// The quota methods when `units × the largest weight` and the sum fit in
/// 64 bits, as they do for almost every real split (a million populations
/// and a total in öre): the same units as the functions above, found
/// faster. The floors come from one reciprocal of the sum (a multiply
/// instead of a division per weight), and the leftover units from a
/// threshold: the `leftover`-th largest key found by selection on the keys
/// themselves, then the few parts at the threshold ordered by the tie rule.
pub(super) mod small {
    use crate::method::Method;
    use crate::order;

    /// `p / d` and `p % d` for many `p` and one `d`, by multiplying with
    /// `⌊(2⁶⁴ − 1) / d⌋`: the estimate is at most two below the quotient,
    /// and the remainder check corrects it, so the result is exact.
    struct Divider {
        d: u64,
        m: u64,
    }

    impl Divider {
        fn new(d: u64) -> Self {
            Divider { d, m: u64::MAX / d }
        }

        #[inline]
        fn div_rem(&self, p: u64) -> (u64, u64) {
            let mut q = ((u128::from(p) * u128::from(self.m)) >> 64) as u64;
            let mut r = p - q * self.d;
            while r >= self.d {
                q += 1;
                r -= self.d;
            }
            (q, r)
        }
    }

    /// Whether the fast path applies: `units · max(weights)` within 64 bits.
    pub(in crate::allocation) fn fits(units: u64, max_weight: u64) -> bool {
        units.checked_mul(max_weight).is_some()
    }

    /// Units per weight for `units` units by a quota `method` (the caller
    /// checked [`fits`], that `sum` is the positive sum of the weights, and
    /// that the method is a quota method).
    pub(in crate::allocation) fn apportion(
        method: Method,
        units: u64,
        weights: &[u64],
        sum: u64,
    ) -> Vec<u64> {
        let divider = Divider::new(sum);
        let mut floors = Vec::with_capacity(weights.len());
        // The remainders, only to select the threshold from: the scan after
        // the selection works them out again (a multiply), so no second
        // copy of them is kept.
        let mut remainders = Vec::with_capacity(weights.len());
        let mut given = 0u64;
        for &w in weights {
            let (q, r) = divider.div_rem(units * w);
            given += q;
            floors.push(q);
            remainders.push(r);
        }
        // Less than the number of weights with a remainder, so a usize.
        let leftover = (units - given) as usize;
        if leftover == 0 {
            return floors;
        }
        let winners = match method {
            // Ties: the larger weight, then the earlier position.
            Method::LargestRemainder => largest(
                remainders,
                |i| units * weights[i] - floors[i] * sum,
                leftover,
                &mut |&a, &b| weights[b].cmp(&weights[a]).then(a.cmp(&b)),
            ),
            // Ties: the earlier position.
            Method::LargestRatio => {
                drop(remainders);
                largest(weights.to_vec(), |i| weights[i], leftover, &mut |a, b| {
                    a.cmp(b)
                })
            }
            // In order: the first positive weights.
            _ => (0..weights.len())
                .filter(|&i| weights[i] > 0)
                .take(leftover)
                .collect(),
        };
        for i in winners {
            floors[i] += 1;
        }
        floors
    }

    /// The positions of the `k` largest keys, `key(i)` for position `i`
    /// (`keys` holds them all, in any order, and is used up). `k` must be
    /// above 0 and below the number of keys above zero, so the threshold is
    /// above zero and a zero key is never among them. Keys equal at the
    /// threshold are ordered by `tie`.
    fn largest(
        mut keys: Vec<u64>,
        key: impl Fn(usize) -> u64,
        k: usize,
        tie: order::Order<'_>,
    ) -> Vec<usize> {
        let n = keys.len();
        let (_, &mut threshold, _) = keys.select_nth_unstable(n - k);
        drop(keys);
        let mut winners = Vec::with_capacity(k);
        let mut at_threshold = Vec::new();
        for i in 0..n {
            let key = key(i);
            if key > threshold {
                winners.push(i);
            } else if key == threshold {
                at_threshold.push(i);
            }
        }
        let wanted = k - winners.len();
        winners.extend(order::first(at_threshold, wanted, tie));
        winners
    }
}
