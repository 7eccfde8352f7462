//! Allocation keys: from a key and the members who share a cost to each
//! member's exact share of it.
//!
//! Shares are exact rationals summing to exactly 1; rounding happens later,
//! once, over the whole year's table (see `table`).

use super::bounds::{Bounds, settle};
use super::document::Key;
use super::year::YearContext;
use crate::error::{Error, Result};
use crate::exact::q;
use crate::fraction::Fraction;
use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::One;
use num_traits::Zero;
use rust_decimal::Decimal;

/// Each participant's exact share, as integer numerators over one common
/// denominator (so a year's table is computed without reducing fractions),
/// plus what explains it.
pub(crate) struct KeyShares {
    /// Numerator per participant, in the order of the participants.
    pub nums: Nums,
    /// The common denominator: the numerators sum to it.
    pub den: BigInt,
    /// What caps and floors did, per participant.
    pub limits: Vec<Option<String>>,
}

/// A key's numerators: in machine integers when every one fits (a
/// population key's nearly always do), so a year of 100 000 members does
/// not allocate a big integer per member and key.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Nums {
    Small(Vec<i128>),
    Big(Vec<BigInt>),
}

impl Nums {
    /// The numerators in machine integers, when they are.
    pub fn small(&self) -> Option<&[i128]> {
        match self {
            Nums::Small(n) => Some(n),
            Nums::Big(_) => None,
        }
    }

    /// Numerator `i`.
    pub fn big(&self, i: usize) -> BigInt {
        match self {
            Nums::Small(n) => BigInt::from(n[i]),
            Nums::Big(n) => n[i].clone(),
        }
    }

    /// Numerator `i`, in machine integers if it fits.
    pub fn to_i128(&self, i: usize) -> Option<i128> {
        match self {
            Nums::Small(n) => Some(n[i]),
            Nums::Big(n) => num_traits::ToPrimitive::to_i128(&n[i]),
        }
    }

    pub fn len(&self) -> usize {
        match self {
            Nums::Small(n) => n.len(),
            Nums::Big(n) => n.len(),
        }
    }

    /// The numerators as big integers.
    fn into_big(self) -> Vec<BigInt> {
        match self {
            Nums::Small(n) => n.into_iter().map(BigInt::from).collect(),
            Nums::Big(n) => n,
        }
    }

    /// Frees the spare capacity, for numerators kept in a result.
    pub fn shrink_to_fit(&mut self) {
        match self {
            Nums::Small(n) => n.shrink_to_fit(),
            Nums::Big(n) => n.shrink_to_fit(),
        }
    }

    /// Big-integer numerators, in machine integers when every one fits.
    fn from_big(nums: Vec<BigInt>) -> Nums {
        let small: Option<Vec<i128>> = nums.iter().map(num_traits::ToPrimitive::to_i128).collect();
        small.map_or(Nums::Big(nums), Nums::Small)
    }

    /// The numerators and their sum, in machine integers when the sum fits.
    fn with_sum(nums: Vec<i128>) -> (Nums, BigInt) {
        match nums.iter().try_fold(0i128, |acc, n| acc.checked_add(*n)) {
            Some(sum) => (Nums::Small(nums), BigInt::from(sum)),
            None => {
                let big: Vec<BigInt> = nums.into_iter().map(BigInt::from).collect();
                let sum = big.iter().sum();
                (Nums::Big(big), sum)
            }
        }
    }
}

impl KeyShares {
    /// Participant `i`'s share as a reduced fraction.
    pub fn share(&self, i: usize) -> Fraction {
        Fraction::ratio(self.nums.big(i), self.den.clone())
    }

    /// The shares as fractions, for composing keys.
    fn fractions(&self) -> Vec<Fraction> {
        (0..self.nums.len()).map(|i| self.share(i)).collect()
    }

    /// Shares given as fractions, over their least common denominator.
    fn from_fractions(shares: &[Fraction], limits: Vec<Option<String>>) -> KeyShares {
        let den = shares
            .iter()
            .fold(BigInt::one(), |acc, s| acc.lcm(&s.denominator()));
        let nums = shares
            .iter()
            .map(|s| s.numerator() * (&den / s.denominator()))
            .collect();
        KeyShares {
            nums: Nums::from_big(nums),
            den,
            limits,
        }
    }
}

