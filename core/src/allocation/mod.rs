//! Splitting an amount by weights into whole units that add up exactly.
//!
//! The total and the weights are turned into integers once (the total into a
//! count of rounding units, the weights onto a common scale) and every method
//! then works on integers only. Exact quotas are `units · wᵢ / Σw`; the
//! methods differ only in who receives the units that rounding down leaves.

mod arguments;
mod divisor;
mod quota;

use crate::error::{Error, Result};
use crate::fraction::Fraction;
use crate::method::Method;
use crate::number::{from_scaled, scale_all, scale_all_as, to_scaled};
use num_bigint::BigInt;
use num_traits::ToPrimitive;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

pub use arguments::{
    RawNumber, ReadSplit, Refusal, RefusalKind, Refuse, SplitArguments, SplitNumber, WeightReader,
    read_rounding_arguments,
};

/// The default rounding unit: one öre (0.01).
pub const DEFAULT_UNIT: Decimal = Decimal::from_parts(1, 0, 0, false, 2);

/// Splits `total` by `weights` into multiples of `unit` that sum exactly to
/// `total`, with the given method.
///
/// ```
/// use andel::{allocate, Decimal, Method};
/// let d = |s: &str| s.parse::<Decimal>().unwrap();
/// let parts = allocate(d("100"), &[d("1"), d("1"), d("1")], d("0.01"), Method::LargestRemainder)?;
/// assert_eq!(parts, [d("33.34"), d("33.33"), d("33.33")]);
/// # Ok::<(), andel::Error>(())
/// ```
pub fn allocate(
    total: Decimal,
    weights: &[Decimal],
    unit: Decimal,
    method: Method,
) -> Result<Vec<Decimal>> {
    Allocator::new()
        .unit(unit)
        .method(method)
        .allocate(total, weights)
}

/// The settings of a split: rounding unit, method and, for Sainte-Laguë, the
/// first divisor. Build one, then call [`allocate`](Allocator::allocate) or
/// [`explain`](Allocator::explain) as often as needed.
///
/// ```
/// use andel::{Allocator, Decimal, Method};
/// let d = |s: &str| s.parse::<Decimal>().unwrap();
/// let seats = Allocator::new()
///     .unit(d("1"))
///     .method(Method::SainteLague)
///     .first_divisor(Some(d("1.2")))
///     .allocate(d("10"), &[d("5100"), d("2900"), d("1400"), d("600")])?;
/// assert_eq!(seats, [d("5"), d("3"), d("1"), d("1")]);
/// # Ok::<(), andel::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Allocator {
    unit: Decimal,
    method: Method,
    first_divisor: Option<Decimal>,
}

impl Default for Allocator {
    fn default() -> Self {
        Allocator {
            unit: DEFAULT_UNIT,
            method: Method::default(),
            first_divisor: None,
        }
    }
}

/// A split explained part by part.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Allocation {
    /// The amount that was split.
    pub total: Decimal,
    /// The rounding unit; every amount is a whole multiple of it.
    pub unit: Decimal,
    /// The method that handed out the leftover units.
    pub method: Method,
    /// The first divisor, for Sainte-Laguë when one was given.
    pub first_divisor: Option<Decimal>,
    /// One entry per weight, in input order.
    pub parts: Vec<Part>,
}

/// One part of an [`Allocation`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Part {
    /// The name of the weight, when the weights were named.
    pub name: Option<String>,
    /// The weight as given.
    pub weight: Decimal,
    /// The weight's share of all weights, exactly: `weight / Σ weights`.
    pub share: Fraction,
    /// The exact amount before rounding: `total · share`.
    pub quota: Fraction,
    /// The quota as a decimal with up to 28 significant digits.
    pub quota_decimal: Decimal,
    /// The amount this part receives.
    pub amount: Decimal,
    /// Units received beyond the quota rounded toward zero. Largest
    /// remainder, largest ratio and in order give 0 or 1; divisor methods
    /// may give more, or take a unit away (a negative number).
    pub leftover_units: i64,
}

/// A split reduced to integers: `units` rounding units (the magnitude of the
/// total) shared by integer weights.
struct Problem {
    units: u128,
    negative: bool,
    weights: Vec<u128>,
    sum: u128,
}

