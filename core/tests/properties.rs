//! Property tests: core against an independent reference written here with
//! exact big rationals, plus the invariants every split must keep.
//!
//! The reference follows the textbook definitions, not core's integer
//! tricks: quota methods round the exact quotas down and hand out the rest
//! by sorting; divisor methods hand out one unit at a time to the largest
//! average. For totals with up to 10⁹ units a second exact definition of
//! the divisor methods (the N largest averages, found by searching for the
//! N-th largest one) takes over, and on small totals the two references are
//! checked against each other.

use andel::{Allocator, Decimal, Method};
use num_bigint::BigInt;
use num_rational::BigRational;
use num_traits::{One, Signed, Zero};
use proptest::prelude::*;
use std::cmp::Ordering;

// ---------------------------------------------------------------------------
// Exact numbers.

fn big(d: Decimal) -> BigRational {
    BigRational::new(BigInt::from(d.mantissa()), BigInt::from(10).pow(d.scale()))
}

fn int(n: u128) -> BigRational {
    BigRational::from_integer(BigInt::from(n))
}

fn fraction(f: &andel::Fraction) -> BigRational {
    BigRational::new(f.numerator().clone(), f.denominator().clone())
}

/// The magnitude of `total / unit`, which the strategies make whole.
fn units_of(total: Decimal, unit: Decimal) -> u128 {
    let n = big(total) / big(unit);
    assert!(n.is_integer());
    u128::try_from(n.to_integer().abs()).expect("fits")
}

/// The whole number of units in an amount.
fn count(amount: Decimal, unit: Decimal) -> BigInt {
    let n = big(amount) / big(unit);
    assert!(n.is_integer(), "{amount} is not a multiple of {unit}");
    n.to_integer()
}

// ---------------------------------------------------------------------------
// The reference, small totals: textbook definitions.

/// Units per part for `units` units by `weights`; `first` is the first
/// divisor of Sainte-Laguë. `None` for Huntington–Hill with too few units.
fn reference(
    method: Method,
    units: u128,
    weights: &[Decimal],
    first: Decimal,
) -> Option<Vec<u128>> {
    let w: Vec<BigRational> = weights.iter().map(|&x| big(x)).collect();
    let positive: Vec<usize> = (0..w.len()).filter(|&i| w[i].is_positive()).collect();
    match method {
        Method::LargestRemainder | Method::LargestRatio | Method::InOrder => {
            let sum: BigRational = w.iter().sum();
            let quotas: Vec<BigRational> = w.iter().map(|x| int(units) * x / &sum).collect();
            let mut counts: Vec<u128> = quotas
                .iter()
                .map(|q| u128::try_from(q.floor().to_integer()).unwrap())
                .collect();
            let left = (units - counts.iter().sum::<u128>()) as usize;
            let mut order = positive.clone();
            // Ties: larger weight, then earlier position (sort is stable).
            match method {
                Method::LargestRemainder => order.sort_by(|&a, &b| {
                    let ra = &quotas[a] - quotas[a].floor();
                    let rb = &quotas[b] - quotas[b].floor();
                    rb.cmp(&ra).then(w[b].cmp(&w[a]))
                }),
                Method::LargestRatio => order.sort_by(|&a, &b| w[b].cmp(&w[a])),
                _ => {}
            }
            assert!(left <= order.len());
            for &i in &order[..left] {
                counts[i] += 1;
            }
            Some(counts)
        }
        _ => {
            if method == Method::HuntingtonHill && units < positive.len() as u128 {
                return None;
            }
            let mut counts = vec![0u128; w.len()];
            for _ in 0..units {
                let best = *positive
                    .iter()
                    .max_by(|&&a, &&b| {
                        average(method, &w[a], counts[a], first)
                            .cmp(&average(method, &w[b], counts[b], first))
                            .then(w[a].cmp(&w[b]))
                            .then(b.cmp(&a))
                    })
                    .expect("a positive weight");
                counts[best] += 1;
            }
            Some(counts)
        }
    }
}

/// The average of weight `w` for its (k+1)-th unit, as something that
/// orders like the average: `None` is infinite (Huntington–Hill's first
/// unit) and Huntington–Hill compares squared averages w²/(k(k+1)).
#[derive(PartialEq, Eq, PartialOrd, Ord)]
enum Avg {
    Finite(BigRational),
    Infinite,
}

