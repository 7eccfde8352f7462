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
