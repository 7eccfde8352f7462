//! Computing one budget year of a plan.

use super::document::{CostLine, InKind, Key, Plan};
use super::key::{self, KeyShares};
use super::method_totals;
use super::result::{LineAmount, LineResult, MemberYear, Membership, YearResult};
use super::table::{Column, Small, Table, round_table};
use crate::dates::{Date, ProRata, membership_in_year};
use crate::error::{Error, Result};
use crate::exact::{self, q};
use crate::number::{from_scaled, to_scaled};
use crate::{Allocator, Method, round_to_unit};
use crate::{Fraction, Rounding};
use num_bigint::BigInt;
use num_traits::Zero;
use num_traits::{One, ToPrimitive};
use rust_decimal::Decimal;
use std::collections::HashMap;

/// A metric figure as used for a year.
#[derive(Clone, Copy)]
pub(crate) struct Figure {
    pub value: Decimal,
    pub date: Date,
    pub carried_from: Option<Date>,
}

/// What every key needs to know about the year.
pub(crate) struct YearContext<'a> {
    pub plan: &'a Plan,
    pub year: i32,
    /// Membership per member: (counted, of).
    pub membership: Vec<(u32, u32)>,
    /// Every member's population figure for the year, looked up once (the
    /// keys, the fees and the report each ask for it); `None` where the
    /// lookup fails, so [`figure`](Self::figure) makes the error itself.
    population: Vec<Option<Figure>>,
}

impl<'a> YearContext<'a> {
    /// The year's context, with every member's population figure.
    pub fn new(plan: &'a Plan, year: i32, membership: Vec<(u32, u32)>) -> YearContext<'a> {
        let mut ctx = YearContext {
            plan,
            year,
            membership,
            population: Vec::new(),
        };
        let metric = plan.population.metric.as_str();
        ctx.population = match ctx.reference_date() {
            Ok(date) => (0..plan.members.len())
                .map(|m| ctx.lookup(m, metric, date).ok())
                .collect(),
            Err(_) => vec![None; plan.members.len()],
        };
        ctx
    }

    /// The part of the year member `m` belongs to the collaboration.
    pub fn fraction(&self, m: usize) -> Fraction {
        let (counted, of) = self.membership[m];
        Fraction::small(counted.into(), of.into())
    }

    /// The reference date of the population rule for this year.
    pub fn reference_date(&self) -> Result<Date> {
        let rule = &self.plan.population;
        Date::new(self.year - rule.years_before as i32, rule.month, rule.day)
            .map_err(|e| e.at("population"))
    }

    /// Member `m`'s figure of `metric` for this year, by the population rule.
    pub fn figure(&self, m: usize, metric: &str) -> Result<Figure> {
        if metric == self.plan.population.metric {
            if let Some(figure) = self.population.get(m).copied().flatten() {
                return Ok(figure);
            }
        }
        self.lookup(m, metric, self.reference_date()?)
    }

    /// [`figure`](Self::figure) looked up in the plan.
    fn lookup(&self, m: usize, metric: &str, date: Date) -> Result<Figure> {
        let member = &self.plan.members[m];
        let series = member.metrics.get(metric);
        if let Some(value) = series.and_then(|s| s.get(&date)) {
            return Ok(Figure {
                value: value.value(),
                date,
                carried_from: None,
            });
        }
        let earlier = series.and_then(|s| s.range(..date).next_back());
        match earlier {
            Some((from, value)) if self.plan.population.carry_forward => Ok(Figure {
                value: value.value(),
                date,
                carried_from: Some(*from),
            }),
            _ => Err(Error::MissingFigure {
                member: member.id.clone(),
                metric: metric.to_string(),
                date: date.to_string(),
                can_carry: earlier.is_some(),
            }
            .at(format!("members[{m}].metrics.{metric}"))),
        }
    }
}

/// A cost line's figures in one year.
struct ActiveLine<'a> {
    index: usize,
    line: &'a CostLine,
    key: &'a Key,
    participants: Vec<usize>,
    gross: Decimal,
    funding: Decimal,
}

impl ActiveLine<'_> {
    /// gross − funding. Funding never exceeds the gross, so this cannot
    /// overflow; but a gross of 29 digits less funding with decimals needs
    /// more digits than a decimal has, which `-` would round silently.
    fn net(&self) -> Result<Decimal> {
        exact::sub(self.gross, self.funding, "a line's net amount")
    }
}

/// Lines with the same key and the same participants: a pool. Its first
/// line, its net in units and, once evaluated, the key's shares.
type Pool = (usize, Fraction, Option<KeyShares>);

