//! Properties of [`Budget`]: for random members and keys, every member's
//! contribution is within one unit of its exact share, computed here with
//! big rationals straight from the key's definition (not through andel),
//! and the contributions add up to the total exactly.

use andel::Decimal;
use andel::plan::{Budget, BudgetKey, BudgetMember};
use num_bigint::BigInt;
use num_rational::BigRational;
use num_traits::{Signed, Zero};
use proptest::prelude::*;
use std::collections::BTreeMap;

fn ratio(d: Decimal) -> BigRational {
    BigRational::new(BigInt::from(d.mantissa()), BigInt::from(10).pow(d.scale()))
}

/// Each member's exact share of the total, from the key's definition.
fn exact_shares(budget: &Budget) -> Vec<BigRational> {
    let total = ratio(budget.total);
    let n = budget.members.len();
    let pops: Vec<BigRational> = budget
        .members
        .iter()
        .map(|m| ratio(m.population.unwrap()))
        .collect();
    let by_population = |amount: &BigRational, who: &[bool]| -> Vec<BigRational> {
        let sum: BigRational = pops
            .iter()
            .zip(who)
            .filter(|(_, w)| **w)
            .map(|(p, _)| p.clone())
            .sum();
        pops.iter()
            .zip(who)
            .map(|(p, w)| {
                if *w {
                    amount * p / &sum
                } else {
                    BigRational::zero()
                }
            })
            .collect()
    };
    let everyone = vec![true; n];
    match &budget.key {
        BudgetKey::PerCapita => by_population(&total, &everyone),
        BudgetKey::Equal => vec![&total / BigInt::from(n); n],
        BudgetKey::Blend { fixed } => {
            let fixed_part = &total * ratio(*fixed);
            let rest = &total - &fixed_part;
            let equal = &fixed_part / BigInt::from(n);
            by_population(&rest, &everyone)
                .into_iter()
                .map(|p| p + &equal)
                .collect()
        }
        BudgetKey::FixedShares { shares } => {
            let fixed: Vec<Option<BigRational>> = budget
                .members
                .iter()
                .map(|m| shares.get(&m.id).map(|s| &total * ratio(*s)))
                .collect();
            let taken: BigRational = fixed.iter().flatten().cloned().sum();
            let others: Vec<bool> = fixed.iter().map(Option::is_none).collect();
            let rest = by_population(&(&total - taken), &others);
            fixed
                .into_iter()
                .zip(rest)
                .map(|(f, r)| f.unwrap_or(r))
                .collect()
        }
        _ => unreachable!("the strategy makes no other key"),
    }
}

fn key(n: usize) -> impl Strategy<Value = BudgetKey> {
    prop_oneof![
        Just(BudgetKey::PerCapita),
        Just(BudgetKey::Equal),
        (0u32..=100).prop_map(|p| BudgetKey::Blend {
            fixed: Decimal::new(p.into(), 2)
        }),
        // Fixed shares for some members, at most 90 % together, and never
        // for everyone, so somebody is left to share the rest.
        proptest::collection::vec(proptest::option::of(0u32..=30), n).prop_map(move |s| {
            let mut left = 90;
            let mut shares = BTreeMap::new();
            for (i, p) in s.into_iter().enumerate().take(n - 1) {
                if let Some(p) = p.filter(|p| *p <= left) {
                    left -= p;
                    shares.insert(format!("m{i}"), Decimal::new(p.into(), 2));
                }
            }
            BudgetKey::FixedShares { shares }
        }),
    ]
}

fn budget() -> impl Strategy<Value = Budget> {
    (1usize..12)
        .prop_flat_map(|n| {
            (
                proptest::collection::vec(1u32..2_000_000, n),
                key(n),
                0u64..100_000_000_000,
                prop_oneof![Just("0.01"), Just("1"), Just("100"), Just("1000")],
            )
        })
        .prop_map(|(pops, key, units, unit)| {
            let unit: Decimal = unit.parse().unwrap();
            Budget {
                key,
                unit,
                members: pops
                    .into_iter()
                    .enumerate()
                    .map(|(i, p)| BudgetMember {
                        id: format!("m{i}"),
                        name: format!("Member {i}"),
                        population: Some(p.into()),
                    })
                    .collect(),
                ..Budget::new(2025, Decimal::from(units) * unit)
            }
        })
}

proptest! {
    #[test]
    fn within_one_unit_of_the_exact_share_and_summing_exactly(budget in budget()) {
        let result = budget.compute().unwrap();
        let year = &result.years[0];
        let mut sum = Decimal::ZERO;
        for (member, exact) in year.members.iter().zip(exact_shares(&budget)) {
            let off = ratio(member.contribution) - exact;
            prop_assert!(off.abs() < ratio(budget.unit), "{}: {} off", member.id, off);
            prop_assert!((member.contribution / budget.unit).fract().is_zero());
            sum += member.contribution;
        }
        prop_assert_eq!(sum, budget.total);
        prop_assert_eq!(result.total, budget.total);
    }
}
