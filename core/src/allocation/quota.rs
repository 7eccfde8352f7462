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
/// faster and in less memory. The floors come from one reciprocal of the
/// sum (a multiply instead of a division per weight); the leftover units go
/// to the keys (remainders or weights) above a threshold found with a
/// histogram of the keys' leading bits, and the few keys in the threshold's
/// bucket are ordered exactly by the method's rule. Nothing of the length
/// of the weights is kept but the result: the quotas are worked out again
/// in the pass that builds it.
pub(super) mod small {
    use crate::method::Method;
    use crate::order;

    /// The histogram has at most `2^BUCKET_BITS` buckets: small enough to
    /// stay in the first-level cache, large enough that a bucket of a long
    /// split holds a few hundred keys. A short split takes about one bucket
    /// per weight, so clearing the histogram costs it nothing noticeable.
    const BUCKET_BITS: u32 = 11;

    /// `p / d` and `p % d` for many `p` and one `d`, by multiplying with
    /// `m = ⌊(2⁶⁴ − 1) / d⌋`. Since `d·m > 2⁶⁴ − 1 − d`, the estimate
    /// `⌊p·m / 2⁶⁴⌋` is more than `p/d − p/2⁶⁴ > p/d − 1` and at most `p/d`:
    /// the quotient or one below it, which the remainder check corrects
    /// (without a branch). Exact for every `p` and `d > 0`.
    pub(in crate::allocation) struct Divider {
        d: u64,
        m: u64,
    }

    impl Divider {
        pub(in crate::allocation) fn new(d: u64) -> Self {
            Divider { d, m: u64::MAX / d }
        }

        #[inline]
        pub(in crate::allocation) fn div_rem(&self, p: u64) -> (u64, u64) {
            let q = ((u128::from(p) * u128::from(self.m)) >> 64) as u64;
            let r = p - q * self.d;
            let over = u64::from(r >= self.d);
            (q + over, r - over * self.d)
        }
    }

    /// Whether the fast path applies: `units · max(weights)` within 64 bits.
    pub(in crate::allocation) fn fits(units: u64, max_weight: u64) -> bool {
        units.checked_mul(max_weight).is_some()
    }

    /// Units per weight for `units` units by a quota `method`, each part
    /// turned into a `T` by `make` (called with at most `units`). There are
    /// `n` weights and `weight(i)` is weight `i`, read on each pass (so it
    /// must be cheap: an integer of a slice or a decimal's mantissa). The
    /// caller checked that `sum` is the positive sum of the weights,
    /// `max_weight` the largest, that [`fits`] holds and that the method is
    /// a quota method.
    pub(in crate::allocation) fn apportion<T>(
        method: Method,
        units: u64,
        n: usize,
        weight: impl Fn(usize) -> u64,
        (sum, max_weight): (u64, u64),
        make: impl Fn(u64) -> T,
    ) -> Vec<T> {
        let divider = Divider::new(sum);
        let quota = |i: usize| {
            let w = weight(i);
            let (q, r) = divider.div_rem(units * w);
            (q, r, w)
        };
        match method {
            // Keys: the remainders (below `sum`); ties to the larger
            // weight, then the earlier position.
            Method::LargestRemainder => by_key(units, n, quota, sum - 1, make),
            // Keys: the weights; ties to the earlier position (the tie
            // key is the same for all).
            Method::LargestRatio => by_key(
                units,
                n,
                |i| {
                    let (q, _, w) = quota(i);
                    (q, w, 0)
                },
                max_weight,
                make,
            ),
            // In order: the first positive weights.
            _ => {
                let given: u64 = (0..n).map(|i| quota(i).0).sum();
                let mut leftover = units - given;
                (0..n)
                    .map(|i| {
                        let (q, _, w) = quota(i);
                        let extra = u64::from(leftover > 0 && w > 0);
                        leftover -= extra;
                        make(q + extra)
                    })
                    .collect()
            }
        }
    }

    /// The parts when the leftover units go to the largest keys: `part(i)`
    /// is `(floor, key, tie)` of position `i`, with `key` at most
    /// `key_max`; ties between equal keys go to the larger `tie`, then the
    /// earlier position.
    ///
    /// The leftover count `k = units − Σ floors` is below the number of
    /// positive keys (each such part's fraction is below 1 and they sum to
    /// `k`), so every winner has a positive key and a zero weight (key 0)
    /// never wins, as in the general path which leaves them out.
    fn by_key<T>(
        units: u64,
        n: usize,
        part: impl Fn(usize) -> (u64, u64, u64),
        key_max: u64,
        make: impl Fn(u64) -> T,
    ) -> Vec<T> {
        // The bucket of a key: its leading bits, so a larger bucket means a
        // strictly larger key.
        let bits = n.max(1).ilog2().min(BUCKET_BITS);
        let shift = (u64::BITS - key_max.leading_zeros()).saturating_sub(bits);
        let mut counts = vec![0usize; 1 << bits];
        let mut given = 0u64;
        for i in 0..n {
            let (q, key, _) = part(i);
            given += q;
            counts[(key >> shift) as usize] += 1;
        }
        // Below the number of weights, so a usize.
        let leftover = (units - given) as usize;
        if leftover == 0 {
            return (0..n).map(|i| make(part(i).0)).collect();
        }
        // The threshold bucket: every key above it wins (`above` of them,
        // fewer than `leftover`), and its own keys hold the rest.
        let mut above = 0;
        let mut threshold = 0;
        for (bucket, &count) in counts.iter().enumerate().rev() {
            if above + count >= leftover {
                threshold = bucket as u64;
                break;
            }
            above += count;
        }
        let mut at_threshold = Vec::new();
        let mut parts = Vec::with_capacity(n);
        for i in 0..n {
            let (q, key, _) = part(i);
            let bucket = key >> shift;
            if bucket == threshold {
                at_threshold.push(i);
            }
            parts.push(make(q + u64::from(bucket > threshold)));
        }
        // The threshold bucket's keys in the method's order: larger key,
        // then larger tie key, then earlier position.
        let keys: Vec<(u64, u64)> = at_threshold
            .iter()
            .map(|&i| {
                let (_, key, tie) = part(i);
                (key, tie)
            })
            .collect();
        let local = (0..at_threshold.len()).collect();
        let winners = order::first(local, leftover - above, &mut |&a, &b| {
            keys[b].cmp(&keys[a]).then(a.cmp(&b))
        });
        for j in winners {
            let i = at_threshold[j];
            parts[i] = make(part(i).0 + 1);
        }
        parts
    }
}