/// Computes one budget year.
pub(crate) fn compute_year(
    plan: &Plan,
    year: i32,
    previous: Option<&YearResult>,
) -> Result<YearResult> {
    let membership = plan
        .members
        .iter()
        .map(|m| membership_in_year(year, m.joins, m.leaves, plan.pro_rata))
        .collect();
    let ctx = YearContext::new(plan, year, membership);
    let mut lines = active_lines(&ctx)?;
    apply_funding(&ctx, &mut lines)?;
    refuse_negative_net(&ctx, &lines)?;
    let unit = plan.unit.value();
    let (mut pools, pool_of) = pools_of(&lines, unit)?;
    share_pools(&ctx, &lines, &pool_of, &mut pools)?;
    // Largest remainder is the table's own rounding; a table whose figures
    // fit in machine integers (nearly all) is built in them directly.
    if plan.method == Method::LargestRemainder {
        let columns = columns_of(&lines, &pools, &pool_of, unit)?;
        if let Some(small) = Small::build(plan.members.len(), &columns) {
            let column_totals: Vec<i128> = columns.iter().map(|c| c.net).collect();
            let rounded = small.round(&column_totals)?;
            let totals = (&small.totals[..], &small.common);
            return members_of_year(&ctx, &lines, &pools, &pool_of, totals, &rounded, previous);
        }
    }
    let (table, column_totals) = exact_table(plan.members.len(), &lines, &pools, &pool_of, unit)?;
    let totals = table.row_totals();
    let mut rounded = round_table(&table, &totals, &column_totals)?;
    let first_divisor = plan.first_divisor.map(|n| n.value());
    method_totals::honour(
        plan.method,
        first_divisor,
        &table,
        &totals,
        &mut rounded,
        year,
        |m| plan.members[m].id.clone(),
    )?;
    let totals = (&totals.numer[..], &totals.den);
    members_of_year(&ctx, &lines, &pools, &pool_of, totals, &rounded, previous)
}

/// `amount` as a whole count of `unit`s (amounts are multiples of it).
fn units_of(amount: Decimal, unit: Decimal) -> Result<i128> {
    let scale = amount.scale().max(unit.scale());
    to_scaled(amount, scale)
        .zip(to_scaled(unit, scale))
        .map(|(a, u)| a / u)
        .ok_or_else(|| Error::overflow("an amount in units"))
}

/// The year's pools, and the pool of every line: caps and fixed amounts
/// apply to a member's part of the whole pool.
fn pools_of(lines: &[ActiveLine<'_>], unit: Decimal) -> Result<(Vec<Pool>, Vec<usize>)> {
    let mut pools: Vec<Pool> = Vec::new();
    let mut pool_of = Vec::with_capacity(lines.len());
    for (i, l) in lines.iter().enumerate() {
        let found = pools.iter().position(|(first, _, _)| {
            let f = &lines[*first];
            f.key == l.key && f.participants == l.participants
        });
        let p = found.unwrap_or_else(|| {
            pools.push((i, Fraction::zero(), None));
            pools.len() - 1
        });
        pools[p].1 += Fraction::from(units_of(l.net()?, unit)?);
        pool_of.push(p);
    }
    Ok((pools, pool_of))
}

/// Evaluates each pool's key. A pool whose lines all cost nothing needs no
/// key; one whose cost and refund cancel out still shares each of its lines.
fn share_pools(
    ctx: &YearContext<'_>,
    lines: &[ActiveLine<'_>],
    pool_of: &[usize],
    pools: &mut [Pool],
) -> Result<()> {
    let mut busy = vec![false; pools.len()];
    for (l, &p) in lines.iter().zip(pool_of) {
        busy[p] |= !l.net()?.is_zero();
    }
    for ((first, net, shares), busy) in pools.iter_mut().zip(busy) {
        if busy {
            *shares = Some(share_pool(ctx, &lines[*first], net)?);
        }
    }
    Ok(())
}

/// The shares of one pool by its first line's key, or why it cannot be
/// shared (a negative net under an amount key, nobody taking part).
fn share_pool(ctx: &YearContext<'_>, line: &ActiveLine<'_>, net: &Fraction) -> Result<KeyShares> {
    let (plan, year) = (ctx.plan, ctx.year);
    if net.is_negative() && measures_amounts(line.key) {
        return Err(Error::NegativeAmount {
            what: format!(
                "the net of the lines shared by the key of line {:?} in {year} \
                 (refunds larger than the costs they share the key with; \
                 fixed amounts, caps and floors are parts of a cost)",
                line.line.id
            ),
            value: exact::decimal(&(net.clone() * q(plan.unit.value())))?,
        }
        .at(format!("costs[{}]", line.index)));
    }
    if line.participants.is_empty() {
        return Err(Error::NobodyToPay {
            line: line.line.id.clone(),
            year,
            reason: "no paying member takes part this year".to_string(),
        }
        .at(format!("costs[{}]", line.index)));
    }
    let evaluated = key::shares(line.key, &line.participants, ctx, net).map_err(|e| match e {
        Error::InvalidKey { reason } => Error::NobodyToPay {
            line: line.line.id.clone(),
            year,
            reason,
        },
        other => other,
    });
    evaluated.map_err(|e| e.at(format!("costs[{}]", line.index)))
}

/// The lines as columns of the machine-integer table: their pool's shares,
/// their participants and their net in units.
fn columns_of<'a>(
    lines: &'a [ActiveLine<'_>],
    pools: &'a [Pool],
    pool_of: &[usize],
    unit: Decimal,
) -> Result<Vec<Column<'a>>> {
    lines
        .iter()
        .enumerate()
        .map(|(c, l)| {
            Ok(Column {
                shares: pools[pool_of[c]].2.as_ref().map(|s| (&s.nums[..], &s.den)),
                rows: &l.participants,
                net: units_of(l.net()?, unit)?,
            })
        })
        .collect()
}