impl Allocator {
    /// A split with the defaults: unit 0.01, largest remainder.
    pub fn new() -> Self {
        Self::default()
    }

    /// Sets the rounding unit (any positive step: 0.01, 1, 0.05, 1000).
    pub fn unit(mut self, unit: Decimal) -> Self {
        self.unit = unit;
        self
    }

    /// Sets the apportionment method.
    pub fn method(mut self, method: Method) -> Self {
        self.method = method;
        self
    }

    /// Sets the first divisor of Sainte-Laguë (default 1; 1.2 in Swedish
    /// elections, 1.4 in Norway). Must be above 0 and at most 3, and is an
    /// error with any other method.
    pub fn first_divisor(mut self, first_divisor: Option<Decimal>) -> Self {
        self.first_divisor = first_divisor;
        self
    }

    /// The rounding unit.
    pub fn get_unit(&self) -> Decimal {
        self.unit
    }

    /// The apportionment method.
    pub fn get_method(&self) -> Method {
        self.method
    }

    /// Splits `total` by `weights`; the amounts come back in input order.
    pub fn allocate(&self, total: Decimal, weights: &[Decimal]) -> Result<Vec<Decimal>> {
        let unit = self.unit.normalize();
        let units = self.total_units(total)?;
        check_weights(weights)?;
        let negative = units < 0;
        if let Some(amounts) = self.allocate_direct(unit, units, weights) {
            return Ok(amounts);
        }
        match self.checked_decimal_parts(units, weights)? {
            Parts::Small(parts) => parts
                .into_iter()
                .map(|u| self.amount_in(unit, u128::from(u), negative))
                .collect(),
            Parts::Large(parts) => parts
                .into_iter()
                .map(|u| self.amount_in(unit, u, negative))
                .collect(),
        }
    }

    /// The usual long split, straight from the decimals to the amounts:
    /// a quota method, weights all at one scale whose mantissas, their sum
    /// and `units ×` the largest fit in 64 bits, and every amount's
    /// mantissa (`units ×` the unit's) too. No vector of integer weights or
    /// of parts is made; the amounts are built at the unit's scale, as
    /// [`amount_in`](Self::amount_in) builds them. `None` when any of that
    /// does not hold: the general path then gives the same split (the
    /// weights' common scale changes no quota, remainder or tie).
    fn allocate_direct(
        &self,
        unit: Decimal,
        units: i128,
        weights: &[Decimal],
    ) -> Option<Vec<Decimal>> {
        if !matches!(
            self.method,
            Method::LargestRemainder | Method::LargestRatio | Method::InOrder
        ) {
            return None;
        }
        let magnitude = u64::try_from(units.unsigned_abs()).ok()?;
        let mantissa = u64::try_from(unit.mantissa()).ok()?;
        magnitude.checked_mul(mantissa)?;
        let scale = weights.first()?.scale();
        let (mut sum, mut max, mut fits) = (0u64, 0u64, true);
        for w in weights {
            // Not negative (checked), so the mantissa is the magnitude.
            let m = w.mantissa();
            fits &= w.scale() == scale && m <= i128::from(u64::MAX);
            let m = m as u64;
            let (s, carry) = sum.overflowing_add(m);
            fits &= !carry;
            sum = s;
            max = max.max(m);
        }
        if !fits || sum == 0 || !quota::small::fits(magnitude, max) {
            return None;
        }
        let negative = units < 0;
        let scale = unit.scale();
        Some(quota::small::apportion(
            self.method,
            magnitude,
            weights.len(),
            |i| weights[i].mantissa() as u64,
            (sum, max),
            |u| {
                let m = u * mantissa;
                Decimal::from_parts(m as u32, (m >> 32) as u32, 0, negative && m != 0, scale)
            },
        ))
    }

