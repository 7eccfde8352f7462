//! Caps and floors settle: with a `limited` key, no member pays more than
//! its cap or less than its floor (exactly, before rounding), the shares
//! still add up to the whole, and what a cap cuts off goes to the others in
//! proportion to their populations. Exact values are worked out here with
//! big rationals from the plan's own figures, by an independent
//! water-filling loop (with caps only, it is the bounded key's fixed point).

use andel::Plan;
use num_bigint::BigInt;
use num_rational::BigRational;
use num_traits::One;
use proptest::prelude::*;

fn q(n: u64, d: u64) -> BigRational {
    BigRational::new(BigInt::from(n), BigInt::from(d))
}

/// Water-filling, written from the documented rule: hold members above the
/// cap at the cap, share the rest by population among the others, repeat.
/// Returns the shares and which members were held at the cap.
fn settle(pop: &[u64], cap: &BigRational) -> (Vec<BigRational>, Vec<bool>) {
    let mut held: Vec<Option<BigRational>> = vec![None; pop.len()];
    loop {
        let left = BigRational::one() - held.iter().flatten().sum::<BigRational>();
        let free: u64 = pop
            .iter()
            .zip(&held)
            .filter(|(_, h)| h.is_none())
            .map(|(p, _)| p)
            .sum();
        let shares: Vec<BigRational> = pop
            .iter()
            .zip(&held)
            .map(|(&p, h)| h.clone().unwrap_or_else(|| &left * q(p, free)))
            .collect();
        let over: Vec<usize> = (0..pop.len())
            .filter(|&i| held[i].is_none() && shares[i] > *cap)
            .collect();
        if over.is_empty() {
            let held = held.iter().map(Option::is_some).collect();
            return (shares, held);
        }
        for i in over {
            held[i] = Some(cap.clone());
        }
    }
}

fn plan(pop: &[u64], cap_percent: u64, amount: u64) -> String {
    let mut t = format!(
        "format = 1\nname = \"caps\"\nfirst_year = 2026\nyears = 1\n\
         key = {{ type = \"limited\", key = {{ type = \"per_capita\" }}, max_share = \"0.{cap_percent:02}\" }}\n"
    );
    for (i, p) in pop.iter().enumerate() {
        t += &format!(
            "[[members]]\nid = \"m{i}\"\nname = \"M{i}\"\nmetrics.population = {{ \"2024-12-31\" = {p} }}\n"
        );
    }
    t += &format!("[[costs]]\nid = \"c\"\nname = \"C\"\namount = \"{amount}\"\nyear = 2026\n");
    t
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn caps_settle_and_the_whole_is_still_paid(
        pop in prop::collection::vec(1u64..200_000, 3..9),
        cap_percent in 15u64..60,
        amount in 1_000u64..10_000_000,
    ) {
        // A cap the members can meet together: n · cap ≥ 1.
        prop_assume!(pop.len() as u64 * cap_percent >= 100);
        let cap = q(cap_percent, 100);
        let result = Plan::from_toml(&plan(&pop, cap_percent, amount)).unwrap().compute().unwrap();
        let year = &result.years[0];
        let (expected, held) = settle(&pop, &cap);
        prop_assert_eq!(expected.iter().sum::<BigRational>(), BigRational::one());
        let mut paid = 0i64;
        for ((m, share), &capped) in year.members.iter().zip(&expected).zip(&held) {
            let exact = share * BigRational::from_integer(BigInt::from(amount));
            let got: i64 = m.contribution.to_string().parse().unwrap();
            let diff = BigRational::from_integer(BigInt::from(got)) - &exact;
            prop_assert!(diff.clone() * diff.clone() < BigRational::one(), "{}: {} vs {}", m.id, got, exact);
            prop_assert_eq!(m.share.to_string(), share.to_string());
            prop_assert!(*share <= cap);
            // Reported as capped exactly when the water-filling held it.
            prop_assert_eq!(m.limits.iter().any(|l| l.contains("capped")), capped, "{:?}", &m.limits);
            paid += got;
        }
        prop_assert_eq!(paid, amount as i64);
    }
}

#[test]
fn caps_that_cannot_be_met_are_an_error() {
    // Three members capped at 30 % cannot pay the whole.
    let err = Plan::from_toml(&plan(&[10, 20, 30], 30, 1000))
        .unwrap()
        .compute()
        .unwrap_err();
    assert_eq!(err.code(), "impossible_caps");
}