/// The exact table, members × lines, in units: every line's cells are
/// integer numerators over its pool's common denominator; and each
/// column's total.
fn exact_table(
    members: usize,
    lines: &[ActiveLine<'_>],
    pools: &[Pool],
    pool_of: &[usize],
    unit: Decimal,
) -> Result<(Table, Vec<i128>)> {
    let mut table = Table {
        numer: vec![vec![BigInt::zero(); lines.len()]; members],
        den: Vec::new(),
    };
    let mut column_totals = Vec::with_capacity(lines.len());
    for (c, l) in lines.iter().enumerate() {
        let net = units_of(l.net()?, unit)?;
        column_totals.push(net);
        match &pools[pool_of[c]].2 {
            Some(shares) => {
                for (num, &m) in shares.nums.iter().zip(&l.participants) {
                    table.numer[m][c] = num * net;
                }
                table.den.push(shares.den.clone());
            }
            None => table.den.push(BigInt::one()),
        }
    }
    Ok((table, column_totals))
}

/// Whether `key` (or a key inside it) measures a member's part in amounts
/// (fixed amounts, amount caps or floors): those are parts of a cost, and
/// have no meaning for a pool that refunds more than it costs.
fn measures_amounts(key: &Key) -> bool {
    match key {
        Key::FixedAmounts { .. } => true,
        Key::Limited {
            key,
            max_amount,
            min_amount,
            ..
        } => !max_amount.is_empty() || !min_amount.is_empty() || measures_amounts(key),
        Key::FixedShares { rest, .. } => measures_amounts(rest),
        Key::Blend { parts } => parts.iter().any(|p| measures_amounts(&p.key)),
        _ => false,
    }
}

/// Refuses a year whose refunds and credits (and funding) are more than its
/// costs: the members share a net cost, never a payout. A member's own
/// total may still be negative, when a refund goes to a working group.
fn refuse_negative_net(ctx: &YearContext, lines: &[ActiveLine]) -> Result<()> {
    let nets = lines
        .iter()
        .map(ActiveLine::net)
        .collect::<Result<Vec<Decimal>>>()?;
    let net = exact::sum(nets.iter().copied(), "the year's net")?;
    if !net.is_sign_negative() || net.is_zero() {
        return Ok(());
    }
    let refund = lines
        .iter()
        .find(|l| l.gross.is_sign_negative() && !l.gross.is_zero())
        .map_or(0, |l| l.index);
    let gross = |negative: bool| {
        exact::sum(
            lines
                .iter()
                .map(|l| l.gross)
                .filter(|g| g.is_sign_negative() == negative),
            "the year's gross",
        )
    };
    let funding = exact::sum(lines.iter().map(|l| l.funding), "the year's funding")?;
    Err(Error::NegativeAmount {
        what: format!(
            "the members' net in {} (costs {}, refunds and credits {}, funding {funding})",
            ctx.year,
            gross(false)?,
            gross(true)?
        ),
        value: net,
    }
    .at(format!("costs[{refund}].amount")))
}

/// The cost lines active in the year, with their gross amounts.
fn active_lines<'a>(ctx: &YearContext<'a>) -> Result<Vec<ActiveLine<'a>>> {
    let plan = ctx.plan;
    let last = plan.first_year + plan.years as i32 - 1;
    let mut out = Vec::new();
    for (index, line) in plan.costs.iter().enumerate() {
        let (from, to) = match (line.year, line.from) {
            (Some(y), _) => (y, y),
            (None, Some(f)) => (f, line.to.unwrap_or(last)),
            (None, None) => continue,
        };
        if ctx.year < from || ctx.year > to {
            continue;
        }
        let key = line.key.as_ref().unwrap_or(&plan.key);
        // A set, so a working group of many members is not scanned once
        // per member.
        let named: Option<std::collections::HashSet<&str>> = line
            .participants
            .as_ref()
            .map(|p| p.iter().map(String::as_str).collect());
        let participants: Vec<usize> = (0..plan.members.len())
            .filter(|&m| {
                let member = &plan.members[m];
                member.paying
                    && ctx.membership[m].0 > 0
                    && named
                        .as_ref()
                        .is_none_or(|set| set.contains(member.id.as_str()))
            })
            .collect();
        let gross = match key {
            Key::PerInhabitantFee { fee } => fee_total(ctx, fee.value(), &participants)
                .map_err(|e| e.at(format!("costs[{index}]")))?,
            Key::Banded { bands } => banded_total(ctx, bands, &participants)
                .map_err(|e| e.at(format!("costs[{index}]")))?,
            _ => {
                let amount = line.amount.map(|a| a.value()).unwrap_or_default();
                if line.indexed {
                    indexed(plan, amount, from, ctx.year)?
                } else {
                    amount
                }
            }
        };
        out.push(ActiveLine {
            index,
            line,
            key,
            participants,
            gross,
            funding: Decimal::ZERO,
        });
    }
    Ok(out)
}

