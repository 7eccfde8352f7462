//! A year's member rows as the computation leaves them, made into
//! [`MemberYear`]s only when they are read.
//!
//! A plan of 100 000 members over 50 years has five million member-years.
//! Built in full, each is about a kilobyte: the member's id and name, a
//! list of line amounts each naming its line, six fractions and their
//! decimals. Most readers look at a few of them (one member's explanation,
//! a year's table) or read them once in order (JSON, CSV). So a year keeps
//! what its rows are made of: members and lines as indexes into the plan's
//! roster, the rounded table and the exact totals in columns of machine
//! integers, and the keys' shares once per pool. A row is built from them
//! when it is read, with the same code and the same result as if it had
//! been built with the year.
//!
//! Building a row can fail only when a figure does not fit in a decimal.
//! [`Members::new`] checks the year's columns against bounds under which
//! nothing can overflow (every plan that is not made of figures near a
//! decimal's limits); a year outside them is built in full when computed,
//! so its errors are raised there, as they always were.

use super::key::{KeyShares, Nums};
use super::result::{LineAmount, MemberYear, Membership};
use crate::dates::Date;
use crate::error::{Error, Result};
use crate::exact;
use crate::fraction::Fraction;
use crate::number::from_scaled;
use crate::rounding::Rounding;
use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive, Zero};
use rust_decimal::Decimal;
use serde::{Serialize, Serializer};
use std::fmt;
use std::ops::Deref;
use std::sync::{Arc, OnceLock};

/// The plan's members as every year's rows name them, shared by all years
/// of a result.
pub(crate) struct Roster {
    ids: Vec<String>,
    names: Vec<String>,
    paying: Vec<bool>,
}

impl Roster {
    /// The roster of `plan`'s members, in plan order.
    pub fn of(plan: &super::document::Plan) -> Arc<Roster> {
        Arc::new(Roster {
            ids: plan.members.iter().map(|m| m.id.clone()).collect(),
            names: plan.members.iter().map(|m| m.name.clone()).collect(),
            paying: plan.members.iter().map(|m| m.paying).collect(),
        })
    }
}

/// The year's exact member totals in units: a numerator per member over
/// one denominator, in machine integers when the year's table was built in
/// them.
#[derive(Clone, PartialEq)]
pub(crate) enum Totals {
    Small { numer: Vec<i128>, den: i128 },
    Big { numer: Vec<BigInt>, den: BigInt },
}

/// A pool's key shares: its key's numerators over their denominator (none
/// for a pool nobody is keyed to), and what caps and floors did, by
/// position among the participants (few have a note).
#[derive(Clone)]
pub(crate) struct PoolShares {
    shares: Option<(Nums, BigInt)>,
    limits: Vec<(u32, String)>,
}

impl PoolShares {
    /// A pool's shares, kept from its key's evaluation.
    pub fn new(shares: Option<KeyShares>) -> PoolShares {
        let Some(s) = shares else {
            return PoolShares {
                shares: None,
                limits: Vec::new(),
            };
        };
        let limits = s.limits.into_iter().enumerate();
        // Collected with no size known, a key's numerators may have room to
        // spare: the result keeps them for as long as it lives.
        let mut nums = s.nums;
        nums.shrink_to_fit();
        PoolShares {
            shares: Some((nums, s.den)),
            limits: limits.filter_map(|(i, l)| Some((i as u32, l?))).collect(),
        }
    }

    /// Participant `i`'s share (0 in a pool nobody is keyed to).
    fn share(&self, i: usize) -> Fraction {
        let Some((nums, den)) = &self.shares else {
            return Fraction::small(0, 1);
        };
        match (nums.to_i128(i), den.to_u128().filter(|&d| d > 0)) {
            (Some(n), Some(d)) => Fraction::small(n, d),
            _ => Fraction::ratio(nums.big(i), den.clone()),
        }
    }

    fn has_shares(&self) -> bool {
        self.shares.is_some()
    }

    fn limit(&self, i: usize) -> Option<&str> {
        let at = self.limits.binary_search_by_key(&(i as u32), |(p, _)| *p);
        at.ok().map(|k| self.limits[k].1.as_str())
    }
}