fn average(method: Method, w: &BigRational, k: u128, first: Decimal) -> Avg {
    match method {
        Method::Dhondt => Avg::Finite(w / int(k + 1)),
        Method::SainteLague if k == 0 => Avg::Finite(w / big(first)),
        Method::SainteLague => Avg::Finite(w / int(2 * k + 1)),
        Method::HuntingtonHill if k == 0 => Avg::Infinite,
        Method::HuntingtonHill => Avg::Finite(w * w / int(k * (k + 1))),
        _ => unreachable!("not a divisor method"),
    }
}

// ---------------------------------------------------------------------------
// The reference, large totals: the N largest averages.
//
// Weights become integers Wᵢ at their common scale (scaling all weights by
// one constant changes no average's rank). An average is a pair (a, b)
// meaning a/b > 0; Huntington–Hill uses squared averages W²/(k(k+1)).

#[derive(Clone)]
struct Ratio {
    a: BigInt,
    b: BigInt,
}

impl Ratio {
    fn cmp(&self, other: &Ratio) -> Ordering {
        (&self.a * &other.b).cmp(&(&other.a * &self.b))
    }
}

struct Divisors {
    method: Method,
    /// The first divisor of Sainte-Laguë as fn/fd.
    first_num: BigInt,
    first_den: BigInt,
}

impl Divisors {
    fn new(method: Method, first: Decimal) -> Self {
        Divisors {
            method,
            first_num: BigInt::from(first.mantissa()),
            first_den: BigInt::from(10).pow(first.scale()),
        }
    }

    /// The first k that has a finite average.
    fn k0(&self) -> u128 {
        u128::from(self.method == Method::HuntingtonHill)
    }

    /// The (k+1)-th average of integer weight `w` (finite: k ≥ k0).
    fn average(&self, w: &BigInt, k: u128) -> Ratio {
        let kb = BigInt::from(k);
        match self.method {
            Method::Dhondt => Ratio {
                a: w.clone(),
                b: kb + 1,
            },
            Method::SainteLague if k == 0 => Ratio {
                a: w * &self.first_den,
                b: self.first_num.clone(),
            },
            Method::SainteLague => Ratio {
                a: w.clone(),
                b: kb * 2 + 1,
            },
            Method::HuntingtonHill => Ratio {
                a: w * w,
                b: &kb * (&kb + 1),
            },
            _ => unreachable!("not a divisor method"),
        }
    }

    /// How many averages of weight `w` are at least `v`, in closed form.
    fn count_at_least(&self, w: &BigInt, v: &Ratio) -> BigInt {
        let (a, b) = (&v.a, &v.b);
        match self.method {
            // w/(k+1) ≥ a/b ⇔ k+1 ≤ w·b/a.
            Method::Dhondt => w * b / a,
            // d(0) = first; then w/(2k+1) ≥ a/b ⇔ 2k+1 ≤ w·b/a.
            Method::SainteLague => {
                let first = BigInt::from(u8::from(w * &self.first_den * b >= a * &self.first_num));
                let wb = w * b;
                let odd = if &wb >= a {
                    (wb - a) / (a * 2)
                } else {
                    BigInt::zero()
                };
                first + odd
            }
            // k = 0 always; k(k+1) ≤ X = ⌊w²·b/a⌋ ⇔ 2k+1 ≤ √(4X+1).
            Method::HuntingtonHill => {
                let x: BigInt = w * w * b / a;
                let root = BigInt::sqrt(&(x * 4u32 + 1u32));
                (root - 1) / 2 + 1
            }
            _ => unreachable!("not a divisor method"),
        }
    }
}