/// Σ fee × population × membership, rounded to the unit.
fn fee_total(ctx: &YearContext, fee: Decimal, participants: &[usize]) -> Result<Decimal> {
    let mut total = Fraction::zero();
    for &m in participants {
        let figure = ctx.figure(m, &ctx.plan.population.metric)?;
        total += q(fee) * q(figure.value) * ctx.fraction(m);
    }
    round_q(&total, ctx.plan)
}

/// Σ fee of the member's band × membership, rounded to the unit.
fn banded_total(
    ctx: &YearContext,
    bands: &[super::document::Band],
    participants: &[usize],
) -> Result<Decimal> {
    let mut total = Fraction::zero();
    for &m in participants {
        total += q(key::banded_fee(bands, m, ctx)?) * ctx.fraction(m);
    }
    round_q(&total, ctx.plan)
}

/// The amount of an indexed line in `year`: from the base year on, each
/// year's amount is the previous year's rounded amount × (1 + rate),
/// rounded to the unit with the plan's indexation rounding — the way a
/// municipal budget is carried forward year by year.
pub(crate) fn indexed(plan: &Plan, base: Decimal, from: i32, year: i32) -> Result<Decimal> {
    let mut amount = base;
    for t in (from + 1)..=year {
        let rate = plan
            .indexation
            .rates
            .get(&t.to_string())
            .or(plan.indexation.rate.as_ref())
            .map(|r| r.value())
            .unwrap_or_default();
        // Decimal multiplication is exact while the digits fit; the
        // scale check proves no digit was rounded away, else use rationals.
        let factor = Decimal::ONE + rate;
        amount = match amount.checked_mul(factor) {
            Some(p) if p.scale() == amount.scale() + factor.scale() => {
                round_to_unit(p, plan.unit.value(), plan.indexation.rounding)?
            }
            _ => round_q(&(q(amount) * (Fraction::one() + q(rate))), plan)?,
        };
    }
    Ok(amount)
}

/// Rounds an exact amount to the plan's unit with its indexation rounding.
fn round_q(x: &Fraction, plan: &Plan) -> Result<Decimal> {
    let unit = plan.unit.value();
    let units = x / q(unit);
    let floor = units.floor();
    let rem = &units - &floor;
    let half = Fraction::small(1, 2);
    let floor_int = exact::floor_i128(&floor)?;
    let up = !rem.is_zero()
        && plan
            .indexation
            .rounding
            .rounds_up(floor_int % 2 != 0, x.is_negative(), rem.cmp(&half));
    let n = floor_int + i128::from(up);
    let mantissa = n
        .checked_mul(unit.mantissa())
        .ok_or_else(|| Error::overflow("an indexed amount"))?;
    let mut d =
        from_scaled(mantissa, unit.scale()).ok_or_else(|| Error::overflow("an indexed amount"))?;
    d.rescale(unit.normalize().scale().max(d.scale()));
    Ok(d)
}

