//! Allocation keys: from a key and the members who share a cost to each
//! member's exact share of it.
//!
//! Shares are exact rationals summing to exactly 1; rounding happens later,
//! once, over the whole year's table (see `table`).

use super::document::Key;
use super::exact::{Q, one, q, zero};
use super::year::YearContext;
use crate::error::{Error, Result};
use num_traits::{Signed, Zero};

/// Each participant's exact share, plus what explains it.
pub(crate) struct KeyShares {
    /// Share per participant, in the order of the participants; sums to 1.
    pub shares: Vec<Q>,
    /// The weight per participant for weight-based keys (population ×
    /// pro-rata fraction, …), for explanations.
    pub weights: Vec<Option<Q>>,
    /// What caps and floors did, per participant.
    pub limits: Vec<Option<String>>,
}

/// Evaluates `key` for `participants` (member indices) in one year, for a
/// pool of lines whose net cost is `pool_net` units.
pub(crate) fn shares(
    key: &Key,
    participants: &[usize],
    ctx: &YearContext,
    pool_net: &Q,
) -> Result<KeyShares> {
    if participants.is_empty() {
        return Err(Error::InvalidKey {
            reason: "nobody takes part".to_string(),
        });
    }
    if let Some(weights) = weights(key, participants, ctx)? {
        let sum: Q = weights.iter().sum();
        if sum.is_zero() {
            return Err(Error::InvalidKey {
                reason: "every weight of the key is zero".to_string(),
            });
        }
        return Ok(KeyShares {
            shares: weights.iter().map(|w| w / &sum).collect(),
            weights: weights.into_iter().map(Some).collect(),
            limits: vec![None; participants.len()],
        });
    }
    let plain = |shares: Vec<Q>| KeyShares {
        weights: vec![None; shares.len()],
        limits: vec![None; shares.len()],
        shares,
    };
    match key {
        Key::FixedShares {
            shares: fixed,
            rest,
        } => {
            let wanted = fixed_parts(fixed, participants, ctx, |value| Ok(q(value)))?;
            with_rest(wanted, rest, participants, ctx, pool_net).map(plain)
        }
        Key::FixedAmounts { amounts, rest } => {
            let unit = q(ctx.plan.unit.value());
            let wanted = fixed_parts(amounts, participants, ctx, |value| {
                Ok(if pool_net.is_zero() {
                    zero()
                } else {
                    q(value) / &unit / pool_net
                })
            })?;
            with_rest(wanted, rest, participants, ctx, pool_net).map(plain)
        }
        Key::Blend { parts } => {
            let total: Q = parts.iter().map(|p| q(p.weight.value())).sum();
            if total != one() {
                return Err(Error::InvalidKey {
                    reason: format!(
                        "the blend's weights add up to {}, not 1",
                        super::exact::decimal(&total)?
                    ),
                });
            }
            let mut mixed = vec![zero(); participants.len()];
            for part in parts {
                let inner = shares(&part.key, participants, ctx, pool_net)?;
                for (m, s) in mixed.iter_mut().zip(inner.shares) {
                    *m += q(part.weight.value()) * s;
                }
            }
            Ok(plain(mixed))
        }
        Key::Limited {
            key,
            max_share,
            max_amount,
            min_amount,
        } => {
            let base = shares(key, participants, ctx, pool_net)?;
            let bounds = Bounds::new(
                participants,
                ctx,
                pool_net,
                max_share.map(|m| q(m.value())),
                max_amount,
                min_amount,
            );
            let (settled, limits) = settle(&base.shares, &bounds, ctx.year)?;
            Ok(KeyShares {
                shares: settled,
                weights: base.weights,
                limits,
            })
        }
        _ => unreachable!("weight-based keys are handled above"),
    }
}

/// Per participant weights for the weight-based keys; `None` for the others.
fn weights(key: &Key, participants: &[usize], ctx: &YearContext) -> Result<Option<Vec<Q>>> {
    let metric = match key {
        Key::PerCapita | Key::PerInhabitantFee { .. } => Some(ctx.plan.population.metric.as_str()),
        Key::Metric { metric } => Some(metric.as_str()),
        Key::Equal | Key::Weights { .. } => None,
        _ => return Ok(None),
    };
    participants
        .iter()
        .map(|&m| {
            let base = match (key, metric) {
                (_, Some(metric)) => q(ctx.figure(m, metric)?.value),
                (Key::Weights { weights }, _) => weights
                    .get(&ctx.plan.members[m].id)
                    .map_or_else(zero, |w| q(w.value())),
                _ => one(),
            };
            Ok(base * ctx.fraction(m))
        })
        .collect::<Result<Vec<_>>>()
        .map(Some)
}

/// The shares asked for by a fixed-shares or fixed-amounts key, per
/// participant (`None` for those who share the rest). Pro-rated by
/// membership.
fn fixed_parts(
    named: &std::collections::BTreeMap<String, super::number::Number>,
    participants: &[usize],
    ctx: &YearContext,
    to_share: impl Fn(rust_decimal::Decimal) -> Result<Q>,
) -> Result<Vec<Option<Q>>> {
    participants
        .iter()
        .map(|&m| match named.get(&ctx.plan.members[m].id) {
            Some(value) => Ok(Some(to_share(value.value())? * ctx.fraction(m))),
            None => Ok(None),
        })
        .collect()
}