fn n_largest_averages(method: Method, units: u128, weights: &[u128], first: Decimal) -> Vec<u128> {
    let div = Divisors::new(method, first);
    let w: Vec<BigInt> = weights.iter().map(|&x| BigInt::from(x)).collect();
    let positive: Vec<usize> = (0..w.len()).filter(|&i| weights[i] > 0).collect();
    let mut counts = vec![0u128; w.len()];
    if method == Method::HuntingtonHill && units <= positive.len() as u128 {
        let mut order = positive.clone();
        order.sort_by(|&a, &b| weights[b].cmp(&weights[a]));
        for &i in order.iter().take(units as usize) {
            counts[i] = 1;
        }
        return counts;
    }
    let n = BigInt::from(units);
    let total =
        |v: &Ratio| -> BigInt { positive.iter().map(|&i| div.count_at_least(&w[i], v)).sum() };
    // v* = the largest average with at least N averages at or above it: for
    // each part, its largest such average, and the best of those.
    let mut best: Option<Ratio> = None;
    for &i in &positive {
        let (mut lo, mut hi) = (div.k0(), div.k0() + 1);
        while total(&div.average(&w[i], hi)) < n {
            lo = hi;
            hi *= 2;
        }
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            if total(&div.average(&w[i], mid)) >= n {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        let candidate = div.average(&w[i], lo);
        if best
            .as_ref()
            .is_none_or(|b| candidate.cmp(b) == Ordering::Greater)
        {
            best = Some(candidate);
        }
    }
    let best = best.expect("a positive weight");
    // Everything above v* is in; averages equal to v* fill the rest in tie
    // order (larger weight, earlier position).
    let mut at_threshold = Vec::new();
    for &i in &positive {
        let above = u128::try_from(div.count_at_least(&w[i], &best)).unwrap();
        let mut equal = 0;
        let mut k = above;
        while k > div.k0() && div.average(&w[i], k - 1).cmp(&best) == Ordering::Equal {
            equal += 1;
            k -= 1;
        }
        counts[i] = above - equal;
        at_threshold.extend(std::iter::repeat_n(i, equal as usize));
    }
    at_threshold.sort_by(|&a, &b| weights[b].cmp(&weights[a]));
    let left = units - counts.iter().sum::<u128>();
    for &i in at_threshold.iter().take(left as usize) {
        counts[i] += 1;
    }
    assert_eq!(counts.iter().sum::<u128>(), units);
    counts
}

/// Weights as integers at their common scale.
fn scaled(weights: &[Decimal]) -> Vec<u128> {
    let scale = weights
        .iter()
        .map(|w| w.normalize().scale())
        .max()
        .unwrap_or(0);
    weights
        .iter()
        .map(|&w| {
            let n = big(w) * int(10u128.pow(scale));
            u128::try_from(n.to_integer()).unwrap()
        })
        .collect()
}

// ---------------------------------------------------------------------------
// Strategies.

const UNITS: [&str; 7] = ["0.01", "1", "0.05", "1000", "0.25", "0.10", "0.001"];
const FIRST_DIVISORS: [&str; 5] = ["1", "1.2", "1.4", "0.5", "3"];

fn dec(s: &str) -> Decimal {
    s.parse().unwrap()
}

/// A weight: often zero or small (so ties happen), sometimes large, with up
/// to three decimals.
fn weight() -> impl Strategy<Value = Decimal> {
    let mantissa = prop_oneof![2 => Just(0i64), 4 => 1i64..=12, 4 => 1i64..=100_000];
    (mantissa, 0u32..=3).prop_map(|(m, s)| Decimal::new(m, s))
}

/// One to eight weights, at least one positive. Half the time they are
/// drawn from a few small integers, so that equal remainders and equal
/// averages between different weights (where the tie rule decides) are
/// common rather than rare.
fn weights() -> impl Strategy<Value = Vec<Decimal>> {
    let few = prop::sample::select(vec![0i64, 1, 2, 3, 4, 6]).prop_map(Decimal::from);
    prop_oneof![
        prop::collection::vec(weight(), 1..=8),
        prop::collection::vec(few, 1..=8),
    ]
    .prop_map(|mut w| {
        if w.iter().all(|x| x.is_zero()) {
            w[0] = Decimal::ONE;
        }
        w
    })
}

const DIVISOR_METHODS: [Method; 3] = [Method::Dhondt, Method::SainteLague, Method::HuntingtonHill];
const QUOTA_METHODS: [Method; 3] = [
    Method::LargestRemainder,
    Method::LargestRatio,
    Method::InOrder,
];

/// One of `methods` with, for Sainte-Laguë, perhaps a first divisor.
fn method_among(methods: &[Method]) -> impl Strategy<Value = (Method, Option<Decimal>)> + use<> {
    (
        prop::sample::select(methods.to_vec()),
        prop::option::of(prop::sample::select(FIRST_DIVISORS.to_vec())),
    )
        .prop_map(|(m, fd)| {
            (
                m,
                if m == Method::SainteLague {
                    fd.map(dec)
                } else {
                    None
                },
            )
        })
}

/// A split: a total of up to 300 units (either sign), a unit, weights and a
/// method.
#[derive(Debug, Clone)]
struct Split {
    total: Decimal,
    unit: Decimal,
    weights: Vec<Decimal>,
    method: Method,
    first: Option<Decimal>,
}

impl Split {
    fn allocator(&self) -> Allocator {
        Allocator::new()
            .unit(self.unit)
            .method(self.method)
            .first_divisor(self.first)
    }

    fn units(&self) -> u128 {
        units_of(self.total, self.unit)
    }

    fn positive(&self) -> usize {
        self.weights
            .iter()
            .filter(|w| w.is_sign_positive() && !w.is_zero())
            .count()
    }

    /// Whether Huntington–Hill has too few units for this split.
    fn too_few(&self) -> bool {
        self.method == Method::HuntingtonHill && self.units() < self.positive() as u128
    }
}

fn split_with(max_units: u64, methods: &[Method]) -> impl Strategy<Value = Split> + use<> {
    (
        0u64..=max_units,
        any::<bool>(),
        prop::sample::select(UNITS.to_vec()),
        weights(),
        method_among(methods),
    )
        .prop_map(|(n, negative, unit, weights, (method, first))| {
            let unit = dec(unit);
            let mut total = Decimal::from(n) * unit;
            if negative {
                total = -total;
            }
            Split {
                total,
                unit,
                weights,
                method,
                first,
            }
        })
}

fn split() -> impl Strategy<Value = Split> {
    split_with(300, &Method::ALL)
}

fn divisor_split() -> impl Strategy<Value = Split> {
    split_with(300, &DIVISOR_METHODS)
}

// ---------------------------------------------------------------------------
// Properties.

proptest! {
    /// Core gives exactly the reference's units, for every method; Huntington–Hill
    /// with too few units is `too_few_units`.
    #[test]
    fn matches_the_exact_reference(s in split()) {
        let got = s.allocator().allocate(s.total, &s.weights);
        let first = s.first.unwrap_or(Decimal::ONE);
        match reference(s.method, s.units(), &s.weights, first) {
            None => prop_assert_eq!(got.map_err(|e| e.code()), Err("too_few_units")),
            Some(want) => {
                let got = got.expect("core refused a valid split");
                let sign = if s.total.is_sign_negative() { -1 } else { 1 };
                let got: Vec<BigInt> = got.iter().map(|&a| count(a, s.unit) * sign).collect();
                let want: Vec<BigInt> = want.into_iter().map(BigInt::from).collect();
                prop_assert_eq!(got, want);
            }
        }
    }

    /// Both references agree on divisor methods (guards the large-total test).
    #[test]
    fn the_two_divisor_references_agree(s in divisor_split()) {
        prop_assume!(!s.too_few());
        let first = s.first.unwrap_or(Decimal::ONE);
        let one_at_a_time = reference(s.method, s.units(), &s.weights, first).unwrap();
        let largest = n_largest_averages(s.method, s.units(), &scaled(&s.weights), first);
        prop_assert_eq!(one_at_a_time, largest);
    }

    /// The parts add up to the total exactly, each a whole number of units,
    /// each with the total's sign, printed at the unit's scale.
    #[test]
    fn sums_exactly_in_whole_units(s in split()) {
        prop_assume!(!s.too_few());
        let parts = s.allocator().allocate(s.total, &s.weights).unwrap();
        prop_assert_eq!(parts.len(), s.weights.len());
        prop_assert_eq!(parts.iter().copied().sum::<Decimal>(), s.total);
        for a in &parts {
            count(*a, s.unit);
            prop_assert!(a.is_zero() || a.is_sign_negative() == s.total.is_sign_negative());
            prop_assert_eq!(a.scale(), s.unit.normalize().scale());
        }
    }

    /// Largest remainder stays within one unit of the exact quota.
    #[test]
    fn largest_remainder_is_within_one_unit_of_the_quota(mut s in split()) {
        s.method = Method::LargestRemainder;
        s.first = None;
        let parts = s.allocator().allocate(s.total, &s.weights).unwrap();
        let sum: BigRational = s.weights.iter().map(|&w| big(w)).sum();
        for (a, &w) in parts.iter().zip(&s.weights) {
            let quota = big(s.total) * big(w) / &sum;
            let gap = (big(*a) - quota).abs();
            prop_assert!(gap < big(s.unit), "{a} is a unit or more from its quota");
        }
    }

    /// A zero weight gets zero, with every method.
    #[test]
    fn zero_weights_get_zero(s in split(), at in any::<prop::sample::Index>()) {
        let mut s = s;
        let i = at.index(s.weights.len() + 1);
        s.weights.insert(i, Decimal::ZERO);
        prop_assume!(!s.too_few());
        let parts = s.allocator().allocate(s.total, &s.weights).unwrap();
        prop_assert!(parts[i].is_zero());
        for (a, w) in parts.iter().zip(&s.weights) {
            prop_assert!(!w.is_zero() || a.is_zero());
        }
    }

    /// Multiplying every weight by one positive constant changes nothing.
    #[test]
    fn scaling_the_weights_changes_nothing(s in split(), m in 1i64..=1000, scale in 0u32..=3) {
        let c = Decimal::new(m, scale);
        let scaled: Vec<Decimal> = s.weights.iter().map(|&w| w * c).collect();
        let a = s.allocator().allocate(s.total, &s.weights).map_err(|e| e.code());
        let b = s.allocator().allocate(s.total, &scaled).map_err(|e| e.code());
        prop_assert_eq!(a, b);
    }

    /// A negative total gives every part negated.
    #[test]
    fn negating_the_total_negates_every_part(s in split()) {
        let a = s.allocator().allocate(s.total, &s.weights).map_err(|e| e.code());
        let b = s.allocator().allocate(-s.total, &s.weights).map_err(|e| e.code());
        let a_neg = a.map(|v| v.into_iter().map(|x| -x).collect::<Vec<_>>());
        prop_assert_eq!(a_neg, b);
    }

    /// Divisor methods never take a unit from anyone when the total grows by
    /// one unit (no Alabama paradox).
    #[test]
    fn divisor_methods_are_house_monotone(s in divisor_split()) {
        prop_assume!(!s.too_few());
        let allocator = s.allocator();
        let magnitude = s.total.abs();
        let before = allocator.allocate(magnitude, &s.weights).unwrap();
        let after = allocator.allocate(magnitude + s.unit, &s.weights).unwrap();
        for (b, a) in before.iter().zip(&after) {
            prop_assert!(a >= b, "{b} became {a}");
        }
    }

    /// `explain` reports the exact share and quota, the same amounts as
    /// `allocate`, and leftover units = amount units − ⌊quota units⌋ (in
    /// magnitude).
    #[test]
    fn explain_reports_exact_quotas_and_leftovers(s in split()) {
        prop_assume!(!s.too_few());
        let explained = s.allocator().explain(s.total, &s.weights).unwrap();
        let amounts = s.allocator().allocate(s.total, &s.weights).unwrap();
        prop_assert_eq!(explained.total, s.total);
        prop_assert_eq!(explained.method, s.method);
        let sum: BigRational = s.weights.iter().map(|&w| big(w)).sum();
        let units = s.units();
        for (i, part) in explained.parts.iter().enumerate() {
            let w = big(s.weights[i]);
            prop_assert_eq!(part.weight, s.weights[i]);
            prop_assert_eq!(fraction(&part.share), &w / &sum);
            prop_assert_eq!(fraction(&part.quota), big(s.total) * &w / &sum);
            prop_assert_eq!(part.amount, amounts[i]);
            let quota_units = int(units) * &w / &sum;
            let leftover = count(part.amount, s.unit).abs() - quota_units.floor().to_integer();
            prop_assert_eq!(BigInt::from(part.leftover_units), leftover);
        }
    }

    /// Quota methods on totals of up to 10¹⁸ units.
    #[test]
    fn quota_methods_on_large_totals(s in split_with(1_000_000_000_000_000_000, &QUOTA_METHODS)) {
        let got = s.allocator().allocate(s.total, &s.weights).unwrap();
        let want = reference(s.method, s.units(), &s.weights, Decimal::ONE).unwrap();
        let got: Vec<BigInt> = got.iter().map(|&a| count(a, s.unit).abs()).collect();
        let want: Vec<BigInt> = want.into_iter().map(BigInt::from).collect();
        prop_assert_eq!(got, want);
    }

    /// Divisor methods with up to 10⁹ units and up to 20 weights, against
    /// the N-largest-averages reference.
    #[test]
    fn divisor_methods_on_large_totals(
        units in 0u64..=1_000_000_000,
        raw in prop::collection::vec(prop_oneof![1 => Just(0u64), 6 => 1u64..=1_000_000, 3 => 1u64..=20], 1..=20),
        (method, first) in method_among(&DIVISOR_METHODS),
        unit in prop::sample::select(UNITS.to_vec()),
    ) {
        let weights: Vec<Decimal> = raw.iter().map(|&w| Decimal::from(w)).collect();
        let positive = raw.iter().filter(|&&w| w > 0).count() as u128;
        prop_assume!(positive > 0);
        prop_assume!(method != Method::HuntingtonHill || u128::from(units) >= positive);
        let unit = dec(unit);
        let total = Decimal::from(units) * unit;
        let got = Allocator::new().unit(unit).method(method).first_divisor(first)
            .allocate(total, &weights).unwrap();
        let want = n_largest_averages(method, u128::from(units), &scaled(&weights), first.unwrap_or(Decimal::ONE));
        let got: Vec<BigInt> = got.iter().map(|&a| count(a, unit)).collect();
        let want: Vec<BigInt> = want.into_iter().map(BigInt::from).collect();
        prop_assert_eq!(got, want);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Long lists of whole weights drawn from a few values, so that many
    /// parts tie at the threshold of the leftover units: `allocate` and
    /// `allocate_units` both give the reference's units, for every method.
    #[test]
    fn long_lists_with_many_ties(
        units in 0u64..=400,
        raw in prop::collection::vec(prop_oneof![1 => Just(0u64), 6 => 1u64..=4, 2 => 1u64..=1_000_000], 1..=120),
        (method, first) in method_among(&Method::ALL),
        negative in any::<bool>(),
    ) {
        let weights: Vec<Decimal> = raw.iter().map(|&w| Decimal::from(w)).collect();
        let positive = raw.iter().filter(|&&w| w > 0).count() as u128;
        prop_assume!(positive > 0);
        prop_assume!(method != Method::HuntingtonHill || u128::from(units) >= positive);
        let unit = dec("0.05");
        let mut total = Decimal::from(units) * unit;
        if negative {
            total = -total;
        }
        let allocator = Allocator::new().unit(unit).method(method).first_divisor(first);
        let want = reference(method, u128::from(units), &weights, first.unwrap_or(Decimal::ONE)).unwrap();
        let sign: i64 = if negative { -1 } else { 1 };
        let want: Vec<BigInt> = want.into_iter().map(|u| BigInt::from(u) * sign).collect();
        let got = allocator.allocate(total, &weights).unwrap();
        let got: Vec<BigInt> = got.iter().map(|&a| count(a, unit)).collect();
        prop_assert_eq!(&got, &want);
        let as_units = allocator.allocate_units(total, &raw).unwrap();
        let as_units: Vec<BigInt> = as_units.into_iter().map(BigInt::from).collect();
        prop_assert_eq!(&as_units, &want);
        let to_units = allocator.allocate_to_units(total, &weights).unwrap();
        let to_units: Vec<BigInt> = to_units.into_iter().map(BigInt::from).collect();
        prop_assert_eq!(to_units, want);
    }
}

/// A fixed case of the large-total reference, checked by hand: D'Hondt
/// with 10⁹ units by weights 1 and 3 gives 250 000 000 and 750 000 000.
#[test]
fn large_reference_by_hand() {
    let counts = n_largest_averages(Method::Dhondt, 1_000_000_000, &[1, 3], Decimal::ONE);
    assert_eq!(counts, [250_000_000, 750_000_000]);
    // Sainte-Laguë 1.2, 10 seats by 5100, 2900, 1400, 600: 5, 3, 1, 1.
    let counts = n_largest_averages(
        Method::SainteLague,
        10,
        &[5100, 2900, 1400, 600],
        dec("1.2"),
    );
    assert_eq!(counts, [5, 3, 1, 1]);
    let one = BigRational::one();
    assert_eq!(big(dec("0.25")) * int(4), one);
}