/// Sets funding against the lines: earmarked funding against its line,
/// the rest spread over the lines in proportion to what is left of them.
fn apply_funding(ctx: &YearContext, lines: &mut [ActiveLine]) -> Result<()> {
    let plan = ctx.plan;
    let mut general = Decimal::ZERO;
    for (i, f) in plan
        .funding
        .iter()
        .enumerate()
        .filter(|(_, f)| f.year == ctx.year)
    {
        match &f.line {
            Some(id) => {
                let line = lines.iter_mut().find(|l| &l.line.id == id).ok_or_else(|| {
                    Error::InvalidPlan {
                        reason: format!(
                            "funding {:?} is earmarked for line {id:?}, which has no cost in {}",
                            f.id, ctx.year
                        ),
                    }
                    .at(format!("funding[{i}].line"))
                })?;
                if line.gross.is_sign_negative() && !line.gross.is_zero() {
                    return Err(Error::InvalidPlan {
                        reason: format!(
                            "funding {:?} is earmarked for line {id:?}, a refund or credit ({}) in {}: only a cost can be funded",
                            f.id, line.gross, ctx.year
                        ),
                    }
                    .at(format!("funding[{i}].line")));
                }
                line.funding = exact::add(line.funding, f.amount.value(), "a line's funding")?;
                if line.funding > line.gross {
                    return Err(Error::InvalidPlan {
                        reason: format!(
                            "funding for line {id:?} in {} is more than its cost ({})",
                            ctx.year, line.gross
                        ),
                    }
                    .at(format!("funding[{i}].amount")));
                }
            }
            None => general = exact::add(general, f.amount.value(), "the year's funding")?,
        }
    }
    if general.is_zero() {
        return Ok(());
    }
    // Spread over the costs only: a refund or credit is not funded.
    let left = lines
        .iter()
        .map(|l| l.net().map(|n| n.max(Decimal::ZERO)))
        .collect::<Result<Vec<Decimal>>>()?;
    let total_left = exact::sum(left.iter().copied(), "the year's costs")?;
    if general > total_left {
        return Err(Error::InvalidPlan {
            reason: format!(
                "funding in {} ({general}) is more than the costs left to fund ({total_left})",
                ctx.year
            ),
        }
        .at("funding"));
    }
    let spread = Allocator::new()
        .unit(plan.unit.value())
        .method(Method::LargestRemainder)
        .allocate(general, &left)?;
    for (line, part) in lines.iter_mut().zip(spread) {
        line.funding = exact::add(line.funding, part, "a line's funding")?;
    }
    Ok(())
}

/// The year's result from its rounded table; `totals` are the members'
/// exact totals, numerators over one denominator (in machine or big
/// integers).
#[allow(clippy::too_many_arguments)]
fn members_of_year<N: super::table::Exact>(
    ctx: &YearContext,
    lines: &[ActiveLine],
    pools: &[Pool],
    pool_of: &[usize],
    totals: (&[N], &N),
    rounded: &[Vec<i128>],
    previous: Option<&YearResult>,
) -> Result<YearResult> {
    let table = RoundedYear::new(ctx, lines, pools, pool_of, totals, rounded);
    let members = (0..ctx.plan.members.len())
        .map(|m| table.member(m, previous))
        .collect::<Result<Vec<_>>>()?;
    let line_results = lines
        .iter()
        .map(|l| line_result(ctx.plan, l))
        .collect::<Result<Vec<_>>>()?;
    Ok(YearResult {
        year: ctx.year,
        gross: exact::sum(
            line_results.iter().map(|l| l.gross),
            "the year's gross cost",
        )?,
        funding: exact::sum(line_results.iter().map(|l| l.funding), "the year's funding")?,
        net: amount_of(table.net_units, table.unit)?,
        lines: line_results,
        members,
    })
}

/// A whole count of units as an amount, at the unit's scale.
fn amount_of(units: i128, unit: Decimal) -> Result<Decimal> {
    let mantissa = units
        .checked_mul(unit.mantissa())
        .ok_or_else(|| Error::overflow("an amount"))?;
    let mut d = from_scaled(mantissa, unit.scale()).ok_or_else(|| Error::overflow("an amount"))?;
    d.rescale(unit.normalize().scale().max(d.scale()));
    Ok(d)
}