/// A cost line of the year as its rows need it.
#[derive(Clone, PartialEq)]
pub(crate) struct RowLine {
    pub id: String,
    pub pool: usize,
    /// Whether the line is its pool's first (whose key's notes are named
    /// by it).
    pub first_of_pool: bool,
    /// Its participants, as indexes into the roster, in plan order.
    pub participants: Arc<[u32]>,
}

/// Everything a year's rows are made of; see the module's documentation.
#[derive(Clone)]
pub(crate) struct Rows {
    pub roster: Arc<Roster>,
    pub unit: Decimal,
    /// `days` or `months`: how membership is counted.
    pub membership_unit: &'static str,
    pub credit_in_kind: bool,
    pub reference_date: Option<Date>,
    /// Each member's population figure for the year.
    pub population: Vec<Option<Decimal>>,
    /// The members whose figure was carried forward, with the date of the
    /// figure used, in plan order.
    pub carried: Vec<(u32, Date)>,
    /// Each member's (counted, of) days or months of membership.
    pub membership: Vec<(u32, u32)>,
    pub lines: Vec<RowLine>,
    pub pools: Vec<PoolShares>,
    /// The rounded table in units, a row of `lines.len()` cells per member.
    pub cells: Vec<i128>,
    /// Each member's contribution in units (its row's sum).
    pub units: Arc<[i128]>,
    /// The previous year's contributions in units, if there is one.
    pub previous: Option<Arc<[i128]>>,
    pub totals: Totals,
    /// The year's net in units.
    pub net_units: i128,
    /// The in-kind value of every member with in-kind entries (others: 0),
    /// in plan order.
    pub in_kind: Vec<(u32, Decimal)>,
}

/// Beyond this many units (or a unit's mantissa beyond [`UNIT_LIMIT`]), a
/// row's figures might not fit in a decimal: see [`Rows::fits`].
const LIMIT: u128 = 1_000_000_000_000_000_000;
const UNIT_LIMIT: u128 = 1_000_000;

impl Rows {
    fn len(&self) -> usize {
        self.units.len()
    }

    /// Whether no figure of any row can overflow a decimal: every cell,
    /// contribution (this year's and the previous) and exact total is at
    /// most 10¹⁸ units, and the unit's mantissa at most 10⁶. Then an
    /// amount's mantissa is at most 10²⁴ and a change's at most 2·10²⁴; a
    /// share is at most 10¹⁸ (the net is a whole number of units), so its
    /// percentage to 4 places is at most 10²⁴; a change in percent to 2
    /// places is at most 2·10²⁸ — all below a decimal's 7.9·10²⁸.
    fn fits(&self) -> bool {
        let small = |x: &i128| x.unsigned_abs() <= LIMIT;
        let exact_small = match &self.totals {
            Totals::Small { numer, den } => {
                let bound = den.unsigned_abs().checked_mul(LIMIT);
                numer
                    .iter()
                    .all(|n| bound.is_none_or(|b| n.unsigned_abs() <= b))
            }
            Totals::Big { numer, den } => {
                let bound = den.abs() * BigInt::from(LIMIT);
                numer.iter().all(|n| n.abs() <= bound)
            }
        };
        self.unit.mantissa().unsigned_abs() <= UNIT_LIMIT
            && self.cells.iter().all(small)
            && self.units.iter().all(small)
            && self.previous.iter().flat_map(|p| p.iter()).all(small)
            && exact_small
    }

    /// Member `m`'s in-kind value.
    fn in_kind(&self, m: usize) -> Decimal {
        let at = self.in_kind.binary_search_by_key(&(m as u32), |(i, _)| *i);
        at.map_or(Decimal::ZERO, |k| self.in_kind[k].1)
    }