/// Evaluates `key` for `participants` (member indices) in one year, for a
/// pool of lines whose net cost is `pool_net` units.
pub(crate) fn shares(
    key: &Key,
    participants: &[usize],
    ctx: &YearContext,
    pool_net: &Fraction,
) -> Result<KeyShares> {
    if participants.is_empty() {
        return Err(Error::InvalidKey {
            reason: "nobody takes part".to_string(),
        });
    }
    if let Some(nums) = weights(key, participants, ctx)? {
        let (nums, den) = nums;
        if den.is_zero() {
            return Err(Error::InvalidKey {
                reason: "every weight of the key is zero".to_string(),
            });
        }
        return Ok(KeyShares {
            nums,
            den,
            limits: vec![None; participants.len()],
        });
    }
    let plain = |shares: Vec<Fraction>| {
        let n = shares.len();
        KeyShares::from_fractions(&shares, vec![None; n])
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
                    Fraction::zero()
                } else {
                    q(value) / &unit / pool_net
                })
            })?;
            with_rest(wanted, rest, participants, ctx, pool_net).map(plain)
        }
        Key::Blend { parts } => {
            let total: Fraction = parts.iter().map(|p| q(p.weight.value())).sum();
            if total != Fraction::one() {
                return Err(Error::InvalidKey {
                    reason: format!(
                        "the blend's weights add up to {}, not 1",
                        crate::exact::decimal(&total)?
                    ),
                });
            }
            // Σ (aₚ/10^sₚ)·(numsₚ/denₚ) over one common denominator, in
            // integers: no fraction is reduced.
            let evaluated = parts
                .iter()
                .map(|part| {
                    let w = part.weight.value().normalize();
                    let inner = shares(&part.key, participants, ctx, pool_net)?;
                    let den = &inner.den * BigInt::from(10u8).pow(w.scale());
                    Ok((BigInt::from(w.mantissa()), inner.nums, den))
                })
                .collect::<Result<Vec<_>>>()?;
            let den = evaluated
                .iter()
                .fold(BigInt::one(), |acc, (_, _, d)| acc.lcm(d));
            let factors: Vec<BigInt> = evaluated.iter().map(|(a, _, d)| a * (&den / d)).collect();
            let nums = match blend_small(&evaluated, &factors, participants.len()) {
                Some(small) => Nums::Small(small),
                None => {
                    let mut nums = vec![BigInt::zero(); participants.len()];
                    for ((_, inner, _), factor) in evaluated.into_iter().zip(&factors) {
                        for (n, x) in nums.iter_mut().zip(inner.into_big()) {
                            *n += x * factor;
                        }
                    }
                    Nums::Big(nums)
                }
            };
            Ok(KeyShares {
                nums,
                den,
                limits: vec![None; participants.len()],
            })
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
            let (settled, limits) = settle(&base.fractions(), &bounds, ctx.year)?;
            Ok(KeyShares::from_fractions(&settled, limits))
        }
        _ => unreachable!("weight-based keys are handled above"),
    }
}

/// A blend's numerators Σ factorₚ · numsₚ in machine integers, when every
/// part's are and nothing overflows.
fn blend_small(
    evaluated: &[(BigInt, Nums, BigInt)],
    factors: &[BigInt],
    participants: usize,
) -> Option<Vec<i128>> {
    let mut nums = vec![0i128; participants];
    for ((_, inner, _), factor) in evaluated.iter().zip(factors) {
        let factor = num_traits::ToPrimitive::to_i128(factor)?;
        for (n, x) in nums.iter_mut().zip(inner.small()?) {
            *n = n.checked_add(x.checked_mul(factor)?)?;
        }
    }
    Some(nums)
}

