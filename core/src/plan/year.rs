//! Computing one budget year of a plan.

use super::document::{CostLine, InKind, Key, Plan};
use super::key::{self, KeyShares};
use super::method_totals;
use super::result::{LineResult, Members, Participants, YearResult};
use super::rows::{PoolShares, Roster, RowLine, Rows, Totals, amount_of};
use super::table::{Cells, Column, Small, Table, round_table};
use crate::Fraction;
use crate::dates::{Date, ProRata, membership_in_year};
use crate::error::{Error, Result};
use crate::exact::{self, q};
use crate::number::{from_scaled, to_scaled};
use crate::{Allocator, Method, round_to_unit};
use num_bigint::BigInt;
use num_traits::One;
use num_traits::Zero;
use rust_decimal::Decimal;
use std::collections::{HashMap, HashSet};
use std::sync::Arc;

/// A metric figure as used for a year.
#[derive(Clone, Copy)]
pub(crate) struct Figure {
    pub value: Decimal,
    pub carried_from: Option<Date>,
}

impl Figure {
    /// The population rule, from the figure at the reference date (`at`)
    /// and the latest one before it: the first, else the earlier one when
    /// the plan carries figures forward, else none.
    fn by_rule(
        at: Option<Decimal>,
        earlier: Option<(Date, Decimal)>,
        carry: bool,
    ) -> Option<Figure> {
        match (at, earlier) {
            (Some(value), _) => Some(Figure {
                value,
                carried_from: None,
            }),
            (None, Some((from, value))) if carry => Some(Figure {
                value,
                carried_from: Some(from),
            }),
            _ => None,
        }
    }
}

/// What every year of a plan looks up the same way, found once for the
/// plan rather than once per year: every member's population figure for
/// each budget year (found in one pass over the member's series, where a
/// lookup per member and year was a map search and cache misses), and
/// which members each cost line names as its participants.
pub(crate) struct PlanIndex<'a> {
    pub plan: &'a Plan,
    /// The first budget year of `population`.
    first: i32,
    /// Per budget year from `first`, each member's population figure;
    /// `None` where there is none, so [`YearContext::figure`] makes the
    /// error itself.
    population: Vec<Vec<Option<Figure>>>,
    /// Per cost line with named participants, whether each member is one.
    named: Vec<Option<Vec<bool>>>,
}

impl<'a> PlanIndex<'a> {
    /// The index of `plan` for the budget years `years`.
    pub fn new(plan: &'a Plan, years: std::ops::RangeInclusive<i32>) -> PlanIndex<'a> {
        let named = plan.costs.iter().map(|line| {
            let names: HashSet<&str> = line
                .participants
                .as_ref()?
                .iter()
                .map(String::as_str)
                .collect();
            Some(
                plan.members
                    .iter()
                    .map(|m| names.contains(m.id.as_str()))
                    .collect(),
            )
        });
        PlanIndex {
            plan,
            first: *years.start(),
            population: population_table(plan, years),
            named: named.collect(),
        }
    }

    /// The population figures of `year`, taken out of the index (each
    /// year's are read once, and the memory is free for the next year's
    /// result); found now for a year the index does not hold.
    fn take_population(&mut self, year: i32) -> Vec<Option<Figure>> {
        let at = usize::try_from(year - self.first).ok();
        match at.and_then(|y| self.population.get_mut(y)) {
            Some(figures) if !figures.is_empty() => std::mem::take(figures),
            _ => population_table(self.plan, year..=year).remove(0),
        }
    }
}

/// Every member's population figure for each of `years`, by the plan's
/// population rule: the figure at the year's reference date, else (when
/// the plan carries figures forward) the latest earlier one. The reference
/// dates increase with the years, so each member's series is walked once.
fn population_table(plan: &Plan, years: std::ops::RangeInclusive<i32>) -> Vec<Vec<Option<Figure>>> {
    let rule = &plan.population;
    let dates: Vec<Option<Date>> = years
        .map(|y| Date::new(y - rule.years_before as i32, rule.month, rule.day).ok())
        .collect();
    let mut table: Vec<Vec<Option<Figure>>> = dates
        .iter()
        .map(|_| Vec::with_capacity(plan.members.len()))
        .collect();
    for member in &plan.members {
        let mut series = member
            .metrics
            .get(&rule.metric)
            .into_iter()
            .flatten()
            .peekable();
        let mut earlier: Option<(Date, Decimal)> = None;
        for (column, date) in table.iter_mut().zip(&dates) {
            let Some(date) = *date else {
                column.push(None);
                continue;
            };
            while let Some((&d, &v)) = series.next_if(|(d, _)| **d < date) {
                earlier = Some((d, v.value()));
            }
            let at = series.next_if(|(d, _)| **d == date).map(|(_, v)| v.value());
            column.push(Figure::by_rule(at, earlier, rule.carry_forward));
            if let Some(value) = at {
                earlier = Some((date, value));
            }
        }
    }
    table
}

/// What every key needs to know about the year.
pub(crate) struct YearContext<'a> {
    pub plan: &'a Plan,
    index: &'a PlanIndex<'a>,
    pub year: i32,
    /// Membership per member: (counted, of).
    pub membership: Vec<(u32, u32)>,
    /// Every member's population figure for the year (the keys, the fees
    /// and the report each ask for it); `None` where there is none, so
    /// [`figure`](Self::figure) makes the error itself.
    pub population: Vec<Option<Figure>>,
}