    /// Member `m`'s row, as the year reports it.
    fn member(&self, m: usize) -> Result<MemberYear> {
        let units = self.units[m];
        let (share, exact_money, rounding) = self.exact_figures(m, units);
        let population = self.population[m];
        let (counted, of) = self.membership[m];
        let contribution = amount_of(units, self.unit)?;
        let in_kind = self.in_kind(m);
        let prev = self
            .previous
            .as_ref()
            .map(|p| amount_of(p[m], self.unit))
            .transpose()?;
        Ok(MemberYear {
            id: self.roster.ids[m].clone(),
            name: self.roster.names[m].clone(),
            paying: self.roster.paying[m],
            population,
            population_date: self.reference_date,
            population_carried_from: self.carried_from(m),
            membership: (counted < of).then(|| Membership {
                counted,
                of,
                unit: self.membership_unit.to_string(),
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
            cash_due: self.cash_due(contribution, in_kind)?,
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

    fn carried_from(&self, m: usize) -> Option<Date> {
        let at = self.carried.binary_search_by_key(&(m as u32), |(i, _)| *i);
        at.ok().map(|k| self.carried[k].1)
    }

    fn cash_due(&self, contribution: Decimal, in_kind: Decimal) -> Result<Option<Decimal>> {
        self.credit_in_kind
            .then(|| exact::sub(contribution, in_kind, "a member's cash due"))
            .transpose()
    }

    /// Checks the cash due of every member with in-kind value (for the
    /// others it is the contribution, which [`Self::fits`] bounds).
    fn check_cash_due(&self) -> Result<()> {
        for &(m, in_kind) in &self.in_kind {
            let contribution = amount_of(self.units[m as usize], self.unit)?;
            self.cash_due(contribution, in_kind)?;
        }
        Ok(())
    }

    /// Member `m`'s share of the net, exact contribution and rounding: in
    /// machine integers when they fit, else in big ones. Its exact total
    /// is numer[m] / den units.
    fn exact_figures(&self, m: usize, units: i128) -> (Fraction, Fraction, Option<Decimal>) {
        let (num, den) = match &self.totals {
            Totals::Small { numer, den } => {
                if let Some(figures) = SmallTotals::new(*den, self.unit, self.net_units)
                    .and_then(|s| s.member(numer[m], units))
                {
                    return figures;
                }
                (BigInt::from(numer[m]), BigInt::from(*den))
            }
            Totals::Big { numer, den } => {
                let small = num_traits::ToPrimitive::to_i128(den)
                    .zip(num_traits::ToPrimitive::to_i128(&numer[m]));
                if let Some((d, n)) = small {
                    let fast = SmallTotals::new(d, self.unit, self.net_units)
                        .and_then(|s| s.member(n, units));
                    if let Some(figures) = fast {
                        return figures;
                    }
                }
                (numer[m].clone(), den.clone())
            }
        };
        let unit_num = BigInt::from(self.unit.mantissa());
        let unit_den = BigInt::from(10u8).pow(self.unit.scale());
        let share = if self.net_units == 0 {
            Fraction::ratio(BigInt::zero(), BigInt::from(1))
        } else {
            Fraction::ratio(num.clone(), &den * self.net_units)
        };
        let exact_money = Fraction::ratio(&num * &unit_num, &den * &unit_den);
        let diff = (BigInt::from(units) * &den - num) * &unit_num;
        let rounding = Fraction::ratio(diff, den * &unit_den).to_decimal();
        (share, exact_money, rounding)
    }

    /// Where member `m` stands among line `c`'s participants, if it takes
    /// part (they are in plan order).
    fn position(&self, c: usize, m: usize) -> Option<usize> {
        self.lines[c].participants.binary_search(&(m as u32)).ok()
    }

    /// The notes of the caps and floors that bound member `m`'s part, each
    /// named by the line whose key has it (the pool's first line).
    fn limits(&self, m: usize) -> Vec<String> {
        let mut limits = Vec::new();
        for (c, line) in self.lines.iter().enumerate() {
            let pool = &self.pools[line.pool];
            if !line.first_of_pool || !pool.has_shares() {
                continue;
            }
            if let Some(note) = self.position(c, m).and_then(|i| pool.limit(i)) {
                limits.push(format!("{note} in the key of line {:?}", line.id));
            }
        }
        limits
    }

    /// Member `m`'s amount and share of every line it takes part in.
    fn line_amounts(&self, m: usize) -> Result<Vec<LineAmount>> {
        let row = &self.cells[m * self.lines.len()..][..self.lines.len()];
        (0..self.lines.len())
            .filter_map(|c| self.position(c, m).map(|i| (c, i)))
            .map(|(c, i)| {
                let line = &self.lines[c];
                Ok(LineAmount {
                    line: line.id.clone(),
                    amount: amount_of(row[c], self.unit)?,
                    share: self.pools[line.pool].share(i),
                })
            })
            .collect()
    }
}

/// Every member of a year, in plan order (non-paying members with zero
/// cash): a slice of [`MemberYear`] to read.
///
/// The rows are kept compact — ids as indexes into the plan's members,
/// figures in columns of machine integers, fractions not yet built — and
/// built when read: indexing or iterating the slice builds the year's rows once and
/// keeps them; [`Members::row`] and [`Members::rows`] build rows without
/// keeping them, for a reader that passes over a large result once; and
/// [`Members::len`], [`Members::id`], [`Members::position`],
/// [`Members::contribution`] and [`Members::in_kind`] read the columns
/// without building a row.
///
/// ```
/// let result = andel::Plan::reference().compute()?;
/// let year = result.year(2021).unwrap();
/// let halmstad = year.members.position("halmstad").unwrap();
/// assert_eq!(year.members.contribution(halmstad), Some(562180.into()));
/// assert_eq!(year.members[halmstad].contribution, 562180.into());
/// assert_eq!(year.members.row(halmstad).as_ref(), Some(&year.members[halmstad]));
/// # Ok::<(), andel::Error>(())
/// ```
#[derive(Clone)]
pub struct Members {
    rows: Rows,
    built: OnceLock<Vec<MemberYear>>,
}

impl Members {
    /// The year's members from their rows; a year whose figures might not
    /// fit in decimals is built now, so that its errors are raised now.
    pub(crate) fn new(rows: Rows) -> Result<Members> {
        rows.check_cash_due()?;
        let members = Members {
            built: OnceLock::new(),
            rows,
        };
        if !members.rows.fits() {
            let built = (0..members.len())
                .map(|m| members.rows.member(m))
                .collect::<Result<Vec<_>>>()?;
            let _ = members.built.set(built);
        }
        Ok(members)
    }

    /// The number of members.
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    /// Whether the plan has no members (a plan always has some).
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Member `m`'s row, built (not kept).
    pub fn row(&self, m: usize) -> Option<MemberYear> {
        (m < self.len()).then(|| built(self.rows.member(m)))
    }

    /// Every member's row in order, each built as it is reached (not kept).
    pub fn rows(&self) -> impl ExactSizeIterator<Item = MemberYear> + '_ {
        (0..self.len()).map(|m| built(self.rows.member(m)))
    }

    /// Member `m`'s id.
    pub fn id(&self, m: usize) -> Option<&str> {
        self.rows.roster.ids.get(m).map(String::as_str)
    }

    /// Every member's id, in order.
    pub fn ids(&self) -> impl ExactSizeIterator<Item = &str> + '_ {
        self.rows.roster.ids.iter().map(String::as_str)
    }

    /// Where the member with id `id` stands.
    pub fn position(&self, id: &str) -> Option<usize> {
        self.rows.roster.ids.iter().position(|i| i == id)
    }

    /// Member `m`'s contribution.
    pub fn contribution(&self, m: usize) -> Option<Decimal> {
        let units = *self.rows.units.get(m)?;
        // Cannot fail: `new` built every row (each has this amount) or
        // found that every amount fits.
        amount_of(units, self.rows.unit).ok()
    }

    /// Member `m`'s in-kind value.
    pub fn in_kind(&self, m: usize) -> Option<Decimal> {
        (m < self.len()).then(|| self.rows.in_kind(m))
    }

    /// Each member's contribution in units, for the next year's changes.
    pub(crate) fn units(&self) -> Arc<[i128]> {
        Arc::clone(&self.rows.units)
    }

    /// The roster the rows name, shared with the next year.
    pub(crate) fn roster(&self) -> Arc<Roster> {
        Arc::clone(&self.rows.roster)
    }

    /// The members whose population figure was carried forward: index,
    /// name, the figure and its date.
    pub(crate) fn carried(&self) -> impl Iterator<Item = (&str, Option<Decimal>, Date)> + '_ {
        self.rows.carried.iter().map(|&(m, from)| {
            let m = m as usize;
            (
                self.rows.roster.names[m].as_str(),
                self.rows.population[m],
                from,
            )
        })
    }

    /// The reference date of the year's population figures.
    pub(crate) fn reference_date(&self) -> Option<Date> {
        self.rows.reference_date
    }
}

/// A row as built. It cannot fail: [`Members::new`] built every row once
/// (building is deterministic, so a row that was built builds again) or
/// found that no figure of any row can overflow. (No `expect`: it would
/// compile the error's `Debug` into the WebAssembly module.)
fn built(row: Result<MemberYear>) -> MemberYear {
    match row {
        Ok(row) => row,
        Err(_) => unreachable!("a year's rows were checked when it was computed"),
    }
}

impl Deref for Members {
    type Target = [MemberYear];

    fn deref(&self) -> &[MemberYear] {
        self.built.get_or_init(|| {
            (0..self.len())
                .map(|m| built(self.rows.member(m)))
                .collect()
        })
    }
}

impl<'a> IntoIterator for &'a Members {
    type Item = &'a MemberYear;
    type IntoIter = std::slice::Iter<'a, MemberYear>;

    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

impl PartialEq for Members {
    fn eq(&self, other: &Members) -> bool {
        self.len() == other.len() && self.rows().eq(other.rows())
    }
}

impl Eq for Members {}

impl fmt::Debug for Members {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.rows()).finish()
    }
}

impl Serialize for Members {
    fn serialize<S: Serializer>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error> {
        serializer.collect_seq(self.rows())
    }
}

/// The members who share a cost line in a year, by id, in plan order: a
/// slice of `String` to read, built when first read.
#[derive(Clone)]
pub struct Participants {
    roster: Arc<Roster>,
    members: Arc<[u32]>,
    built: OnceLock<Vec<String>>,
}

impl Participants {
    pub(crate) fn new(roster: Arc<Roster>, members: Arc<[u32]>) -> Participants {
        Participants {
            roster,
            members,
            built: OnceLock::new(),
        }
    }