/// A line of the year as reported: its amounts and participants by id.
fn line_result(plan: &Plan, l: &ActiveLine) -> Result<LineResult> {
    Ok(LineResult {
        id: l.line.id.clone(),
        name: l.line.name.clone(),
        gross: l.gross,
        funding: l.funding,
        net: l.net()?,
        participants: l
            .participants
            .iter()
            .map(|&m| plan.members[m].id.clone())
            .collect(),
    })
}

/// The year's rounded table with what every member's report needs, each
/// looked up once for the whole year rather than once per member.
struct RoundedYear<'a, 'p, N> {
    ctx: &'a YearContext<'p>,
    lines: &'a [ActiveLine<'p>],
    pools: &'a [Pool],
    pool_of: &'a [usize],
    numer: &'a [N],
    den: &'a N,
    rounded: &'a [Vec<i128>],
    unit: Decimal,
    net_units: i128,
    reference_date: Option<Date>,
    /// Each participant's share of each pool.
    pool_shares: Vec<Vec<Fraction>>,
    /// Each member's in-kind entries, found once rather than by scanning
    /// every entry for every member (quadratic in a plan with an entry per
    /// member).
    in_kind: Vec<Vec<(usize, &'p InKind)>>,
    /// Position of every member among each line's participants, so looking
    /// one up is O(1) rather than a scan per member and line.
    position: Vec<Vec<Option<usize>>>,
    /// The same figures in machine integers, for the members whose exact
    /// totals fit (nearly all): the same fractions, without big integers.
    small: Option<SmallTotals>,
}

impl<'a, 'p, N: super::table::Exact> RoundedYear<'a, 'p, N> {
    fn new(
        ctx: &'a YearContext<'p>,
        lines: &'a [ActiveLine<'p>],
        pools: &'a [Pool],
        pool_of: &'a [usize],
        (numer, den): (&'a [N], &'a N),
        rounded: &'a [Vec<i128>],
    ) -> Self {
        let plan = ctx.plan;
        let unit = plan.unit.value();
        let net_units: i128 = rounded.iter().flatten().sum();
        RoundedYear {
            ctx,
            lines,
            pools,
            pool_of,
            numer,
            den,
            rounded,
            unit,
            net_units,
            reference_date: ctx.reference_date().ok(),
            pool_shares: pools
                .iter()
                .map(|(_, _, s)| participant_shares(s.as_ref()))
                .collect(),
            in_kind: in_kind_by_member(plan),
            position: lines
                .iter()
                .map(|l| positions(&l.participants, plan.members.len()))
                .collect(),
            small: SmallTotals::new(den.to_i128(), unit, net_units),
        }
    }

    /// Member `m`'s year: its figures, shares, line amounts and change.
    fn member(&self, m: usize, previous: Option<&YearResult>) -> Result<MemberYear> {
        let (plan, ctx) = (self.ctx.plan, self.ctx);
        let member = &plan.members[m];
        let units: i128 = self.rounded[m].iter().sum();
        let (share, exact_money, rounding) = self.exact_figures(m, units);
        let figure = ctx.figure(m, &plan.population.metric).ok();
        let (counted, of) = ctx.membership[m];
        let contribution = amount_of(units, self.unit)?;
        let in_kind = in_kind_value(plan, &self.in_kind[m], ctx.year)?;
        let prev = previous
            .and_then(|p| p.members.get(m))
            .map(|p| p.contribution);
        Ok(MemberYear {
            id: member.id.clone(),
            name: member.name.clone(),
            paying: member.paying,
            population: figure.as_ref().map(|f| f.value),
            population_date: figure.as_ref().map(|f| f.date).or(self.reference_date),
            population_carried_from: figure.as_ref().and_then(|f| f.carried_from),
            membership: (counted < of).then(|| Membership {
                counted,
                of,
                unit: match plan.pro_rata {
                    ProRata::Days => "days",
                    ProRata::Months => "months",
                }
                .to_string(),
            }),
            share_percent: share
                .round(2, 4, Rounding::HalfEven)
                .ok_or_else(|| Error::overflow("a share"))?,
            share,
            exact_decimal: exact_money
                .to_decimal()
                .ok_or_else(|| Error::overflow("an amount"))?,
            exact: exact_money,
            contribution,
            rounding: rounding.ok_or_else(|| Error::overflow("an amount"))?,
            lines: self.line_amounts(m)?,
            in_kind,
            cash_due: plan
                .credit_in_kind
                .then(|| exact::sub(contribution, in_kind, "a member's cash due"))
                .transpose()?,
            change: prev
                .map(|p| exact::sub(contribution, p, "a member's change"))
                .transpose()?,
            change_percent: match prev {
                Some(p) if !p.is_zero() => Some(
                    change_fraction(contribution, p)
                        .round(2, 2, Rounding::HalfEven)
                        .ok_or_else(|| Error::overflow("a change"))?,
                ),
                _ => None,
            },
            limits: self.limits(m),
        })
    }

    /// Member `m`'s share of the net, exact contribution and rounding: in
    /// machine integers when they fit, else in big ones. Its exact total
    /// is numer[m] / den units.
    fn exact_figures(&self, m: usize, units: i128) -> (Fraction, Fraction, Option<Decimal>) {
        let fast = self
            .small
            .as_ref()
            .zip(self.numer[m].to_i128())
            .and_then(|(s, num)| s.member(num, units));
        if let Some(figures) = fast {
            return figures;
        }
        let unit_num = BigInt::from(self.unit.mantissa());
        let unit_den = BigInt::from(10u8).pow(self.unit.scale());
        let (num, den) = (&self.numer[m].to_big(), &self.den.to_big());
        let share = if self.net_units == 0 {
            Fraction::ratio(BigInt::zero(), BigInt::one())
        } else {
            Fraction::ratio(num.clone(), den * self.net_units)
        };
        let exact_money = Fraction::ratio(num * &unit_num, den * &unit_den);
        let diff = (BigInt::from(units) * den - num) * &unit_num;
        let rounding = Fraction::ratio(diff, den * &unit_den).to_decimal();
        (share, exact_money, rounding)
    }

    /// The notes of the caps and floors that bound member `m`'s part, each
    /// named by the line whose key has it (the pool's first line).
    fn limits(&self, m: usize) -> Vec<String> {
        let mut limits = Vec::new();
        for (c, line) in self.lines.iter().enumerate() {
            let (first, _, shares) = &self.pools[self.pool_of[c]];
            let (Some(shares), true, Some(pos)) = (shares, *first == c, self.position[c][m]) else {
                continue;
            };
            if let Some(note) = &shares.limits[pos] {
                limits.push(format!("{note} in the key of line {:?}", line.line.id));
            }
        }
        limits
    }

    /// Member `m`'s amount and share of every line it takes part in.
    fn line_amounts(&self, m: usize) -> Result<Vec<LineAmount>> {
        (0..self.lines.len())
            .filter_map(|c| self.position[c][m].map(|i| (c, i)))
            .map(|(c, i)| {
                let share = self.pool_shares[self.pool_of[c]]
                    .get(i)
                    .cloned()
                    .unwrap_or_else(|| Fraction::small(0, 1));
                Ok(LineAmount {
                    line: self.lines[c].line.id.clone(),
                    amount: amount_of(self.rounded[m][c], self.unit)?,
                    share,
                })
            })
            .collect()
    }
}