    /// [`allocate`](Allocator::allocate) with the parts as counts of
    /// rounding units, signed like the total: part *i* is `units[i] × unit`
    /// (what [`allocate_units`](Allocator::allocate_units) gives for whole
    /// weights, here for any decimal weights). No amount is built.
    ///
    /// ```
    /// use andel::{Allocator, Decimal};
    /// let d = |s: &str| s.parse::<Decimal>().unwrap();
    /// let units = Allocator::new().allocate_to_units(d("-1"), &[d("0.5"), d("1")])?;
    /// assert_eq!(units, [-33, -67]); // öre
    /// # Ok::<(), andel::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// The same as [`allocate`](Allocator::allocate), and `overflow` when a
    /// part's units do not fit in 64 bits.
    pub fn allocate_to_units(&self, total: Decimal, weights: &[Decimal]) -> Result<Vec<i64>> {
        let (parts, negative) = self.decimal_parts(total, weights)?;
        parts.signed(negative)
    }

    /// The parts of a split by decimal weights in units, and whether the
    /// total is negative.
    fn decimal_parts(&self, total: Decimal, weights: &[Decimal]) -> Result<(Parts, bool)> {
        let units = self.total_units(total)?;
        check_weights(weights)?;
        Ok((self.checked_decimal_parts(units, weights)?, units < 0))
    }

    /// [`decimal_parts`](Self::decimal_parts) once the total (as `units`)
    /// and the weights are checked.
    fn checked_decimal_parts(&self, units: i128, weights: &[Decimal]) -> Result<Parts> {
        // Weights that fit in 64 bits at their common scale take the fast
        // path; the split is the same either way.
        if let Some((ints, _)) = scale_all_as::<u64>(weights) {
            return self.apportion_u64(units, ints);
        }
        let (ints, _) =
            scale_all(weights).ok_or_else(|| Error::overflow("the weights at a common scale"))?;
        let problem = Self::integer_problem(units, ints)?;
        Ok(Parts::Large(self.apportion(&problem)?))
    }

    /// `units` (signed like the total) apportioned by weights that fit in 64
    /// bits: by [`quota::small`] when a quota method's products fit in 64
    /// bits too, else by the general path.
    fn apportion_u64(&self, units: i128, weights: Vec<u64>) -> Result<Parts> {
        let quota_method = matches!(
            self.method,
            Method::LargestRemainder | Method::LargestRatio | Method::InOrder
        );
        let sum = weights.iter().try_fold(0u64, |acc, &w| acc.checked_add(w));
        let magnitude = u64::try_from(units.unsigned_abs()).ok();
        if let (true, Some(sum), Some(magnitude)) = (quota_method, sum, magnitude) {
            if sum == 0 {
                return Err(Error::ZeroWeights);
            }
            let max = weights.iter().copied().max().unwrap_or(0);
            if quota::small::fits(magnitude, max) {
                return Ok(Parts::Small(quota::small::apportion(
                    self.method,
                    magnitude,
                    weights.len(),
                    |i| weights[i],
                    (sum, max),
                    |u| u,
                )));
            }
        }
        let problem = Self::integer_problem(units, weights.into_iter().map(u128::from).collect())?;
        Ok(Parts::Large(self.apportion(&problem)?))
    }

    /// Splits `total` by `weights` and explains every part.
    pub fn explain(&self, total: Decimal, weights: &[Decimal]) -> Result<Allocation> {
        self.explain_parts(total, weights, None)
    }

    /// Like [`explain`](Allocator::explain), with a name for every weight;
    /// errors about a weight then name it.
    pub fn explain_named(
        &self,
        total: Decimal,
        names: &[String],
        weights: &[Decimal],
    ) -> Result<Allocation> {
        if names.len() != weights.len() {
            return Err(Error::NamesMismatch {
                names: names.len(),
                weights: weights.len(),
            });
        }
        self.explain_parts(total, weights, Some(names))
    }

    fn explain_parts(
        &self,
        total: Decimal,
        weights: &[Decimal],
        names: Option<&[String]>,
    ) -> Result<Allocation> {
        let problem = self
            .problem(total, weights)
            .map_err(|e| e.with_names(names))?;
        let units = self.apportion(&problem)?;
        let parts = (0..weights.len())
            .map(|i| {
                self.part(
                    &problem,
                    i,
                    units[i],
                    weights[i],
                    names.map(|n| n[i].clone()),
                )
            })
            .collect::<Result<Vec<_>>>()?;
        Ok(Allocation {
            total,
            unit: self.unit,
            method: self.method,
            first_divisor: self.first_divisor,
            parts,
        })
    }