impl<'a> YearContext<'a> {
    /// The year's context, with every member's population figure.
    pub fn new(
        index: &'a PlanIndex<'a>,
        year: i32,
        membership: Vec<(u32, u32)>,
        population: Vec<Option<Figure>>,
    ) -> YearContext<'a> {
        YearContext {
            plan: index.plan,
            index,
            year,
            membership,
            population,
        }
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
        let at = series.and_then(|s| s.get(&date)).map(|v| v.value());
        let earlier = series
            .and_then(|s| s.range(..date).next_back())
            .map(|(d, v)| (*d, v.value()));
        Figure::by_rule(at, earlier, self.plan.population.carry_forward).ok_or_else(|| {
            Error::MissingFigure {
                member: member.id.clone(),
                metric: metric.to_string(),
                date: date.to_string(),
                can_carry: earlier.is_some(),
            }
            .at(format!("members[{m}].metrics.{metric}"))
        })
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
    compute_year_in(&mut PlanIndex::new(plan, year..=year), year, previous)
}

/// Computes one budget year of the plan `index` is of.
pub(crate) fn compute_year_in(
    index: &mut PlanIndex,
    year: i32,
    previous: Option<&YearResult>,
) -> Result<YearResult> {
    let plan = index.plan;
    let membership = plan
        .members
        .iter()
        .map(|m| membership_in_year(year, m.joins, m.leaves, plan.pro_rata))
        .collect();
    let population = index.take_population(year);
    let ctx = YearContext::new(index, year, membership, population);
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
            return members_of_year(&ctx, &lines, pools, &pool_of, totals, rounded, previous);
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
    members_of_year(&ctx, &lines, pools, &pool_of, totals, rounded, previous)
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
                shares: pools[pool_of[c]].2.as_ref().map(|s| (&s.nums, &s.den)),
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
        numer: Cells::filled(members, lines.len(), BigInt::zero()),
        den: Vec::new(),
    };
    let mut column_totals = Vec::with_capacity(lines.len());
    for (c, l) in lines.iter().enumerate() {
        let net = units_of(l.net()?, unit)?;
        column_totals.push(net);
        match &pools[pool_of[c]].2 {
            Some(shares) => {
                for (i, &m) in l.participants.iter().enumerate() {
                    table.numer[m][c] = shares.nums.big(i) * net;
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
        // Whom the line names, found once for the plan.
        let named = ctx.index.named[index].as_ref();
        let participants: Vec<usize> = (0..plan.members.len())
            .filter(|&m| {
                plan.members[m].paying
                    && ctx.membership[m].0 > 0
                    && named.is_none_or(|named| named[m])
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
/// integers). The members' rows are kept as columns and built when read
/// (see [`rows`](super::rows)).
#[allow(clippy::too_many_arguments)]
fn members_of_year<N: super::table::Exact>(
    ctx: &YearContext,
    lines: &[ActiveLine],
    pools: Vec<Pool>,
    pool_of: &[usize],
    totals: (&[N], &N),
    rounded: Cells<i128>,
    previous: Option<&YearResult>,
) -> Result<YearResult> {
    let plan = ctx.plan;
    let roster = previous.map_or_else(|| Roster::of(plan), |p| p.members.roster());
    let participants: Vec<Arc<[u32]>> = lines
        .iter()
        .map(|l| l.participants.iter().map(|&m| m as u32).collect())
        .collect();
    let units: Vec<i128> = rounded.iter().map(|r| r.iter().sum()).collect();
    let rows = Rows {
        roster: Arc::clone(&roster),
        unit: plan.unit.value(),
        membership_unit: match plan.pro_rata {
            ProRata::Days => "days",
            ProRata::Months => "months",
        },
        credit_in_kind: plan.credit_in_kind,
        reference_date: ctx.reference_date().ok(),
        population: ctx.population.iter().map(|f| f.map(|f| f.value)).collect(),
        carried: ctx
            .population
            .iter()
            .enumerate()
            .filter_map(|(m, f)| Some((m as u32, (*f)?.carried_from?)))
            .collect(),
        membership: ctx.membership.clone(),
        lines: lines
            .iter()
            .enumerate()
            .map(|(c, l)| RowLine {
                id: l.line.id.clone(),
                pool: pool_of[c],
                first_of_pool: pools[pool_of[c]].0 == c,
                participants: Arc::clone(&participants[c]),
            })
            .collect(),
        pools: pools
            .into_iter()
            .map(|(_, _, s)| PoolShares::new(s))
            .collect(),
        net_units: units.iter().sum(),
        units: units.into(),
        previous: previous.map(|p| p.members.units()),
        totals: totals_of(totals),
        in_kind: in_kind_of(plan, ctx.year)?,
        cells: rounded.into_vec(),
    };
    let unit = rows.unit;
    let net = amount_of(rows.net_units, unit)?;
    let line_results = lines
        .iter()
        .zip(participants)
        .map(|(l, p)| line_result(l, Participants::new(Arc::clone(&roster), p)))
        .collect::<Result<Vec<_>>>()?;
    Ok(YearResult {
        year: ctx.year,
        gross: exact::sum(
            line_results.iter().map(|l| l.gross),
            "the year's gross cost",
        )?,
        funding: exact::sum(line_results.iter().map(|l| l.funding), "the year's funding")?,
        net,
        lines: line_results,
        members: Members::new(rows)?,
    })
}

/// The members' exact totals, in machine integers when they all fit.
fn totals_of<N: super::table::Exact>((numer, den): (&[N], &N)) -> Totals {
    let small = den.to_i128().and_then(|den| {
        let numer = numer.iter().map(N::to_i128).collect::<Option<Vec<_>>>()?;
        Some(Totals::Small { numer, den })
    });
    small.unwrap_or_else(|| Totals::Big {
        numer: numer.iter().map(N::to_big).collect(),
        den: den.to_big(),
    })
}

/// A line of the year as reported: its amounts and participants.
fn line_result(l: &ActiveLine, participants: Participants) -> Result<LineResult> {
    Ok(LineResult {
        id: l.line.id.clone(),
        name: l.line.name.clone(),
        gross: l.gross,
        funding: l.funding,
        net: l.net()?,
        participants,
    })
}

/// The in-kind value in `year` of every member with in-kind entries, in
/// plan order.
fn in_kind_of(plan: &Plan, year: i32) -> Result<Vec<(u32, Decimal)>> {
    if plan.in_kind.is_empty() {
        return Ok(Vec::new());
    }
    in_kind_by_member(plan)
        .iter()
        .enumerate()
        .filter(|(_, entries)| !entries.is_empty())
        .map(|(m, entries)| Ok((m as u32, in_kind_value(plan, entries, year)?)))
        .collect()
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