/// Each participant's share of a pool (none for a pool without a key).
fn participant_shares(shares: Option<&KeyShares>) -> Vec<Fraction> {
    shares.map_or_else(Vec::new, |s| {
        let den = s.den.to_u128().filter(|&d| d > 0);
        s.nums
            .iter()
            .map(|n| match (n.to_i128(), den) {
                (Some(n), Some(d)) => Fraction::small(n, d),
                _ => Fraction::ratio(n.clone(), s.den.clone()),
            })
            .collect()
    })
}

/// Every member's in-kind entries (with their index in the plan).
fn in_kind_by_member(plan: &Plan) -> Vec<Vec<(usize, &InKind)>> {
    let mut in_kind: Vec<Vec<(usize, &InKind)>> = vec![Vec::new(); plan.members.len()];
    let index: HashMap<&str, usize> = plan
        .members
        .iter()
        .enumerate()
        .map(|(m, member)| (member.id.as_str(), m))
        .collect();
    for (i, entry) in plan.in_kind.iter().enumerate() {
        if let Some(&m) = index.get(entry.member.as_str()) {
            in_kind[m].push((i, entry));
        }
    }
    in_kind
}

/// Where each member stands among `participants`, if it takes part.
fn positions(participants: &[usize], members: usize) -> Vec<Option<usize>> {
    let mut at = vec![None; members];
    for (i, &p) in participants.iter().enumerate() {
        at[p] = Some(i);
    }
    at
}