    /// Checks the inputs and reduces them to integers.
    fn problem(&self, total: Decimal, weights: &[Decimal]) -> Result<Problem> {
        let units = self.total_units(total)?;
        check_weights(weights)?;
        let (ints, _) =
            scale_all(weights).ok_or_else(|| Error::overflow("the weights at a common scale"))?;
        Self::integer_problem(units, ints)
    }

    /// The unit, the first divisor and the total checked, in the order of
    /// the shared error precedence: the total as a count of units.
    fn total_units(&self, total: Decimal) -> Result<i128> {
        let unit = self.unit;
        if unit <= Decimal::ZERO {
            return Err(Error::InvalidUnit { unit });
        }
        self.check_first_divisor()?;
        units_in(total, unit)
    }

    /// [`allocate`](Allocator::allocate) for whole-number weights (such as
    /// populations) with the parts as counts of rounding units, signed like
    /// the total: part *i* is `units[i] × unit`. Built for long inputs (a
    /// numpy array from Python): no decimal is made per weight, and the
    /// result is the same split as `allocate` gives for the same weights.
    ///
    /// ```
    /// use andel::{Allocator, Decimal};
    /// let d = |s: &str| s.parse::<Decimal>().unwrap();
    /// let units = Allocator::new().allocate_units(d("100"), &[1i64, 1, 1])?;
    /// assert_eq!(units, [3334, 3333, 3333]); // öre
    /// # Ok::<(), andel::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// The same as [`allocate`](Allocator::allocate) (a negative weight is
    /// `negative_weight`), and `overflow` when a part's units do not fit in
    /// 64 bits.
    pub fn allocate_units<W>(&self, total: Decimal, weights: &[W]) -> Result<Vec<i64>>
    where
        W: Copy + Into<i128>,
    {
        let units = self.total_units(total)?;
        if weights.is_empty() {
            return Err(Error::EmptyWeights);
        }
        // The fast path for weights that fit in 64 bits (every i64 and u64).
        let mut small = Vec::with_capacity(weights.len());
        for (index, &w) in weights.iter().enumerate() {
            let w: i128 = w.into();
            match u64::try_from(w) {
                Ok(w) => small.push(w),
                Err(_) if w < 0 => {
                    return Err(Error::NegativeWeight {
                        index,
                        name: None,
                        value: Decimal::try_from_i128_with_scale(w, 0).unwrap_or(Decimal::MIN),
                    });
                }
                Err(_) => break,
            }
        }
        if small.len() == weights.len() {
            return self.apportion_u64(units, small)?.signed(units < 0);
        }
        let ints = weights
            .iter()
            .enumerate()
            .map(|(index, &w)| {
                let w: i128 = w.into();
                u128::try_from(w).map_err(|_| Error::NegativeWeight {
                    index,
                    name: None,
                    value: Decimal::try_from_i128_with_scale(w, 0).unwrap_or(Decimal::MIN),
                })
            })
            .collect::<Result<Vec<u128>>>()?;
        let problem = Self::integer_problem(units, ints)?;
        let parts = self.apportion(&problem)?;
        parts
            .into_iter()
            .map(|u| {
                let u = i64::try_from(u)
                    .map_err(|_| Error::overflow("a part's units as a 64-bit integer"))?;
                Ok(if problem.negative { -u } else { u })
            })
            .collect()
    }

    /// `units` rounding units as an amount at the unit's scale (`1234` öre
    /// is `12.34`): turns [`allocate_units`](Allocator::allocate_units)'
    /// parts into the amounts [`allocate`](Allocator::allocate) gives.
    ///
    /// ```
    /// use andel::Allocator;
    /// assert_eq!(Allocator::new().amount_of_units(-3334)?.to_string(), "-33.34");
    /// # Ok::<(), andel::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// `overflow` when the amount does not fit in a decimal.
    pub fn amount_of_units(&self, units: i64) -> Result<Decimal> {
        self.amount(u128::from(units.unsigned_abs()), units < 0)
    }