/// Per participant weights for the weight-based keys, as integers (the
/// figures at their common scale times the days or months of membership;
/// every member's year has the same length, so the ratios are exact), and
/// their sum; `None` for the other keys.
fn weights(key: &Key, participants: &[usize], ctx: &YearContext) -> Result<Option<(Nums, BigInt)>> {
    let metric = match key {
        Key::PerCapita {} | Key::PerInhabitantFee { .. } => {
            Some(ctx.plan.population.metric.as_str())
        }
        Key::Metric { metric } => Some(metric.as_str()),
        Key::Equal {} | Key::Weights { .. } | Key::Banded { .. } => None,
        _ => return Ok(None),
    };
    let figures = participants
        .iter()
        .map(|&m| match (key, metric) {
            (_, Some(metric)) => Ok(ctx.figure(m, metric)?.value),
            (Key::Banded { bands }, _) => banded_fee(bands, m, ctx),
            (Key::Weights { weights }, _) => Ok(weights
                .get(&ctx.plan.members[m].id)
                .map_or(Decimal::ZERO, |w| w.value())),
            _ => Ok(Decimal::ONE),
        })
        .collect::<Result<Vec<Decimal>>>()?;
    let scale = figures
        .iter()
        .map(|d| d.normalize().scale())
        .max()
        .unwrap_or(0);
    let weight = |(d, &m): (&Decimal, &usize)| {
        let d = d.normalize();
        let counted = ctx.membership[m].0;
        // In machine integers when the product fits (nearly always).
        10i128
            .checked_pow(scale - d.scale())
            .and_then(|p| d.mantissa().checked_mul(p))
            .and_then(|n| n.checked_mul(i128::from(counted)))
    };
    let small: Option<Vec<i128>> = figures.iter().zip(participants).map(weight).collect();
    if let Some(small) = small {
        return Ok(Some(Nums::with_sum(small)));
    }
    let nums: Vec<BigInt> = figures
        .iter()
        .zip(participants)
        .map(|(d, &m)| {
            let d = d.normalize();
            let counted = ctx.membership[m].0;
            BigInt::from(d.mantissa()) * BigInt::from(10u8).pow(scale - d.scale()) * counted
        })
        .collect();
    let den = nums.iter().sum();
    Ok(Some((Nums::Big(nums), den)))
}

/// Member `m`'s fee a year by `bands`: the fee of the band its population
/// at the year's reference date falls in (the same figure, carried forward
/// or not, as every population key uses).
pub(crate) fn banded_fee(
    bands: &[super::document::Band],
    m: usize,
    ctx: &YearContext,
) -> Result<Decimal> {
    let population = ctx.figure(m, &ctx.plan.population.metric)?.value;
    let band = super::document::Band::of(bands, population).ok_or_else(|| Error::InvalidKey {
        reason: "the bands have no open last band".to_string(),
    })?;
    Ok(bands[band].fee.value())
}

/// The shares asked for by a fixed-shares or fixed-amounts key, per
/// participant (`None` for those who share the rest). Pro-rated by
/// membership.
fn fixed_parts(
    named: &std::collections::BTreeMap<String, super::number::Number>,
    participants: &[usize],
    ctx: &YearContext,
    to_share: impl Fn(rust_decimal::Decimal) -> Result<Fraction>,
) -> Result<Vec<Option<Fraction>>> {
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
    wanted: Vec<Option<Fraction>>,
    rest: &Key,
    participants: &[usize],
    ctx: &YearContext,
    pool_net: &Fraction,
) -> Result<Vec<Fraction>> {
    let fixed_total: Fraction = wanted.iter().flatten().sum();
    if fixed_total > Fraction::one() {
        return Err(Error::InvalidKey {
            reason: format!(
                "the fixed parts add up to more than the whole ({})",
                crate::exact::decimal(&fixed_total)?
            ),
        });
    }
    let others: Vec<usize> = participants
        .iter()
        .zip(&wanted)
        .filter(|(_, w)| w.is_none())
        .map(|(&m, _)| m)
        .collect();
    let left = Fraction::one() - &fixed_total;
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
            .fractions()
            .into_iter()
            .map(|s| s * &left)
            .collect()
    }
    .into_iter();
    Ok(wanted
        .into_iter()
        .map(|w| w.unwrap_or_else(|| rest_shares.next().unwrap_or_else(Fraction::zero)))
        .collect())
}

impl Bounds {
    fn new(
        participants: &[usize],
        ctx: &YearContext,
        pool_net: &Fraction,
        max_share: Option<Fraction>,
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
        let ids = participants
            .iter()
            .map(|&m| ctx.plan.members[m].id.clone())
            .collect();
        Bounds { caps, floors, ids }
    }
}