    /// The number of participants.
    pub fn len(&self) -> usize {
        self.members.len()
    }

    /// Whether nobody takes part.
    pub fn is_empty(&self) -> bool {
        self.members.is_empty()
    }

    /// The participants' ids, in order, without building the slice.
    pub fn ids(&self) -> impl ExactSizeIterator<Item = &str> + '_ {
        self.members
            .iter()
            .map(|&m| self.roster.ids[m as usize].as_str())
    }
}

impl Deref for Participants {
    type Target = [String];

    fn deref(&self) -> &[String] {
        self.built
            .get_or_init(|| self.ids().map(str::to_string).collect())
    }
}

impl<'a> IntoIterator for &'a Participants {
    type Item = &'a String;
    type IntoIter = std::slice::Iter<'a, String>;

    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

impl PartialEq for Participants {
    fn eq(&self, other: &Participants) -> bool {
        self.ids().eq(other.ids())
    }
}

impl Eq for Participants {}

impl fmt::Debug for Participants {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.ids()).finish()
    }
}

impl Serialize for Participants {
    fn serialize<S: Serializer>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error> {
        serializer.collect_seq(self.ids())
    }
}

/// A whole count of units as an amount, at the unit's scale.
pub(crate) fn amount_of(units: i128, unit: Decimal) -> Result<Decimal> {
    let mantissa = units
        .checked_mul(unit.mantissa())
        .ok_or_else(|| Error::overflow("an amount"))?;
    let mut d = from_scaled(mantissa, unit.scale()).ok_or_else(|| Error::overflow("an amount"))?;
    d.rescale(unit.normalize().scale().max(d.scale()));
    Ok(d)
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
    fn new(den: i128, unit: Decimal, net_units: i128) -> Option<SmallTotals> {
        let den = Some(den).filter(|&d| d > 0)?;
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