/// Completes fixed parts with the rest shared by `rest` among the others.
fn with_rest(
    wanted: Vec<Option<Q>>,
    rest: &Key,
    participants: &[usize],
    ctx: &YearContext,
    pool_net: &Q,
) -> Result<Vec<Q>> {
    let fixed_total: Q = wanted.iter().flatten().sum();
    if fixed_total > one() {
        return Err(Error::InvalidKey {
            reason: format!(
                "the fixed parts add up to more than the whole ({})",
                super::exact::decimal(&fixed_total)?
            ),
        });
    }
    let others: Vec<usize> = participants
        .iter()
        .zip(&wanted)
        .filter(|(_, w)| w.is_none())
        .map(|(&m, _)| m)
        .collect();
    let left = one() - &fixed_total;
    let mut rest_shares = if others.is_empty() {
        if !left.is_zero() {
            return Err(Error::InvalidKey {
                reason: "the fixed parts leave a rest but nobody else takes part to pay it"
                    .to_string(),
            });
        }
        Vec::new()
    } else {
        shares(rest, &others, ctx, &(pool_net * &left))?
            .shares
            .into_iter()
            .map(|s| s * &left)
            .collect()
    }
    .into_iter();
    Ok(wanted
        .into_iter()
        .map(|w| w.unwrap_or_else(|| rest_shares.next().unwrap_or_else(zero)))
        .collect())
}

/// Caps and floors per participant, as shares of the pool.
struct Bounds {
    caps: Vec<Option<Q>>,
    floors: Vec<Option<Q>>,
}

impl Bounds {
    fn new(
        participants: &[usize],
        ctx: &YearContext,
        pool_net: &Q,
        max_share: Option<Q>,
        max_amount: &std::collections::BTreeMap<String, super::number::Number>,
        min_amount: &std::collections::BTreeMap<String, super::number::Number>,
    ) -> Bounds {
        let unit = q(ctx.plan.unit.value());
        let as_share = |amount: rust_decimal::Decimal| q(amount) / &unit / pool_net;
        let mut caps = Vec::new();
        let mut floors = Vec::new();
        for &m in participants {
            let id = &ctx.plan.members[m].id;
            let amount_cap = (!pool_net.is_zero())
                .then(|| max_amount.get(id).map(|a| as_share(a.value())))
                .flatten();
            caps.push(match (max_share.clone(), amount_cap) {
                (Some(a), Some(b)) => Some(if a < b { a } else { b }),
                (a, b) => a.or(b),
            });
            floors.push(
                (!pool_net.is_zero())
                    .then(|| min_amount.get(id).map(|a| as_share(a.value())))
                    .flatten(),
            );
        }
        Bounds { caps, floors }
    }
}

/// Water-filling: members over their cap are held at the cap and members
/// under their floor at the floor, and the rest is shared among the others
/// in proportion to their base shares; repeated until nothing changes.
/// Each round holds at least one more member, so it ends within n rounds.
fn settle(base: &[Q], bounds: &Bounds, year: i32) -> Result<(Vec<Q>, Vec<Option<String>>)> {
    let impossible = |reason: String| Error::ImpossibleCaps { year, reason };
    let n = base.len();
    let floor_total: Q = bounds.floors.iter().flatten().sum();
    if floor_total > one() {
        return Err(impossible(
            "the floors add up to more than the whole cost".to_string(),
        ));
    }
    if bounds.caps.iter().all(Option::is_some) && bounds.caps.iter().flatten().sum::<Q>() < one() {
        return Err(impossible(
            "the caps add up to less than the whole cost".to_string(),
        ));
    }
    let mut held: Vec<Option<(Q, &str)>> = vec![None; n];
    loop {
        let left = one() - held.iter().flatten().map(|(s, _)| s).sum::<Q>();
        let free: Vec<usize> = (0..n).filter(|&i| held[i].is_none()).collect();
        let free_base: Q = free.iter().map(|&i| &base[i]).sum();
        if free.is_empty() || free_base.is_zero() {
            if !left.is_zero() {
                return Err(impossible(
                    "after the caps, nobody is left to pay the rest".to_string(),
                ));
            }
            let shares = (0..n)
                .map(|i| held[i].as_ref().map_or_else(zero, |(s, _)| s.clone()))
                .collect();
            return Ok((shares, notes(&held)));
        }
        let tentative = |i: usize| &base[i] * &left / &free_base;
        let over: Vec<usize> = free
            .iter()
            .copied()
            .filter(|&i| bounds.caps[i].as_ref().is_some_and(|c| tentative(i) > *c))
            .collect();
        for &i in &over {
            held[i] = bounds.caps[i].clone().map(|c| (c, "capped"));
        }
        if !over.is_empty() {
            continue;
        }
        let under: Vec<usize> = free
            .iter()
            .copied()
            .filter(|&i| bounds.floors[i].as_ref().is_some_and(|f| tentative(i) < *f))
            .collect();
        for &i in &under {
            held[i] = bounds.floors[i].clone().map(|f| (f, "raised to its floor"));
        }
        if under.is_empty() {
            let shares = (0..n)
                .map(|i| {
                    held[i]
                        .as_ref()
                        .map_or_else(|| tentative(i), |(s, _)| s.clone())
                })
                .collect::<Vec<Q>>();
            if shares.iter().any(|s: &Q| s.is_negative()) {
                return Err(impossible("the floors leave a negative share".to_string()));
            }
            return Ok((shares, notes(&held)));
        }
    }
}

fn notes(held: &[Option<(Q, &str)>]) -> Vec<Option<String>> {
    held.iter()
        .map(|h| h.as_ref().map(|(_, what)| what.to_string()))
        .collect()
}