    /// Integer weights summed and checked: the problem every method solves.
    fn integer_problem(units: i128, ints: Vec<u128>) -> Result<Problem> {
        let sum = ints
            .iter()
            .try_fold(0u128, |acc, &w| acc.checked_add(w))
            .ok_or_else(|| Error::overflow("the sum of the weights"))?;
        if sum == 0 {
            return Err(Error::ZeroWeights);
        }
        Ok(Problem {
            units: units.unsigned_abs(),
            negative: units < 0,
            weights: ints,
            sum,
        })
    }

    /// `units` whole units apportioned by integer `weights` with this
    /// allocator's method and first divisor (the unit plays no part): the
    /// members' totals a plan's method asks for.
    pub(crate) fn apportion_integers(&self, units: u128, weights: Vec<u128>) -> Result<Vec<u128>> {
        self.check_first_divisor()?;
        let units = i128::try_from(units).map_err(|_| Error::overflow("the units to apportion"))?;
        let problem = Self::integer_problem(units, weights)?;
        self.apportion(&problem)
    }

    fn check_first_divisor(&self) -> Result<()> {
        let Some(value) = self.first_divisor else {
            return Ok(());
        };
        let refuse = |reason: &str| {
            Err(Error::InvalidFirstDivisor {
                value,
                reason: reason.to_string(),
            })
        };
        if self.method != Method::SainteLague {
            return refuse(&format!(
                "only sainte_lague has a first divisor, not {}",
                self.method
            ));
        }
        if value <= Decimal::ZERO || value > Decimal::from(3) {
            return refuse("it must be above 0 and at most 3");
        }
        Ok(())
    }

    /// Units per part, in input order, for the magnitude of the total.
    fn apportion(&self, p: &Problem) -> Result<Vec<u128>> {
        match self.method {
            Method::LargestRemainder => quota::largest_remainder(p.units, &p.weights, p.sum),
            Method::LargestRatio => quota::largest_ratio(p.units, &p.weights, p.sum),
            Method::InOrder => quota::in_order(p.units, &p.weights, p.sum),
            Method::Dhondt => {
                divisor::apportion(divisor::Divisors::Dhondt, p.units, &p.weights, p.sum)
            }
            Method::SainteLague => {
                let first = self.first_divisor.unwrap_or(Decimal::ONE);
                divisor::apportion(
                    divisor::Divisors::sainte_lague(first)?,
                    p.units,
                    &p.weights,
                    p.sum,
                )
            }
            Method::HuntingtonHill => {
                let needed = p.weights.iter().filter(|&&w| w > 0).count();
                if p.units < needed as u128 {
                    return Err(Error::TooFewUnits {
                        method: self.method.name().to_string(),
                        units: p.units.to_string(),
                        needed,
                    });
                }
                divisor::apportion(
                    divisor::Divisors::HuntingtonHill,
                    p.units,
                    &p.weights,
                    p.sum,
                )
            }
        }
    }

    /// `units` rounding units as an amount, with the sign of the total.
    fn amount(&self, units: u128, negative: bool) -> Result<Decimal> {
        self.amount_in(self.unit.normalize(), units, negative)
    }

    /// [`amount`](Self::amount) with the unit already normalised, so a long
    /// split normalises it once.
    fn amount_in(&self, unit: Decimal, units: u128, negative: bool) -> Result<Decimal> {
        // The usual case, built directly: units × the unit's mantissa at the
        // unit's normalised scale is already the wanted form (12.00 for öre,
        // 12 for kronor), with no trailing zeros to strip.
        if let Some(m) = i128::try_from(units)
            .ok()
            .and_then(|u| u.checked_mul(unit.mantissa()))
        {
            if let Ok(amount) =
                Decimal::try_from_i128_with_scale(if negative { -m } else { m }, unit.scale())
            {
                return Ok(amount);
            }
        }
        let overflow = || Error::overflow("an amount");
        let mantissa = i128::try_from(units)
            .ok()
            .and_then(|u| u.checked_mul(self.unit.mantissa()))
            .ok_or_else(overflow)?;
        let signed = if negative { -mantissa } else { mantissa };
        let mut amount = from_scaled(signed, self.unit.scale()).ok_or_else(overflow)?;
        // Print amounts at the unit's scale: 12.00 for öre, 12 for kronor.
        let scale = self.unit.normalize().scale();
        if amount.scale() < scale {
            amount.rescale(scale);
        }
        Ok(amount)
    }