/// (c − p) / p, exactly, from the decimals' integers at one scale.
fn change_fraction(c: Decimal, p: Decimal) -> Fraction {
    let scale = c.scale().max(p.scale());
    let small = |d: Decimal| {
        10i128
            .checked_pow(scale - d.scale())
            .and_then(|f| d.mantissa().checked_mul(f))
    };
    if let (Some(c), Some(p)) = (small(c), small(p)) {
        // A positive denominator, as a fraction keeps it.
        let (n, d) = if p < 0 {
            (p.checked_sub(c), p.checked_neg())
        } else {
            (c.checked_sub(p), Some(p))
        };
        if let (Some(n), Some(d)) = (n, d) {
            return Fraction::small(n, d as u128);
        }
    }
    let at = |d: Decimal| BigInt::from(d.mantissa()) * BigInt::from(10u8).pow(scale - d.scale());
    Fraction::ratio(at(c) - at(p), at(p))
}

/// A year's row totals and unit in machine integers, when they fit: the
/// common denominator, the unit's mantissa and the denominator of an exact
/// amount (the common denominator times the unit's power of ten), and the
/// year's net in units when it is positive (a share's denominator is the
/// common denominator times it, which may need big integers when the rest
/// does not).
struct SmallTotals {
    den: i128,
    unit_num: i128,
    unit_is_one: bool,
    money_den: u128,
    net: Option<u128>,
}

impl SmallTotals {
    fn new(den: Option<i128>, unit: Decimal, net_units: i128) -> Option<SmallTotals> {
        let den = den.filter(|&d| d > 0)?;
        let money_den = 10i128
            .checked_pow(unit.scale())
            .and_then(|p| den.checked_mul(p))?;
        let net = if net_units > 0 {
            Some(net_units as u128)
        } else if net_units == 0 {
            None
        } else {
            return None;
        };
        Some(SmallTotals {
            den,
            unit_num: unit.mantissa(),
            unit_is_one: unit.mantissa() == 1 && unit.scale() == 0,
            money_den: money_den as u128,
            net,
        })
    }

    /// The member's share, exact contribution and rounding (see
    /// [`MemberYear`]) from its exact total `num / den` units and its
    /// rounded `units`, or `None` if a figure does not fit.
    fn member(&self, num: i128, units: i128) -> Option<(Fraction, Fraction, Option<Decimal>)> {
        use crate::fraction::gcd;
        // The exact total in lowest terms, a / b: one gcd of large numbers,
        // which the share and (for a unit of 1) the amount then reuse.
        let g = gcd(num.unsigned_abs(), self.den as u128).max(1);
        let (a, b) = (num / g as i128, self.den as u128 / g);
        let share = match self.net {
            // gcd(a, b·net) = gcd(a, net), a and b being coprime.
            Some(net) => {
                let h = gcd(a.unsigned_abs() % net, net);
                let (n, d) = (a / h as i128, net / h);
                match b.checked_mul(d) {
                    Some(d) => Fraction::lowest(n, d),
                    // In lowest terms, but its denominator needs big integers.
                    None => Fraction::ratio(BigInt::from(n), BigInt::from(b) * BigInt::from(d)),
                }
            }
            None => Fraction::small(0, 1),
        };
        let exact = if self.unit_is_one {
            Fraction::lowest(a, b)
        } else {
            Fraction::small(num.checked_mul(self.unit_num)?, self.money_den)
        };
        let diff = units
            .checked_mul(self.den)?
            .checked_sub(num)?
            .checked_mul(self.unit_num)?;
        Some((
            share,
            exact,
            crate::fraction::decimal_of(diff, self.money_den),
        ))
    }
}

/// The in-kind value a member contributes in `year`, from its `entries`
/// (each with its index in the plan, where a sum too large is placed).
/// validate.rs has made sure that each entry has one value and one period.
fn in_kind_value(plan: &Plan, entries: &[(usize, &InKind)], year: i32) -> Result<Decimal> {
    if entries.is_empty() {
        return Ok(Decimal::ZERO);
    }
    let last = plan.first_year + plan.years as i32 - 1;
    let mut total = Fraction::zero();
    let mut counted = None;
    for &(i, entry) in entries {
        let (from, to) = match (entry.year, entry.from) {
            (Some(y), _) => (y, y),
            (None, Some(f)) => (f, entry.to.unwrap_or(last)),
            (None, None) => (plan.first_year, last),
        };
        if year < from || year > to {
            continue;
        }
        counted = Some(i);
        total += match (entry.amount, entry.hours, entry.rate) {
            (Some(a), _, _) => q(a.value()),
            (None, Some(h), Some(r)) => q(h.value()) * q(r.value()),
            _ => Fraction::zero(),
        };
    }
    exact::decimal(&total).map_err(|e| match counted {
        Some(i) => e.at(format!("in_kind[{i}]")),
        None => e,
    })
}