    fn part(
        &self,
        p: &Problem,
        i: usize,
        units: u128,
        weight: Decimal,
        name: Option<String>,
    ) -> Result<Part> {
        let overflow = || Error::overflow(format!("the quota of part {i}"));
        let w = p.weights[i];
        let (quota, floor) = match self.small_quota(p, w) {
            Some((quota, floor)) => (quota, BigInt::from(floor)),
            None => {
                let product = BigInt::from(p.units) * w;
                let floor = &product / p.sum;
                (quota_in_money(product, p.sum, self.unit, p.negative), floor)
            }
        };
        let leftover = (BigInt::from(units) - floor)
            .to_i64()
            .ok_or_else(overflow)?;
        let share = match i128::try_from(w) {
            Ok(w) => Fraction::small(w, p.sum),
            Err(_) => Fraction::new(w, p.sum),
        };
        Ok(Part {
            name,
            weight,
            share,
            quota_decimal: quota.to_decimal().ok_or_else(overflow)?,
            quota,
            amount: self.amount(units, p.negative)?,
            leftover_units: leftover,
        })
    }

    /// The quota in money and its floor in units, in machine integers when
    /// they fit.
    fn small_quota(&self, p: &Problem, w: u128) -> Option<(Fraction, u128)> {
        let product = p.units.checked_mul(w)?;
        let num = i128::try_from(product)
            .ok()?
            .checked_mul(self.unit.mantissa())?;
        let den = p
            .sum
            .checked_mul(u128::try_from(crate::number::pow10(self.unit.scale())?).ok()?)?;
        let quota = Fraction::small(if p.negative { -num } else { num }, den);
        Some((quota, product / p.sum))
    }
}

/// Parts as counts of units: from the 64-bit fast path or the general one.
enum Parts {
    Small(Vec<u64>),
    Large(Vec<u128>),
}

impl Parts {
    /// The parts as signed 64-bit counts, negated for a negative total.
    fn signed(self, negative: bool) -> Result<Vec<i64>> {
        let signed = |u: u128| {
            let u = i64::try_from(u)
                .map_err(|_| Error::overflow("a part's units as a 64-bit integer"))?;
            Ok(if negative { -u } else { u })
        };
        match self {
            Parts::Small(parts) => parts.into_iter().map(u128::from).map(signed).collect(),
            Parts::Large(parts) => parts.into_iter().map(signed).collect(),
        }
    }
}

/// The weights' own checks, in the shared order: none, then a negative one.
fn check_weights(weights: &[Decimal]) -> Result<()> {
    if weights.is_empty() {
        return Err(Error::EmptyWeights);
    }
    if let Some(index) = weights
        .iter()
        .position(|w| w.is_sign_negative() && !w.is_zero())
    {
        return Err(Error::NegativeWeight {
            index,
            name: None,
            value: weights[index],
        });
    }
    Ok(())
}

/// The number of whole `unit`s in `total`, or an error if it is not whole.
fn units_in(total: Decimal, unit: Decimal) -> Result<i128> {
    let scale = total.scale().max(unit.scale());
    let overflow = || Error::overflow(format!("the total {total} in units of {unit}"));
    let t = to_scaled(total, scale).ok_or_else(overflow)?;
    let u = to_scaled(unit, scale).ok_or_else(overflow)?;
    if t % u != 0 {
        return Err(Error::NotMultipleOfUnit { total, unit });
    }
    Ok(t / u)
}

/// The exact quota `product / sum` units, expressed in money.
fn quota_in_money(product: BigInt, sum: u128, unit: Decimal, negative: bool) -> Fraction {
    let num = product * unit.mantissa();
    let den = BigInt::from(sum) * BigInt::from(10u8).pow(unit.scale());
    Fraction::new(if negative { -num } else { num }, den)
}

#[cfg(test)]
mod tests;
